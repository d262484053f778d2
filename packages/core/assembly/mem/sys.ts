// Permanent tables of the core (page map, arena objects, generation heads, static objects) come from
// a bump region that is never freed. Relies on common.ts; must not be used for anything Python frees.
import { growPages, align16 } from "../common";

let sysTop: usize = 0;
let sysEnd: usize = 0;

/** Reserves the region for permanent tables and inspection buffers up front, below every arena, so that
 *  turning tracing on or inspecting the heap never moves the addresses Python objects get. (Untouched
 *  pages of linear memory cost no physical memory.) */
export function sysReserve(bytes: usize): bool {
  const pages = <i32>((bytes + 0xffff) >> 16);
  const start = growPages(pages);
  if (start == 0) return false;
  sysTop = start;
  sysEnd = start + (<usize>pages << 16);
  return true;
}

/** Returns `size` zeroed bytes, 16-aligned, for the lifetime of the instance (0 if memory is exhausted).
 *  Nothing is written to make them zero: they come from memory.grow, which hands out zeroed pages, and
 *  nothing writes above sysTop (an image restore zeroes what was handed out after the image was taken).
 *  Pages never written cost no physical memory, so a large table (the event ring) costs only the part
 *  of it that is used. */
export function sysAlloc(size: usize): usize {
  size = align16(size);
  if (sysTop + size > sysEnd) {
    const pages = <i32>((size + 0xffff) >> 16) + 1;
    const start = growPages(pages);
    if (start == 0) return 0;
    sysTop = start;
    sysEnd = start + (<usize>pages << 16);
  }
  const p = sysTop;
  sysTop += size;
  return p;
}

// Scratch stack for temporaries that CPython keeps on the C stack (they must not touch the Python heap).
let scratchBase: usize = 0;
let scratchTop: usize = 0;
let scratchEnd: usize = 0;

export function scratchInit(): void {
  scratchBase = sysAlloc(1 << 20);
  scratchTop = scratchBase;
  scratchEnd = scratchBase + (1 << 20);
}
/** Reserves `size` bytes (0 if the scratch stack is exhausted); release with scratchPop in LIFO order. */
export function scratchPush(size: usize): usize {
  size = align16(size);
  if (scratchTop + size > scratchEnd) return 0;
  const p = scratchTop;
  scratchTop += size;
  return p;
}
export function scratchPop(size: usize): void {
  scratchTop -= align16(size);
}
