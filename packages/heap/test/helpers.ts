import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { loadHeap, type Heap, type HeapOptions, type Obj } from "../src/index.js";

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

/**
 * For seeds 1..12: builds and drops the same graph (`drop`, which returns the heap's events) on a world
 * whose types take the inline release and on one whose types differ only by the var-items flag (the
 * frame-by-frame release), and expects the same events (more than `minEvents`), hook calls (some), bytes in
 * use and memory above the static area (initEnd; `skip` adds ranges that differ by construction).
 */
export function expectSameAsFramed<W extends { h: Heap }>(
  world: (framed: boolean, order: string[]) => W,
  drop: (w: W, seed: number) => unknown[],
  minEvents: number,
  skip: (w: W) => [number, number][] = () => [],
): void {
  for (let seed = 1; seed <= 12; seed++) {
    const orderA: string[] = [];
    const orderB: string[] = [];
    const a = world(false, orderA);
    const b = world(true, orderB);
    const ea = drop(a, seed);
    const eb = drop(b, seed);
    expect(ea.length).toBeGreaterThan(minEvents);
    expect(ea).toEqual(eb);
    expect(orderA).toEqual(orderB);
    expect(orderA.length).toBeGreaterThan(0);
    // below initEnd the two heaps' static types differ in their var-items flag, and the dealloc stack
    const initEnd = (a.h as unknown as { initEnd: number }).initEnd;
    expect(initEnd).toBe((b.h as unknown as { initEnd: number }).initEnd);
    expectSameMemory(a.h, b.h, [[0, initEnd], ...skip(a)]);
    expectHealthy(a.h);
    expect(a.h.stats().bytesInUse).toBe(b.h.stats().bytesInUse);
  }
}

/** The common nodes of the random graphs the release tests drop: at the last level (`last`) or with
 *  probability 0.15 an int leaf that dies with its holder or is kept alive in `live` (0.3), with 0.1 a
 *  list or tuple of two `node(d + 1)` children; 0 when the caller is to make its own node. */
export function leafOrPair(h: Heap, r: () => number, last: boolean, live: Obj[], node: (d: number) => Obj, d: number): Obj {
  const k = r();
  if (last || k < 0.15) {
    const v = h.newInt(BigInt(1000 + Math.floor(r() * 1e6)));
    if (r() < 0.3) {
      h.incref(v);
      live.push(v);
    }
    return v;
  }
  if (k < 0.25) {
    const items = [node(d + 1), node(d + 1)];
    const l = r() < 0.5 ? h.newList(items) : h.newTuple(items);
    for (const x of items) h.decref(x);
    return l;
  }
  return 0;
}

/** Drops the roots, then the references kept in `live`; returns the events recorded since enabled. */
export function dropAll(h: Heap, roots: Obj[], live: Obj[]): unknown[] {
  for (const o of roots) h.decref(o);
  for (const o of live) h.decref(o);
  return h.events.drain().events;
}

/** A chain of n + 1 objects, each holding the previous one in its slot at offset 24: a first object of
 *  `typeAt(0)`, then link i of `typeAt(i)` named `c<i>` (with `each(o, i)` called on it). Returns its head. */
export function chainOf(h: Heap, names: Map<Obj, string>, n: number, typeAt: (i: number) => Obj, each?: (o: Obj, i: number) => void): Obj {
  let chain = h.newObject(typeAt(0));
  for (let i = 0; i < n; i++) {
    const o = h.newObject(typeAt(i));
    names.set(o, `c${i}`);
    h.setSlotSteal(o, 24, chain);
    each?.(o, i);
    chain = o;
  }
  return chain;
}
