// Random Python programs from the subset pyheap runs, as fast-check arbitraries (so that a failing
// program shrinks to a minimal one). A program is a list of snippets; each snippet is self-contained
// (its names carry its position as a suffix) and prints only what CPython 3.11.7 prints the same way on
// every run: relations between ids, never raw ids; refcounts of objects the program made itself; gc counts
// only after a gc.collect(); no printed order of str sets.
import fc from "fast-check";

/**
 * Generator features that find a known pyheap difference, excluded unless asked for (`--with NAME`).
 * Each is documented in README.md under "known differences" with its minimal program.
 */
export const KNOWN_DIFFERENCES = {
  "fstring-nested-quotes": { summary: "an f-string whose replacement field holds its own quote (f'{''!r}'): python3 3.11 raises SyntaxError, pyheap accepts it" },
};

/** Every snippet kind, by name (the names `--only` and `--without` take). */
export const SNIPPET_KINDS = [
  "expr", "refcount", "sizeof", "cycles", "gc-count", "is-tracked", "id-reuse", "identity", "del-order",
  "weakref", "containers", "closure", "generator", "classes", "exceptions", "fstring", "copy", "auto-gc", "uncaught",
];

// ---------------------------------------------------------------------------------------------- leaves

const lit = (s) => fc.constant(s);
const pick = (...xs) => fc.constantFrom(...xs);
const paren = (s) => (s.startsWith("-") ? `(${s})` : s);

const intLit = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5, max: 260 }).map((n) => paren(String(n))) },
  { weight: 2, arbitrary: pick("1000", "1073741823", "1073741824", "2147483648", "4294967296", "9007199254740993", "18446744073709551616", "-1000000007") },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n }).map((n) => paren(String(n))) },
);
const floatLit = fc.oneof(
  pick("0.1", "0.5", "1.5", "-2.25", "3.141592653589793", "1e16", "1e-07", "2.5e-05", "123456.789", "-0.0", "1e300", "0.30000000000000004"),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }).map((x) => {
    let s = String(x);
    if (!/[.e]/.test(s)) s += ".0";
    return paren(s);
  }),
);
const strChars = pick("a", "b", "Z", " ", "1", "é", "€", "😀", "_", "'", '"', "\\", ",", "\n");
const strLit = fc.oneof(
  pick("''", "'a'", "'abc'", "'hello world'", "'héllo'", "'€uro'", "'x,y,z'", "'  pad  '", "'Ab1'", "'😀'", "'42'", "'-7'", "'3.5'", "'spam'"),
  fc.string({ unit: strChars, maxLength: 6 }).map((s) => JSON.stringify(s)),
);
const smallNat = (max) => fc.integer({ min: 0, max });

// ----------------------------------------------------------------------------------------- expressions

/**
 * f'{a} {s!r} {x:.3}'. In 3.11 a replacement field may not contain the f-string's own quote or a
 * backslash: the other quote is used, or str()/repr()/format() when neither fits (unless the
 * "fstring-nested-quotes" feature asks for the 3.12-only spelling, which python3 3.11 rejects).
 */
function fstringExpr(a, s, x) {
  const parts = `${a}${s}${x}`;
  const text = (q) => `f${q}{${a}} {${s}!r} {${x}:.3}${q}`;
  if (feature("fstring-nested-quotes")) return text("'");
  if (!parts.includes("\\")) {
    if (!parts.includes("'")) return text("'");
    if (!parts.includes('"')) return text('"');
  }
  return `(str(${a}) + ' ' + repr(${s}) + ' ' + format(${x}, '.3'))`;
}

/** An int literal whose value a double holds exactly (int / int of such values is one IEEE division). */

const memo = new Map();
/** An expression of the given type ("int", "float", "str", "list", "bool", "dict", "any") and depth. */
export function expr(type, depth) {
  const key = `${type}/${depth}`;
  let a = memo.get(key);
  if (!a) {
    // memoised before it is built: builders refer to shallower depths only, so no cycle arises
    a = build(type, depth);
    memo.set(key, a);
  }
  return a;
}

