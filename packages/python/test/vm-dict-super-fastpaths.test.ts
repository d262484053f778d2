/**
 * The eval loop's shorter paths for `d.get(k[, default])` on an exact dict (beside `d[k]` and `d[k] = v`)
 * and for a zero-argument `super()` in a method, and first assignments of instance attributes through slot
 * sites: the same results, refcounts, ids (free order of temporaries), __dict__ order and errors as
 * python3, untraced and traced, and the general paths for dict subclasses, classmethods, metaclasses, a
 * deleted self and instances with many attributes.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-dict-super-");

describe("dict.get on exact dicts in the eval loop", () => {
  it("subscripts, stores and get: values, defaults, refcounts, ids and subclasses", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "dict-subscr-get",
      `import sys
def fill(n):
    d = {}
    for i in range(n):
        d[i] = i * 1000
        d["k" + str(i)] = i
    return d
d = fill(40)
s = 0
for i in range(40):
    s += d[i] + d.get("k" + str(i), 0) + d.get(-i - 1, 7)
print(s, len(d), d.get(999), d.get("k3"), d.get(5, "x"))
v = object()
key = "some-key"
before = (sys.getrefcount(v), sys.getrefcount(key))
for k in range(3):
    d[key] = v
    w = d[key]
    g = d.get(key)
    h = d.get("absent", v)
print(sys.getrefcount(v) - before[0], sys.getrefcount(key) - before[1], w is v, g is v, h is v)
ids = []
for k in range(5):
    t = [k] * 3
    e = {}
    e[k] = t
    ids.append(id(e.get(k)) == id(t))
    del e
print(ids)
class D(dict):
    def __missing__(self, k):
        return ("missing", k)
    def get(self, k, default=None):
        return ("D.get", k, default)
class E(dict):
    def __getitem__(self, k):
        return ("E", k)
dd, ee = D(a=1), E()
for i in range(3):
    ee[i] = i
    print(dd["a"], dd["zz"], dd.get("a"), ee[i], dict.get(ee, i), ee.get(i, 0))
g = d.get
print(g(1), g("nope", "dflt"), dict.get(d, 2))
`,
    );
  });

  it("errors: missing keys, unhashable keys, wrong argument counts, a raising __eq__", () => {
    expectSameAsPython(
      cpython,
      "dict-subscr-errors",
      `d = {1: "a", "k": "b"}
class K:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        raise ValueError("eq called")
d[K(hash("zz"))] = 1
for f in [lambda: d[2], lambda: d[[1]], lambda: d.get([1]), lambda: d.get(), lambda: d.get(1, 2, 3),
          lambda: d.get("zz"), lambda: d["zz"], lambda: d.__setitem__([1], 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
try:
    d[{}] = 1
except TypeError as e:
    print("TypeError", e)
for i in range(3):
    try:
        print(d[i])
    except KeyError as e:
        print("KeyError", e)
print(d.get(1), d.get("k"), len(d))
`,
    );
  });
});

describe("super() and first attribute assignments", () => {
  it("super objects, their refcounts and ids; classmethods, metaclasses and a deleted self", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "super-zero-arg",
      `import sys
class A:
    def m(self, k):
        return ("A", k)
    @classmethod
    def c(cls, k):
        return ("A.c", cls.__name__, k)
class B(A):
    def m(self, k):
        s = super()
        return (s.m(k), type(s).__name__, sys.getrefcount(s))
    @classmethod
    def c(cls, k):
        return super().c(k + 1)
    def gone(self):
        del self
        try:
            super()
        except RuntimeError as e:
            return str(e)
class C(B):
    pass
b, c = B(), C()
ids = []
for i in range(4):
    print(b.m(i), c.m(i), B.c(i), C.c(i), b.c(i))
    ids.append(id(super(B, b)) == id(super(B, c)))
print(ids, b.gone())
before = sys.getrefcount(b)
for i in range(5):
    b.m(i)
print(sys.getrefcount(b) - before)
class Meta(type):
    def make(cls):
        return super().__call__()
class T(metaclass=Meta):
    def who(self):
        return super().__repr__()[:3]
t = T.make()
print(type(t).__name__, t.who())
class W:
    def m(self):
        return super().__class__.__name__, super().__str__ is not None
print(W().m())
`,
    );
  });

  it("first assignments of many attributes, their order, sizes and deletions", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "first-slot-store",
      `import sys
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
ps = [P(i, -i) for i in range(6)]
print([(p.x, p.y) for p in ps], sys.getsizeof(ps[0].__dict__))
class Many:
    def __init__(self, n):
        for k in range(n):
            setattr(self, "a" + str(k), k)
    def set(self, v):
        self.late = v
        self.later = v + 1
for n in (0, 5, 25, 40):
    objs = [Many(n) for _ in range(3)]
    for o in objs:
        o.set(n)
    o = objs[1]
    print(n, list(o.__dict__)[-3:], len(o.__dict__), o.late, o.later, sys.getsizeof(o.__dict__))
q = P(1, 2)
del q.x
q.x = 3
q.z = 4
print(list(q.__dict__.items()))
v = object()
before = sys.getrefcount(v)
keep = [P(v, v) for _ in range(3)]
print(sys.getrefcount(v) - before)
del keep
print(sys.getrefcount(v) - before)
`,
    );
  });
});
