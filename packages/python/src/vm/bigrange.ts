/**
 * The arithmetic of a range whose bounds are any ints, as CPython's range objects do it (they keep start,
 * stop, step and length as int objects): length, item i, slicing, membership, index/count of an int,
 * equality, hashing, reversal, the iterator CPython picks, and repr. Pure functions over bigints, so
 * they hold past ±2**53, where the interpreter's own ranges (bounds kept as doubles) stop being exact.
 *
 * A range whose start, stop, step and length all fit in a double (`fitsDouble`) gives the same answers
 * with doubles; this module is for the others.
 */

/** A range's bounds; `step` is never 0 (range() refuses it). */
export interface RangeBounds {
  readonly start: bigint;
  readonly stop: bigint;
  readonly step: bigint;
}

/** The slice a range is subscripted with: null for an omitted (None) part. */
export interface SliceParts {
  readonly start: bigint | null;
  readonly stop: bigint | null;
  readonly step: bigint | null;
}

const DOUBLE_EXACT = 2n ** 53n;
const SSIZE_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

/** How many items a range has (compute_range_length). */
export function rangeLength(r: RangeBounds): bigint {
  if (r.step > 0n) return r.start < r.stop ? (r.stop - r.start - 1n) / r.step + 1n : 0n;
  return r.start > r.stop ? (r.start - r.stop - 1n) / -r.step + 1n : 0n;
}

/** Whether start, stop, step and length are all exact as doubles (the interpreter's fast ranges). */
export function fitsDouble(r: RangeBounds): boolean {
  const ok = (x: bigint) => x <= DOUBLE_EXACT && x >= -DOUBLE_EXACT;
  return ok(r.start) && ok(r.stop) && ok(r.step) && ok(rangeLength(r));
}

/**
 * What len(range) returns, or null when the length does not fit a Py_ssize_t: CPython then raises
 * OverflowError("Python int too large to convert to C ssize_t").
 */
export function lenOrNull(r: RangeBounds): bigint | null {
  const n = rangeLength(r);
  return n > SSIZE_MAX ? null : n;
}

/**
 * r[i] for any int i (negative counts from the end), or null when i is out of range: CPython raises
 * IndexError("range object index out of range") (for any size of i, never the index-sized error).
 */
export function itemAt(r: RangeBounds, i: bigint): bigint | null {
  const n = rangeLength(r);
  const k = i < 0n ? i + n : i;
  if (k < 0n || k >= n) return null;
  return r.start + k * r.step;
}

/**
 * r[a:b:c] (compute_slice): the slice's indices are fitted to the range's length as slice.indices()
 * fits them, then mapped to values (start + index * step, no bounds check), the steps multiplied.
 * A zero slice step is the caller's ValueError("slice step cannot be zero"): this returns null for it.
 */
export function sliceOf(r: RangeBounds, s: SliceParts): RangeBounds | null {
  const step = s.step ?? 1n;
  if (step === 0n) return null;
  const n = rangeLength(r);
  const back = step < 0n;
  const lower = back ? -1n : 0n;
  const upper = back ? n - 1n : n;
  const fit = (x: bigint | null, dflt: bigint): bigint => {
    if (x === null) return dflt;
    let v = x < 0n ? x + n : x;
    if (v < lower) v = lower;
    else if (v > upper) v = upper;
    return v;
  };
  const a = fit(s.start, back ? upper : lower);
  const b = fit(s.stop, back ? lower : upper);
  return { start: r.start + a * r.step, stop: r.start + b * r.step, step: r.step * step };
}

/** `v in r` for an int v (range_contains_long): inside the bounds and on the step. */
export function containsInt(r: RangeBounds, v: bigint): boolean {
  const inside = r.step > 0n ? r.start <= v && v < r.stop : v <= r.start && r.stop < v;
  if (!inside) return false;
  return (v - r.start) % r.step === 0n;
}

/** r.index(v) for an int v, or null when it is not there (CPython: ValueError("<v> is not in range")). */
export function indexOfInt(r: RangeBounds, v: bigint): bigint | null {
  return containsInt(r, v) ? (v - r.start) / r.step : null;
}

/** r.count(v) for an int v. */
export function countInt(r: RangeBounds, v: bigint): bigint {
  return containsInt(r, v) ? 1n : 0n;
}

/**
 * range == range (range_equals): the same items in the same order, so equal lengths and, when not empty,
 * the same start and, past one item, the same step.
 */
export function rangesEqual(a: RangeBounds, b: RangeBounds): boolean {
  const n = rangeLength(a);
  if (n !== rangeLength(b)) return false;
  if (n === 0n) return true;
  if (a.start !== b.start) return false;
  return n === 1n || a.step === b.step;
}

/**
 * What hash(range) hashes (range_hash): the tuple (length, start, step) with start None for an empty
 * range and step None for fewer than two items — equal ranges give equal tuples.
 */
export function hashTuple(r: RangeBounds): [bigint, bigint | null, bigint | null] {
  const n = rangeLength(r);
  if (n === 0n) return [n, null, null];
  return [n, r.start, n === 1n ? null : r.step];
}

/**
 * reversed(r) (range_reverse): the iterator starts at the last item and walks back by the step for
 * `length` items.
 */
export function reversedWalk(r: RangeBounds): { first: bigint; step: bigint; length: bigint } {
  const n = rangeLength(r);
  return { first: r.start + (n - 1n) * r.step, step: -r.step, length: n };
}

/**
 * The iterator type iter(r) (or reversed(r)) gives: "range_iterator" when range_iter (range_reverse)
 * takes its C-long path — start, stop, step and the length fit a C long, and so does the last value its
 * arithmetic may reach — else "longrange_iterator". Both are 48 bytes and not tracked by the collector.
 */
export function iteratorTypeName(r: RangeBounds, reversed = false): "range_iterator" | "longrange_iterator" {
  const long = (x: bigint) => x >= LONG_MIN && x <= SSIZE_MAX;
  const n = rangeLength(r);
  if (!long(r.start) || !long(r.stop) || !long(r.step) || n > SSIZE_MAX) return "longrange_iterator";
  // range_reverse also wants -step and start - step (the reversed range's stop) to fit a C long
  if (reversed) return r.step === LONG_MIN || !long(r.start - r.step) ? "longrange_iterator" : "range_iterator";
  // range_iter also wants stop + step - 1 (stop - step - 1 going down) to fit, when there are items
  if (n > 0n && !long(r.step > 0n ? r.stop + r.step - 1n : r.stop + r.step + 1n)) return "longrange_iterator";
  return "range_iterator";
}

/** repr(r): the step is shown only when it is not 1. */
export function rangeRepr(r: RangeBounds): string {
  return r.step === 1n ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`;
}
