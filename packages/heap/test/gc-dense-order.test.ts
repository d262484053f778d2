// The dense collector relinks the young list while it replays move_unreachable and writes a GC head
// only where the list changes: objects found reachable at their place keep their links untouched.
// These programs keep most of the list in place, with gaps (unreachable cycles, objects moved back behind
// the others), objects outside the arenas (whose heads hold their slot during the pass) and finalized
// objects in between: the lists and events must be exactly those of CPython's list walks (algorithm 0).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Heap, Obj } from "../src/index.js";
import { fresh, expectHealthy } from "./helpers.js";

type Item = { k: "held" | "cycle" | "behind" | "big" | "fin"; n: number };

const item: fc.Arbitrary<Item> = fc.record({
  k: fc.constantFrom("held", "held", "held", "cycle", "behind", "big", "fin"),
  n: fc.integer({ min: 1, max: 80 }),
});

function run(items: Item[], algorithm: number) {
  const finalized: number[] = [];
  const h: Heap = fresh({ hooks: { finalize: (o) => finalized.push(index.get(o) ?? -1) } });
  const index = new Map<Obj, number>();
  h.core.gc_set_algorithm(algorithm);
  const Big = h.registerType({ name: "Big", basicsize: 24, itemsize: 8, varRefs: true, heapType: true, gc: true });
  const Fin = h.registerType({ name: "Fin", basicsize: 32, refSlots: [16, 24], gc: true, heapType: true, finalizer: true });
  h.gc.collect();
  h.gc.disable();
  h.events.enable(1 << 16);
  const held: Obj[] = [];
  let made = 0;
  const name = (o: Obj) => {
    index.set(o, made++);
    return o;
  };
  for (const it of items) {
    switch (it.k) {
      case "held": {
        const o = name(h.newList());
        held.push(o);
        break;
      }
      case "cycle": {
        const a = name(h.newList());
        const b = name(h.newList());
        h.listAppend(a, b);
        h.listAppend(b, a);
        h.decref(a);
        h.decref(b);
        break;
      }
      case "behind": {
        // a list reachable only from the held list made after it: found unreachable at its place,
        // then moved back to the tail when that list is scanned (so the list changes there)
        const o = name(h.newList());
        const holder = name(h.newList());
        h.listAppend(holder, o);
        h.decref(o);
        held.push(holder);
        break;
      }
      case "big": {
        const o = name(h.newObject(Big, it.n)); // past 512 bytes: a block of the large allocator
        held.push(o);
        break;
      }
      case "fin": {
        const o = name(h.newObject(Fin));
        if (it.n % 2 === 0) {
          held.push(o);
        } else {
          h.setSlot(o, 16, o); // a cycle through itself: finalized, then collected
          h.decref(o);
        }
        break;
      }
    }
  }
  const results = [h.gc.collect(), h.gc.collect()]; // the second sees the order the first left
  const order = h.gc.getObjects(2).map((o) => index.get(o) ?? -1);
  for (const o of held) h.decref(o);
  results.push(h.gc.collect());
  const events = h.events
    .drain()
    .events.filter((e) => e.kind.startsWith("gc") || e.kind === "promote" || e.kind === "untrack" || e.kind === "finalize")
    .map((e) => ("obj" in e ? { ...e, obj: index.get(e.obj as Obj) ?? -1 } : e));
  expectHealthy(h);
  return { results, order, events, finalized };
}

describe("dense collection keeps the list's order where nothing moves", () => {
  it("random mixes of held objects, cycles, objects moved back, large blocks and finalizers agree with the list walks", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 150 }), (items) => {
        expect(run(items, 1)).toEqual(run(items, 0));
      }),
      { numRuns: 40 },
    );
  });

  it("objects held from outside stay in creation order, objects moved back follow them", () => {
    const items: Item[] = [
      { k: "held", n: 1 },
      { k: "behind", n: 1 },
      { k: "held", n: 1 },
      { k: "cycle", n: 1 },
      { k: "big", n: 70 },
      { k: "held", n: 1 },
      { k: "fin", n: 2 },
      { k: "fin", n: 1 },
      { k: "held", n: 1 },
    ];
    const b = run(items, 1);
    expect(b).toEqual(run(items, 0));
    // held at their place: 0, 2 (the holder), 3, 6 (big), 7, 8 (fin), 10; then 1, reachable only from
    // 2 and moved back behind them
    const objects = b.order.filter((i) => i >= 0);
    expect(objects).toEqual([0, 2, 3, 6, 7, 8, 10, 1]);
    expect(b.results[0]).toBe(3); // the two-list cycle and the self-referencing finalized object
    expect(b.finalized).toEqual([9, 8]); // 9 by the first collection, 8 when its last reference goes
  });
});
