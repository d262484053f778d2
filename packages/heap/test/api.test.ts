// The binding's surface beyond the CPython facts: iteration helpers, managed-dict values, weakref
// lists, referents/referrers, the event ring, reset, loading.
import { describe, expect, it } from "vitest";
import { abi, CPYTHON_311_TYPES, loadHeapAsync, type Obj } from "../src/index.js";
import { fresh, expectHealthy, slotType } from "./helpers.js";

describe("binding API", () => {
  it("dict and set iteration by position (start at -1)", () => {
    const h = fresh();
    const d = h.newDict();
    const keys = ["a", "b", "c"].map((k) => h.newStr(k));
    keys.forEach((k, i) => h.dictSet(d, k, h.newInt(i)));
    h.dictDel(d, keys[1]!);
    const seen: string[] = [];
    for (let p = h.dictNext(d, -1); p >= 0; p = h.dictNext(d, p)) {
      seen.push(`${h.readStr(h.dictKeyAt(d, p))}=${h.intToNumber(h.dictValueAt(d, p))}`);
    }
    expect(seen).toEqual(["a=0", "c=2"]);
    const s = h.newSet([1, 2, 3].map((v) => h.newInt(v)));
    const members: number[] = [];
    for (let p = h.setNext(s, -1); p >= 0; p = h.setNext(s, p)) members.push(h.intToNumber(h.setKeyAt(s, p)));
    expect(members).toEqual([1, 2, 3]);
    expect(h.setLen(s)).toBe(3);
    const popped = h.setPop(s);
    expect(h.intToNumber(popped)).toBe(1);
    expect(h.setLen(s)).toBe(2);
    h.setClear(s);
    expect(() => h.setPop(s)).toThrow("NOT_FOUND");
  });

  it("list displays of constants: BUILD_LIST 0 + LIST_EXTEND sizes", () => {
    const h = fresh();
    const sizes = [3, 4, 5].map((n) => h.sizeOf(h.newList(Array(n).fill(h.None), "extend-empty")));
    // python3: [1, 1, 1] → 88, [1, 1, 1, 1] → 88, [1] * 5 items as a display → 104
    expect(sizes).toEqual([88, 88, 104]);
  });

  it("managed-dict instances: values array, released in order, then the dict", () => {
    const order: string[] = [];
    const names = new Map<Obj, string>();
    const h = fresh({ hooks: { finalize: (o) => order.push(names.get(o) ?? "?") } });
    const C = h.registerType({ name: "C", basicsize: 24, managedDict: true, weaklistOffset: 16, heapType: true });
    const D = slotType(h, 1, { finalizer: true });
    const c = h.newObject(C);
    expect(h.sizeOf(c)).toBe(56);
    expect(h.blockSize(c)).toBe(64);
    h.valuesNew(c, 30);
    expect(h.valuesCapacity(c)).toBe(30);
    for (const [i, n] of ["p", "q", "r"].entries()) {
      const o = h.newObject(D);
      names.set(o, n);
      h.valuesSet(c, i, o);
      h.decref(o);
    }
    expect(names.size).toBe(3);
    expect(h.refcnt(C)).toBe(2); // the class and its instance
    h.decref(c);
    expect(order).toEqual(["p", "q", "r"]);
    expect(h.refcnt(C)).toBe(1);
    // a two-instance cycle through values arrays is 2 objects for the collector
    const x = h.newObject(C);
    const y = h.newObject(C);
    h.valuesNew(x, 1);
    h.valuesNew(y, 1);
    h.valuesSet(x, 0, y);
    h.valuesSet(y, 0, x);
    h.decref(x);
    h.decref(y);
    expect(h.gc.collect()).toBe(2);
    // with the __dict__ materialized: 4
    const a = h.newObject(C);
    const b = h.newObject(C);
    for (const [o, other] of [[a, b], [b, a]] as const) {
      const d = h.newDict();
      const k = h.newStr("o");
      h.dictSet(d, k, other);
      h.decref(k);
      h.setManagedDict(o, d);
      h.decref(d);
    }
    h.decref(a);
    h.decref(b);
    expect(h.gc.collect()).toBe(4);
    expectHealthy(h);
  });

  it("weakref lists, referents and referrers", () => {
    const h = fresh();
    const T = slotType(h, 1, { weaklistOffset: 24, basicsize: 32 });
    const o = h.newObject(T);
    const cb = h.newList();
    const basic = h.newWeakref(o);
    const w1 = h.newWeakref(o, cb);
    const w2 = h.newWeakref(o, cb);
    expect(h.getWeakrefs(o)).toEqual([basic, w2, w1]);
    expect(h.weakrefCount(o)).toBe(3);
    const inner = h.newList();
    const l = h.newList([h.None, inner, o]);
    expect(h.gc.getReferents(l)).toEqual([o, inner, h.None]);
    expect(h.gc.getReferrers([inner])).toEqual([l]);
    expect(h.gc.getReferents(w1)).toEqual([cb]);
  });

  it("the event ring records allocations, frees, parking and GC phases only while enabled", () => {
    const h = fresh();
    const a = h.newList();
    h.decref(a);
    h.events.enable(1024);
    const l = h.newList([h.newInt(1)]); // from the list free list: unpark
    const t = h.newTupleSteal([h.newInt(1000)]);
    h.listAppend(l, l);
    h.decref(l);
    h.decref(t);
    h.gc.collect();
    const { events, dropped } = h.events.drain();
    expect(dropped).toBe(0);
    const kinds = events.map((e) => e.kind);
    expect(kinds[0]).toBe("unpark");
    expect(events).toContainEqual({ kind: "alloc", obj: t, type: h.types.tuple, blockSize: 48 });
    expect(kinds).toContain("park");
    expect(kinds.filter((k) => k === "gc-start").length).toBe(1);
    expect(events.filter((e) => e.kind === "gc-phase").map((e) => (e as { phase: string }).phase)).toEqual([
      "update-refs", "subtract-refs", "move-unreachable", "handle-weakrefs", "finalize", "resurrection",
      "update-refs", "subtract-refs", "move-unreachable", "delete-garbage",
    ]);
    expect(events.at(-1)).toEqual({ kind: "gc-end", generation: 2, collected: 1, uncollectable: 0 });
    // the list died in the collection; the 1-tuple was parked by refcount before it
    expect(events).toContainEqual({ kind: "park", obj: t, type: h.types.tuple, duringGc: false });
    expect(events).toContainEqual({ kind: "park", obj: l, type: h.types.list, duringGc: true });
    h.events.disable();
    h.newList();
    expect(h.events.drain().events).toEqual([]);
  });

  it("reset() starts over with the same static addresses", () => {
    const h = fresh();
    const none = h.None;
    const first = h.newList();
    for (let i = 0; i < 100; i++) h.newList();
    h.reset();
    expect(h.gc.getObjects().length).toBe(0);
    expect(h.core.heap_well_known(abi.WK_NONE) >>> 0).toBe(none);
    // inspection buffers live below the heap: they do not move the addresses objects get
    expect(h.newList()).toBe(first);
    expectHealthy(h);
  });

  it("loads asynchronously too", async () => {
    const h = await loadHeapAsync();
    expect(h.readStr(h.newStr("async"))).toBe("async");
  });
});

