// statistics, fractions, pprint and textwrap against python3: each program in test/teaching-modules runs in
// both (statistics in two parts and textwrap in three, to stay within a test's time on a loaded
// machine): many inputs through each function and option, results' types and values, python3's error types
// and messages. No str set or dict order is printed, so the output does not depend on hash randomization.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../src/index.js";
import { cpythonRunner, expectSameAsPython, withoutFramesOf } from "./cpython.js";

const cpython = cpythonRunner("pyheap-teaching-modules-");

/** The program of test/teaching-modules/NAME-cases.py; with `part`, its part of `parts` (`[PART::2]` in it). */
const program = (name: string, part?: number, parts = 2): string => {
  const src = readFileSync(new URL(`./teaching-modules/${name}-cases.py`, import.meta.url), "utf8");
  return part === undefined ? src : src.replace("[PART::2]", `[${part}::${parts}]`);
};

/** expectSameAsPython with a wall-time limit of 2 minutes (the default 10 s is too short on a loaded machine). */
const expectSameSlow = (name: string, source: string): void => expectSameAsPython(cpython, name, source, Infinity, 120_000);

describe("teaching modules", () => {
  it("fractions: construction, arithmetic with every numeric type, comparisons, hashes, rounding, errors", () =>
    expectSameSlow("fractions-cases", program("fractions")));
  for (const part of [0, 1])
    it(`statistics: every function on ints, floats, Fractions, bools, non-finite data, errors (part ${part})`, () =>
      expectSameSlow(`statistics-cases-${part}`, program("statistics", part)));
  it("statistics: median_grouped, covariance, correlation, linear_regression, NormalDist (cdf, pdf, inv_cdf, overlap, arithmetic, errors)", () =>
    expectSameSlow("statistics-more-cases", program("statistics-more")));
  it("pprint: nested containers at many widths, indents, depths, compact, sort_dicts, collections types, long strings", () =>
    expectSameSlow("pprint-cases", program("pprint")));
  for (const part of [0, 1, 2])
    it(`textwrap: wrap/fill/shorten with each option at many widths, dedent, indent (part ${part} of 3)`, () =>
      expectSameSlow(`textwrap-cases-${part}`, program("textwrap", part, 3)));
  it("prints an uncaught error with the program's frames only (python3's are in its installation's .py files)", { timeout: 180_000 }, () => {
    const uncaught = ["import statistics\nstatistics.mean([])", "from fractions import Fraction\nprint(Fraction(1, 3) / Fraction(0, 5))", "import textwrap\ntextwrap.shorten('Hello world', 3)", "import pprint\npprint.pprint([1], width=0)", "import textwrap\nprint(textwrap.indent('a\\nb', '> ', lambda l: l.upper() + 1))"];
    for (const [i, src] of uncaught.entries()) {
      const want = cpython(`uncaught-${i}.py`, src + "\n");
      const r = run(src + "\n", { filename: `uncaught-${i}.py` });
      expect(want.stderr).toContain("Error");
      expect(r.stderr, src).toBe(withoutFramesOf(want.stderr, /[/\\](statistics|fractions|pprint|textwrap)\.py"/));
      expect(r.exitCode).toBe(want.status);
    }
  });
});
