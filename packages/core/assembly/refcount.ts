// Reference counting and deallocation. decref() frees an object whose count reaches zero; the cascade
// that follows (an object releasing its references, which may free more objects) runs on an explicit
// stack of frames, never on the native stack, so a linked list of 10^6 nodes frees fine.
//
// Order is CPython's: each deallocator releases its references one by one and a child that dies is
// deallocated completely before the parent's next reference is released (depth first). CPython's
// trashcan bounds the depth: when 50 deallocations of the types that use it (TPF_TRASHCAN: list, tuple,
// dict, set, builtin methods, most exceptions…, and every heap type's instances) are nested, further
// ones are deposited on a "delete later" list and destroyed, last deposited first, once the nesting
// unwinds. Other GC types (functions, cells, bound methods, iterators, frames…) nest without counting.
//
// Per object (beginDealloc): untrack → trashcan check → finalizer (PEP 442: once; may resurrect) →
// clear weak references (callbacks newest first) → push a frame whose cursor walks the references in
// the layout's release order → finishObject (free buffers, park on a free list or free the block) →
// release the reference to a heap type.
import {
  TP_REFMAP_LO, TP_REFMAP_HI, TPF_FINALIZER, TPF_VAR_REFS, TPF_VAR_DICT, TPF_MANAGED_DICT, TPF_HAVE_GC,
  TPF_HEAPTYPE, TPF_TRASHCAN,
  TP_BASICSIZE, TP_FREELIST_MAX, TP_WEAKLISTOFFSET, LAYOUT_GENERIC, LAYOUT_INT, LAYOUT_FLOAT, LAYOUT_STR,
  LAYOUT_BYTES, LAYOUT_TUPLE, LAYOUT_LIST, LAYOUT_DICT, LAYOUT_SET, LAYOUT_TYPE, LAYOUT_WEAKREF,
  MANAGED_VALUES, MANAGED_DICT, TUPLE_ITEMS, TP_CACHED_KEYS, PREV_MASK_FINALIZED, GC_REFS, EV_FINALIZE, WR_CALLBACK,
  STR_STATE, STR_STATE_INTERNED,
} from "../abi/abi";
import { DEBUG } from "./common";
import {
  refcnt, setRefcnt, typeOf, tpFlags, tpLayout, obSize, getRef, gcHead, gcFlags, gcSetFlags,
  varDictPtr,
} from "./object/header";
import { track, untrack, isTracked } from "./gc/lists";
import { sysAlloc } from "./mem/sys";
import { memFree, memBlockSize } from "./mem/alloc";
import { keysDecref } from "./object/dict";
import { objFreeMemory, flPush, typeFreelist, isStatic } from "./object/alloc";
import { hostFinalize, hostStrUninterned } from "./host";
import { ev } from "./events";
import { listItems } from "./object/list";
import { listFinish } from "./object/list";
import { tupleFinish } from "./object/tuple";
import { floatDealloc } from "./object/float";
import { strSubFinish } from "./object/str";
import { dictReleaseNext, dictFinish } from "./object/dict";
import { setReleaseNext, setFinish } from "./object/set";
import { weakrefClearOnDealloc, weakrefUnlink, typeDropSubclassRef } from "./object/weakref";
import { tList, tTuple, tDict, tInt, tStr } from "./object/types";

const TRASHCAN_UNWIND_LEVEL: i32 = 50;

/** The deallocation of an object with these type flags is one of the trashcan's levels (heap types are
 *  GC types; TPF_TRASHCAN is only given to GC types). */
@inline function counts(flags: u32): bool {
  return (flags & (TPF_TRASHCAN | TPF_HEAPTYPE)) != 0;
}
/** Inline releases (releaseInline → releaseRef → beginDealloc) each leave a frame on the stack: with
 *  this many frames or more, frames take over, so the native stack stays bounded also under objects
 *  that do not count in the trashcan. */
const INLINE_MAX: u32 = 200;

// frame stack: (object u32, cursor u32, phase u32) triples. Instances of subclasses of built-in
// containers release their own fields (phase 0, generic) before the built-in layout's (phase 1), as
// subtype_dealloc does before calling the base type's deallocator.
const FRAME: usize = 12;
/** A frame standing for CPython's _PyTrash_thread_destroy_chain: while it is on the stack the nesting is
 *  one higher, and it starts the deposited objects one after the other (last deposited first). */