function build(type, d) {
  const leaf = { int: intLit, float: floatLit, str: strLit, bool: pick("True", "False"), list: null, dict: null, any: null }[type];
  if (type === "any") {
    return fc.oneof(expr("int", d), expr("float", d), expr("str", d), expr("list", d), expr("bool", d), expr("dict", d), lit("None"));
  }
  if (d === 0) {
    if (type === "list") return fc.array(fc.oneof(intLit, strLit), { maxLength: 4 }).map((xs) => `[${xs.join(", ")}]`);
    if (type === "dict") return fc.array(fc.tuple(fc.oneof(intLit, strLit), intLit), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(", ")}}`);
    return leaf;
  }
  const I = expr("int", d - 1), F = expr("float", d - 1), S = expr("str", d - 1), L = expr("list", d - 1), B = expr("bool", d - 1), D = expr("dict", d - 1), A = expr("any", d - 1);
  const t = (...as) => fc.tuple(...as);
  const f = (arb, fn) => arb.map((xs) => fn(...xs));
  const base = expr(type, 0);
  switch (type) {
    case "int":
      return fc.oneof(
        { weight: 4, arbitrary: base },
        f(t(I, pick("+", "-", "*", "//", "%", "&", "|", "^"), I), (a, op, b) => `(${a} ${op} ${b})`),
        f(t(I, smallNat(9)), (a, k) => `(${a} ** ${k})`),
        f(t(I, pick("<<", ">>"), smallNat(70)), (a, op, k) => `(${a} ${op} ${k})`),
        f(t(pick("-", "~", "abs", "hash", "int", "bool"), I), (op, a) => (op.length > 1 ? `${op}(${a})` : `(${op}${a})`)),
        f(t(pick("len", "int", "ord"), S), (fn, s) => `${fn}(${s})`),
        f(t(pick("len", "sum", "max", "min"), L), (fn, l) => `${fn}(${l})`),
        f(t(pick("int", "round"), F), (fn, x) => `${fn}(${x})`),
        f(t(S, pick("find", "count", "index", "rfind"), S), (s, m, u) => `${s}.${m}(${u})`),
        f(t(L, I), (l, i) => `${l}[${i}]`),
        f(t(I, I, I), (a, b, c) => `(${a} if ${b} else ${c})`),
        f(t(I, I), (a, b) => `divmod(${a}, ${b})[0]`),
        f(t(I, smallNat(12), fc.integer({ min: 1, max: 1000 })), (a, k, m) => `pow(${a}, ${k}, ${m})`),
        f(t(smallNat(20), pick("x", "x * x", "x % 3", "-x")), (k, body) => `sum(${body} for x in range(${k}))`),
        f(t(L), (l) => `len([x for x in ${l} if x])`),
        f(t(D), (dd) => `len(${dd})`),
        f(t(I, pick("bit_length", "bit_count", "__index__")), (a, m) => `(${a}).${m}()`),
        f(t(S), (s) => `len(${s}.encode())`),
        f(t(L, A), (l, x) => `${l}.count(${x})`),
        f(t(I, I, I, I), (a, b, c, d) => `((${a}, ${b}) < (${c}, ${d})) + 0`),
      );
    case "float":
      return fc.oneof(
        { weight: 3, arbitrary: base },
        f(t(F, pick("+", "-", "*", "/", "%", "//"), F), (a, op, b) => `(${a} ${op} ${b})`),
        f(t(I, pick("/", "*", "+"), F), (a, op, b) => `(${a} ${op} ${b})`),
        f(t(I, I), (a, b) => `(${a} / ${b})`),
        f(t(F, smallNat(5)), (a, k) => `(${a} ** ${k})`),
        f(t(F, smallNat(4)), (a, k) => `round(${a}, ${k})`),
        f(t(pick("float", "abs"), I), (fn, a) => `${fn}(${a})`),
        f(t(S), (s) => `float(${s})`),
        f(t(F), (a) => `abs(${a})`),
      );
    case "str":
      return fc.oneof(
        { weight: 3, arbitrary: base },
        f(t(S, S), (a, b) => `(${a} + ${b})`),
        f(t(S, fc.integer({ min: -1, max: 3 })), (a, k) => `(${a} * ${k})`),
        f(t(S, I), (s, i) => `${s}[${i}]`),
        f(t(S, fc.option(fc.integer({ min: -4, max: 6 })), fc.option(fc.integer({ min: -4, max: 6 })), fc.option(pick(-2, -1, 1, 2, 3))), (s, a, b, c) => `${s}[${a ?? ""}:${b ?? ""}${c === null ? "" : ":" + c}]`),
        f(t(S, pick("upper", "lower", "strip", "title", "swapcase", "capitalize", "casefold", "lstrip", "rstrip")), (s, m) => `${s}.${m}()`),
        f(t(S, S, S), (s, a, b) => `${s}.replace(${a}, ${b})`),
        f(t(pick("str", "repr", "ascii"), A), (fn, x) => `${fn}(${x})`),
        f(t(S, L), (s, l) => `${s}.join(${l})`),
        f(t(S, pick("center", "ljust", "rjust", "zfill"), smallNat(12)), (s, m, k) => (m === "zfill" ? `${s}.zfill(${k})` : `${s}.${m}(${k}, '*')`)),
        f(t(I), (a) => `chr(${a})`),
        f(t(pick("hex", "bin", "oct"), I), (fn, a) => `${fn}(${a})`),
        f(t(I, pick("d", "x", "b", ",", "_", "+d", ">8", "<6", "^9", "08d", "#x", "e", ".3f", "%")), (a, spec) => `format(${a}, ${JSON.stringify(spec)})`),
        f(t(F, pick(".2f", "e", ".3g", "g", "10.4f", "%", "+.1f", "", "r")), (x, spec) => (spec === "r" ? `repr(${x})` : `format(${x}, ${JSON.stringify(spec)})`)),
        f(t(S, I), (s, a) => `'%s=%d' % (${s}, ${a})`),
        f(t(S, S), (s, u) => `${s}.partition(${u})[2]`),
        f(t(A), (x) => `type(${x}).__name__`),
        f(t(I, S, F), (a, s, x) => fstringExpr(a, s, x)),
        f(t(I, S), (a, s) => `'{}-{!r}-{:>5}'.format(${a}, ${s}, ${s})`),
        f(t(S, S, fc.integer({ min: -1, max: 2 })), (s, u, k) => `str(${s}.split(${u}, ${k}))`),
        f(t(S, pick("rsplit(None, 1)", "splitlines()", "encode()", "expandtabs(4)")), (s, m) => `str(${s}.${m})`),
        f(t(S, pick("removeprefix", "removesuffix", "lstrip", "rstrip", "strip")), (s, m) => `${s}.${m}('a')`),
        f(t(L), (l) => `str(tuple(${l}))`),
        f(t(D), (dd) => `str(${dd}.get(1, 'none'))`),
      );
    case "list":
      return fc.oneof(
        { weight: 3, arbitrary: base },
        f(t(A, A, A), (a, b, c) => `[${a}, ${b}, ${c}]`),
        f(t(fc.integer({ min: -5, max: 15 }), fc.integer({ min: -5, max: 15 }), fc.integer({ min: -3, max: 3 })), (a, b, c) => `list(range(${a}, ${b}, ${c}))`),
        f(t(L, B), (l, r) => `sorted(${l}, reverse=${r})`),
        f(t(L, L), (a, b) => `(${a} + ${b})`),
        f(t(L, fc.integer({ min: -1, max: 3 })), (a, k) => `(${a} * ${k})`),
        f(t(L, fc.integer({ min: -3, max: 4 }), fc.integer({ min: -3, max: 4 })), (l, a, b) => `${l}[${a}:${b}]`),
        f(t(S), (s) => `${s}.split()`),
        f(t(S, S), (s, u) => `${s}.split(${u})`),
        f(t(S), (s) => `list(${s})`),
        f(t(L, pick("x * 2", "x", "[x]", "(x, x)", "str(x)")), (l, body) => `[${body} for x in ${l}]`),
        f(t(L), (l) => `[x for x in ${l} if x]`),
        f(t(pick("reversed", "enumerate", "sorted"), L), (fn, l) => `list(${fn}(${l}))`),
        f(t(L, L), (a, b) => `list(zip(${a}, ${b}))`),
        f(t(pick("str", "repr", "bool", "type"), L), (fn, l) => `list(map(${fn}, ${l}))`),
        f(t(D, pick("keys", "values", "items")), (dd, m) => `list(${dd}.${m}())`),
        // a list may mix strs and ints: sorting their set without key=repr fails with a message that names
        // the first pair compared, which follows the set's order and so the str hash (not comparable)
        f(t(L), (l) => `sorted(set(${l}), key=repr)`),
        f(t(L, L), (a, b) => `[*${a}, *${b}]`),
        f(t(L), (l) => `list(dict.fromkeys(${l}))`),
        f(t(L), (l) => `${l}[::-1]`),
        f(t(S), (s) => `list(${s}.encode())`),
        f(t(L), (l) => `list(filter(bool, ${l}))`),
      );
    case "bool":
      return fc.oneof(
        { weight: 2, arbitrary: base },
        f(t(I, pick("<", "<=", "==", "!=", ">", ">="), I), (a, op, b) => `(${a} ${op} ${b})`),
        f(t(S, pick("<", "==", "in", "not in"), S), (a, op, b) => `(${a} ${op} ${b})`),
        f(t(A, pick("in", "not in"), L), (a, op, b) => `(${a} ${op} ${b})`),
        f(t(A, pick("int", "str", "list", "float", "bool", "object")), (x, ty) => `isinstance(${x}, ${ty})`),
        f(t(pick("bool", "all", "any", "not "), L), (fn, l) => (fn === "not " ? `(not ${l})` : `${fn}(${l})`)),
        f(t(B, pick("and", "or"), B), (a, op, b) => `(${a} ${op} ${b})`),
        f(t(S, pick("isdigit", "isalpha", "isspace", "isupper", "isidentifier", "isascii")), (s, m) => `${s}.${m}()`),
        f(t(S, pick("startswith", "endswith"), S), (s, m, u) => `${s}.${m}(${u})`),
        f(t(A, A), (a, b) => `(${a} == ${b})`),
        f(t(A), (x) => `isinstance(${x}, (int, str))`),
        f(t(S, pick("isnumeric", "isdecimal", "isalnum", "islower", "istitle", "isprintable")), (s, m) => `${s}.${m}()`),
      );
    case "dict":
      return fc.oneof(
        { weight: 2, arbitrary: base },
        f(t(L, L), (a, b) => `dict(zip(${a}, ${b}))`),
        f(t(L), (l) => `{x: i for i, x in enumerate(${l})}`),
        f(t(D, D), (a, b) => `{**${a}, **${b}}`),
        f(t(D, D), (a, b) => `(${a} | ${b})`),
      );
  }
  throw new Error(`no expressions of type ${type}`);
}

// -------------------------------------------------------------------------------------------- snippets

const indent = (lines, by = "    ") => lines.map((l) => (l ? by + l : l));
/** Lines that print a value, or the exception it raises as `TypeName: message`. */
const guarded = (stmts) => ["try:", ...indent(stmts), "except Exception as e:", "    print(type(e).__name__ + ':', e)"];

/** A snippet: `make(n)` gives its lines with names suffixed by n; `needs` the prelude parts it uses. */
const snip = (kind, needs, make) => ({ kind, needs, make });
/** Rendering options: a KNOWN_DIFFERENCES flag set to true turns its feature on. */
let feature = () => false;

const exprSnippet = fc
  .array(fc.tuple(expr("any", 3), pick("print", "repr", "sep")), { minLength: 1, maxLength: 3 })
  .map((items) => snip("expr", [], () => items.flatMap(([e, how]) => guarded([how === "repr" ? `print(repr(${e}))` : how === "sep" ? `print(${e}, ${e}, sep='|')` : `print(${e})`]))));

// Fresh objects the program alone refers to (no constants, no cached or interned values).
const freshObject = pick("[]", "[1, 2, 3]", "{}", "{'k': []}", "C()", "object()", "int('123456789012345')", "float('2.5') * 3", "(1, [2])", "set()", "''.join(['ab', 'cd'])", "bytearray(b'xy')", "lambda: 0", "D('r')");
const refOps = pick("alias", "list", "dict", "tuple", "attr", "del-alias", "clear-list", "call", "closure");
const refcountSnippet = fc.tuple(freshObject, fc.array(refOps, { maxLength: 6 })).map(([obj, ops]) =>
  snip("refcount", ["C", "D"], (n) => {
    const x = `x${n}`;
    const lines = [`${x} = ${obj}`, `h${n} = []`, `print(sys.getrefcount(${x}))`];
    let aliases = 0;
    for (const op of ops) {
      if (op === "alias") lines.push(`a${n}_${aliases++} = ${x}`);
      else if (op === "del-alias") lines.push(aliases ? `del a${n}_${--aliases}` : `h${n}.append(${x})`);
      else if (op === "list") lines.push(`h${n}.append(${x})`);
      else if (op === "dict") lines.push(`g${n} = {'k': ${x}, 'j': ${x}}`);
      else if (op === "tuple") lines.push(`t${n} = (${x}, ${x}, 1)`);
      else if (op === "attr") lines.push(`c${n} = C()`, `c${n}.v = ${x}`);
      else if (op === "clear-list") lines.push(`h${n}.clear()`);
      else if (op === "call") lines.push(`print((lambda o: sys.getrefcount(o))(${x}))`);
      else if (op === "closure") lines.push(`f${n} = (lambda o: lambda: o)(${x})`);
      lines.push(`print(sys.getrefcount(${x}))`);
    }
    return lines;
  }),
);

const sizeofSnippet = fc
  .oneof(
    fc.tuple(lit("list-append"), smallNat(40)),
    fc.tuple(lit("list-mul"), smallNat(40)),
    fc.tuple(lit("list-range"), smallNat(40)),
    fc.tuple(lit("list-comp"), smallNat(40)),
    fc.tuple(lit("list-pop"), smallNat(40)),
    fc.tuple(lit("dict-int"), smallNat(30)),
    fc.tuple(lit("dict-str"), smallNat(30)),
    fc.tuple(lit("set-add"), smallNat(40)),
    fc.tuple(lit("tuple"), smallNat(30)),
    fc.tuple(lit("int"), fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n })),
    fc.tuple(lit("str"), strLit, smallNat(30)),
    fc.tuple(lit("float"), floatLit),
    fc.tuple(lit("instance"), smallNat(8)),
    fc.tuple(lit("bytes"), smallNat(40)),
  )
  .map(([what, k, m]) =>
    snip("sizeof", ["C"], (n) => {
      const v = `s${n}`;
      switch (what) {
        case "list-append": return [`${v} = []`, `for i in range(${k}):`, `    ${v}.append(i)`, `    print(len(${v}), sys.getsizeof(${v}))`];
        case "list-mul": return [`${v} = [None] * ${k}`, `print(sys.getsizeof(${v}))`, `${v}.append(1)`, `print(sys.getsizeof(${v}))`];
        case "list-range": return [`${v} = list(range(${k}))`, `print(sys.getsizeof(${v}))`, `${v}.extend(range(3))`, `print(sys.getsizeof(${v}))`];
        case "list-comp": return [`${v} = [i for i in range(${k})]`, `print(sys.getsizeof(${v}))`];
        case "list-pop": return [`${v} = list(range(${k}))`, `while ${v}:`, `    ${v}.pop()`, `    print(len(${v}), sys.getsizeof(${v}))`];
        case "dict-int": return [`${v} = {}`, `for i in range(${k}):`, `    ${v}[i] = i`, `    print(len(${v}), sys.getsizeof(${v}))`];
        case "dict-str": return [`${v} = {}`, `for i in range(${k}):`, `    ${v}['k' + str(i)] = i`, `    print(len(${v}), sys.getsizeof(${v}))`];
        case "set-add": return [`${v} = set()`, `for i in range(${k}):`, `    ${v}.add(i)`, `    print(len(${v}), sys.getsizeof(${v}))`];
        case "tuple": return [`${v} = tuple(range(${k}))`, `print(sys.getsizeof(${v}), sys.getsizeof(${v}[:${k} // 2]))`];
        case "int": return [`print(sys.getsizeof(${paren(String(k))}), sys.getsizeof(${paren(String(k))} * 7 + 1))`];
        case "str": return [`print(sys.getsizeof(${k}), sys.getsizeof(${k} * ${m}))`];
        case "float": return [`print(sys.getsizeof(${k}))`];
        case "instance": return [`${v} = C()`, `print(sys.getsizeof(${v}))`, ...Array.from({ length: k }, (_, i) => `${v}.a${i} = ${i}`), `print(sys.getsizeof(${v}), sys.getsizeof(${v}.__dict__), len(${v}.__dict__))`];
        case "bytes": return [`print(sys.getsizeof(b'x' * ${k}), sys.getsizeof(bytearray(${k})))`];
      }
      return [];
    }),
  );

