// The one door into the core: every export of pyheap.wasm, grouped by prefix (heap_ obj_ int_ float_
// str_ bytes_ tuple_ list_ dict_ set_ weakref_ gc_ ev_). Arguments and results are i32/f64 only; objects
// are addresses. Each export says whether an object result is a NEW reference or BORROWED and whether
// an object argument is STOLEN (otherwise arguments are borrowed). Failures return 0 / false / -1 and set
// the status read by heap_last_status (abi STATUS_*); nothing a Python program can cause traps.
import { STATUS_OK, STATUS_NO_MEMORY, STATUS_BAD_ARGUMENT, STATUS_INDEX, LAYOUT_GENERIC, TP_FREELIST_MAX, TPF_HAVE_GC, TPF_VAR_REFS, OB_SIZE, GC_DEBUG_SAVEALL } from "../abi/abi";
import { lastStatus, setStatus, tooBig, zero8 } from "./common";
import { pymallocInit, arenasAllocated, pymallocBlocksInUse } from "./mem/pymalloc";
import { largeBlocksInUse } from "./mem/large";
import { setHeapLimit, bytesInUse, peakBytesInUse, heapLimit } from "./mem/alloc";
import { sysAlloc, sysReserve, scratchInit } from "./mem/sys";

/** Bytes reserved below the heap for the core's tables, the event ring and inspection buffers. */
const SYS_RESERVE: usize = 16 << 20;
import { objAlloc, objBlockSize, isStatic, flLen, typeFreelist, flPop, plainFreeMemory, plainFreeMemoryInline } from "./object/alloc";
import {
  typeOf, refcnt, incref, getRef, setRef, tpFlags, tpLayout, tpBasicsize, tpItemsize, obSize, setObSize,
  preHeaderSize, gcHead, gcFlags,
} from "./object/header";
import { typesInit, typesNameAll, wellKnownGet, wellKnownSet, typeNew, typeSetLayout, tBool, tFloat, tStr, tInt, tBytes, tTuple, tList, tDict, tSet, tFrozenset } from "./object/types";
import { strStatic, strInit, strNew, strFromChar, strData, strEq, strSizeof, emptyStr, strJoinArray } from "./object/str";
import { intInit, intNew, intFromF64, intToF64, intSizeof, intDecimalStr, intFromF64Spare, intBinarySmall, intCompareTwoDigit } from "./object/int";
import { floatNew } from "./object/float";
import { strSubNew, strSubDataBlock } from "./object/str";
import { intSubNew } from "./object/int";
import { floatSubNew } from "./object/float";
import { bytesSubNew } from "./object/bytes";
import { frozensetHash } from "./object/set";
import { bytesInit, bytesNew, bytesChar, emptyBytes } from "./object/bytes";
import { strCanAppendInPlace, strAppendInPlace } from "./object/str-append";
import { tupleInit, tupleNew, emptyTuple } from "./object/tuple";
import {
  listNewDisplay, listNewCall, listResize, listPreallocateExact, listAppend, listInsert, listPop, listSizeof,
  listItems, listAllocated,
  listAssSlice, listDelExtended, listClearItems,
} from "./object/list";
import {
  dictInitEmpty, dictInit, dictNewDisplay, dictNewCall, dictNewPresized, dictSetItem, dictGetItem, dictDelItem, dictUsed,
  dictNext, dictEntryKey, dictEntryValue, dictClear, dictCopy, dictMerge, dictCombine, dictSizeof, emptyKeys, sharedKeysNew, keysSize,
  classDictWrites,
} from "./object/dict";
import { setInitEmpty, setInit, setNew, setAdd, setContains, setDiscard, setPop, setUsed, setNext, setKeyAt, setClear, setSizeof } from "./object/set";
import { setMerge, setMergeDict, setXorUpdate, setIntersection, setIntersectKey, setDifference, setDifferenceUpdate, setDropDummies, setSwapBodies } from "./object/set";
import { weakrefNew, weakrefCount, typeAddSubclass } from "./object/weakref";
import {
  valuesNew, valuesGet, valuesSet, valuesDetach, valuesCap, managedDictGet, managedDictSet, instInitValues,
  instAttrGet, instAttrSet, instMaterializeDict,
} from "./object/instance";
import { freelistsInit } from "./object/freelists";
import { hashInit, objHash, objEq } from "./object/hash";
import { refcountInit, decref, dealloc } from "./refcount";
import {
  gcListsInit, getCount, setCount, getThreshold, setThreshold, setEnabled, gcEnabled, setBlocked, setDebug,
  gcDebug, isTracked, track, untrack, genHead, permanent, listMerge, listSize, longLivedTotal, longLivedPending,
  gcCollecting, genSizesKnown, genSize0, genSize1, genSize2, genSize3, keepGenSize,
} from "./gc/lists";
import { setDenseAlgorithm, collectInit, gcCollect, gcAllocWouldCollect, statGet, setGarbageList, registerFreelistType, clearObject } from "./gc/collect";
import { gcNext, gcObj, varDictPtr } from "./object/header";
import { evEnable, evDisable, evCount, evBase, evClear, evDropped } from "./events";
import { inspectInit, heapWalk, referents, heapCheck, checkBadObject, heapSnapshot, nextBlocks, freeListHeads, sysAllocTop } from "./inspect";
import {
  LAYOUT_INT, LAYOUT_FLOAT, LAYOUT_STR, LAYOUT_BYTES, LAYOUT_TUPLE, LAYOUT_LIST, LAYOUT_DICT, LAYOUT_SET, LAYOUT_WEAKREF,
  TPF_MANAGED_DICT, PREV_MASK_FINALIZED, WR_OBJECT, BYTES_DATA, TUPLE_ITEMS, DICT_KEYS, DICT_VALUES, SET_TABLE, SET_SMALLTABLE,
  MANAGED_VALUES, TP_CACHED_KEYS, TPF_VAR_DICT, STATIC_TYPE_BASICSIZE,
} from "../abi/abi";
import { memBlockSize } from "./mem/alloc";

let initialized = false;
let hashSlot: usize = 0;
let ioBuf: usize = 0;
let ioCap: u32 = 0;

// ── heap_ ────────────────────────────────────────────────────────────────────────────────────────

