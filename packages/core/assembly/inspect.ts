// Inspection for front ends and tests: which addresses hold objects (a bitmap with one bit per 16
// bytes, kept only for 64 KiB pages that ever held an object), walking live objects, referents, and
// the invariant checker. Marking costs two loads and a store per allocation and free.
import { PREV_MASK_COLLECTING, PREV_MASK_FINALIZED } from "../abi/abi";
import { POOL_OVERHEAD, NB_SMALL_SIZE_CLASSES, NEXT_FROM_FREE_LIST, NEXT_FROM_BUMP, NEXT_FROM_NEW_POOL, NEXT_FROM_NEW_ARENA } from "../abi/abi";
import { sysAlloc } from "./mem/sys";
import {
  pymallocCheck, pymallocUsedBytes, classSize, usedpools, usableArenas, spareRegions, nSpareRegions, P_FREEBLOCK,
  P_SZIDX, P_NEXTOFFSET, AO_FREEPOOLS, AO_POOL_ADDRESS,
} from "./mem/pymalloc";
import { largeCheck, largeUsedBytes } from "./mem/large";
import { bytesInUse } from "./mem/alloc";
import { refcnt, typeOf, gcNext, gcPrev, gcFlags, gcObj, isGcType, gcHead, gcRefs, gcSetRefs } from "./object/header";
import { traverse, VISIT_COLLECT, setCollectBuffer, collectLen } from "./gc/traverse";
import { genHead, permanent, gcCollecting } from "./gc/lists";
import { isStatic, flNext } from "./object/alloc";
import { flFloat, flList, flDict, flTuple, TUPLE_NFREELISTS } from "./object/freelists";
import { deallocDepth } from "./refcount";

let pageBitmaps: usize = 0; // u32 per 64 KiB page: address of its 512-byte bitmap, or 0

export function inspectInit(): void {
  pageBitmaps = sysAlloc(65536 * 4);
}

/** The end of what sysAlloc has handed out so far. sysAlloc only moves it up, and nothing writes to the
 *  reserved region above it: the binding's reset restores only the pages below it. Reads state only. */
export function sysAllocTop(): usize {
  return sysAlloc(0);
}

/** Records that an object starts at o. */
export function objMark(o: usize): void {
  objMarkInline(o);
}
@inline export function objMarkInline(o: usize): void {
  const page = o >> 16;
  let bm = <usize>load<u32>(pageBitmaps + (page << 2));
  if (bm == 0) {
    bm = sysAlloc(512);
    store<u32>(pageBitmaps + (page << 2), <u32>bm);
  }
  const bit = (o & 0xffff) >> 4;
  const p = bm + (bit >> 3);
  store<u8>(p, load<u8>(p) | <u8>(1 << <u8>(bit & 7)));
}

export function objUnmark(o: usize): void {
  objUnmarkInline(o);
}
@inline export function objUnmarkInline(o: usize): void {
  const bm = <usize>load<u32>(pageBitmaps + ((o >> 16) << 2));
  if (bm == 0) return;
  const bit = (o & 0xffff) >> 4;
  const p = bm + (bit >> 3);
  store<u8>(p, load<u8>(p) & ~<u8>(1 << <u8>(bit & 7)));
}

export function objIsMarked(o: usize): bool {
  const bm = <usize>load<u32>(pageBitmaps + ((o >> 16) << 2));
  if (bm == 0) return false;
  const bit = (o & 0xffff) >> 4;
  return (load<u8>(bm + (bit >> 3)) & <u8>(1 << <u8>(bit & 7))) != 0;
}

/** Writes the addresses of live heap objects (refcount > 0), in address order, to buf (up to cap);
 *  returns how many there are. */
