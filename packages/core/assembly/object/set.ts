// set / frozenset: PySetObject (200 bytes) with an inline 8-entry small table; entries are (key, hash)
// pairs of 16 bytes. Open addressing with runs of up to 9 linear probes, then perturbation; deleted
// entries hold a dummy key with hash −1. A set grows when fill·5 ≥ mask·3 to the smallest power of two
// greater than 4·used (2·used above 50 000). Start reading at setAddEntry; the set algebra of
// CPython's setobject.c (set_merge, set_intersection, set_difference, symmetric difference and their
// in-place forms) follows at setMerge: each one resizes, iterates and picks the kept key as CPython does,
// so table sizes, iteration order, pop() order and which of two equal keys survives all match.
import {
  SET_FILL, SET_USED, SET_MASK, SET_TABLE, SET_HASH, SET_FINGER, SET_SMALLTABLE, SET_BASICSIZE,
  STATUS_NO_MEMORY, STATUS_NOT_FOUND,
} from "../../abi/abi";
import { setStatus, zero8 } from "../common";
import { memAlloc, memFree } from "../mem/alloc";
import { scratchPush, scratchPop } from "../mem/sys";
import { objAlloc, objFreeMemory, staticAlloc } from "./alloc";
import { getRef, setRef, incref, typeOf, tpBasicsize } from "./header";
import { tSet, tFrozenset, tStr, tObject, tDict } from "./types";
import { strEq } from "./str";
import { objHash, objEq, HASH_ERROR } from "./hash";
import { track } from "../gc/lists";
import { dictUsed, dictNext, dictEntryKey, dictEntryHash, dictContainsHash } from "./dict";
import { decref } from "../refcount";
import { visit } from "../gc/traverse";

const MINSIZE: i32 = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u64 = 5;
let dummy: usize = 0;

export function setInit(): void {
  dummy = staticAlloc(16);
  store<i32>(dummy, 999999999);
  store<u64>(dummy + 8, <u64>tObject);
}

@inline function table(s: usize): usize {
  return getRef(s + SET_TABLE);
}
@inline function mask(s: usize): usize {
  return <usize>load<u32>(s + SET_MASK);
}
@inline export function setUsed(s: usize): i32 {
  return load<i32>(s + SET_USED);
}
@inline function fill(s: usize): i32 {
  return load<i32>(s + SET_FILL);
}
@inline function eKey(e: usize): usize {
  return getRef(e);
}
@inline function eHash(e: usize): i64 {
  return load<i64>(e + 8);
}
@inline function setEntry(e: usize, key: usize, hash: i64): void {
  setRef(e, key);
  store<i64>(e + 8, hash);
}

/** Makes a freshly allocated set (or subclass instance) empty. */
export function setInitEmpty(s: usize): void {
  emptyToMinsize(s);
  store<i64>(s + SET_FINGER, 0);
}

function emptyToMinsize(s: usize): void {
  zero8(s + SET_SMALLTABLE, <usize>MINSIZE * 16);
  store<i64>(s + SET_FILL, 0);
  store<i64>(s + SET_USED, 0);
  store<i64>(s + SET_MASK, MINSIZE - 1);
  setRef(s + SET_TABLE, s + SET_SMALLTABLE);
  store<i64>(s + SET_HASH, -1);
}

/** set() / frozenset(): tp_alloc (counted, tracked). New reference or 0. */
export function setNew(frozen: bool): usize {
  const s = objAlloc(frozen ? tFrozenset : tSet, SET_BASICSIZE);
  if (s == 0) return 0;
  emptyToMinsize(s);
  store<i64>(s + SET_FINGER, 0);
  track(s);
  return s;
}

