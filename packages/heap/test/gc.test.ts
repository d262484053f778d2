// The cyclic GC: counts, thresholds and generation choice, collect() results, tracking rules,
// finalizers (PEP 442), resurrection and weakrefs — each emulating the allocations of a python3 snippet
// whose output is in test/data/cpython-facts.json or quoted from the memory-model document.
import { describe, expect, it } from "vitest";
import { abi, type Heap, type Obj } from "../src/index.js";
import { facts, fresh, expectHealthy, slotType } from "./helpers.js";

/** What `gc.get_count()` does: read the counts, then allocate the result 3-tuple (which may collect). */
function getCount(h: Heap, keep: Obj[]): [number, number, number] {
  const c = h.gc.getCount();
  keep.push(h.newTupleSteal(c.map((v) => h.newInt(v))));
  return c;
}

/** A plain class instance with one attribute slot (`o`), weakly referenceable. */
function instanceType(h: Heap, name = "A", finalizer = false) {
  return h.registerType({
    name, basicsize: 32, gc: true, heapType: false, refSlots: [24], weaklistOffset: 16, finalizer,
  });
}

describe("gc counts and thresholds", () => {
  it("counts after a full collection move as in CPython's worked example", () => {
    const h = fresh();
    const P = instanceType(h, "P");
    const keep: Obj[] = [];
    h.gc.collect();
    const cs = [getCount(h, keep)];
    const a = h.newList();
    cs.push(getCount(h, keep));
    h.decref(a); // parked
    cs.push(getCount(h, keep));
    const b = h.newList(); // from the free list
    cs.push(getCount(h, keep));
    const p = h.newObject(P);
    cs.push(getCount(h, keep));
    h.decref(p); // freed
    cs.push(getCount(h, keep));
    const d = h.newDict();
    cs.push(getCount(h, keep));
    h.decref(d);
    cs.push(getCount(h, keep));
    expect(cs).toEqual(facts.counts_worked_example);
    expect(b).toBe(a);
    expectHealthy(h);
  });

  it("automatic collections happen at the same allocation and generation as CPython (thresholds 3, 2, 2)", () => {
    const log: number[] = [];
    const h = fresh({ hooks: { gcCallback: (phase, info) => { if (phase === "start") log.push(info.generation); } } });
    const X = instanceType(h, "X");
    // the long-lived population CPython has after start-up (it decides the gen-2 heuristic)
    const longLived = Array.from({ length: facts.long_lived_objects }, () => h.newList());
    h.gc.setThreshold(3, 2, 2);
    h.gc.collect();
    log.length = 0;
    const keepList = h.newList();
    const countsList = h.newList();
    const counts: number[][] = [];
    const tuples: Obj[] = [];
    for (let i = 0; i < 24; i++) {
      const x = h.newObject(X);
      h.listAppend(keepList, x);
      h.decref(x);
      counts.push(getCount(h, tuples));
    }
    expect(counts).toEqual(facts.threshold_counts);
    expect(log).toEqual(facts.threshold_generations);
    expect(longLived.length).toBeGreaterThan(0);
    expectHealthy(h);
  });

  it("the long-lived heuristic delays the first automatic full collection", () => {
    const log: number[] = [];
    const h = fresh({ hooks: { gcCallback: (phase, info) => { if (phase === "start") log.push(info.generation); } } });
    const total = 4000;
    const longLived = Array.from({ length: total }, () => h.newList());
    h.gc.collect();
    log.length = 0;
    h.gc.setThreshold(100, 1, 1);
    const keep: Obj[] = [];
    while (!log.includes(2)) keep.push(h.newList());
    // the survivors promoted by gen-1 collections must exceed a quarter of the long-lived objects
    expect(keep.length).toBeGreaterThan(total / 4);
    expect(log.filter((g) => g === 2).length).toBe(1);
    expect(longLived.length).toBe(total);
  });

  it("collections move the counts; freeze zeroes all three (python3: (0, 1, 1) then (0, 0, 0))", () => {
    const h = fresh();
    h.gc.collect();
    for (const g of [0, 0, 1, 0]) h.gc.collect(g);
    expect(h.gc.getCount()).toEqual([0, 1, 1]);
    h.gc.freeze();
    expect(h.gc.getCount()).toEqual([0, 0, 0]);
    expect(() => h.gc.collect(3)).toThrow(RangeError);
    expect(h.core.gc_collect(3)).toBe(-1);
  });

  it("freeze / unfreeze and get_objects", () => {
    const h = fresh();
    h.gc.collect();
    const x = h.newList();
    expect(h.gc.getObjects(0)).toContain(x);
    h.gc.freeze();
    expect(h.gc.getCount()).toEqual([0, 0, 0]);
    expect(h.gc.getFreezeCount()).toBeGreaterThan(0);
    expect(h.gc.getObjects()).not.toContain(x);
    h.gc.unfreeze();
    expect(h.gc.getFreezeCount()).toBe(0);
    expect(h.gc.getObjects(2)).toContain(x);
  });
});