// Reference cycles of k objects, some with __del__ or a weakref with a callback, then collected.
const cyclesSnippet = fc
  .record({
    kind: pick("list", "instance", "dict", "del-instance", "mixed"),
    size: fc.integer({ min: 1, max: 4 }),
    weak: fc.boolean(),
    callback: fc.boolean(),
    gen: pick("", "0", "1", "2"),
    keepOne: fc.boolean(),
  })
  .map(({ kind, size, weak, callback, gen, keepOne }) =>
    snip("cycles", ["C", "D"], (n) => {
      const name = (i) => `o${n}_${i}`;
      const lines = [`gc.collect()`];
      for (let i = 0; i < size; i++) {
        const k = kind === "mixed" ? ["list", "instance", "dict", "del-instance"][i % 4] : kind;
        lines.push(`${name(i)} = ${k === "list" ? "[]" : k === "dict" ? "{}" : k === "instance" ? "C()" : `D('c${n}_${i}')`}`);
      }
      for (let i = 0; i < size; i++) {
        const k = kind === "mixed" ? ["list", "instance", "dict", "del-instance"][i % 4] : kind;
        const next = name((i + 1) % size);
        lines.push(k === "list" ? `${name(i)}.append(${next})` : k === "dict" ? `${name(i)}['next'] = ${next}` : `${name(i)}.next = ${next}`);
      }
      // lists and dicts cannot be weakly referenced: the weakref goes to the first instance, if any
      const kinds = Array.from({ length: size }, (_, i) => (kind === "mixed" ? ["list", "instance", "dict", "del-instance"][i % 4] : kind));
      const target = kinds.findIndex((k) => k.endsWith("instance"));
      weak &&= target >= 0;
      if (weak) lines.push(callback ? `w${n} = weakref.ref(${name(target)}, lambda r: print('callback ${n}'))` : `w${n} = weakref.ref(${name(target)})`);
      if (keepOne) lines.push(`k${n} = ${name(size - 1)}`);
      lines.push(`del ${Array.from({ length: size }, (_, i) => name(i)).join(", ")}`);
      lines.push(`print(gc.collect(${gen}))`);
      if (weak) lines.push(`print(w${n}() is None)`);
      if (keepOne) lines.push(`del k${n}`, `print(gc.collect())`);
      return lines;
    }),
  );

