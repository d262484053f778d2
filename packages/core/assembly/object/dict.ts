// dict: CPython 3.11's compact dict. PyDictObject (48 bytes) points to a keys object:
//
//   PyDictKeysObject  +0 dk_refcnt  +8 dk_log2_size (u8)  +9 dk_log2_index_bytes (u8)  +10 dk_kind (u8)
//                     +12 dk_version  +16 dk_usable  +24 dk_nentries  +32 dk_indices[2^log2_index_bytes]
//                     then dk_usable_max entries: unicode (key, value: 16 bytes) or general (hash, key,
//                     value: 24 bytes)
//
// Indices are int8 below 256 slots, int16 below 65536, int32 above; -1 empty, -2 dummy (deleted). An
// empty dict shares the static empty keys object. Lookups probe with perturbation (i = 5i + perturb + 1,
// perturb >>= 5); insertion appends entries so iteration is insertion order; a table with no usable
// entry left grows to 2^bit_length(((3·used) | 8) − 1 | 7); deletion leaves a dummy and never
// shrinks. A table stays "unicode" while every key is an exact str.
//
// A split dict (an instance's materialised __dict__) shares its class's keys object (dk_refcnt counts
// the sharers) and keeps its values in a values array indexed like those keys (DICT_VALUES; the layout
// of instance.ts: insertion order in the prefix bytes). A new str key joins the shared keys while they
// have room; any other key, a full shared table or popitem() turns the dict into a combined one.
// Start reading at dictSetItem / dictLookup.
import {
  DICT_USED, DICT_VERSION, DICT_KEYS, DICT_VALUES, DICT_BASICSIZE, DK_REFCNT, DK_LOG2_SIZE,
  DK_LOG2_INDEX_BYTES, DK_KIND, DK_USABLE, DK_NENTRIES, DK_INDICES, DK_KIND_UNICODE, DK_KIND_GENERAL,
  STATUS_NO_MEMORY, STATUS_NOT_FOUND, STATUS_ERROR, STATUS_OK, SHARED_KEYS_LOG2, SHARED_KEYS_MAX,
} from "../../abi/abi";
import { setStatus, lastStatus, tooBig, DEBUG, zero8 } from "../common";
import { memAlloc, memFree, memBlockSize } from "../mem/alloc";
import { sysAlloc } from "../mem/sys";
import { objAlloc, flPop, flPush, objFreeMemory } from "./alloc";
import { getRef, setRef, incref, typeOf, tpBasicsize } from "./header";
import { tDict, tStr } from "./types";
import { flDict, flKeys, DICT_MAXFREELIST, KEYS_MAXFREELIST } from "./freelists";
import { strHash, strEq } from "./str";
import { objHash, objEq, HASH_ERROR } from "./hash";
import { mayBeTracked } from "./tuple";
import { track, isTracked } from "../gc/lists";
import { decref, valuesCapacity, valuesFree } from "../refcount";
import { visit } from "../gc/traverse";

const LOG_MINSIZE: u8 = 3;
const DKIX_EMPTY: i32 = -1;
const DKIX_DUMMY: i32 = -2;
const DKIX_ERROR: i32 = -3;
const DKIX_KEY_CHANGED: i32 = -4;
const PERTURB_SHIFT: u64 = 5;

export let emptyKeys: usize = 0;
/** The last version tag handed out. Tags step by 2: bit 0 of a dict's tag is the CLASS_DICT_MARK. */
let versionCounter: u64 = 0;
/** Bit 0 of a dict's version tag: the dict is a class's namespace (the VM sets it). Every change of such
 *  a dict also adds one to the u32 at classDictWrites, which the VM's attribute caches compare. */
const CLASS_DICT_MARK: u64 = 1;
/** Address of the count of changes of marked dicts so far (u32, wraps), read and written by the VM too. */
export let classDictWrites: usize = 0;

export function dictInit(): void {
  // the empty keys (8 index bytes), then the count of class-namespace changes in the block's last 8 bytes
  // (the same 16-byte-rounded size as the keys alone: the addresses of later tables stay where they were)
  emptyKeys = sysAlloc(DK_INDICES + 16);
  classDictWrites = emptyKeys + DK_INDICES + 8;
  store<i64>(emptyKeys + DK_REFCNT, 999999999);
  store<u8>(emptyKeys + DK_LOG2_SIZE, LOG_MINSIZE);
  store<u8>(emptyKeys + DK_LOG2_INDEX_BYTES, LOG_MINSIZE);
  store<u8>(emptyKeys + DK_KIND, <u8>DK_KIND_UNICODE);
  memory.fill(emptyKeys + DK_INDICES, 0xff, 8);
}

