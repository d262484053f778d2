/**
 * Range objects whose bounds do not fit a double. A range keeps start, stop and step as doubles at offsets
 * 16, 24 and 32 (the fast path: loops, indexing, `in`); one past ±2**53 keeps a step of 0 there (no real
 * range has one) and its exact bounds in the VM's `bigRanges`, keyed by the object. Their iterators keep
 * the next value, the step and the items left in `bigRangeIters`, keyed by the iterator; CPython's type for
 * them is range_iterator while everything fits a C long, else longrange_iterator (bigrange.ts decides).
 * Entries are never removed: a freed range or iterator whose address is reused by a small one is never
 * looked up (its step is not 0 / its range is not big), and a new big one overwrites the entry.
 */
import type { Obj } from "./heap-api.js";
import type { VM } from "./vm.js";
import * as L from "./layouts.js";
import { fitsDouble, iteratorTypeName, rangeLength, reversedWalk, type RangeBounds } from "./bigrange.js";

declare module "./vm.js" {
  interface VM {
    bigRanges: Map<Obj, RangeBounds>;
    bigRangeIters: Map<Obj, { value: bigint; step: bigint; left: bigint }>;
  }
}

/** The VM of each heap, for the iterator fast paths that are handed only the heap. */
const vmOfHeap = new WeakMap<object, VM>();

/** Set-up: the tables (empty in every run: they are part of the interpreter's saved state). */
export function installBigRanges(vm: VM): void {
  vm.bigRanges = new Map();
  vm.bigRangeIters = new Map();
  vmOfHeap.set(vm.h, vm);
}

/** range(start, stop, step) of any ints: the fast representation when everything fits a double. */
export function makeRange(vm: VM, b: RangeBounds): Obj {
  if (fitsDouble(b)) return vm.newRange(Number(b.start), Number(b.stop), Number(b.step));
  const o = vm.h.newObject(vm.T.range);
  vm.h.setF64(o, 16, Number(b.start));
  vm.h.setF64(o, 24, Number(b.stop));
  vm.h.setF64(o, 32, 0);
  vm.bigRanges.set(o, b);
  return o;
}

/** The exact bounds of a range kept past ±2**53, or null for a fast one. */
export function bigRangeOf(vm: VM, r: Obj): RangeBounds | null {
  return vm.h.getF64(r, 32) === 0 ? vm.bigRanges.get(r)! : null;
}

/** Any range's bounds as ints. */
export function rangeBounds(vm: VM, r: Obj): RangeBounds {
  const big = bigRangeOf(vm, r);
  if (big) return big;
  const [a, b, c] = vm.rangeFields(r);
  return { start: BigInt(a), stop: BigInt(b), step: BigInt(c) };
}

/** iter(r) or reversed(r) of a big range: the iterator CPython's type name says, walking exact values. */
export function bigRangeIter(vm: VM, r: Obj, b: RangeBounds, reversed: boolean): Obj {
  const it = vm.newNativeIter(iteratorTypeName(b, reversed), r);
  const walk = reversed ? reversedWalk(b) : { first: b.start, step: b.step, length: rangeLength(b) };
  vm.bigRangeIters.set(it, { value: walk.first, step: walk.step, left: walk.length });
  return it;
}

/** next() of an iterator over a big range: a new reference, or 0 when exhausted (it then drops its range). */
export function bigRangeNext(vm: VM, it: Obj): Obj {
  const st = vm.bigRangeIters.get(it);
  if (!st || !vm.h.getSlot(it, L.NATIVE_A) || st.left <= 0n) {
    vm.h.setSlot(it, L.NATIVE_A, 0);
    return 0;
  }
  const v = st.value;
  st.value += st.step;
  st.left -= 1n;
  return vm.newInt(v);
}

/** bigRangeNext for the fast paths that have only the heap (fast.ts's range_iterator next). */
export function bigRangeNextOnHeap(h: object, it: Obj): Obj {
  return bigRangeNext(vmOfHeap.get(h)!, it);
}