/** Sets up the heap with a limit on live block bytes. Returns a status (call once). */
export function heap_init(limit: f64): i32 {
  if (initialized) return STATUS_OK;
  setHeapLimit(limit > 3221225472.0 ? <usize>3221225472 : <usize>limit);
  if (!sysReserve(SYS_RESERVE)) return STATUS_NO_MEMORY;
  pymallocInit();
  scratchInit();
  inspectInit();
  gcListsInit();
  collectInit();
  freelistsInit();
  refcountInit();
  hashInit();
  typesInit();
  strInit();
  typesNameAll();
  intInit();
  bytesInit();
  tupleInit();
  dictInit();
  setInit();
  hashSlot = sysAlloc(16);
  wellKnownSet(5, emptyStr);
  wellKnownSet(6, emptyBytes);
  wellKnownSet(7, emptyTuple);
  initialized = true;
  return STATUS_OK;
}

/** Changes the heap limit (bytes of live blocks). */
export function heap_set_limit(limit: f64): void {
  setHeapLimit(limit > 3221225472.0 ? <usize>3221225472 : <usize>limit);
}
/** The heap limit in bytes of live blocks. */
export function heap_limit(): f64 {
  return <f64>heapLimit;
}
/** Bytes of live blocks (objects, their buffers, parked free-list objects). */
export function heap_bytes_in_use(): f64 {
  return <f64>bytesInUse;
}
/** The highest heap_bytes_in_use so far. */
export function heap_peak_bytes(): f64 {
  return <f64>peakBytesInUse;
}
/** Arenas currently allocated (1 MiB each). */
export function heap_arenas(): i32 {
  return <i32>arenasAllocated;
}
/** The end of the core's permanent tables handed out so far (they grow only; the reserved region above
 *  is untouched). */
export function heap_sys_top(): f64 {
  return <f64>sysAllocTop();
}
/** pymalloc blocks in use. */
export function heap_small_blocks(): i32 {
  return <i32>pymallocBlocksInUse();
}
/** Blocks in use from the large-request allocator (> 512 bytes). */
export function heap_large_blocks(): i32 {
  return <i32>largeBlocksInUse;
}
/** Status of the last failing export (abi STATUS_*). */
export function heap_last_status(): i32 {
  return lastStatus;
}
/** Resets heap_last_status to STATUS_OK. */
export function heap_clear_status(): void {
  setStatus(STATUS_OK);
}
/** A well-known static object (abi WK_*): BORROWED. */
export function heap_well_known(i: i32): i32 {
  return <i32>wellKnownGet(i);
}
/** Address of an 8-byte slot where obj_hash leaves its result (i64). */
export function heap_hash_slot(): i32 {
  return <i32>hashSlot;
}
/** Address of the u32 that counts changes of class namespaces: dicts whose version tag has bit 0 set
 *  (the host sets it on a class's dict; fresh dicts start without it). */
export function heap_class_dict_writes(): i32 {
  return <i32>classDictWrites;
}
/** A reusable buffer of at least `bytes` bytes outside the Python heap, for passing arrays. */
export function heap_io_buffer(bytes: i32): i32 {
  if (<u32>bytes > ioCap) {
    ioCap = (<u32>bytes + 0xffff) & ~0xffff;
    ioBuf = sysAlloc(ioCap);
  }
  return <i32>ioBuf;
}
/** Live heap objects (refcount > 0) in address order into buf (u32 each, up to cap); returns the count. */
export function heap_walk(buf: i32, cap: i32): i32 {
  return <i32>heapWalk(<usize>buf, <u32>cap);
}
/** A snapshot of every live heap object with its referents (inspect.ts heapSnapshot for the record
 *  format) into buf (cap u32 words); returns the words needed (retry with a bigger buffer if > cap).
 *  Must not be called during a collection. */
export function heap_snapshot(buf: i32, cap: i32): i32 {
  return <i32>heapSnapshot(<usize>buf, <u32>cap);
}
/** Invariant checker; `work` is scratch of cap u32 words. 0 = fine, else an error code. */
export function heap_check(work: i32, cap: i32): i32 {
  return heapCheck(<usize>work, <u32>cap);
}
/** The object at fault in the last failed heap_check (0 if none). */
export function heap_check_object(): i32 {
  return <i32>checkBadObject;
}
/** Where the next pymalloc allocation of each size class would go: NB_SMALL_SIZE_CLASSES u32 words into
 *  buf, each the block address with its source (abi NEXT_FROM_*) in the low 4 bits. Reads only. Returns
 *  the number of words. */
export function heap_next_blocks(buf: i32): i32 {
  return <i32>nextBlocks(<usize>buf);
}
/** The core's type free lists as (head object, length) u32 pairs into buf, in abi FREE_LIST_* order; the
 *  head (BORROWED, refcount 0: parked) is what the next creation through the list takes back. Returns the
 *  number of pairs. */
export function heap_free_lists(buf: i32): i32 {
  return <i32>freeListHeads(<usize>buf);
}

// ── obj_ ─────────────────────────────────────────────────────────────────────────────────────────

/** A new instance of a registered (generic-layout) type with `nitems` variable items: NEW reference,
 *  fields zeroed, GC types tracked. May run an automatic collection. */
export function obj_new(t: i32, nitems: i32): i32 {
  return objNew(<usize>t, nitems, true);
}
/** obj_new without the values array of a class with shared keys: tp_alloc as a built-in base's
 *  constructor calls it for a subclass (complex(), frozenset()…), which never runs object_new's
 *  init_inline_values. NEW reference. */
