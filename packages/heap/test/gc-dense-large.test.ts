// The dense deduce_unreachable (default) against CPython's list walks (algorithm 0) on heaps where the
// young generation holds objects outside the pymalloc arenas (blocks of the large allocator: big tuples,
// instances with many slots, heap types themselves), subclasses of list, and non-GC objects sharing
// pools with GC ones: the dense pass finds pool objects' slots by address arithmetic and the others
// through their GC head, and both must give exactly the list walks' observations.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Heap, Obj } from "../src/index.js";
import { fresh, expectHealthy } from "./helpers.js";

type Step =
  | { k: "list" }
  | { k: "listSub" }
  | { k: "bigTuple"; a: number; n: number }
  | { k: "bigObj"; n: number; fin: boolean }
  | { k: "str"; n: number }
  | { k: "dict"; a: number }
  | { k: "link"; a: number; b: number; at: number }
  | { k: "drop"; a: number }
  | { k: "collect"; g: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ k: "list" as const }) },
  { weight: 2, arbitrary: fc.constant({ k: "listSub" as const }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("bigTuple" as const), a: fc.nat(60), n: fc.integer({ min: 1, max: 90 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant("bigObj" as const), n: fc.integer({ min: 1, max: 90 }), fin: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("str" as const), n: fc.nat(120) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("dict" as const), a: fc.nat(60) }) },
  { weight: 7, arbitrary: fc.record({ k: fc.constant("link" as const), a: fc.nat(60), b: fc.nat(60), at: fc.nat(200) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("drop" as const), a: fc.nat(60) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("collect" as const), g: fc.nat(2) }) },
);

type Kind = "list" | "tuple" | "obj" | "str" | "dict";

/** Runs the program; returns everything observable, objects named by creation number (the side
 *  tables take pages of their own, so blocks of the large allocator may lie elsewhere than with the
 *  list walks). */
function run(steps: Step[], algorithm: number) {
  const finalized: Obj[] = [];
  const h: Heap = fresh({ hooks: { finalize: (o) => finalized.push(o) } });
  h.core.gc_set_algorithm(algorithm);
  const name = new Map<Obj, string>();
  const ListSub = h.registerType({ name: "ListSub", basicsize: 48, layout: "list", heapType: true, gc: true, refSlots: [40] });
  const Big = h.registerType({ name: "Big", basicsize: 24, itemsize: 8, varRefs: true, heapType: true, gc: true });
  const BigFin = h.registerType({ name: "BigFin", basicsize: 24, itemsize: 8, varRefs: true, heapType: true, gc: true, finalizer: true });
  name.set(ListSub, "ListSub");
  name.set(Big, "Big");
  name.set(BigFin, "BigFin");
  const kind = new Map<Obj, Kind>();
  const size = new Map<Obj, number>();
  const held: Obj[] = [];
  let made = 0;
  const add = (o: Obj, k: Kind, n = 0) => {
    name.set(o, `#${made}`);
    kind.set(o, k);
    size.set(o, n);
    held.push(o);
  };
  h.gc.collect();
  h.gc.setThreshold(7, 2, 2);
  h.events.enable(1 << 17);
  const pick = (i: number) => (held.length ? held[i % held.length] : undefined);
  const results: number[] = [];
  for (const s of steps) {
    made++;
    switch (s.k) {
      case "list":
        add(h.newList(), "list");
        break;
      case "listSub":
        add(h.newObject(ListSub), "list");
        break;
      case "bigTuple": {
        const items: Obj[] = [];
        for (let i = 0; i < s.n; i++) {
          const o = i % 7 === 3 ? pick(s.a + i) : undefined;
          if (o !== undefined) {
            h.incref(o);
            items.push(o);
          } else {
            items.push(h.newInt(1000 + i));
          }
        }
        add(h.newTupleSteal(items), "tuple");
        break;
      }
      case "bigObj":
        add(h.newObject(s.fin ? BigFin : Big, s.n), "obj", s.n);
        break;
      case "str":
        add(h.newStr("s".repeat(s.n) + made), "str");
        break;
      case "dict": {
        const d = h.newDict();
        const k = h.newStr(`k${s.a}`);
        const v = pick(s.a);
        if (v !== undefined) h.dictSet(d, k, v);
        h.decref(k);
        add(d, "dict");
        break;
      }
      case "link": {
        const a = pick(s.a);
        const b = pick(s.b);
        if (a === undefined || b === undefined) break;
        if (kind.get(a) === "list") h.listAppend(a, b);
        else if (kind.get(a) === "obj") h.setSlot(a, 24 + 8 * (s.at % size.get(a)!), b);
        break;
      }
      case "drop": {
        if (!held.length) break;
        h.decref(held.splice(s.a % held.length, 1)[0]!);
        break;
      }
      case "collect":
        results.push(h.gc.collect(s.g));
        break;
    }
  }
  results.push(h.gc.collect(1));
  for (const o of held.splice(0)) h.decref(o);
  results.push(h.gc.collect());
  const label = (o: number) => name.get(o) ?? `@${o}`;
  const ev = h.events.drain();
  // frees of the program's own objects too: the order of frees decides later addresses
  const events = ev.events
    .filter(
      (e) =>
        e.kind.startsWith("gc") || e.kind === "promote" || e.kind === "untrack" || e.kind === "finalize" ||
        (e.kind === "free" && name.has(e.obj)),
    )
    .map((e) => {
      const r: Record<string, unknown> = { ...e };
      for (const f of ["obj", "type"]) if (typeof r[f] === "number") r[f] = label(r[f] as number);
      return r;
    });
  const gens = [0, 1, 2].map((g) => h.gc.getObjects(g as 0 | 1 | 2).map(label));
  expectHealthy(h);
  return {
    results,
    events,
    gens,
    finalized: finalized.map(label),
    dropped: ev.dropped,
    stats: h.gc.getStats(),
    count: h.gc.getCount(),
  };
}

