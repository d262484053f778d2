/**
 * The allocator's inlined fast paths (pymalloc's pop and push, word-by-word zeroing of small blocks) and
 * int_dealloc, the exact int's deallocator that decrefInt calls: a heap driven through them ends in the
 * same memory, byte for byte, as one driven through the general paths (obj_decref), and a reused dirty
 * block of any size comes back zeroed. Both builds.
 */
import { describe, expect, it } from "vitest";
import { abi, type Heap, type Obj } from "../src/index.js";
import { fresh, expectHealthy, expectSameMemory, rng, slotType } from "./helpers.js";

/** Ints of one and two digits, floats and strs made and released in a scrambled order; `release` drops
 *  the last reference to an exact int. Returns the addresses handed out, relative to the small ints. */
function workload(h: Heap, release: (o: Obj) => void, seed: number): number[] {
  const r = rng(seed);
  const live: Obj[] = [];
  const got: number[] = [];
  for (let step = 0; step < 6000; step++) {
    const x = r();
    if (x < 0.55 || live.length === 0) {
      const k = r();
      const o = k < 0.6 ? h.newIntValue(300 + Math.floor(r() * 2 ** 40)) : k < 0.8 ? h.newFloat(r()) : h.newStrUncached("s" + step);
      live.push(o);
      got.push(o - h.smallInt(0));
    } else {
      const i = Math.floor(r() * live.length);
      const o = live[i]!;
      live[i] = live[live.length - 1]!;
      live.pop();
      if (h.typeOf(o) === h.typeOf(h.smallInt(0))) release(o);
      else h.decref(o);
    }
  }
  for (const o of live) {
    if (h.typeOf(o) === h.typeOf(h.smallInt(0))) release(o);
    else h.decref(o);
  }
  return got;
}

for (const debug of [false, true]) {
  describe(`${debug ? "debug" : "release"} build`, () => {
    it("decrefInt (int_dealloc) leaves the same memory as the general deallocator", () => {
      const a = fresh({ debug });
      const b = fresh({ debug });
      const ga = workload(a, (o) => a.decrefInt(o), 7);
      const gb = workload(b, (o) => b.core.obj_decref(o), 7);
      expect(ga).toEqual(gb);
      expect(a.liveBytes()).toBe(b.liveBytes());
      expect(a.walk()).toEqual([]);
      expectSameMemory(a, b);
      expectHealthy(a);
    });

    it("int_dealloc reports the same free events as obj_dealloc", () => {
      const a = fresh({ debug });
      const b = fresh({ debug });
      a.events.enable();
      b.events.enable();
      const xs = [1000, 2 ** 31, 4000].map((v) => a.newIntValue(v));
      const ys = [1000, 2 ** 31, 4000].map((v) => b.newIntValue(v));
      for (const o of xs) a.decrefInt(o);
      for (const o of ys) {
        b.i32[o >>> 2] = 0;
        b.core.obj_dealloc(o);
      }
      const ea = a.events.drain().events;
      const eb = b.events.drain().events;
      expect(ea.filter((e) => e.kind === "free").length).toBe(3);
      expect(ea).toEqual(eb);
    });

    it("int_dealloc leaves a static int alone and hands any other type to the general deallocator", () => {
      const h = fresh({ debug });
      const small = h.smallInt(3);
      const n = h.refcnt(small);
      h.core.int_dealloc(small);
      expect(h.refcnt(small)).toBe(n);
      const l = h.newList([h.newIntValue(5000)]);
      h.decrefInt(h.listGet(l, 0)); // the list holds the only reference now
      h.i32[l >>> 2] = 0;
      h.core.int_dealloc(l);
      expect(h.walk()).toEqual([]);
      expectHealthy(h);
    });

    it("a reused dirty block comes back zeroed, whatever its size", () => {
      const h = fresh({ debug });
      for (let basic = 16; basic <= 1200; basic += 8) {
        const t = h.registerType({ name: `T${basic}`, basicsize: basic });
        const o = h.newObject(t);
        h.u8.fill(0xa5, o + 16, o + basic);
        h.decref(o);
        const p = h.newObject(t);
        if (basic <= 512) expect(p).toBe(o); // pymalloc: the block just freed is the next one of its class
        expect(h.u8.subarray(p + 16, p + basic).every((x) => x === 0), `basicsize ${basic}`).toBe(true);
        expect(h.i32[(p + abi.OB_REFCNT) >>> 2]).toBe(1);
        h.decref(p);
      }
      expectHealthy(h);
    });
  });
}

