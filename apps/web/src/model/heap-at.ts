/**
 * Materialising the heap of a trace at any step.
 *
 * A trace stores the heap as keyframes (full pictures every `keyframeInterval` steps) and, per step, a
 * delta (objects upserted, serials removed). The heap *at step i* is the heap after step i's delta was
 * applied: start from the latest keyframe whose `step` ≤ i (or from nothing) and apply the deltas of the
 * steps after it up to i. Objects are keyed by their allocation serial, never by id: one address may
 * name several objects over a run.
 *
 * Relies only on the trace schema; knows nothing of the interpreter.
 */
import type { HeapObject, Trace } from "@pyheap/python";

/** Live objects of one step, keyed by serial. The map is owned by the caller (a fresh copy). */
export type HeapMap = Map<number, HeapObject>;

/** Materialises heaps of one trace, caching the last result so stepping forward is incremental. */
export class HeapTimeline {
  private cacheStep = -1;
  private cache: HeapMap = new Map();

  constructor(readonly trace: Trace) {}

  /** Number of steps in the trace. */
  get length(): number {
    return this.trace.steps.length;
  }

  /** The heap after step `step` (clamped to the trace); a new map the caller may keep or change. */
  at(step: number): HeapMap {
    const steps = this.trace.steps;
    if (steps.length === 0) return new Map();
    const target = Math.max(0, Math.min(step, steps.length - 1));
    let from: number;
    let heap: HeapMap;
    const keyframe = this.latestKeyframe(target);
    if (this.cacheStep >= 0 && this.cacheStep <= target && (!keyframe || keyframe.step <= this.cacheStep)) {
      from = this.cacheStep + 1;
      heap = this.cache;
    } else if (keyframe) {
      from = keyframe.step + 1;
      heap = new Map(keyframe.objects.map((o) => [o.serial, o]));
    } else {
      from = 0;
      heap = new Map();
    }
    for (let i = from; i <= target; i++) applyDelta(heap, steps[i]!.delta);
    this.cache = heap;
    this.cacheStep = target;
    return new Map(heap);
  }

  private latestKeyframe(step: number): Trace["keyframes"][number] | undefined {
    let best: Trace["keyframes"][number] | undefined;
    for (const k of this.trace.keyframes) {
      if (k.step <= step && (!best || k.step > best.step)) best = k;
    }
    return best;
  }
}

/** Applies one step's delta to `heap` in place: removals first, then upserts (a serial is never reused). */
export function applyDelta(heap: HeapMap, delta: Trace["steps"][number]["delta"]): void {
  for (const serial of delta.removed) heap.delete(serial);
  for (const obj of delta.upsert) heap.set(obj.serial, obj);
}
