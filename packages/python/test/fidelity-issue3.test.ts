/** Known differences from python3 (issue 3), each checked against python3's own output at test time. */
import { describe, it } from "vitest";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-issue3-");

describe("functions as descriptors", () => {
  it("f.__get__(obj) and types.MethodType give bound methods, with python3's errors", () => {
    expectSameAsPython(cpython, "function-get", corpusCase("fidelity/149-function-get-methodtype.py"));
  });
});

describe("frame objects", () => {
  it("have f_globals beside f_locals, f_code, f_back and f_lineno", () => {
    expectSameAsPython(cpython, "frame-attributes", corpusCase("fidelity/150-frame-attributes.py"));
  });
});