export function obj_new_no_values(t: i32, nitems: i32): i32 {
  return objNew(<usize>t, nitems, false);
}
function objNew(tt: usize, nitems: i32, values: bool): i32 {
  if (tooBig(nitems, 8)) return 0;
  const layout = tpLayout(tt);
  if (layout == LAYOUT_WEAKREF) {
    setStatus(STATUS_BAD_ARGUMENT); // weakrefs are made by weakref_new
    return 0;
  }
  if (layout == LAYOUT_LIST || layout == LAYOUT_DICT || layout == LAYOUT_SET || layout == LAYOUT_TUPLE) {
    // an instance of a subclass of a built-in container (tp_alloc: no free list, tracked, empty);
    // PyType_GenericAlloc makes room for one item more than asked, rounded up to 8
    const n = layout == LAYOUT_TUPLE ? nitems : 0;
    const o = objAlloc(tt, (<usize>tpBasicsize(tt) + <usize>tpItemsize(tt) * <usize>(n + 1) + 7) & ~(<usize>7));
    if (o == 0) return 0;
    if (layout == LAYOUT_TUPLE) setObSize(o, n);
    else if (layout == LAYOUT_DICT) dictInitEmpty(o);
    else if (layout == LAYOUT_SET) setInitEmpty(o);
    track(o);
    return <i32>o;
  }
  if (layout != LAYOUT_GENERIC && layout != 9) {
    setStatus(STATUS_BAD_ARGUMENT);
    return 0;
  }
  const max = load<i32>(tt + TP_FREELIST_MAX);
  if (max > 0 && nitems == 0) {
    const o = flPop(typeFreelist(tt));
    if (o != 0) {
      const nb = <usize>tpBasicsize(tt) - 16;
      if ((nb & 7) == 0) zero8(o + 16, nb);
      else memory.fill(o + 16, 0, nb);
      if ((tpFlags(tt) & TPF_HAVE_GC) != 0) track(o);
      return <i32>o;
    }
  }
  const body = <usize>tpBasicsize(tt) + <usize>tpItemsize(tt) * <usize>nitems;
  const o = objAlloc(tt, body);
  if (o == 0) return 0;
  if (tpItemsize(tt) != 0) setObSize(o, nitems);
  if ((tpFlags(tt) & TPF_HAVE_GC) != 0) track(o);
  // an instance of a class with shared keys gets its values array right away (init_inline_values)
  if (values && (tpFlags(tt) & TPF_MANAGED_DICT) != 0 && load<u32>(tt + TP_CACHED_KEYS) != 0 && !instInitValues(o)) {
    decref(o);
    return 0;
  }
  return <i32>o;
}
/**
 * `super().name` bound for an instance, as CPython's super() call and the method load after it touch the
 * heap: a super object of type `superT` made for (type, self, type(self)) (offsets 16, 24, 32), a bound
 * method of type `methodT` made for (func, self) (offsets 16, 24), then the super object released. NEW
 * reference to the method. 0 with nothing done when making the super object would start a collection
 * (one could run code that changes what `func` should be) or finds no memory, and always in the
 * size-optimised build; 1 when the method found no memory (the super object is released; the status
 * says why).
 */
export function obj_super_bind(superT: i32, methodT: i32, type: i32, self: i32, func: i32): i32 {
  // (the size build always answers 0: the page keeps the general path)
  if (ASC_SHRINK_LEVEL > 0 || gcAllocWouldCollect()) return 0;
  const s = <usize>objNew(<usize>superT, 0, true);
  if (s == 0) return 0;
  const o = <usize>self;
  const ot = typeOf(o);
  incref(<usize>type);
  setRef(s + 16, <usize>type);
  incref(o);
  setRef(s + 24, o);
  incref(ot);
  setRef(s + 32, ot);
  const m = <usize>objNew(<usize>methodT, 0, true);
  if (m == 0) {
    decref(s);
    return 1;
  }
  incref(<usize>func);
  setRef(m + 16, <usize>func);
  incref(o);
  setRef(m + 24, o);
  decref(s);
  return <i32>m;
}
/** Called by the binding's fast decref when a count reached 0. */
export function obj_dealloc(o: i32): void {
  dealloc(<usize>o);
}
/** Adds a reference (the binding usually does this on the memory view). */
export function obj_incref(o: i32): void {
  incref(<usize>o);
}
/** Drops a reference; deallocates at zero (may run finalizers and weakref callbacks). */
export function obj_decref(o: i32): void {
  decref(<usize>o);
}
/** sys.getsizeof(o): __sizeof__ of the layout plus the pre-headers of its type. */
export function obj_sizeof(o: i32): f64 {
  const oo = <usize>o;
  const t = typeOf(oo);
  let body: usize;
  switch (tpLayout(t)) {
    case LAYOUT_INT: body = intSizeof(oo); break;
    case LAYOUT_STR: body = strSizeof(oo); break;
    case LAYOUT_BYTES: body = <usize>tpBasicsize(t) + <usize>obSize(oo); break;
    case LAYOUT_LIST: body = listSizeof(oo); break;
    case LAYOUT_DICT: body = dictSizeof(oo); break;
    case LAYOUT_SET: body = setSizeof(oo); break;
    case LAYOUT_TUPLE: body = <usize>tpBasicsize(t) + (<usize>obSize(oo) << 3); break;
    default: {
      const n = tpItemsize(t) != 0 ? obSize(oo) : 0;
      body = <usize>tpBasicsize(t) + <usize>tpItemsize(t) * <usize>(n < 0 ? -n : n);
      // a built-in type is a static PyTypeObject, smaller than a class's PyHeapTypeObject
      if (tpLayout(t) == 9 && isStatic(oo)) body = <usize>STATIC_TYPE_BASICSIZE;
      // a class: its shared keys count too (type.__sizeof__)
      if (tpLayout(t) == 9 && !isStatic(oo)) {
        const k = <usize>load<u32>(oo + TP_CACHED_KEYS);
        if (k != 0) body += keysSize(k);
      }
    }
  }
  return <f64>(body + preHeaderSize(t));
}
/** Size of the memory block holding o (0 for static objects). */
export function obj_block_size(o: i32): f64 {
  return <f64>objBlockSize(<usize>o);
}
/** Bytes of the blocks o owns besides its own: a list's item array, a dict's keys table, a set's
 *  table when not inline, a managed-dict instance's values array. */
export function obj_buffers_size(o: i32): f64 {
  const oo = <usize>o;
  const t = typeOf(oo);
  let n: usize = 0;
  switch (tpLayout(t)) {
    case LAYOUT_LIST: {
      const items = listItems(oo);
      if (items != 0) n += memBlockSize(items);
      break;
    }
    case LAYOUT_DICT: {
      const k = getRef(oo + DICT_KEYS);
      const dv = getRef(oo + DICT_VALUES);
      if (dv != 0) n += memBlockSize(dv - <usize>load<u8>(dv - 1)); // a split dict: its values, not the shared keys
      else if (k != 0 && k != emptyKeys) n += memBlockSize(k);
      break;
    }
    case LAYOUT_SET: {
      const tab = getRef(oo + SET_TABLE);
      if (tab != oo + SET_SMALLTABLE) n += memBlockSize(tab);
      break;
    }
    case LAYOUT_STR: {
      const data = strSubDataBlock(oo);
      if (data != 0) n += memBlockSize(data);
      break;
    }
  }
  if ((tpFlags(t) & TPF_MANAGED_DICT) != 0) {
    const v = getRef(oo + MANAGED_VALUES);
    if (v != 0) n += memBlockSize(v - <usize>load<u8>(v - 1));
  }
  return <f64>n;
}
/** 1 if o is a static object (id ≡ 8 mod 16, never freed). */
export function obj_is_static(o: i32): i32 {
  return isStatic(<usize>o) ? 1 : 0;
}
/** hash(o) into heap_hash_slot(); 0, or -1 if __hash__ raised (STATUS_ERROR). */
export function obj_hash(o: i32): i32 {
  const h = objHash(<usize>o);
  if (h == -1) return -1;
  store<i64>(hashSlot, h);
  return 0;
}
/** a == b as lookups compare: 1, 0, -1 (error). */
export function obj_eq(a: i32, b: i32): i32 {
  return objEq(<usize>a, <usize>b);
}
/** The reference in the 8-byte slot at byte offset `off`: BORROWED (0 if empty). */
export function obj_get_slot(o: i32, off: i32): i32 {
  return <i32>getRef(<usize>o + <usize>off);
}
/** Stores v (borrowed; the object takes a reference; 0 clears) at `off`, releasing the previous value. */
export function obj_set_slot(o: i32, off: i32, v: i32): void {
  const p = <usize>o + <usize>off;
  const old = getRef(p);
  if (v != 0) incref(<usize>v);
  setRef(p, <usize>v);
  if (old != 0) decref(old);
}
/** Like obj_set_slot but STEALS v. */
export function obj_set_slot_steal(o: i32, off: i32, v: i32): void {
  const p = <usize>o + <usize>off;
  const old = getRef(p);
  setRef(p, <usize>v);
  if (old != 0) decref(old);
}
/** tp_clear of o (drops the references it owns; used by the collector, exposed for tests). */
export function obj_clear(o: i32): void {
  clearObject(<usize>o);
}
/** Registers a type: NEW reference. Heap types (TPF_HEAPTYPE) are GC objects of type `meta`; others
 *  are static. refmap bits: bit i ⇒ slot at offset 8·i is an owned reference. */
