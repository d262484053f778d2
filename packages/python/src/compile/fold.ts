/**
 * Constant folding, as CPython 3.11's AST optimizer (Python/ast_opt.c) does it, applied in place on the
 * AST before code generation. Folded results become Constant nodes (owned by the unit's arena).
 *
 * NOTE: the limits are CPython's: folded int products/powers/shifts up to 128 bits, str/bytes repetition
 * up to 4096 items, tuple repetition up to 256 items (1024 counting nested ones). An operation that would
 * raise (1/0, 'a' - 1) is simply not folded. `str % x`, comparisons, calls, f-strings are never folded.
 */
import type { BinOpName, ConstValue, Expr, Module, Pattern, Stmt } from "../parse/ast.js";
import { floatPow, intTrueDivide } from "../objects/numbers.js";
import { complexPowValue } from "../objects/complex-pow.js";

const MAX_INT_SIZE = 128n;
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

/** Folds a whole module in place. */
export function foldModule(mod: Module): void {
  for (const s of mod.body) foldStmt(s);
}

function foldBody(b: Stmt[]): void {
  for (const s of b) foldStmt(s);
}

function foldStmt(s: Stmt): void {
  switch (s.k) {
    case "Expr": s.value = fold(s.value); return;
    case "Assign": s.targets = s.targets.map(fold); s.value = fold(s.value); return;
    case "AugAssign": s.target = fold(s.target); s.value = fold(s.value); return;
    case "AnnAssign": s.target = fold(s.target); s.annotation = fold(s.annotation); if (s.value) s.value = fold(s.value); return;
    case "Delete": s.targets = s.targets.map(fold); return;
    case "Return": if (s.value) s.value = fold(s.value); return;
    case "Raise": if (s.exc) s.exc = fold(s.exc); if (s.cause) s.cause = fold(s.cause); return;
    case "Assert": s.test = fold(s.test); if (s.msg) s.msg = fold(s.msg); return;
    case "If": s.test = fold(s.test); foldBody(s.body); foldBody(s.orelse); return;
    case "While": s.test = fold(s.test); foldBody(s.body); foldBody(s.orelse); return;
    case "For": s.target = fold(s.target); s.iter = foldIter(fold(s.iter)); foldBody(s.body); foldBody(s.orelse); return;
    case "Try":
      foldBody(s.body);
      for (const h of s.handlers) { if (h.type) h.type = fold(h.type); foldBody(h.body); }
      foldBody(s.orelse);
      foldBody(s.finalbody);
      return;
    case "With":
      for (const it of s.items) { it.contextExpr = fold(it.contextExpr); if (it.optionalVars) it.optionalVars = fold(it.optionalVars); }
      foldBody(s.body);
      return;
    case "FunctionDef":
      s.decorators = s.decorators.map(fold);
      foldArgs(s.args);
      if (s.returns) s.returns = fold(s.returns);
      foldBody(s.body);
      return;
    case "ClassDef":
      s.decorators = s.decorators.map(fold);
      s.bases = s.bases.map(fold);
      for (const k of s.keywords) k.value = fold(k.value);
      foldBody(s.body);
      return;
    case "Match":
      s.subject = fold(s.subject);
      for (const c of s.cases) {
        foldPattern(c.pattern);
        if (c.guard) c.guard = fold(c.guard);
        foldBody(c.body);
      }
      return;
    default:
  }
}

/** Patterns: literal values (`-1`, `1+2j`) and mapping keys fold to constants, as in 3.11's ast_opt. */
function foldPattern(p: Pattern): void {
  switch (p.k) {
    case "MatchValue": p.value = fold(p.value); return;
    case "MatchSequence": p.patterns.forEach(foldPattern); return;
    case "MatchMapping": p.keys = p.keys.map(fold); p.patterns.forEach(foldPattern); return;
    case "MatchClass": p.cls = fold(p.cls); p.patterns.forEach(foldPattern); p.kwdPatterns.forEach(foldPattern); return;
    case "MatchAs": if (p.pattern) foldPattern(p.pattern); return;
    case "MatchOr": p.patterns.forEach(foldPattern); return;
    default:
  }
}

function foldArgs(a: import("../parse/ast.js").Arguments): void {
  a.defaults = a.defaults.map(fold);
  a.kwDefaults = a.kwDefaults.map((d) => (d ? fold(d) : null));
  for (const arg of [...a.posonlyargs, ...a.args, ...a.kwonlyargs, ...(a.vararg ? [a.vararg] : []), ...(a.kwarg ? [a.kwarg] : [])]) {
    if (arg.annotation) arg.annotation = fold(arg.annotation);
  }
}

