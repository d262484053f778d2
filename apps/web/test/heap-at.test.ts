import { describe, expect, it } from "vitest";
import { HeapTimeline } from "../src/model/heap-at.js";
import { cycleTrace, mutableListTrace } from "./fixtures/traces.js";

describe("HeapTimeline", () => {
  it("applies deltas up to the step", () => {
    const t = new HeapTimeline(mutableListTrace());
    expect([...t.at(0).keys()]).toEqual([]);
    expect(t.at(1).get(10)?.repr).toBe("['Hello']");
    expect(t.at(2).get(10)?.repr).toBe("['Hello', 'World']");
    expect(t.at(2).size).toBe(3);
  });

  it("gives the same heap going backwards, forwards and from keyframes", () => {
    const plain = cycleTrace();
    const withKeyframes = cycleTrace();
    const stepwise = new HeapTimeline(plain);
    withKeyframes.keyframes = [3, 5].map((k) => ({ step: k, objects: [...stepwise.at(k).values()] }));
    withKeyframes.keyframeInterval = 2;
    // Keyframes must be used as-is: drop the deltas they replace to prove it.
    for (let i = 0; i <= 3; i++) withKeyframes.steps[i]!.delta = { upsert: [], removed: [] };
    const fresh = new HeapTimeline(plain);
    const keyed = new HeapTimeline(withKeyframes);
    for (const i of [6, 2, 5, 0, 4, 4, 6, 3]) {
      const expected = [...fresh.at(i).keys()].sort();
      if (i >= 3) expect([...keyed.at(i).keys()].sort()).toEqual(expected);
      expect([...stepwise.at(i).keys()].sort()).toEqual(expected);
    }
    expect(new HeapTimeline(plain).at(5).get(30)?.refcount).toBe(1);
    expect(new HeapTimeline(plain).at(6).has(30)).toBe(false);
  });

  it("returns copies the caller may change", () => {
    const t = new HeapTimeline(mutableListTrace());
    t.at(2).clear();
    expect(t.at(2).size).toBe(3);
  });
});
