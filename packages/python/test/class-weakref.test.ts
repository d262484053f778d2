/**
 * weakref.getweakrefcount of a class as in CPython 3.11 (a difference the differential fuzzer found): the
 * bases' subclass lists hold the class's basic weakref, so the count is 1 and weakref.ref(cls) returns that
 * ref; it goes with the class. Compared with python3 byte for byte.
 */
import { describe, it } from "vitest";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-class-weakref-");

describe("the weakref to a class", () => {
  it("is counted once, shared with weakref.ref(cls), released with the class", () => {
    expectSameAsPython(cpython, "class-basic-weakref", corpusCase("weakref/01-class-basic-weakref.py"));
  });
});