function konst(e: Expr, value: ConstValue): Expr {
  return { k: "Constant", value, pos: e.pos };
}

function isConst(e: Expr): e is Expr & { k: "Constant" } {
  return e.k === "Constant";
}

/** `for x in [..]` / `x in [..]`: a list display becomes a tuple, a set display of constants a frozenset. */
function foldIter(e: Expr): Expr {
  if (e.k === "List") {
    if (e.elts.some((x) => x.k === "Starred")) return e;
    const t: Expr = { k: "Tuple", elts: e.elts, ctx: e.ctx, pos: e.pos };
    return foldTuple(t);
  }
  if (e.k === "Set") {
    if (e.elts.every(isConst)) return konst(e, { t: "frozenset", items: e.elts.map((x) => (x as { value: ConstValue }).value) });
  }
  return e;
}

function foldTuple(e: Expr): Expr {
  if (e.k !== "Tuple" || e.ctx !== "load") return e;
  if (!e.elts.every(isConst)) return e;
  return konst(e, { t: "tuple", items: e.elts.map((x) => (x as { value: ConstValue }).value) });
}

/** Folds an expression bottom-up; returns the (possibly replaced) node. */
export function fold(e: Expr): Expr {
  switch (e.k) {
    case "Name":
      if (e.ctx === "load" && e.id === "__debug__") return konst(e, { t: "bool", v: true });
      return e;
    case "Constant":
      return e;
    case "BinOp": {
      e.left = fold(e.left);
      e.right = fold(e.right);
      if (
        e.op === "%" && isConst(e.left) && e.left.value.t === "str" && e.right.k === "Tuple" &&
        !e.right.elts.some((x) => x.k === "Starred")
      ) {
        return optimizeFormat(e, e.left.value.v, e.right.elts) ?? e;
      }
      if (isConst(e.left) && isConst(e.right)) {
        const r = binop(e.op, e.left.value, e.right.value);
        if (r) return konst(e, r);
      }
      return e;
    }
    case "UnaryOp": {
      e.operand = fold(e.operand);
      const a = e.operand;
      if (!isConst(a)) {
        if (e.op === "not" && a.k === "Compare" && a.ops.length === 1) {
          const inv: Record<string, "is" | "is not" | "in" | "not in"> = { is: "is not", "is not": "is", in: "not in", "not in": "in" };
          const op = inv[a.ops[0]!];
          if (op) {
            a.ops[0] = op;
            a.pos = e.pos;
            return a;
          }
        }
        return e;
      }
      const r = unary(e.op, a.value);
      return r ? konst(e, r) : e;
    }
    case "BoolOp":
      e.values = e.values.map(fold);
      return e;
    case "Compare": {
      e.left = fold(e.left);
      e.comparators = e.comparators.map(fold);
      const last = e.ops.length - 1;
      if (e.ops[last] === "in" || e.ops[last] === "not in") e.comparators[last] = foldIter(e.comparators[last]!);
      return e;
    }
    case "Call":
      e.func = fold(e.func);
      e.args = e.args.map(fold);
      for (const k of e.keywords) k.value = fold(k.value);
      return e;
    case "Attribute":
      e.value = fold(e.value);
      return e;
    case "Subscript": {
      e.value = fold(e.value);
      e.slice = fold(e.slice);
      if (e.ctx === "load" && isConst(e.value) && isConst(e.slice)) {
        const r = subscript(e.value.value, e.slice.value);
        if (r) return konst(e, r);
      }
      return e;
    }
    case "Slice":
      if (e.lower) e.lower = fold(e.lower);
      if (e.upper) e.upper = fold(e.upper);
      if (e.step) e.step = fold(e.step);
      return e;
    case "Tuple":
      e.elts = e.elts.map(fold);
      return foldTuple(e);
    case "List":
    case "Set":
      e.elts = e.elts.map(fold);
      return e;
    case "Dict":
      e.keys = e.keys.map((k) => (k ? fold(k) : null));
      e.values = e.values.map(fold);
      return e;
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
      e.elt = fold(e.elt);
      foldComps(e.generators);
      return e;
    case "DictComp":
      e.key = fold(e.key);
      e.value = fold(e.value);
      foldComps(e.generators);
      return e;
    case "Lambda":
      foldArgs(e.args);
      e.body = fold(e.body);
      return e;
    case "IfExp":
      e.test = fold(e.test);
      e.body = fold(e.body);
      e.orelse = fold(e.orelse);
      return e;
    case "JoinedStr":
      e.values = e.values.map(fold);
      return e;
    case "FormattedValue":
      e.value = fold(e.value);
      if (e.formatSpec) e.formatSpec = fold(e.formatSpec);
      return e;
    case "Starred":
      e.value = fold(e.value);
      return e;
    case "Yield":
      if (e.value) e.value = fold(e.value);
      return e;
    case "YieldFrom":
      e.value = fold(e.value);
      return e;
    case "NamedExpr":
      e.value = fold(e.value);
      return e;
  }
}

