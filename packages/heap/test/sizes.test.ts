// sys.getsizeof of every layout the core decides, against python3's numbers (test/data).
import { describe, expect, it } from "vitest";
import { facts, fresh } from "./helpers.js";

describe("sizes match CPython 3.11", () => {
  it("the facts were produced by CPython 3.11", () => {
    expect(facts.version).toMatch(/^3\.11\./);
  });

  it("int", () => {
    const h = fresh();
    for (const [v, size] of Object.entries(facts.int_sizes)) {
      const o = h.newInt(BigInt(v));
      expect([v, h.sizeOf(o)]).toEqual([v, size]);
      expect(h.readInt(o)).toBe(BigInt(v));
    }
  });

  it("bool, None, float, Ellipsis", () => {
    const h = fresh();
    expect(h.sizeOf(h.True)).toBe(facts.scalar_sizes.True);
    expect(h.sizeOf(h.False)).toBe(facts.scalar_sizes.False);
    expect(h.sizeOf(h.None)).toBe(facts.scalar_sizes.None);
    expect(h.sizeOf(h.Ellipsis)).toBe(facts.scalar_sizes.Ellipsis);
    expect(h.sizeOf(h.newFloat(1.5))).toBe(facts.scalar_sizes["1.5"]);
  });

  it("str (ASCII, latin-1, UCS2, UCS4) and its round trip", () => {
    const h = fresh();
    for (const [s, size] of Object.entries(facts.str_sizes)) {
      const o = h.newStr(s);
      expect([s, h.sizeOf(o)]).toEqual([s, size]);
      expect(h.readStr(o)).toBe(s);
    }
  });

  it("bytes", () => {
    const h = fresh();
    for (const [n, size] of Object.entries(facts.bytes_sizes)) {
      const o = h.newBytes(new Uint8Array(Number(n)).fill(120));
      expect(h.sizeOf(o)).toBe(size);
      expect(h.readBytes(o)).toEqual(new Uint8Array(Number(n)).fill(120));
    }
  });

  it("tuple", () => {
    const h = fresh();
    const sizes = [];
    for (let n = 0; n < 8; n++) sizes.push(h.sizeOf(h.newTuple(Array.from({ length: n }, (_, i) => h.newInt(i)))));
    expect(sizes).toEqual(facts.tuple_sizes);
  });

  it("list: append growth, pop shrinking, list(), [x] * n, extend", () => {
    const h = fresh();
    const l = h.newList();
    const sizes = [];
    for (let i = 0; i < facts.list_append_sizes.length; i++) {
      sizes.push(h.sizeOf(l));
      h.listAppend(l, h.None);
    }
    expect(sizes).toEqual(facts.list_append_sizes);

    const p = h.newList(Array.from({ length: 20 }, (_, i) => h.newInt(i)), "list()");
    const pops = [];
    while (h.listLen(p) > 0) {
      h.decref(h.listPop(p));
      pops.push(h.sizeOf(p));
    }
    expect(pops).toEqual(facts.list_pop_sizes);

    expect(Array.from({ length: 9 }, (_, n) => h.sizeOf(h.newList(Array(n).fill(h.None), "list()")))).toEqual(facts.list_call_sizes);
    expect(Array.from({ length: 9 }, (_, n) => h.sizeOf(h.newList(Array(n).fill(h.None))))).toEqual(facts.list_times_sizes);

    const e = h.newList();
    h.listExtend(e, [0, 1, 2, 3, 4].map((i) => h.newInt(i)));
    expect(h.sizeOf(e)).toBe(facts.list_extend.empty_extend_5);
    const f = h.newList([h.newInt(1)]);
    h.listExtend(f, [2, 3, 4, 5].map((i) => h.newInt(i)));
    expect(h.sizeOf(f)).toBe(facts.list_extend.one_plus_4);
    const g = h.newList([0, 1, 2, 3, 4].map((i) => h.newInt(i)), "list()");
    h.listInsert(g, 0, h.None);
    expect(h.sizeOf(g)).toBe(facts.list_insert_5);
  });

  it("dict: str keys, int keys, a str table turned general, delete, clear", () => {
    const h = fresh();
    const grow = (key: (i: number) => number, n: number) => {
      const d = h.newDict();
      const out = [];
      for (let i = 0; i < n; i++) {
        out.push(h.sizeOf(d));
        const k = key(i);
        const v = h.newInt(i);
        h.dictSet(d, k, v);
        h.decref(k);
        h.decref(v);
      }
      return { d, out };
    };
    expect(grow((i) => h.newStr(`k${i}`), 50).out).toEqual(facts.dict_str_sizes);
    expect(grow((i) => h.newInt(i), 50).out).toEqual(facts.dict_int_sizes);
    expect(grow((i) => (i === 0 ? h.newStr("s") : h.newInt(i)), 12).out).toEqual(facts.dict_str_then_int_sizes);

    const { d } = grow((i) => h.newStr(`k${i}`), 10);
    for (let i = 0; i < 10; i++) {
      const k = h.newStr(`k${i}`);
      expect(h.dictDel(d, k)).toBe(true);
      h.decref(k);
    }
    expect(h.sizeOf(d)).toBe(facts.dict_after_delete_all);
    h.core.dict_clear(d);
    expect(h.sizeOf(d)).toBe(facts.dict_after_clear);
  });

  it("weakref.ref: 80 (python3: sys.getsizeof(weakref.ref(C)))", () => {
    const h = fresh();
    const C = h.registerType({ name: "C", basicsize: 24, managedDict: true, weaklistOffset: 16, heapType: true });
    expect(h.sizeOf(h.newWeakref(C))).toBe(80);
    const o = h.newObject(C);
    expect(h.sizeOf(h.newWeakref(o))).toBe(80);
  });

  it("set and frozenset", () => {
    const h = fresh();
    const s = h.newSet();
    const out = [];
    for (let i = 0; i < facts.set_add_sizes.length; i++) {
      out.push(h.sizeOf(s));
      const v = h.newInt(i);
      h.setAdd(s, v);
      h.decref(v);
    }
    expect(out).toEqual(facts.set_add_sizes);
    const fromRange = [0, 4, 5, 18, 19].map((n) => h.sizeOf(h.newSet(Array.from({ length: n }, (_, i) => h.newInt(i)))));
    expect(fromRange).toEqual(facts.set_from_range_sizes);
    expect(h.sizeOf(h.newSet([], true))).toBe(facts.frozenset_empty);
  });
});

