/**
 * The eval loop's fast paths against python3: one- and two-digit int arithmetic and comparisons read
 * straight from memory, LOAD_GLOBAL's version-tag cache, the type attribute cache, direct calls of builtins
 * and method descriptors, int indexes, len(str) and str.count. Each program runs in real python3 and in
 * `run()`, untraced and (but for the big int table) line-traced; the heap must be leak-free and consistent
 * afterwards. The programs change what the caches hold (rebinding globals and builtins, assigning and
 * deleting class attributes) to show that no stale entry is used.
 */
import { describe, expect, it } from "vitest";
import { cpythonRunner } from "./cpython.js";
import { run, runDetailed } from "../src/index.js";


const cpython = cpythonRunner("pyheap-fastpaths-");

// [name, program, also traced] (a traced run stops at its step budget: the big tables run untraced)
const cases: [string, string, boolean][] = [
  [
    "two-digit int results with spare digits: their blocks, as ids reused by later objects show",
    `import sys
def reuse():
    out = []
    big = 2**40
    for k in range(12):
        a = big + k
        ida = id(a)
        del a
        b = (big - 3) * 2 - k
        c = -big - k
        out.append((id(b) == ida, id(c) == ida, sys.getsizeof(b), sys.getsizeof(c)))
        del b, c
        d = [big * 3, big + big, 7 - big]
        e = 1.5 * k
        out.append((id(e) in [id(x) for x in d], len(d)))
    return out
print(reuse())
`,
    true,
  ],
  [
    "int arithmetic around the one- and two-digit limits",
    `import sys
vals = [0, 1, -1, 2, -3, 7, -7, 255, 256, 257, -5, -6, 1000, -1000, 2**29, 2**30 - 1, -(2**30 - 1), 2**30, -2**30,
        2**31 + 5, -(2**31), 12345678901, -98765432109, 2**52, -(2**52), 2**53 - 1, -(2**53 - 1), 2**53, 2**60 - 3, 2**61]
def table(vals):
    rows = []
    for a in vals:
        for b in vals:
            r = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a <= b, a == b, a != b, a > b, a >= b]
            if b:
                r += [a // b, a % b]
            x = a
            x += b
            x *= 3
            x -= b
            x %= 1000003
            r.append(x)
            rows.append(r)
    return rows
rows = table(vals)
print(len(rows), hash(tuple(tuple(r) for r in rows)) % 1000003)
print(rows[37], rows[-1])
def sizes():
    out = []
    for a in vals:
        for b in (1, -1, 2**30, 3, -(2**31)):
            out.append((sys.getsizeof(a + b), sys.getsizeof(a - b), sys.getsizeof(a * b)))
    return out
print(sizes())
s = 0
for i in range(3000):
    s += i * 400000
    s -= 7
print(s, sys.getsizeof(s), True + True, True & 3, -True, 3 // True, 7 % -2, -7 % 2, 0 * -5)
for bad in ("1 // 0", "1 % 0", "5 / 0", "2**30 % 0"):
    try:
        eval(bad)
    except ZeroDivisionError as e:
        print(bad, "->", e)
`,
    false,
  ],
  [
    "globals and builtins rebound while a cached LOAD_GLOBAL runs",
    `def use():
    return len([1, 2, 3]), K
K = 1
out = []
for i in range(6):
    out.append(use())
    if i == 1:
        K = "two"
    if i == 2:
        len = lambda x: -1
    if i == 3:
        del len
    if i == 4:
        import builtins
        builtins.len = lambda x: 42
print(out)
import builtins
del builtins.len
try:
    use()
except NameError as e:
    print("NameError:", e)
def missing():
    return undefined_name
for _ in range(2):
    try:
        missing()
    except NameError as e:
        print(e)
undefined_name = 5
print(missing())
`,
    true,
  ],
  [
    "class attributes changed after lookups were cached",
    `class A:
    def m(self):
        return "A.m"
    x = 1
class B(A):
    pass
b = B()
seen = []
for i in range(7):
    seen.append((b.m(), b.x, getattr(b, "y", None)))
    if i == 1:
        A.m = lambda self: "new A.m"
    if i == 2:
        B.m = lambda self: "B.m"
    if i == 3:
        del B.m
    if i == 4:
        A.y = "y"
        B.x = 2
    if i == 5:
        b.x = "instance"
print(seen)
class P:
    def __init__(self, v):
        self.v = v
ps = [P(i).v for i in range(3)]
def init2(self, v):
    self.v = v * 10
P.__init__ = init2
ps += [P(i).v for i in range(3)]
print(ps)
`,
    true,
  ],
  [
    "builtins, method descriptors and bound methods called positionally",
    `xs = []
for i in range(5):
    xs.append(i)
    xs.append(len(xs))
print(xs, list.append, xs.pop(), max(3, 9, 4), divmod(17, 5), "a,b".split(","), "".join(["x", "y"]))
app = xs.append
for i in range(3):
    app(-i)
print(xs)
try:
    len(1)
except TypeError as e:
    print(e)
try:
    list.append()
except TypeError as e:
    print(e)
def f(a, b):
    return a - b
print(f(5, 3), f(*[1, 2]), f(b=1, a=4))
class C:
    def m(self, k):
        return k * 2
c = C()
print([c.m(i) for i in range(4)], C.m(c, 5))
`,
    true,
  ],
  [
    "int indexes, len(str), str.count and truthiness",
    `l = list(range(10))
t = tuple(l)
print(l[-1], l[-10], l[3], t[-2], l[True], l[False], "abc"[-1])
for bad in (10, -11, 2**40, -2**40):
    try:
        l[bad]
    except IndexError as e:
        print(bad, e)
s = "abc7d77" * 3
print(len(s), len("h\\xe9llo"), len("\\U0001f600x"), len(""), s.count("7"), s.count("7", 2), s.count("7", 2, -3), s.count(""), s.count("", 5))
e = "x\\U0001f600y\\U0001f600"
print(e.count("\\U0001f600"), e.count(""), e.count("y", 2), e.count("", 1, 3), e.count("\\U0001f600", 2))
print([bool(v) for v in (0, 1, -1, 2**40, -(2**40), 0.0, "", "a")], not 0, not 2**40)
`,
    true,
  ],
  [
    "instance attribute loads and stores: class attributes, descriptors, __dict__, __slots__, __getattr__, __setattr__",
    `import sys
class P:
    def __init__(self, a):
        self.a = a
        self.b = a * 2000
def readall(objs):
    out = []
    for o in objs:
        try:
            out.append((o.a, o.b))
        except AttributeError as e:
            out.append(str(e))
    return out
ps = [P(i) for i in range(3)]
print(readall(ps), sys.getrefcount(ps[1].b), len(ps[0].__dict__))
P.a = property(lambda self: "prop", lambda self, v: print("set", v))
print(readall(ps))
for p in ps:
    p.a = 5
del P.a
print(readall(ps))
P.b = "class b"
print(readall(ps))
del ps[1].b
print(readall(ps), ps[1].__dict__)
del P.b
print(readall(ps))
ps[0].__dict__["z"] = 1
ps[0].a = 100
print(readall(ps), ps[0].__dict__)
class D:
    def __get__(self, o, t):
        return "from D"
    def __set__(self, o, v):
        print("D set", v)
class Q(P):
    pass
qs = [Q(1)]
print(readall(qs))
Q.b = D()
qs[0].b = 7
print(readall(qs))
P.a = D()
print(readall(qs + ps))
del P.a
del Q.b
print(readall(qs + ps))
class S:
    __slots__ = ("a", "b")
s = S()
s.a = 1
try:
    print(s.b)
except AttributeError as e:
    print(e)
s.b = 2
print(readall([s]))
class G(P):
    def __getattr__(self, name):
        return "missing " + name
g = G(3)
del g.b
print(readall([g]), g.zz)
class W(P):
    def __setattr__(self, name, v):
        print("W set", name, v)
        object.__setattr__(self, name, v * 10)
w = W(2)
w.c = 1
print(readall([w]), w.c)
class N:
    pass
n = N()
for i in range(40):
    setattr(n, "x%d" % i, i)
n.x5 = "five"
print(n.x5, n.x39, len(n.__dict__))
class M(type):
    pass
class K(metaclass=M):
    v = 1
K.w = 2
print(K.v, K.w)
def f():
    pass
f.attr = 3
print(f.attr)
e = ValueError("x")
e.note = "n"
print(e.note, e.args)
try:
    P(1).nothing
except AttributeError as e:
    print(e)
`,
    true,
  ],
];

describe("eval-loop fast paths: run() against python3", () => {
  for (const [name, source, traced] of cases) {
    it(name, () => {
      const fname = name.replace(/\W+/g, "-") + ".py";
      const want = cpython(fname, source);
      expect(want.stderr).toBe("");
      for (const trace of traced ? (["none", "line"] as const) : (["none"] as const)) {
        const { result, heap } = runDetailed(source, { filename: fname, trace });
        expect(result.stdout).toBe(want.stdout);
        expect(result.stderr).toBe(want.stderr);
        expect(heap.leaked).toEqual([]);
        expect(heap.check).toEqual({ ok: true });
      }
    });
  }
});

describe("step limit", () => {
  it("stops after exactly maxSteps instructions, at any limit", () => {
    const source = "i = 0\nwhile True:\n    i += 1\n";
    for (const maxSteps of [1, 7, 4095, 4096, 4097, 10000]) {
      const r = run(source, { limits: { maxSteps } });
      expect(r.outcome).toMatchObject({ status: "limit", limit: "steps" });
      expect(r.stats.steps).toBe(maxSteps + 1);
    }
  });
});