export function obj_type_new(meta: i32, basicsize: i32, itemsize: i32, flags: i32, weaklist: i32, refLo: i32,
                             refHi: i32, freelistMax: i32): i32 {
  const t = typeNew(<usize>meta, basicsize, itemsize, <u32>flags, weaklist, <u32>refLo, <u32>refHi, freelistMax);
  if (t != 0 && freelistMax > 0) registerFreelistType(t);
  return <i32>t;
}
/** Makes instances of t use a built-in layout (LAYOUT_LIST, _DICT, _SET, _TUPLE) for subclasses of those
 *  types: obj_new then allocates an empty container of t; the subclass's own fields (ref slots beyond
 *  the base's basicsize, managed dict, weakref slot) are described by t as for any registered type. */
export function obj_type_set_layout(t: i32, layout: i32): void {
  typeSetLayout(<usize>t, layout);
}
/** A new instance of the str subclass t (layout LAYOUT_STR) with the text of the str s (borrowed): the
 *  legacy non-compact layout with a separate character block, tracked. NEW reference; 0 on no memory. */
export function obj_new_str_sub(t: i32, s: i32): i32 {
  const o = strSubNew(<usize>t, <usize>s);
  if (o != 0) track(o);
  return <i32>o;
}
/** A new instance of the int subclass t (layout LAYOUT_INT) with the value of the int i (borrowed),
 *  tracked. NEW reference; 0 on no memory. */
export function obj_new_int_sub(t: i32, i: i32): i32 {
  const o = intSubNew(<usize>t, <usize>i);
  if (o != 0) track(o);
  return <i32>o;
}
/** A new instance of the float subclass t (layout LAYOUT_FLOAT) with value v, tracked. NEW reference;
 *  0 on no memory. */
export function obj_new_float_sub(t: i32, v: f64): i32 {
  const o = floatSubNew(<usize>t, v);
  if (o != 0) track(o);
  return <i32>o;
}
/** A new instance of the bytes subclass t (layout LAYOUT_BYTES) with the bytes of b (borrowed), tracked.
 *  NEW reference; 0 on no memory. */
export function obj_new_bytes_sub(t: i32, b: i32): i32 {
  const o = bytesSubNew(<usize>t, <usize>b);
  if (o != 0) track(o);
  return <i32>o;
}
/** Byte offset of the instance dict word of an object whose type has TPF_VAR_DICT (int subclasses),
 *  computed from its ob_size; 0 for other types. */
export function obj_var_dict_offset(o: i32): i32 {
  const t = typeOf(<usize>o);
  if ((tpFlags(t) & TPF_VAR_DICT) == 0) return 0;
  return <i32>(varDictPtr(<usize>o, t) - <usize>o);
}
/** Gives a managed-dict instance a values array of `size` empty slots. false on no memory. */
export function obj_values_new(o: i32, size: i32): i32 {
  return valuesNew(<usize>o, <u32>size) ? 1 : 0;
}
/** Values slot i: BORROWED (0 if empty). */
export function obj_values_get(o: i32, i: i32): i32 {
  return <i32>valuesGet(<usize>o, <u32>i);
}
/** Stores v (borrowed; 0 clears) in values slot i. 0 if out of range. */
export function obj_values_set(o: i32, i: i32, v: i32): i32 {
  return valuesSet(<usize>o, <u32>i, <usize>v) ? 1 : 0;
}
/** Frees the values array WITHOUT releasing its values (they were moved into the __dict__). */
export function obj_values_detach(o: i32): void {
  valuesDetach(<usize>o);
}
/** Slots in o's values array (0 if none). */
export function obj_values_capacity(o: i32): i32 {
  return <i32>valuesCap(<usize>o);
}
/** The materialized __dict__ of a managed-dict instance: BORROWED (0 if none). */
export function obj_managed_dict(o: i32): i32 {
  return <i32>managedDictGet(<usize>o);
}
/** Sets the __dict__ (borrowed; the instance takes a reference). */
export function obj_set_managed_dict(o: i32, d: i32): void {
  managedDictSet(<usize>o, <usize>d);
}
/** init_inline_values: gives a new managed-dict instance its values array sized from its class's shared
 *  keys (taking one usable entry from them while more than one is left, as CPython does). 1, or 0 on no
 *  memory. */
export function obj_init_values(o: i32): i32 {
  return instInitValues(<usize>o) ? 1 : 0;
}
/** o.name for a managed-dict instance (values or materialized dict): BORROWED, or 0 with
 *  STATUS_NOT_FOUND / an error status. */
export function obj_attr_get(o: i32, name: i32): i32 {
  return <i32>instAttrGet(<usize>o, <usize>name);
}
/** o.name = v (v borrowed) or del o.name (v = 0): 1, or 0 with STATUS_NOT_FOUND / STATUS_NO_MEMORY /
 *  STATUS_ERROR. New names join the class's shared keys while there is room (30 names), otherwise the
 *  __dict__ is materialized. */
