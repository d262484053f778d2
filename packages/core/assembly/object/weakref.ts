// Weak references: PyWeakReference (64 bytes, GC). A referent's weakref list (head in the slot at its
// type's TP_WEAKLISTOFFSET) links its weakrefs through WR_PREV/WR_NEXT: the callback-less basic ref
// first, then refs with callbacks, newest first. A weakref owns its callback, not its referent.
import {
  EV_WEAKREF_CALLBACK, WR_OBJECT, WR_CALLBACK, WR_HASH, WR_PREV, WR_NEXT, TP_WEAKLISTOFFSET, TUPLE_ITEMS, TP_SUBCLASS_REF,
  TP_SUBCLASS_REFS,
} from "../../abi/abi";
import { objAlloc } from "./alloc";
import { typeOf, getRef, setRef, incref, refcnt, tpBasicsize } from "./header";
import { tWeakref } from "./types";
import { track } from "../gc/lists";
import { decref } from "../refcount";
import { hostWeakrefCallback } from "../host";
import { tupleNew } from "./tuple";
import { ev } from "../events";

@inline function listPtrOf(o: usize): usize {
  return o + <usize>load<i32>(typeOf(o) + TP_WEAKLISTOFFSET);
}

/** Unlinks wr from its referent's list and marks it dead (the callback is kept). */
export function weakrefClearRef(wr: usize): void {
  const o = getRef(wr + WR_OBJECT);
  if (o == 0) return;
  const list = listPtrOf(o);
  const prev = getRef(wr + WR_PREV);
  const next = getRef(wr + WR_NEXT);
  if (getRef(list) == wr) setRef(list, next);
  if (prev != 0) setRef(prev + WR_NEXT, next);
  if (next != 0) setRef(next + WR_PREV, prev);
  setRef(wr + WR_PREV, 0);
  setRef(wr + WR_NEXT, 0);
  setRef(wr + WR_OBJECT, 0);
}

/** Deallocation of a weakref: unlink (its callback is released by the dealloc frame). */
export function weakrefUnlink(wr: usize): void {
  weakrefClearRef(wr);
}

function isBasic(wr: usize): bool {
  return typeOf(wr) == tWeakref && getRef(wr + WR_CALLBACK) == 0;
}

/** weakref.ref(o, callback): the shared basic ref when there is no callback (new reference), else a new
 *  weakref inserted after the basic ref. `callback` borrowed (0 = none). 0 on no memory. */
export function weakrefNew(t: usize, o: usize, callback: usize): usize {
  const list = listPtrOf(o);
  const head = getRef(list);
  const basic = head != 0 && isBasic(head) ? head : 0;
  if (callback == 0 && t == tWeakref && basic != 0) {
    incref(basic);
    return basic;
  }
  const wr = objAlloc(t, <usize>tpBasicsize(t));
  if (wr == 0) return 0;
  setRef(wr + WR_OBJECT, o);
  store<i64>(wr + WR_HASH, -1);
  if (callback != 0) {
    incref(callback);
    setRef(wr + WR_CALLBACK, callback);
  }
  const cur = getRef(list);
  if (callback == 0 && t == tWeakref) {
    // insert_head
    setRef(wr + WR_NEXT, cur);
    if (cur != 0) setRef(cur + WR_PREV, wr);
    setRef(list, wr);
  } else if (basic == 0) {
    setRef(wr + WR_NEXT, cur);
    if (cur != 0) setRef(cur + WR_PREV, wr);
    setRef(list, wr);
  } else {
    // insert_after(basic)
    const next = getRef(basic + WR_NEXT);
    setRef(wr + WR_PREV, basic);
    setRef(wr + WR_NEXT, next);
    if (next != 0) setRef(next + WR_PREV, wr);
    setRef(basic + WR_NEXT, wr);
  }
  track(wr);
  return wr;
}

/** Number of weakrefs to o (weakref.getweakrefcount). */
export function weakrefCount(o: usize): i32 {
  let n = 0;
  for (let wr = getRef(listPtrOf(o)); wr != 0; wr = getRef(wr + WR_NEXT)) n++;
  return n;
}

