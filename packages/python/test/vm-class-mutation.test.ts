/**
 * Classes changed after they were made: `__new__` and `__init__` assigned to a class or to a base after
 * instances were created (the instance-creation plan kept per class must notice), properties assigned
 * after the class exists, `__bases__` assigned, and `sys._getframe().f_locals`. Each program must give
 * python3's output, with nothing leaked.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

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
