// The cyclic collector of CPython 3.11 (Modules/gcmodule.c), phase by phase. Start at collectMain.
//
// Reading guide: gc_refs lives in the high word of GC_PREV (not shifted into GC_PREV as in CPython),
// so every list stays doubly linked through a collection; objects in the tentative unreachable list are
// marked with gc_refs = REFS_UNREACHABLE instead of NEXT_MASK_UNREACHABLE. Everything else — list order,
// phase order, what is counted — follows CPython, because it is observable (finalizer order,
// gc.collect() results, the order of objects in later generations).
import {
  PREV_MASK_COLLECTING, PREV_MASK_FINALIZED, TPF_FINALIZER, LAYOUT_LIST, LAYOUT_TUPLE, LAYOUT_DICT,
  LAYOUT_SET, LAYOUT_WEAKREF, LAYOUT_INT, LAYOUT_FLOAT, LAYOUT_STR, LAYOUT_BYTES, TPF_VAR_DICT, TP_REFMAP_LO,
  TP_REFMAP_HI, TPF_MANAGED_DICT, MANAGED_VALUES, MANAGED_DICT, TPF_VAR_REFS, TP_BASICSIZE,
  LIST_ITEMS, LIST_ALLOCATED, GC_DEBUG_SAVEALL, EV_GC_START, EV_GC_END, EV_GC_PHASE, EV_PROMOTE,
  GCP_UPDATE_REFS, GCP_SUBTRACT_REFS, GCP_MOVE_UNREACHABLE, GCP_HANDLE_WEAKREFS, GCP_FINALIZE,
  GCP_RESURRECTION, GCP_DELETE_GARBAGE, EV_WEAKREF_CALLBACK, EV_FINALIZE, EV_UNTRACK, EV_GC_UNREACHABLE, EV_GC_GARBAGE, EV_GC_REFS, GC_HEAD_SIZE, GC_PHASE_START, GC_PHASE_STOP, TP_WEAKLISTOFFSET,
  WR_CALLBACK, TPF_FREELIST_KEEP, TP_FREELIST_MAX,
} from "../../abi/abi";
import {
  typeOf, tpFlags, tpLayout, refcnt, gcNext, gcPrev, gcFlags, gcSetFlags, gcRefs, gcSetRefs, gcObj, getRef, setRef,
  obSize, setObSize, incref, gcHead,
  varDictPtr,
} from "../object/header";
import {
  genHead, getCount, setCount, getThreshold, gcEnabled, gcCollecting, gcBlocked, setCollecting,
  longLivedTotal, longLivedPending, setLongLived, forgetGenSizes, listInit, listIsEmpty, listMerge, listMove, listSize,
  untrack, gcDebug, phaseMark,
} from "./lists";
import { traverse, VISIT_DECREF, VISIT_REACHABLE, REFS_UNREACHABLE, setReachableHead } from "./traverse";
import { sysAlloc } from "../mem/sys";
import { DEBUG } from "../common";
import {
  deduceDense, denseDone, denseSeen, denseUnreachable, untrackDense, KIND_TUPLE, KIND_DICT, SEEN_WEAK_OR_FINALIZER,
} from "./dense";
import { memFree } from "../mem/alloc";
import { decref, valuesCapacity, valuesFree, isBuiltinSubclass } from "../refcount";
import { hostFinalize, hostWeakrefCallback, hostGcCallback } from "../host";
import { ev, evOn } from "../events";
import { tTuple, tDict, tWeakref } from "../object/types";
import { tupleCanUntrack, mayBeTracked } from "../object/tuple";
import { dictCanUntrack, dictClear } from "../object/dict";
import { setClear } from "../object/set";
import { weakrefClearRef } from "../object/weakref";
import { listAppend, listClearItems } from "../object/list";
import { freelistsClearAll } from "../object/freelists";
import { flClear, typeFreelist } from "../object/alloc";

let scratch: usize = 0; // sentinel heads: unreachable, still_unreachable, wrcb_to_call, seen
let stats: usize = 0; // 3 × (collections, collected, uncollectable) i32
export let garbageList: usize = 0;
let freelistTypes: usize = 0; // registered types with a free list
let nFreelistTypes: u32 = 0;
const MAX_FREELIST_TYPES: u32 = 256;

