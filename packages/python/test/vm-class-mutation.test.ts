/**
 * Classes changed after they were made: `__new__` and `__init__` assigned to a class or to a base after
 * instances were created (the instance-creation plan kept per class must notice), properties assigned
 * after the class exists, `__bases__` assigned, and `sys._getframe().f_locals`. Each program must give
 * python3's output, with nothing leaked.
 */
import { describe, it } from "vitest";
import "../src/index.js";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-class-mutation-");

const cases: [string, string][] = [
  [
    "__new__ assigned after the class exists",
    `class A:
    def __init__(self, x=0):
        self.x = x
for k in range(3):
    print(A(k).x, end=" ")
print()
def new(cls, *args):
    print("new", cls.__name__, args)
    o = object.__new__(cls)
    o.made = True
    return o
A.__new__ = new
b = A(2)
print(b.x, b.made)
class B(A):
    pass
print(B(3).made)
A.__new__ = classmethod(lambda cls, *a: ("classmethod new", cls.__name__, a))
print(A(5))
A.__new__ = staticmethod(lambda cls, *a: ("staticmethod new", cls.__name__, a))
print(B(6))
def other(cls, *a):
    return 42
A.__new__ = other
print(A(7), B(8))
`,
  ],
  [
    "__new__ and __init__ assigned to a base after its subclasses were called",
    `class Base:
    pass
class Mid(Base):
    def __init__(self, v):
        self.v = v
class Leaf(Mid):
    pass
for k in range(3):
    print(Leaf(k).v, Mid(k).v, end=" ")
print()
def new(cls, *a):
    print("Base.__new__", cls.__name__, a)
    return super(Base, cls).__new__(cls)
Base.__new__ = new
print(Leaf(10).v)
def init(self, v):
    self.v = ("Mid.__init__", v)
Mid.__init__ = init
print(Leaf(11).v)
class Plain:
    pass
Plain()
Plain.__init__ = lambda self: print("Plain.__init__")
Plain()
Plain.__new__ = lambda cls: "from __new__"
print(Plain())
`,
  ],
];

describe("classes changed after they were made", () => {
  for (const [name, source] of cases) it(name, () => expectSameAsPython(cpython, name, source));
});

/** frame.f_locals: the frame type's attribute table (vm/natives.ts nativeAttr) reads it with frameLocals (vm/eval.ts). */
describe("frame.f_locals", () => {
  it("function, closure, module, class body and generator frames, running and finished", () =>
    expectSameAsPython(
      cpython,
      "f_locals",
      `import sys
def f(a, b=2):
    c = a + b
    loc = sys._getframe().f_locals
    print(list(loc))
    del c
    again = sys._getframe().f_locals
    print(again is loc, list(again))
    return sys._getframe()
fr = f(1)
print(list(fr.f_locals), fr.f_locals is fr.f_locals)
def outer():
    x = 1
    y = [2]
    def inner():
        z = x
        return sys._getframe().f_locals
    print(inner())
    print(list(sys._getframe().f_locals))
    del y
    print(list(sys._getframe().f_locals))
outer()
print(sys._getframe().f_locals is globals())
class K:
    q = 1
    ns = sys._getframe().f_locals
    print(sorted(ns))
def unbound():
    loc = sys._getframe().f_locals
    later = 1
    return loc
print(unbound())
def gen():
    v = 5
    yield sys._getframe().f_locals
print(next(gen()))
`,
    ));
});

/** `K.__bases__ = ...`: the type's attribute assignment (vm/natives.ts typeSetAttr) makes it with setTypeBases (vm/classes.ts). */
describe("__bases__ assignment", () => {
  it("new bases, MROs of the subclasses, caches, and the TypeErrors of the invalid cases", () =>
    expectSameAsPython(
      cpython,
      "bases-assignment",
      `class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
    def only_b(self): return "only B"
class C(A): pass
class D(C): pass
c, d = C(), D()
print(c.who(), d.who(), C.__mro__, D.__mro__)
C.__bases__ = (B,)
print(c.who(), d.who(), c.only_b(), C.__mro__, D.__mro__, isinstance(c, A), isinstance(d, B), issubclass(D, B))
print(A.__subclasses__(), B.__subclasses__())
C.__bases__ = (A, B)
print(c.who(), C.__mro__, C.__base__)
for bad in [[A], (), (1,), (D,), (C,), (A, A), (list,), (int,), (object,)]:
    try:
        C.__bases__ = bad
        print("ok", C.__mro__)
    except Exception as e:
        print(type(e).__name__, e)
for t, v in [(int, (object,)), (object, ())]:
    try:
        t.__bases__ = v
    except Exception as e:
        print(type(e).__name__, e)
class E(A, B): pass
try:
    E.__bases__ = (B, A)
    print(E.__mro__)
    class F(A, B): pass
except Exception as e:
    print(type(e).__name__, e)
class X: pass
class Y(X): pass
class Z(X, A): pass
try:
    A.__bases__ = (Z,)
except Exception as e:
    print(type(e).__name__, e)
class L(list): pass
class M(list): pass
class N(L): pass
N.__bases__ = (M,)
print(N.__mro__)
class I1:
    def __init__(self, v):
        self.v = ("I1", v)
class I2:
    def __init__(self, v):
        self.v = ("I2", v)
class J(I1):
    pass
class K(J):
    pass
for k in range(3):
    print(J(k).v, K(k).v, end=" ")
print()
J.__bases__ = (I2,)
print(J(5).v, K(6).v, [c.__name__ for c in K.mro()])
try:
    N.__bases__ = (A,)
except Exception as e:
    print(type(e).__name__, e)
class S:
    __slots__ = ("a",)
class T(S): pass
try:
    T.__bases__ = (A,)
except Exception as e:
    print(type(e).__name__, e)
class Base0: pass
class A(Base0): pass
class B(Base0): pass
class Q(A, B): pass
try:
    B.__bases__ = (A,)
except TypeError as e:
    print(e)
print(B.__mro__, Q.__mro__)
`,
    ));
});

it("the MRO errors of class statements name the bases as python3 does", () =>
  expectSameAsPython(cpython, "mro-errors", corpusCase("language/04-mro-errors.py")));

it("__init__ returning something other than None is CPython's TypeError, on the plain-class plan and off it", () =>
  expectSameAsPython(
    cpython,
    "init-returns",
    `class A:
    def __init__(self): return 5
class B(list):
    def __init__(self): return "x"
for k in (A, B, A):
    try:
        k()
    except TypeError as e:
        print(e)
class C:
    def __init__(self): return None
print(type(C()).__name__)
`,
  ));