const allocOps = pick("[]", "{}", "C()", "(1, [])", "[[], []]", "D('g')", "lambda: 1", "{1, 2}", "tuple([1, 2])");
const gcCountSnippet = fc
  .array(fc.tuple(allocOps, fc.boolean()), { maxLength: 8 })
  .map((allocs) =>
    snip("gc-count", ["C", "D"], (n) => {
      const lines = [`gc.collect()`, `print(gc.get_count())`, `m${n} = []`];
      for (const [obj, keep] of allocs) {
        lines.push(keep ? `m${n}.append(${obj})` : `${obj}`);
        lines.push(`print(gc.get_count())`);
      }
      lines.push(`del m${n}`, `print(gc.get_count())`);
      return lines;
    }),
  );

// Automatic collections: after gc.collect(), a loop allocates containers (kept, dropped, or cyclic
// garbage with __del__) past the 700 threshold; counts and finalizer output show when gen-0/1
// collections ran. Well under the ~7,700 allocations an automatic generation-2 collection needs.
const autoGcSnippet = fc.record({ n: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 600, max: 2000 })), body: pick("keep", "drop", "cycle", "del-cycle", "mixed"), every: fc.integer({ min: 1, max: 400 }), threshold: fc.option(fc.integer({ min: 100, max: 900 }), { freq: 3 }) }).map(({ n, body, every, threshold }) =>
  snip("auto-gc", ["D"], (k) => {
    const keep = `ag${k}`;
    const lines = [];
    if (threshold !== null) lines.push(`gc.set_threshold(${threshold})`);
    lines.push(`gc.collect()`, `${keep} = []`, `for i in range(${n}):`);
    if (body === "keep") lines.push(`    ${keep}.append([])`);
    else if (body === "drop") lines.push(`    x = {}`);
    else if (body === "cycle") lines.push(`    x = []`, `    x.append(x)`);
    else if (body === "del-cycle") lines.push(`    if i % ${every} == 0:`, `        x = D(i)`, `        x.me = x`, `    else:`, `        y = (i, [])`);
    else lines.push(`    ${keep}.append((i, []))`, `    if i % ${every} == 0:`, `        print(i, gc.get_count())`);
    lines.push(`print(gc.get_count())`, `del ${keep}`, `print(gc.collect(), gc.get_count())`);
    if (threshold !== null) lines.push(`gc.set_threshold(700, 10, 10)`);
    return lines;
  }),
);

