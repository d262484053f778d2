// pymalloc, as CPython 3.11 builds it on 64-bit: 32 size classes of 16..512 bytes, 16 KiB pools with a
// 48-byte header, 1 MiB arenas. Start reading at pymallocAlloc / pymallocFree. Addresses handed out
// and the order in which freed blocks come back are the point of this file (id() reuse patterns).
//
// Pool header (48 bytes at the start of every 16 KiB pool):
//   +0  count         blocks in use
//   +8  freeblock     head of the LIFO list of free blocks (threaded through each block's first word)
//   +16 nextpool      usedpools list / arena freepools list
//   +24 prevpool
//   +32 arenaindex
//   +36 szidx         size class (0xffff: never used)
//   +40 nextoffset    first virgin byte
//   +44 maxnextoffset last offset where a whole block still fits
//
// Arena object (32 bytes, one per arena, in a permanent table):
//   +0 address (0 = unused object)  +4 pool_address (next virgin pool)  +8 nfreepools  +12 ntotalpools
//   +16 freepools  +20 nextarena  +24 prevarena  +28 region (memory kept for reuse after the arena is freed)
//
// Arenas cannot be unmapped in WASM: a freed arena's 1 MiB region is kept on a spare list and the next
// new arena takes it. The page map (one u16 per 64 KiB page) says which arena owns an address; it plays
// the part of CPython's radix tree.
import { POOL_SIZE, POOL_OVERHEAD, ARENA_SIZE, NB_SMALL_SIZE_CLASSES } from "../../abi/abi";
import { growPages, DEBUG } from "../common";
import { sysAlloc } from "./sys";

const P_COUNT: usize = 0;
export const P_FREEBLOCK: usize = 8;
const P_NEXTPOOL: usize = 16;
const P_PREVPOOL: usize = 24;
const P_ARENAINDEX: usize = 32;
export const P_SZIDX: usize = 36;
export const P_NEXTOFFSET: usize = 40;
const P_MAXNEXTOFFSET: usize = 44;
export const DUMMY_SIZE_IDX: u32 = 0xffff;

const AO_ADDRESS: usize = 0;
export const AO_POOL_ADDRESS: usize = 4;
const AO_NFREEPOOLS: usize = 8;
const AO_NTOTALPOOLS: usize = 12;
export const AO_FREEPOOLS: usize = 16;
const AO_NEXT: usize = 20;
const AO_PREV: usize = 24;
const AO_REGION: usize = 28;
const AO_SIZE: usize = 32;
export const MAX_ARENAS: u32 = 4096;
const POOLS_PER_ARENA: u32 = <u32>(ARENA_SIZE / POOL_SIZE);

let pageMap: usize = 0; // u16 per 64 KiB page: arena index + 1, 0 = not an arena
let arenaTable: usize = 0;
export let usedpools: usize = 0; // u32 per size class: first partially used pool or 0
export let usableArenas: usize = 0; // arena object pointer, sorted by nfreepools ascending
let unusedArenaObjects: usize = 0;
export let spareRegions: usize = 0; // stack of u32 region addresses
export let nSpareRegions: u32 = 0;
export let arenasAllocated: u32 = 0;
export let arenasHighWater: u32 = 0;

export function pymallocInit(): void {
  pageMap = sysAlloc(65536 * 2);
  arenaTable = sysAlloc(<usize>MAX_ARENAS * AO_SIZE);
  usedpools = sysAlloc(NB_SMALL_SIZE_CLASSES * 4);
  spareRegions = sysAlloc(<usize>MAX_ARENAS * 4);
  // all arena objects start on the unused list, in index order
  for (let i: u32 = 0; i < MAX_ARENAS; i++) {
    const ao = arenaTable + <usize>i * AO_SIZE;
    store<u32>(ao + AO_NEXT, i + 1 < MAX_ARENAS ? <u32>(ao + AO_SIZE) : 0);
  }
  unusedArenaObjects = arenaTable;
}