export function obj_attr_set(o: i32, name: i32, v: i32): i32 {
  return instAttrSet(<usize>o, <usize>name, <usize>v) ? 1 : 0;
}
/** o.__dict__: materialized on first use from the values (attributes in insertion order): BORROWED. */
export function obj_materialize_dict(o: i32): i32 {
  return <i32>instMaterializeDict(<usize>o);
}
/** Creates the shared keys of a class whose instances have managed dicts (type_new does it when the
 *  class is created; they count in sys.getsizeof(cls)). 1, or 0 on no memory. */
export function obj_type_init_shared_keys(t: i32): i32 {
  const tt = <usize>t;
  if (load<u32>(tt + TP_CACHED_KEYS) != 0) return 1;
  const k = sharedKeysNew();
  if (k == 0) return 0;
  store<u32>(tt + TP_CACHED_KEYS, <u32>k);
  return 1;
}
/** Referents of o in tp_traverse order into buf (u32 each, up to cap); returns the count. BORROWED. */
export function obj_referents(o: i32, buf: i32, cap: i32): i32 {
  return <i32>referents(<usize>o, <usize>buf, <u32>cap);
}

// ── int_ float_ str_ bytes_ ─────────────────────────────────────────────────────────────────────

/** int with value v (integral, |v| < 2^53): NEW reference (small ints shared). */
export function int_from_f64(v: f64): i32 {
  return <i32>intFromF64(v);
}
/** The int v (integral, |v| < 2^53) with `spare` digits allocated beyond those it needs: NEW reference
 *  (spare 0: as int_from_f64, small ints shared; spare > 0: a fresh object, zero included). */
export function int_from_f64_spare(v: f64, spare: i32): i32 {
  return <i32>intFromF64Spare(v, spare);
}
/** An int result and the release of its operands in one call: the int v (as int_from_f64_spare) is made
 *  first, then `a` and then `b` are freed when nonzero (exact ints whose count already reached 0, as
 *  int_dealloc) — the order of CPython's BINARY_OP: result, then the operands' DECREFs. NEW reference, or
 *  0 with the status on no memory (the operands are freed all the same). */
export function int_result_release(v: f64, spare: i32, a: i32, b: i32): i32 {
  const r = intFromF64Spare(v, spare);
  if (a != 0) int_dealloc(a);
  if (b != 0) int_dealloc(b);
  return <i32>r;
}
/** BINARY_OP `op` (in-place forms too) on two exact ints with a result below 2^53: + - * // % & | ^ of
 *  one-digit ints, + − with a two-digit operand (x_add's / x_sub's spare digits kept): the result (NEW
 *  reference) made, then the caller's references to a and b dropped
 *  (STEALS both; an int that dies is freed, no hook runs). 0 when it does not apply or on no memory, with
 *  nothing changed (a and b still the caller's); always 0 in the size-optimised build. */
export function int_binary_small(a: i32, b: i32, op: i32): i32 {
  return <i32>intBinarySmall(<usize>a, <usize>b, op);
}
/** COMPARE_OP `op` (< <= == != > >=) on two exact ints of at most two digits: True or False (NEW
 *  reference), then the caller's references to a and b dropped (STEALS both). 0 when it does not apply,
 *  with nothing changed (always in the size-optimised build). */
export function int_compare_small(a: i32, b: i32, op: i32): i32 {
  return <i32>intCompareTwoDigit(<usize>a, <usize>b, op);
}
/** A new int with |ndigits| zeroed digits (sign from ndigits) and room for `alloc`: NEW reference. The
 *  caller writes the digits (and must not create −5..256 this way: use int_from_f64). */
export function int_new(ndigits: i32, alloc: i32): i32 {
  return <i32>intNew(ndigits, alloc);
}
/** Deallocates an exact int (type int itself, not a subclass or bool) whose count reached 0: what
 *  obj_dealloc does for it (an exact int owns nothing and runs no hook: its block goes back to pymalloc,
 *  with the free event when tracing), without the general deallocator's checks. Static ints are kept. */
export function int_dealloc(o: i32): void {
  const oo = <usize>o;
  if (isStatic(oo)) return;
  if (typeOf(oo) != tInt) {
    dealloc(oo);
    return;
  }
  if (ASC_SHRINK_LEVEL > 0) plainFreeMemory(oo, tInt);
  else plainFreeMemoryInline(oo, tInt);
}
/** str() of an exact int of at most two digits: a NEW, fresh ASCII str of its decimal digits (never the
 *  cached one-character str, as CPython's long_to_decimal_string). 0 for an int of more digits (format
 *  it elsewhere) or on no memory (status NO_MEMORY). */
export function int_decimal_str(o: i32): i32 {
  return <i32>intDecimalStr(<usize>o);
}
/** The value of an int as f64 (exact below 2^53). */
export function int_to_f64(o: i32): f64 {
  return intToF64(<usize>o);
}
/** float: NEW reference (free list first). */
export function float_new(v: f64): i32 {
  return <i32>floatNew(v);
}
/** A new compact str of len characters (max code point `maxchar`), data zeroed: NEW reference. */
export function str_new(len: i32, maxchar: i32): i32 {
  return <i32>strNew(len, <u32>maxchar);
}
/** strJoinArray (object/str.ts): a new str of the `n` strs at u32 words `stride` bytes apart from
 *  `items` with `sep` (a str or 0) between each two; with `release` the caller's references to the items
 *  are dropped after it is made, last to first (BUILD_STRING pops them off the stack; an interned str that
 *  dies tells the host). NEW reference; 0 with STATUS_BAD_ARGUMENT for an item that is no str, with
 *  STATUS_NO_MEMORY when it cannot be allocated (the items then untouched, still the caller's). The
 *  size-optimised build always answers 0 with STATUS_BAD_ARGUMENT (its binding joins in JavaScript). */
export function str_join_array(items: i32, n: i32, stride: i32, sep: i32, release: i32): i32 {
  if (ASC_SHRINK_LEVEL > 0) {
    setStatus(STATUS_BAD_ARGUMENT);
    return 0;
  }
  const r = strJoinArray(<usize>items, n, <usize>stride, <usize>sep);
  if (r != 0 && release != 0) {
    for (let i = n - 1; i >= 0; i--) decref(<usize>load<u32>(<usize>items + <usize>i * <usize>stride));
  }
  return <i32>r;
}
/** A static str for the interpreter's lifetime (like CPython's identifier strings and deep-frozen
 *  constants): id ≡ 8 (mod 16), refcount 999 999 999, never freed, data zeroed. BORROWED (nothing to
 *  release). 0 if the static area cannot grow. */
