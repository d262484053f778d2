/**
 * Source text → AST (ast.ts). @lezer/python builds a concrete syntax tree (it recovers from errors with
 * error nodes); this file walks it and builds CPython-shaped AST nodes with positions. Any error node, or a
 * construct we do not support, becomes a PySyntaxError with CPython's message where we know it.
 *
 * Start reading at `parseModule`. Strings and numbers are decoded here (lezer only delimits them).
 */
import { parser } from "@lezer/python";
import type { SyntaxNode } from "@lezer/common";
import type {
  Alias,
  Arg,
  Arguments,
  BinOpName,
  CmpOpName,
  Comprehension,
  ConstValue,
  ExceptHandler,
  Expr,
  ExprContext,
  Keyword,
  MatchCase,
  Module,
  Pattern,
  Pos,
  Stmt,
  WithItem,
} from "./ast.js";
import { LineMap, PySyntaxError, syntaxErrorAt } from "./errors.js";
import { namedEscape } from "../objects/unicode-names.js";
import { findSyntaxProblem, isCompTargetStar, isLambdaSlash } from "./syntax-errors.js";
import { describeParseError, equalsSlip, errorAtEnd, tokenEnd } from "./parse-error.js";

type E = Expr;

/** Parses a whole source text (a module) into an AST. Throws PySyntaxError. */
export function parseModule(source: string, filename: string, interactive = false): Module {
  const lines = new LineMap(source);
  const { text, subjects } = hideTupleSubjects(source);
  const merged = mergePatternStrings(text);
  const tree = parser.parse(hidePrintNames(merged.text));
  const problem = findSyntaxProblem(merged.text, tree.topNode, lines, filename, interactive);
  if (problem) throw problem;
  const b = new AstBuilder(source, lines, filename);
  b.tupleSubjects = subjects;
  b.mergedStrings = merged.starts;
  b.emptyCalls = merged.calls;
  return { body: b.statements(tree.topNode) };
}

/**
 * lezer reads a statement's first `print` as Python 2's print statement also where Python 3 has the name
 * (`print = log`, `print: T`, `print, x = …`, `print[0]`, `print is None`, a bare `print`): lezer is shown
 * another name of the same length (the AST builder reads the original text). A `print` followed by a
 * name, number, string or `{` stays, for the "Missing parentheses" error. lezer has no number with a dot
 * and no digit after it (`3.`, `1/3.`, `1.e5`, `2.j`): it is shown the '.' as a '_' (`3_`, `1_e5`).
 */
export function hidePrintNames(text: string): string {
  return text.replace(/\bprint\b(?!\s*["'{]|\s+(?!(?:is|in|and|or|if)\b)\w)/g, "prin_").replace(/(?<![\w.\u0080-\uffff])(\d[\d_]*)\.(?!\d)/g, "$1_");
}

/**
 * lezer's pattern grammar takes one string literal where Python takes several side by side
 * (`case "a" "b":`). In the pattern part of a `case` line, adjacent literals with the same quote are
 * shown to lezer as one (the quotes between them become spaces, so offsets stay put); the AST builder
 * reads the original text. Returns the text for lezer and the start offsets of the merged literals.
 * lezer's class patterns also want an argument (its error recovery after `str()` can swallow a `)`:
 * `case (str() | bytes()):`), so an empty argument list `()` is shown as `._` (an attribute pattern of
 * the same length); `calls` holds the offsets of those dots.
 */
function mergePatternStrings(source: string): { text: string; starts: Set<number>; calls: Set<number> } {
  const starts = new Set<number>();
  const calls: number[] = [];
  if (!source.includes("case")) return { text: source, starts, calls: new Set() };
  const re = /^[ \t]*case[ \t]+/gm;
  let chars: string[] | null = null;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    let depth = 0;
    /** The previous token when it was a plain string literal: [start, quote offset, closing quote offset]. */
    let prev: [number, number, number] | null = null;
    let runStart = -1;
    const mark = calls.length;
    for (let i = m.index + m[0].length; i < source.length; ) {
      const ch = source[i]!;
      if (ch === "\n" || ch === "#") break;
      // a pattern has no `=` outside brackets: `case = f()` assigns to a name `case`
      if (ch === "=" && !depth) {
        calls.length = mark;
        break;
      }
      if (ch === " " || ch === "\t") {
        i++;
        continue;
      }
      const lit = /^([a-zA-Z]{0,2})(['"])/.exec(source.slice(i, i + 3));
      if (lit && (i === 0 || !/[\w]/.test(source[i - 1]!))) {
        const open = i + lit[1]!.length;
        const q = lit[2]!;
        if (source.startsWith(q.repeat(3), open)) break;
        let j = open + 1;
        while (j < source.length && source[j] !== q && source[j] !== "\n") j += source[j] === "\\" ? 2 : 1;
        if (j >= source.length || source[j] !== q) break;
        const plain = !/[fF]/.test(lit[1]!);
        // the merged literal keeps the first one's quote: the next one may not contain it
        const first = prev ? source[prev[1]]! : "";
        const sameKind = prev !== null && /[bB]/.test(source.slice(prev[0], prev[1])) === /[bB]/.test(lit[1]!);
        if (prev && plain && sameKind && (first === q || !source.slice(open + 1, j).includes(first))) {
          chars ??= source.split("");
          for (let k = prev[2]; k <= open; k++) chars[k] = " ";
          chars[j] = first;
          if (runStart < 0) runStart = prev[0];
          starts.add(runStart);
          prev = [prev[0], prev[1], j];
        } else {
          prev = plain ? [i, open, j] : null;
          runStart = -1;
        }
        i = j + 1;
        continue;
      }
      prev = null;
      runStart = -1;
      if (ch === "(" || ch === "[" || ch === "{") depth++;
      else if (ch === ")" || ch === "]" || ch === "}") depth--;
      else if (depth === 0 && (ch === ":" || (source.startsWith("if", i) && !/[\w]/.test(source[i + 2] ?? "")))) break;
      const word = /^[A-Za-z_0-9.]+/.exec(source.slice(i));
      i += word ? word[0].length : 1;
      if (word && /^[A-Za-z_]/.test(word[0]) && source.startsWith("()", i)) {
        calls.push(i);
        i += 2;
      }
    }
  }
  for (const at of calls) {
    chars ??= source.split("");
    chars[at] = ".";
    chars[at + 1] = "_";
  }
  return { text: chars ? chars.join("") : source, starts, calls: new Set(calls) };
}

/**
 * lezer's grammar reads one expression after `match`; Python also takes a tuple (`match x, y:`). Such a
 * subject is hidden from lezer behind a name of the same length (every offset stays put) and parsed on
 * its own by the AST builder. Returns the text for lezer and the hidden subjects' [start, end) offsets.
 */
function hideTupleSubjects(source: string): { text: string; subjects: Map<number, number> } {
  const subjects = new Map<number, number>();
  if (!source.includes("match")) return { text: source, subjects };
  const re = /^([ \t]*)match([ \t]+)/gm;
  let chars: string[] | null = null;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const start = m.index + m[0].length;
    let depth = 0;
    let quote = "";
    let comma = false;
    let colon = -1;
    for (let i = start; i < source.length; i++) {
      const ch = source[i]!;
      if (quote) {
        if (ch === "\\") i++;
        else if (ch === quote) quote = "";
        else if (ch === "\n") break;
        continue;
      }
      if (ch === "\n" || ch === "#") break;
      if (ch === "'" || ch === '"') quote = ch;
      else if (ch === "(" || ch === "[" || ch === "{") depth++;
      else if (ch === ")" || ch === "]" || ch === "}") depth--;
      else if (depth === 0 && ch === ",") comma = true;
      else if (depth === 0 && ch === ":") colon = i;
    }
    if (!comma || colon < 0) continue;
    let end = colon;
    while (end > start && /\s/.test(source[end - 1]!)) end--;
    chars ??= source.split("");
    subjects.set(start, end);
    for (let i = start; i < end; i++) chars[i] = "_";
  }
  return { text: chars ? chars.join("") : source, subjects };
}

const AUG_OPS: Record<string, BinOpName> = {
  "+=": "+", "-=": "-", "*=": "*", "@=": "@", "/=": "/", "//=": "//", "%=": "%", "**=": "**",
  "<<=": "<<", ">>=": ">>", "&=": "&", "|=": "|", "^=": "^",
};

/** Children of a node, without comments. */
export function kids(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (c.name !== "Comment") out.push(c);
  }
  return out;
}

/** Splits a child list at "," tokens. */
function splitComma(nodes: SyntaxNode[]): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const n of nodes) {
    if (n.name === ",") groups.push([]);
    else groups[groups.length - 1]!.push(n);
  }
  return groups;
}

class AstBuilder {
  constructor(
    readonly src: string,
    readonly lines: LineMap,
    readonly filename: string,
    /** Offset of `src` in the file (non-zero for expressions inside f-strings, parsed on their own). */
    readonly base = 0,
  ) {}

