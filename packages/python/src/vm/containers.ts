/**
 * Container helpers over the heap's tuple/list/dict/set primitives: string-keyed dict access for
 * namespaces, iteration snapshots, extension from any iterable, unpacking, and the item protocol
 * (`getItem`, `setItem`, `delItem`, `contains`).
 *
 * Snapshots (`listItems`, `dictEntries`) return BORROWED references valid until the container changes;
 * callers that run Python code while using them take their own references first.
 */
import { abi, HeapError } from "@pyheap/heap";
import type { Obj } from "./heap-api.js";
import { Kind } from "./types.js";
import { PyRaise, VM } from "./vm.js";
import * as L from "./layouts.js";
import "./sets.js";
import { functionStr } from "./loop.js";
import { rarely } from "./rarely.js";

declare module "./vm.js" {
  interface VM {
    dictGetStr(d: Obj, name: string): Obj;
    dictSetStr(d: Obj, key: Obj, v: Obj): void;
    dictDelStr(d: Obj, name: string): boolean;
    dictKeysStr(d: Obj): string[];
    dictEntries(d: Obj): [Obj, Obj][];
    dictSetItem(d: Obj, k: Obj, v: Obj): void;
    dictGetItem(d: Obj, k: Obj): Obj;
    dictDelItem(d: Obj, k: Obj): boolean;
    tupleLen(t: Obj): number;
    tupleItems(t: Obj): Obj[];
    listItems(l: Obj): Obj[];
    seqItems(o: Obj): Obj[];
    iterate(o: Obj, fn: (item: Obj) => boolean | void): void;
    collect(o: Obj, hint?: number): Obj[];
    listExtendFrom(l: Obj, it: Obj): void;
    ownHint(o: Obj, dflt: number): number;
    /** A list of objs (references taken) in PyList_New(room) slots, appended past them (str and bytes
     *  split's preallocation: maxsplit + 1, at most 12; 0 for splitlines). */
    listRoom(objs: Obj[], room: number): Obj;
    setUpdateFrom(s: Obj, it: Obj): void;
    /** `func`: the called function when this is a call's ** merge (its errors were checked by the eval
     *  loop's DICT_MERGE; the entries go in one by one). */
    dictUpdateFrom(d: Obj, src: Obj, func: Obj): void;
    dictUpdateArg(d: Obj, src: Obj): void;
    unpack(seq: Obj, before: number, after: number): Obj[];
    newSet(items: Obj[], frozen: boolean): Obj;
    setAddItem(s: Obj, v: Obj): void;
    setItems(s: Obj): Obj[];
    checkHashable(k: Obj): void;
    keyError(k: Obj): never;
  }
}

const proto = VM.prototype;

proto.dictGetStr = function (this: VM, d: Obj, name: string): Obj {
  return this.h.dictGet(d, this.name(name));
};

proto.dictSetStr = function (this: VM, d: Obj, key: Obj, v: Obj): void {
  this.h.dictSet(d, key, v);
};

proto.dictDelStr = function (this: VM, d: Obj, name: string): boolean {
  return this.h.dictDel(d, this.name(name));
};

proto.dictKeysStr = function (this: VM, d: Obj): string[] {
  const out: string[] = [];
  for (let p = this.h.dictNext(d, -1); p >= 0; p = this.h.dictNext(d, p)) {
    const k = this.h.dictKeyAt(d, p);
    if (this.kindOf(k) === Kind.STR) out.push(this.str(k));
  }
  return out;
};

proto.dictEntries = function (this: VM, d: Obj): [Obj, Obj][] {
  const out: [Obj, Obj][] = [];
  for (let p = this.h.dictNext(d, -1); p >= 0; p = this.h.dictNext(d, p)) {
    out.push([this.h.dictKeyAt(d, p), this.h.dictValueAt(d, p)]);
  }
  return out;
};

proto.checkHashable = function (this: VM, k: Obj): void {
  const ti = this.typeInfo(k);
  switch (ti.kind) {
    case Kind.LIST:
    case Kind.DICT:
    case Kind.SET:
      if (!ti.heap || !this.lookupType(ti, "__hash__")?.obj) this.typeError(`unhashable type: '${ti.name}'`);
      break;
    case Kind.TUPLE:
      for (const x of this.tupleItems(k)) this.checkHashable(x);
      break;
    // NOTE: an instance of a class is hashed by the heap's hash hook when the container needs it (once,
    // as CPython calls __hash__ once); calling it here as well ran a Python __hash__ twice
  }
};