// ── keys object accessors ──────────────────────────────────────────────────────────────────────
@inline function dkLog2(k: usize): u32 {
  return load<u8>(k + DK_LOG2_SIZE);
}
@inline function dkIsUnicode(k: usize): bool {
  return load<u8>(k + DK_KIND) == <u8>DK_KIND_UNICODE;
}
@inline function dkUsable(k: usize): i32 {
  return load<i32>(k + DK_USABLE);
}
@inline function dkNentries(k: usize): i32 {
  return load<i32>(k + DK_NENTRIES);
}
@inline function dkEntries(k: usize): usize {
  return k + DK_INDICES + (<usize>1 << load<u8>(k + DK_LOG2_INDEX_BYTES));
}
@inline function entrySize(k: usize): usize {
  return dkIsUnicode(k) ? 16 : 24;
}
/** Address of entry ix: unicode (key, value), general (hash, key, value). */
@inline function entryAddr(k: usize, ix: i32): usize {
  return dkEntries(k) + <usize>ix * entrySize(k);
}
@inline function entryKey(k: usize, ix: i32): usize {
  return getRef(entryAddr(k, ix) + (dkIsUnicode(k) ? 0 : 8));
}
@inline function entryValueAddr(k: usize, ix: i32): usize {
  return entryAddr(k, ix) + (dkIsUnicode(k) ? 8 : 16);
}
@inline function entryHash(k: usize, ix: i32): i64 {
  return dkIsUnicode(k) ? strHash(entryKey(k, ix)) : load<i64>(entryAddr(k, ix));
}

@inline function getIndex(k: usize, i: usize): i32 {
  const log2 = dkLog2(k);
  const idx = k + DK_INDICES;
  if (log2 < 8) return <i32>load<i8>(idx + i);
  if (log2 < 16) return <i32>load<i16>(idx + (i << 1));
  return load<i32>(idx + (i << 2));
}
@inline function setIndex(k: usize, i: usize, ix: i32): void {
  const log2 = dkLog2(k);
  const idx = k + DK_INDICES;
  if (log2 < 8) store<i8>(idx + i, <i8>ix);
  else if (log2 < 16) store<i16>(idx + (i << 1), <i16>ix);
  else store<i32>(idx + (i << 2), ix);
}

@inline function usableFraction(n: i32): i32 {
  return (n << 1) / 3;
}

/** Size in bytes of a keys object (CPython's _PyDict_KeysSize). */
export function keysSize(k: usize): usize {
  return <usize>DK_INDICES + (<usize>1 << load<u8>(k + DK_LOG2_INDEX_BYTES)) +
    <usize>usableFraction(1 << dkLog2(k)) * entrySize(k);
}

function newKeys(log2: u8, unicode: bool): usize {
  const size = 1 << log2;
  const usable = usableFraction(size);
  const log2Bytes: u8 = log2 < 8 ? log2 : log2 < 16 ? log2 + 1 : log2 + 2;
  const es: usize = unicode ? 16 : 24;
  let k: usize = 0;
  if (log2 == LOG_MINSIZE && unicode) {
    k = <usize>load<u32>(flKeys);
    if (k != 0) {
      store<u32>(flKeys, load<u32>(k, 12));
      store<i32>(flKeys, load<i32>(flKeys, 4) - 1, 4);
    }
  }
  if (k == 0) {
    k = memAlloc(<usize>DK_INDICES + (<usize>1 << log2Bytes) + es * <usize>usable);
    if (k == 0) return 0;
  }
  store<i64>(k + DK_REFCNT, 1);
  store<u8>(k + DK_LOG2_SIZE, log2);
  store<u8>(k + DK_LOG2_INDEX_BYTES, log2Bytes);
  store<u8>(k + DK_KIND, unicode ? <u8>DK_KIND_UNICODE : <u8>DK_KIND_GENERAL);
  store<u8>(k + DK_KIND + 1, 0);
  store<u32>(k + 12, 0);
  store<i64>(k + DK_USABLE, usable);
  store<i64>(k + DK_NENTRIES, 0);
  memory.fill(k + DK_INDICES, 0xff, <usize>1 << log2Bytes);
  zero8(k + DK_INDICES + (<usize>1 << log2Bytes), es * <usize>usable);
  return k;
}

/** Frees a keys table whose entries were released (or moved): keys free list for 8-slot unicode tables. */
function freeKeysMemory(k: usize): void {
  if (k == emptyKeys) return;
  if (dkLog2(k) == LOG_MINSIZE && dkIsUnicode(k)) {
    const n = load<i32>(flKeys, 4);
    if (n < KEYS_MAXFREELIST) {
      store<u32>(k, load<u32>(flKeys), 12);
      store<u32>(flKeys, <u32>k);
      store<i32>(flKeys, n + 1, 4);
      return;
    }
  }
  memFree(k);
}

// ── dict objects ───────────────────────────────────────────────────────────────────────────────
@inline export function dictKeys(d: usize): usize {
  return getRef(d + DICT_KEYS);
}
@inline export function dictUsed(d: usize): i32 {
  return load<i32>(d + DICT_USED);
}
@inline function dictValues(d: usize): usize {
  return getRef(d + DICT_VALUES);
}
// values arrays (split dicts): the prefix byte before the values holds the prefix size, the one before
// it the number of values set, the bytes before that the slot indexes in insertion order
@inline function orderCount(v: usize): i32 {
  return <i32>load<u8>(v - 2);
}
@inline function orderAt(v: usize, i: i32): i32 {
  return <i32>load<u8>(v - 3 - <usize>i);
}
function orderAppend(v: usize, ix: i32): void {
  const n = orderCount(v);
  store<u8>(v - 3 - <usize>n, <u8>ix);
  store<u8>(v - 2, <u8>(n + 1));
}
function orderRemove(v: usize, ix: i32): void {
  const n = orderCount(v);
  let j = 0;
  while (j < n && orderAt(v, j) != ix) j++;
  for (; j + 1 < n; j++) store<u8>(v - 3 - <usize>j, <u8>orderAt(v, j + 1));
  store<u8>(v - 2, <u8>(n - 1));
}
/** Address of entry ix's value: in the values array of a split dict, else in the entry. */
@inline function valueAddr(d: usize, k: usize, ix: i32): usize {
  const v = dictValues(d);
  return v != 0 ? v + (<usize>ix << 3) : entryValueAddr(k, ix);
}
/** dictkeys_decref for a shared keys object (its class or a split dict lets go): the last sharer frees it. */
export function keysDecref(k: usize): void {
  const n = load<i64>(k + DK_REFCNT) - 1;
  store<i64>(k + DK_REFCNT, n);
  if (n == 0) sharedKeysFree(k);
}
/** shared_keys_usable_size: the values a split dict of these keys has room for. */
@inline function sharedUsableSize(k: usize): i32 {
  return dkNentries(k) + dkUsable(k);
}