const trackedExprs = pick("(1, 2)", "(1, [])", "tuple([1, 2])", "tuple(['a', 'b'])", "(1, 'a', None)", "{}", "{'a': 1}", "{'a': []}", "{1: (2, 3)}", "dict(a=1)", "[]", "C()", "1", "'x'", "set()", "frozenset([1])", "object()", "(lambda: 0)", "[1, 2][:]", "((1, 2), 3)", "(x for x in [])");
const isTrackedSnippet = fc.array(fc.tuple(trackedExprs, fc.boolean()), { minLength: 1, maxLength: 5 }).map((items) =>
  snip("is-tracked", ["C"], (n) => {
    const lines = [];
    items.forEach(([e, collect], i) => {
      lines.push(`t${n}_${i} = ${e}`, `print(gc.is_tracked(t${n}_${i}))`);
      if (collect) lines.push(`gc.collect()`, `print(gc.is_tracked(t${n}_${i}))`);
    });
    return lines;
  }),
);

// Free lists: a freed list/dict/tuple/float is what the next one of its kind gets.
const reusePairs = pick(
  ["[1, 2]", "[]"], ["[]", "[3]"], ["{}", "{'a': 1}"], ["{'b': 2}", "{}"], ["tuple([1, 2])", "tuple([3, 4])"],
  ["tuple([1, 2])", "tuple([3, 4, 5])"], ["float('1.5')", "float('2.5')"], ["float('1.5') + 1", "3.5 * float('2')"],
  ["C()", "C()"], ["[1] * 3", "list(range(2))"], ["set()", "set()"],
);
const idReuseSnippet = fc.array(fc.tuple(reusePairs, fc.boolean()), { minLength: 1, maxLength: 4 }).map((pairs) =>
  snip("id-reuse", ["C"], (n) => {
    const lines = [];
    pairs.forEach(([[a, b], viaDel], i) => {
      lines.push(`p${n}_${i} = ${a}`, `i${n}_${i} = id(p${n}_${i})`);
      lines.push(viaDel ? `del p${n}_${i}` : `p${n}_${i} = None`);
      lines.push(`q${n}_${i} = ${b}`, `print(id(q${n}_${i}) == i${n}_${i})`);
    });
    return lines;
  }),
);

const identityPairs = pick(
  ["int('7')", "7"], ["int('256')", "256"], ["int('257')", "257"], ["int('-5')", "-5"], ["int('-6')", "-6"],
  ["'hello'", "'hel' + 'lo'"], ["''.join(['he', 'llo'])", "'hello'"], ["sys.intern(''.join(['he', 'llo']))", "'hello'"],
  ["tuple()", "()"], ["(1, 2)", "(1, 2)"], ["'a' * 3", "'aaa'"], ["str(5)", "'5'"], ["'%d' % 5", "'5'"],
  ["'abc'[0]", "'a'"], ["chr(97)", "'a'"], ["frozenset()", "frozenset()"], ["b''", "bytes()"], ["1.5", "1.5"],
  ["None", "type(None)()"], ["[]", "[]"], ["'x y'", "'x y'"], ["'é'", "'é'"], ["10 ** 3", "1000"], ["2 ** 70", "2 ** 70"],
  ["True", "bool(1)"], ["''", "str()"], ["'ab'[:]", "'ab'"], ["(1,) * 0", "()"],
);
const identitySnippet = fc.array(identityPairs, { minLength: 1, maxLength: 5 }).map((pairs) =>
  snip("identity", [], (n) => pairs.flatMap(([a, b], i) => [`l${n}_${i} = ${a}`, `r${n}_${i} = ${b}`, `print(l${n}_${i} is r${n}_${i}, id(l${n}_${i}) == id(r${n}_${i}), l${n}_${i} == r${n}_${i})`])),
);

// Finalizer order: D instances in containers, released by different operations.
const delOps = pick("pop", "pop0", "clear", "del-slice", "del-item", "reassign-list", "del-list", "dict-pop", "dict-clear", "del-dict", "tuple-del", "slice-assign", "sort", "reverse", "rebind");
const delOrderSnippet = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.array(delOps, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([k, ops, leave]) =>
  snip("del-order", ["D"], (n) => {
    const tags = (p) => Array.from({ length: k }, (_, i) => `D('${p}${n}${i}')`).join(", ");
    const lines = [];
    ops.forEach((op, j) => {
      const l = `z${n}_${j}`;
      lines.push(`print('-- ${op}')`);
      if (op.startsWith("dict") || op === "del-dict") lines.push(`${l} = {i: d for i, d in enumerate([${tags("d" + j)}])}`);
      else if (op === "tuple-del") lines.push(`${l} = (${tags("t" + j)},)`);
      else lines.push(`${l} = [${tags("l" + j)}]`);
      switch (op) {
        case "pop": lines.push(`${l}.pop()`); break;
        case "pop0": lines.push(`${l}.pop(0)`); break;
        case "clear": lines.push(`${l}.clear()`); break;
        case "del-slice": lines.push(`del ${l}[1:]`); break;
        case "del-item": lines.push(`del ${l}[0]`); break;
        case "reassign-list": lines.push(`${l} = []`); break;
        case "del-list": case "del-dict": case "tuple-del": lines.push(`del ${l}`); break;
        case "dict-pop": lines.push(`${l}.pop(0)`); break;
        case "dict-clear": lines.push(`${l}.clear()`); break;
        case "slice-assign": lines.push(`${l}[:2] = [D('new${n}')]`); break;
        case "sort": lines.push(`${l}.sort(key=lambda d: d.tag, reverse=True)`, `${l}.pop()`); break;
        case "reverse": lines.push(`${l}.reverse()`, `del ${l}[:2]`); break;
        case "rebind": lines.push(`${l} = ${l}[1:]`); break;
      }
      lines.push(`print('-- end ${op}')`);
      if (!leave && !["del-list", "del-dict", "tuple-del"].includes(op)) lines.push(`del ${l}`);
    });
    return lines;
  }),
);

