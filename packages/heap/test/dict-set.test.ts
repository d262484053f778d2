// dict and set behaviour the core decides: insertion order through deletes, set iteration order
// (hash-table order), CPython's exact hashes, and Python-level __eq__/__hash__ through the hooks.
import { describe, expect, it } from "vitest";
import { HeapError, type Obj } from "../src/index.js";
import { facts, fresh, expectHealthy } from "./helpers.js";

describe("dict", () => {
  it("keeps insertion order through deletes and reinsertion", () => {
    const h = fresh();
    const d = h.newDict();
    const put = (k: number, v: Obj) => {
      const ko = h.newInt(k);
      h.dictSet(d, ko, v);
      h.decref(ko);
      h.decref(v);
    };
    for (let i = 0; i < 10; i++) put((i * 7) % 11, h.newInt(i));
    for (const k of [3, 6]) {
      const ko = h.newInt(k);
      expect(h.dictDel(d, ko)).toBe(true);
      expect(h.dictDel(d, ko)).toBe(false);
      h.decref(ko);
    }
    put(3, h.newStr("again"));
    put(100, h.newStr("new"));
    expect(h.dictItems(d).map(([k]) => h.intToNumber(k))).toEqual(facts.dict_order_after_deletes);
    const k3 = h.newInt(3);
    expect(h.readStr(h.dictGet(d, k3))).toBe("again");
    const k4 = h.newInt(12345);
    expect(h.dictGet(d, k4)).toBe(0);
    expectHealthy(h);
  });

  it("finds equal keys of different objects: str by content, 1 == 1.0 == True", () => {
    const h = fresh();
    const d = h.newDict();
    const k1 = h.newStrUncached("hello world");
    const k2 = h.newStrUncached("hello world");
    expect(k1).not.toBe(k2);
    h.dictSet(d, k1, h.None);
    expect(h.dictGet(d, k2)).toBe(h.None);
    const one = h.newInt(1);
    h.dictSet(d, one, h.True);
    const f = h.newFloat(1.0);
    expect(h.dictGet(d, f)).toBe(h.True);
    expect(h.dictGet(d, h.True)).toBe(h.True);
    const big = h.newInt(2n ** 70n);
    h.dictSet(d, big, h.False);
    const bigf = h.newFloat(2 ** 70);
    expect(h.dictGet(d, bigf)).toBe(h.False);
    const t1 = h.newTupleSteal([h.newInt(1), h.newStr("x")]);
    const t2 = h.newTupleSteal([h.newInt(1), h.newStr("x")]);
    h.dictSet(d, t1, h.Ellipsis);
    expect(h.dictGet(d, t2)).toBe(h.Ellipsis);
    expect(h.dictLen(d)).toBe(4);
  });

  it("copy() clones a dense table and inherits tracking", () => {
    const h = fresh();
    const d = h.newDict();
    const k = h.newStr("a");
    const l = h.newList();
    h.dictSet(d, k, l);
    const c = h.core.dict_copy(d) >>> 0;
    expect(h.gc.isTracked(c)).toBe(true);
    expect(h.sizeOf(c)).toBe(h.sizeOf(d));
    expect(h.dictGet(c, k)).toBe(l);
    expect(h.refcnt(l)).toBe(3);
    h.decref(c);
    expect(h.refcnt(l)).toBe(2);
    expectHealthy(h);
  });

  it("Python-level __hash__ / __eq__ go through the hooks; a raising __eq__ is an ERROR status", () => {
    const calls: string[] = [];
    let raise = false;
    const h = fresh({
      hooks: {
        hash: () => 42n,
        eq: (a, b) => {
          calls.push("eq");
          if (raise) return -1;
          return a === b ? 1 : 0;
        },
      },
    });
    const K = h.registerType({ name: "K", basicsize: 24, gc: true, heapType: false, weaklistOffset: 16 });
    const a = h.newObject(K);
    const b = h.newObject(K);
    const d = h.newDict();
    h.dictSet(d, a, h.True);
    h.dictSet(d, b, h.False);
    expect(calls.length).toBeGreaterThan(0); // same hash: the second insert compared with the first key
    expect(h.dictLen(d)).toBe(2);
    expect(h.hash(a)).toBe(42n);
    raise = true;
    const c = h.newObject(K);
    expect(() => h.dictGet(d, c)).toThrow(HeapError);
    try {
      h.dictGet(d, c);
    } catch (e) {
      expect((e as HeapError).code).toBe("ERROR");
    }
    expectHealthy(h);
  });

  it("a hook that throws during d[k] or d[k] = v: its exception comes out of dictGet / dictSet once, the heap stays usable", () => {
    const boom = new Error("eq hook failed");
    let raise = false;
    const h = fresh({
      hooks: {
        hash: () => 7n,
        eq: () => {
          if (raise) throw boom;
          return 0;
        },
      },
    });
    const K = h.registerType({ name: "K", basicsize: 24, gc: true, heapType: false, weaklistOffset: 16 });
    const a = h.newObject(K);
    const b = h.newObject(K);
    const d = h.newDict();
    h.dictSet(d, a, h.True);
    raise = true;
    expect(() => h.dictGet(d, b)).toThrow(boom);
    expect(() => h.dictSet(d, b, h.False)).toThrow(boom);
    raise = false;
    // the error was handed out once: the next calls succeed
    expect(h.dictGet(d, b)).toBe(0);
    h.dictSet(d, b, h.False);
    expect(h.dictGet(d, b)).toBe(h.False);
    expect(h.dictLen(d)).toBe(2);
    expect(h.isRetired).toBe(false);
    h.decref(d);
    h.decref(a);
    h.decref(b);
    expectHealthy(h);
  });

  it("listAppendSteal keeps the caller's reference in the list; listAppend adds one", () => {
    const h = fresh();
    const l = h.newList([]);
    const items: number[] = [];
    for (let i = 0; i < 40; i++) {
      const o = h.newFloat(i + 0.5);
      items.push(o);
      if (i % 2) h.listAppendSteal(l, o);
      else {
        h.listAppend(l, o);
        expect(h.refcnt(o)).toBe(2);
        h.decref(o);
      }
      expect(h.refcnt(o)).toBe(1);
    }
    expect(h.listLen(l)).toBe(40);
    for (let i = 0; i < 40; i++) expect(h.listGet(l, i)).toBe(items[i]);
    h.decref(l);
    expectHealthy(h);
  });
});

