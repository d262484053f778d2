/**
 * The symbol table pass: which names are local, global (explicit or implicit), free or cell in every
 * scope, before any code is generated. Scopes are the module, functions, lambdas, class bodies and
 * comprehensions (3.11 gives each comprehension its own function scope with the parameter `.0`).
 *
 * Start reading at `buildSymtable`: pass 1 records how each scope uses each name, pass 2 (`analyze`)
 * resolves them from the innermost scope outwards, as CPython's symtable.c does.
 */
import type { Arguments, Comprehension, Expr, Module, Pattern, Pos, Stmt } from "../parse/ast.js";
import { LineMap, PySyntaxError, syntaxErrorAt } from "../parse/errors.js";

export const enum Use {
  ASSIGNED = 1,
  PARAM = 2,
  USED = 4,
  GLOBAL = 8,
  NONLOCAL = 16,
  /** Bound by an import (counts as assigned). */
  IMPORTED = 32,
}

/** How a name resolves in one scope. */
export const enum Resolution {
  LOCAL = 1,
  GLOBAL_EXPLICIT = 2,
  GLOBAL_IMPLICIT = 3,
  FREE = 4,
  CELL = 5,
}

export type ScopeKind = "module" | "function" | "class" | "lambda" | "comprehension";

/** One scope of the program. */
export class Scope {
  readonly symbols = new Map<string, number>();
  readonly resolved = new Map<string, Resolution>();
  readonly children: Scope[] = [];
  params: string[] = [];
  isGenerator = false;
  /** A class body whose methods use `super()` or `__class__`. */
  needsClassClosure = false;
  /** Free names that a class body must look up in its dict first (LOAD_CLASSDEREF). */
  readonly freeInClass = new Set<string>();
  hasVarargs = false;
  hasVarkw = false;
  /** The class whose private names (`__x`) are mangled in this scope: the innermost enclosing class. */
  readonly privateName: string | null;
  constructor(
    readonly kind: ScopeKind,
    readonly name: string,
    readonly parent: Scope | null,
    readonly node: object,
  ) {
    this.privateName = kind === "class" ? name : parent ? parent.privateName : null;
  }
  /** CPython's private name mangling: `__x` inside class C is `_C__x`. */
  mangle(name: string): string {
    const cls = this.privateName;
    if (!cls || !name.startsWith("__") || name.endsWith("__") || name.includes(".")) return name;
    const stripped = cls.replace(/^_+/, "");
    return stripped ? `_${stripped}${name}` : name;
  }
  isFunctionLike(): boolean {
    return this.kind === "function" || this.kind === "lambda" || this.kind === "comprehension";
  }
  add(name: string, flag: number): void {
    name = this.mangle(name);
    this.symbols.set(name, (this.symbols.get(name) ?? 0) | flag);
  }
  /** Resolution of a name used in this scope (unknown names are implicit globals, or names in a class). */
  resolve(name: string): Resolution {
    name = this.mangle(name);
    return this.resolved.get(name) ?? (this.isFunctionLike() ? Resolution.GLOBAL_IMPLICIT : Resolution.GLOBAL_IMPLICIT);
  }
  /** Sorted cell variable names. */
  cellvars(): string[] {
    return [...this.resolved].filter(([, r]) => r === Resolution.CELL).map(([n]) => n).sort();
  }
  /** Sorted free variable names. */
  freevars(): string[] {
    const names = new Set([...this.resolved].filter(([, r]) => r === Resolution.FREE).map(([n]) => n));
    for (const n of this.freeInClass) names.add(n);
    return [...names].sort();
  }
}

/** The result: the module scope and every scope by its AST node. */
export interface Symtable {
  top: Scope;
  byNode: Map<object, Scope>;
}

/** Builds and resolves the scopes of a module. Throws PySyntaxError for misplaced global/nonlocal etc. */
export function buildSymtable(mod: Module, lines: LineMap, filename: string): Symtable {
  const b = new Builder(lines, filename);
  const top = new Scope("module", "top", null, mod);
  b.byNode.set(mod, top);
  b.cur = top;
  b.top = top;
  for (const s of mod.body) b.stmt(s);
  analyze(top, b);
  return { top, byNode: b.byNode };
}

