/**
 * The allocator panel's picture: the live objects of a step grouped by pymalloc size class, and within a
 * class by pool, with the block the next allocation of each class gets. CPython 3.11's small-object
 * allocator serves requests up to 512 bytes from 16 KiB pools (one size class per pool, a 48-byte pool
 * header on 64-bit builds) carved out of 1 MiB arenas; larger requests go to the system allocator. An
 * object's pool is its address rounded down to 16 KiB, and the trace's ids are addresses. Only objects are
 * in the trace: blocks that hold a list's item array or a dict's table take room in pools too but are not
 * drawn here. The next blocks and the type free lists come from the trace's `allocator` records (full on
 * keyframes, changes in between).
 */
import type { FreeListView, HeapObject, NextBlockView, Trace } from "@pyheap/python";
import type { HeapMap } from "./heap-at.js";

export const POOL_SIZE = 16384;
export const POOL_OVERHEAD = 48;
export const SMALL_REQUEST_THRESHOLD = 512;

export interface PoolView {
  /** Address of the pool (decimal string). */
  address: string;
  /** Blocks the pool can hold for its size class. */
  capacity: number;
  /** Serials of the drawn objects living in it, by block index. */
  blocks: { index: number; serial: number }[];
}

export interface SizeClassView {
  blockSize: number;
  /** pymalloc's size class index: blockSize / 16 − 1 (16-byte alignment). */
  index: number;
  pools: PoolView[];
  objects: number;
  /** The block the next allocation of this size gets (when the trace records it). */
  next?: NextBlockMark;
}

/** Where the next block of a class is, placed on the panel's pools. */
export interface NextBlockMark extends NextBlockView {
  /** The pool holding it (decimal) and its block index there. */
  pool: string;
  index: number;
  /** Index in the class's `pools` (a pool with no drawn object is added for it). */
  poolIndex: number;
}

/** The allocator's answers after a step: next block per block size, and the non-empty type free lists. */
export interface AllocatorState {
  next: Map<number, NextBlockView>;
  freeLists: FreeListView[];
}

export interface AllocatorView {
  classes: SizeClassView[];
  /** Objects too large for pymalloc, with their sizes. */
  large: HeapObject[];
  /** The non-empty type free lists (float, list, dict, tuples by length), when the trace records them. */
  freeLists: FreeListView[];
  /** False for traces without allocator records (older traces): no next blocks to show. */
  hasNext: boolean;
}

/**
 * The allocator state after step `index`: the latest full record at or before it (every keyframe has one),
 * then the changes of the steps after it. Null when the trace carries no allocator records.
 */
export function allocatorStateAt(trace: Trace, index: number): AllocatorState | null {
  let k = Math.min(index, trace.steps.length - 1);
  while (k >= 0 && !trace.steps[k]!.allocator?.full) k--;
  if (k < 0) return null;
  const next = new Map<number, NextBlockView>();
  let freeLists: FreeListView[] = [];
  for (let j = k; j <= index; j++) {
    const a = trace.steps[j]!.allocator;
    if (!a) continue;
    for (const b of a.nextBlock) next.set(b.size, b);
    if (a.freeLists) freeLists = a.freeLists;
  }
  return { next, freeLists };
}

/** Where a next block comes from, in words. */
export const NEXT_SOURCE_TEXT: Record<NextBlockView["source"], string> = {
  "free-list": "freed last in its pool (LIFO)",
  bump: "the next untouched block of its pool",
  "new-pool": "an empty pool (no pool of this size has a free block)",
  "new-arena": "a new arena (no arena has an empty pool)",
};

/** The same, short (the panel's rows). */
export const NEXT_SOURCE_SHORT: Record<NextBlockView["source"], string> = {
  "free-list": "freed last",
  bump: "untouched",
  "new-pool": "in a fresh pool",
  "new-arena": "in a new arena",
};

/** Which free list serves a creation of `type` before pymalloc, in words ("the float free list"). */
export function freeListLabel(f: FreeListView): string {
  return f.type === "tuple" ? `the free list of ${f.length}-tuples` : `the ${f.type} free list`;
}

/** Groups the live objects of `heap` by size class and pool, and places each class's next block. */
export function allocatorView(heap: HeapMap, state: AllocatorState | null = null): AllocatorView {
  const classes = new Map<number, Map<bigint, PoolView>>();
  const large: HeapObject[] = [];
  for (const o of heap.values()) {
    // Statically allocated objects (small ints, singletons, built-in types) take no allocator block.
    if (o.blockSize <= 0) continue;
    if (o.blockSize > SMALL_REQUEST_THRESHOLD) {
      large.push(o);
      continue;
    }
    let addr: bigint;
    try {
      addr = BigInt(o.id);
    } catch {
      continue;
    }
    const poolAddr = addr - (addr % BigInt(POOL_SIZE));
    const pools = classes.get(o.blockSize) ?? new Map<bigint, PoolView>();
    classes.set(o.blockSize, pools);
    let pool = pools.get(poolAddr);
    if (!pool) {
      pool = { address: poolAddr.toString(), capacity: Math.floor((POOL_SIZE - POOL_OVERHEAD) / o.blockSize), blocks: [] };
      pools.set(poolAddr, pool);
    }
    const offset = Number(addr - poolAddr) - POOL_OVERHEAD;
    pool.blocks.push({ index: Math.max(0, Math.floor(offset / o.blockSize)), serial: o.serial });
  }
  const out: SizeClassView[] = [...classes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([blockSize, pools]) => {
      const list = [...pools.values()].sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
      for (const p of list) p.blocks.sort((a, b) => a.index - b.index);
      const view: SizeClassView = { blockSize, index: blockSize / 16 - 1, pools: list, objects: list.reduce((n, p) => n + p.blocks.length, 0) };
      const nb = state?.next.get(blockSize);
      if (nb) view.next = placeNext(nb, list);
      return view;
    });
  large.sort((a, b) => b.blockSize - a.blockSize);
  return { classes: out, large, freeLists: state?.freeLists ?? [], hasNext: state !== null };
}

/** Places a next block on the class's pools, adding its pool (with no drawn object) when it is not there. */
function placeNext(nb: NextBlockView, pools: PoolView[]): NextBlockMark {
  const addr = BigInt(nb.address);
  const poolAddr = addr - (addr % BigInt(POOL_SIZE));
  const index = Math.floor((Number(addr - poolAddr) - POOL_OVERHEAD) / nb.size);
  let poolIndex = pools.findIndex((p) => p.address === poolAddr.toString());
  if (poolIndex < 0) {
    pools.push({ address: poolAddr.toString(), capacity: Math.floor((POOL_SIZE - POOL_OVERHEAD) / nb.size), blocks: [] });
    poolIndex = pools.length - 1;
  }
  return { ...nb, pool: poolAddr.toString(), index, poolIndex };
}
