/**
 * A step limit reached while a module written in Python (weakref, copy) runs its code on first import:
 * the half-made module is released with everything its code made so far, so the heap ends clean at every
 * step count (it kept the module, its dict and the names in it: 146 objects and more).
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";

describe("a step limit inside an import", () => {
  it("leaves a clean heap at every step count through import weakref and import copy", () => {
    // the loop keeps the program running past the imports, so each count stops it in the program
    const source = "import weakref\nimport copy\nwhile True:\n    pass\n";
    const importSteps = runDetailed("import weakref\nimport copy\n", {}).result.stats.steps;
    const bad: [number, string, number][] = [];
    for (let k = 1; k <= importSteps + 20; k++) {
      const { result, heap } = runDetailed(source, { limits: { maxSteps: k } }, { check: true });
      if (result.outcome.status !== "limit" || heap.leaked.length || !heap.check.ok) bad.push([k, result.outcome.status, heap.leaked.length]);
    }
    expect(importSteps).toBeGreaterThan(200);
    expect(bad).toEqual([]);
  });
});
