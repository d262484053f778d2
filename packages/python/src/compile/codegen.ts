/**
 * Code generation: AST (folded) + symbol table → code objects, in CPython 3.11's shapes.
 *
 * One `CodeGen` per code object. Emission goes through `emit`/`jump`/`bind`, which track the static stack
 * depth and the active exception handlers (a persistent linked list, snapshot at each jump so that a label
 * bound after an unconditional jump resumes the state of its jump sources, as 3.11's flow analysis does).
 * `assemble` resolves labels, drops unreachable code, picks jump directions, builds the exception table
 * and the position table. Start reading at `compileUnit`.
 */
import type { Arguments, ConstValue, Expr, Module, Pattern, Pos, Stmt } from "../parse/ast.js";
import { constRepr } from "./disassemble.js";
import { LineMap, PySyntaxError, syntaxErrorAt } from "../parse/errors.js";
import { BinaryOpArg, CompareOpArg, MakeFunctionFlag, Op, isJump } from "./opcodes.js";
import type { CodeObject, CompileWarning, Const, ExceptionTableEntry } from "./code.js";
import { CodeFlag, LocalKind } from "./code.js";
import { Resolution, Scope, Use, type Symtable } from "./symtable.js";
import { UnitConsts } from "./consts.js";
import { stackEffect } from "./stack-effect.js";

/** Options of one compilation unit. */
export interface UnitOptions {
  filename: string;
  /** REPL statements: expression statements at top level echo their value with PRINT_EXPR. */
  interactive: boolean;
}

interface Label {
  index: number;
  depth: number;
  handlers: HandlerList | null;
  known: boolean;
}

interface Handler {
  label: Label;
  depth: number;
  lasti: boolean;
}

interface HandlerList {
  top: Handler;
  next: HandlerList | null;
}

interface Instr {
  op: Op;
  arg: number;
  pos: Pos | null;
  handler: Handler | null;
  target: Label | null;
  /** For cell/free opcodes: the name, resolved to a localsplus index at assembly. */
  deref: string | null;
  /** A LOAD_CONST of a tuple folded from constants: made and appended to co_consts at assembly. */
  lateTuple?: Const[];
}

type FBlock =
  | { kind: "while"; cont: Label; brk: Label }
  | { kind: "for"; cont: Label; brk: Label }
  | { kind: "try_except" }
  | { kind: "finally_try"; body: Stmt[] }
  | { kind: "finally_end" }
  | { kind: "with"; pos: Pos }
  | { kind: "handler_cleanup"; name: string | null; star?: boolean }
  | { kind: "exception_handler" }
  | { kind: "pop_value" };

const BIN_OPS: Record<string, BinaryOpArg> = {
  "+": BinaryOpArg.ADD, "&": BinaryOpArg.AND, "//": BinaryOpArg.FLOOR_DIVIDE, "<<": BinaryOpArg.LSHIFT,
  "@": BinaryOpArg.MATRIX_MULTIPLY, "*": BinaryOpArg.MULTIPLY, "%": BinaryOpArg.REMAINDER, "|": BinaryOpArg.OR,
  "**": BinaryOpArg.POWER, ">>": BinaryOpArg.RSHIFT, "-": BinaryOpArg.SUBTRACT, "/": BinaryOpArg.TRUE_DIVIDE,
  "^": BinaryOpArg.XOR,
};

const CMP_OPS: Record<string, CompareOpArg> = {
  "<": CompareOpArg.LT, "<=": CompareOpArg.LE, "==": CompareOpArg.EQ, "!=": CompareOpArg.NE, ">": CompareOpArg.GT, ">=": CompareOpArg.GE,
};

/** CPython's STACK_USE_GUIDELINE: longer displays and calls are built incrementally. */
const STACK_USE_GUIDELINE = 30;

/** State shared by all code objects of one compilation unit. */
export class Unit {
  readonly consts = new UnitConsts();
  readonly warnings: CompileWarning[] = [];
  constructor(
    readonly symtable: Symtable,
    readonly lines: LineMap,
    readonly opts: UnitOptions,
  ) {}
  error(msg: string, p: Pos): PySyntaxError {
    return syntaxErrorAt(this.lines, this.opts.filename, msg, p.line, p.col, p.endLine, p.endCol);
  }
}

/** Compiles the single expression of an `eval` source: its value is the code object's return value. */
export function compileEvalUnit(mod: Module, unit: Unit): CodeObject {
  const g = new CodeGen(unit, unit.symtable.top, "<module>", "<module>", 1, null);
  g.loc = { line: 0, col: 0, endLine: 1, endCol: 0 };
  g.prologue();
  const s = mod.body[0] as Stmt & { k: "Expr" };
  g.loc = s.pos;
  g.expr(s.value);
  g.emit(Op.RETURN_VALUE);
  return g.assemble(0, 0, 0);
}

/** Compiles a folded module AST into the module code object. */
export function compileUnit(mod: Module, unit: Unit): CodeObject {
  const top = unit.symtable.top;
  const g = new CodeGen(unit, top, "<module>", "<module>", 1, null);
  // 3.11 gives the module's RESUME line 0
  g.loc = { line: 0, col: 0, endLine: 1, endCol: 0 };
  g.prologue();
  g.body(mod.body, true);
  g.loc = null;
  if (!g.endsWithReturn()) {
    g.loadConst({ t: "none" }, false);
    g.emit(Op.RETURN_VALUE);
  }
  return g.assemble(0, 0, 0);
}

/** What one `case` clause's pattern compilation tracks (3.11's pattern_context). */
interface PatternContext {
  /** Names captured so far, their values waiting on the stack under `onTop` items. */
  stores: string[];
  allowIrrefutable: boolean;
  /** failPop[n] pops n items and fails the pattern. */
  failPop: Label[];
  /** Items above the captures that a failure must pop too. */
  onTop: number;
}

/** `_` (no sub-pattern, no name). */
function isWildcard(p: Pattern): boolean {
  return p.k === "MatchAs" && !p.pattern && !p.name;
}

/** Mapping keys that a dict would treat as the same key (1, 1.0 and True are one key). */
function mappingKeyIdentity(v: ConstValue): string {
  switch (v.t) {
    case "bool": return "n" + (v.v ? 1 : 0);
    case "int": return "n" + v.v.toString();
    case "float": return Number.isInteger(v.v) ? "n" + BigInt(v.v).toString() : "f" + v.v;
    case "complex": return v.im === 0 ? mappingKeyIdentity({ t: "float", v: v.re }) : `c${v.re},${v.im}`;
    case "str": return "s" + v.v;
    case "bytes": return "b" + Array.from(v.v).join(",");
    default: return v.t + JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
  }
}

function isDocstring(s: Stmt | undefined): s is Stmt & { k: "Expr" } {
  return !!s && s.k === "Expr" && s.value.k === "Constant" && s.value.value.t === "str";
}

function hasAnnotations(body: Stmt[]): boolean {
  for (const s of body) {
    switch (s.k) {
      case "AnnAssign":
        return true;
      case "If": case "While": case "For":
        if (hasAnnotations(s.body) || hasAnnotations(s.orelse)) return true;
        break;
      case "With":
        if (hasAnnotations(s.body)) return true;
        break;
      case "Match":
        if (s.cases.some((c) => hasAnnotations(c.body))) return true;
        break;
      case "Try":
        if (hasAnnotations(s.body) || hasAnnotations(s.orelse) || hasAnnotations(s.finalbody) || s.handlers.some((h) => hasAnnotations(h.body))) return true;
        break;
      default:
    }
  }
  return false;
}

class CodeGen {
  readonly instrs: Instr[] = [];
  readonly consts: Const[] = [];
  readonly constIdx = new Map<Const, number>();
  readonly names: string[] = [];
  readonly nameIdx = new Map<string, number>();
  readonly varnames: string[] = [];
  readonly varIdx = new Map<string, number>();
  readonly fblocks: FBlock[] = [];
  depth = 0;
  maxDepth = 0;
  reachable = true;
  handlers: HandlerList | null = null;
  loc: Pos | null = null;
  /** Set by a function whose first constant is reserved (docstring or None). */

  constructor(
    readonly unit: Unit,
    readonly scope: Scope,
    readonly name: string,
    readonly qualname: string,
    readonly firstLine: number,
    readonly parent: CodeGen | null,
  ) {
    for (const p of scope.params) this.varIndex(p);
  }

  // ---- tables ----

  varIndex(name: string): number {
    let i = this.varIdx.get(name);
    if (i === undefined) {
      i = this.varnames.length;
      this.varnames.push(name);
      this.varIdx.set(name, i);
    }
    return i;
  }

