/** Known differences from python3 (issue 3), each checked against python3's own output at test time. */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-issue3-");

describe("sys.set_int_max_str_digits", () => {
  it("sets the limit of int <-> decimal str conversions, python3's errors past it", () => {
    expectSameAsPython(cpython, "int-max-str-digits", corpusCase("fidelity/147-int-max-str-digits.py"));
  });

  it("starts each run at 4300", () => {
    const first = runDetailed("import sys\nsys.set_int_max_str_digits(0)\nprint(len(str(10 ** 5000)))\n");
    expect(first.result.stdout).toBe("5001\n");
    expectSameAsPython(cpython, "int-limit-again", "import sys\nprint(sys.get_int_max_str_digits())\ntry:\n    str(10 ** 5000)\nexcept ValueError as e:\n    print(e)\n");
  });
});

describe("numbers through __float__, __index__, __int__ and __complex__", () => {
  it("complex(), printf-style %f %e %g %d %i %c, float() of bytes-like objects", () => {
    expectSameAsPython(cpython, "number-protocols", corpusCase("fidelity/148-number-protocols.py"));
  });
});

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

describe("exception groups", () => {
  it("subgroup(), split() and derive() as python3's, and except* through a subclass's derive()", () => {
    expectSameAsPython(cpython, "exception-group-methods", corpusCase("fidelity/151-exception-group-methods.py"));
  });
});
