// The dense-table deduce_unreachable (the default) against CPython's list walks (algorithm 0): the same
// program must give the same event stream (phases, gc_refs, unreachable set, untracking, promotion,
// finalizers, garbage), the same collect() results and the same generation lists, in the same order.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Heap, Obj } from "../src/index.js";
import { fresh, expectHealthy, slotType } from "./helpers.js";

type Step =
  | { k: "list" }
  | { k: "tuple"; a: number; b: number }
  | { k: "dict"; a: number }
  | { k: "atomDict" }
  | { k: "link"; a: number; b: number }
  | { k: "drop"; a: number }
  | { k: "collect"; g: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ k: "list" as const }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("tuple" as const), a: fc.nat(40), b: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("dict" as const), a: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.constant({ k: "atomDict" as const }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant("link" as const), a: fc.nat(40), b: fc.nat(40) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("drop" as const), a: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("collect" as const), g: fc.nat(2) }) },
);

/** Runs the program; returns everything observable. Both runs make the same allocations, so
 *  addresses are comparable as they are. */
function run(steps: Step[], algorithm: number) {
  const log: number[] = [];
  const h: Heap = fresh({ hooks: { finalize: (o) => log.push(o) } });
  h.core.gc_set_algorithm(algorithm);
  const Fin = slotType(h, 2, { name: "Fin", finalizer: true });
  const kind = new Map<Obj, "list" | "fin" | "other">();
  const held: Obj[] = [];
  const add = (o: Obj, k: "list" | "fin" | "other") => {
    kind.set(o, k);
    held.push(o);
  };
  h.gc.collect();
  h.gc.setThreshold(5, 2, 2);
  h.events.enable(1 << 16);
  const pick = (i: number) => (held.length ? held[i % held.length] : undefined);
  const results: number[] = [];
  let made = 0;
  for (const s of steps) {
    made++;
    switch (s.k) {
      case "list":
        if (made % 4 === 0) add(h.newObject(Fin), "fin");
        else add(h.newList(), "list");
        break;
      case "tuple": {
        const a = pick(s.a);
        const b = made % 3 === 0 ? undefined : pick(s.b);
        const items = [a === undefined ? h.newInt(s.a) : (h.incref(a), a), b === undefined ? h.newInt(s.b) : (h.incref(b), b)];
        add(h.newTupleSteal(items), "other");
        break;
      }
      case "dict": {
        const d = h.newDict();
        const k = h.newStr(`k${s.a}`);
        const v = pick(s.a);
        if (v !== undefined) h.dictSet(d, k, v);
        h.decref(k);
        add(d, "other");
        break;
      }
      case "atomDict": {
        const d = h.newDict();
        const k = h.newStr("x");
        const v = h.newList();
        h.dictSet(d, k, v); // tracked now…
        h.decref(v);
        const i = h.newInt(7);
        h.dictSet(d, k, i); // …and untrackable by the next full collection
        h.decref(i);
        h.decref(k);
        add(d, "other");
        break;
      }
      case "link": {
        const a = pick(s.a);
        const b = pick(s.b);
        if (a === undefined || b === undefined) break;
        if (kind.get(a) === "list") h.listAppend(a, b);
        else if (kind.get(a) === "fin") h.setSlot(a, 16 + 8 * (s.b % 2), b);
        break;
      }
      case "drop": {
        if (!held.length) break;
        const o = held.splice(s.a % held.length, 1)[0]!;
        h.decref(o);
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
  const ev = h.events.drain();
  const events = ev.events.filter(
    (e) => e.kind.startsWith("gc") || e.kind === "promote" || e.kind === "untrack" || e.kind === "finalize",
  );
  const gens = [0, 1, 2].map((g) => h.gc.getObjects(g as 0 | 1 | 2));
  expectHealthy(h);
  return { results, events, gens, log, dropped: ev.dropped, stats: h.gc.getStats(), count: h.gc.getCount() };
}

describe("dense deduce_unreachable against the list walks", () => {
  it("random programs with lists, tuples, dicts and finalizers give identical observations", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 120 }), (steps) => {
        const a = run(steps, 0);
        const b = run(steps, 1);
        expect(b.dropped).toBe(0);
        expect(b).toEqual(a);
      }),
      { numRuns: 60 },
    );
  });

  it("a full collection untracks the same tuples and dicts in the same order", () => {
    const steps: Step[] = [
      { k: "tuple", a: 0, b: 0 },
      { k: "atomDict" },
      { k: "list" },
      { k: "dict", a: 0 },
      { k: "tuple", a: 1, b: 2 },
      { k: "drop", a: 0 },
      { k: "collect", g: 2 },
    ];
    const a = run(steps, 0);
    const b = run(steps, 1);
    const untracked = a.events.filter((e) => e.kind === "untrack").map((e) => (e as { type: number }).type);
    expect(new Set(untracked).size).toBe(2); // a tuple and a dict
    expect(b).toEqual(a);
  });

  it("agrees on generations larger than the first side tables (tables and edge array grow mid-walk)", () => {
    const outcome = (algorithm: number) => {
      const h = fresh();
      h.core.gc_set_algorithm(algorithm);
      h.gc.collect();
      h.gc.disable();
      let seed = 7;
      const rnd = (m: number) => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return (seed >>> 8) % m;
      };
      const n = 9000; // the first tables hold 4096 objects and 16384 edges
      const nodes: Obj[] = [];
      for (let i = 0; i < n; i++) nodes.push(h.newList());
      for (let i = 0; i < n; i++) for (let j = 0; j < 3; j++) h.listAppend(nodes[i]!, nodes[rnd(n)]!);
      const root = h.newList();
      for (let i = 0; i < n; i += 3) h.listAppend(root, nodes[i]!);
      for (const o of nodes) h.decref(o);
      const collected = h.gc.collect();
      // by creation number: the side tables take memory pages of their own, so arenas opened after
      // a collection may lie at other addresses than with the list walks
      const index = new Map<Obj, number>(nodes.map((o, i) => [o, i]));
      index.set(root, -1);
      const order = h.gc.getObjects(2).map((o) => index.get(o) ?? -2);
      h.decref(root);
      const rest = h.gc.collect();
      expectHealthy(h);
      return { collected, order, rest };
    };
    const a = outcome(0);
    const b = outcome(1);
    expect(a.collected).toBeGreaterThan(0);
    expect(a.order.filter((i) => i >= 0).length).toBeGreaterThan(4096);
    expect(b).toEqual(a);
  });
});
