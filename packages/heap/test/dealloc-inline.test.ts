/**
 * The deallocation of a generic GC object whose references are its ref slots and (for a class instance)
 * its managed dict and values runs without a frame of the dealloc stack while none of them dies
 * (refcount.ts releaseInline). It must release in the same order, with the same trashcan deposits,
 * finalizer calls, events and memory as the frame-by-frame path, which a type with var items still takes:
 * random object graphs (shared and dying children, lists and tuples between them, finalizers, chains
 * deeper than the trashcan's 50) are built alike on two heaps, one whose types take the inline path and
 * one whose types are the same but for the var-items flag (no items: the same sizes and slots), and
 * dropped; the events, finalizer calls, bytes in use and the objects' memory must be equal. Both builds.
 */
import { describe, expect, it } from "vitest";
import { abi, loadHeap, type Heap, type Obj } from "../src/index.js";
import { expectHealthy, expectSameMemory, rng } from "./helpers.js";

const SLOTS = [24, 32, 40];

function world(debug: boolean, framed: boolean, order: string[]) {
  const names = new Map<Obj, string>();
  const h: Heap = loadHeap({ debug, hooks: { finalize: (o) => order.push(names.get(o) ?? "?") } });
  const plain = h.registerType({ name: "M", basicsize: 48, itemsize: 8, gc: true, refSlots: SLOTS, varRefs: framed });
  const fin = h.registerType({ name: "F", basicsize: 48, itemsize: 8, gc: true, refSlots: SLOTS, varRefs: framed, finalizer: true });
  const cls = h.registerType({
    name: "C", basicsize: 32, itemsize: 8, gc: true, refSlots: [24], varRefs: framed, managedDict: true, heapType: true,
  });
  const attrs = ["a0", "a1", "a2"].map((n) => h.newStaticStr(n));
  return { h, names, types: [plain, fin, cls], attrs };
}

/** Builds the same random graph on a world and drops it; returns the events. */
function run(w: ReturnType<typeof world>, seed: number, depth: number): unknown[] {
  const { h, names, types, attrs } = w;
  const r = rng(seed);
  h.events.enable();
  const live: Obj[] = [];
  let made = 0;
  const node = (d: number): Obj => {
    const k = r();
    if (d >= depth || k < 0.15) {
      // a leaf: an int that dies with its holder, or one kept alive elsewhere
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
    const t = types[Math.floor(r() * types.length)]!;
    const o = h.newObject(t);
    names.set(o, `n${made++}`);
    const slots = t === types[2] ? [24] : SLOTS;
    for (const off of slots) if (r() < 0.8) h.setSlotSteal(o, off, node(d + 1));
    if (t === types[2]) {
      for (const name of attrs) {
        if (r() < 0.8) {
          const v = node(d + 1);
          h.attrSet(o, name, v);
          h.decref(v);
        }
      }
      // a materialized __dict__ (released before the values)
      if (r() < 0.2) h.attrDict(o);
    }
    if (r() < 0.2) {
      h.incref(o);
      live.push(o);
    }
    return o;
  };
  const roots = Array.from({ length: 6 }, () => node(0));
  // a chain past the trashcan's depth
  let chain = h.newObject(types[0]!);
  for (let i = 0; i < 130; i++) {
    const o = h.newObject(types[i % 3 === 1 ? 1 : 0]!);
    names.set(o, `c${i}`);
    h.setSlotSteal(o, 24, chain);
    chain = o;
  }
  roots.push(chain);
  for (const o of roots) h.decref(o);
  for (const o of live) h.decref(o);
  return h.events.drain().events;
}

for (const debug of [true, false]) {
  describe(`${debug ? "debug" : "release"} build`, () => {
    it("releases random graphs as the frame-by-frame path does", () => {
      for (let seed = 1; seed <= 12; seed++) {
        const orderA: string[] = [];
        const orderB: string[] = [];
        const a = world(debug, false, orderA);
        const b = world(debug, true, orderB);
        const ea = run(a, seed, 5);
        const eb = run(b, seed, 5);
        expect(ea.length).toBeGreaterThan(100);
        expect(ea).toEqual(eb);
        expect(orderA).toEqual(orderB);
        expect(orderA.length).toBeGreaterThan(0);
        // the pages handed out since heap_init (the objects): below them the two heaps' static types differ
        // in their var-items flag and the dealloc stack in what was left there; the class's own flags too
        const initEnd = (a.h as unknown as { initEnd: number }).initEnd;
        expect(initEnd).toBe((b.h as unknown as { initEnd: number }).initEnd);
        const C = a.types[2]!;
        expect(C).toBe(b.types[2]);
        expectSameMemory(a.h, b.h, [[0, initEnd], [C + abi.TP_FLAGS, C + abi.TP_FLAGS + 4]]);
        expectHealthy(a.h);
        expect(a.h.stats().bytesInUse).toBe(b.h.stats().bytesInUse);
      }
    });
  });
}
