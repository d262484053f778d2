// Property tests: random programs of allocate / link / unlink / incref / decref / collect / threshold
// changes run on the heap and on a small reference model of CPython's refcounting and generational
// collector. After every step both agree on the survivors, their refcounts, generation membership,
// gc.get_count(), and every collect() result; the invariant checker stays green.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Heap, Obj } from "../src/index.js";
import { fresh, slotType } from "./helpers.js";

const SLOTS = 3;

type Op =
  | { k: "alloc" }
  | { k: "link"; a: number; slot: number; b: number }
  | { k: "unlink"; a: number; slot: number }
  | { k: "incref"; a: number }
  | { k: "decref"; a: number }
  | { k: "collect"; g: number }
  | { k: "threshold"; t0: number };

interface MObj {
  addr: Obj;
  slots: Array<MObj | null>;
  ext: number;
  gen: number;
}

/** The reference model: exact refcounts, generations as sets, CPython's count and trigger rules. */
class Model {
  live: MObj[] = [];
  count = [0, 0, 0];
  threshold = [700, 10, 10];
  longLivedTotal = 0;
  longLivedPending = 0;
  collecting = false;
  results: number[] = [];
  totalGarbage = 0;

  refcnt(o: MObj): number {
    let n = o.ext;
    for (const p of this.live) for (const s of p.slots) if (s === o) n++;
    return n;
  }
  private free(o: MObj): void {
    const i = this.live.indexOf(o);
    if (i < 0) return;
    this.live.splice(i, 1);
    if (this.count[0]! > 0) this.count[0]!--;
    const children = o.slots.filter((s): s is MObj => s !== null);
    o.slots = o.slots.map(() => null);
    for (const c of children) this.maybeFree(c);
  }
  maybeFree(o: MObj): void {
    if (this.live.includes(o) && this.refcnt(o) === 0) this.free(o);
  }
  /** An allocation: count, maybe collect (before the new object is tracked), then track it. */
  alloc(addrOf: () => Obj): MObj {
    this.count[0]!++;
    if (this.count[0]! > this.threshold[0]! && this.threshold[0]! !== 0 && !this.collecting) {
      this.collecting = true;
      for (let i = 2; i >= 0; i--) {
        if (this.count[i]! > this.threshold[i]!) {
          if (i === 2 && this.longLivedPending < this.longLivedTotal / 4) continue;
          this.results.push(this.collect(i));
          break;
        }
      }
      this.collecting = false;
    }
    const o: MObj = { addr: addrOf(), slots: Array(SLOTS).fill(null), ext: 1, gen: 0 };
    this.live.push(o);
    return o;
  }
  collect(g: number): number {
    if (g < 2) this.count[g + 1]!++;
    for (let i = 0; i <= g; i++) this.count[i] = 0;
    const young = this.live.filter((o) => o.gen <= g);
    const inYoung = new Set(young);
    // references from outside young (external holders and older generations)
    const reachable = new Set<MObj>();
    const stack: MObj[] = [];
    for (const o of young) {
      let outside = o.ext;
      for (const p of this.live) if (!inYoung.has(p)) for (const s of p.slots) if (s === o) outside++;
      if (outside > 0) {
        reachable.add(o);
        stack.push(o);
      }
    }
    while (stack.length) {
      const o = stack.pop()!;
      for (const s of o.slots) if (s && inYoung.has(s) && !reachable.has(s)) {
        reachable.add(s);
        stack.push(s);
      }
    }
    const garbage = young.filter((o) => !reachable.has(o));
    const survivors = young.filter((o) => reachable.has(o));
    this.totalGarbage += garbage.length;
    if (g < 2) {
      if (g === 1) this.longLivedPending += survivors.length;
      for (const o of survivors) o.gen = g + 1;
    } else {
      for (const o of survivors) o.gen = 2;
      this.longLivedPending = 0;
      this.longLivedTotal = survivors.length;
    }
    // tp_clear breaks the cycles: everything in the garbage dies
    for (const o of garbage) {
      const i = this.live.indexOf(o);
      if (i >= 0) this.live.splice(i, 1);
      if (this.count[0]! > 0) this.count[0]!--;
    }
    for (const o of garbage) o.slots = o.slots.map(() => null);
    return garbage.length;
  }
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ k: "alloc" as const }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant("link" as const), a: fc.nat(50), slot: fc.nat(SLOTS - 1), b: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("unlink" as const), a: fc.nat(50), slot: fc.nat(SLOTS - 1) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("incref" as const), a: fc.nat(50) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant("decref" as const), a: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("collect" as const), g: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("threshold" as const), t0: fc.integer({ min: 0, max: 6 }) }) },
);