const weakrefSnippet = fc.record({ target: pick("C()", "D('w')", "set()", "(lambda: 0)", "C"), callback: fc.boolean(), proxy: fc.boolean(), release: pick("del", "rebind", "cycle") }).map(({ target, callback, proxy, release }) =>
  snip("weakref", ["C", "D"], (n) => {
    const o = `wo${n}`;
    const lines = [];
    if (target === "C") lines.push(`class W${n}:`, `    pass`, `${o} = W${n}`);
    else lines.push(`${o} = ${target}`);
    lines.push(callback ? `r${n} = weakref.ref(${o}, lambda r: print('cb ${n}', r() is None))` : `r${n} = weakref.ref(${o})`);
    lines.push(`print(r${n}() is ${o}, weakref.getweakrefcount(${o}))`);
    if (proxy && target !== "C" && target !== "(lambda: 0)") lines.push(`p${n} = weakref.proxy(${o})`, `print(weakref.getweakrefcount(${o}))`);
    if (release === "cycle" && target !== "C") lines.push(`${o}_h = [${o}]`, `${o}_h.append(${o}_h)`, `del ${o}_h`);
    if (release === "rebind") lines.push(`${o} = None`);
    else lines.push(`del ${o}`);
    lines.push(`print(r${n}() is None)`, `print(gc.collect() >= 0, r${n}() is None)`);
    return lines;
  }),
);

const containerOps = {
  list: ["append(7)", "extend([1, 2])", "insert(0, 'a')", "insert(-1, 9)", "pop()", "pop(0)", "remove(7)", "reverse()", "sort()", "clear()", "[1:2] = [5, 6, 7]", "[:] = []", "*= 2", "+= [3]", "[0] = 'z'", "count(1)", "index(2)", "copy()"],
  dict: ["['a'] = 1", "[1] = 'one'", "pop('a', None)", "setdefault('b', [])", "update({'c': 3})", "clear()", "popitem()", "get('a')", "|= {'z': 0}", "copy()", "keys()", "items()"],
  set: ["add(3)", "discard(3)", "remove(1)", "pop()", "update([1, 2, 8])", "clear()", "|= {4}", "&= {1, 2, 4}", "-= {2}", "^= {5}"],
};
const containersSnippet = fc
  .constantFrom("list", "dict", "set")
  .chain((kind) => fc.tuple(fc.constant(kind), fc.array(pick(...containerOps[kind]), { minLength: 1, maxLength: 8 })))
  .map(([kind, ops]) =>
    snip("containers", [], (n) => {
      const c = `k${n}`;
      const init = kind === "list" ? "[1, 2, 7]" : kind === "dict" ? "{'a': 0, 2: 'two'}" : "{1, 2, 3}";
      const lines = [`${c} = ${init}`, `${c}_id = id(${c})`, `${c}_alias = ${c}`];
      for (let op of ops) {
        const stmt = op.startsWith("[") ? `${c}${op}` : /^[|&^+*-]=|^[*+|&^-]=/.test(op) ? `${c} ${op}` : `print(${c}.${op})`;
        lines.push(...guarded([stmt]));
        const shown = kind === "set" ? `sorted(${c})` : kind === "dict" && ops.includes("keys()") ? `list(${c})` : c;
        lines.push(`print(${shown}, len(${c}), id(${c}) == ${c}_id, ${c} is ${c}_alias, sys.getsizeof(${c}))`);
      }
      return lines;
    }),
  );

const closureSnippet = fc.record({ start: fc.integer({ min: -3, max: 10 }), calls: smallNat(4), late: fc.boolean() }).map(({ start, calls, late }) =>
  snip("closure", [], (n) => {
    const lines = [
      `def make${n}(start):`,
      `    count = start`,
      `    def inc(by=1):`,
      `        nonlocal count`,
      `        count += by`,
      `        return count`,
      `    return inc`,
      `f${n} = make${n}(${start})`,
      ...Array.from({ length: calls }, (_, i) => `print(f${n}(${i}), f${n}.__closure__[0].cell_contents)`),
      `print(f${n}.__name__, f${n}.__qualname__, len(f${n}.__closure__))`,
    ];
    if (late) lines.push(`fs${n} = [lambda: i for i in range(3)]`, `print([g() for g in fs${n}])`, `fs${n} = [lambda i=i: i for i in range(3)]`, `print([g() for g in fs${n}])`);
    return lines;
  }),
);

const generatorSnippet = fc.record({ k: smallNat(5), mode: pick("list", "next", "send", "close", "return", "expr", "from") }).map(({ k, mode }) =>
  snip("generator", [], (n) => {
    const lines = [
      `def gen${n}(k):`,
      `    try:`,
      `        for i in range(k):`,
      `            got = yield i * i`,
      `            if got is not None:`,
      `                print('got', got)`,
      `        return 'done'`,
      `    finally:`,
      `        print('finally ${n}')`,
      `g${n} = gen${n}(${k})`,
      `print(gc.is_tracked(g${n}), type(g${n}).__name__)`,
    ];
    if (mode === "list") lines.push(`print(list(g${n}))`);
    else if (mode === "next") lines.push(...guarded([`print(next(g${n}))`, `print(next(g${n}))`]), `print(next(g${n}, 'end'))`);
    else if (mode === "send") lines.push(...guarded([`print(next(g${n}))`, `print(g${n}.send('x'))`, `print(g${n}.send('y'))`]));
    else if (mode === "close") lines.push(...guarded([`print(next(g${n}))`]), `g${n}.close()`, `print('closed')`);
    else if (mode === "return") lines.push(`while True:`, `    try:`, `        next(g${n})`, `    except StopIteration as e:`, `        print('stop', e.value)`, `        break`);
    else if (mode === "expr") lines.push(`print(sum(x for x in g${n}), [y for y in gen${n}(2)])`);
    else if (mode === "from") lines.push(`def outer${n}():`, `    r = yield from gen${n}(${k})`, `    print('result', r)`, `print(list(outer${n}()))`);
    lines.push(`del g${n}`);
    return lines;
  }),
);

