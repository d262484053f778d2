/**
 * A generic GC object that owns only ref slots and runs nothing as it dies (no finalizer, no managed dict,
 * not a heap type's instance, not a trashcan level — a bound method, a super object, an iterator) is
 * released without dealloc-stack frames in the release build (refcount.ts releaseInline) while its
 * references do not die deeper than the inline limit (200). It must free in the same order, with the same
 * events, weakref clearing and callbacks, free-list parking and memory as the frame-by-frame path, which
 * the same types with the var-items flag take: random graphs of such objects (one type with a weakref
 * list, some of them weakly referenced with and without callbacks; one type with a free list), lists and
 * tuples between them, and chains of 300 are built alike on two heaps and dropped. Any shorter release
 * path for these types (one was measured in tools/bench/README.md, 26 Nov 20:10) must pass it. Both builds.
 */
import { describe, it } from "vitest";
import { loadHeap, type Heap, type Obj } from "../src/index.js";
import { chainOf, dropAll, expectSameAsFramed, leafOrPair, rng } from "./helpers.js";

function world(debug: boolean, framed: boolean, order: string[]) {
  const names = new Map<Obj, string>();
  const h: Heap = loadHeap({
    debug,
    hooks: { weakrefCallback: (wr) => order.push(names.get(wr) ?? "?") },
  });
  // (offset 16 is ob_size: both worlds' types have var items, only the other world's own references)
  // a bound method's shape: two refs and a weakref list
  const method = h.registerType({ name: "B", basicsize: 48, itemsize: 8, gc: true, refSlots: [24, 32], weaklistOffset: 40, varRefs: framed });
  // three refs (a plain word between them) and a free list of 3
  const parked = h.registerType({ name: "S", basicsize: 56, itemsize: 8, gc: true, refSlots: [24, 32, 48], freelist: 3, varRefs: framed });
  return { h, names, types: [method, parked], cb: h.newStaticStr("cb") };
}

/** Builds the same random graph on a world and drops it; returns the events. */
function run(w: ReturnType<typeof world>, seed: number): unknown[] {
  const { h, names, types, cb } = w;
  const r = rng(seed);
  h.events.enable();
  const live: Obj[] = [];
  let made = 0;
  const node = (d: number): Obj => {
    const common = leafOrPair(h, r, d >= 5, live, node, d);
    if (common !== 0) return common;
    const t = types[r() < 0.6 ? 0 : 1]!;
    const o = h.newObject(t);
    names.set(o, `n${made++}`);
    const slots = t === types[0] ? [24, 32] : [24, 32, 48];
    for (const off of slots) if (r() < 0.8) h.setSlotSteal(o, off, node(d + 1));
    if (t === types[0] && r() < 0.3) {
      // a weak reference that outlives its referent (with a callback half of the time)
      const wr = h.newWeakref(o, r() < 0.5 ? cb : 0);
      names.set(wr, `w${made++}`);
      live.push(wr);
    }
    if (r() < 0.2) {
      h.incref(o);
      live.push(o);
    }
    return o;
  };
  const roots = Array.from({ length: 6 }, () => node(0));
  // a chain past the inline depth, alternating the two types; every tenth link weakly referenced
  roots.push(chainOf(h, names, 300, (i) => types[i % 2]!, (o, i) => {
    if (i % 10 !== 0) return;
    const wr = h.newWeakref(o, cb);
    names.set(wr, `cw${i}`);
    live.push(wr);
  }));
  return dropAll(h, roots, live);
}

for (const debug of [true, false]) {
  describe(`${debug ? "debug" : "release"} build`, () => {
    it("releases plain GC objects as the frame-by-frame path does", () => {
      expectSameAsFramed((framed, order) => world(debug, framed, order), run, 300);
    });
  });
}