/**
 * 3.11's optimize_format: `'...%s...%r...' % (a, b)` with only %s/%r/%a (optionally with a width and a
 * precision of at most two digits, or '-') and exactly as many items becomes an f-string.
 */
function optimizeFormat(node: Expr, fmt: string, elts: Expr[]): Expr | null {
  const values: Expr[] = [];
  const chars = [...fmt];
  let pos = 0;
  let cnt = 0;
  const lit = (text: string) => values.push({ k: "Constant", value: { t: "str", v: text }, pos: node.pos });
  for (;;) {
    let text = "";
    while (pos < chars.length) {
      if (chars[pos] !== "%") text += chars[pos++];
      else if (chars[pos + 1] === "%") {
        text += "%";
        pos += 2;
      } else break;
    }
    if (text) lit(text);
    if (pos >= chars.length) break;
    if (cnt >= elts.length) return null;
    pos++; // the '%'
    let ljust = false;
    let ch: string | undefined;
    const next = () => (pos < chars.length ? chars[pos++] : undefined);
    for (;;) {
      ch = next();
      if (ch === undefined) return null;
      if (ch === "-") ljust = true;
      else if (ch === "+" || ch === " " || ch === "#" || ch === "0") continue;
      else break;
    }
    let width = -1;
    let prec = -1;
    if (ch >= "0" && ch <= "9") {
      width = 0;
      let digits = 0;
      while (ch !== undefined && ch >= "0" && ch <= "9") {
        width = width * 10 + Number(ch);
        ch = next();
        if (ch === undefined) return null;
        if (++digits >= 3) return null;
      }
    }
    if (ch === ".") {
      ch = next();
      if (ch === undefined) return null;
      prec = 0;
      let digits = 0;
      while (ch !== undefined && ch >= "0" && ch <= "9") {
        prec = prec * 10 + Number(ch);
        ch = next();
        if (ch === undefined) return null;
        if (++digits >= 3) return null;
      }
    }
    if (ch !== "s" && ch !== "r" && ch !== "a") return null;
    let spec = "";
    if (!ljust && width > 0) spec += ">";
    if (width >= 0) spec += String(width);
    if (prec >= 0) spec += "." + prec;
    const arg = elts[cnt++]!;
    values.push({
      k: "FormattedValue",
      value: arg,
      conversion: ch.charCodeAt(0),
      formatSpec: spec ? { k: "Constant", value: { t: "str", v: spec }, pos: arg.pos } : null,
      pos: arg.pos,
    });
  }
  if (cnt < elts.length) return null;
  return { k: "JoinedStr", values, pos: node.pos };
}

function foldComps(gens: import("../parse/ast.js").Comprehension[]): void {
  for (const g of gens) {
    g.target = fold(g.target);
    g.iter = foldIter(fold(g.iter));
    g.ifs = g.ifs.map(fold);
  }
}

// ---- value operations (Python semantics) ----

function bits(v: bigint): bigint {
  if (v < 0n) v = -v;
  return BigInt(v.toString(2).length) - (v === 0n ? 1n : 0n);
}

/** An int view of ints and bools, else null. */
function asInt(v: ConstValue): bigint | null {
  if (v.t === "int") return v.v;
  if (v.t === "bool") return v.v ? 1n : 0n;
  return null;
}

function asFloat(v: ConstValue): number | null {
  if (v.t === "float") return v.v;
  const i = asInt(v);
  if (i === null) return null;
  const f = Number(i);
  return Number.isFinite(f) ? f : null;
}

