// The math module against python3: argument conversions and errors of every function, and the values of
// those whose results are exactly rounded (transcendental functions are compared in libm tests).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../src/index.js";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-math-");
const program = (name: string) => readFileSync(new URL(`./math/${name}`, import.meta.url), "utf8");

describe("math", () => {
  it("checks arguments and raises python3's errors", () => expectSameAsPython(cpython, "errors", program("errors.py")));
  it("gives python3's values for the exactly rounded functions and the int functions", () => expectSameAsPython(cpython, "values", program("values.py")));
  it("converts arguments with __float__ and __index__, and floor/ceil/trunc use the type's own method", () =>
    expectSameAsPython(
      cpython,
      "conversions",
      [
        "import math",
        "class F:",
        "    def __float__(self): return 2.25",
        "class I:",
        "    def __index__(self): return 9",
        "class R:",
        "    def __floor__(self): return 'floor'",
        "    def __ceil__(self): return 'ceil'",
        "    def __trunc__(self): return 'trunc'",
        "class Bad:",
        "    def __float__(self): return 1",
        "class Sub(float): pass",
        "print(math.sqrt(F()), math.sqrt(I()), math.floor(F()), math.factorial(I()), math.isqrt(I()))",
        "print(math.floor(R()), math.ceil(R()), math.trunc(R()), math.floor(Sub(2.5)), type(math.floor(True)))",
        "try:\n    math.sqrt(Bad())\nexcept TypeError as e:\n    print(e)",
        "print(math.prod([Sub(1.5), 2]), math.fsum(x / 10 for x in range(10)), math.dist(range(3), (1, 1, 1)))",
        "import sys",
        "print(type(math.sqrt).__name__, math.sqrt.__name__, math.__name__, 'math' in sys.modules, math.pi is math.pi)",
      ].join("\n") + "\n",
    ));
  it("is a module of its own per run, released with the interpreter", () => {
    const r = run("import math\nprint(math.floor(-0.5), math.gcd(12, 18))\n");
    expect(r.stdout).toBe("-1 6\n");
  });
});