class Builder {
  readonly byNode = new Map<object, Scope>();
  cur!: Scope;
  top!: Scope;
  constructor(
    readonly lines: LineMap,
    readonly filename: string,
  ) {}

  error(msg: string, p: Pos): PySyntaxError {
    return syntaxErrorAt(this.lines, this.filename, msg, p.line, p.col, p.endLine, p.endCol);
  }

  enter(kind: ScopeKind, name: string, node: object): Scope {
    const s = new Scope(kind, name, this.cur, node);
    this.cur.children.push(s);
    this.byNode.set(node, s);
    this.cur = s;
    return s;
  }

  leave(s: Scope): void {
    this.cur = s.parent!;
  }

  def(name: string, flag: number, p: Pos): void {
    name = this.cur.mangle(name);
    const prev = this.cur.symbols.get(name) ?? 0;
    if ((prev & Use.GLOBAL) && (flag & Use.PARAM)) throw this.error(`name '${name}' is parameter and global`, p);
    if ((prev & Use.NONLOCAL) && (flag & Use.PARAM)) throw this.error(`name '${name}' is parameter and nonlocal`, p);
    this.cur.add(name, flag);
  }

  args(a: Arguments): void {
    const s = this.cur;
    for (const arg of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) {
      this.def(arg.name, Use.PARAM, arg.pos);
      s.params.push(s.mangle(arg.name));
    }
    if (a.vararg) {
      this.def(a.vararg.name, Use.PARAM, a.vararg.pos);
      s.params.push(s.mangle(a.vararg.name));
      s.hasVarargs = true;
    }
    if (a.kwarg) {
      this.def(a.kwarg.name, Use.PARAM, a.kwarg.pos);
      s.params.push(s.mangle(a.kwarg.name));
      s.hasVarkw = true;
    }
  }

  /** Defaults and annotations are evaluated in the enclosing scope. */
  argDefaults(a: Arguments): void {
    for (const d of a.defaults) this.expr(d);
    for (const d of a.kwDefaults) if (d) this.expr(d);
  }

