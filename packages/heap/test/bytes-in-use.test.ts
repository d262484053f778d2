// The bytes-in-use count against the blocks really handed out: a large request can get a whole free block
// a little bigger than asked (the rest too small to split), and the free takes that block's size off
// again, so allocation must count the same size. heap check compares the count with a walk of the
// used blocks (error 15 when they differ).
import { describe, expect, it } from "vitest";
import type { Heap, Obj } from "../src/index.js";
import { fresh, expectHealthy } from "./helpers.js";

/** A request's bytes rounded up to 16, as the large allocator sizes a block it splits. */
const align16 = (n: number): number => (n + 15) & ~15;

/** Frees every second string of `n` strings of `len` chars: n/2 holes of one block each between live ones. */
function holes(h: Heap, n: number, len: number): Obj[] {
  const keep = Array.from({ length: n }, () => h.newStrUncached("k".repeat(len)));
  for (let i = 0; i < n; i += 2) h.decref(keep[i]!);
  return keep.filter((_, i) => i % 2 === 1);
}

describe("bytes in use", () => {
  it("alloc/free pairs that take whole holes (small remainders) come back to the start, the check passing", () => {
    const h = fresh();
    const kept = holes(h, 200, 1000);
    const start = h.stats().bytesInUse;
    expectHealthy(h);
    let absorbed = 0;
    for (let round = 0; round < 60; round++) {
      // 990..1000 chars: each fits a 1000-char hole with a rest of 0..16 bytes, too small for a block
      const len = 990 + (round % 11);
      const tmp = Array.from({ length: 100 }, () => h.newStrUncached("c".repeat(len)));
      let blocks = 0;
      for (const s of tmp) {
        blocks += h.blockSize(s);
        if (h.blockSize(s) > align16(h.sizeOf(s))) absorbed++;
      }
      // the count grew by exactly the blocks these strings hold, as their sizes are reported
      expect(h.stats().bytesInUse - start).toBe(blocks);
      if (round % 20 === 0) expectHealthy(h);
      for (const s of tmp) h.decref(s);
      expect(h.stats().bytesInUse).toBe(start);
    }
    // the case in question happened: blocks bigger than their request were handed out
    expect(absorbed).toBeGreaterThan(1000);
    expectHealthy(h);
    for (const s of kept) h.decref(s);
    expect(h.walk()).toEqual([]);
    expect(h.stats().bytesInUse).toBe(0);
    expectHealthy(h);
  });

  it("a large str grown by appends (in place into a free neighbour, or moved) keeps the count right", () => {
    const h = fresh();
    const kept = holes(h, 40, 700);
    const start = h.stats().bytesInUse;
    const x = h.newStr("x");
    const base = h.stats().bytesInUse;
    const blockers: Obj[] = [];
    let s = h.newStrUncached("a".repeat(600));
    let inPlace = 0;
    let moved = 0;
    for (let i = 0; i < 3000; i++) {
      const before = s;
      const sizeBefore = h.blockSize(s);
      const r = h.strAppendInPlace(s, x);
      expect(r).not.toBe(0);
      s = r;
      if (s !== before) moved++;
      else if (h.blockSize(s) > sizeBefore) inPlace++;
      // a live neighbour now and then, so the next growth has to move
      if (i % 97 === 0) blockers.push(h.newStrUncached("b".repeat(520 + (i % 40))));
      const live = [s, ...blockers].reduce((t, o) => t + h.blockSize(o), 0);
      expect(h.stats().bytesInUse - base).toBe(live);
      if (i % 500 === 0) expectHealthy(h);
    }
    expect(h.readStr(s)).toBe("a".repeat(600) + "x".repeat(3000));
    expect(inPlace).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
    expectHealthy(h);
    h.decref(s);
    for (const b of blockers) h.decref(b);
    h.decref(x);
    expect(h.stats().bytesInUse).toBe(start);
    expectHealthy(h);
    for (const k of kept) h.decref(k);
    expect(h.walk()).toEqual([]);
    expect(h.stats().bytesInUse).toBe(0);
    expectHealthy(h);
  });
});