export function collectInit(): void {
  scratch = sysAlloc(4 * GC_HEAD_SIZE);
  stats = sysAlloc(3 * 12);
  freelistTypes = sysAlloc(MAX_FREELIST_TYPES * 4);
}

/** Makes `l` (0 for none) the list DEBUG_SAVEALL appends to; takes a reference to it and releases the
 *  previous one's, as the gc module's state holds gc.garbage whatever its name is bound to. */
export function setGarbageList(l: usize): void {
  const old = garbageList;
  if (l != 0) incref(l);
  garbageList = l;
  if (old != 0) decref(old);
}

export function registerFreelistType(t: usize): void {
  if (nFreelistTypes < MAX_FREELIST_TYPES) {
    store<u32>(freelistTypes + (<usize>nFreelistTypes << 2), <u32>t);
    nFreelistTypes++;
  }
}

export function statGet(g: i32, field: i32): i32 {
  return load<i32>(stats + <usize>(g * 12 + field * 4));
}
function statAdd(g: i32, field: i32, v: i32): void {
  const p = stats + <usize>(g * 12 + field * 4);
  store<i32>(p, load<i32>(p) + v);
}

// ── allocation accounting (CPython's _PyObject_GC_Link / PyObject_GC_Del) ─────────────────────

/** A GC object was allocated: count it and maybe collect (the new object is not tracked yet). */
export function gcAllocated(): void {
  const c = getCount(0) + 1;
  setCount(0, c);
  const t0 = getThreshold(0);
  if (c > t0 && gcEnabled && t0 != 0 && !gcCollecting && !gcBlocked) {
    setCollecting(true);
    collectGenerations();
    setCollecting(false);
  }
}

/** Whether the next gcAllocated (a GC object's allocation) would start a collection. */
export function gcAllocWouldCollect(): bool {
  const t0 = getThreshold(0);
  return getCount(0) + 1 > t0 && gcEnabled && t0 != 0 && !gcCollecting && !gcBlocked;
}

/** A GC object's memory was freed. */
export function gcFreed(): void {
  const c = getCount(0);
  if (c > 0) setCount(0, c - 1);
}

/** NOTE: CPython picks the oldest generation whose count exceeds its threshold, but skips the oldest
 *  while fewer than a quarter of the long-lived objects are pending (issue #4074: without it, building a
 *  large structure would run quadratically many full collections). */
function collectGenerations(): void {
  for (let i = 2; i >= 0; i--) {
    if (getCount(i) > getThreshold(i)) {
      if (i == 2 && longLivedPending < longLivedTotal / 4) continue;
      collectWithCallback(i);
      break;
    }
  }
}

/** gc.collect(g): runs a collection unless one is running (then 0). */
export function gcCollect(g: i32): i32 {
  if (gcCollecting) return 0;
  setCollecting(true);
  forgetGenSizes();
  const n = collectWithCallback(g);
  forgetGenSizes();
  setCollecting(false);
  return n;
}

/** Set when a collection calls into Python (weakref callbacks, finalizers) after its first pass. */
let pythonRan = false;
let lastCollected: i32 = 0;
let lastUncollectable: i32 = 0;

function collectWithCallback(g: i32): i32 {
  hostGcCallback(GC_PHASE_START, g, 0, 0);
  const n = collectMain(g);
  hostGcCallback(GC_PHASE_STOP, g, lastCollected, lastUncollectable);
  return n;
}

// ── the collection ───────────────────────────────────────────────────────────────────────────

/** Debug validator between phases: the list is circular and doubly linked, and every node has
 *  (COLLECTING set) == expectCollecting, or either when expectCollecting < 0. */
function validateList(h: usize, expectCollecting: i32): void {
  let prev = h;
  for (let n = gcNext(h); n != h; n = gcNext(n)) {
    assert(gcPrev(n) == prev); // prev pointers restored after every phase
    if (expectCollecting >= 0) assert(((gcFlags(n) & PREV_MASK_COLLECTING) != 0) == (expectCollecting == 1)); // flag discipline
    prev = n;
  }
  assert(gcPrev(h) == prev); // the head closes the circle
}