  /** Start offsets of string literals side by side in a pattern that lezer saw as one (mergePatternStrings). */
  mergedStrings: Set<number> | null = null;

  /** Offsets of empty class-pattern argument lists shown to lezer as `._` (mergePatternStrings). */
  emptyCalls: Set<number> | null = null;

  /** Tuple subjects of `match` hidden from lezer (see hideTupleSubjects): start → end offsets. */
  tupleSubjects: Map<number, number> | null = null;

  /** How many `def`/`lambda` bodies enclose the node being built. */
  funcDepth = 0;

  // ---- positions and errors ----

  pos(from: number, to: number): Pos {
    while (to > from && /\s/.test(this.src[to - 1]!)) to--;
    from += this.base;
    to += this.base;
    return { line: this.lines.line(from), col: this.lines.col(from), endLine: this.lines.line(to), endCol: this.lines.col(to) };
  }
  npos(n: SyntaxNode): Pos {
    return this.pos(n.from, n.to);
  }
  span(a: Pos, b: Pos): Pos {
    return { line: a.line, col: a.col, endLine: b.endLine, endCol: b.endCol };
  }
  text(n: SyntaxNode): string {
    return this.src.slice(n.from, n.to);
  }
  error(msg: string, p: Pos): PySyntaxError {
    return syntaxErrorAt(this.lines, this.filename, msg, p.line, p.col, p.endLine, p.endCol);
  }
  /** A literal's unicode error: python3 places it after the string's token. */
  failAtEnd(p: Pos): (msg: string) => PySyntaxError {
    return (msg) => this.error(msg, { line: p.endLine, col: p.endCol, endLine: p.endLine, endCol: p.endCol });
  }
  unsupported(what: string, n: SyntaxNode): PySyntaxError {
    return this.error(`${what} is not supported`, this.npos(n));
  }

  // ---- statements ----

  statements(parent: SyntaxNode): Stmt[] {
    const out: Stmt[] = [];
    for (const c of kids(parent)) {
      if (c.name === ":" ) continue;
      this.statement(c, out);
    }
    return out;
  }

  body(n: SyntaxNode | undefined): Stmt[] {
    if (!n || n.name !== "Body") throw this.error("invalid syntax", n ? this.npos(n) : { line: 1, col: 0, endLine: 1, endCol: 1 });
    return this.statements(n);
  }

  statement(n: SyntaxNode, out: Stmt[]): void {
    switch (n.name) {
      case "StatementGroup":
        for (const c of kids(n)) if (c.name !== ";") this.statement(c, out);
        return;
      case "DecoratedStatement": {
        const ks = kids(n);
        const decorators = ks.filter((k) => k.name === "Decorator").map((d) => this.decorator(d));
        const def = ks[ks.length - 1]!;
        // the statement's position is the `def`/`class` line; decorators keep their own
        out.push(def.name === "ClassDefinition" ? this.classDef(def, decorators) : this.funcDef(def, decorators));
        return;
      }
      default:
        out.push(this.simpleOrCompound(n));
    }
  }

