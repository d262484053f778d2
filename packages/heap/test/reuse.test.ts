// Address reuse: free lists and pymalloc's LIFO / first-pool discipline, against python3's answers.
import { describe, expect, it } from "vitest";
import { facts, fresh, expectHealthy } from "./helpers.js";

describe("address reuse patterns of CPython 3.11", () => {
  it("lists, tuples, dicts and sets as python3 reports", () => {
    const h = fresh();
    const ints = (...v: number[]) => v.map((x) => h.newInt(x));
    const got: Record<string, boolean> = {};

    let a = h.newList(ints(1, 2));
    let old = a;
    h.decref(a);
    a = h.newList(ints(3, 4));
    got.list_after_del = a === old;

    let t = h.newTupleSteal(ints(1, 2, 3));
    old = t;
    h.decref(t);
    t = h.newTupleSteal(ints(4, 5, 6));
    got.tuple3 = t === old;

    const range = (n: number) => Array.from({ length: n }, (_, i) => h.newInt(i));
    t = h.newTupleSteal(range(19));
    old = t;
    h.decref(t);
    got.tuple19 = h.newTupleSteal(range(19)) === old;
    t = h.newTupleSteal(range(20));
    old = t;
    h.decref(t);
    got.tuple20 = h.newTupleSteal(range(20)) === old;

    const sameTwice = (make: () => number) => {
      const x = make();
      h.decref(x);
      const y = make();
      h.decref(y);
      return x === y;
    };
    got.id_list_list = sameTwice(() => h.newList());
    got.id_list_call = sameTwice(() => h.newList([], "list()"));
    got.id_dict_dict = sameTwice(() => h.newDict());
    got.id_dict_call = sameTwice(() => h.newDict("dict()"));
    got.id_set_set = sameTwice(() => h.newSet());

    h.gc.collect();
    const n = h.newInt(1099511627776n);
    old = n;
    h.decref(n);
    got.float_reuses_int_block = h.newFloat(2.5) === old;

    expect(got).toEqual(facts.reuse);
    expectHealthy(h);
  });

  it("blocks are LIFO within a pool and a pool that was full goes to the front", () => {
    const h = fresh();
    h.gc.collect();
    // 2000 two-digit ints with a spare digit: 48-byte blocks, 340 per pool
    const keep = Array.from({ length: 2000 }, (_, i) => h.newIntDigits(2n ** 40n + BigInt(i), 1));
    expect(keep.every((o) => h.blockSize(o) === 48)).toBe(true);
    const pools = new Set(keep.map((o) => o & ~0x3fff));
    expect(pools.size).toBe(Math.ceil(2000 / 340));
    // pool capacity: (16384 - 48) / 48 blocks, the first at pool + 48
    const firstPool = keep[0]! & ~0x3fff;
    expect(keep[0]! - firstPool).toBe(48);
    expect(keep.filter((o) => (o & ~0x3fff) === firstPool).length).toBe(Math.floor((16384 - 48) / 48));
    // an old object in a full pool: its block is the next one handed out
    const old = keep[10]!;
    h.decref(old);
    const again = h.newIntDigits(3n * 2n ** 40n, 1);
    expect(again).toBe(old);
    // LIFO: free two blocks of a partially used first pool, they come back in reverse order
    const x = keep[20]!;
    const y = keep[21]!;
    h.decref(x);
    h.decref(y);
    expect(h.newIntDigits(5n * 2n ** 40n, 1)).toBe(y);
    expect(h.newIntDigits(6n * 2n ** 40n, 1)).toBe(x);
    expectHealthy(h);
  });

  it("reuse is by size class, not by type", () => {
    const h = fresh();
    h.gc.collect();
    const s = h.newStrUncached("123456"); // 55 bytes → 64-byte block
    const old = s;
    h.decref(s);
    expect(h.newStrUncached("1234567890123")).toBe(old); // 62 bytes, same class
    const s2 = h.newStrUncached("123456");
    h.decref(s2);
    expect(h.newStrUncached("x".repeat(20))).not.toBe(s2); // 69 bytes → 80-byte class
  });

  it("float free list holds 100 and a full collection empties it", () => {
    const h = fresh();
    h.gc.collect();
    const baseline = h.stats().bytesInUse;
    const fl = Array.from({ length: 150 }, (_, i) => h.newFloat(i + 0.5));
    for (const f of fl) h.decref(f);
    // the first 100 freed are parked (the rest go back to pymalloc); they come back LIFO
    expect(h.stats().bytesInUse - baseline).toBe(100 * 32);
    const back = Array.from({ length: 100 }, (_, i) => h.newFloat(i));
    expect(new Set(back)).toEqual(new Set(fl.slice(0, 100)));
    expect(back[0]).toBe(fl[99]);
    for (const f of back) h.decref(f);
    h.gc.collect();
    expect(h.stats().bytesInUse).toBe(baseline);
    expectHealthy(h);
  });
});
