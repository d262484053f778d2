import { describe, expect, it } from "vitest";
import { analyzeHeap, describeHolder, pathToObject, shortId } from "../src/model/graph.js";
import { HeapTimeline } from "../src/model/heap-at.js";
import { obj, ref } from "./fixtures/build.js";
import { cycleTrace, sharedTrace } from "./fixtures/traces.js";

describe("analyzeHeap", () => {
  it("lists every holder of a shared object", () => {
    const t = sharedTrace();
    const heap = new HeapTimeline(t).at(0);
    const a = analyzeHeap(heap, t.steps[0]!.frames);
    const holders = a.holders.get(20)!.map((h) => describeHolder(h, heap));
    expect(holders).toEqual(["inner in <module>", `[0] of list ${shortId(heap.get(21)!.id)}`]);
    expect(a.hidden.get(20)).toBe(0);
    expect(a.hidden.get(1)).toBe(98);
    expect(a.garbage.size).toBe(0);
  });

  it("greys a cycle only once no name reaches it", () => {
    const t = cycleTrace();
    const tl = new HeapTimeline(t);
    const before = analyzeHeap(tl.at(4), t.steps[4]!.frames);
    expect([...before.garbage]).toEqual([]);
    const after = analyzeHeap(tl.at(5), t.steps[5]!.frames);
    expect([...after.garbage].sort()).toEqual([30, 31]);
    expect(after.alive.has(5)).toBe(true);
    const collected = analyzeHeap(tl.at(6), t.steps[6]!.frames);
    expect(collected.garbage.size).toBe(0);
  });

  it("keeps an object alive when its refcount has references the trace does not draw", () => {
    const x = obj(1, "list", "[[...]]", 2, { gcType: true, generation: 0 });
    const y = obj(2, "list", "[[...]]", 1, { gcType: true, generation: 0, referents: [ref("[0]", x)] });
    x.referents = [ref("[0]", y)];
    const heap = new Map([[1, x], [2, y]]);
    const a = analyzeHeap(heap, []);
    expect(a.hidden.get(1)).toBe(1);
    expect(a.garbage.size).toBe(0);
    x.refcount = 1;
    expect([...analyzeHeap(heap, []).garbage].sort()).toEqual([1, 2]);
  });
});

describe("pathToObject", () => {
  it("finds the shortest chain of references from a name", () => {
    const t = sharedTrace();
    const heap = new HeapTimeline(t).at(0);
    const path = pathToObject(heap, t.steps[0]!.frames, 1)!;
    expect(path.map((h) => describeHolder(h.holder, heap))).toEqual(["x in <module>"]);
    const nested = pathToObject(heap, [{ name: "<module>", line: 1, locals: [{ name: "outer", id: "", serial: 21 }] }], 1)!;
    expect(nested.map((h) => h.serial)).toEqual([21, 20, 1]);
    expect(nested.map((h) => describeHolder(h.holder, heap))).toEqual([
      "outer in <module>",
      `[0] of list ${shortId(heap.get(21)!.id)}`,
      `[0] of list ${shortId(heap.get(20)!.id)}`,
    ]);
  });

  it("returns null for garbage", () => {
    const t = cycleTrace();
    expect(pathToObject(new HeapTimeline(t).at(5), t.steps[5]!.frames, 30)).toBeNull();
  });
});
