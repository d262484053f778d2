/**
 * Calling a class packs the positional arguments into a tuple (type_call through tp_call: classes have no
 * vectorcall), whatever the class is named — also when its name is that of a builtin type whose own
 * constructor takes them without one (list, range, dict, …). Seen through the size-1 and size-2 tuple
 * free lists, against python3.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-class-call-args-");

describe("a class call's argument tuple", () => {
  it("is made for classes named like builtin types, plain or subclassing them, and outlives a raising __init__'s instance", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "class-call-args",
      `seen = []
class list:
    def __init__(self, a):
        seen.append(id(tuple([1])))
class range:
    def __init__(self, a, b):
        seen.append(id(tuple([1, 2])))
class dict(dict):
    def __init__(self, a):
        seen.append(id(tuple([1])))
class Plain:
    def __init__(self, a):
        seen.append(id(tuple([1])))
def fresh(n):
    u = tuple([9] * n)
    return id(u)
out = []
before = fresh(1)
list(5)
out.append(seen[-1] == before)
before = fresh(2)
range(5, 6)
out.append(seen[-1] == before)
before = fresh(1)
dict(7)
out.append(seen[-1] == before)
before = fresh(1)
Plain(8)
out.append(seen[-1] == before)
print(out)
class Fails:
    def __init__(self, a, b):
        self.x = [a, b]
        raise ValueError(a)
got = []
for k in [0, 1, 2, 3]:
    before = fresh(2)
    try:
        Fails(k, -k)
    except ValueError as e:
        got.append((e.args, id(tuple([k, k])) == before))
    o = object()
    got.append(id(o) % 7 == id(object()) % 7)
print(got)
`,
    );
  });
});

describe("an exception subclass's args", () => {
  it("are the call's own tuple (BaseException.__new__ keeps it), unless __init__ sets others", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "exception-subclass-args",
      `import sys
class E(Exception): pass
class F(ValueError):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.extra = [a]
class G(E):
    pass
def f(p, q): return (p, q)
for cls in (E, F, G):
    a = f(1, 2); ida = id(a); del a
    e = cls(1, 2)
    print(cls.__name__, id(e.args) == ida, sys.getrefcount(e.args))
    print(id(f(3, 4)) == ida)
    del e
try:
    raise E("boom", 5)
except E as x:
    print(x.args, x, sys.getrefcount(x.args))
e = E(1)
print(e.args, repr(e))
`,
    );
  });
});
