// Object memory: allocation of heap objects (pre-headers + body) with the GC's allocation count and
// automatic collection, release of object memory, per-type free lists, and the static area where
// objects that live for the whole interpreter sit (ids ≡ 8 mod 16, as CPython's statically allocated
// objects).
import { TPF_HAVE_GC, TPF_HEAPTYPE, TP_FREELIST_HEAD, EV_ALLOC, EV_FREE, EV_PARK, EV_UNPARK, EV_FLAG_DURING_GC } from "../../abi/abi";
import { gcCollecting } from "../gc/lists";
import { memAlloc, memFree, memAllocInline, memFreeInline, memBlockSize } from "../mem/alloc";
import { sysAlloc } from "../mem/sys";
import { ev, evOn } from "../events";
import { tpFlags, setRefcnt, setType, incref, typeOf, preHeaderSize } from "./header";
import { gcAllocated, gcFreed } from "../gc/collect";
import { objMark, objUnmark, objMarkInline, objUnmarkInline } from "../inspect";

// ── static area ───────────────────────────────────────────────────────────────────────────────
const STATIC_CHUNK: usize = 256 << 10;
let staticTop: usize = 0;
let staticEnd: usize = 0;
export let staticLow: usize = 0xffffffff;
export let staticHigh: usize = 0;

/** Reserves a static object of `size` bytes with 32 zeroed bytes before it (room for any pre-header);
 *  the object address is ≡ 8 (mod 16). */
export function staticAlloc(size: usize): usize {
  const need = ((size + 32 + 8 + 15) & ~(<usize>15)) + 16;
  if (staticTop + need > staticEnd) {
    const chunk = need > STATIC_CHUNK ? need : STATIC_CHUNK;
    staticTop = sysAlloc(chunk);
    if (staticTop == 0) return 0;
    staticEnd = staticTop + chunk;
  }
  const o = staticTop + 32 + 8;
  staticTop += need;
  if (o < staticLow) staticLow = o;
  if (o + size > staticHigh) staticHigh = o + size;
  return o;
}

@inline export function isStatic(o: usize): bool {
  return (o & 15) == 8;
}

// ── heap objects ─────────────────────────────────────────────────────────────────────────────
/** Allocates an object of type t with `body` bytes after its pre-headers, zeroed, refcount 1, ob_type set
 *  (a heap type gets a reference). For GC types the GC count moves and a collection may run before the
 *  object is initialised. The object is not tracked. Returns 0 (STATUS_NO_MEMORY) on failure. */
export function objAlloc(t: usize, body: usize): usize {
  const flags = tpFlags(t);
  const pre = preHeaderSize(t);
  // inlined for speed; a size-optimised build (shrinkLevel > 0) calls the functions instead
  const block = ASC_SHRINK_LEVEL > 0 ? memAlloc(pre + body) : memAllocInline(pre + body);
  if (block == 0) return 0;
  zeroBlock(block, pre + body);
  const o = block + pre;
  if ((flags & TPF_HAVE_GC) != 0) gcAllocated();
  if (ASC_SHRINK_LEVEL > 0) objMark(o);
  else objMarkInline(o);
  setRefcnt(o, 1);
  setType(o, t);
  if ((flags & TPF_HEAPTYPE) != 0) incref(t);
  if (evOn) ev(EV_ALLOC, <u32>o, <u32>t, <u32>memBlockSize(block));
  return o;
}

/** Returns an object's memory to the allocator (counting the GC free). The caller has released its
 *  fields; the type reference of heap types is released by the caller after this. */
export function objFreeMemory(o: usize): void {
  const t = typeOf(o);
  releaseBlock(o, t, o - preHeaderSize(t), (tpFlags(t) & TPF_HAVE_GC) != 0);
}

/** objFreeMemory for an object of type t known to have no pre-header and not to be a GC type (an exact
 *  int): the same event and release without reading the type's flags. */
