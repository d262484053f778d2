// Shared helpers of the core: debug switch, status register, raw memory growth. Relies on nothing
// else in the core. Everything here is tiny and @inline.

// The debug target is built without optimisation: asserts guarded by DEBUG compile away in release.
export const DEBUG: bool = ASC_OPTIMIZE_LEVEL == 0;

import { STATUS_OK, STATUS_NO_MEMORY } from "../abi/abi";

/** Status of the last export that can fail (heap_last_status). */
export let lastStatus: i32 = STATUS_OK;

@inline export function setStatus(s: i32): void {
  lastStatus = s;
}

/** Grows linear memory by whole 64 KiB pages; returns the start of the new region or 0 on failure. */
export function growPages(pages: i32): usize {
  const before = memory.grow(pages);
  if (before < 0) return 0;
  return <usize>before << 16;
}

@inline export function align16(n: usize): usize {
  return (n + 15) & ~(<usize>15);
}

/** Largest single request the core accepts (bytes); larger ones fail as CPython's MemoryError would. */
export const MAX_REQUEST: u64 = 0x7ff00000;

/** True (with STATUS_NO_MEMORY) when `count` items of `unit` bytes cannot be one block. Guards every
 *  size computed from a number a Python program chooses, before 32-bit arithmetic could wrap. */
export function tooBig(count: i64, unit: i64): bool {
  if (count < 0 || <u64>count * <u64>unit > MAX_REQUEST) {
    lastStatus = STATUS_NO_MEMORY;
    return true;
  }
  return false;
}

/** memory.fill(p, 0, n) for n a multiple of 8. Up to 256 bytes a speed build (shrinkLevel 0) stores
 *  words instead: V8 runs memory.fill as a call out of the module, costly next to a few stores. */
@inline export function zero8(p: usize, n: usize): void {
  if (ASC_SHRINK_LEVEL == 0 && n <= 256) {
    const end = p + n;
    for (let q = p; q < end; q += 8) store<u64>(q, 0);
  } else {
    memory.fill(p, 0, n);
  }
}

/** memory.copy(dst, src, n) for blocks that do not overlap, small ones word by word in a speed build. */
@inline export function copyDisjoint(dst: usize, src: usize, n: usize): void {
  if (ASC_SHRINK_LEVEL == 0 && n <= 256) {
    let i: usize = 0;
    for (; i + 8 <= n; i += 8) store<u64>(dst + i, load<u64>(src + i));
    for (; i < n; i++) store<u8>(dst + i, load<u8>(src + i));
  } else {
    memory.copy(dst, src, n);
  }
}
