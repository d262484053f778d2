import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { loadHeap, type Heap, type HeapOptions } from "../src/index.js";

/** Facts produced by running test/data/cpython-facts.py with python3 3.11.7. */
export const facts = JSON.parse(readFileSync(new URL("./data/cpython-facts.json", import.meta.url), "utf8"));

/** A fresh heap on the debug build (asserts on). */
export function fresh(options: HeapOptions = {}): Heap {
  return loadHeap({ debug: true, ...options });
}

/** A deterministic pseudo-random sequence in [0, 1) (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function expectHealthy(h: Heap): void {
  expect(h.check()).toEqual({ ok: true });
}

/** A throw-away GC type with `n` reference slots after the header (like a class instance with slots). */
export function slotType(h: Heap, n: number, extra: Partial<Parameters<Heap["registerType"]>[0]> = {}) {
  return h.registerType({
    name: "Node",
    basicsize: 16 + 8 * n,
    gc: true,
    refSlots: Array.from({ length: n }, (_, i) => 16 + 8 * i),
    ...extra,
  });
}

/** Memory of `a` equals that of `b` byte for byte (the first differing offset is reported), and whatever
 *  `a` has beyond `b`'s size is zero; the byte ranges `skip` ([start, end) of either) are not compared. */
export function expectSameMemory(a: Heap, b: Heap, skip: readonly (readonly [number, number])[] = []): void {
  let ua = Buffer.from(a.memory.buffer);
  let ub = Buffer.from(b.memory.buffer);
  if (skip.length) {
    ua = Buffer.from(ua);
    ub = Buffer.from(ub);
    for (const [s, e] of skip) {
      ua.fill(0, s, e);
      ub.fill(0, s, e);
    }
  }
  expect(ua.length).toBeGreaterThanOrEqual(ub.length);
  const firstDiff = (): number => {
    for (let i = 0; i < ub.length; i++) if (ua[i] !== ub[i]) return i;
    return -1;
  };
  expect(ua.subarray(0, ub.length).equals(ub) ? -1 : firstDiff()).toBe(-1);
  expect(ua.subarray(ub.length).every((x) => x === 0)).toBe(true);
}

/** `n` two-object cycles (instances of T pointing at each other through slot 16) left to the collector:
 *  made, linked and released at once. Returns their addresses in the order they were made. */
export function dropCycles(h: Heap, T: number, n: number): number[] {
  const addrs: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = h.newObject(T);
    const b = h.newObject(T);
    h.setSlot(a, 16, b);
    h.setSlot(b, 16, a);
    addrs.push(a, b);
    h.decref(a);
    h.decref(b);
  }
  return addrs;
}