describe("gc.collect() results", () => {
  it("return values as CPython for typical garbage", () => {
    const h = fresh();
    const A = instanceType(h, "A");
    const run = (setup: () => void) => {
      setup();
      return h.gc.collect();
    };
    const s = (t: string) => h.newStr(t);
    const got = {
      self_list: run(() => {
        const l = h.newList();
        h.listAppend(l, l);
        h.decref(l);
      }),
      two_instances: run(() => {
        const x = h.newObject(A);
        const y = h.newObject(A);
        h.setSlot(x, 24, y);
        h.setSlot(y, 24, x);
        h.decref(x);
        h.decref(y);
      }),
      dict_cycle: run(() => {
        const d = h.newDict();
        const k = s("me");
        h.dictSet(d, k, d);
        h.decref(k);
        h.decref(d);
      }),
      cycle_with_atoms: run(() => {
        const t = h.newTupleSteal([h.newInt(1), h.newInt(2)]);
        const dd = h.newDict();
        const ka = s("a");
        const one = h.newInt(1);
        h.dictSet(dd, ka, one);
        const items = [h.newInt(1), s("x"), h.newFloat(2.5), t, dd];
        const l = h.newList(items);
        for (const it of items) h.decref(it);
        h.decref(ka);
        h.listAppend(l, l);
        h.decref(l);
      }),
      cycle_with_hangers: run(() => {
        const l1 = h.newList([h.newInt(1)]);
        const l3 = h.newList([h.newInt(3)]);
        const t = h.newTupleSteal([h.newInt(2), l3]);
        const dk = h.newDict();
        const empty = h.newList();
        const k = s("k");
        h.dictSet(dk, k, empty);
        h.decref(k);
        h.decref(empty);
        const l = h.newList([l1, t, dk]);
        h.decref(l1);
        h.decref(t);
        h.decref(dk);
        h.listAppend(l, l);
        h.decref(l);
      }),
      nothing: run(() => {}),
    };
    expect(got).toEqual(facts.collect_returns);
    expectHealthy(h);
  });

  it("get_stats accumulates collections and collected per generation", () => {
    const h = fresh();
    const l = h.newList();
    h.listAppend(l, l);
    h.decref(l);
    expect(h.gc.collect(0)).toBe(1);
    expect(h.gc.collect(1)).toBe(0);
    expect(h.gc.getStats()).toEqual([
      { collections: 1, collected: 1, uncollectable: 0 },
      { collections: 1, collected: 0, uncollectable: 0 },
      { collections: 0, collected: 0, uncollectable: 0 },
    ]);
  });

  it("survivors keep CPython's order: C, B, A after the reachability dance", () => {
    const h = fresh();
    const L = instanceType(h, "Link");
    h.gc.collect();
    const a = h.newObject(L);
    const b = h.newObject(L);
    const c = h.newObject(L);
    h.setSlot(b, 24, a);
    h.setSlot(c, 24, b);
    h.decref(a);
    h.decref(b);
    h.gc.collect(0);
    expect(h.gc.getObjects(1).filter((o) => h.typeOf(o) === L)).toEqual([c, b, a]);
  });

  it("DEBUG_SAVEALL keeps garbage in the garbage list", () => {
    const h = fresh();
    const garbage = h.newList();
    h.gc.setGarbageList(garbage);
    h.gc.setDebug(abi.GC_DEBUG_SAVEALL);
    const l = h.newList();
    h.listAppend(l, l);
    const d = h.newDict();
    const k = h.newStr("d");
    h.dictSet(d, k, d);
    h.decref(k);
    h.decref(l);
    h.decref(d);
    expect(h.gc.collect()).toBe(2);
    expect(h.listLen(garbage)).toBe(2);
    expect(h.gc.collect()).toBe(0);
    h.gc.setDebug(0);
    h.listClear(garbage);
    expect(h.gc.collect()).toBe(2);
    expectHealthy(h);
  });
});

