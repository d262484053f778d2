/**
 * Subscripts and slices that read only the part they take: `s[i]`, `s[a:b:c]` and `iter(s)` on strs of
 * every kind (ASCII, latin-1, UCS-2 with lone low surrogates, UCS-4), list and tuple slices read item by item
 * — the same values, kinds, refcounts, ids, errors and tracebacks as python3, untraced and traced.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-slice-part-");

/** run()'s wall-clock limit for the long programs here (its default is 10 s): a loaded machine must not end a
 *  run before its output is compared. */
const LONG_RUN_MS = 60_000;

describe("subscripts and slices read only what they take", () => {
  it("str: indexes, slices with steps, bounds past either end, empty results, every kind", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "str-slices",
      `import sys
strs = ["", "a", "hello, world", "caf\\xe9 \\xff\\xe0", "\\u0100\\u20acx" * 7, "a\\U0001f600b\\U00010000" * 5,
        "\\ude00z\\udc80\\u20ac", "\\udc80\\U0001f600", "x" * 40 + "\\xe9", "y" * 90 + "\\u4e00" * 90]
bounds = [None, 0, 1, 2, -1, -2, 5, -7, 17, 10 ** 20, -(10 ** 20), 2 ** 63, -(2 ** 63)]
steps = [None, 1, 2, 3, -1, -2, -5, 10 ** 20, -(10 ** 20)]
for s in strs:
    out = []
    for a in bounds:
        for b in bounds:
            for c in steps:
                out.append(s[a:b:c])
    print(len(s), len(out), [len(x) for x in out[:60]])
    print(ascii(out[::37]))
    print(ascii([s[i] for i in range(-len(s), len(s))][:50]))
    print(max(map(ord, s), default=-1), [max(map(ord, x), default=-1) for x in out[:40:3]])
    print(ascii(list(s)[:30]), ascii("".join(reversed(s))[:30]))
long = "y" * 9000 + "\\u4e00" * 9000
print(ascii(long[8995:9005]), ascii(long[-3:]), long[9000:].isascii(), long[:9000].isascii(), len(long[::7]))
print(ascii(long[::-1001]), ascii(long[17999]), ascii(long[8999]), ascii(long[-9001]), ascii(long[9001:8990:-3]))
print(sys.getsizeof(long[:10]), sys.getsizeof(long[8999:9001]), sys.getsizeof(long[9000:9002]))
print(sys.getsizeof("caf\\xe9"[3]), sys.getsizeof("caf\\xe9"[:3]), sys.getsizeof("a\\U0001f600b"[::2]))
for s, k in (("abc", 3), ("abc", -4), ("", 0), ("\\U0001f600", 1), ("abc", 10 ** 30)):
    try:
        s[k]
    except IndexError as e:
        print("IndexError", e)
try:
    "abc"[::0]
except ValueError as e:
    print("ValueError", e)
try:
    "abc"["x"]
except TypeError as e:
    print("TypeError", e)
n = 0
for ch in "\\xe9t\\xe9 \\U0001f600!" * 3:
    n += ord(ch)
print(n, [ord(c) for c in iter("\\udc80\\ude00\\U0001f600")])
`,
      LONG_RUN_MS,
    );
  }, 3 * LONG_RUN_MS);

  it("str: one-character results are the cached ones, slices of a whole str the str itself, subclasses", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "str-identity",
      `import sys
s = "hello \\xe9\\u20ac"
print(s[0] is "h", s[6] is "\\xe9", s[0:1] is "h", s[1:2] is s[1], s[:] is s, s[::1] is s, s[0:100] is s)
print(s[7] is s[7], s[::-1] is s, s[:0] is "", s[5:2] is "")
class S(str):
    def __getitem__(self, k):
        return ("S", str.__getitem__(self, k))
class T(str):
    pass
print(S("abcdef")[1:4], S("abcdef")[-1], T("abcdef")[1:4], type(T("abcdef")[1:4]).__name__)
t = T("xyz\\u20ac")
print(t[:] is t, type(t[:]).__name__, t[::-1], t[3], [c for c in t])
r = sys.getrefcount(s)
parts = [s[i:i + 2] for i in range(0, len(s), 2)]
print(sys.getrefcount(s) - r, parts)
ids = []
for k in range(4):
    a = s[1:5]
    ids.append(id(a))
    b = (k, k)
    ids.append(id(b))
    del a, b
print([x == y for x, y in zip(ids, ids[2:])])
`,
      LONG_RUN_MS,
    );
  }, 3 * LONG_RUN_MS);

  it("list and tuple slices: values, refcounts of the items, ids, subclasses, steps and bounds", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "seq-slices",
      `import sys
class X:
    def __repr__(self):
        return "X"
x = X()
xs = [x, 1, "a", None, x, 2.5, (1,), [2]] * 3
ts = tuple(xs)
bounds = [None, 0, 3, -1, -30, 30, 10 ** 20, -(10 ** 20)]
steps = [None, 1, 2, -1, -3, 10 ** 20]
r = sys.getrefcount(x)
kept = []
for seq in (xs, ts, [], ()):
    for a in bounds:
        for b in bounds:
            for c in steps:
                part = seq[a:b:c]
                kept.append(part)
print(sys.getrefcount(x) - r, len(kept), [len(p) for p in kept[::11]])
print([type(p).__name__ for p in kept[::97]], kept[5][:3] == xs[:3], ts[:] is ts, xs[:] is xs, ts[2:5])
del kept
print(sys.getrefcount(x) - r)
class L(list):
    def __getitem__(self, k):
        return ("L", list.__getitem__(self, k))
class M(list):
    pass
class U(tuple):
    pass
print(L([1, 2, 3])[1:], type(M([1, 2, 3])[1:]).__name__, M([1, 2, 3])[::-1], type(U((1, 2))[:]).__name__, U((1, 2, 3))[1:])
u = U((1, 2))
print(u[:] is u, u[0:2] is u)
ids = []
for k in range(4):
    a = xs[2:6]
    ids.append(id(a))
    b = [k]
    ids.append(id(b))
    del a, b
print([p == q for p, q in zip(ids, ids[2:])])
for seq in (xs, ts):
    try:
        seq[::0]
    except ValueError as e:
        print("ValueError", e)
    try:
        seq["a":]
    except TypeError as e:
        print("TypeError", e)
class I:
    def __index__(self):
        print("index")
        return 2
print(xs[I():4], ts[I()::I()])
`,
      LONG_RUN_MS,
    );
  }, 3 * LONG_RUN_MS);

  it("list indexes and slices whose __index__ changes the list: its length read after the call", () => {
    expectSameAsPython(
      cpython,
      "list-index-mutated",
      `class I:
    def __init__(self, f, v):
        self.f, self.v = f, v
    def __index__(self):
        self.f()
        return self.v
xs = list(range(10))
del xs[I(lambda: xs.clear(), 2):]
print(xs)
xs = list(range(10))
xs[I(lambda: xs.clear(), 3):8] = ["a"]
xs[I(lambda: xs.clear(), 1)::2] = []
print(xs)
xs = list(range(10))
del xs[I(lambda: xs.clear(), 1)::2]
xs += range(10)
xs[:I(lambda: xs.extend([7] * 5), 12)] = ["z"]
print(xs)
ys = [str(i) * 3 for i in range(10)]
print(ys[I(lambda: ys.__delitem__(slice(2, None)), 1):8], ys[I(lambda: ys.extend("abc"), 1):])
print(ys[I(lambda: ys.__delitem__(slice(3, None)), -1)])
zs = list(range(10))
zs[I(lambda: zs.__delitem__(slice(3, None)), -1)] = "set"
del zs[I(lambda: zs.__delitem__(slice(2, None)), -1)]
print(zs)
for op in (lambda: zs[I(zs.clear, 0)], lambda: zs.__setitem__(I(zs.clear, 0), 1), lambda: zs.__delitem__(I(zs.clear, 0))):
    zs[:] = range(10)
    try:
        op()
    except IndexError as e:
        print("IndexError", e, zs)
`,
    );
  });

  it("a failing slice index shows python3's traceback", () => {
    expectSameAsPython(cpython, "slice-traceback", `def f(s):\n    return s[1:"b"]\nprint("abc"[1:2])\nf("abcdef")\n`);
  });
});