@inline export function sizeClassOf(n: usize): u32 {
  return <u32>((n - 1) >> 4);
}
@inline export function classSize(c: u32): u32 {
  return (c + 1) << 4;
}
@inline function poolOf(p: usize): usize {
  return p & ~(<usize>POOL_SIZE - 1);
}

/** True if `p` lies in a pymalloc arena (CPython's address_in_range). */
@inline export function inArena(p: usize): bool {
  return load<u16>(pageMap + ((p >> 16) << 1)) != 0;
}

/** Size of the pymalloc block holding `p`. */
@inline export function pymallocBlockSize(p: usize): u32 {
  return classSize(load<u32>(poolOf(p) + P_SZIDX));
}

/** Takes a new arena object and its 1 MiB of memory; returns the arena object or 0. */
function newArena(): usize {
  if (unusedArenaObjects == 0) return 0;
  let region: usize = 0;
  if (nSpareRegions > 0) {
    nSpareRegions--;
    region = load<u32>(spareRegions + (<usize>nSpareRegions << 2));
  } else {
    region = growPages(<i32>(ARENA_SIZE >> 16));
    if (region == 0) return 0;
  }
  const ao = unusedArenaObjects;
  unusedArenaObjects = load<u32>(ao + AO_NEXT);
  const index = <u32>((ao - arenaTable) / AO_SIZE);
  store<u32>(ao + AO_ADDRESS, <u32>region);
  store<u32>(ao + AO_POOL_ADDRESS, <u32>region);
  store<u32>(ao + AO_NFREEPOOLS, POOLS_PER_ARENA);
  store<u32>(ao + AO_NTOTALPOOLS, POOLS_PER_ARENA);
  store<u32>(ao + AO_FREEPOOLS, 0);
  store<u32>(ao + AO_NEXT, 0);
  store<u32>(ao + AO_PREV, 0);
  store<u32>(ao + AO_REGION, <u32>region);
  for (let k: usize = 0; k < <usize>(ARENA_SIZE >> 16); k++) {
    store<u16>(pageMap + ((((region >> 16) + k)) << 1), <u16>(index + 1));
  }
  arenasAllocated++;
  if (arenasAllocated > arenasHighWater) arenasHighWater = arenasAllocated;
  return ao;
}

/** pymallocAlloc's common case inline: the first used pool of the class has a free block after the one
 *  it hands out (the same block, the same pool state as the full function); anything else goes there. */
@inline export function pymallocAllocFast(nbytes: usize): usize {
  const c = sizeClassOf(nbytes);
  const pool = <usize>load<u32>(usedpools + (<usize>c << 2));
  if (pool != 0) {
    const bp = <usize>load<u32>(pool + P_FREEBLOCK);
    const next = load<u32>(bp);
    if (next != 0) {
      store<u32>(pool + P_COUNT, load<u32>(pool + P_COUNT) + 1);
      store<u32>(pool + P_FREEBLOCK, next);
      return bp;
    }
    const nextoffset = load<u32>(pool + P_NEXTOFFSET);
    if (nextoffset <= load<u32>(pool + P_MAXNEXTOFFSET)) {
      // the free list ends here: carve the next virgin block as its new head
      store<u32>(pool + P_COUNT, load<u32>(pool + P_COUNT) + 1);
      const fb = pool + <usize>nextoffset;
      store<u32>(pool + P_FREEBLOCK, <u32>fb);
      store<u32>(pool + P_NEXTOFFSET, nextoffset + classSize(c));
      store<u32>(fb, 0);
      return bp;
    }
  }
  return pymallocAlloc(nbytes);
}