// not @inline: the optimised build inlines it anyway, the size build keeps one copy (8 callers)
function bumpVersion(d: usize): void {
  const mark = load<u64>(d + DICT_VERSION) & CLASS_DICT_MARK;
  versionCounter += 2;
  store<u64>(d + DICT_VERSION, versionCounter | mark);
  if (mark != 0) store<u32>(classDictWrites, load<u32>(classDictWrites) + 1);
}

/** Makes a freshly allocated dict (or dict subclass instance) empty. */
export function dictInitEmpty(d: usize): void {
  initDict(d, emptyKeys);
}

function initDict(d: usize, keys: usize): void {
  setRef(d + DICT_KEYS, keys);
  setRef(d + DICT_VALUES, 0);
  store<i64>(d + DICT_USED, 0);
  // a fresh dict is unmarked (the block may hold an old dict's tag)
  versionCounter += 2;
  store<u64>(d + DICT_VERSION, versionCounter);
}

/** {} / BUILD_MAP (new_dict): free list first; untracked. New reference or 0. */
export function dictNewDisplay(): usize {
  let d = flPop(flDict);
  if (d == 0) {
    d = objAlloc(tDict, DICT_BASICSIZE);
    if (d == 0) return 0;
  }
  initDict(d, emptyKeys);
  return d;
}

/** dict(): tp_alloc without the free list; untracked. */
export function dictNewCall(): usize {
  const d = objAlloc(tDict, DICT_BASICSIZE);
  if (d == 0) return 0;
  initDict(d, emptyKeys);
  return d;
}

/** dict_new_presized(n, unicode) as _PyDict_FromItems uses it (BUILD_MAP n). */
export function dictNewPresized(n: i32, unicode: bool): usize {
  if (tooBig(n, 48)) return 0;
  if (n <= usableFraction(8)) return dictNewDisplay();
  const log2 = calculateLog2((n * 3 + 1) / 2);
  const k = newKeys(log2, unicode);
  if (k == 0) return 0;
  const d = dictNewDisplay();
  if (d == 0) {
    freeKeysMemory(k);
    return 0;
  }
  setRef(d + DICT_KEYS, k);
  return d;
}

/** calculate_log2_keysize: bit_length(((minsize | 8) − 1) | 7) — note that a minsize of 3 already
 *  gives 16 slots (this is what a str table turned general by its second key grows to). */
function calculateLog2(minsize: i32): u8 {
  const m = ((minsize | 8) - 1) | 7;
  return <u8>(32 - clz(m));
}

/** Index of the slot holding entry ix (lookdict_index). */
function lookdictIndex(k: usize, hash: i64, ix: i32): usize {
  const mask = (<usize>1 << dkLog2(k)) - 1;
  let perturb = <u64>hash;
  let i = <usize>(<u64>hash) & mask;
  while (true) {
    const x = getIndex(k, i);
    if (x == ix) return i;
    if (x == DKIX_EMPTY) return 0xffffffff;
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + <usize>perturb + 1) & mask;
  }
  return 0xffffffff;
}

/** _Py_dict_lookup: entry index of key, DKIX_EMPTY if absent, DKIX_ERROR if __eq__ raised. May call
 *  __eq__ through the host; restarts if the dict changed meanwhile. */
function lookup(d: usize, key: usize, hash: i64): i32 {
  while (true) {
    const k = dictKeys(d);
    const r = lookupOnce(d, k, key, hash);
    if (r != DKIX_KEY_CHANGED) return r;
  }
  return DKIX_ERROR;
}