describe("set", () => {
  it("iterates in CPython's table order", () => {
    const h = fresh();
    const s = h.newSet();
    for (const v of [5, 3, 17, 9, 1, 33, 65, 8, 100000, -7]) h.setAdd(s, h.newInt(v));
    expect(h.setItems(s).map((o) => h.intToNumber(o))).toEqual(facts.set_iteration_order);
    const r = h.newSet(Array.from({ length: 20 }, (_, i) => h.newInt(i)));
    for (const v of [3, 7, 11]) expect(h.setDiscard(r, h.newInt(v))).toBe(true);
    expect(h.setDiscard(r, h.newInt(3))).toBe(false);
    h.setAdd(r, h.newInt(300));
    h.setAdd(r, h.newInt(-1));
    expect(h.setItems(r).map((o) => h.intToNumber(o))).toEqual(facts.set_iteration_order_after_discard);
    expect(h.setContains(r, h.newInt(300))).toBe(true);
    expect(h.setContains(r, h.newInt(7))).toBe(false);
  });
});

describe("hashes equal CPython's", () => {
  it("int, float, tuple, frozenset", () => {
    const h = fresh();
    const ints = [0n, 1n, -1n, -2n, 2n ** 61n - 2n, 2n ** 61n - 1n, 2n ** 61n, 2n ** 100n, -(2n ** 100n)];
    expect(ints.map((v) => h.hash(h.newInt(v)).toString())).toEqual(facts.hashes.ints.map(String));
    const floats = [0.0, 1.0, -1.0, 1.5, -2.5, 1e300, 1e-300, Math.PI, Infinity, -Infinity, 2 ** 80];
    expect(floats.map((v) => h.hash(h.newFloat(v)).toString())).toEqual(facts.hashes.floats.map(String));
    const tuples = [
      h.newTuple([]),
      h.newTupleSteal([h.newInt(1)]),
      h.newTupleSteal([h.newInt(1), h.newInt(2)]),
      h.newTupleSteal([h.newInt(1), h.newTupleSteal([h.newInt(2), h.newInt(3)])]),
      h.newTupleSteal([h.newInt(-1), h.newInt(-2)]),
      h.newTupleSteal([h.newFloat(1.5), h.newInt(2)]),
    ];
    expect(tuples.map((t) => h.hash(t).toString())).toEqual(facts.hashes.tuples.map(String));
    const fs = [[], [1], [1, 2, 3], Array.from({ length: 20 }, (_, i) => i)].map((xs) => h.newSet(xs.map((v) => h.newInt(v)), true));
    expect(fs.map((s) => h.hash(s).toString())).toEqual(facts.hashes.frozensets.map(String));
  });
});