describe("tracking rules", () => {
  it("tuples are untracked lazily, dicts only by full collections", () => {
    const h = fresh();
    const tr: Record<string, boolean> = {};
    h.gc.collect();
    const t = h.newTupleSteal([h.newInt(1), h.newStr("x"), h.newFloat(2.5)]);
    tr.fresh_tuple = h.gc.isTracked(t);
    h.gc.collect(0);
    tr.tuple_after_collect0 = h.gc.isTracked(t);
    const u = h.newTupleSteal([h.newInt(1), h.newList()]);
    h.gc.collect();
    tr.tuple_holding_list_after_full = h.gc.isTracked(u);
    const d = h.newDict();
    tr.empty_dict = h.gc.isTracked(d);
    const ka = h.newStr("a");
    const kl = h.newStr("l");
    h.dictSet(d, ka, h.newInt(1));
    tr.dict_atoms = h.gc.isTracked(d);
    const lst = h.newList();
    h.dictSet(d, kl, lst);
    h.decref(lst);
    tr.dict_with_list = h.gc.isTracked(d);
    h.dictDel(d, kl);
    tr.dict_after_delete = h.gc.isTracked(d);
    h.gc.collect(1);
    tr.dict_after_collect1 = h.gc.isTracked(d);
    h.gc.collect();
    tr.dict_after_full = h.gc.isTracked(d);
    const e = h.newDict();
    const inner = h.newDict();
    const kk = h.newStr("k");
    h.dictSet(e, kk, inner);
    tr.dict_holding_empty_dict = h.gc.isTracked(e);
    const f = h.newDict();
    const tt = h.newTupleSteal([h.newInt(1), h.newInt(2)]);
    h.dictSet(f, kk, tt);
    tr.dict_holding_tracked_tuple = h.gc.isTracked(f);
    // a type object is a GC object only when it is a heap type (a class)
    const ti = h.newTuple([h.types.int, h.smallInt(1)]);
    h.gc.collect();
    tr.tuple_holding_static_type_after_full = h.gc.isTracked(ti);
    const kt = h.newStr("t");
    const g = h.newDict();
    h.dictSet(g, kt, h.types.int);
    tr.dict_holding_static_type = h.gc.isTracked(g);
    const K = h.registerType({ name: "K", basicsize: 16, gc: true, heapType: true, managedDict: true });
    const c = h.newDict();
    h.dictSet(c, kt, K);
    h.decref(K);
    tr.dict_holding_class = h.gc.isTracked(c);
    expect(tr).toEqual(facts.tracking);
  });

  it("one pass in list order: an outer tuple created before its inner tuples needs a second collection", () => {
    const h = fresh();
    h.gc.collect();
    // tuple(Gen(2)) allocates the outer tuple first, then the inner ones
    const outer = h.core.tuple_new(2);
    const i1 = h.newTupleSteal([h.newInt(1), h.newStr("x")]);
    const i0 = h.newTupleSteal([h.newInt(0), h.newStr("x")]);
    h.core.tuple_set_steal(outer, 0, i1);
    h.core.tuple_set_steal(outer, 1, i0);
    expect([h.gc.isTracked(outer), h.gc.isTracked(i1), h.gc.isTracked(i0)]).toEqual([true, true, true]);
    h.gc.collect(0);
    expect([h.gc.isTracked(outer), h.gc.isTracked(i1), h.gc.isTracked(i0)]).toEqual([true, false, false]);
    h.gc.collect(1);
    expect(h.gc.isTracked(outer)).toBe(false);
  });
});