describe("intDecimalStr", () => {
  for (const debug of [false, true]) {
    it(`${debug ? "debug" : "release"}: the same fresh str as newStrUncached(intDecimal(o)), allocated alike`, () => {
      const a = fresh({ debug });
      const b = fresh({ debug });
      const vals = [0, 7, -1, -5, 9, 10, 99, 100, 256, 257, -257, 1000003, 2 ** 30 - 1, 2 ** 30, -(2 ** 30), 2 ** 53 - 1, -(2 ** 53 - 1)];
      for (const v of vals) {
        const x = a.newInt(v);
        const y = b.newInt(v);
        const s = a.intDecimalStr(x);
        const t = b.newStrUncached(b.intDecimal(y));
        expect(a.readStr(s)).toBe(String(v));
        expect(s - a.smallInt(0)).toBe(t - b.smallInt(0));
        expect(a.sizeOf(s)).toBe(b.sizeOf(t));
        expect(a.refcnt(s)).toBe(1);
      }
      expectSameMemory(a, b);
      expectHealthy(a);
    });
  }

  it("two-digit values past 2^53 and the digits of bools; 0 for three digits", () => {
    const h = fresh();
    for (const v of [2n ** 53n + 1n, 2n ** 60n - 1n, -(2n ** 59n) - 12345n, 1152921504606846975n]) {
      const o = h.newInt(v);
      const s = h.intDecimalStr(o);
      expect(h.readStr(s)).toBe(v.toString());
      h.decref(s);
      h.decref(o);
    }
    const big = h.newInt(2n ** 60n);
    expect(h.intDecimalStr(big)).toBe(0);
    h.decref(big);
    const t = h.intDecimalStr(h.True);
    expect(h.readStr(t)).toBe("1");
    h.decref(t);
    expect(h.walk()).toEqual([]);
    expectHealthy(h);
  });

  it("a one-character result is a fresh object, not the cached str", () => {
    const h = fresh();
    const cached = h.newStr("7");
    const s = h.intDecimalStr(h.smallInt(7));
    expect(s).not.toBe(cached);
    expect(h.readStr(s)).toBe("7");
    const other = h.newStrUncached("7");
    expect(h.sizeOf(s)).toBe(h.sizeOf(other));
    expect(h.blockSize(s)).toBe(h.blockSize(other));
    h.decref(other);
    h.decref(s);
    h.decref(cached);
  });
});

describe("int_from_f64's one- and two-digit allocation", () => {
  for (const debug of [false, true]) {
    it(`${debug ? "debug" : "release"}: the same memory and events as the general int_new path`, () => {
      const a = fresh({ debug });
      const b = fresh({ debug });
      a.events.enable();
      b.events.enable();
      const r = rng(11);
      const live: Array<[Obj, Obj]> = [];
      for (let step = 0; step < 3000; step++) {
        if (r() < 0.6 || live.length === 0) {
          const mag = [300, 2 ** 29, 2 ** 30, 2 ** 45, 2 ** 53 - 1][Math.floor(r() * 5)]!;
          const v = Math.floor(r() * mag) * (r() < 0.3 ? -1 : 1);
          if (v >= -5 && v <= 256) continue;
          const x = a.newIntValue(v);
          const y = b.newIntDigits(BigInt(v));
          expect(a.readInt(x)).toBe(BigInt(v));
          live.push([x, y]);
        } else {
          const i = Math.floor(r() * live.length);
          const [x, y] = live[i]!;
          live.splice(i, 1);
          a.decrefInt(x);
          b.decref(y);
        }
      }
      expect(a.events.drain().events).toEqual(b.events.drain().events);
      expectSameMemory(a, b);
      expectHealthy(a);
    });
  }
});