export function str_new_static(len: i32, maxchar: i32): i32 {
  return <i32>strStatic(len, <u32>maxchar);
}
/** One-character string: the cached latin-1 object below 256, NEW reference either way. */
export function str_from_char(cp: i32): i32 {
  return <i32>strFromChar(<u32>cp);
}
/** Address of the character data of s. */
export function str_data(s: i32): i32 {
  return <i32>strData(<usize>s);
}
/** Content equality of two str objects: 1 or 0. */
export function str_eq(a: i32, b: i32): i32 {
  return strEq(<usize>a, <usize>b) ? 1 : 0;
}
/** 1 when `left += right` may append in place (CPython's PyUnicode_Append test: left has refcount 1, no
 *  cached hash, is not interned, is an exact str; right is an exact non-empty str of a kind that fits). */
export function str_can_append_inplace(left: i32, right: i32): i32 {
  return strCanAppendInPlace(<usize>left, <usize>right) ? 1 : 0;
}
/** Appends right to left in place (str_can_append_inplace must be 1). STEALS left; NEW reference to
 *  the result: left itself while its block's size class has room, else left moved to a new block (the
 *  old address is freed). 0 on no memory: left untouched and still the caller's. */
export function str_append_inplace(left: i32, right: i32): i32 {
  return <i32>strAppendInPlace(<usize>left, <usize>right);
}
/** A new bytes object of len zeroed bytes: NEW reference (0 bytes → the static b''). */
export function bytes_new(len: i32): i32 {
  if (len == 0) {
    incref(emptyBytes);
    return <i32>emptyBytes;
  }
  return <i32>bytesNew(len);
}
/** The static one-byte bytes object for c: NEW reference. */
export function bytes_char(c: i32): i32 {
  const b = bytesChar(c);
  incref(b);
  return <i32>b;
}

// ── tuple_ ──────────────────────────────────────────────────────────────────────────────────────

/** A new tuple of n NULL items, tracked; n = 0 gives `()`. NEW reference. Fill with tuple_set_steal. */
export function tuple_new(n: i32): i32 {
  return <i32>tupleNew(n);
}
/** Sets item i of a tuple under construction, STEALING v. */
export function tuple_set_steal(t: i32, i: i32, v: i32): void {
  setRef(<usize>t + TUPLE_ITEMS + (<usize>i << 3), <usize>v);
}
/** Item i: BORROWED. */
export function tuple_get(t: i32, i: i32): i32 {
  return <i32>getRef(<usize>t + TUPLE_ITEMS + (<usize>i << 3));
}

// ── list_ ───────────────────────────────────────────────────────────────────────────────────────

/** mode LIST_NEW_DISPLAY (PyList_New: free list, n NULL items to fill with list_set_steal) or
 *  LIST_NEW_CALL (list(): no free list, empty). NEW reference. */
export function list_new(n: i32, mode: i32): i32 {
  if (mode == 1) return <i32>listNewCall();
  return <i32>listNewDisplay(n);
}
/** list.append(v) (v borrowed). 1, or 0 on no memory. */
export function list_append(l: i32, v: i32): i32 {
  return listAppend(<usize>l, <usize>v) ? 1 : 0;
}
/** list.insert(i, v) (v borrowed). */
export function list_insert(l: i32, i: i32, v: i32): i32 {
  return listInsert(<usize>l, i, <usize>v) ? 1 : 0;
}
/** list.pop(i): NEW reference, 0 with STATUS_INDEX. */
export function list_pop(l: i32, i: i32): i32 {
  return <i32>listPop(<usize>l, i);
}
/** CPython's list_resize: ob_size = n with the over-allocation rule (new slots NULL; items beyond n
 *  must have been released by the caller). */
export function list_resize(l: i32, n: i32): i32 {
  return listResize(<usize>l, n) ? 1 : 0;
}
/** list_preallocate_exact(n) for a list without an item array. */
export function list_preallocate_exact(l: i32, n: i32): i32 {
  return listPreallocateExact(<usize>l, n) ? 1 : 0;
}
/** Item i: BORROWED. */
export function list_get(l: i32, i: i32): i32 {
  return <i32>getRef(listItems(<usize>l) + (<usize>i << 3));
}
/** l[i] = v (v borrowed), releasing the previous item. */
export function list_set(l: i32, i: i32, v: i32): void {
  obj_set_slot(<i32>listItems(<usize>l), i << 3, v);
}
/** l[ilow:ihigh] = v for a list or tuple v (0 deletes), as list_ass_slice: 1, or 0 with a status. */
export function list_ass_slice(l: i32, ilow: i32, ihigh: i32, v: i32): i32 {
  return listAssSlice(<usize>l, ilow, ihigh, <usize>v) ? 1 : 0;
}
/** del l[start::step] (step != 1) of n items, as list_ass_subscript: 1, or 0 with a status. */
export function list_del_extended(l: i32, start: i32, step: i32, n: i32): i32 {
  return listDelExtended(<usize>l, start, step, n) ? 1 : 0;
}
/** l[i] = v STEALING v, for a slot that is NULL (fresh lists). */
export function list_set_steal(l: i32, i: i32, v: i32): void {
  setRef(listItems(<usize>l) + (<usize>i << 3), <usize>v);
}
/** len(l). */
export function list_len(l: i32): i32 {
  return obSize(<usize>l);
}
/** Allocated item slots of l (CPython's `allocated`). */
export function list_capacity(l: i32): i32 {
  return listAllocated(<usize>l);
}
/** list.clear(), list.__init__, l *= 0: releases the items last to first and frees the item array (a
 *  subclass instance keeps its __dict__, which clearObject, tp_clear, would drop too). */
export function list_clear(l: i32): void {
  listClearItems(<usize>l);
}

// ── dict_ ───────────────────────────────────────────────────────────────────────────────────────