const CHAIN_MARK: usize = 1;
let stack: usize = 0;
let stackCap: u32 = 0;
let sp: u32 = 0;
let nesting: i32 = 0;
let deleteLater: usize = 0;

export function refcountInit(): void {
  stackCap = 4096;
  stack = sysAlloc(<usize>stackCap * FRAME);
}

function push(o: usize): void {
  pushFrame(o, o != CHAIN_MARK && isBuiltinSubclass(typeOf(o)) ? 0 : 1);
}

/** A frame for `o` whose release starts at `phase` (0: its own fields first, 1: the layout's). */
@inline function pushFrame(o: usize, phase: u32): void {
  if (sp == stackCap) {
    const bigger = sysAlloc(<usize>stackCap * 2 * FRAME);
    memory.copy(bigger, stack, <usize>stackCap * FRAME);
    stack = bigger;
    stackCap *= 2;
  }
  const f = stack + <usize>sp * FRAME;
  store<u32>(f, <u32>o);
  store<u32>(f, 0, 4);
  store<u32>(f, phase, 8);
  sp++;
}

/** Drops a reference; deallocates at zero. */
export function decref(o: usize): void {
  const n = refcnt(o) - 1;
  setRefcnt(o, n);
  if (n == 0) dealloc(o);
}

@inline export function xdecref(o: usize): void {
  if (o != 0) decref(o);
}

/** Deallocates an object whose count is 0 (and everything that dies with it). */
export function dealloc(o: usize): void {
  if (isStatic(o)) return; // static objects are never freed (their counts start near 10^9)
  if (DEBUG) assert(refcnt(o) == 0); // only objects whose count reached zero are deallocated
  const base = sp;
  beginDealloc(o);
  if (sp != base) run(base);
}

/** Calls the finalize hook once (PEP 442) with the object temporarily alive; true if it resurrected. */
export function callFinalizer(o: usize): bool {
  const t = typeOf(o);
  const flags = tpFlags(t);
  if ((flags & TPF_FINALIZER) == 0) return false;
  if ((flags & TPF_HAVE_GC) != 0) {
    const g = gcHead(o);
    if ((gcFlags(g) & PREV_MASK_FINALIZED) != 0) return false;
    gcSetFlags(g, gcFlags(g) | PREV_MASK_FINALIZED);
  }
  ev(EV_FINALIZE, <u32>o, 0, 0);
  setRefcnt(o, refcnt(o) + 1);
  hostFinalize(<u32>o);
  const n = refcnt(o) - 1;
  setRefcnt(o, n);
  return n != 0;
}

function beginDealloc(o: usize): void {
  const t = typeOf(o);
  // an exact int owns nothing and runs nothing (the general path below ends the same way for it)
  if (t == tInt) {
    objFreeMemory(o);
    return;
  }
  if (t == tStr) {
    // an exact str likewise, but an interned one leaves the table of interned strings first
    if ((load<u32>(o + STR_STATE) & STR_STATE_INTERNED) != 0) hostStrUninterned(<u32>o);
    objFreeMemory(o);
    return;
  }
  if (ASC_SHRINK_LEVEL == 0 && (t == tList || t == tTuple || t == tDict)) {
    // an exact list, tuple or dict (the containers a collection frees most): GC types with no
    // finalizer, no weak references and no fields of their own, so only the trashcan check is left
    // (not in the size-optimised build: the general path below does the same)
    untrack(o);
    if (nesting >= TRASHCAN_UNWIND_LEVEL) {
      store<u32>(o + GC_REFS, <u32>deleteLater);
      deleteLater = o;
      return;
    }
    pushFrame(o, 1);
    nesting++;
    return;
  }
  const flags = tpFlags(t);
  const layout = tpLayout(t);
  const counted = counts(flags);
  if ((flags & TPF_HAVE_GC) != 0) {
    untrack(o);
    if (counted && nesting >= TRASHCAN_UNWIND_LEVEL) {
      // deposit: linked through the GC_REFS word, which is unused outside collections
      store<u32>(o + GC_REFS, <u32>deleteLater);
      deleteLater = o;
      return;
    }
    if ((flags & TPF_FINALIZER) != 0 && (gcFlags(gcHead(o)) & PREV_MASK_FINALIZED) == 0) {
      // the finalizer runs with the object tracked (as subtype_dealloc does)
      track(o);
      if (callFinalizer(o)) return; // resurrected: it stays alive and tracked
      untrack(o);
    }
  } else if ((flags & TPF_FINALIZER) != 0) {
    if (callFinalizer(o)) return;
  }
  const wl = load<i32>(t + TP_WEAKLISTOFFSET);
  if (wl != 0 && layout != LAYOUT_TYPE && getRef(o + <usize>wl) != 0) weakrefClearOnDealloc(o, o + <usize>wl);
  if (layout == LAYOUT_TYPE) {
    typeDropSubclassRef(o);
    const twl = load<i32>(typeOf(t) + TP_WEAKLISTOFFSET);
    if (twl != 0 && getRef(o + <usize>twl) != 0) weakrefClearOnDealloc(o, o + <usize>twl);
  }
  if (layout == LAYOUT_WEAKREF) weakrefUnlink(o);
  // exact scalars own nothing; instances of their subclasses (heap types) release their own fields
  if ((flags & TPF_HEAPTYPE) == 0) {
    switch (layout) {
      case LAYOUT_STR:
        // an interned str leaves the interpreter's table of interned strings as it dies
        if ((load<u32>(o + STR_STATE) & STR_STATE_INTERNED) != 0) hostStrUninterned(<u32>o);
        objFreeMemory(o);
        return;
      case LAYOUT_INT:
      case LAYOUT_BYTES:
        objFreeMemory(o);
        return;
      case LAYOUT_FLOAT:
        floatDealloc(o);
        return;
    }
  }
  // (not in the size-optimised build: the frames do the same)
  if (ASC_SHRINK_LEVEL == 0 && layout == LAYOUT_GENERIC && (flags & (TPF_VAR_REFS | TPF_VAR_DICT | TPF_HAVE_GC)) == TPF_HAVE_GC
      && sp < INLINE_MAX) {
    releaseInline(o, t, flags);
    return;
  }
  push(o);
  if (counted) nesting++;
}