function isNumeric(v: ConstValue): boolean {
  return v.t === "int" || v.t === "bool" || v.t === "float" || v.t === "complex";
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floatMod(a: number, b: number): number {
  const m = a % b;
  if (m !== 0 && (m < 0) !== (b < 0)) return m + b;
  if (m === 0) return b < 0 ? -0 : 0;
  return m;
}

/** Total number of items of a constant, nested ones included (CPython's check_complexity). */
function complexity(v: ConstValue, limit: number): number {
  if (v.t !== "tuple" && v.t !== "frozenset") return limit;
  limit -= v.items.length;
  for (const x of v.items) {
    if (limit < 0) break;
    limit = complexity(x, limit);
  }
  return limit;
}

function repeat(seq: ConstValue, n: bigint): ConstValue | null {
  if (seq.t === "str" || seq.t === "bytes") {
    const size = seq.t === "str" ? [...seq.v].length : seq.v.length;
    if (size && (n < 0n || n > BigInt(Math.floor(MAX_STR_SIZE / size)))) return null;
    const k = n < 0n ? 0 : Number(n);
    if (seq.t === "str") return { t: "str", v: seq.v.repeat(k) };
    const out = new Uint8Array(seq.v.length * k);
    for (let i = 0; i < k; i++) out.set(seq.v, i * seq.v.length);
    return { t: "bytes", v: out };
  }
  if (seq.t === "tuple") {
    const size = seq.items.length;
    if (size) {
      if (n < 0n || n > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) return null;
      if (complexity(seq, Math.floor(MAX_TOTAL_ITEMS / Number(n))) < 0) return null;
    }
    const k = n < 0n ? 0 : Number(n);
    const items: ConstValue[] = [];
    for (let i = 0; i < k; i++) items.push(...seq.items);
    return { t: "tuple", items };
  }
  return null;
}

function complexOf(v: ConstValue): [number, number] | null {
  if (v.t === "complex") return [v.re, v.im];
  const f = asFloat(v);
  return f === null ? null : [f, 0];
}

/** a op b for two constants, or null when CPython would not fold it. */
export function binop(op: BinOpName, a: ConstValue, b: ConstValue): ConstValue | null {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== null && ib !== null) {
    const bothBool = a.t === "bool" && b.t === "bool";
    switch (op) {
      case "+": return { t: "int", v: ia + ib };
      case "-": return { t: "int", v: ia - ib };
      case "*":
        if (ia !== 0n && ib !== 0n && bits(ia) + bits(ib) > MAX_INT_SIZE) return null;
        return { t: "int", v: ia * ib };
      case "//": return ib === 0n ? null : { t: "int", v: floorDiv(ia, ib) };
      case "%": return ib === 0n ? null : { t: "int", v: ia - floorDiv(ia, ib) * ib };
      case "/": {
        if (ib === 0n) return null;
        // long_true_divide: the exact quotient rounded once (not folded when it overflows)
        const q = intTrueDivide(ia, ib);
        return q === null ? null : { t: "float", v: q };
      }
      case "**":
        if (ia !== 0n && ib > 0n) {
          if (bits(ia) > MAX_INT_SIZE / ib) return null;
        }
        if (ib < 0n) {
          if (ia === 0n) return null;
          const f = floatPow(Number(ia), Number(ib));
          return f !== null && Number.isFinite(f) ? { t: "float", v: f } : null;
        }
        if (ib > 4096n) return null;
        return { t: "int", v: ia ** ib };
      case "<<":
        if (ib < 0n) return null;
        if (ia !== 0n && ib > 0n && (ib > MAX_INT_SIZE || bits(ia) > MAX_INT_SIZE - ib)) return null;
        return { t: "int", v: ia << ib };
      case ">>":
        if (ib < 0n) return null;
        return { t: "int", v: ia >> ib };
      case "&": return bothBool ? { t: "bool", v: (ia & ib) !== 0n } : { t: "int", v: ia & ib };
      case "|": return bothBool ? { t: "bool", v: (ia | ib) !== 0n } : { t: "int", v: ia | ib };
      case "^": return bothBool ? { t: "bool", v: (ia ^ ib) !== 0n } : { t: "int", v: ia ^ ib };
      default: return null;
    }
  }
  const isSeq = (v: ConstValue) => v.t === "str" || v.t === "bytes" || v.t === "tuple";
  if (op === "*" && ia !== null && isSeq(b)) return repeat(b, ia);
  if (op === "*" && ib !== null && isSeq(a)) return repeat(a, ib);
  if (op === "+" && a.t === b.t && (a.t === "str" || a.t === "bytes" || a.t === "tuple")) {
    if (a.t === "str") return { t: "str", v: a.v + (b as { v: string }).v };
    if (a.t === "bytes") {
      const bb = (b as { v: Uint8Array }).v;
      const out = new Uint8Array(a.v.length + bb.length);
      out.set(a.v);
      out.set(bb, a.v.length);
      return { t: "bytes", v: out };
    }
    return { t: "tuple", items: [...a.items, ...(b as { items: ConstValue[] }).items] };
  }
  if (!isNumeric(a) || !isNumeric(b)) return null;
  if (a.t === "complex" || b.t === "complex") {
    const x = complexOf(a);
    const y = complexOf(b);
    if (!x || !y) return null;
    switch (op) {
      case "+": return { t: "complex", re: x[0] + y[0], im: x[1] + y[1] };
      case "-": return { t: "complex", re: x[0] - y[0], im: x[1] - y[1] };
      case "*": return { t: "complex", re: x[0] * y[0] - x[1] * y[1], im: x[0] * y[1] + x[1] * y[0] };
      case "**": {
        const r = complexPowValue(x[0], x[1], y[0], y[1]);
        return typeof r === "string" ? null : { t: "complex", re: r[0], im: r[1] };
      }
      default: return null;
    }
  }
  const fa = asFloat(a);
  const fb = asFloat(b);
  if (fa === null || fb === null) return null;
  switch (op) {
    case "+": return { t: "float", v: fa + fb };
    case "-": return { t: "float", v: fa - fb };
    case "*": return { t: "float", v: fa * fb };
    case "/": return fb === 0 ? null : { t: "float", v: fa / fb };
    case "//": return fb === 0 ? null : { t: "float", v: Math.floor(fa / fb) };
    case "%": return fb === 0 ? null : { t: "float", v: floatMod(fa, fb) };
    case "**": {
      if (fa === 0 && fb < 0) return null;
      if (fa < 0 && !Number.isInteger(fb)) {
        // a negative float to a fractional power is a complex number (CPython's c_pow, imaginary part 0)
        const len = Math.pow(Math.abs(fa), fb);
        const phase = Math.atan2(0, fa) * fb;
        if (!Number.isFinite(len)) return null;
        return { t: "complex", re: len * Math.cos(phase), im: len * Math.sin(phase) };
      }
      const r = floatPow(fa, fb);
      return r !== null && Number.isFinite(r) ? { t: "float", v: r } : null;
    }
    default: return null;
  }
}