describe("finalizers and weak references", () => {
  function withNames(finalizer = true) {
    const names = new Map<Obj, string>();
    const log: string[] = [];
    const saved: Obj[] = [];
    let resurrect = new Set<string>();
    const h = fresh({
      hooks: {
        finalize: (o) => {
          const n = names.get(o) ?? "?";
          log.push(`del ${n}`);
          if (resurrect.has(n)) {
            h.incref(o);
            saved.push(o);
          }
        },
        weakrefCallback: (wr) => log.push(`callback ${names.get(wr) ?? "?"}`),
      },
    });
    const D = instanceType(h, "D", finalizer);
    const make = (n: string) => {
      const o = h.newObject(D);
      names.set(o, n);
      return o;
    };
    return { h, D, make, names, log, saved, setResurrect: (s: string[]) => (resurrect = new Set(s)) };
  }

  it("refcount deaths: list and tuple items last to first, dict key then value, nested depth first", () => {
    const { h, make, log } = withNames();
    const l = h.newList();
    for (const n of ["a", "b", "c"]) {
      const o = make(n);
      h.listAppend(l, o);
      h.decref(o);
    }
    h.decref(l);
    expect(log.splice(0)).toEqual(["del c", "del b", "del a"]);
    h.decref(h.newTupleSteal(["a", "b", "c"].map(make)));
    expect(log.splice(0)).toEqual(["del c", "del b", "del a"]);
    const d = h.newDict();
    h.core.heap_clear_status();
    for (const [k, v] of [["k1", "v1"], ["k2", "v2"]]) {
      const ko = make(k!);
      const vo = make(v!);
      h.dictSet(d, ko, vo);
      h.decref(ko);
      h.decref(vo);
    }
    h.decref(d);
    expect(log.splice(0)).toEqual(["del k1", "del v1", "del k2", "del v2"]);
    const inner = h.newList();
    for (const n of ["i1", "i2"]) {
      const o = make(n);
      h.listAppend(inner, o);
      h.decref(o);
    }
    const o1 = make("o1");
    const o2 = make("o2");
    const n = h.newList([o1, inner, o2]);
    h.decref(o1);
    h.decref(inner);
    h.decref(o2);
    h.decref(n);
    expect(log.splice(0)).toEqual(["del o2", "del i2", "del i1", "del o1"]);
    expectHealthy(h);
  });

  it("cycles: __del__ in list order; hangers first when created first", () => {
    const { h, make, log } = withNames();
    const cycle = (order: string[]) => {
      const objs = Object.fromEntries(order.map((n) => [n, make(n)]));
      h.setSlot(objs.a!, 24, objs.b!);
      h.setSlot(objs.b!, 24, objs.c!);
      h.setSlot(objs.c!, 24, objs.a!);
      for (const o of Object.values(objs)) h.decref(o);
      return h.gc.collect();
    };
    expect(cycle(["a", "b", "c"])).toBe(3);
    expect(log.splice(0)).toEqual(["del a", "del b", "del c"]);
    expect(cycle(["c", "b", "a"])).toBe(3);
    expect(log.splice(0)).toEqual(["del c", "del b", "del a"]);
    const hanger = make("hanger");
    const A = make("A");
    const B = make("B");
    h.setSlot(A, 24, B);
    h.setSlot(B, 24, A);
    // A.child = hanger, through a list so that A keeps two references
    const holder = h.newList([B, hanger]);
    h.setSlot(A, 24, holder);
    h.setSlot(B, 24, A);
    h.decref(holder);
    h.decref(A);
    h.decref(B);
    h.decref(hanger);
    h.gc.collect();
    expect(log.splice(0)).toEqual(["del hanger", "del A", "del B"]);
    expectHealthy(h);
  });

  it("resurrection: not counted, __del__ at most once", () => {
    const { h, make, log, saved, setResurrect } = withNames();
    h.gc.collect();
    setResurrect(["a"]);
    const a = make("a");
    h.setSlot(a, 24, a);
    h.decref(a);
    expect(h.gc.collect()).toBe(0);
    expect(saved).toEqual([a]);
    expect(h.gc.isFinalized(a)).toBe(true);
    expect(log.splice(0)).toEqual(["del a"]);
    setResurrect([]);
    h.decref(saved.pop()!);
    expect(h.gc.collect()).toBe(1);
    expect(log).toEqual([]);
    // refcount death with resurrection
    setResurrect(["r"]);
    const r = make("r");
    h.decref(r);
    expect(saved).toEqual([r]);
    expect(h.refcnt(r)).toBe(1);
    setResurrect([]);
    h.decref(saved.pop()!);
    expect(log.splice(0)).toEqual(["del r"]);
    expectHealthy(h);
  });

  it("a finalizer that breaks its cycle: the collection reports 0", () => {
    const names = new Map<Obj, string>();
    const h = fresh({
      hooks: {
        finalize: (o) => {
          if (names.get(o) === "A") h.setSlot(o, 24, 0);
        },
      },
    });
    const D = instanceType(h, "D", true);
    const a = h.newObject(D);
    names.set(a, "A");
    const b = h.newObject(D);
    h.setSlot(a, 24, b);
    h.setSlot(b, 24, a);
    h.decref(a);
    h.decref(b);
    expect(h.gc.collect()).toBe(0);
    expectHealthy(h);
  });

  it("weakref callbacks: newest first at refcount death; before __del__ in a collection; never for garbage weakrefs", () => {
    const { h, make, names, log } = withNames();
    const a = make("refcount");
    const cb = h.newList();
    const w1 = h.newWeakref(a, cb);
    const w2 = h.newWeakref(a, cb);
    names.set(w1, "w1");
    names.set(w2, "w2");
    const basic = h.newWeakref(a);
    expect(h.newWeakref(a)).toBe(basic);
    h.decref(basic);
    expect(h.core.weakref_count(a)).toBe(3);
    h.decref(a);
    expect(log.splice(0)).toEqual(["del refcount", "callback w2", "callback w1"]);
    expect(h.weakrefGet(w1)).toBe(0);
    expect(h.weakrefGet(basic)).toBe(0);

    h.gc.collect();
    const b = make("cyclic");
    h.setSlot(b, 24, b);
    const w3 = h.newWeakref(b, cb);
    names.set(w3, "w3");
    h.decref(b);
    expect(h.gc.collect()).toBe(1);
    expect(log.splice(0)).toEqual(["callback w3", "del cyclic"]);

    const c = make("own weakref");
    const lam = h.newList();
    const w4 = h.newWeakref(c, lam);
    h.decref(lam);
    h.setSlot(c, 24, w4);
    h.decref(w4);
    const holder = h.newList([c, c]);
    h.decref(c);
    h.listAppend(holder, holder);
    h.decref(holder);
    // instance, its weakref, the callback, and the holder list
    expect(h.gc.collect()).toBe(4);
    expect(log.splice(0)).toEqual(["del own weakref"]);
    h.decref(cb);
    expectHealthy(h);
  });
});

describe("the dense-table variant of deduce_unreachable", () => {
  it("gives the same survivor order and finalizer order as the list walks", () => {
    for (const dense of [0, 1]) {
      const order: Obj[] = [];
      const h = fresh({ hooks: { finalize: (o) => order.push(o) } });
      h.core.gc_set_algorithm(dense);
      const L = instanceType(h, "Link");
      const D = instanceType(h, "D", true);
      h.gc.collect();
      const a = h.newObject(L);
      const b = h.newObject(L);
      const c = h.newObject(L);
      h.setSlot(b, 24, a);
      h.setSlot(c, 24, b);
      h.decref(a);
      h.decref(b);
      h.gc.collect(0);
      expect(h.gc.getObjects(1).filter((o) => h.typeOf(o) === L)).toEqual([c, b, a]);
      const xs = [h.newObject(D), h.newObject(D), h.newObject(D)];
      const [z, y, x] = xs as [Obj, Obj, Obj];
      h.setSlot(x, 24, y);
      h.setSlot(y, 24, z);
      h.setSlot(z, 24, x);
      for (const o of xs) h.decref(o);
      expect(h.gc.collect()).toBe(3);
      expect(order).toEqual(xs);
      expectHealthy(h);
    }
  });
});