describe("newIntSpare", () => {
  it("gives the object newIntDigits(BigInt(v), spare) gives, allocated alike (spare 0, 1, 2; zero; past 2^53)", () => {
    const a = fresh();
    const b = fresh();
    const vals = [0, 1, -1, 7, -5, 256, 257, -6, 1000, -1000, 2 ** 30 - 1, 2 ** 30, -(2 ** 30), 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 60, -(2 ** 62)];
    const xs: Obj[] = [];
    const ys: Obj[] = [];
    for (const spare of [0, 1, 2]) {
      for (const v of vals) {
        const x = a.newIntSpare(v, spare);
        const y = b.newIntDigits(BigInt(v), spare);
        expect(a.readInt(x)).toBe(BigInt(v));
        expect(x - a.smallInt(0)).toBe(y - b.smallInt(0));
        expect(a.sizeOf(x)).toBe(b.sizeOf(y));
        expect(a.blockSize(x)).toBe(b.blockSize(y));
        xs.push(x);
        ys.push(y);
      }
    }
    expectSameMemory(a, b);
    for (const x of xs) a.decref(x);
    for (const y of ys) b.decref(y);
    expectSameMemory(a, b);
    expect(a.walk()).toEqual([]);
    expectHealthy(a);
  });
});

describe("small fills and copies done word by word", () => {
  for (const debug of [false, true]) {
    it(`${debug ? "debug" : "release"}: a parked tuple comes back with NULL items, a list regrown in place gets NULL slots`, () => {
      const h = fresh({ debug });
      const v = h.newStrUncached("item");
      // lengths 1..19 come back from their free lists (CPython 3.11 parks length 20 but never reuses it)
      for (let n = 1; n <= 19; n++) {
        const t = h.newTuple(Array.from({ length: n }, () => v));
        h.decref(t); // parked on the free list of its length, its item words left behind
        const u = h.core.tuple_new(n) >>> 0;
        expect(u).toBe(t);
        for (let i = 0; i < n; i++) expect(h.tupleGet(u, i)).toBe(0);
        for (let i = 0; i < n; i++) {
          h.incref(v);
          h.core.tuple_set_steal(u, i, v);
        }
        h.decref(u);
      }
      for (const n of [4, 20, 40]) {
        const l = h.newList();
        expect(h.core.list_resize(l, n)).toBe(1);
        const arr = h.getI32(l, abi.LIST_ITEMS) >>> 0;
        for (let i = 0; i < n; i++) {
          h.incref(v);
          h.i32[(arr + 8 * i) >>> 2] = v;
        }
        // shrink within the array (the slots past the new size keep stale words), then grow back in place
        const keep = n - (n >> 2);
        for (let i = keep; i < n; i++) h.decref(v);
        expect(h.core.list_resize(l, keep)).toBe(1);
        expect(h.core.list_resize(l, n)).toBe(1);
        expect(h.getI32(l, abi.LIST_ITEMS) >>> 0).toBe(arr);
        for (let i = 0; i < n; i++) expect(h.i32[(arr + 8 * i) >>> 2]! >>> 0).toBe(i < keep ? v : 0);
        h.decref(l);
      }
      expect(h.refcnt(v)).toBe(1);
      h.decref(v);
      expect(h.walk()).toEqual([]);
      expectHealthy(h);
    });
  }
});

describe("intResultRelease", () => {
  it("leaves the heap as newIntSpare (small results: the shared int) + decrefInt(a) + decrefInt(b) do: results, dying and surviving operands, a === b, small results, values past 2^53", () => {
    const a = fresh();
    const b = fresh();
    a.events.enable();
    b.events.enable();
    const r = rng(5);
    const liveA: Obj[] = [];
    const liveB: Obj[] = [];
    const pick = (): number => Math.floor(r() * liveA.length);
    for (let i = 0; i < 40; i++) {
      const v = 300 + Math.floor(r() * 2 ** 40);
      liveA.push(a.newIntValue(v));
      liveB.push(b.newIntValue(v));
    }
    for (let step = 0; step < 4000; step++) {
      const i = pick();
      const j = r() < 0.1 ? i : pick();
      const k = r();
      const x = k < 0.2 ? Math.floor(r() * 200) : k < 0.25 ? 2 ** 60 + 2 ** 40 : Math.floor(r() * 2 ** 52) - 2 ** 51;
      const spare = r() < 0.3 ? 1 : 0;
      // the operands: the stack's references (one more each, taken here), sometimes the only ones left
      const [oa, ob, pa, pb] = [liveA[i]!, liveA[j]!, liveB[i]!, liveB[j]!];
      a.incref(oa);
      a.incref(ob);
      b.incref(pa);
      b.incref(pb);
      if (r() < 0.5) {
        // the list's references go first: the operands die with the operation
        for (const [h, l, idx] of [[a, liveA, [i, j]], [b, liveB, [i, j]]] as const) {
          const gone = new Set(idx);
          for (const g of [...gone].sort((p, q) => q - p)) {
            h.decref(l[g]!);
            l.splice(g, 1);
          }
        }
      }
      const ra = a.intResultRelease(x, spare, oa, ob);
      const rb = x >= -5 && x <= 256 ? b.newIntValue(x) : b.newIntSpare(x, spare);
      b.decrefInt(pa);
      b.decrefInt(pb);
      expect(a.readInt(ra)).toBe(b.readInt(rb));
      expect(ra - a.smallInt(0)).toBe(rb - b.smallInt(0));
      liveA.push(ra);
      liveB.push(rb);
    }
    expect(a.events.drain().events).toEqual(b.events.drain().events);
    expectSameMemory(a, b);
    for (const o of liveA) a.decref(o);
    expect(a.walk()).toEqual([]);
    expectHealthy(a);
  });
});

