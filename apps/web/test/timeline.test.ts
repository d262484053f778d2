import { describe, expect, it } from "vitest";
import { stepAtX, timelineGeometry } from "../src/model/timeline.js";
import { cycleTrace } from "./fixtures/traces.js";

describe("timelineGeometry", () => {
  it("scales live objects into the box and maps x back to steps", () => {
    const t = cycleTrace();
    const g = timelineGeometry(t, 100, 50, 0);
    expect(g.maxLive).toBe(3);
    const pts = g.live.split(" ").map((p) => p.split(",").map(Number));
    expect(pts).toHaveLength(7);
    expect(pts[0]).toEqual([0, 50]);
    expect(pts[5]![1]).toBe(0);
    expect(pts[6]![1]).toBeCloseTo(50 - 50 / 3, 1);
    for (let i = 0; i < 7; i++) expect(stepAtX(g.x(i), 100, 7, 0)).toBe(i);
    expect(stepAtX(-30, 100, 7, 0)).toBe(0);
    expect(stepAtX(500, 100, 7, 0)).toBe(6);
    expect(g.collections).toEqual([100]);
  });
});
