// heap.captureImage() / restoreImage(): a heap set up once (types registered, objects alive, GC tuned) and
// put back into that state before each use must be, bit for bit, the heap the same set-up gives on a new
// instance, whatever ran in between (arenas added and released, large blocks, collections, free lists,
// the event ring, memory grown past its size at capture).
import { describe, expect, it } from "vitest";
import { loadHeap, type Heap } from "../src/index.js";
import { dropCycles, expectSameMemory, slotType } from "./helpers.js";

/** A fixed set-up: what an interpreter does before a program (types, long-lived objects, GC settings). */
function setUp(h: Heap): { T: number; keep: number[] } {
  const T = slotType(h, 2);
  const keep: number[] = [];
  for (let i = 0; i < 3000; i++) keep.push(h.newInt(1_000_000 + 3 * i));
  keep.push(h.newStr("s".repeat(70_000)), h.newList(keep.slice(0, 100)));
  const d = h.newDict();
  for (let i = 0; i < 50; i++) h.dictSet(d, keep[i]!, keep[i + 1]!);
  keep.push(d);
  // a few freed: free lists and holes in the pools are part of the state
  for (let i = 100; i < 400; i += 2) h.decref(keep[i]!);
  for (const f of [h.newFloat(0.25), h.newFloat(0.75)]) h.decref(f);
  h.gc.setThreshold(650, 9, 8);
  h.events.enable(1 << 10);
  h.newInt(77_777_777);
  return { T, keep };
}

/** Unrelated work of varying size, left unfinished (objects alive, ring full, GC settings changed). */
function varied(h: Heap, T: number, round: number): void {
  const ints: number[] = [];
  for (let i = 0; i < 60_000 + round * 20_000; i++) ints.push(h.newInt(50_000_000 + i * (round + 2)));
  // past 32 MiB, where the memory grows ahead of the pages the core has been handed
  for (let i = 0; i < 4; i++) h.newStr(String.fromCharCode(65 + i).repeat(4_500_000 + round * 5000));
  dropCycles(h, T, 200);
  h.gc.collect(2);
  for (let i = 0; i < ints.length; i += 2) h.decref(ints[i]!);
  h.gc.setThreshold(3, 2, 1);
  h.gc.disable();
}

/** A fixed script: everything it returns must be the same on the restored heap as on a new one. */
function script(h: Heap, T: number, keep: number[]): unknown {
  const out: Record<string, unknown> = {};
  out.before = [h.stats(), h.nextBlocks(), h.freeLists(), h.gc.getCount(), h.gc.getThreshold(), h.gc.getStats(), h.gc.isEnabled()];
  out.events0 = h.events.drain();
  const addrs: number[] = [];
  for (let i = 0; i < 5000; i++) addrs.push(h.newInt(9_000_000 + i));
  addrs.push(...dropCycles(h, T, 30));
  out.refcnts = keep.slice(0, 50).map((o) => h.refcnt(o));
  out.collected = h.gc.collect(2);
  out.events = h.events.drain();
  out.addrs = addrs;
  out.after = [h.stats(), h.nextBlocks(), h.freeLists(), h.gc.getCount(), h.gc.getStats()];
  out.snapshot = h.snapshot();
  out.check = h.check();
  return out;
}

describe("heap.captureImage() / restoreImage()", () => {
  for (const debug of [true, false]) {
    it(`a restored heap is the heap the same set-up gives on a new instance (${debug ? "debug" : "release"} core)`, () => {
      const fresh = loadHeap({ debug });
      const f = setUp(fresh);
      const setUpOnly = loadHeap({ debug });
      setUp(setUpOnly);
      const expected = script(fresh, f.T, f.keep);

      const h = loadHeap({ debug });
      h.reset(); // restorable images need the rewritten module's globals (as in a pooled heap)
      const s = setUp(h);
      const image = h.captureImage();
      expect(image).not.toBeNull();
      expect(image!.liveBytes).toBe(h.liveBytes());
      const mem = h.memory;
      for (let round = 0; round < 3; round++) {
        varied(h, s.T, round);
        expect(h.memory.buffer.byteLength).toBeGreaterThan(setUpOnly.memory.buffer.byteLength);
        expect(h.restoreImage(image!)).toBe(true);
        expect(h.memory).toBe(mem);
        expectSameMemory(h, setUpOnly);
        expect(script(h, s.T, s.keep)).toEqual(expected);
        expectSameMemory(h, fresh);
      }
    });
  }

  it("an image restores only into the instance it came from", () => {
    const a = loadHeap();
    a.reset();
    const b = loadHeap();
    b.reset();
    setUp(a);
    const image = a.captureImage()!;
    const before = Buffer.from(b.memory.buffer);
    expect(b.restoreImage(image)).toBe(false);
    expect(Buffer.from(b.memory.buffer).equals(before)).toBe(true);
    // a reset in place keeps the instance: the image still fits
    a.reset();
    expect(a.restoreImage(image)).toBe(true);
    expect(a.check()).toEqual({ ok: true });
  });

  it("a heap reset back to heap_init after a restore is a new heap again", () => {
    const h = loadHeap();
    h.reset();
    setUp(h);
    const image = h.captureImage()!;
    h.newStr("q".repeat(100_000));
    h.restoreImage(image);
    h.reset();
    expectSameMemory(h, loadHeap());
    expect(h.nextBlocks()).toEqual(loadHeap().nextBlocks());
  });
});