describe("more of the surface", () => {
  it("static strings, a registered free list of one that survives full collections (the slice cache)", () => {
    const h = fresh();
    const s = h.newStaticStr("__init__");
    expect(h.isStatic(s)).toBe(true);
    expect(h.readStr(s)).toBe("__init__");
    expect(h.refcnt(s)).toBe(999_999_999);
    const Slice = h.registerType({ name: "slice", basicsize: 40, gc: true, refSlots: [16, 24, 32], freelist: 1, freelistKeep: true });
    const a = h.newObject(Slice);
    h.setSlot(a, 16, h.None);
    h.decref(a);
    h.gc.collect();
    const b = h.newObject(Slice);
    expect(b).toBe(a);
    expect(h.getSlot(b, 16)).toBe(0);
    expect(h.gc.isTracked(b)).toBe(true);
    const c = h.newObject(Slice);
    expect(c).not.toBe(b);
    expectHealthy(h);
  });

  it("the invariant checker catches a refcount below the references to an object", () => {
    const h = fresh();
    const inner = h.newList();
    const outer = h.newList([inner, inner]);
    expect(h.check()).toEqual({ ok: true });
    h.setI32(inner, abi.OB_REFCNT, 1); // the list alone holds two references
    expect(h.check()).toEqual({ ok: false, code: 53, object: inner });
    h.setI32(inner, abi.OB_REFCNT, 3);
    expect(h.check()).toEqual({ ok: true });
    // a corrupted generation list is caught too
    const prev = h.getI32(outer, abi.GC_PREV);
    h.setI32(outer, abi.GC_PREV, prev ^ 0x100);
    expect(h.check()).toMatchObject({ ok: false, code: 41 });
    h.setI32(outer, abi.GC_PREV, prev);
    expect(h.check()).toEqual({ ok: true });
  });

  it("lazy untracking appears in the event ring; generations() maps tracked objects", () => {
    const h = fresh();
    const t = h.newTupleSteal([h.newInt(1), h.newInt(2)]);
    const l = h.newList();
    expect(h.gc.generations().get(t)).toBe(0);
    h.events.enable(64);
    h.gc.collect(0);
    expect(h.events.drain().events).toContainEqual({ kind: "untrack", obj: t, type: h.types.tuple });
    expect(h.gc.generations().get(t)).toBeUndefined();
    expect(h.gc.generations().get(l)).toBe(1);
  });

  it("weakref callbacks appear in the event ring", () => {
    const h = fresh();
    const T = slotType(h, 1, { weaklistOffset: 24, basicsize: 32 });
    const o = h.newObject(T);
    const cb = h.newList();
    const wr = h.newWeakref(o, cb);
    h.events.enable(64);
    h.decref(o);
    expect(h.events.drain().events).toContainEqual({ kind: "weakref-callback", weakref: wr });
  });
});