  simpleOrCompound(n: SyntaxNode): Stmt {
    const pos = this.npos(n);
    const ks = kids(n);
    switch (n.name) {
      case "ExpressionStatement":
        return { k: "Expr", value: this.exprList(ks, "load"), pos };
      case "AssignStatement":
        return this.assign(n, ks, pos);
      case "UpdateStatement": {
        const opIdx = ks.findIndex((k) => k.name === "UpdateOp");
        const target = this.exprList(ks.slice(0, opIdx), "store");
        this.checkAugTarget(target);
        const rhs = ks.slice(opIdx + 1);
        const value = rhs.length === 1 && rhs[0]!.name === "YieldExpression" ? this.expr(rhs[0]!) : this.exprList(rhs, "load");
        return { k: "AugAssign", target, op: AUG_OPS[this.text(ks[opIdx]!)]!, value, pos };
      }
      case "DeleteStatement": {
        const targets = splitComma(ks.slice(1)).filter((g) => g.length).map((g) => {
          const t = this.exprList(g, "del");
          this.checkTarget(t, "del");
          return t;
        });
        return { k: "Delete", targets, pos };
      }
      case "PassStatement":
        return { k: "Pass", pos };
      case "BreakStatement":
        return { k: "Break", pos };
      case "ContinueStatement":
        return { k: "Continue", pos };
      case "ReturnStatement":
        return { k: "Return", value: ks.length > 1 ? this.exprList(ks.slice(1), "load") : null, pos };
      case "YieldStatement":
        return { k: "Expr", value: this.yieldExpr(n), pos };
      case "RaiseStatement": {
        const fromIdx = ks.findIndex((k) => k.name === "from");
        if (ks.some((k) => k.name === ",")) throw this.error("invalid syntax", pos);
        if (ks.length === 1) return { k: "Raise", exc: null, cause: null, pos };
        const exc = this.expr(ks[1]!);
        const cause = fromIdx > 0 ? this.expr(ks[fromIdx + 1]!) : null;
        return { k: "Raise", exc, cause, pos };
      }
      case "ScopeStatement": {
        const names = ks.filter((k) => k.name === "VariableName").map((k) => this.text(k));
        return ks[0]!.name === "global" ? { k: "Global", names, pos } : { k: "Nonlocal", names, pos };
      }
      case "AssertStatement": {
        const groups = splitComma(ks.slice(1));
        const test = this.expr(groups[0]![0]!);
        const msg = groups.length > 1 && groups[1]!.length ? this.expr(groups[1]![0]!) : null;
        return { k: "Assert", test, msg, pos };
      }
      case "ImportStatement":
        return this.importStmt(ks, pos);
      case "IfStatement":
        return this.ifStmt(ks, 0);
      case "WhileStatement": {
        const test = this.expr(ks[1]!);
        const body = this.body(ks[2]);
        const orelse = ks[3]?.name === "else" ? this.body(ks[4]) : [];
        return { k: "While", test, body, orelse, pos };
      }
      case "ForStatement": {
        if (ks[0]!.name === "async") throw this.unsupported("'async for'", n);
        const inIdx = ks.findIndex((k) => k.name === "in");
        const bodyIdx = ks.findIndex((k) => k.name === "Body");
        const target = this.exprList(ks.slice(1, inIdx), "store");
        this.checkTarget(target, "store");
        const iter = this.exprList(ks.slice(inIdx + 1, bodyIdx), "load");
        const body = this.body(ks[bodyIdx]);
        const orelse = ks[bodyIdx + 1]?.name === "else" ? this.body(ks[bodyIdx + 2]) : [];
        return { k: "For", target, iter, body, orelse, pos };
      }
      case "TryStatement":
        return this.tryStmt(ks, pos);
      case "WithStatement": {
        if (ks[0]!.name === "async") throw this.unsupported("'async with'", n);
        const bodyIdx = ks.findIndex((k) => k.name === "Body");
        const items: WithItem[] = splitComma(ks.slice(1, bodyIdx)).map((g) => {
          const asIdx = g.findIndex((k) => k.name === "as");
          const contextExpr = this.expr(g[0]!);
          let optionalVars: E | null = null;
          if (asIdx >= 0) {
            optionalVars = this.exprList(g.slice(asIdx + 1), "store");
            this.checkTarget(optionalVars, "store");
          }
          return { contextExpr, optionalVars };
        });
        return { k: "With", items, body: this.body(ks[bodyIdx]), pos };
      }
      case "FunctionDefinition":
        return this.funcDef(n, []);
      case "ClassDefinition":
        return this.classDef(n, []);
      case "MatchStatement":
        return this.matchStmt(ks, pos);
      case "TypeDefinition":
        throw this.error("the 'type' statement is not supported", pos);
      case "PrintStatement": {
        const text = this.lines.lineText(pos.line);
        throw this.error("Missing parentheses in call to 'print'. Did you mean print(...)?", { ...pos, endLine: pos.line, endCol: text.replace(/\s*(#.*)?$/, "").length });
      }
      default:
        throw this.error("invalid syntax", pos);
    }
  }

  assign(n: SyntaxNode, ks: SyntaxNode[], pos: Pos): Stmt {
    const typeIdx = ks.findIndex((k) => k.name === "TypeDef");
    if (typeIdx >= 0) {
      const targetNodes = ks.slice(0, typeIdx);
      const target = this.exprList(targetNodes, "store");
      if (target.k === "Tuple") throw this.error("only single target (not tuple) can be annotated", target.pos);
      this.checkTarget(target, "store");
      const annotation = this.expr(kids(ks[typeIdx]!).filter((k) => k.name !== ":")[0]!);
      const rest = ks.slice(typeIdx + 1);
      if (rest.filter((k) => k.name === "AssignOp").length > 1) throw this.error("invalid syntax", pos);
      const value = rest.length ? this.valueOf(rest.slice(1)) : null;
      const simple = target.k === "Name" && targetNodes.length === 1 && targetNodes[0]!.name === "VariableName";
      return { k: "AnnAssign", target, annotation, value, simple, pos };
    }
    const groups: SyntaxNode[][] = [[]];
    for (const k of ks) {
      if (k.name === "AssignOp") groups.push([]);
      else groups[groups.length - 1]!.push(k);
    }
    const rhs = groups.pop()!;
    const value = this.valueOf(rhs);
    const targets = groups.map((g) => this.exprList(g, "store"));
    try {
      for (const t of targets) this.checkTarget(t, "store");
    } catch (e) {
      // python3 first tries the first target's last item as a condition's `x = y` ("Maybe you meant '=='")
      const t = targets[0]!;
      const item = t.k === "Tuple" && groups[0]!.length > 1 ? t.elts[t.elts.length - 1]! : t;
      const slip = equalsSlip([...groups, rhs], this.src, this.describe(item));
      if (!slip) throw e;
      throw this.error(slip[0], slip[1] < 0 ? item.pos : this.pos(groups[0]![groups[0]!.length - 1]!.from, slip[1]));
    }
    void n;
    return { k: "Assign", targets, value, pos };
  }

  valueOf(g: SyntaxNode[]): E {
    if (g.length === 1 && g[0]!.name === "YieldExpression") return this.yieldExpr(g[0]!);
    return this.exprList(g, "load");
  }

  // ---- match statements (PEP 634) ----

  /** `match subject:` followed by `case` clauses. */
  matchStmt(ks: SyntaxNode[], pos: Pos): Stmt {
    const bodyNode = ks[ks.length - 1]!;
    const subjectNodes = ks.slice(1, ks.length - 1);
    if (bodyNode.name !== "MatchBody" || subjectNodes.length !== 1 || subjectNodes[0]!.name === "*") {
      throw this.error("invalid syntax", subjectNodes.length ? this.npos(subjectNodes[0]!) : pos);
    }
    const sn = subjectNodes[0]!;
    const hidden = this.tupleSubjects?.get(sn.from + this.base);
    const subject = hidden !== undefined ? this.tupleSubject(sn.from, hidden - this.base) : this.expr(sn);
    const cases: MatchCase[] = [];
    for (const c of kids(bodyNode)) {
      if (c.name !== "MatchClause") continue;
      cases.push(this.matchCase(c));
    }
    const last = cases[cases.length - 1]!.body;
    return { k: "Match", subject, cases, pos: this.span(pos, last[last.length - 1]!.pos) };
  }

  /** `match a, *b:`: the subject text parsed on its own as an expression list (a tuple). */
  tupleSubject(from: number, to: number): E {
    return this.standalone(from, to);
  }

  /** Source text [from, to) parsed on its own as an expression list, keeping file positions. */
  standalone(from: number, to: number): E {
    const text = this.src.slice(from, to);
    const tree = parser.parse(text);
    let bad = false;
    tree.iterate({
      enter: (n) => {
        if (n.type.isError) bad = true;
      },
    });
    const stmt = kids(tree.topNode)[0];
    if (bad || !stmt || stmt.name !== "ExpressionStatement" || kids(tree.topNode).length !== 1) {
      throw this.error("invalid syntax", this.pos(from, to));
    }
    const b = new AstBuilder(text, this.lines, this.filename, this.base + from);
    return b.exprList(kids(stmt), "load");
  }

  matchCase(n: SyntaxNode): MatchCase {
    const ks = kids(n);
    const guardNode = ks.find((k) => k.name === "Guard");
    const bodyNode = ks.find((k) => k.name === "Body");
    const patternNodes = ks.slice(1).filter((k) => k !== guardNode && k !== bodyNode);
    const groups = splitComma(patternNodes);
    let pattern: Pattern;
    if (groups.length === 1) {
      pattern = this.pattern(groups[0]!);
    } else {
      // an open sequence pattern: `case a, *rest:`
      const items = groups.filter((g) => g.length).map((g) => this.pattern(g, true));
      pattern = { k: "MatchSequence", patterns: items, pos: this.span(items[0]!.pos, items[items.length - 1]!.pos) };
    }
    let guard: E | null = null;
    if (guardNode) guard = this.expr(kids(guardNode)[1]!);
    return { pattern, guard, body: this.body(bodyNode) };
  }

  /** One pattern from its node (a group of one node; more means lezer read something else). */
  /** `inner as NAME` of the AsPattern node `n`. */
  asPattern(n: SyntaxNode, inner: Pattern, pos: Pos): Pattern {
    const ks = kids(n);
    // `p as a as b` (unparenthesized) is invalid syntax at the second `as`
    if (ks[0]!.name === "AsPattern") throw this.error("invalid syntax", this.npos(ks[1]!));
    const nameNode = ks[ks.length - 1]!;
    const name = this.text(nameNode);
    if (name === "_") throw this.error("cannot use '_' as a target", this.npos(nameNode));
    return { k: "MatchAs", pattern: inner, name: this.captureName(name, this.npos(nameNode)), pos };
  }

  pattern(g: SyntaxNode[], inSequence = false): Pattern {
    if (g.length !== 1) throw this.error("invalid syntax", g.length ? this.npos(g[0]!) : { line: 1, col: 0, endLine: 1, endCol: 1 });
    const n = g[0]!;
    const pos = this.npos(n);
    const ks = kids(n);
    switch (n.name) {
      case "CapturePattern": {
        const name = this.text(ks[0]!);
        return { k: "MatchAs", pattern: null, name: name === "_" ? null : this.captureName(name, pos), pos };
      }
      case "LiteralPattern":
        return this.literalPattern(n, ks, pos);
      case "AttributePattern": {
        const value = this.attributePattern(ks, "load");
        if (value.k === "Attribute" && this.emptyCalls?.has(ks.at(-2)!.from + this.base)) {
          return { k: "MatchClass", cls: value.value, patterns: [], kwdAttrs: [], kwdPatterns: [], pos };
        }
        return { k: "MatchValue", value, pos };
      }
      case "AsPattern":
        return this.asPattern(n, this.pattern([ks[0]!]), pos);
      case "OrPattern": {
        // lezer reads `a | b as n` as `a | (b as n)`; in CPython's grammar `as` takes the whole list of
        // alternatives, and an `as` followed by another `|` is invalid syntax there
        let asNode: SyntaxNode | null = null;
        ks.forEach((k, i) => {
          if (k.name !== "AsPattern") return;
          if (i < ks.length - 1) throw this.error("invalid syntax", this.npos(ks[i + 1]!));
          asNode = k;
        });
        const patterns: Pattern[] = [];
        for (const k of ks) {
          if (k.name === "LogicOp") continue;
          const p = this.pattern([k === asNode ? kids(k)[0]! : k]);
          // `a | b | c` is one alternative list, as CPython's grammar reads it
          if (p.k === "MatchOr" && k.name === "OrPattern") patterns.push(...p.patterns);
          else patterns.push(p);
        }
        const or: Pattern = { k: "MatchOr", patterns, pos };
        return asNode ? this.asPattern(asNode, or, pos) : or;
      }
      case "StarPattern": {
        if (!inSequence) throw this.error("can't use starred expression here", pos);
        const target = ks[1];
        if (!target || target.name !== "CapturePattern") throw this.error("invalid syntax", pos);
        const name = this.text(kids(target)[0]!);
        return { k: "MatchStar", name: name === "_" ? null : this.captureName(name, pos), pos };
      }
      case "SequencePattern": {
        const open = ks[0]!.name;
        const inner = ks.slice(1, ks.length - 1).filter((k) => !this.isEmptyPatternFiller(k));
        const groups = splitComma(inner);
        if (open === "(" && groups.length === 1 && groups[0]!.length) {
          // a parenthesized pattern, not a tuple
          return this.pattern(groups[0]!, inSequence);
        }
        const patterns = groups.filter((x) => x.length).map((x) => this.pattern(x, true));
        return { k: "MatchSequence", patterns, pos };
      }
      case "MappingPattern":
        return this.mappingPattern(ks, pos);
      case "ClassPattern":
        return this.classPattern(ks, pos);
      default:
        throw this.error("invalid syntax", pos);
    }
  }

  /** lezer's grammar wants an item between empty brackets: an empty LiteralPattern or an error node. */
  isEmptyPatternFiller(n: SyntaxNode): boolean {
    return n.from === n.to || n.type.isError || (n.name === "LiteralPattern" && !kids(n).some((k) => !k.type.isError));
  }

  captureName(name: string, pos: Pos): string {
    if (name === "__debug__") throw this.error("cannot assign to __debug__", pos);
    return name;
  }

  /** `a.b.c` as an attribute load. */
  attributePattern(ks: SyntaxNode[], ctx: ExprContext): E {
    let value: E = { k: "Name", id: this.text(ks[0]!), ctx: "load", pos: this.npos(ks[0]!) };
    for (const k of ks) {
      if (k.name !== "PropertyName") continue;
      value = { k: "Attribute", value, attr: this.text(k), ctx, pos: this.span(value.pos, this.npos(k)), attrPos: this.npos(k) };
    }
    return value;
  }

  literalPattern(n: SyntaxNode, ks: SyntaxNode[], pos: Pos): Pattern {
    const first = ks[0];
    if (!first) throw this.error("invalid syntax", pos);
    if (first.name === "None") return { k: "MatchSingleton", value: { t: "none" }, pos };
    if (first.name === "Boolean") return { k: "MatchSingleton", value: { t: "bool", v: this.text(first) === "True" }, pos };
    if (first.name === "String" || first.name === "ContinuedString") {
      const value = this.mergedStrings?.has(first.from + this.base) ? this.standalone(first.from, first.to) : this.expr(first);
      if (value.k !== "Constant") throw this.error("patterns may only match literals and attribute lookups", pos);
      return { k: "MatchValue", value, pos };
    }
    // [-] Number [(+|-) Number]
    let i = 0;
    let left: E;
    if (ks[0]!.name === "ArithOp") {
      const num = this.expr(ks[1]!);
      left = { k: "UnaryOp", op: "-", operand: num, pos: this.pos(ks[0]!.from, ks[1]!.to) };
      i = 2;
    } else {
      left = this.expr(ks[0]!);
      i = 1;
    }
    if (i < ks.length) {
      const op = this.text(ks[i]!) as "+" | "-";
      const right = this.expr(ks[i + 1]!);
      const leftNum = left.k === "UnaryOp" ? left.operand : left;
      if (leftNum.k === "Constant" && leftNum.value.t === "complex") throw this.error("real number required in complex literal", left.pos);
      if (right.k !== "Constant" || right.value.t !== "complex") throw this.error("imaginary number required in complex literal", right.pos);
      left = { k: "BinOp", op, left, right, pos };
    }
    void n;
    return { k: "MatchValue", value: left, pos };
  }

  mappingPattern(ks: SyntaxNode[], pos: Pos): Pattern {
    const inner = ks.slice(1, ks.length - 1).filter((k) => !this.isEmptyPatternFiller(k) || k.prevSibling?.name === "VariableName");
    const keys: E[] = [];
    const patterns: Pattern[] = [];
    let rest: string | null = null;
    for (const g of splitComma(inner)) {
      if (!g.length) continue;
      if (rest !== null) throw this.error("invalid syntax", this.npos(g[0]!));
      if (g[0]!.name === "**") {
        const target = g[1];
        if (!target || target.name !== "CapturePattern" || g.length !== 2) throw this.error("invalid syntax", this.npos(g[0]!));
        const name = this.text(kids(target)[0]!);
        if (name === "_") throw this.error("invalid syntax", this.npos(target));
        rest = this.captureName(name, this.npos(target));
        continue;
      }
      if (g.length === 4 && g[0]!.name === "VariableName" && g[1]!.type.isError && g[2]!.name === ":") {
        // a dotted key: lezer leaves `.attr…` as an error node after the name (or `str()` seen as `str._`)
        if (this.emptyCalls?.has(g[1]!.from + this.base)) throw this.error("invalid syntax", this.pos(g[1]!.from, g[1]!.from + 1));
        const names = this.text(g[1]!).split(".").map((x) => x.trim()).filter((x) => x);
        let value: E = { k: "Name", id: this.text(g[0]!), ctx: "load", pos: this.npos(g[0]!) };
        let at = g[1]!.from;
        for (const attr of names) {
          const from = this.src.indexOf(attr, at);
          at = from + attr.length;
          const attrPos = this.pos(from, at);
          value = { k: "Attribute", value, attr, ctx: "load", pos: this.span(value.pos, attrPos), attrPos };
        }
        keys.push(value);
        patterns.push(this.pattern([g[3]!]));
        continue;
      }
      if (g.length !== 3 || g[1]!.name !== ":") throw this.error("invalid syntax", this.npos(g[0]!));
      const keyNode = g[0]!;
      let key: E;
      if (keyNode.name === "LiteralPattern") {
        const kp = this.literalPattern(keyNode, kids(keyNode), this.npos(keyNode));
        key = kp.k === "MatchSingleton" ? { k: "Constant", value: kp.value, pos: kp.pos } : (kp as Pattern & { k: "MatchValue" }).value;
      } else if (keyNode.name === "AttributePattern") {
        key = this.attributePattern(kids(keyNode), "load");
      } else {
        throw this.error("invalid syntax", this.npos(keyNode));
      }
      keys.push(key);
      patterns.push(this.pattern([g[2]!]));
    }
    return { k: "MatchMapping", keys, patterns, rest, pos };
  }

  classPattern(ks: SyntaxNode[], pos: Pos): Pattern {
    const clsNode = ks[0]!;
    const cls: E = clsNode.name === "AttributePattern" ? this.attributePattern(kids(clsNode), "load") : { k: "Name", id: this.text(clsNode), ctx: "load", pos: this.npos(clsNode) };
    const argList = ks[1]!;
    const inner = kids(argList).slice(1, -1).filter((k) => !this.isEmptyPatternFiller(k));
    const patterns: Pattern[] = [];
    const kwdAttrs: string[] = [];
    const kwdPatterns: Pattern[] = [];
    for (const g of splitComma(inner)) {
      if (!g.length) continue;
      const k = g[0]!;
      if (g.length === 1 && k.name === "KeywordPattern") {
        const kk = kids(k);
        kwdAttrs.push(this.text(kk[0]!));
        kwdPatterns.push(this.pattern([kk[kk.length - 1]!]));
        continue;
      }
      const p = this.pattern(g);
      if (kwdAttrs.length) throw this.error("positional patterns follow keyword patterns", p.pos);
      patterns.push(p);
    }
    return { k: "MatchClass", cls, patterns, kwdAttrs, kwdPatterns, pos };
  }

  ifStmt(ks: SyntaxNode[], start: number): Stmt {
    // ks[start] is `if` or `elif`
    const test = this.expr(ks[start + 1]!);
    const body = this.body(ks[start + 2]);
    let orelse: Stmt[] = [];
    const next = ks[start + 3];
    if (next?.name === "elif") orelse = [this.ifStmt(ks, start + 3)];
    else if (next?.name === "else") orelse = this.body(ks[start + 4]);
    const last = orelse.length ? orelse[orelse.length - 1]!.pos : body[body.length - 1]!.pos;
    return { k: "If", test, body, orelse, pos: this.span(this.npos(ks[start]!), last) };
  }

  tryStmt(ks: SyntaxNode[], pos: Pos): Stmt {
    const body = this.body(ks[1]);
    const handlers: ExceptHandler[] = [];
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    let star: boolean | null = null;
    let i = 2;
    while (i < ks.length) {
      const k = ks[i]!;
      if (k.name === "except") {
        let j = i + 1;
        const isStar = ks[j]?.name === "*";
        if (isStar) j++;
        if (star !== null && star !== isStar) throw this.error("cannot have both 'except' and 'except*' on the same 'try'", this.npos(k));
        star = isStar;
        if (isStar && ks[j]!.name === "Body") throw this.error("expected one or more exception types", this.npos(k));
        let type: E | null = null;
        let name: string | null = null;
        if (ks[j]!.name !== "Body") {
          type = this.expr(ks[j]!);
          j++;
          if (ks[j]!.name === "as") {
            name = this.text(ks[j + 1]!);
            j += 2;
          } else if (ks[j]!.name === ",") {
            throw this.error("multiple exception types must be parenthesized", type.pos);
          }
        }
        const hb = this.body(ks[j]);
        handlers.push({ type, name, body: hb, pos: this.span(this.npos(k), hb[hb.length - 1]!.pos) });
        i = j + 1;
      } else if (k.name === "else") {
        orelse = this.body(ks[i + 1]);
        i += 2;
      } else if (k.name === "finally") {
        finalbody = this.body(ks[i + 1]);
        i += 2;
      } else {
        throw this.error("invalid syntax", this.npos(k));
      }
    }
    if (!handlers.length && !finalbody.length) {
      // python3 stops at the first token after the try's own block (an 'else' there included; at the end
      // of the input: no column)
      const msg = "expected 'except' or 'finally' block";
      const at = /[^\s#]|#.*/g;
      let m: RegExpExecArray | null;
      at.lastIndex = ks[1]!.to;
      while ((m = at.exec(this.src)) && m[0][0] === "#");
      if (!m) throw errorAtEnd(this.lines, this.filename, msg);
      throw this.error(msg, this.pos(m.index, tokenEnd(this.src, m.index)));
    }
    return { k: "Try", body, handlers, orelse, finalbody, pos, star: !!star };
  }

  importStmt(ks: SyntaxNode[], pos: Pos): Stmt {
    const dotted = (nodes: SyntaxNode[]): string => nodes.filter((k) => k.name === "VariableName").map((k) => this.text(k)).join(".");
    const aliases = (nodes: SyntaxNode[]): Alias[] =>
      splitComma(nodes.filter((k) => k.name !== "(" && k.name !== ")")).filter((g) => g.length).map((g) => {
        const asIdx = g.findIndex((k) => k.name === "as");
        const nameNodes = asIdx >= 0 ? g.slice(0, asIdx) : g;
        return {
          name: dotted(nameNodes),
          asname: asIdx >= 0 ? this.text(g[asIdx + 1]!) : null,
          pos: this.span(this.npos(g[0]!), this.npos(g[g.length - 1]!)),
        };
      });
    if (ks[0]!.name === "import") return { k: "Import", names: aliases(ks.slice(1)), pos };
    const impIdx = ks.findIndex((k) => k.name === "import");
    let level = 0;
    const modNodes: SyntaxNode[] = [];
    for (const k of ks.slice(1, impIdx)) {
      if (k.name === "." && modNodes.length === 0) level += 1;
      else if (k.name === "Ellipsis" || this.text(k) === "...") level += 3;
      else modNodes.push(k);
    }
    const rest = ks.slice(impIdx + 1);
    const names: Alias[] =
      rest.length === 1 && rest[0]!.name === "*" ? [{ name: "*", asname: null, pos: this.npos(rest[0]!) }] : aliases(rest);
    return { k: "ImportFrom", module: modNodes.length ? dotted(modNodes) : null, names, level, pos };
  }

  decorator(d: SyntaxNode): E {
    const ks = kids(d).filter((k) => k.name !== "At");
    let e: E | null = null;
    for (const k of ks) {
      if (k.name === "VariableName") {
        const p = this.npos(k);
        e = e === null ? { k: "Name", id: this.text(k), ctx: "load", pos: p } : { k: "Attribute", value: e, attr: this.text(k), ctx: "load", pos: this.span(e.pos, p), attrPos: p };
      } else if (k.name === "ArgList") {
        e = this.call(e!, k);
      }
    }
    return e!;
  }

  funcDef(n: SyntaxNode, decorators: E[]): Stmt {
    const ks = kids(n);
    if (ks[0]!.name === "async") throw this.unsupported("'async def'", n);
    if (ks.some((k) => k.name === "TypeParamList")) throw this.unsupported("a type parameter list", n);
    const name = this.text(ks.find((k) => k.name === "VariableName")!);
    const plist = ks.find((k) => k.name === "ParamList")!;
    const args = this.params(kids(plist).filter((k) => k.name !== "(" && k.name !== ")"), true, plist.to - 1, plist.from + 1);
    const ret = ks.find((k) => k.name === "TypeDef");
    const returns = ret ? this.expr(kids(ret).filter((k) => k.name !== "->" && this.text(k) !== "->")[0]!) : null;
    this.funcDepth++;
    const body = this.body(ks.find((k) => k.name === "Body"));
    this.funcDepth--;
    return { k: "FunctionDef", name, args, body, decorators, returns, pos: this.span(this.npos(n), body[body.length - 1]!.pos) };
  }

  classDef(n: SyntaxNode, decorators: E[]): Stmt {
    const ks = kids(n);
    if (ks.some((k) => k.name === "TypeParamList")) throw this.unsupported("a type parameter list", n);
    const name = this.text(ks.find((k) => k.name === "VariableName")!);
    const argList = ks.find((k) => k.name === "ArgList");
    let bases: E[] = [];
    let keywords: Keyword[] = [];
    if (argList) ({ args: bases, keywords } = this.callArgs(argList));
    const body = this.body(ks.find((k) => k.name === "Body"));
    return { k: "ClassDef", name, bases, keywords, body, decorators, pos: this.span(this.npos(n), body[body.length - 1]!.pos) };
  }

  /** `start`/`end`: where the parameters' text starts and ends (inside a def's parentheses), which bounds a
   * leading or trailing "/". */
  params(nodes: SyntaxNode[], isDef: boolean, end = -1, start = -1): Arguments {
    const a: Arguments = { posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [] };
    let star = false;
    const groups = splitComma(nodes);
    const seen = new Set<string>();
    const mkArg = (g: SyntaxNode[], at: number): Arg => {
      const nameNode = g[at]!;
      const td = g[at + 1]?.name === "TypeDef" ? g[at + 1]! : null;
      const name = this.text(nameNode);
      if (seen.has(name)) throw this.error(`duplicate argument '${name}' in function definition`, this.npos(nameNode));
      seen.add(name);
      return { name, annotation: td ? this.expr(kids(td).filter((k) => k.name !== ":")[0]!) : null, pos: this.npos(nameNode) };
    };
    let prevEnd = start >= 0 ? start : nodes.length ? nodes[0]!.from : 0;
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      if (g.length === 0) {
        // A "/" leaves no node in the tree: find it in the text between the commas.
        const last = gi === groups.length - 1;
        const nextStart = groups[gi + 1]?.[0]?.from ?? (end >= 0 ? end : this.src.length);
        const at = (!last || end >= 0) ? this.src.slice(prevEnd, nextStart).indexOf("/") : -1;
        if (at >= 0) {
          const slash = prevEnd + at;
          if (a.posonlyargs.length) throw this.error("/ may appear only once", this.pos(slash, slash + 1));
          if (a.kwarg) throw this.error("arguments cannot follow var-keyword argument", this.pos(slash, slash + 1));
          if (star) throw this.error("/ must be ahead of *", this.pos(slash, slash + 1));
          if (!a.args.length) {
            const more = groups.slice(gi + 1).some((later) => later.length > 0);
            throw this.error(more ? "at least one argument must precede /" : "invalid syntax", this.pos(slash, slash + 1));
          }
          a.posonlyargs = a.args;
          a.args = [];
          prevEnd = slash + 1;
        }
        continue;
      }
      prevEnd = g[g.length - 1]!.to;
      const first = g[0]!;
      if (first.name === "*") {
        if (star) throw this.error("* argument may appear only once", this.npos(first));
        star = true;
        if (g.length > 1) a.vararg = mkArg(g, 1);
      } else if (first.name === "**") {
        a.kwarg = mkArg(g, 1);
      } else if (first.name === "VariableName") {
        const arg = mkArg(g, 0);
        const eq = g.findIndex((k) => k.name === "AssignOp");
        const dflt = eq >= 0 ? this.expr(g[eq + 1]!) : null;
        if (star) {
          a.kwonlyargs.push(arg);
          a.kwDefaults.push(dflt);
        } else {
          if (!dflt && a.defaults.length) throw this.error("non-default argument follows default argument", arg.pos);
          a.args.push(arg);
          if (dflt) a.defaults.push(dflt);
        }
      } else {
        throw this.error("invalid syntax", this.npos(first));
      }
    }
    if (star && !a.vararg && !a.kwonlyargs.length) throw this.error("named arguments must follow bare *", this.npos(nodes[0]!));
    void isDef;
    return a;
  }

  // ---- targets ----

  setCtx(e: E, ctx: ExprContext): void {
    switch (e.k) {
      case "Name":
      case "Attribute":
      case "Subscript":
        e.ctx = ctx;
        return;
      case "Starred":
        e.ctx = ctx;
        this.setCtx(e.value, ctx);
        return;
      case "Tuple":
      case "List":
        e.ctx = ctx;
        for (const x of e.elts) this.setCtx(x, ctx);
        return;
      default:
    }
  }

  /** CPython's name for an expression kind in error messages (_PyPegen_get_expr_name). */
  describe(e: E): string {
    switch (e.k) {
      case "Attribute": return "attribute";
      case "Subscript": return "subscript";
      case "Starred": return "starred";
      case "Name": return "name";
      case "List": return "list";
      case "Tuple": return "tuple";
      case "Lambda": return "lambda";
      case "Call": return "function call";
      case "BoolOp": case "BinOp": case "UnaryOp": return "expression";
      case "GeneratorExp": return "generator expression";
      case "Yield": case "YieldFrom": return "yield expression";
      case "ListComp": return "list comprehension";
      case "SetComp": return "set comprehension";
      case "DictComp": return "dict comprehension";
      case "Dict": return "dict literal";
      case "Set": return "set display";
      case "JoinedStr": case "FormattedValue": return "f-string expression";
      case "Constant": {
        const v = e.value;
        if (v.t === "none") return "None";
        if (v.t === "bool") return v.v ? "True" : "False";
        if (v.t === "ellipsis") return "ellipsis";
        return "literal";
      }
      case "Compare": return "comparison";
      case "IfExp": return "conditional expression";
      case "NamedExpr": return "named expression";
      default: return "expression";
    }
  }

  checkTarget(e: E, ctx: "store" | "del"): void {
    switch (e.k) {
      case "Name":
        if (ctx === "store" && e.id === "__debug__") throw this.error("cannot assign to __debug__", e.pos);
        return;
      case "Attribute":
      case "Subscript":
        return;
      case "Starred":
        if (ctx === "del") throw this.error("cannot delete starred", e.pos);
        this.checkTarget(e.value, ctx);
        return;
      case "Tuple":
      case "List": {
        let stars = 0;
        for (const x of e.elts) {
          if (x.k === "Starred") stars++;
          this.checkTarget(x, ctx);
        }
        if (stars > 1) throw this.error("multiple starred expressions in assignment", e.pos);
        return;
      }
      default: {
        const what = this.describe(e);
        if (ctx === "del") throw this.error(`cannot delete ${what}`, e.pos);
        throw this.error(`cannot assign to ${what}`, e.pos);
      }
    }
  }

  checkAugTarget(e: E): void {
    if (e.k === "Name" || e.k === "Attribute" || e.k === "Subscript") return;
    throw this.error(`'${e.k === "Tuple" ? "tuple" : e.k === "List" ? "list" : this.describe(e)}' is an illegal expression for augmented assignment`, e.pos);
  }

  // ---- expressions ----

  /** A comma-separated expression list (a tuple when there is a comma). */
  exprList(nodes: SyntaxNode[], ctx: ExprContext): E {
    const groups = splitComma(nodes);
    const hasComma = groups.length > 1;
    const items = groups.filter((g) => g.length).map((g) => this.item(g));
    if (!hasComma) {
      const e = items[0]!;
      if (ctx !== "load") this.setCtx(e, ctx);
      if (e.k === "Starred" && ctx === "load") throw this.error("can't use starred expression here", e.pos);
      return e;
    }
    const t: E = { k: "Tuple", elts: items, ctx, pos: this.pos(nodes[0]!.from, nodes[nodes.length - 1]!.to) };
    if (ctx !== "load") this.setCtx(t, ctx);
    return t;
  }

  /** One element of a list: `*x` or an expression. */
  item(g: SyntaxNode[]): E {
    if (g[0]!.name === "*") {
      const value = this.expr(g[1]!);
      return { k: "Starred", value, ctx: "load", pos: this.span(this.npos(g[0]!), value.pos) };
    }
    if (g.length !== 1) throw this.error("invalid syntax", this.npos(g[1]!));
    return this.expr(g[0]!);
  }

  expr(n: SyntaxNode): E {
    const pos = this.npos(n);
    switch (n.name) {
      case "VariableName":
        return { k: "Name", id: this.text(n), ctx: "load", pos };
      case "Number":
        return { k: "Constant", value: this.number(n), pos };
      case "String":
      case "FormatString":
      case "ContinuedString":
        return this.strings(n);
      case "None":
        return { k: "Constant", value: { t: "none" }, pos };
      case "Boolean":
        return { k: "Constant", value: { t: "bool", v: this.text(n) === "True" }, pos };
      case "Ellipsis":
        return { k: "Constant", value: { t: "ellipsis" }, pos };
      case "BinaryExpression":
        return this.binary(n, pos);
      case "UnaryExpression": {
        const [op, operand] = kids(n);
        const o = this.text(op!);
        if (o === "not") return this.notOf(operand!, n.from);
        return { k: "UnaryOp", op: o === "not" ? "not" : (o as "+" | "-" | "~"), operand: this.expr(operand!), pos };
      }
      case "ParenthesizedExpression": {
        const inner = kids(n).filter((k) => k.name !== "(" && k.name !== ")");
        if (inner[0]!.name === "*") throw this.error("cannot use starred expression here", this.pos(inner[0]!.from, inner[inner.length - 1]!.to));
        return this.expr(inner[0]!);
      }
      case "TupleExpression": {
        const inner = kids(n).filter((k) => k.name !== "(" && k.name !== ")");
        const elts = splitComma(inner).filter((g) => g.length).map((g) => this.item(g));
        return { k: "Tuple", elts, ctx: "load", pos };
      }
      case "ArrayExpression": {
        const inner = kids(n).filter((k) => k.name !== "[" && k.name !== "]");
        const elts = splitComma(inner).filter((g) => g.length).map((g) => this.item(g));
        return { k: "List", elts, ctx: "load", pos };
      }
      case "SetExpression": {
        const inner = kids(n).filter((k) => k.name !== "{" && k.name !== "}");
        const elts = splitComma(inner).filter((g) => g.length).map((g) => this.item(g));
        return { k: "Set", elts, pos };
      }
      case "DictionaryExpression": {
        const inner = kids(n).filter((k) => k.name !== "{" && k.name !== "}");
        const keys: (E | null)[] = [];
        const values: E[] = [];
        for (const g of splitComma(inner)) {
          if (!g.length) continue;
          if (g[0]!.name === "**") {
            keys.push(null);
            values.push(this.expr(g[1]!));
          } else {
            keys.push(this.expr(g[0]!));
            values.push(this.expr(g[2]!));
          }
        }
        return { k: "Dict", keys, values, pos };
      }
      case "ArrayComprehensionExpression":
      case "SetComprehensionExpression":
      case "ComprehensionExpression":
      case "DictionaryComprehensionExpression":
        return this.comprehension(n, pos);
      case "CallExpression": {
        const [f, argList] = kids(n);
        // (a parenthesized callee's parentheses are the call's, as python3's)
        return this.call(this.expr(f!), argList!, pos);
      }
      case "MemberExpression":
        return this.member(n, pos);
      case "ConditionalExpression": {
        const ks = kids(n);
        return { k: "IfExp", body: this.expr(ks[0]!), test: this.expr(ks[2]!), orelse: this.expr(ks[4]!), pos };
      }
      case "LambdaExpression": {
        const ks = kids(n);
        const pl = ks.find((k) => k.name === "ParamList");
        // a "/" is an error node here (see isLambdaSlash): left out, params() finds it in the text
        const args = pl ? this.params(kids(pl).filter((k) => !isLambdaSlash(k, this.src)), false, pl.to, pl.from) : this.params([], false);
        this.funcDepth++;
        const body = this.expr(ks[ks.length - 1]!);
        this.funcDepth--;
        return { k: "Lambda", args, body, pos };
      }
      case "NamedExpression": {
        const ks = kids(n);
        const target = this.expr(ks[0]!);
        if (target.k !== "Name") throw this.error(`cannot use assignment expressions with ${this.describe(target)}`, target.pos);
        target.ctx = "store";
        return { k: "NamedExpr", target, value: this.expr(ks[2]!), pos };
      }
      case "YieldExpression":
        return this.yieldExpr(n);
      case "AwaitExpression":
        throw this.error(this.funcDepth ? "'await' outside async function" : "'await' outside function", pos);
      default:
        throw this.error("invalid syntax", pos);
    }
  }

  /**
   * `not X`. lezer's grammar lets `not` take a whole `and`/`or` expression (`not a or b` comes out as
   * `not (a or b)`), while in Python `not` binds tighter than `and`/`or`: re-associate to `(not a) or b`.
   */
  notOf(operand: SyntaxNode, notFrom: number): E {
    const ks = operand.name === "BinaryExpression" ? kids(operand) : null;
    const opText = ks ? ks.slice(1, ks.length - 1).map((k) => this.text(k)).join(" ") : "";
    if (ks && (opText === "and" || opText === "or")) {
      const left = this.notOf(ks[0]!, notFrom);
      const right = this.expr(ks[ks.length - 1]!);
      const values = left.k === "BoolOp" && left.op === opText && ks[0]!.name === "BinaryExpression" ? [...left.values, right] : [left, right];
      return { k: "BoolOp", op: opText, values, pos: this.pos(notFrom, operand.to) };
    }
    return { k: "UnaryOp", op: "not", operand: this.expr(operand), pos: this.pos(notFrom, operand.to) };
  }

  yieldExpr(n: SyntaxNode): E {
    const ks = kids(n).filter((k) => !k.type.isError);
    const pos = this.npos(n);
    if (ks[1]?.name === "from") return { k: "YieldFrom", value: this.expr(ks[2]!), pos };
    if (ks.length === 1) return { k: "Yield", value: null, pos };
    return { k: "Yield", value: this.exprList(ks.slice(1), "load"), pos };
  }

  binary(n: SyntaxNode, pos: Pos): E {
    const ks = kids(n);
    const left = ks[0]!;
    const opNodes = ks.slice(1, ks.length - 1);
    const right = ks[ks.length - 1]!;
    const opText = opNodes.map((o) => this.text(o)).join(" ");
    if (opText === "and" || opText === "or") {
      const values: E[] = [];
      // flatten a left-nested chain of the same operator (not parenthesized)
      const lk = left.name === "BinaryExpression" ? kids(left) : null;
      if (lk && lk.length === 3 && this.text(lk[1]!) === opText) {
        const l = this.binary(left, this.npos(left));
        if (l.k === "BoolOp") values.push(...l.values);
        else values.push(l);
      } else values.push(this.expr(left));
      values.push(this.expr(right));
      return { k: "BoolOp", op: opText, values, pos };
    }
    const cmp = toCmp(opText);
    if (cmp) {
      const ops: CmpOpName[] = [];
      const comparators: E[] = [];
      let leftE: E;
      const lk = left.name === "BinaryExpression" ? kids(left) : null;
      if (lk && toCmp(lk.slice(1, lk.length - 1).map((o) => this.text(o)).join(" "))) {
        const l = this.binary(left, this.npos(left)) as E & { k: "Compare" };
        leftE = l.left;
        ops.push(...l.ops);
        comparators.push(...l.comparators);
      } else leftE = this.expr(left);
      ops.push(cmp);
      comparators.push(this.expr(right));
      return { k: "Compare", left: leftE, ops, comparators, pos };
    }
    if (opText === "<>") throw this.error("invalid syntax", this.npos(opNodes[0]!));
    return { k: "BinOp", op: opText as BinOpName, left: this.expr(left), right: this.expr(right), pos };
  }

  member(n: SyntaxNode, pos: Pos): E {
    const ks = kids(n);
    const value = this.expr(ks[0]!);
    if (ks[1]!.name === ".") {
      const p = ks[2]!;
      return { k: "Attribute", value, attr: this.text(p), ctx: "load", pos, attrPos: this.npos(p) };
    }
    // subscript: "[" items "]"
    const inner = ks.slice(2, ks.length - 1);
    const groups = splitComma(inner);
    const items = groups.filter((g) => g.length).map((g) => this.sliceItem(g));
    let slice: E;
    if (groups.length === 1) slice = items[0]!;
    else slice = { k: "Tuple", elts: items, ctx: "load", pos: this.span(items[0]!.pos, items[items.length - 1]!.pos) };
    return { k: "Subscript", value, slice, ctx: "load", pos };
  }

  sliceItem(g: SyntaxNode[]): E {
    if (!g.some((k) => k.name === ":")) return this.item(g);
    const parts: (E | null)[] = [null, null, null];
    let idx = 0;
    for (const k of g) {
      if (k.name === ":") idx++;
      else parts[idx] = this.expr(k);
    }
    const p = this.pos(g[0]!.from, g[g.length - 1]!.to);
    return { k: "Slice", lower: parts[0]!, upper: parts[1]!, step: parts[2]!, pos: p };
  }

  callArgs(argList: SyntaxNode): { args: E[]; keywords: Keyword[] } {
    const inner = kids(argList).filter((k) => k.name !== "(" && k.name !== ")");
    const args: E[] = [];
    const keywords: Keyword[] = [];
    // split at commas, except those between `for` and `in` of a generator expression argument
    const groups: SyntaxNode[][] = [[]];
    let inTarget = false;
    for (const k of inner) {
      if (k.name === "for") inTarget = true;
      else if (k.name === "in") inTarget = false;
      if (k.name === "," && !inTarget) groups.push([]);
      else groups[groups.length - 1]!.push(k);
    }
    for (let gi = groups.length - 1; gi >= 0; gi--) if (!groups[gi]!.length) groups.splice(gi, 1);
    for (const g of groups) {
      const p = this.pos(g[0]!.from, g[g.length - 1]!.to);
      if (g[0]!.name === "**") {
        keywords.push({ arg: null, value: this.expr(g[1]!), pos: p });
      } else if (g[0]!.name === "*") {
        if (keywords.some((k) => k.arg === null)) throw this.error("iterable argument unpacking follows keyword argument unpacking", p);
        const value = this.expr(g[1]!);
        args.push({ k: "Starred", value, ctx: "load", pos: p });
      } else if (g[1]?.name === "AssignOp") {
        if (this.text(g[1]) === ":=") {
          const target: E = { k: "Name", id: this.text(g[0]!), ctx: "store", pos: this.npos(g[0]!) };
          args.push({ k: "NamedExpr", target, value: this.expr(g[2]!), pos: p });
          continue;
        }
        if (g[0]!.name !== "VariableName") throw this.error('expression cannot contain assignment, perhaps you meant "=="?', p);
        const name = this.text(g[0]!);
        if (keywords.some((k) => k.arg === name)) throw this.error(`keyword argument repeated: ${name}`, p);
        keywords.push({ arg: name, value: this.expr(g[2]!), pos: p });
      } else if (g.length > 1 && g[1]!.name === "for") {
        if (groups.length > 1) throw this.error("Generator expression must be parenthesized", p);
        args.push(this.genexpFrom(g, this.npos(argList)));
      } else {
        if (keywords.length) {
          const msg = keywords.some((k) => k.arg === null)
            ? "positional argument follows keyword argument unpacking"
            : "positional argument follows keyword argument";
          throw this.error(msg, { line: p.endLine, col: p.endCol, endLine: p.endLine, endCol: p.endCol + 1 });
        }
        args.push(this.expr(g[0]!));
      }
    }
    return { args, keywords };
  }

  call(func: E, argList: SyntaxNode, from = func.pos): E {
    const { args, keywords } = this.callArgs(argList);
    return { k: "Call", func, args, keywords, pos: this.span(from, this.npos(argList)) };
  }

  comprehension(n: SyntaxNode, pos: Pos): E {
    const ks = kids(n).slice(1, -1);
    const forIdx = ks.findIndex((k) => k.name === "for" || k.name === "async");
    const head = ks.slice(0, forIdx);
    const generators = this.compClauses(ks.slice(forIdx));
    if (n.name === "DictionaryComprehensionExpression") {
      if (head[0]!.name === "**") throw this.error("dict unpacking cannot be used in dict comprehension", pos);
      return { k: "DictComp", key: this.expr(head[0]!), value: this.expr(head[2]!), generators, pos };
    }
    if (head[0]!.name === "*") throw this.error("iterable unpacking cannot be used in comprehension", pos);
    const elt = this.expr(head[0]!);
    if (n.name === "ArrayComprehensionExpression") return { k: "ListComp", elt, generators, pos };
    if (n.name === "SetComprehensionExpression") return { k: "SetComp", elt, generators, pos };
    return { k: "GeneratorExp", elt, generators, pos };
  }

  genexpFrom(g: SyntaxNode[], pos: Pos): E {
    return { k: "GeneratorExp", elt: this.expr(g[0]!), generators: this.compClauses(g.slice(1)), pos };
  }

  compClauses(ks: SyntaxNode[]): Comprehension[] {
    const gens: Comprehension[] = [];
    let i = 0;
    while (i < ks.length) {
      const k = ks[i]!;
      if (k.name === "async") throw this.unsupported("an asynchronous comprehension", k);
      if (k.name === "for") {
        const inIdx = ks.findIndex((x, j) => j > i && x.name === "in");
        // a starred name's "*" is an error node (see isCompTargetStar): its child is the "*"
        const target = this.exprList(ks.slice(i + 1, inIdx).map((x) => (isCompTargetStar(x, this.src) ? x.firstChild! : x)), "store");
        this.checkTarget(target, "store");
        const iter = this.expr(ks[inIdx + 1]!);
        gens.push({ target, iter, ifs: [] });
        i = inIdx + 2;
      } else if (k.name === "if") {
        gens[gens.length - 1]!.ifs.push(this.expr(ks[i + 1]!));
        i += 2;
      } else {
        throw this.error("invalid syntax", this.npos(k));
      }
    }
    return gens;
  }

  // ---- literals ----

  number(n: SyntaxNode): ConstValue {
    const raw = this.text(n);
    const t = raw.replace(/_/g, "");
    // a '_' not between two digits (`1_`, `0x_`), which lezer takes: CPython's tokenizer error
    if (/_(?![\da-f])|\._/i.test(raw)) throw describeParseError(n, this.src, this.lines, this.filename).make();
    if (/[jJ]$/.test(t)) return { t: "complex", re: 0, im: Number(t.slice(0, -1)) };
    if (/^0[xXoObB]/.test(t)) return { t: "int", v: BigInt(t.toLowerCase()) };
    if (/[.eE]/.test(t)) return { t: "float", v: Number(t) };
    if (/^0+[1-9]/.test(t)) {
      throw this.error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", this.pos(n.from, n.from + raw.search(/[1-9]/)));
    }
    return { t: "int", v: BigInt(t) };
  }

  /** One string token, or an implicitly concatenated run of them, as a Constant or a JoinedStr. */
  strings(n: SyntaxNode): E {
    const parts = n.name === "ContinuedString" ? kids(n) : [n];
    const pos = this.npos(n);
    let bytesCount = 0;
    let anyF = false;
    const values: E[] = [];
    let pending = "";
    const pendingBytes: number[] = [];
    const flush = () => {
      if (pending.length) values.push({ k: "Constant", value: { t: "str", v: pending }, pos });
      pending = "";
    };
    for (const p of parts) {
      const text = this.text(p);
      const m = /^([a-zA-Z]*)('\'\'|"""|'|")/.exec(text)!;
      const prefix = m[1]!.toLowerCase();
      const q = m[2]!;
      const isBytes = prefix.includes("b");
      const isRaw = prefix.includes("r");
      const isF = prefix.includes("f");
      if (isBytes) bytesCount++;
      const start = p.from + m[0].length;
      const end = p.to - q.length;
      const body = this.src.slice(start, end);
      if (!isF) {
        if (isBytes) {
          const s = decodeEscapes(body, isRaw, true, false, () => this.error("bytes can only contain ASCII literal characters", this.npos(p)));
          for (let i = 0; i < s.length; i++) pendingBytes.push(s.charCodeAt(i));
        } else pending += decodeEscapes(body, isRaw, false, false, null, this.failAtEnd(this.npos(p)));
        continue;
      }
      anyF = true;
      for (const piece of this.fstringPieces(body, start, isRaw, pos)) {
        if (typeof piece === "string") pending += piece;
        else {
          if (piece.selfDoc) pending += piece.selfDoc;
          flush();
          values.push(piece.value);
        }
      }
    }
    if (bytesCount && bytesCount !== parts.length) {
      throw this.error("cannot mix bytes and nonbytes literals", { line: pos.endLine, col: pos.endCol, endLine: pos.endLine, endCol: pos.endCol + 1 });
    }
    if (bytesCount) return { k: "Constant", value: { t: "bytes", v: Uint8Array.from(pendingBytes) }, pos };
    if (!anyF) return { k: "Constant", value: { t: "str", v: pending }, pos };
    flush();
    return { k: "JoinedStr", values, pos };
  }

  /**
   * Splits the body of an f-string (text between the quotes, starting at offset `start` of this.src) into
   * decoded literal text and formatted values. Expressions are parsed on their own with lezer.
   */
  fstringPieces(body: string, start: number, isRaw: boolean, pos: Pos, nested = false): (string | { value: E; selfDoc: string | null })[] {
    const out: (string | { value: E; selfDoc: string | null })[] = [];
    let lit = "";
    const flushLit = () => {
      if (lit) out.push(decodeEscapes(lit, isRaw, false, false, null, this.failAtEnd(pos)));
      lit = "";
    };
    let i = 0;
    while (i < body.length) {
      const c = body[i]!;
      if (c === "{" && body[i + 1] === "{" && !nested) {
        lit += "{";
        i += 2;
        continue;
      }
      if (c === "}" && body[i + 1] === "}" && !nested) {
        lit += "}";
        i += 2;
        continue;
      }
      if (c === "}") throw this.error("f-string: single '}' is not allowed", pos);
      if (c !== "{") {
        if (c === "\\" && !isRaw && i + 1 < body.length) {
          const n = body[i + 1] === "N" && body[i + 2] === "{" ? body.indexOf("}", i) + 1 || i + 2 : i + 2;
          lit += body.slice(i, n);
          i = n;
          continue;
        }
        lit += c;
        i++;
        continue;
      }
      flushLit();
      const r = this.fstringReplacement(body, i + 1, start, isRaw, pos);
      out.push(r.piece);
      i = r.next;
    }
    flushLit();
    return out;
  }

  /** Parses one `{expr[=][!c][:spec]}` whose expression starts at body[i]; returns the index after `}`. */
  fstringReplacement(body: string, i: number, start: number, isRaw: boolean, pos: Pos): { piece: { value: E; selfDoc: string | null }; next: number } {
    const exprStart = i;
    let depth = 0;
    let quote: string | null = null;
    while (i < body.length) {
      const c = body[i]!;
      if (quote) {
        if (body.startsWith(quote, i)) {
          i += quote.length;
          quote = null;
        } else i++;
        continue;
      }
      if (c === "'" || c === '"') {
        quote = body.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
        i += quote.length;
        continue;
      }
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0) {
        if (c === "!" && body[i + 1] !== "=") break;
        if (c === ":") break;
        if (c === "=" && !"=!<>:".includes(body[i - 1] ?? "") && body[i + 1] !== "=") break;
      }
      i++;
    }
    const exprEnd = i;
    const exprText = body.slice(exprStart, exprEnd);
    if (!exprText.trim()) throw this.error("f-string: empty expression not allowed", pos);
    let selfDoc: string | null = null;
    if (body[i] === "=") {
      i++;
      while (body[i] === " ") i++;
      selfDoc = body.slice(exprStart, i);
    }
    let conversion = -1;
    if (body[i] === "!") {
      const ch = body[i + 1] ?? "";
      if (!"sra".includes(ch) || !ch) throw this.error("f-string: invalid conversion character: expected 's', 'r', or 'a'", pos);
      conversion = ch === "s" ? 115 : ch === "r" ? 114 : 97;
      i += 2;
    }
    let spec: E | null = null;
    if (body[i] === ":") {
      i++;
      const specStart = i;
      let d = 0;
      while (i < body.length) {
        if (body[i] === "{") d++;
        else if (body[i] === "}") {
          if (d === 0) break;
          d--;
        }
        i++;
      }
      const specBody = body.slice(specStart, i);
      const values: E[] = [];
      for (const piece of this.fstringPieces(specBody, start + specStart, isRaw, pos, true)) {
        if (typeof piece === "string") values.push({ k: "Constant", value: { t: "str", v: piece }, pos });
        else values.push(piece.value);
      }
      spec = { k: "JoinedStr", values, pos };
    }
    if (body[i] !== "}") throw this.error("f-string: expecting '}'", pos);
    i++;
    const value = this.parseSubExpression(exprText, start + exprStart);
    if (selfDoc !== null && conversion < 0 && !spec) conversion = 114;
    return { piece: { value: { k: "FormattedValue", value, conversion, formatSpec: spec, pos }, selfDoc }, next: i };
  }

  /** Parses the expression of an f-string replacement field, keeping file positions. */
  parseSubExpression(text: string, offset: number): E {
    const sub = "(" + text + ")";
    const tree = parser.parse(hidePrintNames(sub));
    let bad = false;
    tree.iterate({
      enter: (n) => {
        if (n.type.isError) bad = true;
      },
    });
    const b = new AstBuilder(sub, this.lines, this.filename, this.base + offset - 1);
    const stmt = kids(tree.topNode)[0];
    if (bad || !stmt || stmt.name !== "ExpressionStatement" || kids(tree.topNode).length !== 1) {
      throw this.error("f-string: invalid syntax", b.pos(1, sub.length - 1));
    }
    const inner = kids(stmt);
    return b.exprList(inner, "load");
  }
}

function toCmp(op: string): CmpOpName | null {
  switch (op) {
    case "<": case "<=": case "==": case "!=": case ">": case ">=": case "is": case "in":
      return op;
    case "is not": return "is not";
    case "not in": return "not in";
    default: return null;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\n": "",
};

/**
 * Decodes the body of a string literal. For bytes the result holds one char per byte (codes 0..255).
 * In f-string literal parts `{{`/`}}` stand for one brace.
 */
export function decodeEscapes(
  s: string,
  raw: boolean,
  bytes: boolean,
  fstring: boolean,
  nonAscii: (() => Error) | null,
  fail?: (msg: string) => Error,
): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (bytes && c.charCodeAt(0) > 127 && nonAscii) throw nonAscii();
    if (fstring && (c === "{" || c === "}") && s[i + 1] === c) {
      out += c;
      i++;
      continue;
    }
    if (c === "\r" && s[i + 1] === "\n") continue;
    if (c !== "\\" || raw) {
      if (raw && c === "\\" && i + 1 < s.length) {
        out += c + s[i + 1]!;
        i++;
        continue;
      }
      out += c;
      continue;
    }
    const d = s[i + 1];
    if (d === undefined) {
      out += c;
      continue;
    }
    if (d === "\r") {
      i += s[i + 2] === "\n" ? 2 : 1;
      continue;
    }
    if (d in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[d];
      i++;
      continue;
    }
    if (d >= "0" && d <= "7") {
      let j = i + 1;
      let v = 0;
      while (j < s.length && j < i + 4 && s[j]! >= "0" && s[j]! <= "7") v = v * 8 + (s.charCodeAt(j++) - 48);
      out += String.fromCharCode(bytes ? v & 0xff : v);
      i = j - 1;
      continue;
    }
    if (d === "N" && !bytes && fail) {
      const r = namedEscape(s, i, fail);
      out += r[0];
      i = r[1];
      continue;
    }
    const hexLen = d === "x" ? 2 : !bytes && d === "u" ? 4 : !bytes && d === "U" ? 8 : 0;
    if (hexLen) {
      const h = s.slice(i + 2, i + 2 + hexLen);
      if (h.length === hexLen && /^[0-9a-fA-F]+$/.test(h)) {
        out += String.fromCodePoint(parseInt(h, 16));
        i += 1 + hexLen;
        continue;
      }
    }
    // unknown escape: kept as is
    out += c;
  }
  return out;
}

export type { Comprehension };
