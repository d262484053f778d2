/**
 * The allocator panel's picture: the live objects of a step grouped by pymalloc size class, and within a
 * class by pool. CPython 3.11's small-object allocator serves requests up to 512 bytes from 4 KiB pools
 * (one size class per pool, a 48-byte pool header on 64-bit builds) carved out of 256 KiB arenas; larger
 * requests go to the system allocator. An object's pool is its address rounded down to 4 KiB, and the
 * trace's ids are addresses. Only objects are in the trace: blocks that hold a list's item array or a
 * dict's table take room in pools too but are not drawn here.
 */
import type { HeapObject } from "@pyheap/python";
import type { HeapMap } from "./heap-at.js";

export const POOL_SIZE = 4096;
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
}

export interface AllocatorView {
  classes: SizeClassView[];
  /** Objects too large for pymalloc, with their sizes. */
  large: HeapObject[];
}

/** Groups the live objects of `heap` by size class and pool. */
export function allocatorView(heap: HeapMap): AllocatorView {
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
      return { blockSize, index: blockSize / 16 - 1, pools: list, objects: list.reduce((n, p) => n + p.blocks.length, 0) };
    });
  large.sort((a, b) => b.blockSize - a.blockSize);
  return { classes: out, large };
}