/** mode DICT_NEW_DISPLAY ({}: free list) or DICT_NEW_CALL (dict()): NEW reference, untracked. */
export function dict_new(mode: i32): i32 {
  return <i32>(mode == 1 ? dictNewCall() : dictNewDisplay());
}
/** BUILD_MAP n: presized for n entries (unicode = all keys exact str). NEW reference. */
export function dict_new_presized(n: i32, unicode: i32): i32 {
  return <i32>dictNewPresized(n, unicode != 0);
}
/** d[k] = v (both borrowed). 1, or 0 with STATUS_ERROR (__hash__/__eq__ raised) / STATUS_NO_MEMORY. */
export function dict_set(d: i32, k: i32, v: i32): i32 {
  return dictSetItem(<usize>d, <usize>k, <usize>v) ? 1 : 0;
}
/** d[k]: BORROWED value, or 0 with STATUS_NOT_FOUND / STATUS_ERROR. */
export function dict_get(d: i32, k: i32): i32 {
  return <i32>dictGetItem(<usize>d, <usize>k);
}
/** del d[k]: 1, or 0 with STATUS_NOT_FOUND / STATUS_ERROR. */
export function dict_del(d: i32, k: i32): i32 {
  return dictDelItem(<usize>d, <usize>k) ? 1 : 0;
}
/** len(d). */
export function dict_len(d: i32): i32 {
  return dictUsed(<usize>d);
}
/** Next entry index >= pos holding a value, or -1 (insertion order). */
export function dict_next(d: i32, pos: i32): i32 {
  return dictNext(<usize>d, pos);
}
/** Key / value of entry ix: BORROWED. */
export function dict_key_at(d: i32, ix: i32): i32 {
  return <i32>dictEntryKey(<usize>d, ix);
}
/** Value of entry ix: BORROWED. */
export function dict_value_at(d: i32, ix: i32): i32 {
  return <i32>dictEntryValue(<usize>d, ix);
}
/** d.clear(): back to the shared empty table, entries released in order (key, value). */
export function dict_clear(d: i32): void {
  dictClear(<usize>d);
}
/** d.update(b) for a dict b (dict_merge, override): 1 done, 0 failed with a status, 2 b changed size. */
export function dict_merge(d: i32, b: i32): i32 {
  return dictMerge(<usize>d, <usize>b);
}
/** popitem()'s conversion of a split dict (an instance __dict__) to a combined one: 1, or 0 (no memory). */
export function dict_combine(d: i32): i32 {
  return dictCombine(<usize>d) ? 1 : 0;
}
/** d.copy(): NEW reference. */
export function dict_copy(d: i32): i32 {
  return <i32>dictCopy(<usize>d);
}

// ── set_ ────────────────────────────────────────────────────────────────────────────────────────

/** set() (frozen = 0) or frozenset() (frozen = 1): NEW reference, tracked. */
export function set_new(frozen: i32): i32 {
  return <i32>setNew(frozen != 0);
}
/** s.add(k) (k borrowed): 1, or 0 with a status. */
export function set_add(s: i32, k: i32): i32 {
  return setAdd(<usize>s, <usize>k) ? 1 : 0;
}
/** k in s: 1 / 0 / -1 (error). */
export function set_contains(s: i32, k: i32): i32 {
  return setContains(<usize>s, <usize>k);
}
/** s.discard(k): 1 removed / 0 absent / -1 error. */
export function set_discard(s: i32, k: i32): i32 {
  return setDiscard(<usize>s, <usize>k);
}
/** s.pop(): NEW reference, 0 with STATUS_NOT_FOUND if empty. */
export function set_pop(s: i32): i32 {
  return <i32>setPop(<usize>s);
}
/** len(s). */
export function set_len(s: i32): i32 {
  return setUsed(<usize>s);
}
/** Next table index >= pos holding a member, or -1 (table order). */
export function set_next(s: i32, pos: i32): i32 {
  return setNext(<usize>s, pos);
}
/** Member at table index i: BORROWED. */
export function set_key_at(s: i32, i: i32): i32 {
  return <i32>setKeyAt(<usize>s, i);
}
/** The frozenset hash of any set-layout object (a frozenset subclass instance too, whose hash() would
 *  otherwise go through the host) into heap_hash_slot(); CPython 3.11's algorithm, cached in the set. */
export function set_hash(s: i32): void {
  store<i64>(hashSlot, frozensetHash(<usize>s));
}
/** s.clear(): back to the inline table, members released in table order. */
export function set_clear(s: i32): void {
  setClear(<usize>s);
}

/** set_merge: the members of set `other` into `so` (one resize up front). 1, or 0 with a status. */
export function set_merge(so: i32, other: i32): i32 {
  return setMerge(<usize>so, <usize>other) ? 1 : 0;
}
/** set.update(d) for an exact dict d: one resize for its size, then its keys. 1, or 0 with a status. */
export function set_merge_dict(so: i32, d: i32): i32 {
  return setMergeDict(<usize>so, <usize>d) ? 1 : 0;
}
/** so ^= other for a set or an exact dict `other`. 1, or 0 with a status. */
export function set_xor_update(so: i32, other: i32): i32 {
  return setXorUpdate(<usize>so, <usize>other) ? 1 : 0;
}
/** so & other (other a set) as a new set (frozen = 1: frozenset): NEW reference, or 0 with a status. */
export function set_intersection(so: i32, other: i32, frozen: i32): i32 {
  return <i32>setIntersection(<usize>so, <usize>other, frozen != 0);
}
/** One key (borrowed) of an intersection with an iterable: added to `result` when in `so`. 1 / 0 / -1. */
export function set_intersect_key(result: i32, so: i32, key: i32): i32 {
  return setIntersectKey(<usize>result, <usize>so, <usize>key);
}
/** so - other (a set or an exact dict) iterating so: NEW reference, or 0 with a status. */
export function set_difference(so: i32, other: i32, frozen: i32): i32 {
  return <i32>setDifference(<usize>so, <usize>other, frozen != 0);
}
/** so -= other for a set `other` (dummies resized away at the end). 1, or 0 with a status. */
export function set_difference_update(so: i32, other: i32): i32 {
  return setDifferenceUpdate(<usize>so, <usize>other) ? 1 : 0;
}
/** The table rebuilt when more than a quarter of it is dummies (after discarding an iterable's keys). */
export function set_drop_dummies(so: i32): i32 {
  return setDropDummies(<usize>so) ? 1 : 0;
}
/** Exchanges the contents (table, counts, hash) of two sets. */
export function set_swap_bodies(a: i32, b: i32): void {
  setSwapBodies(<usize>a, <usize>b);
}

/** type_ready's add_subclass for a heap type t with nbases bases: the basic weakref to t, held once per
 *  base as the bases' subclass lists hold it in CPython (weakref.getweakrefcount(t) is 1). 1, or 0. */
export function obj_type_add_subclass(t: i32, nbases: i32): i32 {
  return typeAddSubclass(<usize>t, nbases) ? 1 : 0;
}

// ── weakref_ ────────────────────────────────────────────────────────────────────────────────────

/** weakref.ref(o, cb) of type t (tWeakref or a registered subclass); cb borrowed (0 = none). NEW reference.
 *  The caller checks that o's type is weakly referenceable. */
