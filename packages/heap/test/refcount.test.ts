// Reference counting and deallocation: cascades without native recursion, CPython's trashcan order,
// refcounts read and written from JS, leaks, and what failures look like.
import { describe, expect, it } from "vitest";
import { abi, CoreTrapError, HeapError, loadHeap, type Obj } from "../src/index.js";
import { facts, fresh, expectHealthy, slotType } from "./helpers.js";

describe("reference counting", () => {
  it("freeing a linked list of 10^6 nodes does not overflow any stack and returns all memory", () => {
    const h = loadHeap({ heapLimit: 1 << 30 });
    const Node = slotType(h, 1);
    h.gc.disable();
    const before = h.stats().bytesInUse;
    let head: Obj = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const n = h.newObject(Node);
      if (head !== 0) h.setSlotSteal(n, 16, head);
      head = n;
    }
    expect(h.stats().bytesInUse - before).toBe(1_000_000 * 48);
    h.decref(head);
    expect(h.stats().bytesInUse).toBe(before);
    expect(h.gc.getObjects().length).toBe(0);
  });

  it("deep nesting is released in the trashcan's order (as python3)", () => {
    const order: number[] = [];
    const names = new Map<Obj, number>();
    const h = fresh({ hooks: { finalize: (o) => order.push(names.get(o)!) } });
    // a class instance with __del__: its deallocation is one of the trashcan's levels
    const T = slotType(h, 1, { finalizer: true, weaklistOffset: 0, flags: abi.TPF_TRASHCAN });
    let x = h.None;
    h.incref(x);
    for (let i = 0; i < 130; i++) {
      const t = h.newObject(T);
      names.set(t, i);
      const l = h.newList([t, x]);
      h.decref(t);
      h.decref(x);
      x = l;
    }
    h.decref(x);
    expect(order).toEqual(facts.trashcan_order);
    expectHealthy(h);
  });

  it("GC types without the trashcan flag nest without counting (a cell between the levels, as python3)", () => {
    const order: number[] = [];
    const names = new Map<Obj, number>();
    const h = fresh({ hooks: { finalize: (o) => order.push(names.get(o)!) } });
    const T = slotType(h, 1, { finalizer: true, weaklistOffset: 0, flags: abi.TPF_TRASHCAN });
    const Cell = slotType(h, 1);
    let x = h.None;
    h.incref(x);
    for (let i = 0; i < 130; i++) {
      const t = h.newObject(T);
      names.set(t, i);
      const c = h.newObject(Cell);
      h.setSlotSteal(c, 16, x);
      const l = h.newList([t, c]);
      h.decref(t);
      h.decref(c);
      x = l;
    }
    h.decref(x);
    expect(order).toEqual(facts.trashcan_order_through_cells);
    expectHealthy(h);
  });

  it("JS-side incref/decref agree with the core's counts; statics never die", () => {
    const h = fresh();
    const l = h.newList();
    h.incref(l);
    expect(h.refcnt(l)).toBe(2);
    h.core.obj_incref(l);
    expect(h.refcnt(l)).toBe(3);
    h.core.obj_decref(l);
    h.decref(l);
    expect(h.refcnt(l)).toBe(1);
    const seven = h.newInt(7);
    expect(h.isStatic(seven)).toBe(true);
    expect(h.refcnt(seven)).toBeGreaterThan(999_999_999);
    expect(h.newInt(7)).toBe(seven);
    expect(h.newInt(257)).not.toBe(h.newInt(257));
    expect(h.idOf(seven) % 16).toBe(8);
    expect(h.idOf(l) % 16).toBe(0);
    expect(h.objOfId(h.idOf(l))).toBe(l);
    const none = h.refcnt(h.None);
    h.incref(h.None);
    expect(h.refcnt(h.None)).toBe(none + 1);
  });

  it("a program that creates and drops objects leaves no live heap objects behind", () => {
    const h = fresh();
    const base = h.walk().length;
    const d = h.newDict();
    for (let i = 0; i < 100; i++) {
      const k = h.newStr(`key${i}`);
      const v = h.newList();
      for (const item of [h.newInt(i), h.newFloat(i)]) {
        h.listAppend(v, item);
        h.decref(item);
      }
      h.dictSet(d, k, v);
      h.decref(k);
      h.decref(v);
    }
    expect(h.walk().length).toBeGreaterThan(base + 200);
    expectHealthy(h);
    h.decref(d);
    h.gc.collect();
    expect(h.walk().length).toBe(base);
  });

  it("hitting the heap limit is a NO_MEMORY status, never a trap, and the heap stays usable", () => {
    const h = loadHeap({ heapLimit: 4 << 20 });
    const l = h.newList();
    let err: unknown;
    try {
      for (let i = 0; i < 1_000_000; i++) {
        const o = h.newStrUncached(`string number ${i} padded to take some room`);
        h.listAppend(l, o);
        h.decref(o);
      }
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HeapError);
    expect((err as HeapError).code).toBe("NO_MEMORY");
    expect(h.stats().bytesInUse).toBeLessThanOrEqual(4 << 20);
    h.decref(l);
    const again = h.newList([h.newInt(1)]);
    expect(h.listLen(again)).toBe(1);
    expect(h.check()).toEqual({ ok: true });
  });

  it("a trap inside the core becomes CoreTrapError and retires the instance", () => {
    const h = fresh();
    let err: unknown;
    try {
      h.core.obj_sizeof(0x7ffffff0); // far outside memory: out-of-bounds access
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CoreTrapError);
    expect(h.isRetired).toBe(true);
    expect(() => h.newList()).toThrow(CoreTrapError);
  });

  it("an exception thrown by a hook surfaces after the core call has finished cleanly", () => {
    const h = fresh({ hooks: { finalize: () => { throw new Error("boom in __del__"); } } });
    const T = slotType(h, 1, { finalizer: true });
    const t = h.newObject(T);
    expect(() => h.decref(t)).toThrow("boom in __del__");
    expect(h.isRetired).toBe(false);
    expectHealthy(h);
  });
});

describe("sizes a program chooses", () => {
  it("absurd sizes are NO_MEMORY, never a trap or a wrapped size", () => {
    const h = fresh();
    for (const f of [
      () => h.core.list_new(2 ** 31 - 1, 0),
      () => h.core.tuple_new(2 ** 30),
      () => h.core.str_new(2 ** 31 - 1, 65),
      () => h.core.bytes_new(2 ** 31 - 1),
      () => h.core.int_new(2 ** 30, 2 ** 30),
      () => h.core.dict_new_presized(2 ** 30, 1),
    ]) {
      expect(f()).toBe(0);
      expect(h.lastStatus()).toBe(1);
    }
    const l = h.newList();
    expect(h.core.list_resize(l, 2 ** 30)).toBe(0);
    expect(h.listLen(l)).toBe(0);
    expect(h.isRetired).toBe(false);
    expect(h.check()).toEqual({ ok: true });
  });
});