describe("subclasses of built-in containers", () => {
  it("sizes, release order (own fields first, then the items) and collection as python3", () => {
    // python3: class L(list), D(dict), S(set): getsizeof 80, 88, 232; basicsizes 48, 56, 200;
    // l = L([X('i1'), X('i2')]); l.attr = X('attr'); del l  →  attr, i2, i1
    const order: string[] = [];
    const names = new Map<Obj, string>();
    const h = fresh({ hooks: { finalize: (o) => order.push(names.get(o) ?? "?") } });
    const L = h.registerType({ name: "L", basicsize: 48, managedDict: true, weaklistOffset: 40, heapType: true, layout: "list", base: h.types.list });
    const D = h.registerType({ name: "D", basicsize: 56, managedDict: true, weaklistOffset: 48, heapType: true, layout: "dict", base: h.types.dict });
    const S = h.registerType({ name: "S", basicsize: 200, managedDict: true, weaklistOffset: 192, heapType: true, layout: "set", base: h.types.set });
    expect([h.sizeOf(h.newObject(L)), h.sizeOf(h.newObject(D)), h.sizeOf(h.newObject(S))]).toEqual([80, 88, 232]);
    const X = slotType(h, 1, { finalizer: true });
    const mk = (n: string) => {
      const o = h.newObject(X);
      names.set(o, n);
      return o;
    };
    const l = h.newObject(L);
    for (const n of ["i1", "i2"]) {
      const o = mk(n);
      h.listAppend(l, o);
      h.decref(o);
    }
    h.valuesNew(l, 30);
    const attr = mk("attr");
    h.valuesSet(l, 0, attr);
    h.decref(attr);
    h.decref(l);
    expect(order).toEqual(["attr", "i2", "i1"]);
    const d = h.newObject(D);
    expect(h.gc.isTracked(d)).toBe(true);
    const k = h.newStr("k");
    h.dictSet(d, k, h.True);
    expect(h.dictGet(d, k)).toBe(h.True);
    const self = h.newObject(L);
    h.listAppend(self, self);
    h.decref(self);
    expect(h.gc.collect()).toBe(1);
    expectHealthy(h);
  });
});