  nameIndex(name: string): number {
    let i = this.nameIdx.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.nameIdx.set(name, i);
    }
    return i;
  }

  constIndex(c: Const): number {
    let i = this.constIdx.get(c);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(c);
      this.constIdx.set(c, i);
    }
    return i;
  }

  loadConst(v: ConstValue, fromSource: boolean): void {
    this.emit(Op.LOAD_CONST, this.constIndex(this.unit.consts.get(v, fromSource)));
  }

  // ---- emission ----

  emit(op: Op, arg = 0, deref: string | null = null): void {
    if (op === Op.BUILD_TUPLE && this.foldTupleOfConsts(arg)) return;
    if (op === Op.UNPACK_SEQUENCE && this.swapInsteadOfTuple(arg)) return;
    if (op === Op.LOAD_GLOBAL && !(arg & 1)) {
      // PUSH_NULL; LOAD_GLOBAL x is one LOAD_GLOBAL pushing NULL first (3.11's optimizer)
      const last = this.instrs[this.instrs.length - 1];
      if (last && last.op === Op.PUSH_NULL && this.instrs.length - 1 >= this.fence) {
        this.instrs.pop();
        this.depth -= 1;
        arg |= 1;
      }
    }
    this.instrs.push({ op, arg, pos: this.loc, handler: this.handlers ? this.handlers.top : null, target: null, deref });
    this.depth += stackEffect(op, arg, false);
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    if (op === Op.RETURN_VALUE || op === Op.RERAISE || op === Op.RAISE_VARARGS) this.reachable = false;
  }

  /** Instructions before this index may not be rewritten (a label is bound here). */
  fence = 0;

  /**
   * 3.11's fold_tuple_on_constants: BUILD_TUPLE n right after n LOAD_CONSTs becomes one LOAD_CONST of a
   * tuple (the item constants stay in co_consts, as in CPython).
   */
  foldTupleOfConsts(n: number): boolean {
    const start = this.instrs.length - n;
    if (start < this.fence) return false;
    for (let i = start; i < this.instrs.length; i++) {
      const ins = this.instrs[i]!;
      if (ins.op !== Op.LOAD_CONST || ins.lateTuple) return false;
    }
    const items = this.instrs.slice(start).map((ins) => this.consts[ins.arg]!);
    const pos = n ? this.instrs[start]!.pos : this.loc;
    this.instrs.length = start;
    this.depth -= n;
    const saved = this.loc;
    this.loc = pos;
    this.emit(Op.LOAD_CONST, -1);
    this.instrs[this.instrs.length - 1]!.lateTuple = items;
    this.loc = saved;
    return true;
  }

  /** 3.11: BUILD_TUPLE n; UNPACK_SEQUENCE n builds no tuple: nothing for n = 1, SWAP n for 2 and 3. */
  swapInsteadOfTuple(n: number): boolean {
    const last = this.instrs[this.instrs.length - 1];
    if (!last || this.instrs.length - 1 < this.fence || last.op !== Op.BUILD_TUPLE || last.arg !== n || n > 3) return false;
    this.depth += n - 1;
    if (n === 1) this.instrs.pop();
    else {
      last.op = Op.SWAP;
      last.arg = n;
      last.pos = this.loc;
    }
    return true;
  }

  newLabel(): Label {
    return { index: -1, depth: -1, handlers: null, known: false };
  }

  jump(op: Op, target: Label): void {
    this.instrs.push({ op, arg: 0, pos: this.loc, handler: this.handlers ? this.handlers.top : null, target, deref: null });
    const jd = this.depth + stackEffect(op, 0, true);
    if (!target.known) {
      target.depth = jd;
      target.handlers = this.handlers;
      target.known = true;
    }
    if (jd > this.maxDepth) this.maxDepth = jd;
    this.depth += stackEffect(op, 0, false);
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    if (op === Op.JUMP_FORWARD || op === Op.JUMP_BACKWARD || op === Op.JUMP_BACKWARD_NO_INTERRUPT) this.reachable = false;
  }

  bind(l: Label): void {
    l.index = this.instrs.length;
    this.fence = this.instrs.length;
    if (!this.reachable) {
      if (l.known) {
        this.depth = l.depth;
        this.handlers = l.handlers;
      }
      this.reachable = true;
    } else if (!l.known) {
      l.depth = this.depth;
      l.handlers = this.handlers;
      l.known = true;
    }
  }

  /** Binds a handler entry label: the VM arrives with (lasti and) the exception pushed. */
  bindHandler(h: Handler, outer: HandlerList | null): void {
    h.label.index = this.instrs.length;
    this.fence = this.instrs.length;
    this.depth = h.depth + (h.lasti ? 1 : 0) + 1;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    this.handlers = outer;
    this.reachable = true;
  }

  pushHandler(label: Label, depth: number, lasti: boolean): Handler {
    const h = { label, depth, lasti };
    this.handlers = { top: h, next: this.handlers };
    return h;
  }

  popHandler(): void {
    this.handlers = this.handlers!.next;
  }

  endsWithReturn(): boolean {
    return !this.reachable;
  }

  // ---- names ----

  nameOp(name: string, ctx: "load" | "store" | "del"): void {
    const s = this.scope;
    name = s.mangle(name);
    let r = s.resolve(name);
    if (s.kind === "class" && name === "__class__" && r === Resolution.CELL) r = Resolution.CELL;
    const fn = s.isFunctionLike();
    switch (r) {
      case Resolution.FREE:
      case Resolution.CELL: {
        if (s.kind === "class" && r === Resolution.CELL && name !== "__class__") break;
        const op = ctx === "load" ? (s.kind === "class" ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF) : ctx === "store" ? Op.STORE_DEREF : Op.DELETE_DEREF;
        this.emit(op, 0, name);
        return;
      }
      case Resolution.LOCAL:
        if (fn) {
          const op = ctx === "load" ? Op.LOAD_FAST : ctx === "store" ? Op.STORE_FAST : Op.DELETE_FAST;
          this.emit(op, this.varIndex(name));
          return;
        }
        break;
      case Resolution.GLOBAL_EXPLICIT: {
        const op = ctx === "load" ? Op.LOAD_GLOBAL : ctx === "store" ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL;
        this.emit(op, ctx === "load" ? this.nameIndex(name) << 1 : this.nameIndex(name));
        return;
      }
      case Resolution.GLOBAL_IMPLICIT:
        if (fn) {
          const op = ctx === "load" ? Op.LOAD_GLOBAL : ctx === "store" ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL;
          this.emit(op, ctx === "load" ? this.nameIndex(name) << 1 : this.nameIndex(name));
          return;
        }
        break;
    }
    const op = ctx === "load" ? Op.LOAD_NAME : ctx === "store" ? Op.STORE_NAME : Op.DELETE_NAME;
    this.emit(op, this.nameIndex(name));
  }

  // ---- prologue and bodies ----

  prologue(): void {
    const saved = this.loc;
    this.loc = null;
    const frees = this.scope.freevars();
    if (frees.length) this.emit(Op.COPY_FREE_VARS, frees.length);
    const sorted = this.scope.cellvars();
    const params = this.scope.params;
    for (const c of [...params.filter((p) => sorted.includes(p)), ...sorted.filter((c) => !params.includes(c))]) this.emit(Op.MAKE_CELL, 0, c);
    this.loc = saved;
    if (this.scope.isGenerator) {
      this.emit(Op.RETURN_GENERATOR);
      this.emit(Op.POP_TOP);
    }
    this.emit(Op.RESUME, 0);
  }

  /** Module and class bodies: docstring to __doc__, annotations set-up, statements. */
  body(stmts: Stmt[], isModule: boolean): void {
    if (hasAnnotations(stmts)) {
      // a module's set-up takes its first statement's line (python3's dis); a class body's keeps the class line
      if (isModule) this.loc = stmts[0]!.pos;
      this.emit(Op.SETUP_ANNOTATIONS);
    }
    let start = 0;
    if (!this.unit.opts.interactive && isDocstring(stmts[0])) {
      const d = stmts[0];
      this.loc = d.pos;
      this.expr(d.value);
      this.nameOp("__doc__", "store");
      start = 1;
    }
    for (let i = start; i < stmts.length; i++) this.stmt(stmts[i]!);
  }

  // ---- statements ----

  stmts(b: Stmt[]): void {
    for (const s of b) this.stmt(s);
  }

  /** Position of the statement most recently started (3.11 leaves it current after a statement). */
  lastStmtPos: Pos | null = null;

  stmt(s: Stmt): void {
    const savedLoc = this.loc;
    // a statement leaves the stack as it found it; after one that cannot complete (a try whose body and
    // handlers all raise) the code that follows starts at this depth, not at its handlers' depth
    const depth = this.depth;
    this.loc = s.pos;
    this.lastStmtPos = s.pos;
    switch (s.k) {
      case "Expr":
        if (this.unit.opts.interactive && this.scope.kind === "module") {
          this.expr(s.value);
          this.loc = s.pos;
          this.emit(Op.PRINT_EXPR);
        } else if (s.value.k === "Constant") {
          this.emit(Op.NOP);
        } else {
          this.expr(s.value);
          // an artificial POP_TOP (3.11's UNSET_LOC): the position of the instruction before it in its block,
          // none after a conditional expression's end (a block with two predecessors)
          this.loc = null;
          this.emit(Op.POP_TOP);
        }
        break;
      case "Assign":
        this.expr(s.value);
        s.targets.forEach((t, i) => {
          if (i < s.targets.length - 1) this.emit(Op.COPY, 1);
          this.store(t);
        });
        break;
      case "AugAssign":
        this.augAssign(s);
        break;
      case "AnnAssign":
        this.annAssign(s);
        break;
      case "Delete":
        for (const t of s.targets) this.store(t, "del");
        break;
      case "Pass":
        this.emit(Op.NOP);
        break;
      case "Break":
      case "Continue":
        this.breakContinue(s.k === "Break", s.pos);
        break;
      case "Return":
        this.returnStmt(s);
        break;
      case "Raise":
        if (s.exc) {
          this.expr(s.exc);
          if (s.cause) this.expr(s.cause);
        }
        this.loc = s.pos;
        this.emit(Op.RAISE_VARARGS, s.exc ? (s.cause ? 2 : 1) : 0);
        break;
      case "Global":
      case "Nonlocal":
        this.emit(Op.NOP);
        break;
      case "Assert": {
        if (s.test.k === "Tuple" && s.test.elts.length > 0) {
          this.unit.warnings.push({ category: "SyntaxWarning", message: "assertion is always true, perhaps remove parentheses?", filename: this.unit.opts.filename, lineno: s.pos.line, text: this.unit.lines.lineText(s.pos.line).trim() });
        }
        const end = this.newLabel();
        this.jumpIf(s.test, true, end);
        // as 3.11: the raise carries the position of the last comparison the test jumped on, else the statement's
        const raiseLoc = this.assertRaisePos(s.test) ?? s.pos;
        this.loc = raiseLoc;
        this.emit(Op.LOAD_ASSERTION_ERROR);
        if (s.msg) {
          this.expr(s.msg);
          this.loc = raiseLoc;
          this.emit(Op.PRECALL, 0);
          this.emit(Op.CALL, 0);
        }
        this.emit(Op.RAISE_VARARGS, 1);
        this.bind(end);
        break;
      }
      case "Import":
        for (const a of s.names) {
          this.loc = s.pos;
          this.loadConst({ t: "int", v: 0n }, false);
          this.loadConst({ t: "none" }, false);
          this.emit(Op.IMPORT_NAME, this.nameIndex(a.name));
          if (a.asname) {
            const parts = a.name.split(".");
            if (parts.length > 1) {
              for (const p of parts.slice(1, -1)) {
                this.emit(Op.IMPORT_FROM, this.nameIndex(p));
                this.emit(Op.SWAP, 2);
                this.emit(Op.POP_TOP);
              }
              this.emit(Op.IMPORT_FROM, this.nameIndex(parts[parts.length - 1]!));
              this.nameOp(a.asname, "store");
              this.emit(Op.POP_TOP);
            } else this.nameOp(a.asname, "store");
          } else {
            this.nameOp(a.name.split(".")[0]!, "store");
          }
        }
        break;
      case "ImportFrom": {
        this.loadConst({ t: "int", v: BigInt(s.level) }, false);
        this.loadConst({ t: "tuple", items: s.names.map((a) => ({ t: "str", v: a.name })) }, false);
        this.emit(Op.IMPORT_NAME, this.nameIndex(s.module ?? ""));
        if (s.names.length === 1 && s.names[0]!.name === "*") {
          this.emit(Op.IMPORT_STAR);
          break;
        }
        for (const a of s.names) {
          this.emit(Op.IMPORT_FROM, this.nameIndex(a.name));
          this.nameOp(a.asname ?? a.name, "store");
        }
        this.emit(Op.POP_TOP);
        break;
      }
      case "If":
        this.ifStmt(s);
        break;
      case "While":
        this.whileStmt(s);
        break;
      case "For":
        this.forStmt(s);
        break;
      case "Try":
        if (s.finalbody.length) this.tryFinally(s);
        else if (s.star) this.tryStar(s);
        else this.tryExcept(s);
        break;
      case "With":
        this.withStmt(s, 0);
        break;
      case "FunctionDef":
        this.functionDef(s);
        break;
      case "ClassDef":
        this.classDef(s);
        break;
      case "Match":
        this.matchStmt(s);
        break;
    }
    this.depth = depth;
    this.loc = savedLoc;
  }

  // ---- match statements: 3.11's compiler_match and compiler_pattern_* ----

  /**
   * The subject stays on the stack across the cases (a COPY per case but the last); each pattern leaves
   * its captures on the stack and stores them only when the whole pattern matched. A failing check jumps
   * to the fail-pop label for the number of items it must drop (see `PatternContext`).
   */
  matchStmt(s: Stmt & { k: "Match" }): void {
    this.expr(s.subject);
    const end = this.newLabel();
    const cases = s.cases.length;
    const lastCase = s.cases[cases - 1]!;
    const hasDefault = isWildcard(lastCase.pattern) && cases > 1 ? 1 : 0;
    for (let i = 0; i < cases - hasDefault; i++) {
      const m = s.cases[i]!;
      this.loc = m.pattern.pos;
      if (i !== cases - hasDefault - 1) this.emit(Op.COPY, 1);
      const pc: PatternContext = { stores: [], allowIrrefutable: m.guard !== null || i === cases - 1, failPop: [], onTop: 0 };
      this.pattern(m.pattern, pc);
      for (const name of pc.stores) this.nameOp(name, "store");
      if (m.guard) {
        this.ensureFailPop(pc, 0);
        this.jumpIf(m.guard, false, pc.failPop[0]!);
      }
      if (i !== cases - hasDefault - 1) this.emit(Op.POP_TOP);
      this.stmts(m.body);
      if (this.reachable) {
        this.loc = this.lastStmtPos;
        this.jump(Op.JUMP_FORWARD, end);
      }
      this.loc = m.pattern.pos;
      this.emitAndResetFailPop(pc);
    }
    if (hasDefault) {
      this.loc = lastCase.pattern.pos;
      this.emit(Op.NOP);
      if (lastCase.guard) this.jumpIf(lastCase.guard, false, end);
      this.stmts(lastCase.body);
    }
    this.bind(end);
  }

  ensureFailPop(pc: PatternContext, n: number): void {
    while (pc.failPop.length < n + 1) pc.failPop.push(this.newLabel());
  }

  /** Jumps to the label that pops what is on top of the subject plus the captures so far. */
  jumpToFailPop(pc: PatternContext, op: Op): void {
    const pops = pc.onTop + pc.stores.length;
    this.ensureFailPop(pc, pops);
    this.jump(op, pc.failPop[pops]!);
  }

  /** The fail-pop labels, deepest first, each popping one item and falling into the next. */
  emitAndResetFailPop(pc: PatternContext): void {
    if (!pc.failPop.length) return;
    for (let i = pc.failPop.length - 1; i > 0; i--) {
      this.bind(pc.failPop[i]!);
      this.emit(Op.POP_TOP);
    }
    this.bind(pc.failPop[0]!);
    pc.failPop = [];
  }

  /** Moves the top of the stack `count - 1` places down (a series of SWAPs). */
  patternRotate(count: number): void {
    while (count > 1) this.emit(Op.SWAP, count--);
  }

  /** A capture: the matched value goes under the items still needed, joining the stores. */
  patternStoreName(name: string | null, pc: PatternContext, p: Pattern): void {
    if (name === null) {
      this.emit(Op.POP_TOP);
      return;
    }
    if (pc.stores.includes(name)) throw this.unit.error(`multiple assignments to name '${name}' in pattern`, this.loc!);
    this.patternRotate(pc.onTop + pc.stores.length + 1);
    pc.stores.push(name);
  }

  pattern(p: Pattern, pc: PatternContext): void {
    this.loc = p.pos;
    switch (p.k) {
      case "MatchValue": {
        if (p.value.k !== "Constant" && p.value.k !== "Attribute") throw this.unit.error("patterns may only match literals and attribute lookups", p.pos);
        this.expr(p.value);
        this.emit(Op.COMPARE_OP, CompareOpArg.EQ);
        this.jumpToFailPop(pc, Op.POP_JUMP_FORWARD_IF_FALSE);
        return;
      }
      case "MatchSingleton":
        this.loadConst(p.value, false);
        this.emit(Op.IS_OP, 0);
        this.jumpToFailPop(pc, Op.POP_JUMP_FORWARD_IF_FALSE);
        return;
      case "MatchSequence":
        this.patternSequence(p, pc);
        return;
      case "MatchMapping":
        this.patternMapping(p, pc);
        return;
      case "MatchClass":
        this.patternClass(p, pc);
        return;
      case "MatchStar":
        this.patternStoreName(p.name, pc, p);
        return;
      case "MatchAs":
        if (!p.pattern) {
          if (!pc.allowIrrefutable) {
            if (p.name) throw this.unit.error(`name capture '${p.name}' makes remaining patterns unreachable`, p.pos);
            throw this.unit.error("wildcard makes remaining patterns unreachable", p.pos);
          }
          this.patternStoreName(p.name, pc, p);
          return;
        }
        pc.onTop++;
        this.emit(Op.COPY, 1);
        this.pattern(p.pattern, pc);
        pc.onTop--;
        this.patternStoreName(p.name, pc, p);
        return;
      case "MatchOr":
        this.patternOr(p, pc);
        return;
    }
  }

  /** A sub-pattern may be irrefutable whatever its position. */
  subpattern(p: Pattern, pc: PatternContext): void {
    const allow = pc.allowIrrefutable;
    pc.allowIrrefutable = true;
    this.pattern(p, pc);
    pc.allowIrrefutable = allow;
  }

  patternSequence(p: Pattern & { k: "MatchSequence" }, pc: PatternContext): void {
    const patterns = p.patterns;
    const size = patterns.length;
    let star = -1;
    let onlyWildcard = true;
    let starWildcard = false;
    patterns.forEach((q, i) => {
      if (q.k === "MatchStar") {
        if (star >= 0) throw this.unit.error("multiple starred names in sequence pattern", p.pos);
        starWildcard = q.name === null;
        onlyWildcard &&= starWildcard;
        star = i;
        return;
      }
      onlyWildcard &&= isWildcard(q);
    });
    pc.onTop++;
    this.emit(Op.MATCH_SEQUENCE);
    this.jumpToFailPop(pc, Op.POP_JUMP_FORWARD_IF_FALSE);
    if (star < 0) {
      this.emit(Op.GET_LEN);
      this.loadConst({ t: "int", v: BigInt(size) }, false);
      this.emit(Op.COMPARE_OP, CompareOpArg.EQ);
      this.jumpToFailPop(pc, Op.POP_JUMP_FORWARD_IF_FALSE);
    } else if (size - 1) {
      this.emit(Op.GET_LEN);
      this.loadConst({ t: "int", v: BigInt(size - 1) }, false);
      this.emit(Op.COMPARE_OP, CompareOpArg.GE);
      this.jumpToFailPop(pc, Op.POP_JUMP_FORWARD_IF_FALSE);
    }
    pc.onTop--;
    if (onlyWildcard) {
      this.emit(Op.POP_TOP);
    } else if (starWildcard) {
      // the subject stays on the stack; items are fetched by index
      pc.onTop++;
      patterns.forEach((q, i) => {
        if (isWildcard(q) || i === star) return;
        this.emit(Op.COPY, 1);
        if (i < star) {
          this.loadConst({ t: "int", v: BigInt(i) }, false);
        } else {
          // NOTE: the subject may not support negative indexes; CPython computes len - k
          this.emit(Op.GET_LEN);
          this.loadConst({ t: "int", v: BigInt(size - i) }, false);
          this.emit(Op.BINARY_OP, BinaryOpArg.SUBTRACT);
        }
        this.emit(Op.BINARY_SUBSCR);
        this.subpattern(q, pc);
      });
      pc.onTop--;
      this.emit(Op.POP_TOP);
    } else {
      if (star >= 0) {
        if (star >= 1 << 8 || size - star - 1 >= 0x7fffffff >> 8) throw this.unit.error("too many expressions in star-unpacking sequence pattern", p.pos);
        this.emit(Op.UNPACK_EX, star + ((size - star - 1) << 8));
      } else {
        this.emitRaw(Op.UNPACK_SEQUENCE, size);
      }
      pc.onTop += size;
      for (const q of patterns) {
        pc.onTop--;
        this.subpattern(q, pc);
      }
    }
  }

  patternMapping(p: Pattern & { k: "MatchMapping" }, pc: PatternContext): void {
    const size = p.keys.length;
    pc.onTop++;
    this.emit(Op.MATCH_MAPPING);
    this.jumpToFailPop(pc, Op.POP_JUMP_FORWARD_IF_FALSE);
    if (!size && !p.rest) {
      pc.onTop--;
      this.emit(Op.POP_TOP);
      return;
    }
    if (size) {
      this.emit(Op.GET_LEN);
      this.loadConst({ t: "int", v: BigInt(size) }, false);
      this.emit(Op.COMPARE_OP, CompareOpArg.GE);
      this.jumpToFailPop(pc, Op.POP_JUMP_FORWARD_IF_FALSE);
    }
    const seen = new Set<string>();
    for (const key of p.keys) {
      if (key.k === "Constant") {
        const c = this.unit.consts.get(key.value, true);
        const id = mappingKeyIdentity(key.value);
        if (seen.has(id)) throw this.unit.error(`mapping pattern checks duplicate key (${constRepr(c)})`, p.pos);
        seen.add(id);
      } else if (key.k !== "Attribute") {
        throw this.unit.error("mapping pattern keys may only match literals and attribute lookups", p.pos);
      }
      this.expr(key);
    }
    this.emit(Op.BUILD_TUPLE, size);
    this.emit(Op.MATCH_KEYS);
    pc.onTop += 2;
    this.emit(Op.COPY, 1);
    this.loadConst({ t: "none" }, false);
    this.emit(Op.IS_OP, 1);
    this.jumpToFailPop(pc, Op.POP_JUMP_FORWARD_IF_FALSE);
    this.emitRaw(Op.UNPACK_SEQUENCE, size);
    pc.onTop += size - 1;
    for (const q of p.patterns) {
      pc.onTop--;
      this.subpattern(q, pc);
    }
    pc.onTop -= 2;
    if (p.rest) {
      // rest = dict(subject); then del rest[key] for each key
      this.emit(Op.BUILD_MAP, 0);
      this.emit(Op.SWAP, 3);
      this.emit(Op.DICT_UPDATE, 2);
      this.emitRaw(Op.UNPACK_SEQUENCE, size);
      let n = size;
      while (n) {
        this.emit(Op.COPY, 1 + n--);
        this.emit(Op.SWAP, 2);
        this.emit(Op.DELETE_SUBSCR);
      }
      this.patternStoreName(p.rest, pc, p);
    } else {
      this.emit(Op.POP_TOP);
      this.emit(Op.POP_TOP);
    }
  }

  patternClass(p: Pattern & { k: "MatchClass" }, pc: PatternContext): void {
    const nargs = p.patterns.length;
    const nattrs = p.kwdAttrs.length;
    p.kwdAttrs.forEach((name, i) => {
      if (name === "__debug__") throw this.unit.error("cannot assign to __debug__", p.kwdPatterns[i]!.pos);
      if (p.kwdAttrs.indexOf(name) !== i) throw this.unit.error(`attribute name repeated in class pattern: ${name}`, p.kwdPatterns[i]!.pos);
    });
    this.loc = p.pos;
    this.expr(p.cls);
    this.loadConst({ t: "tuple", items: p.kwdAttrs.map((v) => ({ t: "str", v }) as ConstValue) }, false);
    this.emit(Op.MATCH_CLASS, nargs);
    this.emit(Op.COPY, 1);
    this.loadConst({ t: "none" }, false);
    this.emit(Op.IS_OP, 1);
    pc.onTop++;
    this.jumpToFailPop(pc, Op.POP_JUMP_FORWARD_IF_FALSE);
    this.emitRaw(Op.UNPACK_SEQUENCE, nargs + nattrs);
    pc.onTop += nargs + nattrs - 1;
    for (let i = 0; i < nargs + nattrs; i++) {
      pc.onTop--;
      const q = i < nargs ? p.patterns[i]! : p.kwdPatterns[i - nargs]!;
      if (isWildcard(q)) {
        this.emit(Op.POP_TOP);
        continue;
      }
      this.subpattern(q, pc);
    }
  }

  patternOr(p: Pattern & { k: "MatchOr" }, pc: PatternContext): void {
    const end = this.newLabel();
    const size = p.patterns.length;
    const old = { stores: pc.stores, allowIrrefutable: pc.allowIrrefutable, failPop: pc.failPop, onTop: pc.onTop };
    let control: string[] | null = null;
    for (let i = 0; i < size; i++) {
      const alt = p.patterns[i]!;
      this.loc = alt.pos;
      pc.stores = [];
      pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
      pc.failPop = [];
      pc.onTop = 0;
      this.emit(Op.COPY, 1);
      this.pattern(alt, pc);
      const nstores = pc.stores.length;
      if (!control) {
        control = pc.stores;
      } else if (nstores !== control.length) {
        throw this.unit.error("alternative patterns bind different names", this.loc!);
      } else if (nstores) {
        // put this alternative's captures in the first alternative's order
        for (let icontrol = nstores - 1; icontrol >= 0; icontrol--) {
          const name = control[icontrol]!;
          const istores = pc.stores.indexOf(name);
          if (istores < 0) throw this.unit.error("alternative patterns bind different names", this.loc!);
          if (icontrol !== istores) {
            let rotations = istores + 1;
            const rotated = pc.stores.slice(0, rotations);
            pc.stores.splice(0, rotations);
            pc.stores.splice(icontrol - istores, 0, ...rotated);
            while (rotations--) this.patternRotate(icontrol + 1);
          }
        }
      }
      this.jump(Op.JUMP_FORWARD, end);
      this.emitAndResetFailPop(pc);
    }
    pc.stores = old.stores;
    pc.allowIrrefutable = old.allowIrrefutable;
    pc.failPop = old.failPop;
    pc.onTop = old.onTop;
    // no alternative matched: drop the remaining copy of the subject and fail
    this.emit(Op.POP_TOP);
    this.jumpToFailPop(pc, Op.JUMP_FORWARD);
    this.bind(end);
    const nstores = control!.length;
    const nrots = nstores + 1 + pc.onTop + pc.stores.length;
    for (let i = 0; i < nstores; i++) {
      this.patternRotate(nrots);
      const name = control![i]!;
      if (pc.stores.includes(name)) throw this.unit.error(`multiple assignments to name '${name}' in pattern`, this.loc!);
      pc.stores.push(name);
    }
    this.emit(Op.POP_TOP);
  }

  /** Emits without the BUILD_TUPLE/UNPACK_SEQUENCE peephole (its tuple is built by another opcode). */
  emitRaw(op: Op, arg: number): void {
    const fence = this.fence;
    this.fence = this.instrs.length;
    this.emit(op, arg);
    this.fence = fence;
  }

  augAssign(s: Stmt & { k: "AugAssign" }): void {
    const t = s.target;
    const op = BIN_OPS[s.op]! + 13;
    if (t.k === "Name") {
      this.loc = t.pos;
      this.nameOp(t.id, "load");
      this.expr(s.value);
      this.loc = s.pos;
      this.emit(Op.BINARY_OP, op);
      this.loc = t.pos;
      this.nameOp(t.id, "store");
    } else if (t.k === "Attribute") {
      this.expr(t.value);
      this.loc = t.pos;
      this.emit(Op.COPY, 1);
      this.emit(Op.LOAD_ATTR, this.nameIndex(this.scope.mangle(t.attr)));
      this.expr(s.value);
      this.loc = s.pos;
      this.emit(Op.BINARY_OP, op);
      this.loc = t.pos;
      this.emit(Op.SWAP, 2);
      this.emit(Op.STORE_ATTR, this.nameIndex(this.scope.mangle(t.attr)));
    } else if (t.k === "Subscript") {
      this.expr(t.value);
      this.expr(t.slice);
      this.loc = t.pos;
      this.emit(Op.COPY, 2);
      this.emit(Op.COPY, 2);
      this.emit(Op.BINARY_SUBSCR);
      this.expr(s.value);
      this.loc = s.pos;
      this.emit(Op.BINARY_OP, op);
      this.loc = t.pos;
      this.emit(Op.SWAP, 3);
      this.emit(Op.SWAP, 2);
      this.emit(Op.STORE_SUBSCR);
    }
  }

  annAssign(s: Stmt & { k: "AnnAssign" }): void {
    if (s.value) {
      this.expr(s.value);
      this.store(s.target);
    }
    if (s.target.k === "Name") {
      if (s.simple && (this.scope.kind === "module" || this.scope.kind === "class")) {
        this.expr(s.annotation);
        this.nameOp("__annotations__", "load");
        this.loadConst({ t: "str", v: s.target.id }, false);
        this.emit(Op.STORE_SUBSCR);
      }
    } else if (!s.value) {
      // `a.b: int` evaluates the target's object (and the subscript) for side effects
      if (s.target.k === "Attribute") {
        this.expr(s.target.value);
        this.emit(Op.POP_TOP);
      } else if (s.target.k === "Subscript") {
        this.expr(s.target.value);
        this.emit(Op.POP_TOP);
        this.expr(s.target.slice);
        this.emit(Op.POP_TOP);
      }
      if (this.scope.kind === "module" || this.scope.kind === "class") {
        this.expr(s.annotation);
        this.emit(Op.POP_TOP);
      }
    } else if (this.scope.kind === "module" || this.scope.kind === "class") {
      this.expr(s.annotation);
      this.emit(Op.POP_TOP);
    }
  }

  /** Stores TOS into a target (or deletes the target). */
  store(t: Expr, ctx: "store" | "del" = "store"): void {
    const saved = this.loc;
    this.loc = t.pos;
    switch (t.k) {
      case "Name":
        this.nameOp(t.id, ctx);
        break;
      case "Attribute":
        this.expr(t.value);
        this.loc = t.pos;
        this.emit(ctx === "store" ? Op.STORE_ATTR : Op.DELETE_ATTR, this.nameIndex(this.scope.mangle(t.attr)));
        break;
      case "Subscript":
        this.expr(t.value);
        this.sliceExpr(t.slice);
        this.loc = t.pos;
        this.emit(ctx === "store" ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR);
        break;
      case "Tuple":
      case "List": {
        if (ctx === "del") {
          for (const x of t.elts) this.store(x, "del");
          break;
        }
        const star = t.elts.findIndex((x) => x.k === "Starred");
        if (star >= 0) {
          const after = t.elts.length - star - 1;
          if (star >= 256 || after >= 1 << 24) throw this.unit.error("too many expressions in star-unpacking assignment", t.pos);
          this.emit(Op.UNPACK_EX, star | (after << 8));
        } else {
          this.emit(Op.UNPACK_SEQUENCE, t.elts.length);
        }
        for (const x of t.elts) this.store(x.k === "Starred" ? x.value : x, ctx);
        break;
      }
      case "Starred":
        throw this.unit.error("starred assignment target must be in a list or tuple", t.pos);
      default:
        throw this.unit.error("cannot assign to expression", t.pos);
    }
    this.loc = saved;
  }

  ifStmt(s: Stmt & { k: "If" }): void {
    const end = this.newLabel();
    const next = s.orelse.length ? this.newLabel() : end;
    this.jumpIf(s.test, false, next);
    this.stmts(s.body);
    if (s.orelse.length) {
      if (this.reachable) {
        this.loc = null;
        this.jump(Op.JUMP_FORWARD, end);
      }
      this.bind(next);
      this.stmts(s.orelse);
    }
    this.bind(end);
  }

  whileStmt(s: Stmt & { k: "While" }): void {
    const loop = this.newLabel();
    const body = this.newLabel();
    const anchor = this.newLabel();
    const exit = this.newLabel();
    this.bind(loop);
    this.fblocks.push({ kind: "while", cont: loop, brk: exit });
    this.jumpIf(s.test, false, anchor);
    this.bind(body);
    this.stmts(s.body);
    if (this.reachable) {
      this.loc = s.pos;
      this.jumpIf(s.test, true, body);
    }
    this.fblocks.pop();
    this.bind(anchor);
    if (s.orelse.length) this.stmts(s.orelse);
    this.bind(exit);
  }

  forStmt(s: Stmt & { k: "For" }): void {
    const start = this.newLabel();
    const cleanup = this.newLabel();
    const end = this.newLabel();
    this.expr(s.iter);
    this.emit(Op.GET_ITER);
    this.bind(start);
    this.fblocks.push({ kind: "for", cont: start, brk: end });
    this.jump(Op.FOR_ITER, cleanup);
    this.store(s.target);
    this.stmts(s.body);
    if (this.reachable) {
      // an artificial jump: it takes the position of the instruction before it
      this.loc = null;
      this.jump(Op.JUMP_BACKWARD, start);
    }
    this.fblocks.pop();
    this.bind(cleanup);
    this.stmts(s.orelse);
    this.bind(end);
  }

  /** `break`/`continue`/`return` may not leave an except* block. */
  checkStarExit(pos: Pos): void {
    for (let i = this.fblocks.length - 1; i >= 0; i--) {
      const fb = this.fblocks[i]!;
      if (fb.kind === "handler_cleanup" && fb.star) throw this.unit.error("'break', 'continue' and 'return' cannot appear in an except* block", pos);
      if (fb.kind === "while" || fb.kind === "for") return;
    }
  }

  breakContinue(isBreak: boolean, pos: Pos): void {
    this.checkStarExit(pos);
    let i = this.fblocks.length - 1;
    while (i >= 0 && this.fblocks[i]!.kind !== "while" && this.fblocks[i]!.kind !== "for") i--;
    if (i < 0) throw this.unit.error(isBreak ? "'break' outside loop" : "'continue' not properly in loop", pos);
    this.emit(Op.NOP);
    this.unwindTo(i, false, isBreak);
    const loop = this.fblocks[i] as { kind: "for" | "while"; cont: Label; brk: Label };
    // NOTE: like 3.11, the jump keeps the position the clean-ups left (a finally body's last statement)
    this.jump(isBreak ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD, isBreak ? loop.brk : loop.cont);
  }

  returnStmt(s: Stmt & { k: "Return" }): void {
    if (!this.scope.isFunctionLike()) throw this.unit.error("'return' outside function", s.pos);
    if (this.fblocks.some((fb) => fb.kind === "handler_cleanup" && fb.star)) {
      throw this.unit.error("'break', 'continue' and 'return' cannot appear in an except* block", s.pos);
    }
    const preserve = !!s.value && s.value.k !== "Constant";
    if (preserve) this.expr(s.value!);
    // NOTE: like 3.11, what follows the clean-ups keeps the position they left
    this.unwindTo(-1, preserve, false);
    if (!preserve) {
      if (s.value) {
        const v = s.value as Expr & { k: "Constant" };
        this.loadConst(v.value, true);
      } else this.loadConst({ t: "none" }, false);
    }
    this.emit(Op.RETURN_VALUE);
  }

  /**
   * Runs the clean-ups of the frame blocks above index `stop` (exclusive), innermost first. For a break,
   * the loop block itself is unwound too (a `for` pops its iterator).
   */
  unwindTo(stop: number, preserveTos: boolean, includeLoop: boolean): void {
    const saved = this.fblocks.slice();
    const savedHandlers = this.handlers;
    for (let i = this.fblocks.length - 1; i > stop; i--) {
      const fb = this.fblocks.pop()!;
      this.unwindBlock(fb, preserveTos);
    }
    if (includeLoop && stop >= 0) {
      const fb = this.fblocks[stop]!;
      if (fb.kind === "for") this.emit(Op.POP_TOP);
    }
    this.fblocks.length = 0;
    this.fblocks.push(...saved);
    this.handlers = savedHandlers;
  }

  unwindBlock(fb: FBlock, preserveTos: boolean): void {
    switch (fb.kind) {
      case "while":
      case "exception_handler":
      case "try_except":
        if (fb.kind === "try_except") this.popHandler();
        return;
      case "for":
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        return;
      case "finally_try": {
        this.popHandler();
        if (preserveTos) this.fblocks.push({ kind: "pop_value" });
        const top = this.fblocks.length;
        this.stmts(fb.body);
        this.loc = this.lastStmtPos;
        this.fblocks.length = top;
        if (preserveTos) this.fblocks.pop();
        return;
      }
      case "finally_end":
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.popHandler();
        this.emit(Op.POP_EXCEPT);
        return;
      case "with": {
        this.popHandler();
        this.loc = fb.pos;
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.callExitWithNones();
        return;
      }
      case "handler_cleanup":
        if (fb.name) this.popHandler();
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.popHandler();
        this.emit(Op.POP_EXCEPT);
        if (fb.name) {
          this.loadConst({ t: "none" }, false);
          this.nameOp(fb.name, "store");
          this.nameOp(fb.name, "del");
        }
        return;
      case "pop_value":
        if (preserveTos) this.emit(Op.SWAP, 2);
        this.emit(Op.POP_TOP);
        return;
    }
  }

  callExitWithNones(): void {
    this.loadConst({ t: "none" }, false);
    this.loadConst({ t: "none" }, false);
    this.loadConst({ t: "none" }, false);
    this.emit(Op.PRECALL, 2);
    this.emit(Op.CALL, 2);
    this.emit(Op.POP_TOP);
  }

  popExceptAndReraise(): void {
    this.emit(Op.COPY, 3);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.RERAISE, 1);
  }

  /**
   * What try/except and try/except* share: the body under a handler, the `else` part, the jump past the
   * handlers, then the handlers' entry (PUSH_EXC_INFO) under a cleanup handler. Afterwards the cleanup
   * handler is current and an "exception_handler" fblock is open.
   */
  private tryHandlersEntry(s: Stmt & { k: "Try" }, emitNop: boolean) {
    const except = this.newLabel();
    const end = this.newLabel();
    const cleanup = this.newLabel();
    if (emitNop) this.emit(Op.NOP);
    const base = this.depth;
    const outer = this.handlers;
    const h = this.pushHandler(except, base, false);
    this.fblocks.push({ kind: "try_except" });
    this.stmts(s.body);
    this.fblocks.pop();
    this.handlers = outer;
    this.stmts(s.orelse);
    if (this.reachable) {
      this.loc = null;
      this.jump(Op.JUMP_FORWARD, end);
    }
    this.bindHandler(h, outer);
    const ch = this.pushHandler(cleanup, base + 1, true);
    const cleanupLevel = this.handlers;
    this.loc = null;
    this.emit(Op.PUSH_EXC_INFO);
    this.fblocks.push({ kind: "exception_handler" });
    return { end, cleanup, base, outer, ch, cleanupLevel };
  }

  tryExcept(s: Stmt & { k: "Try" }, emitNop = true): void {
    const { end, cleanup, base, outer, ch, cleanupLevel: afterCleanup } = this.tryHandlersEntry(s, emitNop);
    for (let i = 0; i < s.handlers.length; i++) {
      const hd = s.handlers[i]!;
      this.loc = hd.pos;
      if (!hd.type && i < s.handlers.length - 1) throw this.unit.error("default 'except:' must be last", hd.pos);
      const next = this.newLabel();
      if (hd.type) {
        this.expr(hd.type);
        this.loc = hd.pos;
        this.emit(Op.CHECK_EXC_MATCH);
        this.jump(Op.POP_JUMP_FORWARD_IF_FALSE, next);
      }
      if (hd.name) {
        const cleanupEnd = this.newLabel();
        this.nameOp(hd.name, "store");
        const nh = this.pushHandler(cleanupEnd, base + 1, true);
        const beforeName = afterCleanup;
        this.fblocks.push({ kind: "handler_cleanup", name: hd.name });
        this.stmts(hd.body);
        this.fblocks.pop();
        if (this.reachable) {
          this.handlers = outer;
          this.loc = null;
          this.emit(Op.POP_EXCEPT);
          this.loadConst({ t: "none" }, false);
          this.nameOp(hd.name, "store");
          this.nameOp(hd.name, "del");
          this.jump(Op.JUMP_FORWARD, end);
        }
        this.bindHandler(nh, beforeName);
        this.loc = null;
        this.loadConst({ t: "none" }, false);
        this.nameOp(hd.name, "store");
        this.nameOp(hd.name, "del");
        this.emit(Op.RERAISE, 1);
      } else {
        this.emit(Op.POP_TOP);
        this.fblocks.push({ kind: "handler_cleanup", name: null });
        this.stmts(hd.body);
        this.fblocks.pop();
        if (this.reachable) {
          this.handlers = outer;
          this.loc = null;
          this.emit(Op.POP_EXCEPT);
          this.jump(Op.JUMP_FORWARD, end);
        }
      }
      this.bind(next);
    }
    this.fblocks.pop();
    if (this.reachable) {
      this.loc = null;
      this.emit(Op.RERAISE, 0);
    }
    this.bindHandler(ch, outer);
    this.loc = null;
    this.popExceptAndReraise();
    this.bind(end);
  }

  /** try/except* in 3.11's shape (CHECK_EG_MATCH, LIST_APPEND of raised groups, PREP_RERAISE_STAR). */
  tryStar(s: Stmt & { k: "Try" }, emitNop = true): void {
    const { end, cleanup, base, outer, ch, cleanupLevel } = this.tryHandlersEntry(s, emitNop);
    const reraise = this.newLabel();
    const reraiseStar = this.newLabel();
    for (let i = 0; i < s.handlers.length; i++) {
      const hd = s.handlers[i]!;
      this.loc = hd.pos;
      const nextExcept = this.newLabel();
      const noMatch = this.newLabel();
      const exceptLabel = this.newLabel();
      if (i === 0) {
        this.emit(Op.COPY, 1);
        this.emit(Op.BUILD_LIST, 0);
        this.emit(Op.SWAP, 2);
      }
      this.expr(hd.type!);
      this.loc = hd.pos;
      this.emit(Op.CHECK_EG_MATCH);
      this.emit(Op.COPY, 1);
      this.jump(Op.POP_JUMP_FORWARD_IF_NONE, noMatch);
      if (hd.name) this.nameOp(hd.name, "store");
      else this.emit(Op.POP_TOP);
      const withError = this.newLabel();
      const eh = this.pushHandler(withError, base + 4, true);
      this.fblocks.push({ kind: "handler_cleanup", name: hd.name, star: true });
      this.stmts(hd.body);
      this.fblocks.pop();
      this.handlers = cleanupLevel;
      if (this.reachable) {
        this.loc = null;
        if (hd.name) {
          this.loadConst({ t: "none" }, false);
          this.nameOp(hd.name, "store");
          this.nameOp(hd.name, "del");
        }
        this.jump(Op.JUMP_FORWARD, exceptLabel);
      }
      this.bindHandler(eh, cleanupLevel);
      this.loc = null;
      if (hd.name) {
        this.loadConst({ t: "none" }, false);
        this.nameOp(hd.name, "store");
        this.nameOp(hd.name, "del");
      }
      this.emit(Op.LIST_APPEND, 3);
      this.emit(Op.POP_TOP);
      this.jump(Op.JUMP_FORWARD, nextExcept);
      this.bind(exceptLabel);
      this.jump(Op.JUMP_FORWARD, nextExcept);
      this.bind(noMatch);
      this.loc = hd.pos;
      this.emit(Op.POP_TOP);
      this.bind(nextExcept);
    }
    this.fblocks.pop();
    this.loc = null;
    this.emit(Op.LIST_APPEND, 1);
    this.emit(Op.PREP_RERAISE_STAR);
    this.emit(Op.COPY, 1);
    this.jump(Op.POP_JUMP_FORWARD_IF_NOT_NONE, reraiseStar);
    this.emit(Op.POP_TOP);
    this.handlers = outer;
    this.emit(Op.POP_EXCEPT);
    this.jump(Op.JUMP_FORWARD, end);
    this.bind(reraiseStar);
    this.handlers = outer;
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.RERAISE, 0);
    void reraise;
    this.bindHandler(ch, outer);
    this.popExceptAndReraise();
    this.bind(end);
  }

  tryFinally(s: Stmt & { k: "Try" }): void {
    const end = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.emit(Op.NOP);
    const base = this.depth;
    const outer = this.handlers;
    const h = this.pushHandler(end, base, false);
    this.fblocks.push({ kind: "finally_try", body: s.finalbody });
    if (s.handlers.length) {
      if (s.star) this.tryStar(s, false);
      else this.tryExcept(s, false);
    }
    else this.stmts(s.body);
    this.fblocks.pop();
    this.handlers = outer;
    if (this.reachable) {
      this.stmts(s.finalbody);
      if (this.reachable) {
        this.loc = null;
        this.jump(Op.JUMP_FORWARD, exit);
      }
    }
    this.bindHandler(h, outer);
    const ch = this.pushHandler(cleanup, base + 1, true);
    this.loc = null;
    this.emit(Op.PUSH_EXC_INFO);
    this.fblocks.push({ kind: "finally_end" });
    this.stmts(s.finalbody);
    this.fblocks.pop();
    if (this.reachable) {
      this.loc = null;
      this.emit(Op.RERAISE, 0);
    }
    void ch;
    this.bindHandler(ch, outer);
    this.popExceptAndReraise();
    this.bind(exit);
  }

  withStmt(s: Stmt & { k: "With" }, pos: number): void {
    const item = s.items[pos]!;
    const exit = this.newLabel();
    const final = this.newLabel();
    const cleanup = this.newLabel();
    this.expr(item.contextExpr);
    this.loc = s.pos;
    this.emit(Op.BEFORE_WITH);
    const outer = this.handlers;
    const h = this.pushHandler(final, this.depth - 1, true);
    this.fblocks.push({ kind: "with", pos: s.pos });
    if (item.optionalVars) this.store(item.optionalVars);
    else this.emit(Op.POP_TOP);
    if (pos + 1 < s.items.length) this.withStmt(s, pos + 1);
    else this.stmts(s.body);
    this.fblocks.pop();
    this.handlers = outer;
    if (this.reachable) {
      this.loc = s.pos;
      this.callExitWithNones();
      this.jump(Op.JUMP_FORWARD, exit);
    }
    this.bindHandler(h, outer);
    this.loc = s.pos;
    const ch = this.pushHandler(cleanup, this.depth, true);
    const suppress = this.newLabel();
    this.emit(Op.PUSH_EXC_INFO);
    this.emit(Op.WITH_EXCEPT_START);
    this.jump(Op.POP_JUMP_FORWARD_IF_TRUE, suppress);
    this.emit(Op.RERAISE, 2);
    this.bindHandler(ch, outer);
    this.loc = null;
    this.popExceptAndReraise();
    this.loc = s.pos;
    this.bind(suppress);
    this.emit(Op.POP_TOP);
    this.popHandler();
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.POP_TOP);
    this.emit(Op.POP_TOP);
    this.bind(exit);
  }

  // ---- functions and classes ----

  /** Qualified name of a child scope, as 3.11 computes it. */
  childQualname(name: string, child: Scope): string {
    if (this.scope.kind === "module") return name;
    const s = this.scope;
    // only functions and lambdas put `<locals>` between their name and their children's
    if (s.kind === "class" || s.kind === "comprehension") {
      return `${this.qualname}.${name}`;
    }
    // a function declared global keeps its plain name
    if (child.kind !== "comprehension" && s.resolve(name) === Resolution.GLOBAL_EXPLICIT) return name;
    return `${this.qualname}.<locals>.${name}`;
  }

  /** Emits the closure tuple (LOAD_CLOSURE of each free variable of the child) when needed. */
  makeClosure(child: Scope, code: CodeObject): number {
    const frees = code.co_freevars;
    if (!frees.length) return 0;
    for (const f of frees) this.emit(Op.LOAD_CLOSURE, 0, f);
    this.emit(Op.BUILD_TUPLE, frees.length);
    void child;
    return MakeFunctionFlag.CLOSURE;
  }

  makeFunction(code: CodeObject, child: Scope, flags: number): void {
    flags |= this.makeClosure(child, code);
    this.emit(Op.LOAD_CONST, this.constIndex(this.unit.consts.code(code)));
    this.emit(Op.MAKE_FUNCTION, flags);
  }

  defaults(a: Arguments): number {
    let flags = 0;
    if (a.defaults.length) {
      this.exprSeqAsTuple(a.defaults);
      flags |= MakeFunctionFlag.DEFAULTS;
    }
    const kwKeys: ConstValue[] = [];
    a.kwonlyargs.forEach((arg, i) => {
      const d = a.kwDefaults[i];
      if (d) {
        kwKeys.push({ t: "str", v: this.scope.mangle(arg.name) });
        this.expr(d);
      }
    });
    if (kwKeys.length) {
      this.loadConst({ t: "tuple", items: kwKeys }, false);
      this.emit(Op.BUILD_CONST_KEY_MAP, kwKeys.length);
      flags |= MakeFunctionFlag.KWDEFAULTS;
    }
    return flags;
  }

  annotations(a: Arguments, returns: Expr | null): number {
    const items: [string, Expr][] = [];
    for (const arg of [...a.posonlyargs, ...a.args]) if (arg.annotation) items.push([arg.name, arg.annotation]);
    if (a.vararg?.annotation) items.push([a.vararg.name, a.vararg.annotation]);
    for (const arg of a.kwonlyargs) if (arg.annotation) items.push([arg.name, arg.annotation]);
    if (a.kwarg?.annotation) items.push([a.kwarg.name, a.kwarg.annotation]);
    if (returns) items.push(["return", returns]);
    if (!items.length) return 0;
    for (const [n, e] of items) {
      this.loadConst({ t: "str", v: n }, false);
      this.expr(e);
    }
    this.emit(Op.BUILD_TUPLE, items.length * 2);
    return MakeFunctionFlag.ANNOTATIONS;
  }

  exprSeqAsTuple(es: Expr[]): void {
    for (const e of es) this.expr(e);
    this.emit(Op.BUILD_TUPLE, es.length);
  }

  functionDef(s: Stmt & { k: "FunctionDef" }): void {
    const child = this.unit.symtable.byNode.get(s)!;
    for (const d of s.decorators) this.expr(d);
    this.loc = s.pos;
    const firstLine = s.decorators.length ? s.decorators[0]!.pos.line : s.pos.line;
    let flags = this.defaults(s.args);
    flags |= this.annotations(s.args, s.returns);
    const qual = this.childQualname(s.name, child);
    const g = new CodeGen(this.unit, child, s.name, qual, firstLine, this);
    g.loc = { line: firstLine, col: 0, endLine: firstLine, endCol: 0 };
    g.prologue();
    const doc = isDocstring(s.body[0]) ? (s.body[0].value as { value: ConstValue }).value : null;
    g.constIndex(this.unit.consts.get(doc ?? { t: "none" }, !!doc));
    g.stmts(doc ? s.body.slice(1) : s.body);
    g.finishFunction();
    const code = g.assemble(s.args.posonlyargs.length + s.args.args.length, s.args.posonlyargs.length, s.args.kwonlyargs.length, true);
    this.loc = s.pos;
    this.makeFunction(code, child, flags);
    for (let i = s.decorators.length - 1; i >= 0; i--) {
      this.loc = s.decorators[i]!.pos;
      this.emit(Op.PRECALL, 0);
      this.emit(Op.CALL, 0);
    }
    this.loc = s.pos;
    this.nameOp(s.name, "store");
  }

  finishFunction(): void {
    if (this.reachable) {
      this.loc = null;
      this.loadConst({ t: "none" }, false);
      this.emit(Op.RETURN_VALUE);
    }
  }

  classDef(s: Stmt & { k: "ClassDef" }): void {
    const child = this.unit.symtable.byNode.get(s)!;
    for (const d of s.decorators) this.expr(d);
    this.loc = s.pos;
    const firstLine = s.decorators.length ? s.decorators[0]!.pos.line : s.pos.line;
    const qual = this.childQualname(s.name, child);
    const g = new CodeGen(this.unit, child, s.name, qual, firstLine, this);
    g.loc = { line: firstLine, col: 0, endLine: firstLine, endCol: 0 };
    g.prologue();
    g.nameOp("__name__", "load");
    g.nameOp("__module__", "store");
    g.loadConst({ t: "str", v: qual }, false);
    g.nameOp("__qualname__", "store");
    g.body(s.body, false);
    g.loc = null;
    if (child.needsClassClosure) {
      g.emit(Op.LOAD_CLOSURE, 0, "__class__");
      g.emit(Op.COPY, 1);
      g.nameOp("__classcell__", "store");
      g.emit(Op.RETURN_VALUE);
    } else if (g.reachable) {
      g.loadConst({ t: "none" }, false);
      g.emit(Op.RETURN_VALUE);
    }
    const code = g.assemble(0, 0, 0);
    this.loc = s.pos;
    this.emit(Op.PUSH_NULL);
    this.emit(Op.LOAD_BUILD_CLASS);
    this.makeFunction(code, child, 0);
    this.loadConst({ t: "str", v: s.name }, false);
    this.callHelper(2, s.bases, s.keywords, s.pos);
    for (let i = s.decorators.length - 1; i >= 0; i--) {
      this.loc = s.decorators[i]!.pos;
      this.emit(Op.PRECALL, 0);
      this.emit(Op.CALL, 0);
    }
    this.loc = s.pos;
    this.nameOp(s.name, "store");
  }

  // ---- expressions ----

  expr(e: Expr): void {
    const saved = this.loc;
    this.loc = e.pos;
    this.exprInner(e);
    this.loc = saved;
  }

  exprInner(e: Expr): void {
    switch (e.k) {
      case "Name":
        this.nameOp(e.id, "load");
        return;
      case "Constant":
        this.loadConst(e.value, true);
        return;
      case "BinOp":
        this.expr(e.left);
        this.expr(e.right);
        this.emit(Op.BINARY_OP, BIN_OPS[e.op]!);
        return;
      case "UnaryOp":
        this.expr(e.operand);
        this.emit(e.op === "not" ? Op.UNARY_NOT : e.op === "-" ? Op.UNARY_NEGATIVE : e.op === "+" ? Op.UNARY_POSITIVE : Op.UNARY_INVERT);
        return;
      case "BoolOp": {
        const end = this.newLabel();
        const op = e.op === "and" ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
        for (let i = 0; i < e.values.length - 1; i++) {
          this.expr(e.values[i]!);
          this.jump(op, end);
        }
        this.expr(e.values[e.values.length - 1]!);
        this.bind(end);
        return;
      }
      case "Compare":
        this.compare(e);
        return;
      case "Call":
        this.call(e);
        return;
      case "Attribute":
        this.expr(e.value);
        this.loc = matchAttr(e.pos, e);
        this.emit(Op.LOAD_ATTR, this.nameIndex(this.scope.mangle(e.attr)));
        return;
      case "Subscript":
        this.checkSubscript(e);
        this.expr(e.value);
        this.sliceExpr(e.slice);
        this.loc = e.pos;
        this.emit(Op.BINARY_SUBSCR);
        return;
      case "Slice":
        this.sliceExpr(e);
        return;
      case "Tuple":
        this.starunpack(e.elts, Op.BUILD_TUPLE, Op.LIST_APPEND, Op.LIST_EXTEND, true);
        return;
      case "List":
        this.starunpack(e.elts, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
        return;
      case "Set":
        this.starunpack(e.elts, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
        return;
      case "Dict":
        this.dict(e);
        return;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
      case "DictComp":
        this.comprehension(e);
        return;
      case "Lambda":
        this.lambda(e);
        return;
      case "IfExp": {
        const end = this.newLabel();
        const next = this.newLabel();
        this.jumpIf(e.test, false, next);
        this.expr(e.body);
        this.jump(Op.JUMP_FORWARD, end);
        this.bind(next);
        this.expr(e.orelse);
        this.bind(end);
        return;
      }
      case "JoinedStr":
        if (e.values.length > STACK_USE_GUIDELINE) {
          this.loadConst({ t: "str", v: "" }, false);
          this.emit(Op.LOAD_METHOD, this.nameIndex("join"));
          this.emit(Op.BUILD_LIST, 0);
          for (const v of e.values) {
            this.expr(v);
            this.emit(Op.LIST_APPEND, 1);
          }
          this.emit(Op.PRECALL, 1);
          this.emit(Op.CALL, 1);
          return;
        }
        for (const v of e.values) this.expr(v);
        if (e.values.length !== 1) this.emit(Op.BUILD_STRING, e.values.length);
        return;
      case "FormattedValue": {
        this.expr(e.value);
        let arg = e.conversion === 115 ? 1 : e.conversion === 114 ? 2 : e.conversion === 97 ? 3 : 0;
        if (e.formatSpec) {
          this.expr(e.formatSpec);
          arg |= 4;
        }
        this.loc = e.pos;
        this.emit(Op.FORMAT_VALUE, arg);
        return;
      }
      case "Starred":
        throw this.unit.error("can't use starred expression here", e.pos);
      case "Yield":
        if (e.value) this.expr(e.value);
        else this.loadConst({ t: "none" }, false);
        this.emit(Op.YIELD_VALUE);
        this.emit(Op.RESUME, 1);
        return;
      case "YieldFrom":
        this.expr(e.value);
        this.emit(Op.GET_YIELD_FROM_ITER);
        this.loadConst({ t: "none" }, false);
        this.yieldFromLoop();
        return;
      case "NamedExpr":
        this.expr(e.value);
        this.emit(Op.COPY, 1);
        this.store(e.target);
        return;
    }
  }

  yieldFromLoop(): void {
    const send = this.newLabel();
    const exit = this.newLabel();
    this.bind(send);
    this.jump(Op.SEND, exit);
    this.emit(Op.YIELD_VALUE);
    this.emit(Op.RESUME, 2);
    this.jump(Op.JUMP_BACKWARD_NO_INTERRUPT, send);
    this.bind(exit);
  }

  sliceExpr(e: Expr): void {
    if (e.k !== "Slice") {
      this.expr(e);
      return;
    }
    const saved = this.loc;
    if (e.lower) this.expr(e.lower);
    else this.loadConst({ t: "none" }, false);
    if (e.upper) this.expr(e.upper);
    else this.loadConst({ t: "none" }, false);
    if (e.step) this.expr(e.step);
    this.loc = e.pos;
    this.emit(Op.BUILD_SLICE, e.step ? 3 : 2);
    this.loc = saved;
  }

  /**
   * Tuple/list/set displays and the positional part of `f(*a)` calls, as 3.11's starunpack_helper:
   * three or more constants become one constant; `*x` or more than 30 items build incrementally.
   * `pushed`: items already on the stack that belong at the front (call arguments before a `*`).
   */
  starunpack(elts: Expr[], build: Op, add: Op, extend: Op, tuple: boolean, pushed = 0): void {
    const n = elts.length;
    const buildOp = tuple ? Op.BUILD_LIST : build;
    const hasStar = elts.some((x) => x.k === "Starred");
    if (!hasStar && n > 2 && elts.every((x) => x.k === "Constant")) {
      const items = elts.map((x) => (x as { value: ConstValue }).value);
      if (tuple && !pushed) {
        this.loadConst({ t: "tuple", items }, false);
      } else {
        this.emit(buildOp, pushed);
        if (build === Op.BUILD_SET) this.loadConst({ t: "frozenset", items }, false);
        else this.loadConst({ t: "tuple", items }, false);
        this.emit(extend, 1);
        if (tuple) this.emit(Op.LIST_TO_TUPLE);
      }
      return;
    }
    const big = n + pushed > STACK_USE_GUIDELINE;
    if (!hasStar && !big) {
      for (const x of elts) this.expr(x);
      this.emit(tuple ? Op.BUILD_TUPLE : build, n + pushed);
      return;
    }
    let built = false;
    if (big) {
      this.emit(buildOp, pushed);
      built = true;
    }
    elts.forEach((x, i) => {
      if (x.k === "Starred") {
        if (!built) {
          this.emit(buildOp, i + pushed);
          built = true;
        }
        this.expr(x.value);
        this.emit(extend, 1);
      } else {
        this.expr(x);
        if (built) this.emit(add, 1);
      }
    });
    if (tuple) this.emit(Op.LIST_TO_TUPLE);
  }

  /** Dict displays as 3.11's compiler_dict: runs of at most 16 pairs, `**` merged with DICT_UPDATE. */
  dict(e: Expr & { k: "Dict" }): void {
    const n = e.values.length;
    let elements = 0;
    let haveDict = false;
    for (let i = 0; i < n; i++) {
      if (e.keys[i] === null) {
        if (elements) {
          this.subdict(e, i - elements, i);
          if (haveDict) this.emit(Op.DICT_UPDATE, 1);
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          this.emit(Op.BUILD_MAP, 0);
          haveDict = true;
        }
        this.expr(e.values[i]!);
        this.emit(Op.DICT_UPDATE, 1);
      } else if (elements * 2 > STACK_USE_GUIDELINE) {
        this.subdict(e, i - elements, i + 1);
        if (haveDict) this.emit(Op.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
    if (elements) {
      this.subdict(e, n - elements, n);
      if (haveDict) this.emit(Op.DICT_UPDATE, 1);
      haveDict = true;
    }
    if (!haveDict) this.emit(Op.BUILD_MAP, 0);
  }

  subdict(e: Expr & { k: "Dict" }, from: number, to: number): void {
    const n = to - from;
    const big = n * 2 > STACK_USE_GUIDELINE;
    const keys = e.keys.slice(from, to) as Expr[];
    if (n > 1 && !big && keys.every((k) => k.k === "Constant")) {
      for (let i = from; i < to; i++) this.expr(e.values[i]!);
      this.loadConst({ t: "tuple", items: keys.map((k) => (k as { value: ConstValue }).value) }, false);
      this.emit(Op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.emit(Op.BUILD_MAP, 0);
    for (let i = from; i < to; i++) {
      this.expr(e.keys[i]!);
      this.expr(e.values[i]!);
      if (big) this.emit(Op.MAP_ADD, 1);
    }
    if (!big) this.emit(Op.BUILD_MAP, n);
  }

  compare(e: Expr & { k: "Compare" }): void {
    this.checkCompare(e);
    this.expr(e.left);
    const n = e.ops.length;
    if (n === 1) {
      this.expr(e.comparators[0]!);
      this.loc = e.pos;
      this.cmpOp(e.ops[0]!);
      return;
    }
    const cleanup = this.newLabel();
    for (let i = 0; i < n - 1; i++) {
      this.expr(e.comparators[i]!);
      this.loc = e.pos;
      this.emit(Op.SWAP, 2);
      this.emit(Op.COPY, 2);
      this.cmpOp(e.ops[i]!);
      this.jump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    this.expr(e.comparators[n - 1]!);
    this.loc = e.pos;
    this.cmpOp(e.ops[n - 1]!);
    const end = this.newLabel();
    this.jump(Op.JUMP_FORWARD, end);
    this.bind(cleanup);
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_TOP);
    this.bind(end);
  }

  cmpOp(op: string): void {
    switch (op) {
      case "is": this.emit(Op.IS_OP, 0); return;
      case "is not": this.emit(Op.IS_OP, 1); return;
      case "in": this.emit(Op.CONTAINS_OP, 0); return;
      case "not in": this.emit(Op.CONTAINS_OP, 1); return;
      default: this.emit(Op.COMPARE_OP, CMP_OPS[op]!);
    }
  }

  warn(message: string, p: Pos): void {
    this.unit.warnings.push({
      category: "SyntaxWarning",
      message,
      filename: this.unit.opts.filename,
      lineno: p.line,
      text: this.unit.lines.lineText(p.line).trim(),
      pos: p,
    });
  }

  /** 3.11's check_caller: calling a display or a literal draws "perhaps you missed a comma?". */
  checkCaller(f: Expr, p: Pos): void {
    const t = inferType(f);
    const kinds = ["Constant", "Tuple", "List", "ListComp", "Dict", "DictComp", "Set", "SetComp", "GeneratorExp", "JoinedStr", "FormattedValue"];
    if (t && kinds.includes(f.k)) {
      this.warn(`'${t}' object is not callable; perhaps you missed a comma?`, p);
    }
  }

  /** 3.11's check_subscripter and check_index, for loads. */
  checkSubscript(e: Expr & { k: "Subscript" }): void {
    const v = e.value;
    const t = inferType(v);
    const notSubscriptable =
      (v.k === "Constant" && ["none", "ellipsis", "int", "float", "complex", "frozenset"].includes(v.value.t)) ||
      v.k === "Set" || v.k === "SetComp" || v.k === "GeneratorExp" || v.k === "Lambda";
    if (notSubscriptable && t) {
      this.warn(`'${t}' object is not subscriptable; perhaps you missed a comma?`, e.pos);
      return;
    }
    const it = inferType(e.slice);
    if (!it || it === "int" || it === "bool") return;
    const indexable =
      (v.k === "Constant" && ["str", "bytes", "tuple"].includes(v.value.t)) ||
      v.k === "Tuple" || v.k === "List" || v.k === "ListComp" || v.k === "JoinedStr" || v.k === "FormattedValue";
    if (indexable && t) this.warn(`${t} indices must be integers or slices, not ${it}; perhaps you missed a comma?`, e.pos);
  }

  /** The "is" with a literal SyntaxWarning (3.11's check_compare), after folding. */
  checkCompare(e: Expr & { k: "Compare" }): void {
    const literal = (x: Expr) =>
      x.k === "Constant" && !(x.value.t === "none" || x.value.t === "bool" || x.value.t === "ellipsis");
    let left = e.left;
    for (let i = 0; i < e.ops.length; i++) {
      const op = e.ops[i]!;
      const right = e.comparators[i]!;
      if ((op === "is" || op === "is not") && (literal(left) || literal(right))) {
        const msg = op === "is" ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?';
        this.warn(msg, e.pos);
      }
      left = right;
    }
  }

  /** Jumps to `target` when the truth of `e` equals `cond` (3.11's compiler_jump_if, simplified). */
  /** The comparison whose jump ends `jumpIf(e)`, following not / and / or / if-else to their last branch. */
  assertRaisePos(e: Expr): Pos | null {
    if (e.k === "UnaryOp" && e.op === "not") return this.assertRaisePos(e.operand);
    if (e.k === "BoolOp") return this.assertRaisePos(e.values[e.values.length - 1]!);
    if (e.k === "IfExp") return this.assertRaisePos(e.orelse);
    if (e.k === "Compare") return e.pos;
    return null;
  }

  jumpIf(e: Expr, cond: boolean, target: Label): void {
    if (e.k === "UnaryOp" && e.op === "not") {
      this.jumpIf(e.operand, !cond, target);
      return;
    }
    if (e.k === "BoolOp") {
      const isOr = e.op === "or";
      const next2 = cond !== isOr ? this.newLabel() : target;
      for (let i = 0; i < e.values.length - 1; i++) this.jumpIf(e.values[i]!, isOr, next2);
      this.jumpIf(e.values[e.values.length - 1]!, cond, target);
      if (next2 !== target) this.bind(next2);
      return;
    }
    if (e.k === "IfExp") {
      const end = this.newLabel();
      const next2 = this.newLabel();
      this.jumpIf(e.test, false, next2);
      this.jumpIf(e.body, cond, target);
      this.jump(Op.JUMP_FORWARD, end);
      this.bind(next2);
      this.jumpIf(e.orelse, cond, target);
      this.bind(end);
      return;
    }
    if (e.k === "Compare" && e.ops.length > 1) {
      // NOTE: as 3.11, the comparisons and jumps keep the enclosing statement's position
      this.checkCompare(e);
      const saved = this.loc;
      const cleanup = this.newLabel();
      this.expr(e.left);
      const n = e.ops.length;
      for (let i = 0; i < n - 1; i++) {
        this.expr(e.comparators[i]!);
        this.emit(Op.SWAP, 2);
        this.emit(Op.COPY, 2);
        this.cmpOp(e.ops[i]!);
        this.jump(Op.POP_JUMP_FORWARD_IF_FALSE, cleanup);
      }
      this.expr(e.comparators[n - 1]!);
      this.cmpOp(e.ops[n - 1]!);
      this.jump(cond ? Op.POP_JUMP_FORWARD_IF_TRUE : Op.POP_JUMP_FORWARD_IF_FALSE, target);
      const end = this.newLabel();
      this.jump(Op.JUMP_FORWARD, end);
      this.bind(cleanup);
      this.emit(Op.POP_TOP);
      if (!cond) this.jump(Op.JUMP_FORWARD, target);
      this.bind(end);
      this.loc = saved;
      return;
    }
    this.expr(e);
    // as 3.11: the jump after a single comparison carries the comparison's position
    const saved = this.loc;
    if (e.k === "Compare") this.loc = e.pos;
    this.jump(cond ? Op.POP_JUMP_FORWARD_IF_TRUE : Op.POP_JUMP_FORWARD_IF_FALSE, target);
    this.loc = saved;
  }

  call(e: Expr & { k: "Call" }): void {
    const f = e.func;
    // method call: obj.name(args) with no * / ** and few enough arguments
    if (
      f.k === "Attribute" &&
      f.ctx === "load" &&
      !this.isImportOriginated(f.value) &&
      !e.args.some((a) => a.k === "Starred") &&
      !e.keywords.some((k) => k.arg === null) &&
      e.args.length + e.keywords.length + (e.keywords.length ? 1 : 0) < STACK_USE_GUIDELINE
    ) {
      this.expr(f.value);
      this.loc = matchAttr(f.pos, f);
      this.emit(Op.LOAD_METHOD, this.nameIndex(this.scope.mangle(f.attr)));
      for (const a of e.args) this.expr(a);
      this.keywordsPlain(e);
      this.loc = matchAttr(e.pos, f);
      this.emit(Op.PRECALL, e.args.length + e.keywords.length);
      this.emit(Op.CALL, e.args.length + e.keywords.length);
      return;
    }
    this.checkCaller(f, e.pos);
    if (f.k === "Name" && this.loadGlobalWithNull(f.id, f.pos)) {
      // LOAD_GLOBAL pushed NULL + the callable
    } else {
      const saved = this.loc;
      this.loc = f.pos;
      this.emit(Op.PUSH_NULL);
      this.loc = saved;
      this.expr(f);
    }
    this.callHelper(0, e.args, e.keywords, e.pos);
  }

  /** 3.11 calls methods of names imported at module level with LOAD_ATTR, not LOAD_METHOD (`gc.collect()`). */
  isImportOriginated(e: Expr): boolean {
    if (e.k !== "Name") return false;
    return ((this.unit.symtable.top.symbols.get(e.id) ?? 0) & Use.IMPORTED) !== 0;
  }

  /** LOAD_GLOBAL with its NULL bit when the name is a global in a function. */
  loadGlobalWithNull(name: string, pos: Pos): boolean {
    const r = this.scope.resolve(name);
    const isGlobalOp = r === Resolution.GLOBAL_EXPLICIT || (r === Resolution.GLOBAL_IMPLICIT && this.scope.isFunctionLike());
    if (!isGlobalOp) return false;
    name = this.scope.mangle(name);
    const saved = this.loc;
    this.loc = pos;
    this.emit(Op.LOAD_GLOBAL, (this.nameIndex(name) << 1) | 1);
    this.loc = saved;
    return true;
  }

  keywordsPlain(e: { keywords: import("../parse/ast.js").Keyword[] }): void {
    if (!e.keywords.length) return;
    for (const k of e.keywords) this.expr(k.value);
    this.loadConst({ t: "tuple", items: e.keywords.map((k) => ({ t: "str", v: k.arg! })) }, false);
    this.instrs[this.instrs.length - 1]!.op = Op.KW_NAMES;
    this.depth -= 1;
  }

  /** Emits the arguments of a call whose callable (and NULL) are already on the stack; `extra` args too. */
  callHelper(extra: number, args: Expr[], keywords: import("../parse/ast.js").Keyword[], pos: Pos): void {
    const simple =
      !args.some((a) => a.k === "Starred") &&
      !keywords.some((k) => k.arg === null) &&
      args.length + 2 * keywords.length <= STACK_USE_GUIDELINE;
    if (simple) {
      for (const a of args) this.expr(a);
      if (keywords.length) {
        for (const k of keywords) this.expr(k.value);
        this.emit(Op.KW_NAMES, this.constIndex(this.unit.consts.get({ t: "tuple", items: keywords.map((k) => ({ t: "str", v: k.arg! })) }, false)));
      }
      this.loc = pos;
      const n = extra + args.length + keywords.length;
      this.emit(Op.PRECALL, n);
      this.emit(Op.CALL, n);
      return;
    }
    // CALL_FUNCTION_EX: positional args as one tuple, keywords as one dict (3.11's compiler_call_helper)
    if (extra === 0 && args.length === 1 && args[0]!.k === "Starred") {
      this.expr(args[0]!.value);
    } else {
      this.starunpack(args, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true, extra);
    }
    let flags = 0;
    if (keywords.length) {
      flags = 1;
      let haveDict = false;
      let nseen = 0;
      keywords.forEach((k, i) => {
        if (k.arg === null) {
          if (nseen) {
            this.subkwargs(keywords.slice(i - nseen, i));
            if (haveDict) this.emit(Op.DICT_MERGE, 1);
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            this.emit(Op.BUILD_MAP, 0);
            haveDict = true;
          }
          this.expr(k.value);
          this.emit(Op.DICT_MERGE, 1);
        } else nseen++;
      });
      if (nseen) {
        this.subkwargs(keywords.slice(keywords.length - nseen));
        if (haveDict) this.emit(Op.DICT_MERGE, 1);
      }
    }
    this.loc = pos;
    this.emit(Op.CALL_FUNCTION_EX, flags);
  }

  /** A run of named keyword arguments as one dict (3.11's compiler_subkwargs). */
  subkwargs(kws: import("../parse/ast.js").Keyword[]): void {
    const n = kws.length;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
      for (const k of kws) this.expr(k.value);
      this.loadConst({ t: "tuple", items: kws.map((k) => ({ t: "str", v: k.arg! })) }, false);
      this.emit(Op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.emit(Op.BUILD_MAP, 0);
    for (const k of kws) {
      this.loadConst({ t: "str", v: k.arg! }, false);
      this.expr(k.value);
      if (big) this.emit(Op.MAP_ADD, 1);
    }
    if (!big) this.emit(Op.BUILD_MAP, n);
  }

  lambda(e: Expr & { k: "Lambda" }): void {
    const child = this.unit.symtable.byNode.get(e)!;
    let flags = this.defaults(e.args);
    const qual = this.childQualname("<lambda>", child);
    const g = new CodeGen(this.unit, child, "<lambda>", qual, e.pos.line, this);
    g.loc = e.pos;
    g.prologue();
    g.constIndex(this.unit.consts.get({ t: "none" }, false));
    g.loc = e.body.pos;
    g.expr(e.body);
    if (!child.isGenerator) g.emit(Op.RETURN_VALUE);
    else {
      g.emit(Op.POP_TOP);
      g.loadConst({ t: "none" }, false);
      g.emit(Op.RETURN_VALUE);
    }
    const code = g.assemble(e.args.posonlyargs.length + e.args.args.length, e.args.posonlyargs.length, e.args.kwonlyargs.length, true);
    this.loc = e.pos;
    flags |= 0;
    this.makeFunction(code, child, flags);
  }

  comprehension(e: Expr & { k: "ListComp" | "SetComp" | "GeneratorExp" | "DictComp" }): void {
    const child = this.unit.symtable.byNode.get(e)!;
    const name = e.k === "ListComp" ? "<listcomp>" : e.k === "SetComp" ? "<setcomp>" : e.k === "DictComp" ? "<dictcomp>" : "<genexpr>";
    const qual = this.childQualname(name, child);
    const g = new CodeGen(this.unit, child, name, qual, e.pos.line, this);
    g.loc = e.pos;
    g.prologue();
    if (e.k !== "GeneratorExp") g.emit(e.k === "ListComp" ? Op.BUILD_LIST : e.k === "SetComp" ? Op.BUILD_SET : Op.BUILD_MAP, 0);
    g.compGenerator(e, 0);
    if (e.k !== "GeneratorExp") g.emit(Op.RETURN_VALUE);
    else {
      g.loc = e.pos;
      g.loadConst({ t: "none" }, false);
      g.emit(Op.RETURN_VALUE);
    }
    const code = g.assemble(1, 0, 0, true);
    this.loc = e.pos;
    this.makeFunction(code, child, 0);
    this.expr(e.generators[0]!.iter);
    this.loc = e.pos;
    this.emit(Op.GET_ITER);
    this.emit(Op.PRECALL, 0);
    this.emit(Op.CALL, 0);
  }

  compGenerator(e: Expr & { k: "ListComp" | "SetComp" | "GeneratorExp" | "DictComp" }, i: number): void {
    const gen = e.generators[i]!;
    const start = this.newLabel();
    const anchor = this.newLabel();
    const ifCleanup = this.newLabel();
    if (i === 0) {
      this.emit(Op.LOAD_FAST, this.varIndex(".0"));
    } else {
      this.expr(gen.iter);
      this.loc = e.pos;
      this.emit(Op.GET_ITER);
    }
    this.bind(start);
    this.jump(Op.FOR_ITER, anchor);
    this.store(gen.target);
    for (const c of gen.ifs) this.jumpIf(c, false, ifCleanup);
    if (i + 1 < e.generators.length) {
      this.compGenerator(e, i + 1);
    } else {
      const depth = e.generators.length + 1;
      this.loc = e.pos;
      switch (e.k) {
        case "GeneratorExp":
          this.expr(e.elt);
          this.emit(Op.YIELD_VALUE);
          this.emit(Op.RESUME, 1);
          this.emit(Op.POP_TOP);
          break;
        case "ListComp":
          this.expr(e.elt);
          this.emit(Op.LIST_APPEND, depth);
          break;
        case "SetComp":
          this.expr(e.elt);
          this.emit(Op.SET_ADD, depth);
          break;
        case "DictComp":
          this.expr(e.key);
          this.expr(e.value);
          this.emit(Op.MAP_ADD, depth);
          break;
      }
    }
    this.bind(ifCleanup);
    this.loc = e.pos;
    this.jump(Op.JUMP_BACKWARD, start);
    this.bind(anchor);
  }

  // ---- assembly ----

  /** 3.11's jump threading: a jump whose target is an unconditional jump goes to that jump's target. */
  threadJumps(): void {
    const isJumpOp = (op: Op) =>
      op === Op.JUMP_FORWARD || op === Op.JUMP_BACKWARD || op === Op.POP_JUMP_FORWARD_IF_FALSE ||
      op === Op.POP_JUMP_FORWARD_IF_TRUE || op === Op.POP_JUMP_FORWARD_IF_NONE || op === Op.POP_JUMP_FORWARD_IF_NOT_NONE ||
      op === Op.JUMP_IF_FALSE_OR_POP || op === Op.JUMP_IF_TRUE_OR_POP;
    for (const ins of this.instrs) {
      if (!ins.target || !isJumpOp(ins.op)) continue;
      // `a and b or c`: when `a and b` short-circuits on a false `a`, `or` will not keep it either
      if (ins.op === Op.JUMP_IF_FALSE_OR_POP || ins.op === Op.JUMP_IF_TRUE_OR_POP) {
        const onFalse = ins.op === Op.JUMP_IF_FALSE_OR_POP;
        for (let guard = 0; guard < 100; guard++) {
          const t: Instr | undefined = this.instrs[ins.target!.index];
          if (!t || !t.target || t === ins) break;
          const same = onFalse ? t.op === Op.JUMP_IF_FALSE_OR_POP : t.op === Op.JUMP_IF_TRUE_OR_POP;
          const samePop = onFalse ? t.op === Op.POP_JUMP_FORWARD_IF_FALSE : t.op === Op.POP_JUMP_FORWARD_IF_TRUE;
          const opposite = onFalse
            ? t.op === Op.JUMP_IF_TRUE_OR_POP || t.op === Op.POP_JUMP_FORWARD_IF_TRUE
            : t.op === Op.JUMP_IF_FALSE_OR_POP || t.op === Op.POP_JUMP_FORWARD_IF_FALSE;
          if ((ins.pos?.line ?? -1) !== (t.pos?.line ?? -1) && !same) break;
          if (same) ins.target = t.target;
          else if (samePop) {
            ins.op = t.op;
            ins.target = t.target;
          } else if (opposite) {
            ins.op = onFalse ? Op.POP_JUMP_FORWARD_IF_FALSE : Op.POP_JUMP_FORWARD_IF_TRUE;
            ins.target = { index: ins.target!.index + 1, depth: -1, handlers: null, known: true };
          } else break;
          if (ins.op !== Op.JUMP_IF_FALSE_OR_POP && ins.op !== Op.JUMP_IF_TRUE_OR_POP) break;
        }
        continue;
      }
      for (let guard = 0; guard < 100; guard++) {
        const t: Instr | undefined = this.instrs[ins.target!.index];
        if (!t || (t.op !== Op.JUMP_FORWARD && t.op !== Op.JUMP_BACKWARD) || !t.target || t.target === ins.target) break;
        // as 3.11's jump_thread: only when both are on the same line or the target jump has none
        if ((ins.pos?.line ?? -1) !== (t.pos?.line ?? -1)) break;
        ins.target = t.target;
      }
    }
  }

  /**
   * 3.11's duplicate_exits_without_lineno: an exit block without line numbers (the implicit
   * `return None`) that several places jump to gets one copy per jump, carrying the jump's line, so
   * that returning through it does not show the line of whatever code precedes it.
   */
  duplicateExits(): void {
    const n = this.instrs.length;
    const exitOp = (op: Op) => op === Op.RETURN_VALUE || op === Op.RERAISE || op === Op.RAISE_VARARGS;
    const uncond = (op: Op) => exitOp(op) || op === Op.JUMP_FORWARD || op === Op.JUMP_BACKWARD || op === Op.JUMP_BACKWARD_NO_INTERRUPT;
    const starts = new Set<number>([0]);
    const labels = new Set<Label>();
    for (let i = 0; i < n; i++) {
      const ins = this.instrs[i]!;
      if (ins.target) {
        starts.add(ins.target.index);
        labels.add(ins.target);
        starts.add(i + 1);
      }
      if (ins.handler) {
        starts.add(ins.handler.label.index);
        labels.add(ins.handler.label);
      }
      if (exitOp(ins.op)) starts.add(i + 1);
    }
    const blockEnd = (start: number) => {
      let j = start + 1;
      while (j < n && !starts.has(j)) j++;
      return j;
    };
    const preds = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const ins = this.instrs[i]!;
      if (ins.target) preds.set(ins.target.index, (preds.get(ins.target.index) ?? 0) + 1);
      if (starts.has(i + 1) && i + 1 < n && !uncond(ins.op)) preds.set(i + 1, (preds.get(i + 1) ?? 0) + 1);
    }
    const copiesAfter = new Map<number, Instr[][]>();
    for (let i = 0; i < n; i++) {
      const ins = this.instrs[i]!;
      if (!ins.target) continue;
      const t = ins.target.index;
      if ((preds.get(t) ?? 0) <= 1) continue;
      const end = blockEnd(t);
      const block = this.instrs.slice(t, end);
      if (!block.length || !exitOp(block[block.length - 1]!.op) || block.some((x) => x.pos)) continue;
      const label: Label = { index: -1, depth: ins.target.depth, handlers: ins.target.handlers, known: true };
      const copy = block.map((x, k) => ({ ...x, pos: k === 0 ? ins.pos : x.pos }));
      ins.target = label;
      labels.add(label);
      preds.set(t, preds.get(t)! - 1);
      const list = copiesAfter.get(end) ?? [];
      list.unshift(copy);
      copiesAfter.set(end, list);
      (copy as Instr[] & { label?: Label }).label = label;
    }
    if (!copiesAfter.size) return;
    const out: Instr[] = [];
    const map = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) {
      for (const copy of copiesAfter.get(i) ?? []) {
        (copy as Instr[] & { label?: Label }).label!.index = out.length;
        out.push(...copy);
      }
      map[i] = out.length;
      if (i < n) out.push(this.instrs[i]!);
    }
    for (const l of labels) if (l.index >= 0 && !copiesAfterHas(copiesAfter, l)) l.index = map[l.index]!;
    this.instrs.length = 0;
    this.instrs.push(...out);
  }

  /**
   * 3.11's extend_block: an unconditional jump to a small block (at most 4 instructions) that leaves the
   * frame (RETURN_VALUE, RERAISE, RAISE_VARARGS) is replaced by a copy of that block.
   */
  extendBlocks(): void {
    const n = this.instrs.length;
    const starts = new Set<number>();
    const labels = new Set<Label>();
    for (const ins of this.instrs) {
      if (ins.target) {
        starts.add(ins.target.index);
        labels.add(ins.target);
      }
      if (ins.handler) {
        starts.add(ins.handler.label.index);
        labels.add(ins.handler.label);
      }
    }
    const out: Instr[] = [];
    const map = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      map[i] = out.length;
      const ins = this.instrs[i]!;
      if ((ins.op === Op.JUMP_FORWARD || ins.op === Op.JUMP_BACKWARD) && ins.target) {
        const block: Instr[] = [];
        let exits = false;
        for (let j = ins.target.index; j < n && block.length <= 4; j++) {
          if (j > ins.target.index && starts.has(j)) break;
          const x = this.instrs[j]!;
          if (x.op === Op.NOP && !x.pos) continue;
          block.push(x);
          if (x.op === Op.RETURN_VALUE || x.op === Op.RERAISE || x.op === Op.RAISE_VARARGS) {
            exits = true;
            break;
          }
          if (x.target) break;
        }
        // NOTE: 3.11 copies only blocks without line numbers (a copy would add line events)
        if (exits && block.length <= 4 && block.every((x) => !x.pos)) {
          for (const x of block) out.push({ ...x, handler: ins.handler });
          continue;
        }
      }
      out.push(ins);
    }
    map[n] = out.length;
    for (const l of labels) l.index = map[l.index]!;
    this.instrs.length = 0;
    this.instrs.push(...out);
  }

  assemble(argcount: number, posonly: number, kwonly: number, isFunction = false): CodeObject {
    const s = this.scope;
    // localsplus: varnames, then cells that are not parameters, then free variables
    const sortedCells = s.cellvars();
    const cellvars = [...s.params.filter((p) => sortedCells.includes(p)), ...sortedCells.filter((c) => !s.params.includes(c))];
    const freevars = s.freevars();
    const localsplus: string[] = [...this.varnames];
    const kinds: number[] = this.varnames.map(() => LocalKind.LOCAL);
    const slot = new Map<string, number>();
    this.varnames.forEach((n, i) => slot.set(n, i));
    for (const c of cellvars) {
      const at = slot.get(c);
      if (at !== undefined && s.params.includes(c)) {
        kinds[at]! |= LocalKind.CELL;
        continue;
      }
      slot.set(c, localsplus.length);
      localsplus.push(c);
      kinds.push(LocalKind.CELL);
    }
    for (const f of freevars) {
      slot.set(`free:${f}`, localsplus.length);
      localsplus.push(f);
      kinds.push(LocalKind.FREE);
    }
    const derefSlot = (name: string, op: Op): number => {
      if (op === Op.LOAD_CLOSURE || op === Op.MAKE_CELL) {
        const c = slot.get(name);
        if (c !== undefined && cellvars.includes(name)) return c;
        return slot.get(`free:${name}`)!;
      }
      if (cellvars.includes(name)) return slot.get(name)!;
      return slot.get(`free:${name}`)!;
    };
    // tuples folded from constants are appended now, in instruction order (as 3.11's CFG optimizer does)
    for (const ins of this.instrs) {
      if (ins.lateTuple) {
        ins.arg = this.constIndex(this.unit.consts.tupleOf(ins.lateTuple));
        delete ins.lateTuple;
      }
    }
    // LOAD_CONST c; POP_JUMP_IF_x: the jump is always or never taken (3.11's optimize_basic_block)
    const targeted = new Set<number>();
    for (const ins of this.instrs) if (ins.target) targeted.add(ins.target.index);
    for (let i = 0; i + 1 < this.instrs.length; i++) {
      const a = this.instrs[i]!;
      const b = this.instrs[i + 1]!;
      if (a.op !== Op.LOAD_CONST || targeted.has(i + 1)) continue;
      // `x is None` / `x is not None` as a condition: POP_JUMP_IF_NONE / POP_JUMP_IF_NOT_NONE
      const c = this.instrs[i + 2];
      if (
        b.op === Op.IS_OP && c && !targeted.has(i + 2) && this.consts[a.arg]?.kind === "none" &&
        (c.op === Op.POP_JUMP_FORWARD_IF_FALSE || c.op === Op.POP_JUMP_FORWARD_IF_TRUE)
      ) {
        const notNone = (b.arg !== 0) !== (c.op === Op.POP_JUMP_FORWARD_IF_FALSE);
        a.op = Op.NOP;
        b.op = Op.NOP;
        c.op = notNone ? Op.POP_JUMP_FORWARD_IF_NOT_NONE : Op.POP_JUMP_FORWARD_IF_NONE;
        continue;
      }
      if (b.op === Op.JUMP_IF_FALSE_OR_POP || b.op === Op.JUMP_IF_TRUE_OR_POP) {
        // `0 or x`, `1 and x`: the constant either always short-circuits (an unconditional jump keeping
        // it) or is always dropped
        const truth = constTruthOf(this.consts[a.arg]!);
        if (truth === null) continue;
        if (truth === (b.op === Op.JUMP_IF_TRUE_OR_POP)) b.op = Op.JUMP_FORWARD;
        else {
          a.op = Op.NOP;
          b.op = Op.NOP;
          b.target = null;
        }
        continue;
      }
      if (b.op !== Op.POP_JUMP_FORWARD_IF_FALSE && b.op !== Op.POP_JUMP_FORWARD_IF_TRUE) continue;
      const truth = constTruthOf(this.consts[a.arg]!);
      if (truth === null) continue;
      a.op = Op.NOP;
      const taken = (b.op === Op.POP_JUMP_FORWARD_IF_TRUE) === truth;
      if (taken) b.op = Op.JUMP_FORWARD;
      else {
        b.op = Op.NOP;
        b.target = null;
      }
    }
    applyStaticSwaps(this.instrs, isTargetIndex(this.instrs, this.instrs));
    this.threadJumps();
    this.extendBlocks();
    this.duplicateExits();
    // reachability (fall-through, jump targets, handlers)
    const n = this.instrs.length;
    const reach = new Uint8Array(n);
    const work: number[] = n ? [0] : [];
    while (work.length) {
      const i = work.pop()!;
      if (i >= n || reach[i]) continue;
      reach[i] = 1;
      const ins = this.instrs[i]!;
      if (ins.handler) work.push(ins.handler.label.index);
      if (ins.target) work.push(ins.target.index);
      const op = ins.op;
      const terminal =
        op === Op.RETURN_VALUE || op === Op.RERAISE || op === Op.RAISE_VARARGS || op === Op.JUMP_FORWARD ||
        op === Op.JUMP_BACKWARD || op === Op.JUMP_BACKWARD_NO_INTERRUPT;
      if (!terminal) work.push(i + 1);
    }
    // drop unreachable instructions and redundant NOPs
    const targetedNow = new Set<number>();
    for (const ins of this.instrs) if (ins.target) targetedNow.add(ins.target.index);
    const keep = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (!reach[i]) continue;
      const ins = this.instrs[i]!;
      if (ins.op === Op.NOP) {
        const line = ins.pos?.line ?? -1;
        let j = i + 1;
        while (j < n && !reach[j]) j++;
        const nextLine = j < n ? this.instrs[j]!.pos?.line ?? -2 : -2;
        let p = i - 1;
        while (p >= 0 && !keep[p]) p--;
        const prevLine = p >= 0 ? this.instrs[p]!.pos?.line ?? -3 : -3;
        const isTarget = targetedNow.has(i);
        if (line < 0 || (nextLine === line && !isTarget) || prevLine === line) continue;
      }
      keep[i] = 1;
    }
    const newIndex = new Int32Array(n + 1);
    const renumber = () => {
      let k = 0;
      for (let i = 0; i < n; i++) {
        newIndex[i] = k;
        if (keep[i]) k++;
      }
      newIndex[n] = k;
    };
    renumber();
    // an unconditional jump to the instruction right after it is dropped (3.11 does the same)
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < n; i++) {
        const ins = this.instrs[i]!;
        if (!keep[i] || (ins.op !== Op.JUMP_FORWARD && ins.op !== Op.JUMP_BACKWARD) || !ins.target) continue;
        if (newIndex[ins.target.index] === newIndex[i]! + 1) {
          keep[i] = 0;
          changed = true;
          renumber();
        }
      }
    }
    const remap = (i: number) => {
      // a removed instruction maps to the next kept one
      return newIndex[i]!;
    };
    const kept = this.instrs.filter((_, i) => keep[i]);
    // 3.11's trim_unused_consts: only constants past the highest one used are dropped (index 0 stays)
    let maxUsed = 0;
    for (const ins of kept) if ((ins.op === Op.LOAD_CONST || ins.op === Op.KW_NAMES) && ins.arg > maxUsed) maxUsed = ins.arg;
    const consts: Const[] = this.consts.slice(0, maxUsed + 1);
    void isFunction;
    propagatePositions(kept, (l) => remap(l.index));
    const code = new Int32Array(kept.length * 2);
    const positions = new Int32Array(kept.length * 4);
    kept.forEach((ins, i) => {
      let op = ins.op;
      let arg = ins.arg;
      if (ins.target) {
        arg = remap(ins.target.index);
        if (arg <= i) op = backward(op);
      } else if (ins.deref !== null) {
        arg = derefSlot(ins.deref, op);
      }
      code[2 * i] = op;
      code[2 * i + 1] = arg;
      const p = ins.pos;
      positions[4 * i] = p ? p.line : -1;
      positions[4 * i + 1] = p ? p.endLine : -1;
      positions[4 * i + 2] = p ? p.col : -1;
      positions[4 * i + 3] = p ? p.endCol : -1;
    });
    // exception table: runs of instructions with the same handler
    const table: ExceptionTableEntry[] = [];
    let cur: { start: number; h: Handler } | null = null;
    const close = (end: number) => {
      if (cur) table.push({ start: cur.start, end, target: remap(cur.h.label.index), depth: cur.h.depth, lasti: cur.h.lasti });
      cur = null;
    };
    kept.forEach((ins, i) => {
      const h = ins.handler;
      if (cur && cur.h !== h) {
        const same = h && cur.h.label === h.label && cur.h.depth === h.depth && cur.h.lasti === h.lasti;
        if (!same) close(i);
      }
      if (h && !cur) cur = { start: i, h };
    });
    close(kept.length);
    let flags = 0;
    if (s.isFunctionLike()) flags |= CodeFlag.OPTIMIZED | CodeFlag.NEWLOCALS;
    if (s.hasVarargs) flags |= CodeFlag.VARARGS;
    if (s.hasVarkw) flags |= CodeFlag.VARKEYWORDS;
    if (s.parent && s.parent.kind !== "module" && s.isFunctionLike()) {
      let p: Scope | null = s.parent;
      let nested = false;
      while (p) {
        if (p.isFunctionLike()) nested = true;
        p = p.parent;
      }
      if (nested) flags |= CodeFlag.NESTED;
    }
    if (s.isGenerator) flags |= CodeFlag.GENERATOR;
    return {
      co_name: this.name,
      co_qualname: this.qualname,
      co_filename: this.unit.opts.filename,
      co_firstlineno: this.firstLine,
      co_argcount: argcount,
      co_posonlyargcount: posonly,
      co_kwonlyargcount: kwonly,
      co_flags: flags,
      co_varnames: this.varnames,
      co_cellvars: cellvars,
      co_freevars: freevars,
      co_names: this.names,
      co_consts: consts,
      co_localsplusnames: localsplus,
      co_localspluskinds: Uint8Array.from(kinds),
      co_nlocals: this.varnames.length,
      co_stacksize: stackSize(code, table),
      co_code: code,
      co_ninstructions: kept.length,
      co_positions: positions,
      co_exceptiontable: table,
    };
  }
}

/** The type an expression certainly has (3.11's infer_type), as its __name__, or null. */
function inferType(e: Expr): string | null {
  switch (e.k) {
    case "Tuple": return "tuple";
    case "List": case "ListComp": return "list";
    case "Dict": case "DictComp": return "dict";
    case "Set": case "SetComp": return "set";
    case "GeneratorExp": return "generator";
    case "Lambda": return "function";
    case "JoinedStr": case "FormattedValue": return "str";
    case "Constant":
      switch (e.value.t) {
        case "none": return "NoneType";
        case "ellipsis": return "ellipsis";
        default: return e.value.t;
      }
    default: return null;
  }
}

/**
 * Positions of instructions the compiler added without one, as 3.11's propagate_line_numbers and
 * guarantee_lineno_for_exits: within a basic block an instruction takes the position of the one before
 * it; a block's first instruction takes the position its only predecessor ends with (fall-through or a
 * jump); exception handlers start without a position; a `return` block still without one gets the line
 * of the last block before it that ended with a line.
 */
function propagatePositions(code: Instr[], indexOf: (l: Label) => number): void {
  const n = code.length;
  const exitOp = (op: Op) => op === Op.RETURN_VALUE || op === Op.RERAISE || op === Op.RAISE_VARARGS;
  const uncond = (op: Op) => exitOp(op) || op === Op.JUMP_FORWARD || op === Op.JUMP_BACKWARD || op === Op.JUMP_BACKWARD_NO_INTERRUPT;
  const starts = new Set<number>([0]);
  const handlerStarts = new Set<number>();
  const jumpPreds = new Map<number, number[]>();
  code.forEach((ins, i) => {
    if (ins.target) {
      const t = indexOf(ins.target);
      starts.add(t);
      starts.add(i + 1);
      jumpPreds.set(t, [...(jumpPreds.get(t) ?? []), i]);
    }
    if (ins.handler) {
      const t = indexOf(ins.handler.label);
      starts.add(t);
      handlerStarts.add(t);
    }
    if (exitOp(ins.op)) starts.add(i + 1);
  });
  const fallsInto = (i: number) => i > 0 && !uncond(code[i - 1]!.op);
  for (let i = 0; i < n; i++) {
    const ins = code[i]!;
    if (ins.pos) continue;
    if (!starts.has(i)) {
      if (i > 0) ins.pos = code[i - 1]!.pos;
      continue;
    }
    if (handlerStarts.has(i)) continue;
    const jumps = jumpPreds.get(i) ?? [];
    const preds = jumps.length + (fallsInto(i) ? 1 : 0);
    if (preds !== 1) continue;
    if (fallsInto(i)) ins.pos = code[i - 1]!.pos;
    else if (jumps[0]! < i) ins.pos = code[jumps[0]!]!.pos;
  }
  // forward jumps into a single-predecessor block: the jump's own position (set after the pass above)
  for (let i = 0; i < n; i++) {
    const ins = code[i]!;
    if (ins.pos || !starts.has(i) || handlerStarts.has(i)) continue;
    const jumps = jumpPreds.get(i) ?? [];
    if (jumps.length === 1 && !fallsInto(i)) {
      ins.pos = code[jumps[0]!]!.pos;
      for (let j = i + 1; j < n && !starts.has(j) && !code[j]!.pos; j++) code[j]!.pos = ins.pos;
    }
  }
  // return blocks still without a line: the line of the last block that ended with one
  let lastLine = -1;
  for (let i = 0; i < n; ) {
    let end = i + 1;
    while (end < n && !starts.has(end)) end++;
    const last = code[end - 1]!;
    if (!last.pos) {
      if (last.op === Op.RETURN_VALUE && lastLine > 0) {
        for (let j = i; j < end; j++) code[j]!.pos = { line: lastLine, endLine: lastLine, col: -1, endCol: -1 };
      }
    } else lastLine = last.pos.line;
    i = end;
  }
}

function copiesAfterHas(copies: Map<number, Instr[][]>, l: Label): boolean {
  for (const list of copies.values()) for (const c of list) if ((c as Instr[] & { label?: Label }).label === l) return true;
  return false;
}

/**
 * The deepest value stack the final instructions can reach (3.11's stackdepth): a walk over every path
 * from the first instruction and from every exception handler (entered with its depth, lasti and the
 * exception pushed).
 */
function stackSize(code: Int32Array, table: readonly ExceptionTableEntry[]): number {
  const n = code.length / 2;
  const depthAt = new Int32Array(n).fill(-1);
  const work: number[] = [];
  let max = 0;
  const visit = (i: number, d: number) => {
    if (i >= n || d <= depthAt[i]!) return;
    depthAt[i] = d;
    if (d > max) max = d;
    work.push(i);
  };
  visit(0, 0);
  for (const e of table) visit(e.target, e.depth + (e.lasti ? 1 : 0) + 1);
  while (work.length) {
    const i = work.pop()!;
    const op = code[2 * i] as Op;
    const arg = code[2 * i + 1]!;
    const d = depthAt[i]!;
    if (isJump(op)) visit(arg, d + stackEffect(op, arg, true));
    const after = d + stackEffect(op, arg, false);
    if (after > max) max = after;
    const ends =
      op === Op.RETURN_VALUE || op === Op.RERAISE || op === Op.RAISE_VARARGS || op === Op.JUMP_FORWARD ||
      op === Op.JUMP_BACKWARD || op === Op.JUMP_BACKWARD_NO_INTERRUPT;
    if (!ends) visit(i + 1, after);
  }
  return Math.max(max, 1);
}

/**
 * 3.11's update_start_location_to_match_attr: when an attribute access or method call spans lines, its
 * instructions start at the attribute's name (so a traceback points at `.method(` on its own line).
 */
function matchAttr(loc: Pos, attr: Expr & { k: "Attribute" }): Pos {
  if (loc.line === attr.pos.endLine) return loc;
  const len = [...attr.attr].length;
  const line = attr.pos.endLine;
  const col = len <= attr.pos.endCol ? attr.pos.endCol - len : -1;
  const endLine = Math.max(line, loc.endLine);
  const endCol = col < 0 ? -1 : line === endLine ? Math.max(col, loc.endCol) : loc.endCol;
  return { line, col, endLine, endCol };
}

/** Kept instructions that a jump or a handler lands on (basic block starts). */
function isTargetIndex(kept: Instr[], all: Instr[]): Set<Instr> {
  const t = new Set<Instr>();
  for (const ins of kept) {
    if (ins.target) t.add(all[ins.target.index]!);
    if (ins.handler) t.add(all[ins.handler.label.index]!);
  }
  return t;
}

/**
 * 3.11's SWAP optimizations, run over each SWAP in order: `SWAP 1` is a NOP; a run of SWAPs (and NOPs)
 * becomes the fewest SWAPs doing the same permutation (swaptimize); then, from the run's last SWAP
 * leftwards, a SWAP followed by stores to fast locals or POP_TOPs on one line is replaced by exchanging
 * those instructions (apply_static_swaps), so `a, b = b, a` in a function builds and swaps nothing.
 */
function applyStaticSwaps(code: Instr[], targets: Set<Instr>): void {
  for (let i = 0; i < code.length; i++) {
    const swap = code[i]!;
    if (swap.op !== Op.SWAP) continue;
    if (swap.arg === 1) {
      swap.op = Op.NOP;
      continue;
    }
    i = swaptimize(code, i, targets);
    staticSwapsFrom(code, i, targets);
  }
}

/** Rewrites the run of SWAPs/NOPs starting at `start`; returns the index of the run's last instruction. */
function swaptimize(code: Instr[], start: number, targets: Set<Instr>): number {
  let depth = code[start]!.arg;
  let len = 1;
  let more = false;
  for (; start + len < code.length; len++) {
    const ins = code[start + len]!;
    if (targets.has(ins)) break;
    if (ins.op === Op.SWAP) {
      depth = Math.max(depth, ins.arg);
      more = true;
    } else if (ins.op !== Op.NOP) break;
  }
  if (!more) return start;
  // the permutation the run performs, on stack slots counted from the top
  const stack = Array.from({ length: depth }, (_, k) => k);
  for (let k = 0; k < len; k++) {
    const ins = code[start + k]!;
    if (ins.op !== Op.SWAP) continue;
    const top = stack[0]!;
    stack[0] = stack[ins.arg - 1]!;
    stack[ins.arg - 1] = top;
  }
  // each cycle of the permutation, walked through slot 0, written from the end of the run backwards
  const VISITED = -1;
  let current = len - 1;
  for (let k = 0; k < depth; k++) {
    if (stack[k] === VISITED || stack[k] === k) continue;
    let j = k;
    for (;;) {
      if (j) {
        const ins = code[start + current--]!;
        ins.op = Op.SWAP;
        ins.arg = j + 1;
      }
      if (stack[j] === VISITED) break;
      const next = stack[j]!;
      stack[j] = VISITED;
      j = next;
    }
  }
  while (current >= 0) {
    const ins = code[start + current--]!;
    ins.op = Op.NOP;
    ins.arg = 0;
  }
  return start + len - 1;
}

/** apply_static_swaps: from index `i` leftwards within its block. */
function staticSwapsFrom(code: Instr[], i: number, targets: Set<Instr>): void {
  const swappable = (ins: Instr) => ins.op === Op.STORE_FAST || ins.op === Op.POP_TOP;
  const next = (at: number, line: number | null): number => {
    for (let j = at + 1; j < code.length; j++) {
      const ins = code[j]!;
      if (targets.has(ins)) return -1;
      if (line !== null && (ins.pos?.line ?? -1) !== line) return -1;
      if (ins.op === Op.NOP) continue;
      return swappable(ins) ? j : -1;
    }
    return -1;
  };
  for (; i >= 0; i--) {
    const swap = code[i]!;
    if (swap.op !== Op.SWAP) {
      if (swap.op !== Op.NOP && !swappable(swap)) return;
      if (targets.has(swap)) return;
      continue;
    }
    const j = next(i, null);
    if (j < 0) return;
    let k = j;
    const line = code[j]!.pos?.line ?? -1;
    for (let count = swap.arg - 1; count > 0; count--) {
      k = next(k, line);
      if (k < 0) return;
    }
    const a = code[j]!;
    const b = code[k]!;
    // storing twice into one variable must keep its order
    if (a.op === Op.STORE_FAST && b.op === Op.STORE_FAST && a.arg === b.arg) return;
    swap.op = Op.NOP;
    code[j] = b;
    code[k] = a;
    if (targets.has(swap)) return;
  }
}

function backward(op: Op): Op {
  switch (op) {
    case Op.JUMP_FORWARD: return Op.JUMP_BACKWARD;
    case Op.POP_JUMP_FORWARD_IF_FALSE: return Op.POP_JUMP_BACKWARD_IF_FALSE;
    case Op.POP_JUMP_FORWARD_IF_TRUE: return Op.POP_JUMP_BACKWARD_IF_TRUE;
    case Op.POP_JUMP_FORWARD_IF_NONE: return Op.POP_JUMP_BACKWARD_IF_NONE;
    case Op.POP_JUMP_FORWARD_IF_NOT_NONE: return Op.POP_JUMP_BACKWARD_IF_NOT_NONE;
    default: return op;
  }
}

/** The truth value of a constant (for `if 0:` / `while 1:`), or null for a code object. */
function constTruthOf(c: Const): boolean | null {
  switch (c.kind) {
    case "none": return false;
    case "bool": return c.value;
    case "ellipsis": return true;
    case "int": return c.value !== 0n;
    case "float": return c.value !== 0;
    case "complex": return c.real !== 0 || c.imag !== 0;
    case "str": return c.value.length > 0;
    case "bytes": return c.value.length > 0;
    case "tuple": case "frozenset": return c.items.length > 0;
    case "code": return null;
  }
}

export { PySyntaxError };