const classesSnippet = fc.record({ x: intLit, y: strLit, variant: pick("repr", "eq", "inherit", "slots", "property", "classattr", "dunder") }).map(({ x, y, variant }) =>
  snip("classes", [], (n) => {
    const K = `K${n}`;
    const lines = [`class ${K}:`, `    kind = 'base'`, `    def __init__(self, x, y):`, `        self.x = x`, `        self.y = y`];
    if (variant === "repr") lines.push(`    def __repr__(self):`, `        return f'${K}({self.x!r}, {self.y!r})'`);
    if (variant === "eq") lines.push(`    def __eq__(self, other):`, `        return isinstance(other, ${K}) and self.x == other.x`, `    __hash__ = None`);
    if (variant === "property") lines.push(`    @property`, `    def both(self):`, `        return (self.x, self.y)`);
    if (variant === "dunder") lines.push(`    def __len__(self):`, `        return 3`, `    def __add__(self, other):`, `        return ${K}(self.x, other)`, `    def __getitem__(self, i):`, `        return i * 2`);
    if (variant === "slots") lines.splice(1, 0, `    __slots__ = ('x', 'y')`);
    lines.push(`o${n} = ${K}(${x}, ${y})`);
    if (variant === "repr") lines.push(`print(o${n}, [o${n}], str(o${n}))`);
    else if (variant === "eq") lines.push(`print(o${n} == ${K}(${x}, 0), o${n} == 1, o${n} != ${K}(1, 2))`, ...guarded([`print(hash(o${n}))`]));
    else if (variant === "inherit") lines.push(`class S${n}(${K}):`, `    kind = 'sub'`, `    def __init__(self, x):`, `        super().__init__(x, 'sub')`, `s${n} = S${n}(${x})`, `print(s${n}.x, s${n}.y, s${n}.kind, ${K}.kind, isinstance(s${n}, ${K}), S${n}.__mro__[1] is ${K}, S${n}.__name__)`);
    else if (variant === "slots") lines.push(`print(o${n}.x, o${n}.y, hasattr(o${n}, '__dict__'))`, ...guarded([`o${n}.z = 1`]), `print(sys.getsizeof(o${n}))`);
    else if (variant === "property") lines.push(`print(o${n}.both)`, ...guarded([`o${n}.both = 1`]));
    else if (variant === "classattr") lines.push(`${K}.kind = 'changed'`, `print(o${n}.kind, vars(o${n}), getattr(o${n}, 'missing', 'dflt'))`, ...guarded([`print(o${n}.missing)`]));
    else if (variant === "dunder") lines.push(`print(len(o${n}), (o${n} + 5).y, o${n}[4])`, ...guarded([`print(o${n} - 1)`]));
    return lines;
  }),
);

const excKinds = pick("ValueError('bad')", "KeyError('k')", "TypeError()", "ZeroDivisionError", "IndexError(1, 2)", "RuntimeError('r')", "E{n}('custom')", "StopIteration(3)", "AttributeError('a')");
const exceptionsSnippet = fc.record({ exc: excKinds, shape: pick("basic", "finally", "else", "chain", "reraise", "nested", "args", "tb"), handler: pick("Exception", "ValueError", "(KeyError, TypeError)", "LookupError", "BaseException") }).map(({ exc, shape, handler }) =>
  snip("exceptions", [], (n) => {
    const ex = exc.replace("{n}", String(n));
    const call =
      shape === "nested" ? ["try:", `    boom${n}()`, "finally:", "    print('inner finally')"]
      : shape === "chain" ? ["try:", `    boom${n}()`, "except BaseException as inner:", "    raise RuntimeError('outer') from inner"]
      : [`boom${n}()`];
    const body = ["try:", ...indent(call), `except ${handler} as e:`, "    print('caught', type(e).__name__, repr(e), e.args, str(e))"];
    if (shape === "chain") body.push("    print(type(e.__cause__).__name__, e.__suppress_context__)");
    if (shape === "tb") body.push("    print(e.__traceback__.tb_lineno > 0, e.__traceback__.tb_next is not None)");
    if (shape === "reraise") body.push("    raise");
    if (shape === "else") body.push("else:", "    print('else')");
    if (shape === "finally" || shape === "nested") body.push("finally:", "    print('finally')");
    // a handler that does not match lets the exception out: the outer handler reports it
    return [`class E${n}(Exception):`, "    pass", `def boom${n}():`, `    raise ${ex}`, "try:", ...indent(body), "except BaseException as e2:", "    print('outer', type(e2).__name__, e2)"];
  }),
);

const fstringSnippet = fc.array(fc.tuple(fc.oneof(intLit, floatLit, strLit), pick("", "!r", "!s", "!a", ":>10", ":<8", ":^9", ":*^11", ":+", ":010", ":<06", ":.3", ":,", ":_", ":_x", ":x", ":e", ":%", ":.2f", ":z.1f", ":g", ":=^7", "=")), { minLength: 1, maxLength: 4 }).map((items) =>
  snip("fstring", [], (n) =>
    items.flatMap(([v, spec], i) => {
      const name = `v${n}_${i}`;
      const field = spec === "=" ? `{${name}=}` : `{${name}${spec}}`;
      return [`${name} = ${v}`, ...guarded([`print(f'[${field}] [{${name}!r:>12}] {len(str(${name}))}')`])];
    }),
  ),
);