  argAnnotations(a: Arguments): void {
    for (const arg of [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])]) {
      if (arg.annotation) this.expr(arg.annotation);
    }
  }

  stmt(s: Stmt): void {
    switch (s.k) {
      case "FunctionDef": {
        for (const d of s.decorators) this.expr(d);
        this.argDefaults(s.args);
        this.argAnnotations(s.args);
        if (s.returns) this.expr(s.returns);
        this.def(s.name, Use.ASSIGNED, s.pos);
        const sc = this.enter("function", s.name, s);
        this.args(s.args);
        for (const b of s.body) this.stmt(b);
        this.leave(sc);
        return;
      }
      case "ClassDef": {
        for (const d of s.decorators) this.expr(d);
        for (const b of s.bases) this.expr(b);
        for (const k of s.keywords) this.expr(k.value);
        this.def(s.name, Use.ASSIGNED, s.pos);
        const sc = this.enter("class", s.name, s);
        for (const b of s.body) this.stmt(b);
        this.leave(sc);
        return;
      }
      case "Return":
        if (this.cur.kind === "module" || this.cur.kind === "class") throw this.error("'return' outside function", s.pos);
        if (s.value) this.expr(s.value);
        return;
      case "Delete":
        for (const t of s.targets) this.expr(t);
        return;
      case "Assign":
        for (const t of s.targets) this.expr(t);
        this.expr(s.value);
        return;
      case "AugAssign":
        this.expr(s.target);
        this.expr(s.value);
        return;
      case "AnnAssign":
        if (s.target.k === "Name") {
          const prev = this.cur.symbols.get(s.target.id) ?? 0;
          if (prev & (Use.GLOBAL | Use.NONLOCAL)) {
            const kind = prev & Use.GLOBAL ? "global" : "nonlocal";
            throw this.error(`annotated name '${s.target.id}' can't be ${kind}`, s.pos);
          }
          if (s.value || this.cur.kind !== "module") this.def(s.target.id, Use.ASSIGNED, s.target.pos);
          else this.def(s.target.id, Use.ASSIGNED, s.target.pos);
        } else this.expr(s.target);
        this.expr(s.annotation);
        if (s.value) this.expr(s.value);
        return;
      case "For":
        this.expr(s.target);
        this.expr(s.iter);
        for (const b of s.body) this.stmt(b);
        for (const b of s.orelse) this.stmt(b);
        return;
      case "While":
        this.expr(s.test);
        for (const b of s.body) this.stmt(b);
        for (const b of s.orelse) this.stmt(b);
        return;
      case "If":
        this.expr(s.test);
        for (const b of s.body) this.stmt(b);
        for (const b of s.orelse) this.stmt(b);
        return;
      case "Raise":
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        return;
      case "Try":
        for (const b of s.body) this.stmt(b);
        for (const b of s.orelse) this.stmt(b);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.def(h.name, Use.ASSIGNED, h.pos);
          for (const b of h.body) this.stmt(b);
        }
        for (const b of s.finalbody) this.stmt(b);
        return;
      case "Assert":
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        return;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) {
          if (a.name === "*") {
            if (this.cur.kind !== "module") throw this.error("import * only allowed at module level", a.pos);
            continue;
          }
          const bound = a.asname ?? a.name.split(".")[0]!;
          this.def(bound, Use.IMPORTED | Use.ASSIGNED, a.pos);
        }
        return;
      case "Global":
      case "Nonlocal": {
        const isGlobal = s.k === "Global";
        for (const name of s.names) {
          const prev = this.cur.symbols.get(name) ?? 0;
          const kw = isGlobal ? "global" : "nonlocal";
          if (prev & Use.PARAM) throw this.error(`name '${name}' is parameter and ${kw}`, s.pos);
          if (prev & Use.USED) throw this.error(`name '${name}' is used prior to ${kw} declaration`, s.pos);
          if (prev & Use.ASSIGNED) throw this.error(`name '${name}' is assigned to before ${kw} declaration`, s.pos);
          if (!isGlobal && this.cur.kind === "module") throw this.error("nonlocal declaration not allowed at module level", s.pos);
          // reported where the name's first declaration is
          const first = this.directives.get(this.cur)?.get(name) ?? s.pos;
          if (isGlobal && prev & Use.NONLOCAL) throw this.error(`name '${name}' is nonlocal and global`, first);
          if (!isGlobal && prev & Use.GLOBAL) throw this.error(`name '${name}' is nonlocal and global`, first);
          if (!this.directives.has(this.cur)) this.directives.set(this.cur, new Map());
          if (!this.directives.get(this.cur)!.has(name)) this.directives.get(this.cur)!.set(name, s.pos);
          this.cur.add(name, isGlobal ? Use.GLOBAL : Use.NONLOCAL);
          // NOTE: CPython also records the declaration in the module's own symbols, so the module body
          // then reads and writes that name with LOAD_GLOBAL/STORE_GLOBAL.
          if (isGlobal) this.top.add(name, Use.GLOBAL);
          if (!isGlobal) this.nonlocalPos.set(this.cur, [...(this.nonlocalPos.get(this.cur) ?? []), [name, s.pos]]);
        }
        return;
      }
      case "Expr":
        this.expr(s.value);
        return;
      case "With":
        for (const it of s.items) {
          this.expr(it.contextExpr);
          if (it.optionalVars) this.expr(it.optionalVars);
        }
        for (const b of s.body) this.stmt(b);
        return;
      case "Match":
        this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          if (c.guard) this.expr(c.guard);
          for (const b of c.body) this.stmt(b);
        }
        return;
      case "Pass":
      case "Break":
      case "Continue":
        return;
    }
  }

  /** Captures bind names in the current scope; values, keys and classes are loads. */
  pattern(p: Pattern): void {
    switch (p.k) {
      case "MatchValue": this.expr(p.value); return;
      case "MatchSingleton": return;
      case "MatchSequence": for (const q of p.patterns) this.pattern(q); return;
      case "MatchMapping":
        for (const k of p.keys) this.expr(k);
        for (const q of p.patterns) this.pattern(q);
        if (p.rest) this.def(p.rest, Use.ASSIGNED, p.pos);
        return;
      case "MatchClass":
        this.expr(p.cls);
        for (const q of p.patterns) this.pattern(q);
        for (const q of p.kwdPatterns) this.pattern(q);
        return;
      case "MatchStar": if (p.name) this.def(p.name, Use.ASSIGNED, p.pos); return;
      case "MatchAs":
        if (p.pattern) this.pattern(p.pattern);
        if (p.name) this.def(p.name, Use.ASSIGNED, p.pos);
        return;
      case "MatchOr": for (const q of p.patterns) this.pattern(q); return;
    }
  }

  readonly nonlocalPos = new Map<Scope, [string, Pos][]>();
  /** First global/nonlocal statement naming each name, per scope. */
  readonly directives = new Map<Scope, Map<string, Pos>>();

  expr(e: Expr): void {
    switch (e.k) {
      case "Name":
        if (e.ctx === "load") {
          this.cur.add(e.id, Use.USED);
          if (e.id === "super" && this.cur.isFunctionLike()) this.cur.add("__class__", Use.USED);
        } else this.def(e.id, Use.ASSIGNED, e.pos);
        return;
      case "Constant":
        return;
      case "BinOp":
        this.expr(e.left);
        this.expr(e.right);
        return;
      case "UnaryOp":
        this.expr(e.operand);
        return;
      case "BoolOp":
        for (const v of e.values) this.expr(v);
        return;
      case "Compare":
        this.expr(e.left);
        for (const c of e.comparators) this.expr(c);
        return;
      case "Call":
        this.expr(e.func);
        for (const a of e.args) this.expr(a);
        for (const k of e.keywords) this.expr(k.value);
        return;
      case "Attribute":
        this.expr(e.value);
        return;
      case "Subscript":
        this.expr(e.value);
        this.expr(e.slice);
        return;
      case "Slice":
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        return;
      case "Tuple":
      case "List":
      case "Set":
        for (const x of e.elts) this.expr(x);
        return;
      case "Dict":
        for (let i = 0; i < e.values.length; i++) {
          const k = e.keys[i];
          if (k) this.expr(k);
          this.expr(e.values[i]!);
        }
        return;
      case "ListComp":
        this.comprehension(e, "<listcomp>", e.generators, [e.elt]);
        return;
      case "SetComp":
        this.comprehension(e, "<setcomp>", e.generators, [e.elt]);
        return;
      case "GeneratorExp":
        this.comprehension(e, "<genexpr>", e.generators, [e.elt]);
        return;
      case "DictComp":
        this.comprehension(e, "<dictcomp>", e.generators, [e.key, e.value]);
        return;
      case "Lambda": {
        this.argDefaults(e.args);
        const sc = this.enter("lambda", "<lambda>", e);
        this.args(e.args);
        this.expr(e.body);
        this.leave(sc);
        return;
      }
      case "IfExp":
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        return;
      case "JoinedStr":
        for (const v of e.values) this.expr(v);
        return;
      case "FormattedValue":
        this.expr(e.value);
        if (e.formatSpec) this.expr(e.formatSpec);
        return;
      case "Starred":
        this.expr(e.value);
        return;
      case "Yield":
      case "YieldFrom":
        if (!this.cur.isFunctionLike()) throw this.error("'yield' outside function", e.pos);
        if (this.cur.kind === "comprehension") throw this.error(`'yield' inside ${this.cur.name === "<genexpr>" ? "generator expression" : this.cur.name.slice(1, -5) + " comprehension"}`, e.pos);
        this.cur.isGenerator = true;
        if (e.value) this.expr(e.value);
        return;
      case "NamedExpr": {
        this.expr(e.value);
        const name = (e.target as Expr & { k: "Name" }).id;
        if (this.cur.kind === "comprehension") {
          // binds in the nearest enclosing non-comprehension scope
          let target = this.cur;
          while (target.kind === "comprehension") target = target.parent!;
          if (target.kind === "class") throw this.error("assignment expression within a comprehension cannot be used in a class body", e.pos);
          if (target.kind === "module") this.cur.add(name, Use.GLOBAL);
          else this.cur.add(name, Use.NONLOCAL);
          target.add(name, Use.ASSIGNED);
          for (let s = this.cur.parent!; s !== target; s = s.parent!) s.add(name, Use.NONLOCAL);
        } else this.def(name, Use.ASSIGNED, e.target.pos);
        return;
      }
    }
  }

  comprehension(node: Expr, name: string, gens: Comprehension[], elts: Expr[]): void {
    // the first iterable is evaluated in the enclosing scope
    this.expr(gens[0]!.iter);
    const sc = this.enter("comprehension", name, node);
    if (name === "<genexpr>") sc.isGenerator = true;
    sc.add(".0", Use.PARAM);
    sc.params.push(".0");
    gens.forEach((g, i) => {
      this.expr(g.target);
      if (i > 0) this.expr(g.iter);
      for (const c of g.ifs) this.expr(c);
    });
    for (const x of elts) this.expr(x);
    this.leave(sc);
  }
}