describe("small ints and GC object sets in the event ring", () => {
  it("small ints are one static array 32 bytes apart, as in CPython", () => {
    // python3: id(1) - id(0) == 32, id(256) - id(-5) == 8352
    const h = fresh();
    expect(h.newInt(1) - h.newInt(0)).toBe(32);
    expect(h.newInt(256) - h.newInt(-5)).toBe(8352);
    expect(h.smallInt(7)).toBe(h.newInt(7));
    expect(h.readInt(h.smallInt(-5))).toBe(-5n);
    expect(h.readInt(h.smallInt(256))).toBe(256n);
  });

  it("a collection reports the tentative unreachable set and the final garbage", () => {
    const saved: Obj[] = [];
    const h = fresh({ hooks: { finalize: (o) => { h.incref(o); saved.push(o); } } });
    const R = slotType(h, 1, { finalizer: true });
    const plain = h.newList();
    h.listAppend(plain, plain);
    const r = h.newObject(R);
    h.setSlot(r, 16, r);
    h.decref(plain);
    h.decref(r);
    h.events.enable(256);
    expect(h.gc.collect()).toBe(1);
    const evs = h.events.drain().events;
    expect(evs.filter((e) => e.kind === "gc-unreachable").map((e) => (e as { obj: Obj }).obj)).toEqual([plain, r]);
    expect(evs.filter((e) => e.kind === "gc-garbage").map((e) => (e as { obj: Obj }).obj)).toEqual([plain]);
    expect(saved).toEqual([r]);
  });
});

describe("CPython 3.11 type descriptors", () => {
  it("register, and give python3's sys.getsizeof", () => {
    // python3: function 152, bound method 64, cell 40, range(10) 48, slice(1, 2) 56, property() 80,
    // iter([]) 48, enumerate([]) 72, zip() 64, map 48, module 72, Exception() 88
    const h = fresh();
    const expected: Record<string, number> = {
      function: 152, method: 64, cell: 40, range: 48, slice: 56, property: 80, list_iterator: 48, enumerate: 72,
      zip: 64, map: 48, module: 72, BaseException: 88,
    };
    for (const [name, size] of Object.entries(expected)) {
      const t = h.registerType(CPYTHON_311_TYPES[name as keyof typeof CPYTHON_311_TYPES]);
      const o = h.newObject(t);
      expect([name, h.sizeOf(o)]).toEqual([name, size]);
      expect(h.gc.isTracked(o)).toBe(CPYTHON_311_TYPES[name as keyof typeof CPYTHON_311_TYPES].gc);
      h.decref(o);
    }
    expectHealthy(h);
  });
});

describe("owned buffers", () => {
  it("a list's item array, a dict's keys table, a set's table, a values array", () => {
    const h = fresh();
    const l = h.newList(Array(10).fill(h.None));
    expect(h.buffersSize(l)).toBe(80);
    expect(h.buffersSize(h.newList())).toBe(0);
    const d = h.newDict();
    expect(h.buffersSize(d)).toBe(0);
    const k = h.newStr("a");
    h.dictSet(d, k, h.None);
    expect(h.buffersSize(d)).toBe(128); // 32 + 8 + 5·16 = 120 → a 128-byte block
    const s = h.newSet(Array.from({ length: 5 }, (_, i) => h.newInt(i)));
    expect(h.buffersSize(s)).toBe(512); // 32 slots of 16 bytes: a 512-byte pymalloc block
    const C = h.registerType({ name: "C", basicsize: 24, managedDict: true, weaklistOffset: 16, heapType: true });
    const c = h.newObject(C);
    h.valuesNew(c, 30);
    expect(h.buffersSize(c)).toBe(272); // prefix 32 + 30 · 8
  });
});

