// complex ** against python3 (corpus fidelity/70): integral exponents, the polar form, zero and overflow errors.
import { describe, it } from "vitest";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-complex-pow-");

describe("complex **", () => {
  it("runs the corpus case as python3 does, without a leak", () => expectSameAsPython(cpython, "complex_pow", corpusCase("fidelity/70-complex-power.py")));
  it("pow() with a modulus: the first operand that is not an int picks complex's ValueError or float's TypeError", () =>
    expectSameAsPython(
      cpython,
      "complex_pow_mod",
      `vals = [3, 2.0, 1j, True]
for a in vals:
    for b in vals:
        for c in vals:
            try:
                r = pow(a, b, c)
            except Exception as e:
                r = type(e).__name__ + ": " + str(e)
            print(repr(a), repr(b), repr(c), r)
`,
    ));
});