/** Pass 2: resolve every name of every scope; free names of children make cells in their binders. */
function analyze(top: Scope, b: Builder): void {
  const globalsDeclared = new Set<string>();
  visit(top, new Set(), globalsDeclared, b);
}

/**
 * `bound`: names bound in enclosing function scopes (visible to this scope as free variables).
 * Returns the set of names free in this scope or its children that must come from outside it.
 */
function visit(s: Scope, bound: Set<string>, _globals: Set<string>, b: Builder): Set<string> {
  const local = new Set<string>();
  const explicitGlobal = new Set<string>();
  for (const [name, flags] of s.symbols) {
    if (flags & Use.GLOBAL) {
      explicitGlobal.add(name);
      s.resolved.set(name, Resolution.GLOBAL_EXPLICIT);
    } else if (flags & Use.NONLOCAL) {
      if (!bound.has(name)) {
        const at = b.nonlocalPos.get(s)?.find(([n]) => n === name)?.[1];
        if (at) throw b.error(`no binding for nonlocal '${name}' found`, at);
      }
      s.resolved.set(name, Resolution.FREE);
    } else if (flags & (Use.ASSIGNED | Use.PARAM)) {
      local.add(name);
      s.resolved.set(name, s.kind === "module" ? Resolution.GLOBAL_IMPLICIT : Resolution.LOCAL);
    }
  }
  if (s.kind === "module") {
    for (const name of local) s.resolved.set(name, Resolution.GLOBAL_IMPLICIT);
  }
  // names visible to children as free variables
  const childBound = new Set<string>(bound);
  if (s.isFunctionLike()) {
    for (const n of local) childBound.add(n);
    for (const [n, r] of s.resolved) if (r === Resolution.FREE) childBound.add(n);
  }
  for (const n of explicitGlobal) childBound.delete(n);
  if (s.kind === "class") {
    // a class makes `__class__` available to its methods
    childBound.add("__class__");
  }
  if (s.kind === "module") childBound.clear();
  const freeFromChildren = new Set<string>();
  for (const c of s.children) {
    const cb = new Set(childBound);
    if (s.kind === "class") {
      // class-local names are not visible to nested scopes
      for (const n of local) if (!bound.has(n)) cb.delete(n);
    }
    for (const f of visit(c, cb, _globals, b)) freeFromChildren.add(f);
  }
  // names used here without a binding
  for (const [name, flags] of s.symbols) {
    if (s.resolved.has(name)) continue;
    if (flags & Use.USED) {
      if ((s.isFunctionLike() || s.kind === "class") && bound.has(name)) s.resolved.set(name, Resolution.FREE);
      else s.resolved.set(name, Resolution.GLOBAL_IMPLICIT);
    }
  }
  // children's free names: cells here if bound here, else they pass through as free
  for (const name of freeFromChildren) {
    if (s.kind === "class" && name === "__class__") {
      s.needsClassClosure = true;
      s.resolved.set("__class__", Resolution.CELL);
      continue;
    }
    const r = s.resolved.get(name);
    if (s.isFunctionLike() && r === Resolution.LOCAL) {
      s.resolved.set(name, Resolution.CELL);
    } else if (s.isFunctionLike() && (r === Resolution.CELL || r === Resolution.FREE)) {
      // already a cell or passing through
    } else if (s.kind === "class") {
      // a class passes the name through to its methods (its own uses of it stay NAME lookups)
      if (r !== Resolution.FREE && bound.has(name)) s.freeInClass.add(name);
    } else if (s.isFunctionLike() && r !== Resolution.GLOBAL_EXPLICIT) {
      if (bound.has(name)) s.resolved.set(name, Resolution.FREE);
    }
  }
  // what this scope needs from outside
  const out = new Set<string>();
  for (const [name, r] of s.resolved) if (r === Resolution.FREE) out.add(name);
  for (const name of s.freeInClass) out.add(name);
  return out;
}
