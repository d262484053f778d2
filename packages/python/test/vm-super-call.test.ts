/**
 * Zero-argument super() as CALL runs it without type.__call__'s dispatch, with the `__class__` cell looked
 * up once per code object: the same results, errors, identities and refcounts as python3, including a
 * first argument kept in a cell, a name `super` rebound, super() outside a class and in a function without
 * arguments, super(type, obj) with arguments, and the super object's own id reused by the next one.
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-super-call-");

describe("super() called with no arguments", () => {
  it("methods, a self kept in a cell, repeated calls and the super objects' ids and refcounts", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "super-zero-arg",
      `import sys
class A:
    def f(self, k):
        return ("A", k)
    def g(self):
        return self
class B(A):
    def f(self, k):
        return ("B",) + super().f(k * 2)
    def cell(self):
        def inner():
            return self
        return super().g() is inner()
    def ids(self):
        a = id(super())
        b = id(super())
        s = super()
        return a == b, sys.getrefcount(s), type(s).__name__
class C(B):
    def f(self, k):
        return ("C",) + super().f(k + 1)
c = C()
for i in range(40):
    r = c.f(i)
print(r, B().cell(), C().cell(), B().ids())
`,
    );
  });

  it("errors: no arguments, no __class__ cell; super rebound; super with arguments", () => {
    expectSameAsPython(
      cpython,
      "super-zero-arg-errors",
      `def plain():
    return super()
def with_arg(x):
    return super()
for fn, args in [(plain, ()), (with_arg, (1,))]:
    try:
        fn(*args)
    except Exception as e:
        print(type(e).__name__, e)
class A:
    def f(self):
        return "A.f"
class B(A):
    def f(self):
        return super().f()
    def rebound(self):
        super = lambda: "mine"
        return super()
print(B().f(), B().rebound())
class D(A):
    def f(self):
        return super(D, self).f(), super(D, D).f(self)
print(D().f())
`,
    );
  });

  it("sites kept per class: several classes and instance classes through one method, builtin types, replaced targets", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "super-sites-per-class",
      `class A:
    def f(self, k):
        return ("A", k)
    def __init__(self, v):
        self.v = v
class B(A):
    def f(self, k):
        return ("B",) + super().f(k)
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
class C(B):
    pass
class E(B):
    def f(self, k):
        return ("E",) + super().f(k + 1)
class I(int):
    def bits(self):
        return super().bit_length(), super(I, self).__repr__()
out = []
for i in range(30):
    o = (B(i, 1), C(i, 2), E(i, 3))[i % 3]
    out.append((o.f(i), o.v, o.w))
print(out[-3:], I(1000).bits(), super(bool, True).__repr__(), super(bool, True).bit_length())
def g(self, k):
    return ("A2", k)
A.f = g
print(B(1, 2).f(3), C(1, 2).f(4), E(1, 2).f(5))
def init(self, v):
    self.v = -v
A.__init__ = init
print(B(7, 8).v, [A(k).v for k in range(3)])
`,
    );
  });

  it("super().m untraced (the call and the method load in one step) leaves the heap as traced (two steps)", () => {
    // the ids of the blocks taken next (a bound method's size class, a list's), the gc counts and the
    // refcounts after each call: what the allocations and releases of the super object and the method
    // leave behind
    const source = `import gc, sys
class A:
    def m(self, x):
        return x + 1
class B(A):
    def m(self, x):
        return super().m(x)
b = B()
base = id(b)
rows = []
for i in range(30):
    r = b.m(i)
    p = b.m
    q = [i]
    rows.append((r, id(p) - base, id(q) - base, gc.get_count(), sys.getrefcount(super), sys.getrefcount(b), sys.getrefcount(A.m)))
    del p, q
print(rows)
`;
    const untraced = runDetailed(source, { filename: "super-one-step.py" });
    const traced = runDetailed(source, { filename: "super-one-step.py", trace: "line", limits: { maxTraceSteps: 1e6 } });
    expect(untraced.result.outcome).toEqual({ status: "ok" });
    expect(untraced.result.stdout).toBe(traced.result.stdout);
    expect(untraced.heap.leaked).toEqual([]);
    expect(untraced.heap.check).toEqual({ ok: true });
  });

  it("a collection the super object's allocation starts runs a __del__ that rebinds the method found", () => {
    // thresholds 1..5: collections start at every allocation in turn, the super object's among them, and
    // each __del__ swaps A.m, so the method must be looked up after the super object is made
    expectSameAsPythonBothTraces(
      cpython,
      "super-collect-rebind",
      `import gc
class A:
    def m(self, x):
        return ("A", x)
def other(self, x):
    return ("other", x)
class Cycle:
    def __init__(self, k):
        self.me = self
        self.k = k
    def __del__(self):
        A.m = other if self.k % 2 else keep
class B(A):
    def m(self, x):
        return super().m(x)
keep = A.__dict__["m"]
b = B()
seen = []
for th in (1, 2, 3, 4, 5):
    gc.collect()
    gc.set_threshold(th)
    for i in range(12):
        Cycle(i)
        seen.append(b.m(i)[0])
        seen.append(gc.get_count())
gc.set_threshold(700)
print(seen)
`,
    );
  });
});
