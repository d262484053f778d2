/**
 * Format specs as CPython 3.11 parses them (differences the differential fuzzer found): a leading '0'
 * pads with zeros without forcing '=' alignment (so strs take it, and an explicit alignment keeps it),
 * ',' and '_' are checked against the presentation type (`f"{'':,}"` is a ValueError), and 'z' drops
 * the sign of a float that rounds to zero; int / int past 2^53 and float ** int round the exact result
 * once.
 * Compared with python3 byte for byte.
 */
import { describe, it } from "vitest";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-format-spec-");

describe("format specs as in CPython 3.11", () => {
  it("zero fill, grouping and 'z' with ints, floats, bools and strs", () => {
    expectSameAsPython(cpython, "format-spec-fill-grouping", corpusCase("format/01-fill-grouping-z.py"));
  });
  it("int / int past 2^53: the exact quotient rounded once, subnormals and overflow", () => {
    expectSameAsPython(cpython, "int-true-divide", corpusCase("format/02-int-true-divide.py"));
  });
  it("float ** int: the exact power rounded once (constant-folded or computed at run time)", () => {
    expectSameAsPython(cpython, "float-pow", corpusCase("format/03-float-pow-rounding.py"));
  });
});