proto.dictSetItem = function (this: VM, d: Obj, k: Obj, v: Obj): void {
  // an exact str or int key is hashable: no check
  const kt = this.h.typeOf(k);
  if (kt !== this.h.types.str && kt !== this.h.types.int) this.checkHashable(k);
  this.h.dictSet(d, k, v);
  this.pendingHookError();
};

proto.dictGetItem = function (this: VM, d: Obj, k: Obj): Obj {
  // an exact str or int key is hashable: no check
  const kt = this.h.typeOf(k);
  if (kt !== this.h.types.str && kt !== this.h.types.int) this.checkHashable(k);
  const r = this.h.dictGet(d, k);
  this.pendingHookError();
  return r;
};

proto.dictDelItem = function (this: VM, d: Obj, k: Obj): boolean {
  // an exact str or int key is hashable: no check
  const kt = this.h.typeOf(k);
  if (kt !== this.h.types.str && kt !== this.h.types.int) this.checkHashable(k);
  const r = this.h.dictDel(d, k);
  this.pendingHookError();
  return r;
};

proto.keyError = function (this: VM, k: Obj): never {
  const e = this.newException("KeyError", k);
  throw new PyRaise(e);
};

proto.tupleLen = function (this: VM, t: Obj): number {
  return this.h.getI32(t, 16);
};

proto.tupleItems = function (this: VM, t: Obj): Obj[] {
  const n = this.tupleLen(t);
  const out = new Array<Obj>(n);
  for (let i = 0; i < n; i++) out[i] = this.h.tupleGet(t, i);
  return out;
};

proto.listItems = function (this: VM, l: Obj): Obj[] {
  const n = this.h.listLen(l);
  const out = new Array<Obj>(n);
  for (let i = 0; i < n; i++) out[i] = this.h.listGet(l, i);
  return out;
};

proto.setItems = function (this: VM, s: Obj): Obj[] {
  const out: Obj[] = [];
  const h = this.h;
  for (let p = h.setNext!(s, -1); p >= 0; p = h.setNext!(s, p)) out.push(h.setKeyAt!(s, p));
  return out;
};

/** Borrowed items of a list or tuple (fast path), else null. */
proto.seqItems = function (this: VM, o: Obj): Obj[] {
  const k = this.kindOf(o);
  if (k === Kind.LIST) return this.listItems(o);
  if (k === Kind.TUPLE) return this.tupleItems(o);
  return null as unknown as Obj[];
};

/** Iterate any iterable; `fn` gets a borrowed item valid for the call; return true to stop. */
proto.iterate = function (this: VM, o: Obj, fn: (item: Obj) => boolean | void): void {
  const it = this.getIter(o);
  let n = 0;
  try {
    for (;;) {
      const v = this.iterNext(it);
      if (!v) break;
      let stop: boolean | void;
      try {
        stop = fn(v);
      } finally {
        this.h.decref(v);
      }
      if (stop) break;
      if ((++n & 0xffff) === 0) this.pollInterrupt();
    }
  } finally {
    this.h.decref(it);
  }
};

/** All items of an iterable as NEW references. */
proto.collect = function (this: VM, o: Obj, hint?: number): Obj[] {
  const out: Obj[] = [];
  const it = this.getIter(o);
  try {
    // tuple(), bytes(), bytearray.extend: their hint's errors and calls (after the iterator, as python3's)
    if (hint) this.ownHint(o, hint);
    for (;;) {
      const v = this.iterNext(it);
      if (!v) break;
      if ((out.push(v) & 0xffff) === 0) this.pollInterrupt();
    }
  } catch (e) {
    for (const x of out) this.h.decref(x);
    throw e;
  } finally {
    this.h.decref(it);
  }
  return out;
};

