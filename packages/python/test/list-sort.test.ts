/**
 * list.sort() as CPython 3.11's timsort (a difference the differential fuzzer found): the same `<` calls
 * in the same order (runs, binary insertion, powersort merges, galloping), and a comparison that raises
 * leaves the partial order CPython leaves. Compared with python3 byte for byte.
 */
import { describe, it } from "vitest";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-timsort-");

describe("list.sort", () => {
  it("asks the same comparisons as CPython and leaves the same partial order on an error", () => {
    expectSameAsPython(cpython, "list-sort-timsort", corpusCase("format/04-list-sort-timsort.py"));
  });
});
