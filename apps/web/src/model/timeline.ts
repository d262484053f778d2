/**
 * The timeline chart's geometry: live objects and heap bytes over the steps as two polylines scaled to a
 * box, plus the step under a given x. Pure numbers, tested in Node.
 */
import type { Trace } from "@pyheap/python";

export interface TimelineGeometry {
  live: string;
  bytes: string;
  maxLive: number;
  maxBytes: number;
  /** x of each step in which a collection started. */
  collections: number[];
  /** x of step i. */
  x(i: number): number;
}

/** Polylines of `liveObjects` and `heapBytes` over the steps, scaled into `width`×`height`. */
export function timelineGeometry(trace: Trace, width: number, height: number, pad = 4): TimelineGeometry {
  const steps = trace.steps;
  const n = steps.length;
  const maxLive = Math.max(1, ...steps.map((s) => s.liveObjects));
  const maxBytes = Math.max(1, ...steps.map((s) => s.heapBytes));
  const x = (i: number): number => (n <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (v: number, max: number): number => height - pad - (v / max) * (height - 2 * pad);
  const round = (v: number): number => Math.round(v * 10) / 10;
  const live = steps.map((s, i) => `${round(x(i))},${round(y(s.liveObjects, maxLive))}`).join(" ");
  const bytes = steps.map((s, i) => `${round(x(i))},${round(y(s.heapBytes, maxBytes))}`).join(" ");
  const collections = steps.flatMap((s, i) => (s.events.some((e) => e.kind === "gc-start") ? [round(x(i))] : []));
  return { live, bytes, maxLive, maxBytes, collections, x };
}

/** The step nearest to `px` on a chart `width` wide over `n` steps. */
export function stepAtX(px: number, width: number, n: number, pad = 4): number {
  if (n <= 1) return 0;
  const i = Math.round(((px - pad) * (n - 1)) / (width - 2 * pad));
  return Math.max(0, Math.min(n - 1, i));
}