/** Allocates a block of 1..512 bytes; 0 if no memory. */
export function pymallocAlloc(nbytes: usize): usize {
  const c = sizeClassOf(nbytes);
  const size = <usize>classSize(c);
  const head = usedpools + (<usize>c << 2);
  let pool = <usize>load<u32>(head);
  if (pool != 0) {
    // the first partially used pool of the class: pop its LIFO free list
    store<u32>(pool + P_COUNT, load<u32>(pool + P_COUNT) + 1);
    const bp = <usize>load<u32>(pool + P_FREEBLOCK);
    const next = load<u32>(bp);
    store<u32>(pool + P_FREEBLOCK, next);
    if (next == 0) {
      const nextoffset = load<u32>(pool + P_NEXTOFFSET);
      if (nextoffset <= load<u32>(pool + P_MAXNEXTOFFSET)) {
        // carve the next virgin block
        const fb = pool + nextoffset;
        store<u32>(pool + P_FREEBLOCK, <u32>fb);
        store<u32>(pool + P_NEXTOFFSET, nextoffset + <u32>size);
        store<u32>(fb, 0);
      } else {
        // the pool is full: unlink it from usedpools
        const np = load<u32>(pool + P_NEXTPOOL);
        store<u32>(head, np);
        if (np != 0) store<u32>(<usize>np + P_PREVPOOL, 0);
      }
    }
    return bp;
  }
  // no partially used pool: take an empty one from the most used arena
  if (usableArenas == 0) {
    usableArenas = newArena();
    if (usableArenas == 0) return 0;
  }
  const ao = usableArenas;
  const freepools = <usize>load<u32>(ao + AO_FREEPOOLS);
  if (freepools != 0) {
    pool = freepools;
    store<u32>(ao + AO_FREEPOOLS, load<u32>(pool + P_NEXTPOOL));
  } else {
    pool = <usize>load<u32>(ao + AO_POOL_ADDRESS);
    store<u32>(ao + AO_POOL_ADDRESS, <u32>(pool + POOL_SIZE));
    store<u32>(pool + P_ARENAINDEX, <u32>((ao - arenaTable) / AO_SIZE));
    store<u32>(pool + P_SZIDX, DUMMY_SIZE_IDX);
  }
  const nf = load<u32>(ao + AO_NFREEPOOLS) - 1;
  store<u32>(ao + AO_NFREEPOOLS, nf);
  if (nf == 0) {
    // the arena is exhausted: drop it from usable_arenas (it is the head)
    usableArenas = <usize>load<u32>(ao + AO_NEXT);
    if (usableArenas != 0) store<u32>(usableArenas + AO_PREV, 0);
    store<u32>(ao + AO_NEXT, 0);
  }
  // the pool becomes the only member of usedpools[c]
  store<u32>(pool + P_NEXTPOOL, 0);
  store<u32>(pool + P_PREVPOOL, 0);
  store<u32>(head, <u32>pool);
  store<u32>(pool + P_COUNT, 1);
  if (load<u32>(pool + P_SZIDX) == c) {
    // an emptied pool of the same class: its free chain is intact
    const bp = <usize>load<u32>(pool + P_FREEBLOCK);
    store<u32>(pool + P_FREEBLOCK, load<u32>(bp));
    if (load<u32>(bp) == 0) {
      const nextoffset = load<u32>(pool + P_NEXTOFFSET);
      if (nextoffset <= load<u32>(pool + P_MAXNEXTOFFSET)) {
        const fb = pool + nextoffset;
        store<u32>(pool + P_FREEBLOCK, <u32>fb);
        store<u32>(pool + P_NEXTOFFSET, nextoffset + <u32>size);
        store<u32>(fb, 0);
      }
    }
    return bp;
  }
  store<u32>(pool + P_SZIDX, c);
  const bp = pool + POOL_OVERHEAD;
  const fb = bp + size;
  store<u32>(pool + P_FREEBLOCK, <u32>fb);
  store<u32>(fb, 0);
  store<u32>(pool + P_NEXTOFFSET, <u32>(POOL_OVERHEAD + (size << 1)));
  store<u32>(pool + P_MAXNEXTOFFSET, <u32>(POOL_SIZE - size));
  return bp;
}

function unlinkUsable(ao: usize): void {
  const next = <usize>load<u32>(ao + AO_NEXT);
  const prev = <usize>load<u32>(ao + AO_PREV);
  if (prev != 0) store<u32>(prev + AO_NEXT, <u32>next);
  else usableArenas = next;
  if (next != 0) store<u32>(next + AO_PREV, <u32>prev);
  store<u32>(ao + AO_NEXT, 0);
  store<u32>(ao + AO_PREV, 0);
}