proto.listExtendFrom = function (this: VM, l: Obj, it: Obj): void {
  const k = this.kindOf(it);
  // an exact list or tuple is copied as it is; a subclass is iterated (its own __iter__, if any, runs)
  if ((k === Kind.LIST || k === Kind.TUPLE) && !this.typeInfo(it).heap) {
    const items = k === Kind.LIST ? this.listItems(it) : this.tupleItems(it);
    this.h.listExtend(l, items);
    return;
  }
  // list_extend's room is PyObject_LengthHint(it, 8): the item count (-1 here) for the kinds with a len or
  // an iterator's hint; 8 for generators, map, filter, zip, enumerate, callable_iterator and instances
  // without __len__ or __length_hint__; a Python __len__'s or __length_hint__'s own number
  const ti = this.typeInfo(it);
  let hint = k === Kind.GENERATOR || (!ti.heap && /^(enumerate|zip|map|filter|callable_iterator)$/.test(ti.name)) || (ti.heap && k === Kind.OBJECT) ? 8 : -1;
  // as list_extend: the iterator first, then the hint
  const iter = this.getIter(it);
  const items: Obj[] = [];
  try {
    const own = this.ownHint(it, 8);
    // (past an i32 it would wrap at the heap's boundary: as large a room as the heap refuses, a MemoryError)
    if (own >= 0) hint = Math.min(own, 0x7fffffff);
    for (let v; (v = this.iterNext(iter)); ) if ((items.push(v) & 0xffff) === 0) this.pollInterrupt();
  } catch (e) {
    for (const x of items) this.h.decref(x);
    throw e;
  } finally {
    this.h.decref(iter);
  }
  try {
    if (hint < 0) this.h.listExtend(l, items);
    else this.h.listExtendIter(l, items, hint);
  } finally {
    for (const x of items) this.h.decref(x);
  }
};

/** PyObject_LengthHint(o, dflt) of an instance whose class defines __len__ (or, for a class with no other
 *  len, __length_hint__) in Python, with python3's errors (vm/rarely.ts); -1 for any other object. */
proto.ownHint = function (this: VM, o: Obj, dflt: number): number {
  const ti = this.typeInfo(o);
  return ti.heap && (this.lookupType(ti, "__len__")?.obj || (this.kindOf(o) === Kind.OBJECT && this.lookupType(ti, "__length_hint__"))) ? rarely(this, 3, o, dflt) : -1;
};

proto.listRoom = function (this: VM, objs: Obj[], room: number): Obj {
  const h = this.h;
  const l = (h as unknown as { core: Record<string, (...a: number[]) => number> }).core.list_new(room, abi.LIST_NEW_DISPLAY);
  if (!l) throw new HeapError("NO_MEMORY", abi.STATUS_NO_MEMORY, "split");
  // PyList_New(room)'s slots are filled by appends (room left: no resize)
  h.setI32(l, abi.OB_SIZE, 0);
  for (const o of objs) h.listAppendSteal(l, o);
  return l;
};

proto.newSet = function (this: VM, items: Obj[], frozen: boolean): Obj {
  for (const x of items) this.checkHashable(x);
  const s = this.h.newSet!([], frozen);
  try {
    for (const x of items) {
      this.h.setAdd!(s, x);
      this.pendingHookError();
    }
  } catch (e) {
    this.h.decref(s);
    throw e;
  }
  return s;
};

proto.setAddItem = function (this: VM, s: Obj, v: Obj): void {
  this.checkHashable(v);
  this.h.setAdd!(s, v);
  this.pendingHookError();
};

proto.setUpdateFrom = function (this: VM, s: Obj, it: Obj): void {
  this.setUpdateInternal(s, it);
};

/** Whether a dict's class defines its own __iter__ (then dict_merge goes through keys()). */
function iterOverridden(vm: VM, o: Obj): boolean {
  const ti = vm.typeInfo(o);
  if (!ti.heap) return false;
  const d = vm.lookupType(ti, "__iter__");
  return !!d && d.native < 0 && !!d.obj;
}

proto.dictUpdateFrom = function (this: VM, d: Obj, src: Obj, func: Obj): void {
  const k = this.kindOf(src);
  if (k === Kind.DICT && !func && this.kindOf(d) === Kind.DICT && !iterOverridden(this, src)) {
    // dict_merge: a dict whose iteration is dict's own is merged entry by entry in the core
    const r = (this.h as unknown as { core: Record<string, (a: number, b: number) => number> }).core.dict_merge(d, src);
    if (r === 2) this.raise("RuntimeError", "dict mutated during update");
    if (r === 0) throw new HeapError("NO_MEMORY", abi.STATUS_NO_MEMORY, "dict update failed");
    return;
  }
  if (k === Kind.DICT) {
    for (const [kk, vv] of this.dictEntries(src)) this.dictSetItem(d, kk, vv);
    return;
  }
  if (!this.hasAttr(src, "keys")) {
    this.typeError(`'${this.typeName(src)}' object is not a mapping`);
  }
  const keys = this.callMethod(src, "keys", []);
  try {
    this.iterate(keys, (kk) => {
      // a call's **mapping (func given): a keyword given twice is an error before its value is read
      if (func && this.h.dictGet(d, kk)) this.typeError(`${functionStr(this, func)} got multiple values for keyword argument '${this.strOf(kk)}'`);
      const vv = this.getItem(src, kk);
      try {
        this.dictSetItem(d, kk, vv);
      } finally {
        this.h.decref(vv);
      }
    });
  } finally {
    this.h.decref(keys);
  }
};