/**
 * The rest of the deallocation of a generic GC object without var items or a dict pointer (a bound
 * method, a super object, an iterator, a plain class's instance…) while no frame is needed: its
 * references are released in genericReleaseNext's order (the ref slots by offset, then a managed dict,
 * then the values), and a reference that dies is deallocated under a frame of o's (nesting one higher,
 * its cursor past that reference), as run() would; when that child is gone without leaving frames the
 * frame is dropped and the release goes on here, else run() takes o's frame from there. Then o is
 * finished as run() finishes a frame. Only GC objects: each level of this recursion (a dying child that
 * is released inline too) is one of at most INLINE_MAX.
 */
function releaseInline(o: usize, t: usize, flags: u32): void {
  let rest = (<u64>load<u32>(t + TP_REFMAP_HI) << 32) | <u64>load<u32>(t + TP_REFMAP_LO);
  const c = counts(flags);
  while (rest != 0) {
    const b = <u32>ctz(rest);
    rest &= rest - 1;
    if (!releaseRef(o, getRef(o + (<usize>b << 3)), b + 1, c)) return;
  }
  if ((flags & TPF_MANAGED_DICT) != 0) {
    if (!releaseRef(o, getRef(o + MANAGED_DICT), 65, c)) return;
    const values = getRef(o + MANAGED_VALUES);
    if (values != 0) {
      const cap = valuesCapacity(values);
      for (let j: u32 = 0; j < cap; j++) {
        if (!releaseRef(o, getRef(values + (<usize>j << 3)), 66 + j, c)) return;
      }
    }
  }
  endDealloc(o, t, flags);
}

/** The end of o's deallocation, inline or from run(): o finished (its memory freed), the reference its
 *  heap type held dropped, and a mark for the trashcan's deposits once the outermost level is left. */
@inline function endDealloc(o: usize, t: usize, flags: u32): void {
  finishObject(o, t);
  if ((flags & TPF_HEAPTYPE) != 0) {
    const n = refcnt(t) - 1;
    setRefcnt(t, n);
    if (n == 0) beginDealloc(t);
  }
  if (nesting <= 0 && deleteLater != 0) {
    push(CHAIN_MARK);
    nesting++;
  }
}

/** Drops the GC object o's reference v (0: none). A v that dies is deallocated under o's frame, whose
 *  cursor is then `cursor` (genericReleaseNext's, past v), one level of the trashcan's deeper if o
 *  `counted`; false when frames are left to run (o's among them). */