describe("dense deduce_unreachable with objects outside the arenas", () => {
  it("random programs with big tuples, big instances, list subclasses and strs give identical observations", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 150 }), (steps) => {
        const a = run(steps, 0);
        const b = run(steps, 1);
        expect(b.dropped).toBe(0);
        expect(b).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });

  it("collects a cycle through large blocks and a heap type, keeping what a large block holds", () => {
    const outcome = (algorithm: number) => {
      const h = fresh();
      h.core.gc_set_algorithm(algorithm);
      h.gc.collect();
      h.gc.disable();
      const Big = h.registerType({ name: "Big", basicsize: 24, itemsize: 8, varRefs: true, heapType: true, gc: true });
      const a = h.newObject(Big, 100); // > 512 bytes: the large allocator
      const b = h.newObject(Big, 100);
      const l = h.newList();
      const kept = h.newList();
      h.setSlot(a, 24 + 8 * 50, b);
      h.setSlot(b, 24 + 8 * 99, l);
      h.listAppend(l, a); // a → b → l → a: garbage once dropped
      const root = h.newObject(Big, 80);
      h.setSlot(root, 24, kept);
      h.listAppend(kept, root); // root ↔ kept: alive through the handle on root
      const live = [root, kept, Big];
      for (const o of [a, b, l, kept]) h.decref(o);
      const collected = h.gc.collect();
      const survivors = live.map((o) => h.gc.isTracked(o));
      const order = h.gc.getObjects(2).filter((o) => live.includes(o)).map((o) => live.indexOf(o));
      h.decref(root);
      const rest = h.gc.collect();
      expectHealthy(h);
      return { collected, survivors, order, rest };
    };
    const a = outcome(0);
    expect(a.collected).toBe(3);
    expect(a.survivors).toEqual([true, true, true]);
    expect(a.rest).toBe(2);
    expect(outcome(1)).toEqual(a);
  });

  it("agrees when the young objects are scattered over many pools of a fragmented heap", () => {
    const outcome = (algorithm: number) => {
      const h = fresh();
      h.core.gc_set_algorithm(algorithm);
      h.gc.collect();
      h.gc.disable();
      const name = new Map<Obj, number>();
      const old: Obj[] = [];
      for (let i = 0; i < 40000; i++) old.push(h.newList());
      for (let i = 0; i < old.length; i++) name.set(old[i]!, i);
      h.gc.collect(); // all old
      // a hole in every 16th block: new lists refill them pool after pool, a few per pool
      for (let i = 0; i < old.length; i += 16) h.decref(old[i]!);
      const young: Obj[] = [];
      for (let i = 0; i < 2400; i++) {
        const l = h.newList();
        name.set(l, 100000 + i);
        young.push(l);
      }
      let seed = 11;
      const rnd = (m: number) => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return (seed >>> 8) % m;
      };
      for (let i = 0; i < young.length; i++) {
        h.listAppend(young[i]!, young[rnd(young.length)]!);
        // (old lists still alive: not at a multiple of 16)
        if (i % 5 === 0) h.listAppend(young[i]!, old[16 * rnd(2500) + 1 + rnd(15)]!);
        if (i % 7 === 0) h.listAppend(old[16 * rnd(2500) + 1 + rnd(15)]!, young[i]!);
      }
      for (let i = 0; i < young.length; i++) if (i % 3 !== 0) h.decref(young[i]!);
      const label = (o: Obj) => name.get(o) ?? -1;
      const young0 = h.gc.collect(0);
      const order1 = h.gc.getObjects(1).map(label);
      const full = h.gc.collect();
      const order2 = h.gc.getObjects(2).map(label).filter((x) => x >= 100000);
      expectHealthy(h);
      return { young0, order1, full, order2 };
    };
    const a = outcome(0);
    expect(a.order1.length).toBeGreaterThan(500);
    expect(outcome(1)).toEqual(a);
  });
});
