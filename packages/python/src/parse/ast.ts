/**
 * The abstract syntax tree the parser builds from @lezer/python's concrete tree, shaped after CPython's
 * `ast` module (same node names and fields where they exist). Every node carries its source position.
 * Nothing here knows about bytecode or the heap.
 */

/** A source span: 1-based lines, 0-based columns in characters of the line, end exclusive. */
export interface Pos {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** A constant value as the parser and the constant folder see it (no identity yet). */
export type ConstValue =
  | { t: "none" }
  | { t: "bool"; v: boolean }
  | { t: "ellipsis" }
  | { t: "int"; v: bigint }
  | { t: "float"; v: number }
  | { t: "complex"; re: number; im: number }
  | { t: "str"; v: string }
  | { t: "bytes"; v: Uint8Array }
  | { t: "tuple"; items: ConstValue[] }
  | { t: "frozenset"; items: ConstValue[] };

export type ExprContext = "load" | "store" | "del";

export type BinOpName = "+" | "-" | "*" | "@" | "/" | "//" | "%" | "**" | "<<" | ">>" | "&" | "|" | "^";
export type UnaryOpName = "+" | "-" | "~" | "not";
export type CmpOpName = "<" | "<=" | "==" | "!=" | ">" | ">=" | "is" | "is not" | "in" | "not in";

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

export interface Keyword {
  /** null for `**expr`. */
  arg: string | null;
  value: Expr;
  pos: Pos;
}

export interface Arg {
  name: string;
  annotation: Expr | null;
  pos: Pos;
}

export interface Arguments {
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One per kwonly arg, null where there is no default. */
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last positional parameters. */
  defaults: Expr[];
}

export type Expr = { pos: Pos } & (
  | { k: "Name"; id: string; ctx: ExprContext }
  | { k: "Constant"; value: ConstValue; /** created by the parser/optimizer from source (arena-owned) */ }
  | { k: "BinOp"; op: BinOpName; left: Expr; right: Expr }
  | { k: "UnaryOp"; op: UnaryOpName; operand: Expr }
  | { k: "BoolOp"; op: "and" | "or"; values: Expr[] }
  | { k: "Compare"; left: Expr; ops: CmpOpName[]; comparators: Expr[] }
  | { k: "Call"; func: Expr; args: Expr[]; keywords: Keyword[] }
  | { k: "Attribute"; value: Expr; attr: string; ctx: ExprContext; attrPos: Pos }
  | { k: "Subscript"; value: Expr; slice: Expr; ctx: ExprContext }
  | { k: "Slice"; lower: Expr | null; upper: Expr | null; step: Expr | null }
  | { k: "Tuple"; elts: Expr[]; ctx: ExprContext }
  | { k: "List"; elts: Expr[]; ctx: ExprContext }
  | { k: "Set"; elts: Expr[] }
  | { k: "Dict"; keys: (Expr | null)[]; values: Expr[] }
  | { k: "ListComp"; elt: Expr; generators: Comprehension[] }
  | { k: "SetComp"; elt: Expr; generators: Comprehension[] }
  | { k: "GeneratorExp"; elt: Expr; generators: Comprehension[] }
  | { k: "DictComp"; key: Expr; value: Expr; generators: Comprehension[] }
  | { k: "Lambda"; args: Arguments; body: Expr }
  | { k: "IfExp"; test: Expr; body: Expr; orelse: Expr }
  | { k: "JoinedStr"; values: Expr[] }
  | { k: "FormattedValue"; value: Expr; conversion: number; formatSpec: Expr | null }
  | { k: "Starred"; value: Expr; ctx: ExprContext }
  | { k: "Yield"; value: Expr | null }
  | { k: "YieldFrom"; value: Expr }
  | { k: "NamedExpr"; target: Expr; value: Expr }
);

export interface ExceptHandler {
  type: Expr | null;
  name: string | null;
  body: Stmt[];
  pos: Pos;
}

export interface WithItem {
  contextExpr: Expr;
  optionalVars: Expr | null;
}

export interface Alias {
  name: string;
  asname: string | null;
  pos: Pos;
}

export type Stmt = { pos: Pos } & (
  | { k: "Expr"; value: Expr }
  | { k: "Assign"; targets: Expr[]; value: Expr }
  | { k: "AugAssign"; target: Expr; op: BinOpName; value: Expr }
  | { k: "AnnAssign"; target: Expr; annotation: Expr; value: Expr | null; simple: boolean }
  | { k: "Delete"; targets: Expr[] }
  | { k: "Pass" }
  | { k: "Break" }
  | { k: "Continue" }
  | { k: "Return"; value: Expr | null }
  | { k: "Raise"; exc: Expr | null; cause: Expr | null }
  | { k: "Global"; names: string[] }
  | { k: "Nonlocal"; names: string[] }
  | { k: "Assert"; test: Expr; msg: Expr | null }
  | { k: "Import"; names: Alias[] }
  | { k: "ImportFrom"; module: string | null; names: Alias[]; level: number }
  | { k: "If"; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: "While"; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: "For"; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: "Try"; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finalbody: Stmt[]; /** except* */ star: boolean }
  | { k: "With"; items: WithItem[]; body: Stmt[] }
  | { k: "Match"; subject: Expr; cases: MatchCase[] }
  | {
      k: "FunctionDef";
      name: string;
      args: Arguments;
      body: Stmt[];
      decorators: Expr[];
      returns: Expr | null;
    }
  | { k: "ClassDef"; name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorators: Expr[] }
);

/** A pattern of a `case` clause (CPython's `pattern` nodes). */
export type Pattern = { pos: Pos } & (
  /** A literal (not None/True/False) or a dotted name, compared with ==. */
  | { k: "MatchValue"; value: Expr }
  /** None, True or False, compared with `is`. */
  | { k: "MatchSingleton"; value: ConstValue }
  | { k: "MatchSequence"; patterns: Pattern[] }
  /** `rest` names the `**rest` capture. */
  | { k: "MatchMapping"; keys: Expr[]; patterns: Pattern[]; rest: string | null }
  | { k: "MatchClass"; cls: Expr; patterns: Pattern[]; kwdAttrs: string[]; kwdPatterns: Pattern[] }
  /** `*name` inside a sequence pattern; name null for `*_`. */
  | { k: "MatchStar"; name: string | null }
  /** `pattern as name`, a capture (pattern null) or the wildcard `_` (both null). */
  | { k: "MatchAs"; pattern: Pattern | null; name: string | null }
  | { k: "MatchOr"; patterns: Pattern[] }
);

/** One `case` clause. */
export interface MatchCase {
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
}

export interface Module {
  body: Stmt[];
}