@inline function releaseRef(o: usize, v: usize, cursor: u32, counted: bool): bool {
  if (v == 0) return true;
  const n = refcnt(v) - 1;
  setRefcnt(v, n);
  if (n != 0 || isStatic(v)) return true;
  pushFrame(o, 1);
  const top = sp;
  store<u32>(stack + <usize>(top - 1) * FRAME, cursor, 4);
  const c = <i32>counted;
  nesting += c;
  beginDealloc(v);
  if (sp != top) return false;
  sp--;
  nesting -= c;
  return true;
}

/** Runs frames until the stack is back at `base`. */
function run(base: u32): void {
  while (sp > base) {
    const f = stack + <usize>(sp - 1) * FRAME;
    const o = <usize>load<u32>(f);
    if (o == CHAIN_MARK) {
      if (deleteLater != 0) {
        const d = deleteLater;
        deleteLater = <usize>load<u32>(d + GC_REFS);
        store<u32>(d + GC_REFS, 0);
        beginDealloc(d);
      } else {
        sp--;
        nesting--;
      }
      continue;
    }
    let child: usize = 0;
    const ot = typeOf(o);
    if (ASC_SHRINK_LEVEL == 0 && (ot == tList || ot == tTuple)) {
      // exact list or tuple: the items from the last to the first (releaseNext's cases, inline; not in
      // the size-optimised build, where releaseNext and finishObject do the same)
      let k = <i32>load<u32>(f, 4);
      const n = obSize(o);
      const items = ot == tList ? listItems(o) : o + TUPLE_ITEMS;
      while (k < n) {
        const v = getRef(items + (<usize>(n - 1 - k) << 3));
        k++;
        if (v != 0) {
          child = v;
          break;
        }
      }
      store<u32>(f, <u32>k, 4);
      if (child != 0) {
        const c = refcnt(child) - 1;
        setRefcnt(child, c);
        if (c == 0 && !isStatic(child)) beginDealloc(child);
        continue;
      }
      sp--;
      nesting--;
      if (ot == tList) listFinish(o);
      else tupleFinish(o);
      if (nesting <= 0 && deleteLater != 0) {
        push(CHAIN_MARK);
        nesting++;
      }
      continue;
    }
    if (load<u32>(f, 8) == 0) {
      child = genericReleaseNext(o, typeOf(o), f + 4);
      if (child == 0) {
        store<u32>(f, 1, 8);
        store<u32>(f, 0, 4);
        continue;
      }
    } else {
      child = releaseNext(o, f + 4);
    }
    if (child != 0) {
      const n = refcnt(child) - 1;
      setRefcnt(child, n);
      if (n == 0 && !isStatic(child)) beginDealloc(child);
      continue;
    }
    sp--;
    const t = typeOf(o);
    const flags = tpFlags(t);
    if (counts(flags)) nesting--;
    endDealloc(o, t, flags);
  }
}

/** A heap type whose instances use a built-in layout with fields of their own (class L(list),
 *  class D(dict), class S(str), class I(int), weakref subclasses such as KeyedRef…). */
export function isBuiltinSubclass(t: usize): bool {
  const layout = tpLayout(t);
  return layout != LAYOUT_GENERIC && layout != LAYOUT_TYPE && (tpFlags(t) & TPF_HEAPTYPE) != 0;
}

/** Next reference to release of a dying object, in its deallocator's order; 0 when none is left.
 *  `cur` is the frame's cursor word. */
function releaseNext(o: usize, cur: usize): usize {
  const t = typeOf(o);
  switch (tpLayout(t)) {
    case LAYOUT_LIST: {
      // items from the last to the first
      let k = <i32>load<u32>(cur);
      const n = obSize(o);
      const items = listItems(o);
      while (k < n) {
        const v = getRef(items + (<usize>(n - 1 - k) << 3));
        k++;
        if (v != 0) {
          store<u32>(cur, k);
          return v;
        }
      }
      store<u32>(cur, k);
      return 0;
    }
    case LAYOUT_TUPLE: {
      let k = <i32>load<u32>(cur);
      const n = obSize(o);
      while (k < n) {
        const v = getRef(o + TUPLE_ITEMS + (<usize>(n - 1 - k) << 3));
        k++;
        if (v != 0) {
          store<u32>(cur, k);
          return v;
        }
      }
      store<u32>(cur, k);
      return 0;
    }
    case LAYOUT_DICT:
      return dictReleaseNext(o, cur);
    case LAYOUT_SET:
      return setReleaseNext(o, cur);
    case LAYOUT_WEAKREF: {
      if (load<u32>(cur) != 0) return 0;
      store<u32>(cur, 1);
      return getRef(o + WR_CALLBACK);
    }
    case LAYOUT_INT:
    case LAYOUT_FLOAT:
    case LAYOUT_STR:
    case LAYOUT_BYTES:
      return 0; // scalar subclasses: their own fields went in the generic phase
    default:
      return genericReleaseNext(o, t, cur);
  }
}

