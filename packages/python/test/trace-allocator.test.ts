/**
 * TraceStep.allocator: the next block of each size class and the type free lists, recorded in full on
 * keyframes and as changes in between; what a step predicts is where the next step's objects land.
 */
import { describe, expect, test } from "vitest";
import { run, type FreeListView, type NextBlockView, type Trace } from "../src/index.js";
import { binding, objectAt, stepAtLine } from "./trace-helpers.js";

/** The allocator state after step i: the last full record at or before i, then the changes after it. */
function allocatorAt(trace: Trace, i: number): { next: Map<number, NextBlockView>; freeLists: FreeListView[] } {
  let k = i;
  while (k >= 0 && !trace.steps[k]!.allocator?.full) k--;
  if (k < 0) throw new Error(`no full allocator record at or before step ${i}`);
  const next = new Map<number, NextBlockView>();
  let freeLists: FreeListView[] = [];
  for (let j = k; j <= i; j++) {
    const a = trace.steps[j]!.allocator;
    if (!a) continue;
    for (const b of a.nextBlock) next.set(b.size, b);
    if (a.freeLists) freeLists = a.freeLists;
  }
  return { next, freeLists };
}

function traced(code: string): Trace {
  const r = run(code, { trace: "line" });
  if (!r.trace) throw new Error("no trace");
  return r.trace;
}

const PROGRAM = [
  "n = 10 ** 6",
  "a = n + 1",
  "b = n + 2",
  "del a",
  "c = n + 3",
  "f = n * 1.5",
  "del f",
  "g = n * 2.5",
  "t = (a, b) if False else (b, c)",
  "del t",
  "u = (c, b)",
  "print(c - b, g)",
].join("\n");

describe("trace allocator state", () => {
  const trace = traced(PROGRAM);

  test("step 0 and every keyframe list all 32 classes; other steps only what changed", () => {
    const first = trace.steps[0]!.allocator!;
    expect(first.full).toBe(true);
    expect(first.nextBlock.map((b) => b.size)).toEqual(Array.from({ length: 32 }, (_, c) => 16 * (c + 1)));
    for (const s of trace.steps.slice(1)) {
      if (!s.allocator) continue;
      expect(s.allocator.full ?? false).toBe(trace.keyframeInterval > 0 && s.index % trace.keyframeInterval === 0);
      expect(s.allocator.nextBlock.length).toBeLessThan(32);
    }
  });

  test("an int created by a line lands on the 32-byte block the step before it predicted", () => {
    for (const [line, name] of [[2, "a"], [3, "b"], [5, "c"]] as const) {
      const i = stepAtLine(trace, line);
      const predicted = allocatorAt(trace, i).next.get(32)!;
      const obj = objectAt(trace, i + 1, name);
      expect(obj.blockSize).toBe(32);
      expect(obj.id, `${name} at line ${line}`).toBe(predicted.address);
    }
  });

  test("after del, the freed block is the next one of its class (LIFO), and the next int takes it", () => {
    const aId = objectAt(trace, stepAtLine(trace, 3), "a").id;
    const before = stepAtLine(trace, 5); // del a has run
    expect(allocatorAt(trace, before).next.get(32)).toEqual({ size: 32, address: aId, source: "free-list" });
    expect(objectAt(trace, before + 1, "c").id).toBe(aId);
  });

  test("a freed float waits on the float free list and the next float is that object", () => {
    const fId = objectAt(trace, stepAtLine(trace, 7), "f").id;
    const i = stepAtLine(trace, 8); // del f has run
    const floats = allocatorAt(trace, i).freeLists.find((l) => l.type === "float");
    expect(floats?.next).toBe(fId);
    expect(objectAt(trace, i + 1, "g").id).toBe(fId);
  });

  test("a freed 2-tuple waits on the tuple free list for length 2 and comes back for the next 2-tuple", () => {
    const tId = objectAt(trace, stepAtLine(trace, 10), "t").id;
    const i = stepAtLine(trace, 11);
    const tuples = allocatorAt(trace, i).freeLists.find((l) => l.type === "tuple" && l.length === 2);
    expect(tuples?.next).toBe(tId);
    expect(binding(trace.steps[i + 1]!, "u")?.id).toBe(tId);
  });

  test("across keyframes, the state materialised at each step equals replaying every change from step 0", () => {
    const t = traced(["n = 10 ** 6", "xs = []", "for i in range(150):", "    xs.append(n + i)", "    if i % 3 == 0: xs.pop(0)"].join("\n"));
    expect(t.steps.length).toBeGreaterThan(2 * t.keyframeInterval);
    const replay = new Map<number, NextBlockView>();
    for (let i = 0; i < t.steps.length; i++) {
      for (const b of t.steps[i]!.allocator?.nextBlock ?? []) replay.set(b.size, b);
      expect(allocatorAt(t, i).next).toEqual(replay);
    }
    expect(t.steps.filter((s) => s.allocator?.full).length).toBe(Math.ceil(t.steps.length / t.keyframeInterval));
  });
});