function collectMain(g: i32): i32 {
  const unreachable = scratch;
  const finalUnreachable = scratch + GC_HEAD_SIZE;
  ev(EV_GC_START, <u32>g, 0, 0);
  if (g + 1 < 3) setCount(g + 1, getCount(g + 1) + 1);
  for (let i = 0; i <= g; i++) setCount(i, 0);
  for (let i = 0; i < g; i++) listMerge(genHead(i), genHead(g));
  const young = genHead(g);
  const old = g < 2 ? genHead(g + 1) : young;

  listInit(unreachable);
  if (DEBUG) validateList(young, 0);
  const dense = deduceUnreachable(young, unreachable, g);
  if (DEBUG) {
    validateList(young, 0);
    validateList(unreachable, 1);
  }
  if (evOn) for (let n = gcNext(unreachable); n != unreachable; n = gcNext(n)) ev(EV_GC_UNREACHABLE, <u32>gcObj(n), <u32>g, 0);
  // with the dense tables the young list's order and its tuples/dicts are known: the untrack walks
  // visit only those, and the list is not walked again to count it
  let untracked = 0;
  if (dense) {
    if ((denseSeen & KIND_TUPLE) != 0) untracked += untrackDense(KIND_TUPLE);
  } else {
    untrackExact(young, tTuple);
  }
  if (young != old) {
    const moved = dense ? <i32>denseDone - untracked : listSize(young);
    if (DEBUG) assert(moved == listSize(young));
    if (g == 1) setLongLived(longLivedTotal, longLivedPending + moved);
    ev(EV_PROMOTE, <u32>g, <u32>(g + 1), <u32>moved);
    listMerge(young, old);
  } else {
    if (dense) {
      if ((denseSeen & KIND_DICT) != 0) untracked += untrackDense(KIND_DICT);
    } else {
      untrackExact(young, tDict);
    }
    const size = dense ? <i32>denseDone - untracked : listSize(young);
    if (DEBUG) assert(size == listSize(young));
    setLongLived(size, 0);
  }
  // no legacy (tp_del) finalizers exist here: the finalizers list is always empty
  phaseMark(g, 5);
  // (the dense pass wrote every unreachable head with gc_refs 0 already)
  if (!dense) clearUnreachableMask(unreachable);
  pythonRan = false;
  ev(EV_GC_PHASE, <u32>g, GCP_HANDLE_WEAKREFS, 0);
  // when no object of the collected generations has a finalizer, is a weak reference or can be weakly
  // referenced (pass 1 saw their types), the walk would find nothing to clear or call
  let m = 0;
  if (!dense || (denseSeen & SEEN_WEAK_OR_FINALIZER) != 0) m = handleWeakrefs(unreachable, old);
  else finalizersPending = false;
  ev(EV_GC_PHASE, <u32>g, GCP_FINALIZE, 0);
  // handleWeakrefs' walk noted whether any object waits for its finalizer; when none does and no
  // Python code ran since (a callback could give a class a __del__), the walk would call nothing
  if (finalizersPending || pythonRan) finalizeGarbage(unreachable);
  ev(EV_GC_PHASE, <u32>g, GCP_RESURRECTION, 0);
  handleResurrectedObjects(unreachable, finalUnreachable, old, g);
  // (when no Python code ran, the list is the one the dense pass wrote: its size is known)
  m += (dense && !pythonRan) ? <i32>denseUnreachable : listSize(finalUnreachable);
  if (DEBUG && dense && !pythonRan) assert(<i32>denseUnreachable == listSize(finalUnreachable)); // the dense pass counted it
  if (evOn) for (let n = gcNext(finalUnreachable); n != finalUnreachable; n = gcNext(n)) ev(EV_GC_GARBAGE, <u32>gcObj(n), <u32>g, 0);
  phaseMark(g, 6);
  ev(EV_GC_PHASE, <u32>g, GCP_DELETE_GARBAGE, 0);
  if (DEBUG) {
    validateList(old, 0);
    validateList(finalUnreachable, -1);
  }
  deleteGarbage(finalUnreachable, old);
  phaseMark(g, 7);
  if (DEBUG) validateList(old, 0);
  if (g == 2) clearFreelists();
  statAdd(g, 0, 1);
  statAdd(g, 1, m);
  lastCollected = m;
  lastUncollectable = 0;
  ev(EV_GC_END, <u32>g, <u32>m, 0);
  return m;
}