/** Generic objects: refmap slots in offset order, then var items (last first), then the managed dict or
 *  the values array in order. Cursor: [0,64) refmap bit; 64 + k var item; then dict; then values. */
function genericReleaseNext(o: usize, t: usize, cur: usize): usize {
  let k = load<u32>(cur);
  if (k < 64) {
    // the ref slots at or after slot k, in offset order: the set bits of the map from bit k up
    const map = (<u64>load<u32>(t + TP_REFMAP_HI) << 32) | <u64>load<u32>(t + TP_REFMAP_LO);
    let rest = (map >> <u64>k) << <u64>k;
    while (rest != 0) {
      const b = <u32>ctz(rest);
      rest &= rest - 1;
      const v = getRef(o + (<usize>b << 3));
      if (v != 0) {
        store<u32>(cur, b + 1);
        return v;
      }
    }
    k = 64;
  }
  const flags = tpFlags(t);
  let n: u32 = 0;
  if ((flags & TPF_VAR_REFS) != 0) {
    n = <u32>obSize(o);
    const base = o + <usize>load<i32>(t + TP_BASICSIZE);
    while (k < 64 + n) {
      const v = getRef(base + (<usize>(n - 1 - (k - 64)) << 3));
      k++;
      if (v != 0) {
        store<u32>(cur, k);
        return v;
      }
    }
  }
  if ((flags & TPF_VAR_DICT) != 0 && k == 64 + n) {
    k++;
    const d = getRef(varDictPtr(o, t));
    if (d != 0) {
      store<u32>(cur, k);
      return d;
    }
  }
  if ((flags & TPF_MANAGED_DICT) != 0) {
    if (k == 64 + n) {
      k++;
      const d = getRef(o + MANAGED_DICT);
      if (d != 0) {
        store<u32>(cur, k);
        return d;
      }
    }
    const values = getRef(o + MANAGED_VALUES);
    if (values != 0) {
      const cap = valuesCapacity(values);
      while (k < 64 + n + 1 + cap) {
        const v = getRef(values + (<usize>(k - 65 - n) << 3));
        k++;
        if (v != 0) {
          store<u32>(cur, k);
          return v;
        }
      }
    }
  }
  store<u32>(cur, k);
  return 0;
}

/** Capacity of an instance values array: the slots its block holds after the prefix (object/instance.ts). */
export function valuesCapacity(values: usize): u32 {
  const prefix = <usize>load<u8>(values - 1);
  return <u32>((memBlockSize(values - prefix) - prefix) >> 3);
}

/** Releases a values array's memory. */
export function valuesFree(values: usize): void {
  memFree(values - <usize>load<u8>(values - 1));
}

function finishObject(o: usize, t: usize): void {
  if ((tpFlags(t) & TPF_MANAGED_DICT) != 0) {
    const values = getRef(o + MANAGED_VALUES);
    if (values != 0) {
      valuesFree(values);
      store<u64>(o + MANAGED_VALUES, 0);
    }
  }
  switch (tpLayout(t)) {
    case LAYOUT_STR:
      strSubFinish(o); // a str subclass instance: its character block goes first
      break;
    case LAYOUT_LIST:
      listFinish(o);
      return;
    case LAYOUT_TUPLE:
      tupleFinish(o);
      return;
    case LAYOUT_DICT:
      dictFinish(o);
      return;
    case LAYOUT_SET:
      setFinish(o);
      return;
  }
  if (tpLayout(t) == LAYOUT_TYPE) {
    const k = <usize>load<u32>(o + TP_CACHED_KEYS);
    if (k != 0) {
      store<u32>(o + TP_CACHED_KEYS, 0);
      keysDecref(k); // split dicts (materialised instance __dict__s) may still share them
    }
  }
  const max = load<i32>(t + TP_FREELIST_MAX);
  if (max > 0 && flPush(typeFreelist(t), o, max)) return;
  objFreeMemory(o);
}

/** Frames on the dealloc stack (0 outside deallocation); for the invariant checker. */
export function deallocDepth(): u32 {
  return sp;
}

export { isTracked, DEBUG };
