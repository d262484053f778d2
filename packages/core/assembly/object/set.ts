// set / frozenset: PySetObject (200 bytes) with an inline 8-entry small table; entries are (key, hash)
// pairs of 16 bytes. Open addressing with runs of up to 9 linear probes, then perturbation; deleted
// entries hold a dummy key with hash −1. A set grows when fill·5 ≥ mask·3 to the smallest power of two
// greater than 4·used (2·used above 50 000). Start reading at setAddEntry.
import {
  SET_FILL, SET_USED, SET_MASK, SET_TABLE, SET_HASH, SET_FINGER, SET_SMALLTABLE, SET_BASICSIZE,
  STATUS_NO_MEMORY, STATUS_NOT_FOUND,
} from "../../abi/abi";
import { setStatus } from "../common";
import { memAlloc, memFree } from "../mem/alloc";
import { scratchPush, scratchPop } from "../mem/sys";
import { objAlloc, objFreeMemory, staticAlloc } from "./alloc";
import { getRef, setRef, incref, typeOf, tpBasicsize } from "./header";
import { tSet, tFrozenset, tStr, tObject } from "./types";
import { strEq } from "./str";
import { objHash, objEq, HASH_ERROR } from "./hash";
import { track } from "../gc/lists";
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
  memory.fill(s + SET_SMALLTABLE, 0, <usize>MINSIZE * 16);
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
      } else if (h == -1 && freeslot == 0) {
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
  const e = lookkey(s, key, h);
  if (e == 0) return -1;
  const old = eKey(e);
  if (old == 0) return 0;
  setEntry(e, dummy, -1);
  store<i64>(s + SET_USED, setUsed(s) - 1);
  decref(old);
  return 1;
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