/** update_refs + subtract_refs + move_unreachable. After it: `base` holds the objects reachable from
 *  outside it (COLLECTING cleared), `unreachable` the rest (COLLECTING set, gc_refs = REFS_UNREACHABLE). */
/** 0: CPython's list walks; 1 (default): deduce_unreachable over dense side tables. Same results. */
export let denseAlgorithm: bool = true;
export function setDenseAlgorithm(b: bool): void {
  denseAlgorithm = b;
}

/** Returns true when the dense tables did the work (then denseDone/denseSeen and the
 *  order of the tables describe `base`'s final list). */
function deduceUnreachable(base: usize, unreachable: usize, g: i32): bool {
  ev(EV_GC_PHASE, <u32>g, GCP_UPDATE_REFS, 0);
  if (denseAlgorithm && deduceDense(base, unreachable, g)) return true;
  updateRefs(base);
  ev(EV_GC_PHASE, <u32>g, GCP_SUBTRACT_REFS, 0);
  subtractRefs(base);
  if (evOn) for (let n = gcNext(base); n != base; n = gcNext(n)) ev(EV_GC_REFS, <u32>gcObj(n), <u32>gcRefs(n), <u32>g);
  ev(EV_GC_PHASE, <u32>g, GCP_MOVE_UNREACHABLE, 0);
  moveUnreachable(base, unreachable);
  return false;
}

/** After it: every object of the list has gc_refs = refcount and COLLECTING set. */
function updateRefs(h: usize): void {
  for (let n = gcNext(h); n != h; n = gcNext(n)) {
    gcSetRefs(n, refcnt(gcObj(n)));
    gcSetFlags(n, gcFlags(n) | PREV_MASK_COLLECTING);
  }
}

/** After it: gc_refs = references from outside the list (internal references subtracted). */
function subtractRefs(h: usize): void {
  for (let n = gcNext(h); n != h; n = gcNext(n)) traverse(gcObj(n), VISIT_DECREF);
}

/** After it: objects with gc_refs > 0 and everything they reach stay in `young` (COLLECTING cleared);
 *  the rest is in `unreachable`. Invariant of the walk: objects before the cursor are reachable and
 *  traversed; an object met later with gc_refs 0 gets 1 so it will be traversed when reached; an
 *  object already moved to `unreachable` is moved back to the tail of young. */
function moveUnreachable(young: usize, unreachable: usize): void {
  setReachableHead(young);
  let n = gcNext(young);
  while (n != young) {
    if (gcRefs(n) > 0) {
      traverse(gcObj(n), VISIT_REACHABLE);
      gcSetFlags(n, gcFlags(n) & ~PREV_MASK_COLLECTING);
      n = gcNext(n);
    } else {
      const next = gcNext(n);
      listMove(n, unreachable);
      gcSetRefs(n, REFS_UNREACHABLE);
      n = next;
    }
  }
}

function clearUnreachableMask(h: usize): void {
  for (let n = gcNext(h); n != h; n = gcNext(n)) gcSetRefs(n, 0);
}

function clearCollecting(h: usize): void {
  for (let n = gcNext(h); n != h; n = gcNext(n)) gcSetFlags(n, gcFlags(n) & ~PREV_MASK_COLLECTING);
}

/**
 * After it: survivors of exact type `t` (tuple or dict) holding nothing that may be tracked are untracked.
 * Tuples are checked after every collection, dicts only after full ones (the callers decide).
 */
function untrackExact(h: usize, t: usize): void {
  let n = gcNext(h);
  while (n != h) {
    const next = gcNext(n);
    const o = gcObj(n);
    if (typeOf(o) == t && (t == tTuple ? tupleCanUntrack(o) : dictCanUntrack(o))) {
      untrack(o);
      ev(EV_UNTRACK, <u32>o, <u32>t, 0);
    }
    n = next;
  }
}

/** Set by handleWeakrefs: some object of the unreachable list has a finalizer not called yet. */
let finalizersPending = false;

/** Clears every weak reference to an unreachable object; callbacks of weakrefs that are themselves
 *  reachable are called (in order) after all clearing. Returns how many such weakrefs died right after
 *  their callback. After it: no unreachable object is weakly referenced. */
