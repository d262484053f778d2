// The allocation front door (CPython's PyObject_Malloc / PyMem_Malloc, which share pymalloc in 3.11):
// requests of 1..512 bytes go to pymalloc, larger ones to the large allocator. Enforces the heap limit
// (live block bytes) and records alloc/free byte counts. Returns 0 and sets STATUS_NO_MEMORY instead of
// trapping.
import { SMALL_REQUEST_THRESHOLD, STATUS_NO_MEMORY } from "../../abi/abi";
import { setStatus, copyDisjoint } from "../common";
import { pymallocAlloc, pymallocFree, pymallocAllocFast, pymallocFreeFast, inArena, pymallocBlockSize, classSize, sizeClassOf } from "./pymalloc";
import { largeAlloc, largeFree, largeSize, largeGrowInPlace } from "./large";

export let heapLimit: usize = 256 << 20;
export let bytesInUse: usize = 0;
export let peakBytesInUse: usize = 0;

/** The limit is capped at 3 GiB so that the core's own tables can always grow below wasm32's 4 GiB. */
export function setHeapLimit(limit: usize): void {
  heapLimit = limit > (<usize>3 << 30) ? <usize>3 << 30 : limit;
}

/** pymalloc serves 1..512 bytes; 0 bytes and larger requests go to the large allocator (libc in CPython). */
@inline function isSmall(n: usize): bool {
  return n - 1 < <usize>SMALL_REQUEST_THRESHOLD;
}

/** Bytes a request of n bytes occupies. */
@inline export function blockSizeFor(n: usize): usize {
  return isSmall(n) ? <usize>classSize(sizeClassOf(n)) : ((n + 15) & ~(<usize>15));
}

/** Allocates n bytes (not zeroed); 0 with STATUS_NO_MEMORY past the limit or when memory cannot grow. */
export function memAlloc(n: usize): usize {
  return memAllocInline(n);
}

/** memAlloc's body, inlined where objects are allocated (objAlloc). */
@inline export function memAllocInline(n: usize): usize {
  const bs = blockSizeFor(n);
  if (bytesInUse + bs > heapLimit) {
    setStatus(STATUS_NO_MEMORY);
    return 0;
  }
  // (a size-optimised build, shrinkLevel > 0, calls the functions instead of inlining their fast paths)
  const p = isSmall(n) ? (ASC_SHRINK_LEVEL > 0 ? pymallocAlloc(n) : pymallocAllocFast(n)) : largeAlloc(n);
  if (p == 0) {
    setStatus(STATUS_NO_MEMORY);
    return 0;
  }
  // a large request can get a whole free block a little bigger than asked (a rest too small to split):
  // count the block's real size, the one memFree takes off again
  bytesInUse += isSmall(n) ? bs : <usize>largeSize(p);
  if (bytesInUse > peakBytesInUse) peakBytesInUse = bytesInUse;
  return p;
}

/** Size of the block at p. */
export function memBlockSize(p: usize): usize {
  return inArena(p) ? <usize>pymallocBlockSize(p) : <usize>largeSize(p);
}

export function memFree(p: usize): void {
  memFreeInline(p);
}

/** memFree's body, inlined where objects are freed (objFreeMemory). */
@inline export function memFreeInline(p: usize): void {
  if (inArena(p)) {
    bytesInUse -= <usize>pymallocBlockSize(p);
    if (ASC_SHRINK_LEVEL > 0) pymallocFree(p);
    else pymallocFreeFast(p);
  } else {
    bytesInUse -= <usize>largeSize(p);
    largeFree(p);
  }
}

/** CPython's realloc rules: a pymalloc block shrinks in place unless it would lose more than a quarter;
 *  a large block stays with the large allocator whatever the new size. 0 on failure (p untouched). */
export function memRealloc(p: usize, n: usize): usize {
  if (p == 0) return memAlloc(n);
  let old: usize;
  if (inArena(p)) {
    old = <usize>pymallocBlockSize(p);
    if (n <= old) {
      if (n * 4 > old * 3) return p;
    }
    const q = memAlloc(n);
    if (q == 0) return 0;
    copyDisjoint(q, p, min(n, old));
    memFree(p);
    return q;
  }
  old = <usize>largeSize(p);
  if (n <= old && n * 2 > old) return p;
  if (n > old) {
    // into a free neighbour first (the bytes counted are the block's, as memFree will uncount them)
    const bs = (n + 15) & ~(<usize>15);
    if (bytesInUse + bs > heapLimit + old) {
      setStatus(STATUS_NO_MEMORY);
      return 0;
    }
    const grown = largeGrowInPlace(p, n);
    if (grown != 0) {
      bytesInUse += grown - old;
      if (bytesInUse > peakBytesInUse) peakBytesInUse = bytesInUse;
      return p;
    }
  }
  const bs = (n + 15) & ~(<usize>15);
  if (bytesInUse + bs > heapLimit + old) {
    setStatus(STATUS_NO_MEMORY);
    return 0;
  }
  const q = largeAlloc(n);
  if (q == 0) {
    setStatus(STATUS_NO_MEMORY);
    return 0;
  }
  bytesInUse += <usize>largeSize(q); // the block's real size, as in memAlloc
  if (bytesInUse > peakBytesInUse) peakBytesInUse = bytesInUse;
  memory.copy(q, p, min(n, old));
  memFree(p);
  return q;
}
