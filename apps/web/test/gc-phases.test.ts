import { describe, expect, it } from "vitest";
import { collectionPhases, PHASE_NOTES, RECHECK_NOTE } from "../src/model/gc-phases.js";
import { step } from "./fixtures/build.js";

describe("collectionPhases", () => {
  it("numbers collections and marks the re-examination after finalizers", () => {
    const a = { id: "1", serial: 1 };
    const s = step(0, 1, [], [], [], [
      { kind: "gc-start", generation: 0, counts: [701, 0, 0], automatic: true },
      { kind: "gc-phase", generation: 0, phase: "subtract-refs", gcRefs: [{ ...a, gcRefs: 0 }] },
      { kind: "gc-phase", generation: 0, phase: "move-unreachable", unreachable: [a] },
      { kind: "gc-phase", generation: 0, phase: "resurrection-check" },
      { kind: "gc-phase", generation: 0, phase: "subtract-refs", gcRefs: [{ ...a, gcRefs: 0 }] },
      { kind: "gc-phase", generation: 0, phase: "clear", unreachable: [a] },
      { kind: "gc-end", generation: 0, collected: 1, uncollectable: 0, counts: [0, 1, 0] },
      { kind: "gc-start", generation: 1, counts: [0, 11, 0], automatic: true },
      { kind: "gc-phase", generation: 1, phase: "update-refs" },
    ]);
    const phases = collectionPhases(s);
    expect(phases.map((p) => [p.collection, p.generation, p.phase, p.recheck])).toEqual([
      [1, 0, "subtract-refs", false],
      [1, 0, "move-unreachable", false],
      [1, 0, "resurrection-check", false],
      [1, 0, "subtract-refs", true],
      [1, 0, "clear", false],
      [2, 1, "update-refs", false],
    ]);
    expect(phases[0]!.gcRefs).toEqual(new Map([[1, 0]]));
    expect(phases[1]!.unreachable).toEqual(new Set([1]));
    expect(phases[1]!.reachable).toBeNull();
    expect(phases[3]!.note).toBe(`${RECHECK_NOTE} ${PHASE_NOTES["subtract-refs"]}`);
    expect(collectionPhases(step(0, 1, []))).toEqual([]);
  });
});
