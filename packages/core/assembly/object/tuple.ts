// tuple: var head + items (8-byte slots). `()` is static. Free lists per length: lengths 1..20 are
// parked on dealloc, but only lengths 1..19 are taken back (CPython 3.11's off-by-one).
import { TUPLE_ITEMS, TPF_TYPE_SUBCLASS, TPF_HEAPTYPE } from "../../abi/abi";
import { objAlloc, staticAlloc, flPop, flPush, objFreeMemory } from "./alloc";
import { setRefcnt, setType, setObSize, obSize, incref, getRef, isGcObject, typeOf, tpFlags } from "./header";
import { tTuple, STATIC_REFCNT } from "./types";
import { flTuple, TUPLE_MAXSAVESIZE, TUPLE_NFREELISTS, TUPLE_MAXFREELIST } from "./freelists";
import { track, isTracked } from "../gc/lists";
import { tooBig, zero8 } from "../common";

export let emptyTuple: usize = 0;

export function tupleInit(): void {
  emptyTuple = staticAlloc(24);
  setRefcnt(emptyTuple, STATIC_REFCNT);
  setType(emptyTuple, tTuple);
}

@inline export function tupleItemAddr(t: usize, i: i32): usize {
  return t + TUPLE_ITEMS + (<usize>i << 3);
}

/** A new tuple of n NULL items, tracked (PyTuple_New); n == 0 gives `()`. 0 on no memory. */
export function tupleNew(n: i32): usize {
  if (tooBig(n, 8)) return 0;
  if (n == 0) {
    incref(emptyTuple);
    return emptyTuple;
  }
  let t: usize = 0;
  if (n < TUPLE_MAXSAVESIZE) t = flPop(flTuple(n));
  if (t == 0) {
    t = objAlloc(tTuple, <usize>TUPLE_ITEMS + (<usize>n << 3));
    if (t == 0) return 0;
    setObSize(t, n);
  } else {
    zero8(t + TUPLE_ITEMS, <usize>n << 3);
  }
  track(t);
  return t;
}

/** Memory release of a tuple whose items were released: park (lengths 1..20) or free. */
export function tupleFinish(t: usize): void {
  const n = obSize(t);
  if (typeOf(t) == tTuple && n >= 1 && n <= TUPLE_NFREELISTS) {
    if (flPush(flTuple(n), t, TUPLE_MAXFREELIST)) return;
  }
  objFreeMemory(t);
}

/** True if an item keeps the tuple from being untracked (CPython's _PyObject_GC_MAY_BE_TRACKED). A type
 *  object counts as a GC object only when it is a heap type (type's tp_is_gc): storing `int` in a dict
 *  leaves the dict untracked, storing a class does not. */
export function mayBeTracked(o: usize): bool {
  if (!isGcObject(o)) return false;
  const t = typeOf(o);
  if (t == tTuple) return isTracked(o);
  if ((tpFlags(t) & TPF_TYPE_SUBCLASS) != 0) return (tpFlags(o) & TPF_HEAPTYPE) != 0;
  return true;
}

/** CPython's _PyTuple_MaybeUntrack test: no item may be tracked. */
export function tupleCanUntrack(t: usize): bool {
  const n = obSize(t);
  for (let i = 0; i < n; i++) {
    const v = getRef(tupleItemAddr(t, i));
    if (v == 0) return false;
    if (mayBeTracked(v)) return false;
  }
  return true;
}
