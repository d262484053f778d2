// The core's permanent tables (the event ring, inspection buffers, the allocator's tables) come from a bump
// region whose bytes are zero because memory.grow hands out zeroed pages and nothing writes above its top,
// not because each table is filled with zeros when handed out (which also committed every page of a 4 MiB
// ring that a short trace never reaches). These check that a table is zero wherever its region comes from:
// a new heap, a region written and then given back by an image restore or a reset.
import { describe, expect, it } from "vitest";
import { loadHeap, type Heap } from "../src/index.js";

const EV_BYTES = 16;

/** The ring's bytes as the core sees them, and whether all of them are zero. */
function ringIsZero(h: Heap, cap: number): boolean {
  const base = h.core.ev_base() >>> 0;
  expect(base).toBeGreaterThan(0);
  const bytes = h.u8.subarray(base, base + cap * EV_BYTES);
  expect(bytes.length).toBe(cap * EV_BYTES);
  return bytes.every((b) => b === 0);
}

/** Allocations and frees that fill `cap` ring entries (or more: the rest are dropped). */
function fillRing(h: Heap, cap: number): void {
  for (let i = 0; i < cap; i++) h.decref(h.newInt(5_000_000 + i));
  expect(h.core.ev_count()).toBe(cap);
}

describe("the core's permanent tables are zero when handed out", () => {
  it("a new heap's ring is zero, and its entries are what was recorded", () => {
    const h = loadHeap({ heapLimit: 64 << 20 });
    h.events.enable(1 << 18);
    expect(ringIsZero(h, 1 << 18)).toBe(true);
    h.decref(h.newInt(123_456_789));
    const { events } = h.events.drain();
    expect(events.length).toBeGreaterThan(0);
  });

  it("a ring handed out again over a region an image restore gave back is zero", () => {
    const h = loadHeap({ heapLimit: 64 << 20 });
    const image = h.captureImage();
    expect(image).not.toBeNull();
    const cap = 1 << 12;
    h.events.enable(cap);
    const base = h.core.ev_base() >>> 0;
    fillRing(h, cap);
    expect(ringIsZero(h, cap)).toBe(false);
    expect(h.restoreImage(image!)).toBe(true);
    // the restored core has no ring: a larger one starts where the written one was
    h.events.enable(cap * 4);
    expect(h.core.ev_base() >>> 0).toBe(base);
    expect(ringIsZero(h, cap * 4)).toBe(true);
  });

  it("after a reset, a ring and the inspection buffers are zero again", () => {
    const h = loadHeap({ heapLimit: 64 << 20 });
    const cap = 1 << 12;
    h.events.enable(cap);
    fillRing(h, cap);
    h.snapshot();
    h.reset();
    h.events.enable(cap);
    expect(ringIsZero(h, cap)).toBe(true);
    // the page bitmaps the heap walk uses start empty: it finds what a brand-new heap's walk finds
    const fresh = loadHeap({ heapLimit: 64 << 20 });
    for (const x of [h, fresh]) x.newInt(987_654_321);
    expect(h.snapshot()).toEqual(fresh.snapshot());
  });
});
