/**
 * Attribute reads through a class's own __getattribute__ (with __getattr__ as the fallback, object's
 * generic lookup from inside, inheritance, methods, properties) and replacing an instance's __dict__,
 * against python3: each program runs in real python3 and in `run()`, untraced and line-traced; the heap must
 * be leak-free and consistent afterwards.
 */
import { describe, expect, it } from "vitest";
import { cpythonRunner } from "./cpython.js";
import { runDetailed } from "../src/index.js";


const cpython = cpythonRunner("pyheap-getattribute-");

const cases: [string, string][] = [
  [
    "__getattribute__ intercepts existing and missing attributes",
    `class A:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        print("get", name)
        if name == "x":
            return 42
        if name == "y":
            return "why"
        raise AttributeError(name)
a = A()
print(a.x, a.y)
try:
    a.z
except AttributeError as e:
    print("AE", e)
print(getattr(a, "x"), getattr(a, "q", "dflt"), hasattr(a, "y"), hasattr(a, "nope"))
for i in range(3):
    print(a.x + i)
`,
  ],
  [
    "object.__getattribute__ from inside, and __getattr__ as the fallback",
    `class B:
    def __init__(self):
        self.v = 5
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError("hidden " + name)
        return object.__getattribute__(self, name) * 2
    def __getattr__(self, name):
        return "fallback:" + name
b = B()
print(b.v, b.secret, b.missing)
try:
    object.__getattribute__(b, "missing")
except AttributeError as e:
    print("AE", e)
print(object.__getattribute__(b, "v"))
class C:
    def __getattribute__(self, name):
        raise KeyError(name)
    def __getattr__(self, name):
        return "never"
try:
    C().anything
except KeyError as e:
    print("KE", e)
`,
  ],
  [
    "inherited __getattribute__, methods and properties",
    `class Base:
    def __getattribute__(self, name):
        r = object.__getattribute__(self, name)
        if name == "meth":
            return lambda: "replaced"
        if isinstance(r, int):
            return r + 100
        return r
class D(Base):
    def __init__(self):
        self.n = 1
    def meth(self):
        return "original"
    def other(self, k):
        return k * 3
    @property
    def p(self):
        return 7
d = D()
print(d.n, d.meth(), d.other(2), d.p)
for i in range(3):
    print(d.meth(), d.n)
class E:
    def __getattribute__(self, name):
        return len(name)
e = E()
print(e.abc, e.method_name, e.__class__)
print(type(e).__name__)
`,
  ],
  [
    "replacing an instance's __dict__",
    `import sys, gc
class A:
    pass
a = A()
a.x = 1
a.y = [1, 2]
old = a.__dict__
d = {"z": 3, "w": "four"}
print(sys.getrefcount(d))
a.__dict__ = d
print(sys.getrefcount(d), a.__dict__ is d, sys.getrefcount(old))
print(a.z, a.w, hasattr(a, "x"), hasattr(a, "z"), vars(a))
a.k = 9
print(d)
del a.z
print(d, vars(a) is d)
try:
    a.x
except AttributeError as e:
    print("AE", e)
print(gc.is_tracked(d), d in gc.get_referents(a))
d["late"] = 5
print(a.late)
a.__dict__ = {}
print(sys.getrefcount(d), vars(a))
try:
    a.__dict__ = [1, 2]
except TypeError as e:
    print("TE", e)
for i in range(3):
    b = A()
    b.__dict__ = {"i": i}
    b.j = i * 2
    print(b.i, b.j, b.__dict__)
class S:
    __slots__ = ("s",)
s = S()
try:
    s.__dict__ = {}
except AttributeError as e:
    print("AE", e)
try:
    s.__dict__
except AttributeError as e:
    print("AE", e)
`,
  ],
  [
    "property errors, deleting __dict__, functions' __dict__ and vars() through __getattribute__",
    `import sys
class P:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, n):
        return "ga:" + n
print(P().p)
class Q:
    @property
    def p(self):
        raise AttributeError("inner")
try:
    Q().p
except AttributeError as e:
    print("AE", e)
class A:
    pass
a = A()
a.x = [1]
d = {"q": 1}
a.__dict__ = d
del a.__dict__
print(vars(a), sys.getrefcount(d), hasattr(a, "q"))
a.y = 2
print(vars(a), a.y)
class MyD(dict):
    pass
a.__dict__ = MyD(m=1)
print(a.m, type(a.__dict__).__name__)
def f():
    pass
fd = {"k": 1}
f.__dict__ = fd
print(f.k, f.__dict__ is fd, sys.getrefcount(fd))
f.j = 2
print(fd)
try:
    f.__dict__ = 3
except TypeError as e:
    print("TE", e)
class G:
    def __getattribute__(self, n):
        if n == "__dict__":
            return {"fake": 1}
        return object.__getattribute__(self, n)
g = G()
g.z = 3
print(vars(g), g.z)
try:
    vars(5)
except TypeError as e:
    print("TE", e)
`,
  ],
  [
    "__setattr__ before data descriptors, and object.__setattr__",
    `class A:
    @property
    def p(self): return 1
    @p.setter
    def p(self, v): print("setter", v)
    def __setattr__(self, n, v):
        print("setattr", n, v)
        object.__setattr__(self, n, v)
a = A()
a.p = 5
a.q = 6
print(a.q)
class N:
    __slots__ = ("a",)
    def __setattr__(self, n, v):
        print("N set", n)
        object.__setattr__(self, n, v)
nn = N()
nn.a = 1
try:
    nn.b = 2
except AttributeError as e:
    print("AE", e)
class W:
    pass
w = W()
object.__setattr__(w, "k", 4)
print(w.k, vars(w))
try:
    object.__setattr__(5, "k", 4)
except AttributeError as e:
    print("AE", e)
`,
  ],
];

describe("__getattribute__ and __dict__ assignment: run() against python3", () => {
  for (const [name, source] of cases) {
    it(name, () => {
      const fname = name.replace(/\W+/g, "-") + ".py";
      const want = cpython(fname, source);
      expect(want.stderr).toBe("");
      for (const trace of ["none", "line"] as const) {
        const { result, heap } = runDetailed(source, { filename: fname, trace });
        expect(result.stdout).toBe(want.stdout);
        expect(result.stderr).toBe(want.stderr);
        expect(heap.leaked).toEqual([]);
        expect(heap.check).toEqual({ ok: true });
      }
    });
  }
});
