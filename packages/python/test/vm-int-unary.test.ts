/**
 * abs(), chr() and the unary operators on exact ints of at most one digit read the value from memory;
 * against python3 at the digit limits (0, ±1, ±(2**30 - 1), ±2**30 and beyond), with sizes, identities
 * (abs of a non-negative int is the int itself, small results are the cached ints) and the errors, for
 * subclasses too. Untraced and line-traced; leak-free and consistent heap afterwards.
 */
import { describe, expect, it } from "vitest";
import { cpythonRunner } from "./cpython.js";
import { runDetailed } from "../src/index.js";

const cpython = cpythonRunner("pyheap-int-unary-");

const source = `import sys
vals = [0, 1, -1, 5, -5, -6, 255, 256, 257, -256, -257, 1000, -1000, 2**30 - 1, -(2**30 - 1), 2**30, -(2**30),
        2**31, -(2**45), 10**20, -(10**20), True, False]
for v in vals:
    a = abs(v)
    n = -v
    p = +v
    i = ~v
    print(v, a, n, p, i, sys.getsizeof(a), sys.getsizeof(n), sys.getsizeof(i), a is v, p is v, type(a).__name__, type(i).__name__)
big = 2**30 - 1
for v in (big, -big, 12345, -12345):
    print(sys.getrefcount(abs(v)), abs(v) is v, (-v) is (-v), ~v)
x = 300
y = abs(x)
print(y is x, sys.getrefcount(x))
class I(int):
    def __abs__(self):
        return "abs!"
    def __neg__(self):
        return "neg!"
class J(int):
    pass
print(abs(I(-3)), -I(3), +I(3), ~I(3), abs(J(-4)), type(abs(J(-4))).__name__, -J(4), type(-J(4)).__name__, +J(2), type(+J(2)).__name__)
for c in (0, 9, 65, 97, 127, 128, 255, 256, 0x20ac, 0xd800, 0x1f600, 0x10ffff):
    s = chr(c)
    print(c, repr(s), len(s), sys.getsizeof(s), s is chr(c))
for bad in (-1, 0x110000, 2**31, -(2**31) - 1, 1.5, "a"):
    try:
        chr(bad)
    except (ValueError, OverflowError, TypeError) as err:
        print(type(err).__name__, err)
print(chr(True), abs(-2.5), -(2.5), abs(3 + 4j))
t = ""
for i in range(500):
    t += chr(97 + i % 26)
print(len(t), t[-30:])
`;

describe("int unary operations against python3", () => {
  it("abs, -, +, ~ and chr of exact ints, subclasses and errors", () => {
    const want = cpython("int_unary.py", source);
    for (const trace of ["none", "line"] as const) {
      const { result, heap } = runDetailed(source, { filename: "int_unary.py", trace, limits: { maxTraceSteps: 1e6 } });
      expect(result.stdout).toBe(want.stdout);
      expect(result.stderr).toBe(want.stderr);
      expect(heap.leaked).toEqual([]);
      expect(heap.check).toEqual({ ok: true });
    }
  });
});