export function weakref_new(t: i32, o: i32, cb: i32): i32 {
  return <i32>weakrefNew(<usize>t, <usize>o, <usize>cb);
}
/** The referent: BORROWED, 0 if dead. */
export function weakref_get(wr: i32): i32 {
  return <i32>getRef(<usize>wr + WR_OBJECT);
}
/** weakref.getweakrefcount(o) (o's type must have a weakref slot). */
export function weakref_count(o: i32): i32 {
  return weakrefCount(<usize>o);
}

// ── gc_ ─────────────────────────────────────────────────────────────────────────────────────────

/** gc.collect(g): the number gc.collect returns (0 without collecting if a collection is running; −1 with
 *  STATUS_BAD_ARGUMENT for a generation outside 0..2). */
export function gc_collect(g: i32): i32 {
  if (g < 0 || g > 2) {
    setStatus(STATUS_BAD_ARGUMENT); // gc.collect raises ValueError("invalid generation")
    return -1;
  }
  return gcCollect(g);
}
/** gc.enable(). */
export function gc_enable(): void {
  setEnabled(true);
}
/** gc.disable(): no automatic collections; counts keep moving. */
export function gc_disable(): void {
  setEnabled(false);
}
/** gc.isenabled(). */
export function gc_is_enabled(): i32 {
  return gcEnabled ? 1 : 0;
}
/** gc.get_count()[g]. */
export function gc_get_count(g: i32): i32 {
  return g >= 0 && g < 3 ? getCount(g) : 0;
}
/** gc.get_threshold()[g]. */
export function gc_get_threshold(g: i32): i32 {
  return g >= 0 && g < 3 ? getThreshold(g) : 0;
}
/** Sets threshold g (gc.set_threshold). */
export function gc_set_threshold(g: i32, v: i32): void {
  if (g >= 0 && g < 3) setThreshold(g, v);
}
/** gc.get_stats()[g][field] with field 0 collections, 1 collected, 2 uncollectable. */
export function gc_get_stat(g: i32, field: i32): i32 {
  return g >= 0 && g < 3 && field >= 0 && field < 3 ? statGet(g, field) : 0;
}
/** gc.is_tracked(o). */
export function gc_is_tracked(o: i32): i32 {
  const oo = <usize>o;
  if (isStatic(oo) || (tpFlags(typeOf(oo)) & TPF_HAVE_GC) == 0) return 0;
  return isTracked(oo) ? 1 : 0;
}
/** gc.is_finalized(o). */
export function gc_is_finalized(o: i32): i32 {
  const oo = <usize>o;
  if (isStatic(oo) || (tpFlags(typeOf(oo)) & TPF_HAVE_GC) == 0) return 0;
  return (gcFlags(gcHead(oo)) & PREV_MASK_FINALIZED) != 0 ? 1 : 0;
}
/** Tracks o (appends it to generation 0) if it is untracked. */
export function gc_track(o: i32): void {
  track(<usize>o);
}
/** Untracks o (keeps its FINALIZED bit). */
export function gc_untrack(o: i32): void {
  untrack(<usize>o);
}
/** gc.freeze(): every tracked object to the permanent generation; counts to 0. */
export function gc_freeze(): void {
  for (let g = 0; g < 3; g++) {
    listMerge(genHead(g), permanent);
    setCount(g, 0);
  }
}
/** gc.unfreeze(): the permanent generation is appended to generation 2. */
export function gc_unfreeze(): void {
  listMerge(permanent, genHead(2));
}
/** gc.get_freeze_count(). */
export function gc_get_freeze_count(): i32 {
  return listSize(permanent);
}
/** gc.get_objects(g) (g = -1: all, in order 0, 1, 2) into buf; returns the count. BORROWED. */
export function gc_get_objects(g: i32, buf: i32, cap: i32): i32 {
  let n = 0;
  for (let i = 0; i < 3; i++) {
    if (g >= 0 && g != i) continue;
    const h = genHead(i);
    for (let x = gcNext(h); x != h; x = gcNext(x)) {
      if (n < cap) store<u32>(<usize>buf + (<usize>n << 2), <u32>gcObj(x));
      n++;
    }
  }
  return n;
}
/** Objects in generation g (3 = the permanent generation). */
export function gc_generation_size(g: i32): i32 {
  if (g < 0 || g > 3) return 0;
  // a count taken since the lists last changed (see genSizesKnown); during a collection, always a walk
  if (!gcCollecting && (genSizesKnown & (<u32>1 << <u32>g)) != 0) {
    return g == 0 ? genSize0 : g == 1 ? genSize1 : g == 2 ? genSize2 : genSize3;
  }
  const n = listSize(g == 3 ? permanent : genHead(g));
  if (!gcCollecting) keepGenSize(g, n);
  return n;
}
/** gc.set_debug(flags) (only DEBUG_SAVEALL changes what the core does). */
export function gc_set_debug(flags: i32): void {
  setDebug(flags);
}
/** gc.get_debug(). */
export function gc_get_debug(): i32 {
  return gcDebug;
}
/** The list DEBUG_SAVEALL appends to (gc.garbage), 0 for none; the core takes its own reference (and drops the previous list's). */
export function gc_set_garbage(l: i32): void {
  setGarbageList(<usize>l);
}
/** While blocked, allocations never start a collection (an exception is pending in the interpreter). */
export function gc_set_blocked(b: i32): void {
  setBlocked(b != 0);
}
/** Chooses how unreachable objects are found: 0 CPython's list walks, 1 dense side tables (default).
 *  Both give identical results; the switch exists for benchmarks and tests. */
export function gc_set_algorithm(dense: i32): void {
  setDenseAlgorithm(dense != 0);
}
/** Objects that survived the last full collection (the gen-2 heuristic's base). */
export function gc_long_lived_total(): i32 {
  return longLivedTotal;
}
/** Objects promoted into generation 2 since the last full collection. */
export function gc_long_lived_pending(): i32 {
  return longLivedPending;
}

// ── ev_ ─────────────────────────────────────────────────────────────────────────────────────────

/** Starts recording events into a ring of `cap` entries (abi EV_WORDS words each). */
export function ev_enable(cap: i32): i32 {
  return evEnable(<u32>cap) ? 1 : 0;
}
/** Stops recording events (the ring keeps what it has). */
export function ev_disable(): void {
  evDisable();
}
/** Events in the ring. */
export function ev_count(): i32 {
  return <i32>evCount();
}
/** Address of the first event (EV_WORDS i32 words each). */
export function ev_base(): i32 {
  return <i32>evBase();
}
/** Empties the ring and the dropped count. */
export function ev_clear(): void {
  evClear();
}
/** Events lost because the ring was full. */
export function ev_dropped(): i32 {
  return <i32>evDropped;
}
