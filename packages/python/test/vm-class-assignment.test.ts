/**
 * `o.__class__ = C` (object's __class__ setter) and the layout test it shares with `K.__bases__ = ...`:
 * instances move between classes laid out alike (the managed dict materialized first, the reference to
 * the class moved), every other move is CPython's TypeError; __slots__ fields are laid out in sorted name
 * order. Each program must give python3's output, traced and untraced, with nothing leaked.
 */
import { describe, it } from "vitest";
import "../src/index.js";
import { corpusCase, cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-class-assignment-");

describe("__class__ assignment", () => {
  it("moves instances between compatible classes (corpus fidelity/13, moves)", () =>
    expectSameAsPythonBothTraces(cpython, "moves", corpusCase("fidelity/13b-class-assignment-moves.py")));

  it("keeps the materialized dict, runs the new class's finalizer (corpus fidelity/13, dicts)", () =>
    expectSameAsPythonBothTraces(cpython, "dicts", corpusCase("fidelity/13-class-assignment-dicts-and-finalizers.py")));

  it("is seen by attribute and method sites warmed up on the old class", () =>
    expectSameAsPythonBothTraces(
      cpython,
      "sites",
      `import sys
class A:
    def f(self):
        return "A.f"
class B:
    def f(self):
        return "B.f"
    @property
    def p(self):
        return "B.p"
def touch(o):
    o.v = 1
    return o.f(), o.v, getattr(o, "p", None)
objs = [A() for _ in range(6)]
ra, rb = sys.getrefcount(A), sys.getrefcount(B)
out = []
for k, o in enumerate(objs):
    out.append(touch(o))
    o.__class__ = B if k % 2 else A
    out.append(touch(o))
print(out)
print(sys.getrefcount(A) - ra, sys.getrefcount(B) - rb)
for o in objs:
    o.__class__ = B
print(sys.getrefcount(A) - ra, sys.getrefcount(B) - rb, [type(o).__name__ for o in objs])
del objs, o
print(sys.getrefcount(A) - ra, sys.getrefcount(B) - rb)
`,
    ));

  it("raises python3's TypeErrors for deletion and for classes that are not compatible", () =>
    expectSameAsPython(
      cpython,
      "errors",
      `class A:
    pass
class S:
    __slots__ = ("a",)
a = A()
try:
    del a.__class__
except TypeError as e:
    print(e)
try:
    a.__class__ = S
except TypeError as e:
    print(e)
s = S()
s.__class__ = A
`,
    ));
});

describe("__bases__ assignment with __slots__", () => {
  it("accepts a base that adds the same slot names, in any order, and refuses others", () =>
    expectSameAsPython(
      cpython,
      "bases-slots",
      `class S:
    __slots__ = ("a", "b")
class S2:
    __slots__ = ("b", "a")
class S3:
    __slots__ = ("a", "c")
class T(S):
    pass
t = T()
t.a, t.b = 1, 2
T.__bases__ = (S2,)
print([c.__name__ for c in T.__mro__], t.a, t.b)
try:
    T.__bases__ = (S3,)
except TypeError as e:
    print(e)
`,
    ));
});