function lookupOnce(d: usize, k: usize, key: usize, hash: i64): i32 {
  const mask = (<usize>1 << dkLog2(k)) - 1;
  const unicode = dkIsUnicode(k);
  const keyIsStr = typeOf(key) == tStr;
  let perturb = <u64>hash;
  let i = <usize>(<u64>hash) & mask;
  while (true) {
    const ix = getIndex(k, i);
    if (ix == DKIX_EMPTY) return DKIX_EMPTY;
    if (ix >= 0) {
      const ekey = entryKey(k, ix);
      if (ekey == key) return ix;
      const ehash = unicode ? strHash(ekey) : load<i64>(entryAddr(k, ix));
      if (ehash == hash) {
        if (keyIsStr && typeOf(ekey) == tStr) {
          if (strEq(ekey, key)) return ix;
        } else {
          incref(ekey);
          const cmp = objEq(ekey, key);
          const changed = dictKeys(d) != k || entryKey(k, ix) != ekey;
          decref(ekey);
          if (cmp < 0) return DKIX_ERROR;
          if (changed) return DKIX_KEY_CHANGED;
          if (cmp > 0) return ix;
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + <usize>perturb + 1) & mask;
  }
  return DKIX_ERROR;
}

function findEmptySlot(k: usize, hash: i64): usize {
  const mask = (<usize>1 << dkLog2(k)) - 1;
  let i = <usize>(<u64>hash) & mask;
  let perturb = <u64>hash;
  while (getIndex(k, i) >= 0) {
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + <usize>perturb + 1) & mask;
  }
  return i;
}

/** Writes entry j of a fresh keys table (unicode: key, value; general: hash, key, value; the references are
 *  the caller's) and files it in the index. */
@inline function writeFreshEntry(nk: usize, j: i32, key: usize, h: i64, v: usize, unicode: bool): void {
  const dst = entryAddr(nk, j);
  if (unicode) {
    setRef(dst, key);
    setRef(dst + 8, v);
  } else {
    store<i64>(dst, h);
    setRef(dst + 8, key);
    setRef(dst + 16, v);
  }
  setIndex(nk, findEmptySlot(nk, h), j);
}

/** dictresize: a new table of 2^log2 slots with the live entries in order; false on no memory. */
function dictResize(d: usize, log2: u8, unicode: bool): bool {
  const old = dictKeys(d);
  if (!dkIsUnicode(old)) unicode = false;
  const nk = newKeys(log2, unicode);
  if (nk == 0) return false;
  const n = dictUsed(d);
  const values = dictValues(d);
  if (values != 0) {
    // split → combined: the keys in the values' insertion order (the new table takes its own references
    // to them), the shared keys released, the values array freed
    for (let j = 0; j < n; j++) {
      const ix = orderAt(values, j);
      const key = entryKey(old, ix);
      const v = getRef(values + (<usize>ix << 3));
      const h = strHash(key);
      incref(key);
      writeFreshEntry(nk, j, key, h, v, unicode);
    }
    setRef(d + DICT_KEYS, nk);
    setRef(d + DICT_VALUES, 0);
    keysDecref(old);
    valuesFree(values);
    store<i64>(nk + DK_USABLE, dkUsable(nk) - n);
    store<i64>(nk + DK_NENTRIES, n);
    return true;
  }
  const oldN = dkNentries(old);
  let j = 0;
  for (let ix = 0; ix < oldN; ix++) {
    const va = entryValueAddr(old, ix);
    const v = getRef(va);
    if (v == 0) continue;
    const key = entryKey(old, ix);
    const h = entryHash(old, ix);
    writeFreshEntry(nk, j, key, h, v, unicode);
    j++;
  }
  setRef(d + DICT_KEYS, nk);
  if (old != emptyKeys) freeKeysMemory(old);
  store<i64>(nk + DK_USABLE, dkUsable(nk) - n);
  store<i64>(nk + DK_NENTRIES, n);
  return true;
}

function insertionResize(d: usize, unicode: bool): bool {
  return dictResize(d, calculateLog2(dictUsed(d) * 3), unicode);
}

@inline function maintainTracking(d: usize, key: usize, value: usize): void {
  if (!isTracked(d) && (mayBeTracked(key) || mayBeTracked(value))) track(d);
}

function appendEntry(d: usize, key: usize, hash: i64, value: usize): void {
  const k = dictKeys(d);
  const n = dkNentries(k);
  setIndex(k, findEmptySlot(k, hash), n);
  const e = entryAddr(k, n);
  if (dkIsUnicode(k)) {
    setRef(e, key);
    setRef(e + 8, value);
  } else {
    store<i64>(e, hash);
    setRef(e + 8, key);
    setRef(e + 16, value);
  }
  store<i64>(d + DICT_USED, dictUsed(d) + 1);
  store<i64>(k + DK_USABLE, dkUsable(k) - 1);
  store<i64>(k + DK_NENTRIES, n + 1);
  bumpVersion(d);
}

/** d[key] = value with a known hash. key and value borrowed. false with a status on failure. */
export function dictSetItemHash(d: usize, key: usize, hash: i64, value: usize): bool {
  incref(key);
  incref(value);
  if (dictKeys(d) == emptyKeys) {
    // insert_to_emptydict
    const nk = newKeys(LOG_MINSIZE, typeOf(key) == tStr);
    if (nk == 0) {
      decref(key);
      decref(value);
      setStatus(STATUS_NO_MEMORY);
      return false;
    }
    setRef(d + DICT_KEYS, nk);
    maintainTracking(d, key, value);
    appendEntry(d, key, hash, value);
    return true;
  }
  if (dkIsUnicode(dictKeys(d)) && typeOf(key) != tStr) {
    if (!insertionResize(d, false)) {
      decref(key);
      decref(value);
      setStatus(STATUS_NO_MEMORY);
      return false;
    }
  }
  const ix = lookup(d, key, hash);
  if (ix == DKIX_ERROR) {
    decref(key);
    decref(value);
    return false;
  }
  maintainTracking(d, key, value);
  if (ix == DKIX_EMPTY) {
    const vs = dictValues(d);
    if (dkUsable(dictKeys(d)) <= 0 || (vs != 0 && <u32>dkNentries(dictKeys(d)) >= valuesCapacity(vs))) {
      if (!insertionResize(d, true)) {
        decref(key);
        decref(value);
        setStatus(STATUS_NO_MEMORY);
        return false;
      }
    }
    if (dictValues(d) != 0) {
      // a new name joins the shared keys (which keep the reference to it); the value goes in its slot
      const k = dictKeys(d);
      const n = dkNentries(k);
      setIndex(k, findEmptySlot(k, hash), n);
      setRef(entryAddr(k, n), key);
      setRef(entryAddr(k, n) + 8, 0);
      const v = dictValues(d);
      setRef(v + (<usize>n << 3), value);
      orderAppend(v, n);
      store<i64>(d + DICT_USED, dictUsed(d) + 1);
      store<i64>(k + DK_USABLE, dkUsable(k) - 1);
      store<i64>(k + DK_NENTRIES, n + 1);
      bumpVersion(d);
      return true;
    }
    appendEntry(d, key, hash, value);
    return true;
  }
  const va = valueAddr(d, dictKeys(d), ix);
  const old = getRef(va);
  if (old != value) {
    setRef(va, value);
    if (old == 0) {
      // a split dict's first value for a name the shared keys already hold
      orderAppend(dictValues(d), ix);
      store<i64>(d + DICT_USED, dictUsed(d) + 1);
    }
    bumpVersion(d);
  }
  if (old != 0) decref(old);
  decref(key);
  return true;
}

/** d[key] = value (hash computed, possibly through the host). */
export function dictSetItem(d: usize, key: usize, value: usize): bool {
  const h = objHash(key);
  if (h == HASH_ERROR) return false;
  return dictSetItemHash(d, key, h, value);
}

/** d[key]: borrowed value, or 0 with STATUS_NOT_FOUND / STATUS_ERROR. */
export function dictGetItem(d: usize, key: usize): usize {
  const h = objHash(key);
  if (h == HASH_ERROR) return 0;
  if (dictKeys(d) == emptyKeys) {
    setStatus(STATUS_NOT_FOUND);
    return 0;
  }
  const ix = lookup(d, key, h);
  if (ix == DKIX_ERROR) return 0;
  if (ix == DKIX_EMPTY) {
    setStatus(STATUS_NOT_FOUND);
    return 0;
  }
  const v = getRef(valueAddr(d, dictKeys(d), ix));
  if (v == 0) {
    setStatus(STATUS_NOT_FOUND);
    return 0;
  }
  setStatus(STATUS_OK);
  return v;
}

/** del d[key]: true, or false with STATUS_NOT_FOUND / STATUS_ERROR. Releases key then value. */
export function dictDelItem(d: usize, key: usize): bool {
  const h = objHash(key);
  if (h == HASH_ERROR) return false;
  if (dictKeys(d) == emptyKeys) {
    setStatus(STATUS_NOT_FOUND);
    return false;
  }
  const ix = lookup(d, key, h);
  if (ix == DKIX_ERROR) return false;
  if (ix == DKIX_EMPTY) {
    setStatus(STATUS_NOT_FOUND);
    return false;
  }
  const k = dictKeys(d);
  const values = dictValues(d);
  if (values != 0) {
    // split: the name stays in the shared keys, this dict's value goes
    const old = getRef(values + (<usize>ix << 3));
    if (old == 0) {
      setStatus(STATUS_NOT_FOUND);
      return false;
    }
    setRef(values + (<usize>ix << 3), 0);
    orderRemove(values, ix);
    store<i64>(d + DICT_USED, dictUsed(d) - 1);
    bumpVersion(d);
    decref(old);
    return true;
  }
  const pos = lookdictIndex(k, h, ix);
  if (DEBUG) assert(pos != 0xffffffff); // lookup found ix, so a slot holds it
  if (pos == 0xffffffff) {
    setStatus(STATUS_NOT_FOUND);
    return false;
  }
  store<i64>(d + DICT_USED, dictUsed(d) - 1);
  bumpVersion(d);
  setIndex(k, pos, DKIX_DUMMY);
  const e = entryAddr(k, ix);
  const va = entryValueAddr(k, ix);
  const oldKey = entryKey(k, ix);
  const oldValue = getRef(va);
  if (dkIsUnicode(k)) {
    setRef(e, 0);
    setRef(e + 8, 0);
  } else {
    store<i64>(e, 0);
    setRef(e + 8, 0);
    setRef(e + 16, 0);
  }
  decref(oldKey);
  decref(oldValue);
  return true;
}

/** d.clear() / tp_clear: the dict goes back to the shared empty table, then entries are released in
 *  order (key, value) and the old table freed. */
export function dictClear(d: usize): void {
  const k = dictKeys(d);
  if (k == emptyKeys) return;
  const values = dictValues(d);
  setRef(d + DICT_KEYS, emptyKeys);
  setRef(d + DICT_VALUES, 0);
  store<i64>(d + DICT_USED, 0);
  bumpVersion(d);
  const n = dkNentries(k);
  if (values != 0) {
    // split: the values in slot order, then the array and this dict's share of the keys
    for (let ix = 0; ix < n; ix++) {
      const v = getRef(values + (<usize>ix << 3));
      if (v != 0) {
        setRef(values + (<usize>ix << 3), 0);
        decref(v);
      }
    }
    valuesFree(values);
    keysDecref(k);
    return;
  }
  for (let ix = 0; ix < n; ix++) {
    const key = entryKey(k, ix);
    const v = getRef(entryValueAddr(k, ix));
    if (key != 0) decref(key);
    if (v != 0) decref(v);
  }
  freeKeysMemory(k);
}

/** Iteration: the first entry index >= pos holding a value, or -1. A split dict's positions are those
 *  of its insertion order (0 … used − 1). */
export function dictNext(d: usize, pos: i32): i32 {
  if (dictValues(d) != 0) return pos < dictUsed(d) ? pos : -1;
  const k = dictKeys(d);
  const n = dkNentries(k);
  for (let ix = pos; ix < n; ix++) if (getRef(entryValueAddr(k, ix)) != 0) return ix;
  return -1;
}
/** Key of entry ix (borrowed). */
export function dictEntryKey(d: usize, ix: i32): usize {
  const v = dictValues(d);
  return entryKey(dictKeys(d), v != 0 ? orderAt(v, ix) : ix);
}
/** Value of entry ix (borrowed). */
export function dictEntryValue(d: usize, ix: i32): usize {
  const v = dictValues(d);
  return v != 0 ? getRef(v + (<usize>orderAt(v, ix) << 3)) : getRef(entryValueAddr(dictKeys(d), ix));
}

/** Stored hash of entry ix (a str table's keys carry their own). */
export function dictEntryHash(d: usize, ix: i32): i64 {
  const v = dictValues(d);
  return entryHash(dictKeys(d), v != 0 ? orderAt(v, ix) : ix);
}
/** _PyDict_Contains_KnownHash: 1 present, 0 absent, -1 when __eq__ raised (status set). */
export function dictContainsHash(d: usize, key: usize, hash: i64): i32 {
  if (dictKeys(d) == emptyKeys) return 0;
  const ix = lookup(d, key, hash);
  if (ix == DKIX_ERROR) return -1;
  if (ix == DKIX_EMPTY) return 0;
  return getRef(valueAddr(d, dictKeys(d), ix)) != 0 ? 1 : 0;
}

/** dict_merge(a, b, override = 1) for a dict b iterated as a dict: into an empty `a`, a clean combined
 *  table of b that is small or at least half used is cloned whole (a's own table released, tracking
 *  inherited); otherwise `a` is resized once when b alone would not fit (to the size for both), then
 *  b's entries are inserted in order with their stored hashes. 1 done, 0 failed with a status, 2 when
 *  b changed size during the update (the caller raises RuntimeError). */
export function dictMerge(a: usize, b: usize): i32 {
  if (b == a || dictUsed(b) == 0) return 1;
  const okeys = dictKeys(b);
  if (dictUsed(a) == 0 && getRef(b + DICT_VALUES) == 0 && dictUsed(b) == dkNentries(okeys) &&
      (dkLog2(okeys) == LOG_MINSIZE || usableFraction((1 << dkLog2(okeys)) >> 1) < dictUsed(b))) {
    const size = keysSize(okeys);
    const nk = memAlloc(size);
    if (nk == 0) return 0;
    memory.copy(nk, okeys, size);
    store<i64>(nk + DK_REFCNT, 1);
    const n = dkNentries(okeys);
    for (let ix = 0; ix < n; ix++) {
      incref(entryKey(okeys, ix));
      incref(getRef(entryValueAddr(okeys, ix)));
    }
    const old = dictKeys(a);
    const oldValues = dictValues(a);
    setRef(a + DICT_KEYS, nk);
    setRef(a + DICT_VALUES, 0);
    store<i64>(a + DICT_USED, dictUsed(b));
    bumpVersion(a);
    if (oldValues != 0) {
      keysDecref(old);
      valuesFree(oldValues);
    } else if (old != emptyKeys) {
      freeKeysMemory(old);
    }
    if (isTracked(b) && !isTracked(a)) track(a);
    return 1;
  }
  // NOTE: CPython's shared empty table has one slot (nothing usable), so any dict merged into an empty
  // dict that was not cloned gets the one big resize
  const ak = dictKeys(a);
  if ((ak == emptyKeys ? 0 : usableFraction(1 << dkLog2(ak))) < dictUsed(b)) {
    if (!dictResize(a, calculateLog2(((dictUsed(a) + dictUsed(b)) * 3 + 1) / 2), dkIsUnicode(okeys))) {
      setStatus(STATUS_NO_MEMORY);
      return 0;
    }
  }
  const n = dkNentries(dictKeys(b));
  // NOTE: a split dict b goes in slot order (the shared keys' order), not its insertion order, as in CPython
  for (let ix = 0; ix < n; ix++) {
    const k = dictKeys(b);
    const value = getRef(valueAddr(b, k, ix));
    if (value == 0) continue;
    const key = entryKey(k, ix);
    incref(key);
    incref(value);
    const ok = dictSetItemHash(a, key, entryHash(k, ix), value);
    decref(value);
    decref(key);
    if (!ok) return 0;
    if (n != dkNentries(dictKeys(b))) return 2;
  }
  return 1;
}

/** d.copy() (PyDict_Copy): clones the table when it is dense enough (the copy inherits the tracked flag),
 *  otherwise inserts entry by entry into a new dict. New reference or 0. */
export function dictCopy(d: usize): usize {
  const k = dictKeys(d);
  if (dictUsed(d) == 0) return dictNewDisplay();
  const values = dictValues(d);
  if (values != 0) {
    // split: a new values array for the shared keys' current size, the same order (no free list)
    const size = sharedUsableSize(k);
    const nv = valuesAlloc(<u32>size);
    if (nv == 0) return 0;
    const c = objAlloc(tDict, DICT_BASICSIZE);
    if (c == 0) {
      valuesFree(nv);
      return 0;
    }
    for (let ix = 0; ix < size; ix++) {
      const x = <u32>ix < valuesCapacity(values) ? getRef(values + (<usize>ix << 3)) : 0;
      if (x != 0) incref(x);
      setRef(nv + (<usize>ix << 3), x);
    }
    const n = orderCount(values);
    for (let j = 0; j < n; j++) orderAppend(nv, orderAt(values, j));
    store<i64>(k + DK_REFCNT, load<i64>(k + DK_REFCNT) + 1);
    initDict(c, k);
    setRef(c + DICT_VALUES, nv);
    store<i64>(c + DICT_USED, dictUsed(d));
    if (isTracked(d)) track(c);
    return c;
  }
  if (dictUsed(d) >= (dkNentries(k) * 2) / 3) {
    const size = keysSize(k);
    const nk = memAlloc(size);
    if (nk == 0) return 0;
    memory.copy(nk, k, size);
    const n = dkNentries(k);
    for (let ix = 0; ix < n; ix++) {
      const key = entryKey(k, ix);
      const v = getRef(entryValueAddr(k, ix));
      if (key != 0) incref(key);
      if (v != 0) incref(v);
    }
    const c = dictNewDisplay();
    if (c == 0) {
      memFree(nk);
      return 0;
    }
    setRef(c + DICT_KEYS, nk);
    store<i64>(c + DICT_USED, dictUsed(d));
    if (isTracked(d)) track(c);
    return c;
  }
  const c = dictNewDisplay();
  if (c == 0) return 0;
  const n = dkNentries(k);
  for (let ix = 0; ix < n; ix++) {
    const v = getRef(entryValueAddr(k, ix));
    if (v == 0) continue;
    if (!dictSetItemHash(c, entryKey(k, ix), entryHash(k, ix), v)) {
      decref(c);
      return 0;
    }
  }
  return c;
}

/** sys.getsizeof(d) without the GC head: 48 + the keys table when the dict owns it. */
export function dictSizeof(d: usize): usize {
  const k = dictKeys(d);
  let res: usize = <usize>tpBasicsize(typeOf(d));
  if (dictValues(d) != 0) res += <usize>sharedUsableSize(k) << 3;
  if (k != emptyKeys && load<i64>(k + DK_REFCNT) == 1) res += keysSize(k);
  return res;
}

// ── GC and deallocation support ───────────────────────────────────────────────────────────────
/** tp_traverse: values in order; general tables visit value then key. */
export function dictTraverse(d: usize, op: i32): void {
  const k = dictKeys(d);
  const n = dkNentries(k);
  const values = dictValues(d);
  if (values != 0) {
    for (let ix = 0; ix < n; ix++) visit(getRef(values + (<usize>ix << 3)), op);
  } else if (dkIsUnicode(k)) {
    for (let ix = 0; ix < n; ix++) visit(getRef(entryValueAddr(k, ix)), op);
  } else {
    for (let ix = 0; ix < n; ix++) {
      const e = entryAddr(k, ix);
      const v = getRef(e + 16);
      if (v != 0) {
        visit(v, op);
        visit(getRef(e + 8), op);
      }
    }
  }
}

/** _PyDict_MaybeUntrack's test: no key or value may be tracked. */
export function dictCanUntrack(d: usize): bool {
  const k = dictKeys(d);
  const n = dkNentries(k);
  const unicode = dkIsUnicode(k);
  for (let ix = 0; ix < n; ix++) {
    const v = getRef(valueAddr(d, k, ix));
    if (v == 0) continue;
    if (mayBeTracked(v)) return false;
    if (!unicode && mayBeTracked(entryKey(k, ix))) return false;
  }
  return true;
}

/** Dealloc order: entries in insertion order, key then value. Cursor = 2·entry + (0 key | 1 value). */
export function dictReleaseNext(d: usize, cur: usize): usize {
  const k = dictKeys(d);
  const n = dkNentries(k);
  let c = <i32>load<u32>(cur);
  const values = dictValues(d);
  if (values != 0) {
    // split: only the values (in slot order) belong to this dict
    while (c < n) {
      const v = getRef(values + (<usize>c << 3));
      c++;
      if (v != 0) {
        store<u32>(cur, c);
        return v;
      }
    }
    store<u32>(cur, c);
    return 0;
  }
  while (c < 2 * n) {
    const ix = c >> 1;
    const v = (c & 1) == 0 ? entryKey(k, ix) : getRef(entryValueAddr(k, ix));
    c++;
    if (v != 0) {
      store<u32>(cur, c);
      return v;
    }
  }
  store<u32>(cur, c);
  return 0;
}

/** After the entries are released: free the table, park the dict (exact dicts, 80) or free it. */
export function dictFinish(d: usize): void {
  const k = dictKeys(d);
  const values = dictValues(d);
  if (values != 0) {
    valuesFree(values);
    setRef(d + DICT_VALUES, 0);
    keysDecref(k);
  } else if (k != emptyKeys) {
    freeKeysMemory(k);
  }
  setRef(d + DICT_KEYS, 0);
  if (typeOf(d) == tDict && flPush(flDict, d, DICT_MAXFREELIST)) return;
  objFreeMemory(d);
}


// ── shared keys of classes (CPython's ht_cached_keys) ──────────────────────────────────────────
// A unicode keys object of 64 slots whose usable count starts at 30; instances of the class keep their
// attribute values in values arrays indexed like these keys. Not an object: owned by the type.

/** A new shared-keys table (0 on no memory). */
export function sharedKeysNew(): usize {
  const k = newKeys(<u8>SHARED_KEYS_LOG2, true);
  if (k == 0) return 0;
  store<i64>(k + DK_USABLE, SHARED_KEYS_MAX);
  return k;
}
@inline export function keysNentries(k: usize): i32 {
  return dkNentries(k);
}
@inline export function keysUsable(k: usize): i32 {
  return dkUsable(k);
}
export function keysSetUsable(k: usize, n: i32): void {
  store<i64>(k + DK_USABLE, n);
}
/** The name at entry ix of a unicode keys table (borrowed). */
export function keysNameAt(k: usize, ix: i32): usize {
  return entryKey(k, ix);
}

/** Index of the exact-str `name` in a unicode keys table, or -1. */
export function keysLookupStr(k: usize, name: usize): i32 {
  const hash = strHash(name);
  const mask = (<usize>1 << dkLog2(k)) - 1;
  let perturb = <u64>hash;
  let i = <usize>(<u64>hash) & mask;
  while (true) {
    const ix = getIndex(k, i);
    if (ix == DKIX_EMPTY) return -1;
    if (ix >= 0) {
      const e = entryKey(k, ix);
      if (e == name || (strHash(e) == hash && strEq(e, name))) return ix;
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + <usize>perturb + 1) & mask;
  }
  return -1;
}

/** insert_into_dictkeys: the index of `name`, adding it if the table has room (the table takes a
 *  reference); -1 when it is full. */
export function keysInsertStr(k: usize, name: usize): i32 {
  const found = keysLookupStr(k, name);
  if (found >= 0) return found;
  if (dkUsable(k) <= 0) return -1;
  const ix = dkNentries(k);
  setIndex(k, findEmptySlot(k, strHash(name)), ix);
  const e = entryAddr(k, ix);
  incref(name);
  setRef(e, name);
  setRef(e + 8, 0);
  store<i64>(k + DK_USABLE, dkUsable(k) - 1);
  store<i64>(k + DK_NENTRIES, ix + 1);
  return ix;
}

/** dict.popitem()'s first step: a split dict becomes combined, in a table the size of the shared keys'.
 *  false on no memory. */
export function dictCombine(d: usize): bool {
  if (dictValues(d) == 0) return true;
  if (dictResize(d, <u8>dkLog2(dictKeys(d)), true)) return true;
  setStatus(STATUS_NO_MEMORY);
  return false;
}

/** new_values: a values array of `size` NULL slots after a prefix of round8(size + 2) bytes (its last byte
 *  the prefix size); 0 on no memory. */
export function valuesAlloc(size: u32): usize {
  if (size > 250) {
    setStatus(STATUS_NO_MEMORY);
    return 0;
  }
  const prefix = (<usize>size + 2 + 7) & ~(<usize>7);
  const mem = memAlloc(prefix + (<usize>size << 3));
  if (mem == 0) return 0;
  zero8(mem, memBlockSize(mem));
  store<u8>(mem + prefix - 1, <u8>prefix);
  return mem + prefix;
}

/** make_dict_from_instance_attributes: a split dict (from the free list) over the shared keys `k` that
 *  takes the values array `values` (STOLEN) with `used` values set; tracked when a value may be. New
 *  reference or 0. */
export function dictNewSplit(k: usize, values: usize, used: i32): usize {
  const d = dictNewDisplay();
  if (d == 0) return 0;
  store<i64>(k + DK_REFCNT, load<i64>(k + DK_REFCNT) + 1);
  setRef(d + DICT_KEYS, k);
  setRef(d + DICT_VALUES, values);
  store<i64>(d + DICT_USED, used);
  const n = dkNentries(k);
  for (let ix = 0; ix < n; ix++) {
    const v = getRef(values + (<usize>ix << 3));
    if (v != 0 && mayBeTracked(v)) {
      track(d);
      break;
    }
  }
  return d;
}

/** Releases the names and frees a shared-keys table. */
export function sharedKeysFree(k: usize): void {
  const n = dkNentries(k);
  for (let ix = 0; ix < n; ix++) {
    const name = entryKey(k, ix);
    if (name != 0) decref(name);
  }
  memFree(k);
}
