/**
 * Method descriptors and slot wrappers of builtin types called through the type (list.append(x, 1),
 * map(str.upper, xs), sorted(key=str.lower), descr.__get__(x)) check their first argument as python3 does:
 * an instance of the type or of a subclass, else TypeError with CPython's message; never a write into an
 * object of another type, an internal error or a hang. Also with the compiled path on (src/jit).
 */
import { afterEach, describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { jitEnabled, jitThreshold, setJitEnabled, setJitThreshold } from "../src/jit/compile.js";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-descr-self-");

const WRONG_SELF = `tup = ()
def check(f):
    try:
        r = f()
        print(repr(r) if not callable(r) else type(r).__name__)
    except TypeError as e:
        print("TypeError:", e)
check(lambda: list.append(tup, 1))
check(lambda: dict.get([], 1))
check(lambda: str.upper(5))
check(lambda: list.__len__((1, 2)))
m = list.append
check(lambda: m(set(), 2))
check(lambda: list.append())
check(lambda: list.__len__())
check(lambda: str.upper())
check(lambda: int.__add__(1.5, 1))
check(lambda: str.join(b",", []))
check(lambda: list.__getitem__((1,), 0))
check(lambda: dict.__contains__([], 0))
check(lambda: set.__contains__([], 0))
check(lambda: list.__init__(()))
check(lambda: float.hex(1))
check(lambda: dict.__setitem__([], 1, 2))
check(lambda: str.__len__(b"ab"))
check(lambda: list.append(*[()], 1))
check(lambda: set.add(frozenset(), 1))
check(lambda: frozenset.union(set(), {1}))
class C:
    pass
check(lambda: list.append(C(), 1))
print(tup, bool.__add__, int.__add__.__objclass__, list.append, list.__len__)
`;

const SUBCLASSES = `class L(list):
    pass
class I(int):
    pass
class D(dict):
    pass
l = L()
list.append(l, 1)
list.extend(l, (2, 3))
print(l, list.__len__(l), type(l).__name__)
print(int.__add__(True, 2), bool.__add__(True, 2), int.__add__(I(4), 1), int.__repr__(True))
d = D(a=1)
print(dict.get(d, "a"), dict.__getitem__(d, "a"), dict.__contains__(d, "b"))
print(object.__eq__(1, 1), str.__len__("abc"), object.__repr__(l)[:11])
print(int.__new__(int, 5), int.__new__(I, 5).__class__.__name__, str.maketrans("a", "b"), dict.fromkeys([1]))
print(set.union({1}, [2]), frozenset.union(frozenset({1}), [2]))
`;

const CALLBACKS = `print(list(map(str.upper, ["a", "b"])))
print(sorted(["B", "a", "C"], key=str.lower))
print(list(map(list.__len__, [[1], [1, 2]])))
for f in (lambda: list(map(str.upper, ["a", 1])), lambda: sorted(["a", 1], key=str.lower),
          lambda: list(map(list.__len__, [[1], (1, 2)])), lambda: max([(1,)], key=list.__len__)):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
`;

const GET = `def check(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
check(lambda: list.append.__get__(()))
check(lambda: list.append.__get__((), tuple))
check(lambda: list.__len__.__get__(()))
check(lambda: list.append.__get__(None))
check(lambda: list.append.__get__(None, list))
check(lambda: list.__len__.__get__([1, 2])())
xs = []
ap = list.append.__get__(xs, list)
ap(5)
class L(list):
    pass
l = L()
list.append.__get__(l)(7)
print(xs, l)
`;

/** A loop hot enough to be compiled: unbound calls with a right and a wrong first argument. */
const HOT = `class L(list):
    pass
def f(xs, t):
    n = 0
    last = None
    for i in range(3000):
        try:
            list.append(xs, i)
        except TypeError:
            n += 1
        try:
            list.append(t, i)
        except TypeError as e:
            n += 1
            last = str(e)
    return n, last
a = L()
print(f(a, ()), len(a), f([], "s")[0])
print(f([], {})[1])
ap = list.append
out = []
for i in range(2000):
    ap(out, i)
    out.append(-i)
print(len(out), out[-2:])
`;

describe("method descriptors called through the type check their first argument", () => {
  it("wrong types: CPython's messages for methods, slot wrappers and missing arguments; nothing written", () => {
    expectSameAsPython(cpython, "descr-wrong-self", WRONG_SELF);
  });

  it("an uncaught one ends the run with a traceback (exit 1), not an internal error", () => {
    expectSameAsPython(cpython, "descr-uncaught", "t = ()\nlist.append(t, 1)\nprint(t)\n");
  });

  it("subclass instances and the type's own instances are accepted", () => {
    expectSameAsPythonBothTraces(cpython, "descr-subclasses", SUBCLASSES);
  });

  it("descriptors passed as callbacks: map, sorted's key, max's key", () => {
    expectSameAsPython(cpython, "descr-callbacks", CALLBACKS);
  });

  it("__get__ binds an instance and rejects other types", () => {
    expectSameAsPython(cpython, "descr-get", GET);
  });

  it("super(type, obj) requires obj to be an instance or subclass of type (super(list, ()) reached list's natives)", () => {
    expectSameAsPython(
      cpython,
      "descr-super",
      `def check(f):
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError:", e)
t = (1, 2)
check(lambda: super(list, t).__len__())
check(lambda: super(dict, []).get(1))
check(lambda: super(list, ()).append(1))
check(lambda: super(1, 2))
class L(list):
    pass
check(lambda: super(L, L([1])).__len__())
class A:
    def f(self):
        return super().__repr__()[:3]
    @classmethod
    def g(cls):
        return super().__init_subclass__()
    def __new__(cls):
        return super().__new__(cls)
check(lambda: A().f())
check(lambda: A.g())
check(lambda: A.f(5))
print(t)
`,
    );
  });

  describe("compiled code", () => {
    const was = { on: jitEnabled(), threshold: jitThreshold() };
    afterEach(() => {
      setJitEnabled(was.on);
      setJitThreshold(was.threshold);
    });
    it("the same outputs with compilation off and on (compiled after the first instruction)", () => {
      const want = cpython("descr-hot.py", HOT);
      expect(want.status).toBe(0);
      for (const [on, threshold] of [[false, was.threshold], [true, 1]] as const) {
        setJitEnabled(on);
        setJitThreshold(threshold);
        const { result, heap } = runDetailed(HOT, { filename: "descr-hot.py" });
        expect(result.stdout).toBe(want.stdout);
        expect(result.stderr).toBe(want.stderr);
        expect(heap.leaked).toEqual([]);
        expect(heap.check).toEqual({ ok: true });
      }
    });
  });
});