describe("the reachability dance in the event ring", () => {
  it("gc_refs after subtract_refs: C (held from outside) 1, B and A 0, with both algorithms", () => {
    for (const dense of [0, 1]) {
      const h = fresh();
      h.core.gc_set_algorithm(dense);
      const L = slotType(h, 1);
      h.gc.collect();
      const a = h.newObject(L);
      const b = h.newObject(L);
      const c = h.newObject(L);
      h.setSlot(b, 16, a);
      h.setSlot(c, 16, b);
      h.decref(a);
      h.decref(b);
      h.events.enable(64);
      h.gc.collect(0);
      const refs = h.events.drain().events.filter((e) => e.kind === "gc-refs");
      expect(refs).toEqual([
        { kind: "gc-refs", obj: a, gcRefs: 0, generation: 0 },
        { kind: "gc-refs", obj: b, gcRefs: 0, generation: 0 },
        { kind: "gc-refs", obj: c, gcRefs: 1, generation: 0 },
      ]);
    }
  });
});

describe("weakref subclasses", () => {
  it("a KeyedRef-like subclass keeps its key until it dies; its callback runs as for weakref", () => {
    const calls: Obj[] = [];
    const h = fresh({ hooks: { weakrefCallback: (wr) => calls.push(wr) } });
    // weakref.KeyedRef in 3.11: basicsize 72 (the key after the 64-byte PyWeakReference)
    const KeyedRef = h.registerType({ name: "KeyedRef", basicsize: 72, gc: true, heapType: true, layout: "weakref",
      refSlots: [64], base: h.types.weakref });
    const T = slotType(h, 1, { weaklistOffset: 24, basicsize: 32 });
    const o = h.newObject(T);
    const cb = h.newList();
    const key = h.newStrUncached("the key");
    const kr = h.newWeakref(o, cb, KeyedRef);
    h.setSlot(kr, 64, key);
    expect(h.sizeOf(kr)).toBe(88);
    expect(h.refcnt(key)).toBe(2);
    h.decref(o);
    expect(calls).toEqual([kr]);
    expect(h.weakrefGet(kr)).toBe(0);
    h.decref(kr);
    expect(h.refcnt(key)).toBe(1);
    expect(h.refcnt(cb)).toBe(1);
    expectHealthy(h);
  });
});

