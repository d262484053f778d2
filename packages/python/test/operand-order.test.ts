// Operator and conversion dispatch against python3: a bytearray subclass iterating through
// bytearray.__iter__, and int() through __trunc__ (with python3's DeprecationWarning for it, and for a
// strict int subclass returned). The numeric operand order itself is corpus case fidelity/66.
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/run.js";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("operand-order-");

function sameStdout(name: string, source: string): void {
  const want = cpython(`${name}.py`, source);
  expect(want.status).toBe(0);
  const { result } = runDetailed(source, { filename: `${name}.py` });
  expect(result.stderr).toBe(want.stderr);
  expect(result.stdout).toBe(want.stdout);
}

describe("operand order and conversions", () => {
  it("repeats a sequence by an instance's __index__ on either side, with python3's errors otherwise", () =>
    sameStdout(
      "seq_repeat",
      [
        "class I:",
        "    def __index__(self): return 2",
        "class N: pass",
        "class M:",
        "    def __mul__(self, o): return NotImplemented",
        "    def __rmul__(self, o): return NotImplemented",
        "for a, b in [('x', I()), (I(), 'x'), ([1], I()), (I(), (1,)), (b'a', I()), ('x', N()), (N(), 'x'), (M(), 'x'), ('x', M()), (M(), [1]), (b'a', N()), (N(), b'a'), (1.5, 'x'), ('x', 1.5), ('a', 'b'), (True, 'ab'), (N(), 2), (bytearray(b'ab'), I()), (I(), bytearray(b'a')), (bytearray(b'a'), N()), (N(), bytearray(b'a'))]:",
        "    try:",
        "        print(repr(a * b))",
        "    except TypeError as e:",
        "        print('TypeError:', e)",
        "for a, b in [('ab', N()), ([1], N()), (N(), 's'), (I(), 's'), (2, 'ab'), (1.5, 'ab'), ([1], I()), ({}, 'ab'), ({1}, [1]), (frozenset(), 'ab'), (range(2), 'ab'), ({}.keys(), 'ab'), ({}.values(), [1]), (bytearray(b'ab'), I()), (I(), bytearray(b'a')), (2, bytearray(b'a')), (1.5, bytearray(b'a'))]:",
        "    try:",
        "        a *= b",
        "        print(repr(a))",
        "    except TypeError as e:",
        "        print('TypeError:', e)",
      ].join("\n") + "\n",
    ));
  it("finds object's <, <=, > and >= (NotImplemented) on every class", () =>
    sameStdout(
      "object_cmp",
      [
        "class A: pass",
        "class B:",
        "    def __lt__(self, o): return 'B.lt'",
        "for n in ['__lt__', '__le__', '__gt__', '__ge__']:",
        "    print(n, hasattr(A, n), hasattr(A(), n), getattr(object, n)(A(), A()), getattr(A(), n)(1), getattr(1, n)(2))",
        "print(object.__le__, A.__gt__ is object.__gt__, B() < A(), A() > B(), A.__subclasshook__())",
        "for x, y in [(A(), A()), (A(), B())]:",
        "    try:",
        "        print(x <= y)",
        "    except TypeError as e:",
        "        print('TypeError:', e)",
      ].join("\n") + "\n",
    ));
  it("iterates a bytearray subclass whose __iter__ calls bytearray.__iter__", () => {
    sameStdout(
      "ba_iter",
      [
        "class BA(bytearray):",
        "    def __iter__(self):",
        "        return bytearray.__iter__(self)",
        "class BI(bytearray):",
        "    def __iter__(self):",
        "        return iter(bytearray.__iter__(self))",
        "for C in (BA, BI):",
        "    b = C(b'abc')",
        "    it = iter(b)",
        "    print(type(it).__name__, list(b), [x for x in b], bytes(iter(b)), sorted(b, reverse=True))",
        "    b.append(100)",
        "    print(list(it), list(bytearray.__iter__(b)), list(reversed(b)))",
      ].join("\n") + "\n",
    );
  });
  it("converts through __trunc__ after __int__ and __index__, with python3's checks on the result", () => {
    sameStdout(
      "int_trunc",
      [
        "class X:",
        "    def __index__(s): return 1",
        "class T:",
        "    def __init__(s, r): s.r = r",
        "    def __trunc__(s): return s.r",
        "class IT(T):",
        "    def __int__(s): return 9",
        "class J(int): pass",
        "for v in [T(5), T(J(6)), T(True), T(X()), T('y'), T(2.5), IT(0)]:",
        "    try:",
        "        r = int(v)",
        "        print(r, type(r).__name__)",
        "    except TypeError as e:",
        "        print('TypeError', e)",
      ].join("\n") + "\n",
    );
  });
  it("runs the operand-order corpus case as python3 does, without a leak", () => {
    expectSameAsPython(cpython, "operand_order", corpusCase("fidelity/66-numeric-operand-order.py"));
  });
});
