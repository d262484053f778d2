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
import { describe, it } from "vitest";
import { abi, loadHeap, type Heap, type Obj } from "../src/index.js";
import { chainOf, dropAll, expectSameAsFramed, leafOrPair, rng } from "./helpers.js";

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
    const common = leafOrPair(h, r, d >= depth, live, node, d);
    if (common !== 0) return common;
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
  roots.push(chainOf(h, names, 130, (i) => types[i % 3 === 1 ? 1 : 0]!));
  return dropAll(h, roots, live);
}

for (const debug of [true, false]) {
  describe(`${debug ? "debug" : "release"} build`, () => {
    it("releases random graphs as the frame-by-frame path does", () => {
      // the class's own flags differ too
      expectSameAsFramed((framed, order) => world(debug, framed, order), (w, seed) => run(w, seed, 5), 100, (w) => {
        const C = w.types[2]!;
        return [[C + abi.TP_FLAGS, C + abi.TP_FLAGS + 4]];
      });
    });
  });
}