export function plainFreeMemory(o: usize, t: usize): void {
  releaseBlock(o, t, o, false);
}
/** plainFreeMemory inlined (the release build's int paths: no call per freed int). */
@inline export function plainFreeMemoryInline(o: usize, t: usize): void {
  releaseBlock(o, t, o, false);
}

/** The free event, the GC's count, the inspection mark and the block of o (which starts at `block`). */
@inline function releaseBlock(o: usize, t: usize, block: usize, gc: bool): void {
  if (evOn) ev(gcCollecting ? EV_FREE | EV_FLAG_DURING_GC : EV_FREE, <u32>o, <u32>t, <u32>memBlockSize(block));
  if (gc) gcFreed();
  if (ASC_SHRINK_LEVEL > 0) {
    objUnmark(o);
    memFree(block);
  } else {
    objUnmarkInline(o);
    memFreeInline(block);
  }
}

/** Zeroes the first n bytes of a fresh block: a small one word by word (up to n rounded up to 8, still
 *  inside the block, whose size is a multiple of 16), which is faster than a memory.fill call for the
 *  few dozen bytes of most objects. */
@inline function zeroBlock(p: usize, n: usize): void {
  if (ASC_SHRINK_LEVEL == 0 && n <= 256) {
    const end = p + ((n + 7) & ~(<usize>7));
    for (let q = p; q < end; q += 8) store<u64>(q, 0);
  } else {
    memory.fill(p, 0, n);
  }
}

/** Block size of a heap object (pre-headers included). */
export function objBlockSize(o: usize): usize {
  if (isStatic(o)) return 0;
  return memBlockSize(o - preHeaderSize(typeOf(o)));
}

// ── free lists ───────────────────────────────────────────────────────────────────────────────
// Parked objects keep their type and are linked through the high word of OB_TYPE.
// A free list is (head, length) in memory: types keep theirs in the type object (TP_FREELIST_*);
// the core's own lists (float, tuple by length, list, dict) live in a table with the same shape.

@inline export function flNext(o: usize): usize {
  return <usize>load<u32>(o, 12);
}

/** Pops a parked object from the free list at `fl` (head u32, len i32); 0 if empty. */
export function flPop(fl: usize): usize {
  const o = <usize>load<u32>(fl);
  if (o == 0) return 0;
  store<u32>(fl, load<u32>(o, 12));
  store<i32>(fl, load<i32>(fl, 4) - 1, 4);
  store<u32>(o, 0, 12);
  setRefcnt(o, 1);
  if (evOn) ev(EV_UNPARK, <u32>o, <u32>typeOf(o), 0);
  return o;
}

/** Parks o on the free list at `fl` if it holds fewer than `max`; returns false if full. */
export function flPush(fl: usize, o: usize, max: i32): bool {
  const len = load<i32>(fl, 4);
  if (len >= max) return false;
  store<u32>(o, load<u32>(fl), 12);
  store<u32>(fl, <u32>o);
  store<i32>(fl, len + 1, 4);
  setRefcnt(o, 0);
  if (evOn) ev(gcCollecting ? EV_PARK | EV_FLAG_DURING_GC : EV_PARK, <u32>o, <u32>typeOf(o), 0);
  return true;
}

/** Frees every object parked on the free list at `fl`. */
export function flClear(fl: usize): void {
  let o = <usize>load<u32>(fl);
  while (o != 0) {
    const next = <usize>load<u32>(o, 12);
    store<u32>(o, 0, 12);
    objFreeMemory(o);
    o = next;
  }
  store<u32>(fl, 0);
  store<i32>(fl, 0, 4);
}

@inline export function flLen(fl: usize): i32 {
  return load<i32>(fl, 4);
}

/** A type's own free list (registered types with TP_FREELIST_MAX > 0). */
@inline export function typeFreelist(t: usize): usize {
  return t + TP_FREELIST_HEAD;
}