// copy.copy / copy.deepcopy of a small graph of lists, tuples, dicts and instances (shared children,
// optionally a cycle): which parts are shared with the original, refcounts, what a collection frees.
const copyNode = fc.record({ kind: pick("list", "tuple", "dict", "instance"), children: fc.array(fc.oneof(fc.nat(), fc.integer({ min: -3, max: 300 }).map((v) => ({ leaf: v }))), { maxLength: 3 }) });
const copySnippet = fc.record({ nodes: fc.array(copyNode, { minLength: 1, maxLength: 5 }), deep: fc.boolean(), cycle: fc.boolean(), drop: fc.boolean() }).map(({ nodes, deep, cycle, drop }) =>
  snip("copy", ["C", "copy"], (n) => {
    const name = (i) => `c${n}_${i}`;
    const lines = [];
    // each child names an earlier node (by index modulo how many there are) or is an int leaf
    const access = [];
    nodes.forEach((node, i) => {
      const kids = node.children.map((c) => (typeof c === "number" ? (i ? { node: c % i } : { leaf: c }) : c));
      const src = kids.map((c) => ("node" in c ? name(c.node) : paren(String(c.leaf))));
      if (node.kind === "list") lines.push(`${name(i)} = [${src.join(", ")}]`);
      else if (node.kind === "tuple") lines.push(`${name(i)} = (${src.join(", ")}${src.length === 1 ? "," : ""})`);
      else if (node.kind === "dict") lines.push(`${name(i)} = {${src.map((x, j) => `'k${j}': ${x}`).join(", ")}}`);
      else lines.push(`${name(i)} = C()`, ...src.map((x, j) => `${name(i)}.a${j} = ${x}`));
      access[i] = kids.map((c, j) => ({ c, path: node.kind === "dict" ? `['k${j}']` : node.kind === "instance" ? `.a${j}` : `[${j}]` }));
    });
    const root = nodes.length - 1;
    const rootKind = nodes[root].kind;
    if (cycle && rootKind !== "tuple") lines.push(rootKind === "list" ? `${name(root)}.append(${name(root)})` : rootKind === "dict" ? `${name(root)}['self'] = ${name(root)}` : `${name(root)}.me = ${name(root)}`);
    const y = `y${n}`;
    lines.push(`${y} = copy.${deep ? "deepcopy" : "copy"}(${name(root)})`);
    const checks = [`${y} is ${name(root)}`, `type(${y}).__name__`];
    const kids = access[root].filter(({ c }) => "node" in c);
    for (const { c, path } of kids) checks.push(`${y}${path} is ${name(c.node)}`);
    // a deep copy copies a shared child once (its memo): two paths to it stay one object
    for (let j = 1; j < kids.length; j++) checks.push(`${y}${kids[j - 1].path} is ${y}${kids[j].path}`);
    lines.push(`print(${checks.join(", ")})`);
    if (cycle && rootKind !== "tuple") lines.push(`print(${rootKind === "list" ? `${y}[-1] is ${y}` : rootKind === "dict" ? `${y}['self'] is ${y}` : `${y}.me is ${y}`})`);
    nodes.forEach((node, i) => {
      // not of tuples: () is a shared singleton, a tuple of constants is a constant
      if (node.kind !== "tuple") lines.push(`print(sys.getrefcount(${name(i)}))`);
    });
    if (drop) lines.push(`gc.collect()`, `del ${y}`, `print(gc.collect())`, `del ${nodes.map((_, i) => name(i)).join(", ")}`, `print(gc.collect())`);
    return lines;
  }),
);

// Ends the program: an exception nobody catches (traceback on stderr, exit status 1).
const uncaughtSnippet = fc.record({ exc: pick("ValueError('bad value')", "KeyError('key')", "ZeroDivisionError('x')", "RuntimeError", "E('mine')"), via: pick("raise", "call", "index", "div", "attr", "chain", "key") }).map(({ exc, via }) =>
  snip("uncaught", [], () => {
    const pre = [`class E(Exception):`, `    pass`];
    switch (via) {
      case "raise": return [...pre, `raise ${exc}`];
      case "call": return [...pre, `def inner():`, `    raise ${exc}`, `def outer(x):`, `    return inner() + x`, `outer(1)`];
      case "index": return [`items = [1, 2, 3]`, `print(items[1] * items[5])`];
      case "div": return [`def ratio(a, b):`, `    return a / b`, `print(ratio(1, 0))`];
      case "attr": return [`value = 5`, `value.missing`];
      case "key": return [`table = {'a': 1}`, `print(table['b'])`];
      case "chain": return [...pre, `try:`, `    raise ${exc}`, `except Exception as e:`, `    raise TypeError('again')`];
    }
    return [];
  }),
);

const SNIPPETS = {
  expr: exprSnippet, refcount: refcountSnippet, sizeof: sizeofSnippet, cycles: cyclesSnippet, "gc-count": gcCountSnippet,
  "is-tracked": isTrackedSnippet, "id-reuse": idReuseSnippet, identity: identitySnippet, "del-order": delOrderSnippet,
  weakref: weakrefSnippet, containers: containersSnippet, closure: closureSnippet, generator: generatorSnippet,
  classes: classesSnippet, exceptions: exceptionsSnippet, fstring: fstringSnippet, copy: copySnippet, "auto-gc": autoGcSnippet,
};

/**
 * The program arbitrary. `kinds`: snippet kinds to use (default all); `maxSnippets`: how many at most.
 * Values are `{ snippets, tail }`; `render()` turns one into source text.
 */
export function programArbitrary({ kinds = SNIPPET_KINDS, maxSnippets = 6, features = {} } = {}) {
  // expressions are spelled while generated, snippets while rendered: both read the same features
  feature = (name) => features[name] === true;
  const body = kinds.filter((k) => k in SNIPPETS).map((k) => SNIPPETS[k]);
  if (!body.length && !kinds.includes("uncaught")) throw new Error("no snippet kinds left to generate");
  const snippets = body.length ? fc.array(fc.oneof(...body), { minLength: 1, maxLength: maxSnippets }) : fc.constant([]);
  const tail = kinds.includes("uncaught") ? fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: uncaughtSnippet }) : fc.constant(null);
  return fc.record({ snippets, tail });
}

const PRELUDE = {
  C: ["class C:", "    pass"],
  D: ["class D:", "    def __init__(self, tag):", "        self.tag = tag", "    def __del__(self):", "        print('del', self.tag)"],
};

/** Source text of a generated program. */
export function render({ snippets, tail }, features = {}) {
  feature = (name) => features[name] === true;
  const all = tail ? [...snippets, tail] : snippets;
  const needs = new Set(all.flatMap((s) => s.needs));
  const lines = [needs.has("copy") ? "import copy, gc, sys, weakref" : "import gc, sys, weakref", "gc.collect()"];
  for (const [name, def] of Object.entries(PRELUDE)) if (needs.has(name)) lines.push(...def);
  all.forEach((s, i) => lines.push(`# ${s.kind}`, ...s.make(i)));
  return lines.join("\n") + "\n";
}