/** Inserts `ao` into usable_arenas after every arena with nfreepools <= its own (keeps the sort). */
function insertUsableSorted(ao: usize): void {
  const nf = load<u32>(ao + AO_NFREEPOOLS);
  let prev: usize = 0;
  let cur = usableArenas;
  while (cur != 0 && load<u32>(cur + AO_NFREEPOOLS) <= nf) {
    prev = cur;
    cur = <usize>load<u32>(cur + AO_NEXT);
  }
  store<u32>(ao + AO_PREV, <u32>prev);
  store<u32>(ao + AO_NEXT, <u32>cur);
  if (prev != 0) store<u32>(prev + AO_NEXT, <u32>ao);
  else usableArenas = ao;
  if (cur != 0) store<u32>(cur + AO_PREV, <u32>ao);
}

/** pymallocFree's common case inline: the pool was not full and keeps other blocks in use (push the block
 *  on its free list, one fewer in use); anything else goes to the full function. */
@inline export function pymallocFreeFast(p: usize): void {
  const pool = poolOf(p);
  const lastfree = load<u32>(pool + P_FREEBLOCK);
  const count = load<u32>(pool + P_COUNT);
  if (lastfree != 0 && count > 1) {
    store<u32>(p, lastfree);
    store<u32>(pool + P_FREEBLOCK, <u32>p);
    store<u32>(pool + P_COUNT, count - 1);
    return;
  }
  pymallocFree(p);
}

/** Frees a block obtained from pymallocAlloc. */
export function pymallocFree(p: usize): void {
  const pool = poolOf(p);
  const lastfree = load<u32>(pool + P_FREEBLOCK);
  store<u32>(p, lastfree);
  store<u32>(pool + P_FREEBLOCK, <u32>p);
  const count = load<u32>(pool + P_COUNT) - 1;
  store<u32>(pool + P_COUNT, count);
  const c = load<u32>(pool + P_SZIDX);
  const head = usedpools + (<usize>c << 2);
  if (lastfree == 0) {
    // the pool was full: link it at the front of usedpools[c]
    const first = load<u32>(head);
    store<u32>(pool + P_NEXTPOOL, first);
    store<u32>(pool + P_PREVPOOL, 0);
    if (first != 0) store<u32>(<usize>first + P_PREVPOOL, <u32>pool);
    store<u32>(head, <u32>pool);
    return;
  }
  if (count != 0) return;
  // the pool is empty: unlink it from usedpools, put it on its arena's freepools
  const np = load<u32>(pool + P_NEXTPOOL);
  const pp = load<u32>(pool + P_PREVPOOL);
  if (pp != 0) store<u32>(<usize>pp + P_NEXTPOOL, np);
  else store<u32>(head, np);
  if (np != 0) store<u32>(<usize>np + P_PREVPOOL, pp);
  const ao = arenaTable + <usize>load<u32>(pool + P_ARENAINDEX) * AO_SIZE;
  store<u32>(pool + P_NEXTPOOL, load<u32>(ao + AO_FREEPOOLS));
  store<u32>(ao + AO_FREEPOOLS, <u32>pool);
  const nf = load<u32>(ao + AO_NFREEPOOLS) + 1;
  store<u32>(ao + AO_NFREEPOOLS, nf);
  if (nf == load<u32>(ao + AO_NTOTALPOOLS) && load<u32>(ao + AO_NEXT) != 0) {
    // wholly free and not the last usable arena: release it (keep its region for the next arena)
    unlinkUsable(ao);
    const region = <usize>load<u32>(ao + AO_REGION);
    for (let k: usize = 0; k < <usize>(ARENA_SIZE >> 16); k++) {
      store<u16>(pageMap + (((region >> 16) + k) << 1), 0);
    }
    store<u32>(spareRegions + (<usize>nSpareRegions << 2), <u32>region);
    nSpareRegions++;
    store<u32>(ao + AO_ADDRESS, 0);
    store<u32>(ao + AO_NEXT, <u32>unusedArenaObjects);
    unusedArenaObjects = ao;
    arenasAllocated--;
    return;
  }
  if (nf == 1) {
    // the arena was exhausted (in no list): it becomes the head of usable_arenas
    store<u32>(ao + AO_PREV, 0);
    store<u32>(ao + AO_NEXT, <u32>usableArenas);
    if (usableArenas != 0) store<u32>(usableArenas + AO_PREV, <u32>ao);
    usableArenas = ao;
    return;
  }
  // keep usable_arenas sorted: move the arena right, after the last arena with the same count
  const next = <usize>load<u32>(ao + AO_NEXT);
  if (next == 0 || load<u32>(next + AO_NFREEPOOLS) >= nf) return;
  unlinkUsable(ao);
  insertUsableSorted(ao);
}