describe("list.extend from an iterator (length hint 8, trimmed at the end)", () => {
  it("sizes as python3", () => {
    // python3: [getsizeof(list(x for x in range(n))) for n in range(12)]
    const fromGen = [56, 88, 120, 120, 120, 120, 120, 120, 120, 184, 184, 184];
    // python3: l = [1, 2, 3]; l.extend(x for x in range(n)) for n in range(12)
    const extendGen = [120, 120, 120, 152, 152, 152, 152, 152, 152, 152, 216, 216];
    const h = fresh();
    const ints = (n: number) => Array.from({ length: n }, (_, i) => h.newInt(i));
    expect(fromGen.map((_, n) => {
      const l = h.newList([], "list()");
      h.listExtendIter(l, ints(n));
      return h.sizeOf(l);
    })).toEqual(fromGen);
    expect(extendGen.map((_, n) => {
      const l = h.newList(ints(3), "extend-empty");
      h.listExtendIter(l, ints(n));
      return h.sizeOf(l);
    })).toEqual(extendGen);
    const l = h.newList([], "list()");
    h.listExtendIter(l, ints(5));
    expect(Array.from({ length: 5 }, (_, i) => h.intToNumber(h.listGet(l, i)))).toEqual([0, 1, 2, 3, 4]);
    expect(h.check()).toEqual({ ok: true });
  });
});