/** What dict.update(src) and `d |= src` take: a mapping (a dict or anything with keys()), else an
 *  iterable of key/value pairs, with CPython's errors for an element that is not a pair. */
proto.dictUpdateArg = function (this: VM, d: Obj, src: Obj): void {
  // _PyObject_LookupAttr(arg, "keys"): a built-in type's attribute is looked up on the type, with no
  // AttributeError made when it has none
  const ti = this.typeInfo(src);
  if (this.kindOf(src) === Kind.DICT || (ti.heap ? this.hasAttr(src, "keys") : !!this.lookupType(ti, "keys"))) {
    this.dictUpdateFrom(d, src, 0);
    return;
  }
  let i = 0;
  this.iterate(src, (item) => {
    let pair: Obj[];
    try {
      // PySequence_Fast: an exact list or tuple is read as it is (no iterator)
      const k = this.kindOf(item);
      const exact = (k === Kind.TUPLE || k === Kind.LIST) && !this.typeInfo(item).heap;
      pair = exact ? (k === Kind.TUPLE ? this.tupleItems(item) : this.listItems(item)).map((x) => this.newRef(x)) : this.collect(item);
    } catch (e) {
      if (e instanceof PyRaise) {
        this.decref(e.exc);
        this.typeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
      }
      throw e;
    }
    try {
      if (pair.length !== 2) this.raise("ValueError", `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
      this.dictSetItem(d, pair[0], pair[1]);
    } finally {
      for (const x of pair) this.decref(x);
    }
    i++;
  });
};

/** UNPACK_SEQUENCE (after < 0) and UNPACK_EX: NEW references in order. */
proto.unpack = function (this: VM, seq: Obj, before: number, after: number): Obj[] {
  const k = this.kindOf(seq);
  let items: Obj[];
  let owned = false;
  if ((k === Kind.TUPLE || k === Kind.LIST) && !this.typeInfo(seq).heap) {
    items = k === Kind.TUPLE ? this.tupleItems(seq) : this.listItems(seq);
  } else {
    const tn = this.typeName(seq);
    let it: Obj;
    try {
      it = this.getIter(seq);
    } catch (e) {
      // a class's own __iter__ (None or one that raises) keeps its TypeError
      if (e instanceof PyRaise && this.isInstance(e.exc, this.T.TypeError) && !(this.typeInfo(seq).heap && this.lookupType(this.typeInfo(seq), "__iter__")?.obj)) {
        this.decref(e.exc);
        this.typeError(`cannot unpack non-iterable ${tn} object`);
      }
      throw e;
    }
    items = [];
    owned = true;
    try {
      for (;;) {
        if (after < 0 && items.length > before) break;
        const v = this.iterNext(it);
        if (!v) break;
        items.push(v);
      }
    } catch (e) {
      for (const x of items) this.h.decref(x);
      this.h.decref(it);
      throw e;
    }
    this.h.decref(it);
  }
  const n = items.length;
  const fail = (msg: string): never => {
    if (owned) for (const x of items) this.h.decref(x);
    this.raise("ValueError", msg);
  };
  if (after < 0) {
    if (n < before) fail(`not enough values to unpack (expected ${before}, got ${n})`);
    if (n > before) fail(owned ? `too many values to unpack (expected ${before})` : `too many values to unpack (expected ${before})`);
    if (!owned) for (const x of items) this.h.incref(x);
    return items;
  }
  if (n < before + after) fail(`not enough values to unpack (expected at least ${before + after}, got ${n})`);
  if (!owned) for (const x of items) this.h.incref(x);
  const head = items.slice(0, before);
  const mid = items.slice(before, n - after);
  const tail = items.slice(n - after);
  const l = this.h.newList(mid, "display");
  for (const x of mid) this.h.decref(x);
  return [...head, l, ...tail];
};
