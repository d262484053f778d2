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
