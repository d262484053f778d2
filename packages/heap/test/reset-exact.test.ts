// heap.reset() restores only what a run can have written (the permanent tables up to their top, the pages
// handed out since); the heap it leaves must still be bit for bit a new heap. A fixed script run on a reset
// heap and on a brand-new one must see the same addresses, sizes, GC counts, free lists, events and
// memory bytes, whatever ran before the reset.
import { describe, expect, it } from "vitest";
import { loadHeap, type Heap } from "../src/index.js";
import { dropCycles, expectSameMemory, slotType } from "./helpers.js";

/** Varied work: many arenas (some released again), large blocks, cycles, both GC algorithms, the event
 *  ring left full, free lists filled, inspection buffers, and memory grown well past its initial size. */
function varied(h: Heap, seed: number): void {
  const T = slotType(h, 2);
  h.events.enable(1 << 12);
  const ints: number[] = [];
  for (let i = 0; i < 120_000 + seed * 10_000; i++) ints.push(h.newInt(10_000_000 + i * (seed + 1)));
  const big: number[] = [];
  for (let i = 0; i < 6; i++) big.push(h.newStr(String.fromCharCode(97 + i).repeat(200_000 + seed * 1000)));
  big.push(h.newList(ints.slice(0, 50_000)));
  dropCycles(h, T, 300);
  h.core.gc_set_algorithm(seed & 1);
  h.gc.collect(2);
  // every other int freed, then all: arenas emptied and released
  for (let i = 0; i < ints.length; i += 2) h.decref(ints[i]!);
  const floats = Array.from({ length: 200 }, (_, i) => h.newFloat(i + 0.5));
  for (const f of floats) h.decref(f);
  const tuples = Array.from({ length: 50 }, (_, i) => h.newTupleSteal([h.newInt(i), h.newInt(-i)]));
  for (const t of tuples) h.decref(t);
  h.snapshot();
  h.nextBlocks();
  for (let i = 1; i < ints.length; i += 2) h.decref(ints[i]!);
  h.decref(big.pop()!);
  h.gc.collect(0);
  h.gc.setThreshold(5, 3, 2);
  // left as they are: some large blocks alive, the ring full and not drained, GC tuned
}

/** A fixed script; everything it returns must be the same on a new heap and on a reset one. */
function script(h: Heap): unknown {
  const out: Record<string, unknown> = {};
  out.statsBefore = h.stats();
  out.nextBefore = h.nextBlocks();
  out.freeListsBefore = h.freeLists();
  out.gcBefore = [h.gc.getCount(), h.gc.getThreshold(), h.gc.getStats(), h.gc.isEnabled()];
  h.events.enable(1 << 10);
  const T = slotType(h, 2);
  const addrs: number[] = [T];
  const keep: number[] = [];
  for (let i = 0; i < 40_000; i++) keep.push(h.newInt(5_000_000 + 7 * i));
  addrs.push(...keep.slice(0, 50), ...keep.slice(-50));
  const s1 = h.newStr("y".repeat(150_000));
  const s2 = h.newStr("short");
  const l = h.newList(keep.slice(0, 1000));
  const d = h.newDict();
  for (let i = 0; i < 100; i++) h.dictSet(d, keep[i]!, keep[i + 1]!);
  addrs.push(s1, s2, l, d);
  out.events1 = h.events.drain();
  addrs.push(...dropCycles(h, T, 20));
  out.collected = h.gc.collect(2);
  out.events2 = h.events.drain();
  h.events.disable();
  for (let i = 0; i < keep.length; i += 3) h.decref(keep[i]!);
  const fl = [h.newFloat(1.5), h.newFloat(2.5)];
  for (const f of fl) h.decref(f);
  addrs.push(...fl, h.newFloat(3.5), h.newTupleSteal([h.newInt(1)]), h.newStr("z".repeat(3000)));
  out.addrs = addrs;
  out.next = h.nextBlocks();
  out.freeLists = h.freeLists();
  out.gc = [h.gc.getCount(), h.gc.getStats()];
  out.stats = h.stats();
  out.snapshot = h.snapshot();
  out.check = h.check();
  return out;
}

describe("heap.reset() restores exactly what changed", () => {
  for (const debug of [true, false]) {
    it(`a fixed script sees the same heap as on a new heap after varied work and resets (${debug ? "debug" : "release"} core)`, () => {
      const fresh = loadHeap({ debug });
      const expected = script(fresh);
      const h = loadHeap({ debug });
      h.reset(); // the first reset makes a new instance and keeps its image; the later ones restore in place
      const mem = h.memory;
      for (let round = 0; round < 3; round++) {
        varied(h, round);
        expect(h.memory.buffer.byteLength).toBeGreaterThan(fresh.memory.buffer.byteLength);
        h.reset();
        expect(h.memory).toBe(mem);
        // before the script: same bytes as a new heap (the memory stays grown; its surplus is zero)
        expectSameMemory(h, loadHeap({ debug }));
        expect(script(h)).toEqual(expected);
        expectSameMemory(h, fresh);
        h.reset();
      }
    });
  }

  it("the core sees the size a new instance has, not the grown memory (next arena, table sizes)", () => {
    const h = loadHeap({ debug: true });
    const sizeOfNew = h.memory.buffer.byteLength;
    const nextOfNew = h.nextBlocks();
    h.reset();
    varied(h, 1);
    h.reset();
    expect(h.memory.buffer.byteLength).toBeGreaterThan(sizeOfNew);
    // the first allocation takes a new arena: its predicted address is where a new heap puts it
    expect(h.nextBlocks()).toEqual(nextOfNew);
    expect(h.nextBlocks().every((b) => b.source === "new-arena")).toBe(true);
    const o = h.newInt(123456789);
    const g = loadHeap({ debug: true });
    expect(o).toBe(g.newInt(123456789));
  });
});