function handleWeakrefs(unreachable: usize, old: usize): i32 {
  const toCall = scratch + 2 * GC_HEAD_SIZE;
  listInit(toCall);
  let fin = false;
  let n = gcNext(unreachable);
  while (n != unreachable) {
    const next = gcNext(n);
    const o = gcObj(n);
    const t = typeOf(o);
    if ((tpFlags(t) & TPF_FINALIZER) != 0 && (gcFlags(n) & PREV_MASK_FINALIZED) == 0) fin = true;
    if (t == tWeakref || tpLayout(t) == LAYOUT_WEAKREF) weakrefClearRef(o);
    const wl = load<i32>(t + TP_WEAKLISTOFFSET);
    if (wl != 0) {
      const listPtr = o + <usize>wl;
      let wr = getRef(listPtr);
      while (wr != 0) {
        weakrefClearRef(wr);
        if (getRef(wr + WR_CALLBACK) != 0 && (gcFlags(gcHead(wr)) & PREV_MASK_COLLECTING) == 0) {
          incref(wr);
          listMove(gcHead(wr), toCall);
        }
        wr = getRef(listPtr);
      }
    }
    n = next;
  }
  finalizersPending = fin;
  let freed = 0;
  while (!listIsEmpty(toCall)) {
    const g = gcNext(toCall);
    const wr = gcObj(g);
    const cb = getRef(wr + WR_CALLBACK);
    incref(cb);
    pythonRan = true;
    ev(EV_WEAKREF_CALLBACK, <u32>wr, 0, 0);
    hostWeakrefCallback(<u32>wr, <u32>cb);
    decref(cb);
    decref(wr);
    if (gcNext(toCall) == g) listMove(g, old);
    else freed++;
  }
  return freed;
}

/** Calls each finalizer once (PEP 442), in list order. After it: every object left in the list has
 *  FINALIZED set if its type has a finalizer; objects that died meanwhile are gone from the list. */
function finalizeGarbage(h: usize): void {
  const seen = scratch + 3 * GC_HEAD_SIZE;
  listInit(seen);
  while (!listIsEmpty(h)) {
    const g = gcNext(h);
    const o = gcObj(g);
    listMove(g, seen);
    if ((gcFlags(g) & PREV_MASK_FINALIZED) == 0 && (tpFlags(typeOf(o)) & TPF_FINALIZER) != 0) {
      gcSetFlags(g, gcFlags(g) | PREV_MASK_FINALIZED);
      incref(o);
      pythonRan = true;
      ev(EV_FINALIZE, <u32>o, 0, 0);
      hostFinalize(<u32>o);
      decref(o);
    }
  }
  listMerge(seen, h);
}

/** Runs reachability again over the unreachable set: what a finalizer made reachable moves to `old`,
 *  the rest to `still`. When no Python code ran since the first pass (no weakref callback, no
 *  finalizer), no reference count of the set has changed and nothing outside it refers to it: every
 *  gc_refs comes out 0 and the whole list moves to `still` in its order, which is then done directly
 *  (with the same events). */
function handleResurrectedObjects(unreachable: usize, still: usize, old: usize, g: i32): void {
  listInit(still);
  if (!pythonRan) {
    ev(EV_GC_PHASE, <u32>g, GCP_UPDATE_REFS, 0);
    ev(EV_GC_PHASE, <u32>g, GCP_SUBTRACT_REFS, 0);
    if (evOn) for (let n = gcNext(unreachable); n != unreachable; n = gcNext(n)) ev(EV_GC_REFS, <u32>gcObj(n), 0, <u32>g);
    ev(EV_GC_PHASE, <u32>g, GCP_MOVE_UNREACHABLE, 0);
    if (DEBUG) for (let n = gcNext(unreachable); n != unreachable; n = gcNext(n)) {
      assert((gcFlags(n) & PREV_MASK_COLLECTING) != 0 && gcRefs(n) == 0); // as the first pass left them
    }
    listMerge(unreachable, still);
    return;
  }
  clearCollecting(unreachable);
  deduceUnreachable(unreachable, still, g);
  clearUnreachableMask(still);
  listMerge(unreachable, old);
}

