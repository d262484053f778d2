import { describe, expect, it } from "vitest";
import { analyzeHeap } from "../src/model/graph.js";
import { HeapTimeline } from "../src/model/heap-at.js";
import { BOX_W, layoutDiagram, MAX_BOXES, MAX_ROWS } from "../src/model/layout.js";
import { obj, ref } from "./fixtures/build.js";
import { cycleTrace, sharedTrace } from "./fixtures/traces.js";

function layoutAt(t: ReturnType<typeof sharedTrace>, i: number) {
  const heap = new HeapTimeline(t).at(i);
  const frames = t.steps[i]!.frames;
  return layoutDiagram(heap, frames, analyzeHeap(heap, frames));
}

describe("layoutDiagram", () => {
  it("draws a shared object once, with one arrow per reference", () => {
    const l = layoutAt(sharedTrace(), 0);
    expect([...l.boxes.keys()].sort((a, b) => a - b)).toEqual([1, 20, 21]);
    expect(l.edges.filter((e) => e.toSerial === 20).map((e) => e.key).sort()).toEqual(["f0:inner", "o21:0"]);
    expect(l.edges.filter((e) => e.toSerial === 1).length).toBe(2);
  });

  it("puts objects in columns by distance from the frames, without overlaps", () => {
    const l = layoutAt(sharedTrace(), 0);
    expect(l.boxes.get(20)!.depth).toBe(1);
    expect(l.boxes.get(21)!.depth).toBe(1);
    expect(l.boxes.get(1)!.depth).toBe(1);
    const boxes = [...l.boxes.values()];
    for (const a of boxes) {
      expect(a.x).toBeGreaterThan(l.frames[0]!.x + l.frames[0]!.w);
      for (const b of boxes) {
        if (a === b || a.x !== b.x) continue;
        expect(a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
      }
    }
    expect(l.width).toBeGreaterThanOrEqual(boxes[0]!.x + BOX_W);
  });

  it("puts garbage in a band below the living", () => {
    const l = layoutAt(cycleTrace(), 5);
    expect(l.garbageTop).not.toBeNull();
    expect(l.boxes.get(30)!.garbage).toBe(true);
    expect(l.boxes.get(31)!.garbage).toBe(true);
    expect(l.boxes.get(30)!.y).toBeGreaterThan(l.garbageTop!);
    expect(l.boxes.get(5)!.garbage).toBe(false);
    expect(l.edges.some((e) => e.fromSerial === 30 && e.toSerial === 31)).toBe(true);
    expect(layoutAt(cycleTrace(), 4).garbageTop).toBeNull();
  });

  it("caps rows per box and boxes per diagram", () => {
    const items = Array.from({ length: MAX_BOXES + 5 }, (_, i) => obj(100 + i, "int", String(1000 + i), 1));
    const big = obj(99, "list", "[…]", 1, { gcType: true, referents: items.map((o, i) => ref(`[${i}]`, o)) });
    const heap = new Map([big, ...items].map((o) => [o.serial, o]));
    const frames = [{ name: "<module>", line: 1, locals: [{ name: "big", id: big.id, serial: 99 }] }];
    const l = layoutDiagram(heap, frames, analyzeHeap(heap, frames));
    expect(l.boxes.get(99)!.rows.length).toBe(MAX_ROWS);
    expect(l.boxes.get(99)!.more).toBe(items.length - MAX_ROWS);
    expect(l.boxes.size).toBe(MAX_BOXES);
    expect(l.omitted).toBe(6);
  });

  it("leaves module dunders out of the drawing but not out of the references", () => {
    const name = obj(40, "str", "'__main__'", 2);
    const x = obj(41, "list", "[]", 1, { gcType: true, generation: 0 });
    const heap = new Map([name, x].map((o) => [o.serial, o]));
    const frames = [{ name: "<module>", line: 1, locals: [{ name: "__name__", id: name.id, serial: 40 }, { name: "x", id: x.id, serial: 41 }] }];
    const analysis = analyzeHeap(heap, frames);
    const l = layoutDiagram(heap, frames, analysis);
    expect(l.frames[0]!.rows.map((r) => r.label)).toEqual(["x"]);
    expect(l.boxes.has(40)).toBe(false);
    expect(analysis.holders.get(40)!.length).toBe(1);
    expect(analysis.garbage.has(40)).toBe(false);
  });
});