function runProgram(ops: Op[], dense = false): { automatic: number; garbage: number } {
  const autoResults: number[] = [];
  const h: Heap = fresh({
    hooks: {
      gcCallback: (phase, info) => {
        if (phase === "stop" && !manual) autoResults.push(info.collected);
      },
    },
  });
  let manual = false;
  const Node = slotType(h, SLOTS);
  h.core.gc_set_algorithm(dense ? 1 : 0);
  const m = new Model();
  manual = true;
  h.gc.collect();
  manual = false;
  h.gc.setThreshold(4, 2, 2);
  m.threshold = [4, 2, 2];
  // the objects the program still holds references to (ext > 0) are the only ones it can name
  const held = () => m.live.filter((o) => o.ext > 0);
  const pick = (i: number) => {
    const hs = held();
    return hs.length ? hs[i % hs.length]! : undefined;
  };
  const anyLive = (i: number) => (m.live.length ? m.live[i % m.live.length]! : undefined);

  for (const op of ops) {
    switch (op.k) {
      case "alloc":
        m.alloc(() => h.newObject(Node));
        break;
      case "link": {
        const a = pick(op.a);
        const b = anyLive(op.b);
        if (!a || !b) break;
        const old = a.slots[op.slot]!;
        a.slots[op.slot] = b;
        h.setSlot(a.addr, 16 + 8 * op.slot, b.addr);
        if (old) m.maybeFree(old);
        break;
      }
      case "unlink": {
        const a = pick(op.a);
        if (!a) break;
        const old = a.slots[op.slot]!;
        a.slots[op.slot] = null;
        h.setSlot(a.addr, 16 + 8 * op.slot, 0);
        if (old) m.maybeFree(old);
        break;
      }
      case "incref": {
        const a = anyLive(op.a);
        if (!a) break;
        a.ext++;
        h.incref(a.addr);
        break;
      }
      case "decref": {
        const a = pick(op.a);
        if (!a) break;
        a.ext--;
        h.decref(a.addr);
        m.maybeFree(a);
        break;
      }
      case "collect":
        manual = true;
        expect(h.gc.collect(op.g)).toBe(m.collect(op.g));
        manual = false;
        break;
      case "threshold":
        h.gc.setThreshold(op.t0);
        m.threshold[0] = op.t0;
        break;
    }
    // agreement after every step
    expect(autoResults).toEqual(m.results);
    expect(h.gc.getCount()).toEqual(m.count);
    const nodes = new Set(h.walk().filter((o) => h.typeOf(o) === Node));
    expect(nodes).toEqual(new Set(m.live.map((o) => o.addr)));
    for (const o of m.live) {
      expect(h.refcnt(o.addr)).toBe(m.refcnt(o));
    }
    for (const g of [0, 1, 2] as const) {
      expect(new Set(h.gc.getObjects(g).filter((o) => h.typeOf(o) === Node))).toEqual(
        new Set(m.live.filter((o) => o.gen === g).map((o) => o.addr)),
      );
    }
    expect(h.check()).toEqual({ ok: true });
  }
  return { automatic: autoResults.length, garbage: m.totalGarbage };
}

describe("heap vs reference model", () => {
  it("random programs agree on survivors, refcounts, generations, counts and collect() results", () => {
    fc.assert(fc.property(fc.array(opArb, { minLength: 1, maxLength: 120 }), fc.boolean(), (ops, dense) => void runProgram(ops, dense)), {
      numRuns: 120,
    });
  });

  it("a program with cyclic garbage found by automatic collections agrees with the model", () => {
    const ops: Op[] = [
      { k: "alloc" }, { k: "alloc" }, { k: "link", a: 0, slot: 0, b: 1 }, { k: "link", a: 1, slot: 1, b: 0 },
      { k: "decref", a: 0 }, { k: "decref", a: 0 },
      ...Array.from({ length: 12 }, () => ({ k: "alloc" as const })),
    ];
    for (const dense of [false, true]) {
      const r = runProgram(ops, dense);
      expect(r.automatic).toBeGreaterThan(0);
      expect(r.garbage).toBe(2);
    }
  });
});