/** tp_clear (or DEBUG_SAVEALL) on each object; an object that survives its clear moves to `old`. */
function deleteGarbage(h: usize, old: usize): void {
  while (!listIsEmpty(h)) {
    const g = gcNext(h);
    const o = gcObj(g);
    if ((gcDebug & GC_DEBUG_SAVEALL) != 0) {
      if (garbageList != 0) listAppend(garbageList, o);
    } else {
      incref(o);
      clearObject(o);
      decref(o);
    }
    if (gcNext(h) == g) {
      gcSetFlags(g, gcFlags(g) & ~PREV_MASK_COLLECTING);
      listMove(g, old);
    }
  }
}

/** tp_clear: drops the references an object owns so that cycles through it break. Tuples have none
 *  (as in CPython); lists free their array after releasing the items last to first. */
export function clearObject(o: usize): void {
  const t = typeOf(o);
  if (isBuiltinSubclass(t)) clearGeneric(o, t); // subtype_clear, then the base type's clear
  switch (tpLayout(t)) {
    case LAYOUT_TUPLE:
    case LAYOUT_INT:
    case LAYOUT_FLOAT:
    case LAYOUT_STR:
    case LAYOUT_BYTES:
      return;
    case LAYOUT_LIST:
      listClearItems(o);
      return;
    case LAYOUT_DICT:
      dictClear(o);
      return;
    case LAYOUT_SET:
      setClear(o);
      return;
    case LAYOUT_WEAKREF: {
      weakrefClearRef(o);
      const cb = getRef(o + WR_CALLBACK);
      if (cb != 0) {
        setRef(o + WR_CALLBACK, 0);
        decref(cb);
      }
      return;
    }
  }
  clearGeneric(o, t);
}

/** Generic tp_clear: ref slots in offset order, then the values array, then the managed dict. A type
 *  with variable refs and no finalizer (a frame object) drops those first, from the last slot down (a
 *  frame object holds its locals last first: frame_tp_clear's order); one with a finalizer (a generator)
 *  keeps them, as generators have no tp_clear. */
function clearGeneric(o: usize, t: usize): void {
  if ((tpFlags(t) & (TPF_VAR_REFS | TPF_FINALIZER)) == TPF_VAR_REFS) {
    const base = o + <usize>load<i32>(t + TP_BASICSIZE);
    for (let i = obSize(o) - 1; i >= 0; i--) {
      const p = base + (<usize>i << 3);
      const v = getRef(p);
      if (v != 0) {
        setRef(p, 0);
        decref(v);
      }
    }
  }
  let m = load<u32>(t + TP_REFMAP_LO);
  while (m != 0) {
    const b = ctz(m);
    m &= m - 1;
    const p = o + (<usize>b << 3);
    const v = getRef(p);
    if (v != 0) {
      setRef(p, 0);
      decref(v);
    }
  }
  m = load<u32>(t + TP_REFMAP_HI);
  while (m != 0) {
    const b = ctz(m) + 32;
    m &= m - 1;
    const p = o + (<usize>b << 3);
    const v = getRef(p);
    if (v != 0) {
      setRef(p, 0);
      decref(v);
    }
  }
  if ((tpFlags(t) & TPF_VAR_DICT) != 0) {
    const p = varDictPtr(o, t);
    const d = getRef(p);
    if (d != 0) {
      setRef(p, 0);
      decref(d);
    }
  }
  if ((tpFlags(t) & TPF_MANAGED_DICT) != 0) {
    const values = getRef(o + MANAGED_VALUES);
    if (values != 0) {
      setRef(o + MANAGED_VALUES, 0);
      const cap = valuesCapacity(values);
      for (let i: u32 = 0; i < cap; i++) {
        const v = getRef(values + (<usize>i << 3));
        if (v != 0) decref(v);
      }
      valuesFree(values);
    }
    const d = getRef(o + MANAGED_DICT);
    if (d != 0) {
      setRef(o + MANAGED_DICT, 0);
      decref(d);
    }
  }
}

/** A full collection empties the free lists (except the slice cache and registered KEEP lists). */
function clearFreelists(): void {
  freelistsClearAll();
  for (let i: u32 = 0; i < nFreelistTypes; i++) {
    const t = <usize>load<u32>(freelistTypes + (<usize>i << 2));
    if ((tpFlags(t) & TPF_FREELIST_KEEP) == 0) flClear(typeFreelist(t));
  }
}