function unary(op: "+" | "-" | "~" | "not", v: ConstValue): ConstValue | null {
  if (op === "not") return { t: "bool", v: !truthy(v) };
  const i = asInt(v);
  if (i !== null) {
    if (op === "-") return { t: "int", v: -i };
    if (op === "+") return { t: "int", v: i };
    return { t: "int", v: -i - 1n };
  }
  if (v.t === "float") {
    if (op === "-") return { t: "float", v: -v.v };
    if (op === "+") return v;
    return null;
  }
  if (v.t === "complex") {
    if (op === "-") return { t: "complex", re: -v.re, im: -v.im };
    if (op === "+") return v;
  }
  return null;
}

function truthy(v: ConstValue): boolean {
  switch (v.t) {
    case "none": return false;
    case "bool": return v.v;
    case "ellipsis": return true;
    case "int": return v.v !== 0n;
    case "float": return v.v !== 0;
    case "complex": return v.re !== 0 || v.im !== 0;
    case "str": return v.v.length > 0;
    case "bytes": return v.v.length > 0;
    case "tuple": case "frozenset": return v.items.length > 0;
  }
}

function subscript(c: ConstValue, k: ConstValue): ConstValue | null {
  const i = asInt(k);
  if (i === null) return null;
  if (c.t === "str") {
    const chars = [...c.v];
    const idx = i < 0n ? BigInt(chars.length) + i : i;
    if (idx < 0n || idx >= BigInt(chars.length)) return null;
    return { t: "str", v: chars[Number(idx)]! };
  }
  if (c.t === "bytes") {
    const idx = i < 0n ? BigInt(c.v.length) + i : i;
    if (idx < 0n || idx >= BigInt(c.v.length)) return null;
    return { t: "int", v: BigInt(c.v[Number(idx)]!) };
  }
  if (c.t === "tuple") {
    const idx = i < 0n ? BigInt(c.items.length) + i : i;
    if (idx < 0n || idx >= BigInt(c.items.length)) return null;
    return c.items[Number(idx)]!;
  }
  return null;
}