// ── inspection ────────────────────────────────────────────────────────────────────────────────

/** The used pymalloc blocks of all arenas: their number, or (bytes) their bytes, each its class size. */
function usedBlocks(bytes: bool): usize {
  let n: usize = 0;
  for (let i: u32 = 0; i < MAX_ARENAS; i++) {
    const ao = arenaTable + <usize>i * AO_SIZE;
    if (load<u32>(ao + AO_ADDRESS) == 0) continue;
    const start = <usize>load<u32>(ao + AO_ADDRESS);
    const end = <usize>load<u32>(ao + AO_POOL_ADDRESS);
    for (let pool = start; pool < end; pool += POOL_SIZE) {
      const count = <usize>load<u32>(pool + P_COUNT);
      if (count == 0) continue;
      n += bytes ? count * <usize>classSize(load<u32>(pool + P_SZIDX)) : count;
    }
  }
  return n;
}

/** Number of pymalloc blocks in use (all arenas). */
export function pymallocBlocksInUse(): u32 {
  return <u32>usedBlocks(false);
}

/** Bytes of all used pymalloc blocks (what the bytes-in-use count holds for them). */
export function pymallocUsedBytes(): usize {
  return usedBlocks(true);
}

/** Arena index + 1 of the page holding p, or 0. */
export function arenaIndexOf(p: usize): u32 {
  return load<u16>(pageMap + ((p >> 16) << 1));
}

/** Checks the free chains of every pool: every free block is inside its pool, aligned to the class
 *  size, not in the virgin area, and count + free + virgin = capacity. Returns 0 or an error code. */
export function pymallocCheck(): i32 {
  for (let i: u32 = 0; i < MAX_ARENAS; i++) {
    const ao = arenaTable + <usize>i * AO_SIZE;
    if (load<u32>(ao + AO_ADDRESS) == 0) continue;
    const start = <usize>load<u32>(ao + AO_ADDRESS);
    const end = <usize>load<u32>(ao + AO_POOL_ADDRESS);
    for (let pool = start; pool < end; pool += POOL_SIZE) {
      const c = load<u32>(pool + P_SZIDX);
      if (c == DUMMY_SIZE_IDX) continue;
      const count = load<u32>(pool + P_COUNT);
      if (count == 0) continue; // an empty pool's chain is not read until it is reused for class c
      const size = classSize(c);
      const nextoffset = load<u32>(pool + P_NEXTOFFSET);
      let nfree: u32 = 0;
      let b = <usize>load<u32>(pool + P_FREEBLOCK);
      while (b != 0) {
        if (b < pool + POOL_OVERHEAD || b >= pool + POOL_SIZE) return 1;
        if ((<u32>(b - pool - POOL_OVERHEAD)) % size != 0) return 2;
        if (<u32>(b - pool) >= nextoffset + size) return 3;
        nfree++;
        if (nfree > 1024) return 4;
        b = <usize>load<u32>(b);
      }
      const carved = (min(nextoffset, POOL_SIZE) - POOL_OVERHEAD) / size;
      if (count + nfree != carved) return 5;
    }
  }
  return 0;
}

