/**
 * `Session`: stepping through a trace with the whole heap materialised at the current step.
 *
 * The heap at step i is the heap after step i's delta: start from the latest keyframe at or before i and
 * apply the deltas after it (removals first, then upserts; serials are never reused). Moving forward by
 * one step applies one delta to the cached heap; any other jump replays at most `keyframeInterval` deltas.
 * A trace recorded in this process is read from its columns (store.ts): a jump makes no step objects but
 * the one it returns. Any other trace (parsed from JSON, built by hand) is read through the schema only.
 */
import type { FrameView, HeapObject, Trace, TraceEvent, TraceStep } from "./schema.js";
import type { RunOptions } from "../api-types.js";
import { run } from "../run.js";
import { columnsOf, type StepColumns } from "./store.js";

/** The state of the program at one step. */
export interface StepView {
  index: number;
  step: TraceStep;
  line: number;
  frames: FrameView[];
  /** Every object of the picture at this step, by allocation serial (a fresh map the caller may keep). */
  heap: Map<number, HeapObject>;
  events: TraceEvent[];
  /** Everything written to stdout / stderr up to and including this step. */
  stdout: string;
  stderr: string;
}

/** Steps through a trace: `step(i)`, `next()`, `prev()`, `first()`, `last()`. */
export class Session {
  /** Index of the current step (−1 when the trace has no steps). */
  position = -1;
  private cacheIndex = -1;
  private readonly cache = new Map<number, HeapObject>();
  /** Per step: the length of stdout / stderr up to and including it. */
  private readonly outPrefix: Float64Array;
  private readonly errPrefix: Float64Array;
  private readonly stdoutText: string;
  private readonly stderrText: string;
  /** The trace's columns when it was recorded here, else null. */
  private readonly columns: StepColumns | null;

  /** Wraps a recorded trace (borrowed: the session never changes it). */
  constructor(readonly trace: Trace) {
    const steps = trace.steps;
    const cols = columnsOf(trace);
    this.columns = cols ?? null;
    if (cols) {
      this.outPrefix = cols.outEnd;
      this.errPrefix = cols.errEnd;
      this.stdoutText = cols.stdout;
      this.stderrText = cols.stderr;
      if (cols.length) this.position = 0;
      return;
    }
    this.outPrefix = new Float64Array(steps.length);
    this.errPrefix = new Float64Array(steps.length);
    let out = "";
    let err = "";
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      if (s.stdout) out += s.stdout;
      if (s.stderr) err += s.stderr;
      this.outPrefix[i] = out.length;
      this.errPrefix[i] = err.length;
    }
    this.stdoutText = out;
    this.stderrText = err;
    if (steps.length) this.position = 0;
  }

  /** Runs `source` with a line trace (unless options.trace asks for instructions) and opens a session on it. */
  static run(source: string, options: RunOptions = {}): Session {
    const trace = options.trace && options.trace !== "none" ? options.trace : "line";
    const result = run(source, { ...options, trace });
    if (!result.trace) throw new Error("the run produced no trace");
    return new Session(result.trace);
  }

  /** Number of steps. */
  get length(): number {
    return this.trace.steps.length;
  }

  /** The view at step `i` (clamped to the trace); becomes the current step. */
  step(i: number): StepView {
    const steps = this.trace.steps;
    if (!steps.length) throw new RangeError("the trace has no steps");
    const target = Math.max(0, Math.min(Math.trunc(i), steps.length - 1));
    this.position = target;
    const heap = this.columns ? this.heapFromColumns(this.columns, target) : new Map(this.heapAt(target));
    const step = steps[target]!;
    return {
      index: target,
      step,
      line: step.line,
      frames: step.frames,
      heap,
      events: step.events,
      stdout: this.stdoutText.slice(0, this.outPrefix[target]),
      stderr: this.stderrText.slice(0, this.errPrefix[target]),
    };
  }

  next(): StepView {
    return this.step(this.position + 1);
  }

  prev(): StepView {
    return this.step(this.position - 1);
  }

  first(): StepView {
    return this.step(0);
  }

  last(): StepView {
    return this.step(this.length - 1);
  }

  /** The heap after step `target` (the session's cache: do not change it). */
  private heapAt(target: number): Map<number, HeapObject> {
    const steps = this.trace.steps;
    const key = this.keyframeAtOrBefore(target);
    let from: number;
    if (this.cacheIndex >= 0 && this.cacheIndex <= target && (!key || key.step <= this.cacheIndex)) {
      from = this.cacheIndex + 1;
    } else if (key) {
      // the map is reused (a jump allocates little: a big trace makes every allocation costlier)
      const cache = this.cache;
      cache.clear();
      for (const o of key.objects) cache.set(o.serial, o);
      from = key.step + 1;
    } else {
      this.cache.clear();
      from = 0;
    }
    for (let i = from; i <= target; i++) applyDelta(this.cache, steps[i]!);
    this.cacheIndex = target;
    return this.cache;
  }

  /**
   * heapAt for a trace in columns: the same replay over record indices (serial → index in the columns),
   * then one object per record of the picture, shared with earlier views that showed the same record.
   */
  private heapFromColumns(cols: StepColumns, target: number): Map<number, HeapObject> {
    const at = this.indexCache;
    const k = cols.keyframeAtOrBefore(target);
    const keyStep = k >= 0 ? cols.kfStep[k]! : -1;
    let from: number;
    if (this.cacheIndex >= 0 && this.cacheIndex <= target && keyStep <= this.cacheIndex) {
      from = this.cacheIndex + 1;
    } else {
      at.clear();
      if (k >= 0) cols.loadKeyframe(at, k);
      from = keyStep + 1;
    }
    for (let i = from; i <= target; i++) cols.applyStep(at, i);
    this.cacheIndex = target;
    const made = this.records;
    const now = new Map<number, HeapObject>();
    const heap = new Map<number, HeapObject>();
    for (const [serial, j] of at) {
      let o = made.get(j);
      if (!o) o = cols.record(j);
      now.set(j, o);
      heap.set(serial, o);
    }
    this.records = now;
    return heap;
  }
  private readonly indexCache = new Map<number, number>();
  /** The records of the last view, by index: the next view shares those it shows too (few objects are
   *  kept between jumps, so a jump leaves the JS collector little to copy). */
  private records = new Map<number, HeapObject>();

  /** Binary search: keyframes are recorded in step order. */
  private keyframeAtOrBefore(step: number): Trace["keyframes"][number] | undefined {
    const k = this.trace.keyframes;
    let lo = 0;
    let hi = k.length - 1;
    let best: Trace["keyframes"][number] | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (k[mid]!.step <= step) {
        best = k[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }
}

/** Apply one step's delta to a heap map in place (removals, then upserts). */
export function applyDelta(heap: Map<number, HeapObject>, step: TraceStep): void {
  for (const s of step.delta.removed) heap.delete(s);
  for (const o of step.delta.upsert) heap.set(o.serial, o);
}