export function heapWalk(buf: usize, cap: u32): u32 {
  let n: u32 = 0;
  for (let page: usize = 0; page < 65536; page++) {
    const bm = <usize>load<u32>(pageBitmaps + (page << 2));
    if (bm == 0) continue;
    for (let w: usize = 0; w < 128; w++) {
      let bits = load<u32>(bm + (w << 2));
      while (bits != 0) {
        const b = <usize>ctz(bits);
        bits &= bits - 1;
        const o = (page << 16) + (((w << 5) + b) << 4);
        if (refcnt(o) > 0) {
          if (n < cap) store<u32>(buf + (<usize>n << 2), <u32>o);
          n++;
        }
      }
    }
  }
  return n;
}

/** The objects o references (tp_traverse order) into buf; returns how many. */
export function referents(o: usize, buf: usize, cap: u32): u32 {
  setCollectBuffer(buf, cap);
  traverse(o, VISIT_COLLECT);
  return collectLen;
}

// ── invariant checker ──────────────────────────────────────────────────────────────────────────
export let checkBadObject: usize = 0;

function checkFreelist(fl: usize, max: i32): i32 {
  let n = 0;
  let o = <usize>load<u32>(fl);
  while (o != 0) {
    if (refcnt(o) != 0) {
      checkBadObject = o;
      return 30;
    }
    n++;
    if (n > max) return 31;
    o = flNext(o);
  }
  if (n != load<i32>(fl, 4)) return 32;
  return 0;
}

function checkGeneration(h: usize): i32 {
  let prev = h;
  let n = gcNext(h);
  let guard = 0;
  while (n != h) {
    if (n == 0) return 40;
    if (gcPrev(n) != prev) {
      checkBadObject = gcObj(n);
      return 41;
    }
    const o = gcObj(n);
    if (!isGcType(typeOf(o))) {
      checkBadObject = o;
      return 42;
    }
    if (!gcCollecting && (gcFlags(n) & PREV_MASK_COLLECTING) != 0) {
      checkBadObject = o;
      return 43;
    }
    if (refcnt(o) <= 0) {
      checkBadObject = o;
      return 44;
    }
    prev = n;
    n = gcNext(n);
    if (++guard > 100000000) return 45;
  }
  if (gcPrev(h) != prev) return 46;
  return 0;
}

/** Checks the heap: allocator free chains, the bytes-in-use count against the used blocks (error 15),
 *  free lists, generation lists, and that no live object's refcount is below the references found to it
 *  from heap objects. Uses `work` (u32 × cap) as scratch (cap must exceed twice the number of live
 *  objects plus their references). 0 = all good; otherwise an error code, with checkBadObject set when
 *  one object is at fault. */
export function heapCheck(work: usize, cap: u32): i32 {
  checkBadObject = 0;
  let r = pymallocCheck();
  if (r != 0) return r;
  r = largeCheck();
  if (r != 0) return r;
  // the bytes-in-use count against the used blocks themselves (a walk of the pools and the large free list)
  if (pymallocUsedBytes() + largeUsedBytes() != bytesInUse) return 15;
  if (deallocDepth() != 0) return 20;
  r = checkFreelist(flFloat, 100);
  if (r != 0) return r;
  r = checkFreelist(flList, 80);
  if (r != 0) return r;
  r = checkFreelist(flDict, 80);
  if (r != 0) return r;
  for (let i = 1; i <= TUPLE_NFREELISTS; i++) {
    r = checkFreelist(flTuple(i), 2000);
    if (r != 0) return r;
  }
  for (let g = 0; g < 3; g++) {
    r = checkGeneration(genHead(g));
    if (r != 0) return r;
  }
  r = checkGeneration(permanent);
  if (r != 0) return r;
  // refcounts: an open-addressing table (address → incoming count) in the first 2/3 of `work`, the
  // object list after it
  const nObjects = heapWalk(0, 0);
  const tableSlots = nextPow2(nObjects * 2 + 16);
  if (<u64>tableSlots * 2 + <u64>nObjects + 4096 > <u64>cap) return 50;
  const table = work;
  memory.fill(table, 0, <usize>tableSlots * 8);
  const objs = work + <usize>tableSlots * 8;
  heapWalk(objs, nObjects);
  const childBuf = objs + <usize>nObjects * 4;
  const childCap: u32 = cap - tableSlots * 2 - nObjects;
  for (let i: u32 = 0; i < nObjects; i++) {
    const o = <usize>load<u32>(objs + (<usize>i << 2));
    const nc = referents(o, childBuf, childCap);
    if (nc > childCap) return 51;
    for (let j: u32 = 0; j < nc; j++) {
      const c = <usize>load<u32>(childBuf + (<usize>j << 2));
      if (isStatic(c)) continue;
      const slot = tableFind(table, tableSlots, c);
      store<u32>(slot + 4, load<u32>(slot + 4) + 1);
    }
  }
  for (let i: u32 = 0; i < tableSlots; i++) {
    const e = table + (<usize>i << 3);
    const c = <usize>load<u32>(e);
    if (c == 0) continue;
    if (!objIsMarked(c)) {
      checkBadObject = c;
      return 52; // a reference to something that is not an object
    }
    if (<u32>refcnt(c) < load<u32>(e + 4)) {
      checkBadObject = c;
      return 53;
    }
  }
  return 0;
}