/** PyObject_ClearWeakRefs at refcount death: basic refs are cleared silently; the others are cleared and
 *  their callbacks called in list order (newest first). Several callbacks go through a tuple as in
 *  CPython (it is a real allocation, visible in counts and addresses). */
export function weakrefClearOnDealloc(o: usize, list: usize): void {
  if (getRef(list) != 0 && getRef(getRef(list) + WR_CALLBACK) == 0) {
    weakrefClearRef(getRef(list));
    if (getRef(list) != 0 && getRef(getRef(list) + WR_CALLBACK) == 0) weakrefClearRef(getRef(list));
  }
  let current = getRef(list);
  if (current == 0) return;
  let count = 0;
  for (let w = current; w != 0; w = getRef(w + WR_NEXT)) count++;
  if (count == 1) {
    const cb = getRef(current + WR_CALLBACK);
    setRef(current + WR_CALLBACK, 0);
    weakrefClearRef(current);
    if (cb != 0) {
      if (refcnt(current) > 0) callCallback(current, cb);
      decref(cb);
    }
    return;
  }
  const tuple = tupleNew(count * 2);
  for (let i = 0; i < count; i++) {
    const next = getRef(current + WR_NEXT);
    const cb = getRef(current + WR_CALLBACK);
    if (tuple != 0 && refcnt(current) > 0) {
      incref(current);
      setRef(tuple + TUPLE_ITEMS + (<usize>(2 * i) << 3), current);
      setRef(tuple + TUPLE_ITEMS + (<usize>(2 * i + 1) << 3), cb);
    } else if (cb != 0) {
      decref(cb);
    }
    setRef(current + WR_CALLBACK, 0);
    weakrefClearRef(current);
    current = next;
  }
  if (tuple == 0) return;
  for (let i = 0; i < count; i++) {
    const cb = getRef(tuple + TUPLE_ITEMS + (<usize>(2 * i + 1) << 3));
    if (cb != 0) callCallback(getRef(tuple + TUPLE_ITEMS + (<usize>(2 * i) << 3)), cb);
  }
  decref(tuple);
}

function callCallback(wr: usize, cb: usize): void {
  ev(EV_WEAKREF_CALLBACK, <u32>wr, 0, 0);
  incref(wr);
  incref(cb);
  hostWeakrefCallback(<u32>wr, <u32>cb);
  decref(cb);
  decref(wr);
}

// ── the weakrefs of CPython's subclass lists ──────────────────────────────────────────────────
// NOTE: CPython's type_ready registers a new class with each base (add_subclass): the base's
// tp_subclasses dict maps id(cls) to the basic weakref to cls, so weakref.getweakrefcount(cls) is 1
// and weakref.ref(cls) returns that same ref. The weakref (one reference per base) is kept by the class
// itself here and released as it dies, before its other weakrefs are cleared (remove_all_subclasses).

/** Registers heap type t with its `nbases` bases: the basic weakref to t, one reference per base.
 *  false on no memory. */
export function typeAddSubclass(t: usize, nbases: i32): bool {
  for (let i = 0; i < nbases; i++) {
    const wr = weakrefNew(tWeakref, t, 0);
    if (wr == 0) return false;
    setRef(t + TP_SUBCLASS_REF, wr);
    store<i32>(t + TP_SUBCLASS_REFS, load<i32>(t + TP_SUBCLASS_REFS) + 1);
  }
  return true;
}

/** A dying type lets go of the weakref its bases' subclass lists held. */
export function typeDropSubclassRef(t: usize): void {
  const wr = getRef(t + TP_SUBCLASS_REF);
  let n = load<i32>(t + TP_SUBCLASS_REFS);
  if (wr == 0) return;
  setRef(t + TP_SUBCLASS_REF, 0);
  store<i32>(t + TP_SUBCLASS_REFS, 0);
  while (n-- > 0) decref(wr);
}
