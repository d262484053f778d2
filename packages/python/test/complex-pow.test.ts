// complex ** against python3 (corpus fidelity/70): integral exponents, the polar form, zero and overflow errors.
import { describe, it } from "vitest";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-complex-pow-");

describe("complex **", () => {
  it("runs the corpus case as python3 does, without a leak", () => expectSameAsPython(cpython, "complex_pow", corpusCase("fidelity/70-complex-power.py")));
});