function nextPow2(n: u32): u32 {
  let p: u32 = 1;
  while (p < n) p <<= 1;
  return p;
}

function tableFind(table: usize, slots: u32, key: usize): usize {
  let i = (<u32>key >> 4) * 2654435761 & (slots - 1);
  while (true) {
    const e = table + (<usize>i << 3);
    const k = <usize>load<u32>(e);
    if (k == key) return e;
    if (k == 0) {
      store<u32>(e, <u32>key);
      return e;
    }
    i = (i + 1) & (slots - 1);
  }
  return 0;
}


// ── snapshots ─────────────────────────────────────────────────────────────────────────────────
export const SNAP_TRACKED: u32 = 4;
export const SNAP_FINALIZED: u32 = 8;
export const SNAP_GC_TYPE: u32 = 16;

/** Writes one record per live heap object, in address order, to buf (u32 words, up to cap):
 *  [object, type, refcount, flags, nrefs, ref × nrefs] with flags bits 0-1 the generation (3 = frozen),
 *  SNAP_TRACKED, SNAP_FINALIZED, SNAP_GC_TYPE. Returns the number of words needed. Sizes are read
 *  separately (obj_sizeof, obj_block_size, obj_buffers_size). */
export function heapSnapshot(buf: usize, cap: u32): u32 {
  // note each tracked object's generation in its GC_REFS word (free outside collections)
  for (let g = 0; g < 4; g++) {
    const h = g < 3 ? genHead(g) : permanent;
    for (let n = gcNext(h); n != h; n = gcNext(n)) gcSetRefs(n, g + 1);
  }
  let w: u32 = 0;
  for (let page: usize = 0; page < 65536; page++) {
    const bm = <usize>load<u32>(pageBitmaps + (page << 2));
    if (bm == 0) continue;
    for (let word: usize = 0; word < 128; word++) {
      let bits = load<u32>(bm + (word << 2));
      while (bits != 0) {
        const b = <usize>ctz(bits);
        bits &= bits - 1;
        const o = (page << 16) + (((word << 5) + b) << 4);
        if (refcnt(o) <= 0) continue;
        const t = typeOf(o);
        let flags: u32 = 0;
        if (isGcType(t)) {
          flags |= SNAP_GC_TYPE;
          const g = gcHead(o);
          if (gcNext(g) != 0) {
            flags |= SNAP_TRACKED | <u32>(gcRefs(g) - 1);
          }
          if ((gcFlags(g) & PREV_MASK_FINALIZED) != 0) flags |= SNAP_FINALIZED;
        }
        const head = w;
        if (w + 5 <= cap) {
          store<u32>(buf + (<usize>w << 2), <u32>o);
          store<u32>(buf + (<usize>(w + 1) << 2), <u32>t);
          store<u32>(buf + (<usize>(w + 2) << 2), <u32>refcnt(o));
          store<u32>(buf + (<usize>(w + 3) << 2), flags);
        }
        w += 5;
        const room: u32 = w < cap ? cap - w : 0;
        const nrefs = referents(o, buf + (<usize>w << 2), room);
        if (head + 5 <= cap) store<u32>(buf + (<usize>(head + 4) << 2), nrefs);
        w += nrefs;
      }
    }
  }
  for (let g = 0; g < 4; g++) {
    const h = g < 3 ? genHead(g) : permanent;
    for (let n = gcNext(h); n != h; n = gcNext(n)) gcSetRefs(n, 0);
  }
  return w;
}