describe("attributes of instances with managed dicts (shared keys)", () => {
  function setup() {
    const order: string[] = [];
    const names = new Map<Obj, string>();
    const h = fresh({ hooks: { finalize: (o) => order.push(names.get(o) ?? "?") } });
    const C = h.registerType({ name: "C", basicsize: 24, managedDict: true, weaklistOffset: 16, heapType: true });
    const D = slotType(h, 1, { finalizer: true });
    const named = (n: string) => {
      const o = h.newObject(D);
      names.set(o, n);
      return o;
    };
    return { h, C, named, order };
  }

  it("a class with shared keys is 1688 bytes and its instances 56, as python3 reports", () => {
    const { h, C } = setup();
    expect(h.sizeOf(C)).toBe(1688);
    const c = h.newObject(C);
    expect(h.sizeOf(c)).toBe(56);
    expect(h.valuesCapacity(c)).toBeGreaterThanOrEqual(29);
  });

  it("get, set, delete; deallocation in slot order; __dict__ in insertion order", () => {
    const { h, C, named, order } = setup();
    const s = (t: string) => h.newStaticStr(t);
    const x = h.newObject(C);
    for (const n of ["p", "q", "r"]) {
      const v = named(n);
      h.attrSet(x, s(n), v);
      h.decref(v);
    }
    expect(order).toEqual([]);
    h.decref(x);
    expect(order.splice(0)).toEqual(["p", "q", "r"]);
    const y = h.newObject(C);
    h.attrSet(y, s("r"), h.True);
    h.attrSet(y, s("p"), h.False);
    expect(h.attrGet(y, s("p"))).toBe(h.False);
    expect(h.attrGet(y, s("zzz"))).toBe(0);
    expect(h.attrDel(y, s("q"))).toBe(false);
    expect(h.attrDel(y, s("r"))).toBe(true);
    expect(h.attrGet(y, s("r"))).toBe(0);
    h.attrSet(y, s("q"), h.None);
    const d = h.attrDict(y);
    expect(h.dictItems(d).map(([k]) => h.readStr(k))).toEqual(["p", "q"]);
    expect(h.attrDict(y)).toBe(d);
    expect(h.valuesCapacity(y)).toBe(0);
    h.attrSet(y, s("later"), h.True);
    expect(h.attrGet(y, s("later"))).toBe(h.True);
    expect(h.dictLen(d)).toBe(3);
    expect(h.check()).toEqual({ ok: true });
  });

  it("cycles through attributes: 2 objects without __dict__, 4 with (python3's gc.collect())", () => {
    const { h, C } = setup();
    const name = h.newStaticStr("o");
    const pair = (materialize: boolean) => {
      const a = h.newObject(C);
      const b = h.newObject(C);
      h.attrSet(a, name, b);
      h.attrSet(b, name, a);
      if (materialize) {
        h.attrDict(a);
        h.attrDict(b);
      }
      h.decref(a);
      h.decref(b);
      return h.gc.collect();
    };
    expect(pair(false)).toBe(2);
    expect(pair(true)).toBe(4);
    expect(h.check()).toEqual({ ok: true });
  });

  it("more than 30 distinct names: the instance falls back to a materialized __dict__", () => {
    const { h, C } = setup();
    const o = h.newObject(C);
    for (let i = 0; i < 40; i++) h.attrSet(o, h.newStaticStr(`a${i}`), h.newInt(i));
    expect(h.managedDict(o)).not.toBe(0);
    for (let i = 0; i < 40; i++) expect(h.intToNumber(h.attrGet(o, h.newStaticStr(`a${i}`)))).toBe(i);
    // a later instance still uses values for the names that made it into the shared keys
    const o2 = h.newObject(C);
    h.attrSet(o2, h.newStaticStr("a0"), h.True);
    expect(h.managedDict(o2)).toBe(0);
    expect(h.check()).toEqual({ ok: true });
  });
});

describe("snapshots", () => {
  it("list every live object with its state, sizes and referents", () => {
    const h = fresh();
    h.gc.collect();
    const inner = h.newList();
    const t = h.newTupleSteal([h.newInt(1), h.newInt(2)]);
    const outer = h.newList([inner, t, h.None]);
    h.gc.collect(0);
    const d = h.newDict();
    const snap = h.snapshot();
    const byObj = new Map(snap.map((s) => [s.obj, s]));
    expect(byObj.get(outer)).toEqual({
      obj: outer, id: h.idOf(outer), type: h.types.list, refcount: 1, generation: 1, frozen: false, tracked: true,
      gcType: true, finalized: false, size: 80, blockSize: 64, buffersSize: 32, referents: [h.None, t, inner],
    });
    expect(byObj.get(t)!.tracked).toBe(false); // untracked by the collection: it holds only ints
    expect(byObj.get(t)!.generation).toBe(null);
    expect(byObj.get(d)).toMatchObject({ tracked: false, gcType: true, size: 64, referents: [] });
    expect(snap.map((s) => s.obj)).toEqual(h.walk());
    h.gc.freeze();
    expect(h.snapshot().find((s) => s.obj === outer)).toMatchObject({ frozen: true, generation: null });
  });
});