function insertClean(tab: usize, m: usize, key: usize, hash: i64): void {
  let perturb = <u64>hash;
  let i = <usize>(<u64>hash) & m;
  while (true) {
    let e = tab + (i << 4);
    if (eKey(e) == 0) {
      setEntry(e, key, hash);
      return;
    }
    if (i + LINEAR_PROBES <= m) {
      for (let j: usize = 0; j < LINEAR_PROBES; j++) {
        e += 16;
        if (eKey(e) == 0) {
          setEntry(e, key, hash);
          return;
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + <usize>perturb) & m;
  }
}

/** set_table_resize: the smallest power of two greater than minused (≥ 8). */
function tableResize(s: usize, minused: i32): bool {
  let newsize: i32 = MINSIZE;
  while (newsize <= minused) newsize <<= 1;
  let old = table(s);
  const oldMask = mask(s);
  const oldMalloced = old != s + SET_SMALLTABLE;
  let copy: usize = 0;
  let nt: usize;
  if (newsize == MINSIZE) {
    nt = s + SET_SMALLTABLE;
    if (nt == old) {
      if (fill(s) == setUsed(s)) return true;
      copy = scratchPush(<usize>MINSIZE * 16);
      if (copy == 0) return false;
      memory.copy(copy, old, <usize>MINSIZE * 16);
      old = copy;
    }
  } else {
    nt = memAlloc(<usize>newsize * 16);
    if (nt == 0) {
      setStatus(STATUS_NO_MEMORY);
      return false;
    }
  }
  memory.fill(nt, 0, <usize>newsize * 16);
  store<i64>(s + SET_MASK, newsize - 1);
  setRef(s + SET_TABLE, nt);
  const m = <usize>(newsize - 1);
  const noDummies = fill(s) == setUsed(s);
  if (!noDummies) store<i64>(s + SET_FILL, setUsed(s));
  for (let e = old; e <= old + (oldMask << 4); e += 16) {
    const k = eKey(e);
    if (k != 0 && k != dummy) insertClean(nt, m, k, eHash(e));
  }
  if (copy != 0) scratchPop(<usize>MINSIZE * 16);
  if (oldMalloced) memFree(old);
  return true;
}

const RESTART: usize = 1;

/** set_add_entry: key borrowed. false with a status on failure (__eq__ raised / no memory). */
export function setAddEntry(s: usize, key: usize, hash: i64): bool {
  incref(key);
  while (true) {
    const r = addOnce(s, key, hash);
    if (r != 2) return r == 0;
  }
  return false;
}

/** One probe run of set_add_entry: 0 done, 1 failed, 2 the table changed under __eq__ (restart). */
function addOnce(s: usize, key: usize, hash: i64): i32 {
  let m = mask(s);
  let i = <usize>(<u64>hash) & m;
  let perturb = <u64>hash;
  let freeslot: usize = 0;
  while (true) {
    let e = table(s) + (i << 4);
    let probes = i + LINEAR_PROBES <= m ? LINEAR_PROBES : 0;
    while (true) {
      const k = eKey(e);
      const h = eHash(e);
      if (h == 0 && k == 0) {
        if (freeslot != 0) {
          store<i64>(s + SET_USED, setUsed(s) + 1);
          setEntry(freeslot, key, hash);
          return 0;
        }
        store<i64>(s + SET_FILL, fill(s) + 1);
        store<i64>(s + SET_USED, setUsed(s) + 1);
        setEntry(e, key, hash);
        if (<usize>fill(s) * 5 < m * 3) return 0;
        return tableResize(s, setUsed(s) > 50000 ? setUsed(s) * 2 : setUsed(s) * 4) ? 0 : 1;
      }
      if (h == hash) {
        if (k == key) {
          decref(key);
          return 0;
        }
        if (typeOf(k) == tStr && typeOf(key) == tStr) {
          if (strEq(k, key)) {
            decref(key);
            return 0;
          }
        } else {
          const tab = table(s);
          incref(k);
          const cmp = objEq(k, key);
          decref(k);
          if (cmp > 0) {
            decref(key);
            return 0;
          }
          if (cmp < 0) {
            decref(key);
            return 1;
          }
          if (tab != table(s) || eKey(e) != k) return 2;
          m = mask(s);
        }
      } else if (h == -1) {
        // NOTE: CPython 3.11 keeps the last dummy met on the probe path (not the first) for the new key
        freeslot = e;
      }
      if (probes == 0) break;
      probes--;
      e += 16;
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + <usize>perturb) & m;
  }
  return 1;
}

/** set_lookkey: the entry for key (its key is 0 if absent), or 0 with STATUS_ERROR. */
function lookkey(s: usize, key: usize, hash: i64): usize {
  while (true) {
    const e = lookkeyOnce(s, key, hash);
    if (e != RESTART) return e;
  }
  return 0;
}

function lookkeyOnce(s: usize, key: usize, hash: i64): usize {
  let m = mask(s);
  let i = <usize>(<u64>hash) & m;
  let perturb = <u64>hash;
  while (true) {
    let e = table(s) + (i << 4);
    let probes = i + LINEAR_PROBES <= m ? LINEAR_PROBES : 0;
    while (true) {
      const k = eKey(e);
      const h = eHash(e);
      if (h == 0 && k == 0) return e;
      if (h == hash) {
        if (k == key) return e;
        if (typeOf(k) == tStr && typeOf(key) == tStr) {
          if (strEq(k, key)) return e;
        } else {
          const tab = table(s);
          incref(k);
          const cmp = objEq(k, key);
          decref(k);
          if (cmp < 0) return 0;
          if (tab != table(s) || eKey(e) != k) return RESTART;
          if (cmp > 0) return e;
          m = mask(s);
        }
      }
      if (probes == 0) break;
      probes--;
      e += 16;
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + <usize>perturb) & m;
  }
  return 0;
}

/** s.add(key). */
export function setAdd(s: usize, key: usize): bool {
  const h = objHash(key);
  if (h == HASH_ERROR) return false;
  return setAddEntry(s, key, h);
}

/** key in s: 1, 0, or -1 (error). */
export function setContains(s: usize, key: usize): i32 {
  const h = objHash(key);
  if (h == HASH_ERROR) return -1;
  const e = lookkey(s, key, h);
  if (e == 0) return -1;
  return eKey(e) != 0 ? 1 : 0;
}

/** s.discard(key): 1 removed, 0 absent, -1 error. */
export function setDiscard(s: usize, key: usize): i32 {
  const h = objHash(key);
  if (h == HASH_ERROR) return -1;
  return discardEntry(s, key, h);
}

/** s.pop(): new reference, or 0 with STATUS_NOT_FOUND when empty. */
export function setPop(s: usize): usize {
  if (setUsed(s) == 0) {
    setStatus(STATUS_NOT_FOUND);
    return 0;
  }
  const tab = table(s);
  const limit = tab + (mask(s) << 4);
  let e = tab + ((<usize>load<u32>(s + SET_FINGER) & mask(s)) << 4);
  while (eKey(e) == 0 || eKey(e) == dummy) {
    e += 16;
    if (e > limit) e = tab;
  }
  const key = eKey(e);
  setEntry(e, dummy, -1);
  store<i64>(s + SET_USED, setUsed(s) - 1);
  store<i64>(s + SET_FINGER, <i64>((e - tab) >> 4) + 1);
  return key;
}

/** Iteration: the first table index >= pos holding a key, or -1. */
export function setNext(s: usize, pos: i32): i32 {
  const tab = table(s);
  const m = <i32>mask(s);
  for (let i = pos; i <= m; i++) {
    const k = eKey(tab + (<usize>i << 4));
    if (k != 0 && k != dummy) return i;
  }
  return -1;
}
export function setKeyAt(s: usize, i: i32): usize {
  return eKey(table(s) + (<usize>i << 4));
}

/** s.clear() / tp_clear: back to the small table, then members released in table order. */
export function setClear(s: usize): void {
  let tab = table(s);
  const malloced = tab != s + SET_SMALLTABLE;
  let used = setUsed(s);
  const n = <usize>mask(s) + 1;
  let copy: usize = 0;
  if (!malloced) {
    if (fill(s) == 0) return;
    copy = scratchPush(<usize>MINSIZE * 16);
    if (copy == 0) return;
    memory.copy(copy, tab, <usize>MINSIZE * 16);
    tab = copy;
  }
  emptyToMinsize(s);
  for (let e = tab; used > 0 && e < tab + (n << 4); e += 16) {
    const k = eKey(e);
    if (k != 0 && k != dummy) {
      used--;
      decref(k);
    }
  }
  if (malloced) memFree(tab);
  if (copy != 0) scratchPop(<usize>MINSIZE * 16);
}

/** frozenset hash (CPython 3.11's algorithm). */
export function frozensetHash(s: usize): i64 {
  const cached = load<i64>(s + SET_HASH);
  if (cached != -1) return cached;
  let h: u64 = 0;
  const tab = table(s);
  const m = mask(s);
  for (let e = tab; e <= tab + (m << 4); e += 16) h ^= shuffle(<u64>eHash(e));
  if (((<u64>m + 1 - <u64>fill(s)) & 1) != 0) h ^= shuffle(0);
  if (((<u64>fill(s) - <u64>setUsed(s)) & 1) != 0) h ^= shuffle(<u64>-1);
  h ^= (<u64>setUsed(s) + 1) * 1927868237;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069 + 907133923;
  if (h == <u64>-1) h = 590923713;
  store<i64>(s + SET_HASH, <i64>h);
  return <i64>h;
}
@inline function shuffle(h: u64): u64 {
  return ((h ^ 89869747) ^ (h << 16)) * 3644798167;
}

export function setSizeof(s: usize): usize {
  let res: usize = <usize>tpBasicsize(typeOf(s));
  if (table(s) != s + SET_SMALLTABLE) res += (<usize>mask(s) + 1) << 4;
  return res;
}

export function setTraverse(s: usize, op: i32): void {
  const tab = table(s);
  const m = mask(s);
  for (let e = tab; e <= tab + (m << 4); e += 16) {
    const k = eKey(e);
    if (k != 0 && k != dummy) visit(k, op);
  }
}

/** Dealloc order: table order. Cursor = table index. */
export function setReleaseNext(s: usize, cur: usize): usize {
  const tab = table(s);
  const m = <u32>mask(s);
  let i = load<u32>(cur);
  while (i <= m) {
    const k = eKey(tab + (<usize>i << 4));
    i++;
    if (k != 0 && k != dummy) {
      store<u32>(cur, i);
      return k;
    }
  }
  store<u32>(cur, i);
  return 0;
}

export function setFinish(s: usize): void {
  const tab = table(s);
  if (tab != s + SET_SMALLTABLE) memFree(tab);
  objFreeMemory(s);
}

// ── set algebra ─────────────────────────────────────────────────────────────────────────────────
// Each operand named `other` below is a set or frozenset (any subclass) unless it says dict, which
// means an exact dict. Functions returning bool give false with a status when an __eq__ raised or
// memory ran out; those returning a set give a NEW reference or 0.

/** discard with a known hash (set_discard_entry): 1 removed, 0 absent, -1 error. */
function discardEntry(s: usize, key: usize, hash: i64): i32 {
  const e = lookkey(s, key, hash);
  if (e == 0) return -1;
  const old = eKey(e);
  if (old == 0) return 0;
  setEntry(e, dummy, -1);
  store<i64>(s + SET_USED, setUsed(s) - 1);
  decref(old);
  return 1;
}

/** set_contains_entry: 1, 0, or -1 (error). */
function containsEntry(s: usize, key: usize, hash: i64): i32 {
  const e = lookkey(s, key, hash);
  if (e == 0) return -1;
  return eKey(e) != 0 ? 1 : 0;
}

/** set_merge: every member of `other` into `so`, with one resize up front when fill plus other's size
 *  reaches 3/5 of the mask (to twice the combined size); an empty `so` takes the members with no
 *  comparison (slot for slot when both tables have the same size and `other` has no dummies). */
export function setMerge(so: usize, other: usize): bool {
  if (other == so || setUsed(other) == 0) return true;
  if ((<usize>fill(so) + <usize>setUsed(other)) * 5 >= mask(so) * 3) {
    if (!tableResize(so, (setUsed(so) + setUsed(other)) * 2)) return false;
  }
  const om = mask(other);
  const ot = table(other);
  if (fill(so) == 0 && mask(so) == om && fill(other) == setUsed(other)) {
    const st = table(so);
    for (let i: usize = 0; i <= om; i++) {
      const k = eKey(ot + (i << 4));
      if (k != 0) {
        incref(k);
        setEntry(st + (i << 4), k, eHash(ot + (i << 4)));
      }
    }
    store<i64>(so + SET_FILL, fill(other));
    store<i64>(so + SET_USED, setUsed(other));
    return true;
  }
  if (fill(so) == 0) {
    store<i64>(so + SET_FILL, setUsed(other));
    store<i64>(so + SET_USED, setUsed(other));
    const st = table(so);
    const m = mask(so);
    for (let i: usize = 0; i <= om; i++) {
      const k = eKey(ot + (i << 4));
      if (k != 0 && k != dummy) {
        incref(k);
        insertClean(st, m, k, eHash(ot + (i << 4)));
      }
    }
    return true;
  }
  // NOTE: an __eq__ may change `other`; like CPython the index runs against its current table and mask
  for (let i: usize = 0; i <= mask(other); i++) {
    const e = table(other) + (i << 4);
    const k = eKey(e);
    if (k != 0 && k != dummy) {
      if (!setAddEntry(so, k, eHash(e))) return false;
    }
  }
  return true;
}

/** set_update_internal's dict branch: one resize for the dict's size up front, then its keys with their
 *  stored hashes, in insertion order. */
export function setMergeDict(so: usize, d: usize): bool {
  const n = dictUsed(d);
  if ((<usize>fill(so) + <usize>n) * 5 >= mask(so) * 3) {
    if (!tableResize(so, (setUsed(so) + n) * 2)) return false;
  }
  for (let ix = dictNext(d, 0); ix >= 0; ix = dictNext(d, ix + 1)) {
    if (!setAddEntry(so, dictEntryKey(d, ix), dictEntryHash(d, ix))) return false;
  }
  return true;
}

/** One key of a symmetric difference update: removed when present, added when absent. */
function xorKey(so: usize, k: usize, h: i64): bool {
  incref(k);
  const r = discardEntry(so, k, h);
  const ok = r >= 0 && (r == 1 || setAddEntry(so, k, h));
  decref(k);
  return ok;
}

/** set_symmetric_difference_update with a set or an exact dict (its keys in insertion order). No
 *  resize up front: each added key may grow the table as add() does. */
export function setXorUpdate(so: usize, other: usize): bool {
  if (other == so) {
    setClear(so);
    return true;
  }
  if (typeOf(other) == tDict) {
    for (let ix = dictNext(other, 0); ix >= 0; ix = dictNext(other, ix + 1)) {
      if (!xorKey(so, dictEntryKey(other, ix), dictEntryHash(other, ix))) return false;
    }
    return true;
  }
  incref(other);
  let ok = true;
  for (let i: usize = 0; ok && i <= mask(other); i++) {
    const e = table(other) + (i << 4);
    const k = eKey(e);
    if (k != 0 && k != dummy) ok = xorKey(so, k, eHash(e));
  }
  decref(other);
  return ok;
}

/** set_intersection of `so` and the set `other` into a new set (frozen or not): the smaller operand is
 *  iterated (`other` when the sizes are equal) and its keys are the ones kept. */
export function setIntersection(so: usize, other: usize, frozen: bool): usize {
  const result = setNew(frozen);
  if (result == 0) return 0;
  if (other == so) {
    if (setMerge(result, so)) return result;
    decref(result);
    return 0;
  }
  let a = so;
  let b = other;
  if (setUsed(b) > setUsed(a)) {
    a = other;
    b = so;
  }
  for (let i: usize = 0; i <= mask(b); i++) {
    const e = table(b) + (i << 4);
    const k = eKey(e);
    if (k == 0 || k == dummy) continue;
    const h = eHash(e);
    incref(k);
    const r = containsEntry(a, k, h);
    const ok = r >= 0 && (r == 0 || setAddEntry(result, k, h));
    decref(k);
    if (!ok) {
      decref(result);
      return 0;
    }
  }
  return result;
}

/** The intersection's step for a key from any iterable: hashed once, added to `result` when in `so`.
 *  1 added, 0 not in so, -1 error (key borrowed). */
export function setIntersectKey(result: usize, so: usize, key: usize): i32 {
  const h = objHash(key);
  if (h == HASH_ERROR) return -1;
  const r = containsEntry(so, key, h);
  if (r <= 0) return r;
  return setAddEntry(result, key, h) ? 1 : -1;
}

/** The end of set_difference_update: when more than a quarter of the table is dummies, it is rebuilt
 *  for the members left (4·used, 2·used above 50 000). */
export function setDropDummies(so: usize): bool {
  if (<usize>(fill(so) - setUsed(so)) <= mask(so) / 4) return true;
  return tableResize(so, setUsed(so) > 50000 ? setUsed(so) * 2 : setUsed(so) * 4);
}

/** set_difference_update_internal with a set: each member of `other` discarded from `so` (through the
 *  intersection first when `other` is more than 8 times larger), then setDropDummies. */
export function setDifferenceUpdate(so: usize, other: usize): bool {
  if (other == so) {
    setClear(so);
    return true;
  }
  let src = other;
  if ((setUsed(other) >> 3) > setUsed(so)) {
    src = setIntersection(so, other, typeOf(so) == tFrozenset);
    if (src == 0) return false;
  } else {
    incref(src);
  }
  let ok = true;
  for (let i: usize = 0; ok && i <= mask(src); i++) {
    const e = table(src) + (i << 4);
    const k = eKey(e);
    if (k != 0 && k != dummy) ok = discardEntry(so, k, eHash(e)) >= 0;
  }
  decref(src);
  return ok && setDropDummies(so);
}

/** set_difference's direct case (a set or exact dict `other`, `so` not four times larger): a new set of
 *  the members of `so` not in `other`, in `so`'s table order. */
export function setDifference(so: usize, other: usize, frozen: bool): usize {
  const result = setNew(frozen);
  if (result == 0) return 0;
  const isDict = typeOf(other) == tDict;
  for (let i: usize = 0; i <= mask(so); i++) {
    const e = table(so) + (i << 4);
    const k = eKey(e);
    if (k == 0 || k == dummy) continue;
    const h = eHash(e);
    incref(k);
    const r = isDict ? dictContainsHash(other, k, h) : containsEntry(other, k, h);
    const ok = r >= 0 && (r == 1 || setAddEntry(result, k, h));
    decref(k);
    if (!ok) {
      decref(result);
      return 0;
    }
  }
  return result;
}

/** set_swap_bodies: exchanges the tables, counts and cached hashes of two sets (small tables copied
 *  across), as intersection_update does with its result. */
export function setSwapBodies(a: usize, b: usize): void {
  const ta = table(a);
  const tb = table(b);
  const aSmall = ta == a + SET_SMALLTABLE;
  const bSmall = tb == b + SET_SMALLTABLE;
  const f = fill(a);
  const u = setUsed(a);
  const m = mask(a);
  const h = load<i64>(a + SET_HASH);
  store<i64>(a + SET_FILL, fill(b));
  store<i64>(a + SET_USED, setUsed(b));
  store<i64>(a + SET_MASK, mask(b));
  store<i64>(a + SET_HASH, load<i64>(b + SET_HASH));
  store<i64>(b + SET_FILL, f);
  store<i64>(b + SET_USED, u);
  store<i64>(b + SET_MASK, m);
  store<i64>(b + SET_HASH, h);
  const size = <usize>MINSIZE * 16;
  if (aSmall && bSmall) {
    for (let off: usize = 0; off < size; off += 8) {
      const x = load<u64>(a + SET_SMALLTABLE + off);
      store<u64>(a + SET_SMALLTABLE + off, load<u64>(b + SET_SMALLTABLE + off));
      store<u64>(b + SET_SMALLTABLE + off, x);
    }
    return;
  }
  if (aSmall) {
    memory.copy(b + SET_SMALLTABLE, a + SET_SMALLTABLE, size);
    setRef(b + SET_TABLE, b + SET_SMALLTABLE);
    setRef(a + SET_TABLE, tb);
    return;
  }
  if (bSmall) {
    memory.copy(a + SET_SMALLTABLE, b + SET_SMALLTABLE, size);
    setRef(a + SET_TABLE, a + SET_SMALLTABLE);
    setRef(b + SET_TABLE, ta);
    return;
  }
  setRef(a + SET_TABLE, tb);
  setRef(b + SET_TABLE, ta);
}