// ── where the next allocation goes ─────────────────────────────────────────────────────────────
/** The block pymallocAlloc would return now for size class c, with where it comes from (abi NEXT_FROM_*)
 *  in the low 4 bits. Reads the allocator's state only, mirroring pymallocAlloc's choices; O(1). */
export function nextBlock(c: u32): u32 {
  const size = <usize>classSize(c);
  const pool = <usize>load<u32>(usedpools + (<usize>c << 2));
  if (pool != 0) {
    // a pool on usedpools always has a free block: virgin blocks are carved onto the list one at a time
    const bp = <usize>load<u32>(pool + P_FREEBLOCK);
    const frontier = pool + <usize>load<u32>(pool + P_NEXTOFFSET) - size;
    const bump = bp == frontier && load<u32>(bp) == 0;
    return <u32>bp | (bump ? NEXT_FROM_BUMP : NEXT_FROM_FREE_LIST);
  }
  if (usableArenas == 0) {
    // newArena takes the most recently released region, else grows memory by the arena's size
    const region = nSpareRegions > 0
      ? <usize>load<u32>(spareRegions + (<usize>(nSpareRegions - 1) << 2))
      : <usize>memory.size() << 16;
    return <u32>(region + POOL_OVERHEAD) | NEXT_FROM_NEW_ARENA;
  }
  const freepools = <usize>load<u32>(usableArenas + AO_FREEPOOLS);
  const p = freepools != 0 ? freepools : <usize>load<u32>(usableArenas + AO_POOL_ADDRESS);
  // an emptied pool that served this class keeps its free chain; any other pool starts after its header
  if (freepools != 0 && load<u32>(p + P_SZIDX) == c) return load<u32>(p + P_FREEBLOCK) | NEXT_FROM_NEW_POOL;
  return <u32>(p + POOL_OVERHEAD) | NEXT_FROM_NEW_POOL;
}

/** Writes nextBlock(c) for every size class (NB_SMALL_SIZE_CLASSES u32 words) to buf; returns the
 *  number of words. */
export function nextBlocks(buf: usize): u32 {
  for (let c: u32 = 0; c < <u32>NB_SMALL_SIZE_CLASSES; c++) store<u32>(buf + (<usize>c << 2), nextBlock(c));
  return <u32>NB_SMALL_SIZE_CLASSES;
}

/** Writes (head object, length) of the core's type free lists to buf (u32 pairs), in the order of abi
 *  FREE_LIST_* (float, list, dict, tuples of length 1..TUPLE_NFREELISTS); returns the number of pairs.
 *  The head is the object the next creation through that list takes back (LIFO); 0 when it is empty. */
export function freeListHeads(buf: usize): u32 {
  store<u32>(buf, load<u32>(flFloat));
  store<u32>(buf + 4, load<u32>(flFloat, 4));
  store<u32>(buf + 8, load<u32>(flList));
  store<u32>(buf + 12, load<u32>(flList, 4));
  store<u32>(buf + 16, load<u32>(flDict));
  store<u32>(buf + 20, load<u32>(flDict, 4));
  let n: u32 = 3;
  for (let i = 1; i <= TUPLE_NFREELISTS; i++) {
    const fl = flTuple(i);
    store<u32>(buf + (<usize>n << 3), load<u32>(fl));
    store<u32>(buf + (<usize>n << 3) + 4, load<u32>(fl, 4));
    n++;
  }
  return n;
}