describe("gc_generation_size", () => {
  /** The sizes the core reports next to the lengths of the lists themselves. */
  function expectSizes(h: Heap): void {
    const c = h.core;
    for (const g of [0, 1, 2] as const) expect(c.gc_generation_size(g)).toBe(h.gc.getObjects(g).length);
    expect(c.gc_generation_size(3)).toBe(h.gc.getFreezeCount());
  }

  it("is the length of each generation's list after every kind of change (kept counts are never stale)", () => {
    const h = fresh();
    const t = slotType(h, 2);
    const r = rng(3);
    const live: Obj[] = [];
    expectSizes(h);
    for (let step = 0; step < 1500; step++) {
      const k = r();
      if (k < 0.45 || live.length === 0) {
        const o = h.newObject(t);
        if (live.length > 0 && r() < 0.3) h.setSlot(o, 16, live[Math.floor(r() * live.length)]!);
        live.push(o);
      } else if (k < 0.8) {
        const o = live.splice(Math.floor(r() * live.length), 1)[0]!;
        h.decref(o);
      } else if (k < 0.85) {
        const o = live[Math.floor(r() * live.length)]!;
        if (h.gc.isTracked(o)) h.gc.untrack(o);
        else h.gc.track(o);
      } else if (k < 0.9) {
        h.gc.collect(Math.floor(r() * 3));
      } else if (k < 0.93) {
        h.gc.freeze();
      } else if (k < 0.96) {
        h.gc.unfreeze();
      } else {
        // a cycle left to the collector
        const a = h.newObject(t);
        const b = h.newObject(t);
        h.setSlot(a, 16, b);
        h.setSlot(b, 16, a);
        h.decref(a);
        h.decref(b);
      }
      // asked twice: the second answer may come from the kept count
      expectSizes(h);
      expectSizes(h);
    }
    for (const o of live) h.decref(o);
    h.gc.unfreeze();
    h.gc.collect(2);
    expectSizes(h);
    expectHealthy(h);
  });
});

describe("freeing an exact str", () => {
  it("an interned str still tells onStrUninterned (and its error comes back); others are freed as obj_decref frees them", () => {
    const h = fresh();
    const seen: Obj[] = [];
    h.onStrUninterned = (s) => seen.push(s);
    const s = h.newStrUncached("interned-name");
    h.setI32(s, abi.STR_STATE, h.getI32(s, abi.STR_STATE) | 1); // interned (mortal)
    h.decref(s);
    expect(seen).toEqual([s]);
    const t = h.newStrUncached("interned-too");
    h.setI32(t, abi.STR_STATE, h.getI32(t, abi.STR_STATE) | 1);
    h.onStrUninterned = () => {
      throw new Error("from the hook");
    };
    expect(() => h.decref(t)).toThrow("from the hook");
    h.onStrUninterned = (x) => seen.push(x);
    const u = h.newStrUncached("plain");
    h.decref(u);
    expect(seen).toEqual([s]);
    expect(h.walk()).toEqual([]);
    expectHealthy(h);

    const a = fresh();
    const b = fresh();
    const r = rng(9);
    const la: Obj[] = [];
    const lb: Obj[] = [];
    for (let i = 0; i < 3000; i++) {
      if (r() < 0.6 || la.length === 0) {
        const text = "s".repeat(1 + Math.floor(r() * 40)) + i;
        la.push(a.newStrUncached(text));
        lb.push(b.newStrUncached(text));
      } else {
        const k = Math.floor(r() * la.length);
        a.decref(la.splice(k, 1)[0]!);
        b.core.obj_decref(lb.splice(k, 1)[0]!);
      }
    }
    expectSameMemory(a, b);
  });
});
