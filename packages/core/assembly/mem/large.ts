// The allocator for requests above 512 bytes (CPython hands them to libc malloc). First fit over an
// address-ordered free list with coalescing of neighbours; memory comes in chunks of at least 1 MiB
// from memory.grow and is never returned. Relies on common.ts only.
//
// Block:  +0 size (bytes, header included, multiple of 16)  +4 magic (LARGE_USED / LARGE_FREE)
//         +8 next free block (free blocks only)              +16 payload (16-aligned)
import { growPages, align16 } from "../common";

const L_SIZE: usize = 0;
const L_MAGIC: usize = 4;
const L_NEXT: usize = 8;
export const LARGE_HEADER: usize = 16;
const LARGE_USED: u32 = 0x4c415247;
const LARGE_FREE: u32 = 0x46524545;
const MIN_SPLIT: usize = 64;
const CHUNK_PAGES: i32 = 16;

let freeList: usize = 0;
export let largeBlocksInUse: u32 = 0;
let chunkBytes: usize = 0; // all bytes taken from memory.grow (used blocks + free blocks)

function insertFree(b: usize): void {
  store<u32>(b + L_MAGIC, LARGE_FREE);
  let prev: usize = 0;
  let cur = freeList;
  while (cur != 0 && cur < b) {
    prev = cur;
    cur = <usize>load<u32>(cur + L_NEXT);
  }
  // merge with the following block
  if (cur != 0 && b + <usize>load<u32>(b + L_SIZE) == cur) {
    store<u32>(b + L_SIZE, load<u32>(b + L_SIZE) + load<u32>(cur + L_SIZE));
    cur = <usize>load<u32>(cur + L_NEXT);
  }
  store<u32>(b + L_NEXT, <u32>cur);
  if (prev != 0) {
    if (prev + <usize>load<u32>(prev + L_SIZE) == b) {
      // merge into the preceding block
      store<u32>(prev + L_SIZE, load<u32>(prev + L_SIZE) + load<u32>(b + L_SIZE));
      store<u32>(prev + L_NEXT, <u32>cur);
    } else {
      store<u32>(prev + L_NEXT, <u32>b);
    }
  } else {
    freeList = b;
  }
}

/** Takes the free block `cur` (the one after `prev` in the list, 0 for the head) off the list as the end of
 *  the run of `total` bytes from `start` that a block is being made of, keeping `need` of them: the rest
 *  stays a free block in cur's place when it is worth one. The bytes kept (need, or total). */
function takeFree(prev: usize, cur: usize, start: usize, total: usize, need: usize): usize {
  const next = <usize>load<u32>(cur + L_NEXT);
  if (total - need >= MIN_SPLIT) {
    const rest = start + need;
    store<u32>(rest + L_SIZE, <u32>(total - need));
    store<u32>(rest + L_MAGIC, LARGE_FREE);
    store<u32>(rest + L_NEXT, <u32>next);
    if (prev != 0) store<u32>(prev + L_NEXT, <u32>rest);
    else freeList = rest;
    return need;
  }
  if (prev != 0) store<u32>(prev + L_NEXT, <u32>next);
  else freeList = next;
  return total;
}

/** Allocates `n` bytes (payload 16-aligned); 0 if linear memory cannot grow. */
export function largeAlloc(n: usize): usize {
  const need = align16(n) + LARGE_HEADER;
  for (let attempt = 0; attempt < 2; attempt++) {
    let prev: usize = 0;
    let cur = freeList;
    while (cur != 0) {
      const size = <usize>load<u32>(cur + L_SIZE);
      if (size >= need) {
        store<u32>(cur + L_SIZE, <u32>takeFree(prev, cur, cur, size, need));
        store<u32>(cur + L_MAGIC, LARGE_USED);
        largeBlocksInUse++;
        return cur + LARGE_HEADER;
      }
      prev = cur;
      cur = <usize>load<u32>(cur + L_NEXT);
    }
    let pages = <i32>((need + 0xffff) >> 16);
    if (pages < CHUNK_PAGES) pages = CHUNK_PAGES;
    const region = growPages(pages);
    if (region == 0) return 0;
    chunkBytes += <usize>pages << 16;
    store<u32>(region + L_SIZE, <u32>(<usize>pages << 16));
    insertFree(region);
  }
  return 0;
}

/** Grows the used block whose payload is at p to hold `n` bytes without moving it, when the block right
 *  after it is free and large enough (libc realloc extends into a free neighbour the same way, so a string
 *  or item array growing at the end of the heap keeps its address). The rest of the neighbour stays free
 *  when it is worth a block of its own. The payload's new size, or 0 when it cannot grow in place. */
export function largeGrowInPlace(p: usize, n: usize): usize {
  const b = p - LARGE_HEADER;
  const size = <usize>load<u32>(b + L_SIZE);
  const need = align16(n) + LARGE_HEADER;
  if (need <= size) return size - LARGE_HEADER;
  const nb = b + size;
  // the free list is address-ordered: nb's predecessor is the last free block below it
  let prev: usize = 0;
  let cur = freeList;
  while (cur != 0 && cur < nb) {
    prev = cur;
    cur = <usize>load<u32>(cur + L_NEXT);
  }
  if (cur != nb) return 0;
  const total = size + <usize>load<u32>(nb + L_SIZE);
  if (total < need) return 0;
  const grown = takeFree(prev, nb, b, total, need);
  store<u32>(b + L_SIZE, <u32>grown);
  return grown - LARGE_HEADER;
}

/** Payload bytes of a large block (its request rounded up to 16). */
@inline export function largeSize(p: usize): u32 {
  return load<u32>(p - LARGE_HEADER + L_SIZE) - <u32>LARGE_HEADER;
}

@inline export function isLargeBlock(p: usize): bool {
  return load<u32>(p - LARGE_HEADER + L_MAGIC) == LARGE_USED;
}

export function largeFree(p: usize): void {
  largeBlocksInUse--;
  insertFree(p - LARGE_HEADER);
}

/** Checks the free list: address-ordered, no two adjacent blocks unmerged, magic intact. 0 = fine. */
export function largeCheck(): i32 {
  let cur = freeList;
  let prevEnd: usize = 0;
  let n = 0;
  while (cur != 0) {
    if (load<u32>(cur + L_MAGIC) != LARGE_FREE) return 11;
    if (cur < prevEnd) return 12;
    if (cur == prevEnd) return 13;
    prevEnd = cur + <usize>load<u32>(cur + L_SIZE);
    cur = <usize>load<u32>(cur + L_NEXT);
    if (++n > 10000000) return 14;
  }
  return 0;
}

/** Payload bytes of all used blocks (the sum of their largeSize): the chunks' bytes less the free blocks
 *  and the used blocks' headers. Walks the free list only; run after largeCheck (a sound list). */
export function largeUsedBytes(): usize {
  let free: usize = 0;
  let cur = freeList;
  while (cur != 0) {
    free += <usize>load<u32>(cur + L_SIZE);
    cur = <usize>load<u32>(cur + L_NEXT);
  }
  return chunkBytes - free - <usize>largeBlocksInUse * LARGE_HEADER;
}
