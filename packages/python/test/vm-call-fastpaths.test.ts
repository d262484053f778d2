/**
 * CALL of a plain class runs its __init__ in the eval loop itself (classes.ts classInitFrame) and
 * LOAD_METHOD on a super object binds the function it finds without superGetAttr's walk (classes.ts
 * superMethodPush): the same results, errors, tracebacks, identities and refcounts as python3 — an __init__
 * replaced, deleted or returning a value, exceptions leaving __init__ (with __del__ on the half-made
 * instance), recursion through __init__, classes the fast path must not take (__slots__, __new__, a
 * metaclass with __call__, a data descriptor, defaults, keywords), and super() on methods replaced or
 * deleted after the first call, static/class methods, properties, builtin methods, a subclass instance.
 * A class with object's __new__ and __init__ called without arguments only makes its instance.
 * Untraced runs take these paths and traced runs the same paths under the tracing hooks: a step limit stops
 * both at the same instruction.
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-call-fastpaths-");

describe("calling a plain class runs __init__ in the loop", () => {
  it("instances, ids of temporaries, __init__ replaced and deleted, non-None results", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "class-init-inline",
      `import sys
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
def make(n):
    out = []
    for i in range(n):
        p = P(i, -i)
        out.append((p.x, p.y))
    return out
print(make(30)[-1])
def ids():
    a = id(P(1, 2))
    b = id(P(3, 4))
    keep = P(5, 6)
    c = id(P(7, 8))
    return a == b, c != id(keep), sys.getrefcount(keep)
print(ids())
class Q:
    def __init__(self, v):
        self.v = v
def build(k):
    return [Q(i).v for i in range(k)]
vals = build(5)
def init2(self, v):
    self.v = v * 10
Q.__init__ = init2
vals += build(5)
del Q.__init__
try:
    Q(1)
except TypeError as e:
    print("deleted:", e)
print(vals, type(Q()).__name__)
class Bad:
    def __init__(self, v):
        return v
arg = object()
before = sys.getrefcount(arg)
msgs = []
for i in range(5):
    try:
        Bad(arg)
    except TypeError as e:
        msgs.append(str(e))
print(msgs[-1], len(msgs), sys.getrefcount(arg) - before, type(Bad(None)).__name__)
class Z:
    def __init__(self):
        self.n = 0
print([Z().n for i in range(3)])
class Base:
    def __init__(self, a):
        self.a = a
class Child(Base):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
class Inherits(Child):
    pass
print([(Child(i, i + 1).b, Inherits(i, -i).a) for i in range(4)][-1])
class Gen:
    def __init__(self, v):
        yield v
for i in range(2):
    try:
        Gen(i)
    except TypeError as e:
        print(e)
`,
    );
  });

  it("an exception leaving __init__: handlers, __del__ of the half-made instance, the arguments' counts", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "class-init-raise",
      `import sys
log = []
class D:
    def __init__(self, x, tag):
        self.x = x
        if x < 0:
            raise ValueError(x, tag)
    def __del__(self):
        log.append(("del", self.x))
tag = object()
base = sys.getrefcount(tag)
def run():
    for v in (1, -1, 2, -2):
        try:
            d = D(v, tag)
            log.append(("made", v))
        except ValueError as e:
            log.append(("err", e.args[0], e.__traceback__.tb_next is not None, e.__context__))
        log.append(sys.getrefcount(tag) - base)
run()
print(log)
class E:
    def __init__(self, x):
        self.x = x
        try:
            raise KeyError(x)
        except KeyError:
            self.caught = True
def inner():
    try:
        raise IndexError("outer")
    except IndexError:
        e = E(3)
        return e.caught, sys.exc_info()[0].__name__
print(inner())
class N:
    def __init__(self, k):
        self.child = N(k - 1) if k else None
def depth(n):
    c = 0
    while n is not None:
        c += 1
        n = n.child
    return c
print(depth(N(40)))
try:
    N(100000)
except RecursionError:
    print("RecursionError")
print(depth(N(10)))
`,
    );
  });

  it("an uncaught exception from __init__: the traceback", () => {
    expectSameAsPython(
      cpython,
      "class-init-traceback",
      `class P:
    def __init__(self, x):
        self.x = 1 / x
def make(v):
    return P(v)
print(make(2).x)
make(0)
`,
    );
  });

  it("classes the fast path leaves to the general call", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "class-init-general",
      `class S:
    __slots__ = ("a",)
    def __init__(self, a):
        self.a = a
class WithNew:
    def __new__(cls, *a):
        o = super().__new__(cls)
        o.tag = "new"
        return o
    def __init__(self, v):
        self.v = v
class Meta(type):
    def __call__(cls, *a):
        return ("meta", a)
class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v
class Desc:
    def __get__(self, o, t):
        return "desc" if o is not None else self
    def __set__(self, o, v):
        o.__dict__["_x"] = v * 2
class H:
    x = Desc()
    def __init__(self, x):
        self.x = x
class Dflt:
    def __init__(self, a, b=5):
        self.s = a + b
class Other:
    def __init__(self, a):
        self.a = a
class LI(list):
    def __init__(self, v):
        super().__init__([v, v])
out = []
for i in range(3):
    w = WithNew(i)
    h = H(i)
    out.append((S(i).a, w.tag, w.v, M(i), h.x, h._x, Dflt(i).s, Dflt(i, b=1).s, Dflt(a=i).s, LI(i)))
print(out[-1])
class A1:
    def __init__(self, v):
        self.v = v
print(A1(3).v)
A1.__init__ = Other.__init__
print(A1(9).a)
`,
    );
  });
});

describe("calling a class with object's __new__ and __init__", () => {
  it("instances made alone without arguments; arguments, keywords and later __init__/__new__ as python3", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "class-bare",
      `import sys
class E:
    pass
class F(E):
    x = 1
def make(n):
    return [type(E()).__name__ + type(F()).__name__ for i in range(n)][-1]
print(make(20), id(E()) == id(E()), sys.getrefcount(E) - sys.getrefcount(F))
for args, kw in [((1,), {}), ((), {"a": 1})]:
    try:
        E(*args, **kw)
    except TypeError as e:
        print(e)
def init(self, v=7):
    self.v = v
E.__init__ = init
print(make(3), F().v, E(2).v)
del E.__init__
print(make(3))
def new(cls, *a):
    o = object.__new__(cls)
    o.made = "new"
    return o
F.__new__ = new
print(make(3), F().made)
del F.__new__
print(make(3), hasattr(F(), "made"))
`,
    );
  });
});

describe("super().name() binds without the attribute walk", () => {
  it("functions, static/class methods, properties, builtins, subclasses, methods replaced and deleted", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "super-method-site",
      `import sys
class A:
    def m(self, k):
        return ("A", k)
    @staticmethod
    def s(k):
        return ("As", k)
    @classmethod
    def c(cls, k):
        return ("Ac", cls.__name__, k)
    @property
    def p(self):
        return "Ap"
class B(A):
    def m(self, k):
        return ("B",) + super().m(k)
    def s(self, k):
        return super().s(k)
    def c(self, k):
        return super().c(k)
    def p2(self):
        return super().p
    def i(self):
        return super().__init__()
    def r(self):
        return super().__repr__()[:8]
    @classmethod
    def cm(cls, k):
        return super().m(cls(), k)
class C(B):
    pass
b = B()
c = C()
for k in range(4):
    out = (b.m(k), c.m(k), b.s(k), b.c(k), c.c(k), b.p2(), b.i(), b.r(), B.cm(k))
print(out, sys.getrefcount(b))
def m2(self, k):
    return ("A2", k)
A.m = m2
print(b.m(1), c.m(2))
del A.m
try:
    b.m(1)
except AttributeError as e:
    print("deleted:", e)
A.m = lambda self, k: ("lambda", k)
b.m = "instance attribute"
print(B.m(b, 3), b.m)
class X:
    def m(self, k):
        return ("X", k)
class Y(X):
    def m(self, k):
        return ("Y",) + super().m(k)
class Z(Y):
    def m(self, k):
        return ("Z",) + super().m(k)
z = Z()
print([z.m(k) for k in range(3)][-1])
X.m = staticmethod(lambda k: ("Xs", k))
print(z.m(7))
`,
    );
  });
});

describe("step limits in code that calls functions, methods, super() and classes", () => {
  it("step limits stop untraced runs where traced runs stop", () => {
    const src = `class C:
    def __init__(self, v):
        self.v = v
    def add(self, k):
        self.v += k
        return self
class D(C):
    def add(self, k):
        return super().add(k * 2)
def f(n):
    return n + 1
c = D(0)
for i in range(400):
    c.add(i)
    f(i)
    C(i)
    print(i, c.v)
`;
    const full = runDetailed(src, {}).result;
    expect(full.outcome.status).toBe("ok");
    for (const maxSteps of [1, 2, 3, 20, 21, 22, 23, 100, 1001, 4095, 4096, 4097, 8191, 8192, 8193, 12_345, full.stats.steps - 1]) {
      const fused = runDetailed(src, { limits: { maxSteps } }).result;
      const traced = runDetailed(src, { trace: "line", limits: { maxSteps, maxTraceSteps: 1e6 } }).result;
      expect(fused.outcome).toEqual(traced.outcome);
      expect(fused.outcome.status).not.toBe("ok");
      expect(fused.stdout).toBe(traced.stdout);
      expect(fused.stats.steps).toBe(traced.stats.steps);
    }
  });
});
