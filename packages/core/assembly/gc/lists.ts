// Generation lists: circular doubly-linked lists of GC heads with one sentinel head per generation
// (plus the permanent generation of gc.freeze()), and the counts/thresholds of CPython 3.11.
// track/untrack and the list primitives live here; the collector is in collect.ts.
import { GC_HEAD_SIZE, PREV_MASK_FINALIZED, GC_PHASE_STOP } from "../../abi/abi";
import { sysAlloc } from "../mem/sys";
import { hostGcCallback } from "../host";
import { gcHead, gcNext, gcSetNext, gcPrev, gcSetPrev, gcPrevRaw } from "../object/header";

export let generations: usize = 0; // 3 sentinel heads, 16 bytes each
export let permanent: usize = 0;
let counts: usize = 0; // 3 × i32: gc.get_count()
let thresholds: usize = 0; // 3 × i32: gc.get_threshold()
@inline export function getCount(g: i32): i32 {
  return load<i32>(counts + (<usize>g << 2));
}
@inline export function setCount(g: i32, v: i32): void {
  store<i32>(counts + (<usize>g << 2), v);
}
@inline export function getThreshold(g: i32): i32 {
  return load<i32>(thresholds + (<usize>g << 2));
}
@inline export function setThreshold(g: i32, v: i32): void {
  store<i32>(thresholds + (<usize>g << 2), v);
}
export let gcEnabled: bool = true;
export let gcCollecting: bool = false;
export let gcBlocked: bool = false;
export let longLivedTotal: i32 = 0;
export let longLivedPending: i32 = 0;
export let gcDebug: i32 = 0;
/** Objects in any generation list (the permanent one included): an upper bound on a collection's size,
 *  which sizes the collector's side tables before it walks a list. */
export let trackedTotal: i32 = 0;

// Counts of the generation lists as gc_generation_size last walked them (the trace recorder asks after
// every step): bit g of genSizesKnown says genSizes[g] is still right. track() keeps generation 0's count
// up to date; an untrack (whose generation is not known), a merge, a list reset and a collection forget
// them all. Globals, not memory: keeping them must not move what the core allocates.
export let genSizesKnown: u32 = 0;
export let genSize0: i32 = 0;
export let genSize1: i32 = 0;
export let genSize2: i32 = 0;
export let genSize3: i32 = 0;
@inline export function forgetGenSizes(): void {
  genSizesKnown = 0;
}
/** Records the walked length n of generation g (3: the permanent one). */
export function keepGenSize(g: i32, n: i32): void {
  if (g == 0) genSize0 = n;
  else if (g == 1) genSize1 = n;
  else if (g == 2) genSize2 = n;
  else genSize3 = n;
  genSizesKnown |= <u32>1 << <u32>g;
}
export function setEnabled(b: bool): void {
  gcEnabled = b;
}
export function setCollecting(b: bool): void {
  gcCollecting = b;
}
export function setBlocked(b: bool): void {
  gcBlocked = b;
}
export function setDebug(f: i32): void {
  gcDebug = f;
}
export function setLongLived(total: i32, pending: i32): void {
  longLivedTotal = total;
  longLivedPending = pending;
}

@inline export function genHead(g: i32): usize {
  return generations + <usize>g * GC_HEAD_SIZE;
}

/** Phase boundary for profiling builds only (asc … --use GC_PHASE_PROFILE=1; tools/bench/gc-bench.mjs
 *  --phases): reported as a gc callback "stop" with `collected` = `mark` and `uncollectable` = −1. Release builds
 *  compile it to nothing. */
@inline export function phaseMark(g: i32, mark: i32): void {
  if (isDefined(GC_PHASE_PROFILE)) hostGcCallback(GC_PHASE_STOP, g, mark, -1);
}

export function listInit(h: usize): void {
  genSizesKnown = 0;
  gcSetNext(h, h);
  store<u32>(h + 8, <u32>h);
}

export function gcListsInit(): void {
  generations = sysAlloc(4 * GC_HEAD_SIZE);
  permanent = generations + 3 * GC_HEAD_SIZE;
  for (let g = 0; g < 4; g++) listInit(generations + <usize>g * GC_HEAD_SIZE);
  counts = sysAlloc(16);
  thresholds = sysAlloc(16);
  setThreshold(0, 700);
  setThreshold(1, 10);
  setThreshold(2, 10);
}

@inline export function listIsEmpty(h: usize): bool {
  return gcNext(h) == h;
}

/** Appends node to the tail of list h (prev flags of node are kept). */
@inline export function listAppend(node: usize, h: usize): void {
  const last = gcPrev(h);
  gcSetNext(last, node);
  gcSetPrev(node, last);
  gcSetNext(node, h);
  gcSetPrev(h, node);
}

@inline export function listRemove(node: usize): void {
  const prev = gcPrev(node);
  const next = gcNext(node);
  gcSetNext(prev, next);
  gcSetPrev(next, prev);
  gcSetNext(node, 0);
}

/** Moves node from its list to the tail of h. */
@inline export function listMove(node: usize, h: usize): void {
  const prev = gcPrev(node);
  const next = gcNext(node);
  gcSetNext(prev, next);
  gcSetPrev(next, prev);
  listAppend(node, h);
}

/** Appends every node of `from` to the tail of `to`; `from` becomes empty. */
export function listMerge(from: usize, to: usize): void {
  if (listIsEmpty(from)) return;
  genSizesKnown = 0;
  const toTail = gcPrev(to);
  const first = gcNext(from);
  const last = gcPrev(from);
  gcSetNext(toTail, first);
  gcSetPrev(first, toTail);
  gcSetNext(last, to);
  gcSetPrev(to, last);
  listInit(from);
}

export function listSize(h: usize): i32 {
  let n = 0;
  for (let g = gcNext(h); g != h; g = gcNext(g)) n++;
  return n;
}

@inline export function isTracked(o: usize): bool {
  return gcNext(gcHead(o)) != 0;
}

/** Links o at the tail of generation 0 (no-op if tracked). */
export function track(o: usize): void {
  const g = gcHead(o);
  if (gcNext(g) != 0) return;
  listAppend(g, generations);
  trackedTotal++;
  if ((genSizesKnown & 1) != 0) genSize0++;
}

/** Unlinks o from its generation; keeps only the FINALIZED bit of GC_PREV (no-op if untracked). */
export function untrack(o: usize): void {
  const g = gcHead(o);
  if (gcNext(g) == 0) return;
  listRemove(g);
  store<u32>(g + 8, gcPrevRaw(g) & PREV_MASK_FINALIZED);
  trackedTotal--;
  genSizesKnown = 0;
}
