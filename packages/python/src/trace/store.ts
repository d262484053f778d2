/**
 * How a recorded trace is held: steps in columns (typed arrays and append-only tables), made into the
 * TraceStep objects of schema.ts only when someone reads them.
 *
 * A 10^6-step trace as plain objects is ~10^7 small JS objects that V8's collector marks again at every
 * old-space collection while the run goes on; in columns a step costs a few typed-array slots, and the
 * objects it shares with other steps (frame lists, GC states, allocator states, records) are stored once.
 *
 * `Trace.steps` and `Trace.keyframes` of a recorded trace are lazy arrays (`lazyArray`): real `Array`s to
 * every reader (`Array.isArray`, indexing, `length`, iteration, `map`/`slice`, `JSON.stringify`, vitest's
 * `toEqual`) whose elements are made on first read and then kept, so a reader sees the same object each
 * time and may change it like any array element. `Session` reads the columns directly (`columnsOf`).
 * The one difference from a plain array: `structuredClone` refuses a Proxy (clone `JSON.parse(
 * JSON.stringify(trace))` or `plainTrace(trace)` instead).
 *
 * Invariant: step i's upserted records are `records[upEnd[i−1] .. upEnd[i])` (upEnd[−1] = 0), its removed
 * serials `removed[remEnd[i−1] .. remEnd[i])`, its events `events[evEnd[i−1] .. evEnd[i])`; its stdout is
 * `stdout[outEnd[i−1] .. outEnd[i])` of the whole output. A keyframe lists record indices.
 */
import type { AllocatorState, FrameView, GcState, HeapDelta, HeapObject, Keyframe, Trace, TraceEvent, TraceStep } from "./schema.js";
import { OP_NAMES } from "../compile/opcodes.js";

const KINDS: TraceStep["kind"][] = ["line", "instruction", "call", "return", "exception"];
/** The numeric code of each step kind in `StepColumns.kind`. */
export const KIND_CODE: Record<TraceStep["kind"], number> = { line: 0, instruction: 1, call: 2, return: 3, exception: 4 };

/** Shared by the steps whose delta is empty (traces are read-only). */
const EMPTY_DELTA: HeapDelta = { upsert: [], removed: [] };
const NO_EVENTS: TraceEvent[] = [];
const NO_SERIALS: number[] = [];
const NO_RECORDS: HeapObject[] = [];

function grownI32(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}
function grownF64(a: Float64Array, need: number): Float64Array {
  if (need <= a.length) return a;
  const b = new Float64Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}
function grownU8(a: Uint8Array, need: number): Uint8Array {
  if (need <= a.length) return a;
  const b = new Uint8Array(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

/** What one step adds to the columns (`StepColumns.push`). */
export interface StepFields {
  line: number;
  kind: TraceStep["kind"];
  /** Index in `frameTable` of the step's frames (the innermost frame's line may be stale: `line` wins). */
  frames: number;
  gc: number;
  /** Index in `allocTable`, or −1 when the allocator's answers did not change. */
  alloc: number;
  heapBytes: number;
  liveObjects: number;
  stdout: string;
  stderr: string;
  /** Instruction steps: offset, opcode and oparg (arg shown for opcodes ≥ 90, as CPython's HAVE_ARGUMENT). */
  offset?: number;
  op?: number;
  arg?: number;
}

/**
 * The steps of one trace in columns. The recorder appends (`addRecord`, `addRemoved`, `addEvents`,
 * `push`, `addKeyframe`); readers use `step(i)`, `keyframe(k)`, `applyStep` and the prefix arrays.
 */
export class StepColumns {
  /** Number of steps. */
  length = 0;
  line: Int32Array = new Int32Array(1024);
  kind: Uint8Array = new Uint8Array(1024);
  frames: Int32Array = new Int32Array(1024);
  gc: Int32Array = new Int32Array(1024);
  alloc: Int32Array = new Int32Array(1024);
  heapBytes: Float64Array = new Float64Array(1024);
  live: Int32Array = new Int32Array(1024);
  upEnd: Int32Array = new Int32Array(1024);
  remEnd: Int32Array = new Int32Array(1024);
  evEnd: Int32Array = new Int32Array(1024);
  /** Length of stdout / stderr up to and including each step. */
  outEnd: Float64Array = new Float64Array(1024);
  errEnd: Float64Array = new Float64Array(1024);
  /** Instruction steps only: byte offset, opcode and oparg per step. */
  offset: Int32Array | null = null;
  op: Int32Array | null = null;
  arg: Int32Array | null = null;

  /** Every record ever emitted, in emission order (a record is emitted once, then shared). */
  readonly records: HeapObject[] = [];
  removed: Int32Array = new Int32Array(1024);
  removedCount = 0;
  readonly events: TraceEvent[] = [];
  /** Distinct frame lists, GC states and allocator states, each stored once and named by index. */
  readonly frameTable: FrameView[][] = [];
  readonly gcTable: GcState[] = [];
  readonly allocTable: AllocatorState[] = [];

  /** Keyframes: the step, and the record indices of the picture in `kfRecs[kfEnd[k−1] .. kfEnd[k])`. */
  kfStep: Int32Array = new Int32Array(64);
  kfEnd: Int32Array = new Int32Array(64);
  kfRecs: Int32Array = new Int32Array(4096);
  kfCount = 0;

  private outChunks: string[] = [];
  private errChunks: string[] = [];
  private outLen = 0;
  private errLen = 0;
  private outText: string | null = "";
  private errText: string | null = "";

  constructor(readonly granularity: "line" | "instruction") {
    if (granularity === "instruction") {
      this.offset = new Int32Array(1024);
      this.op = new Int32Array(1024);
      this.arg = new Int32Array(1024);
    }
  }

  /** Append a record (borrowed: kept in the trace); returns its index. */
  addRecord(rec: HeapObject): number {
    this.records.push(rec);
    return this.records.length - 1;
  }

  addRemoved(serial: number): void {
    const n = this.removedCount;
    if (n >= this.removed.length) this.removed = grownI32(this.removed, n + 1);
    this.removed[n] = serial;
    this.removedCount = n + 1;
  }

  addEvents(evs: TraceEvent[]): void {
    for (let i = 0; i < evs.length; i++) this.events.push(evs[i]!);
  }

  /** Append a step: the records, removals and events added since the previous `push` are its delta. */
  push(f: StepFields): void {
    const i = this.length;
    if (i >= this.line.length) this.grow(i + 1);
    this.line[i] = f.line;
    this.kind[i] = KIND_CODE[f.kind];
    this.frames[i] = f.frames;
    this.gc[i] = f.gc;
    this.alloc[i] = f.alloc;
    this.heapBytes[i] = f.heapBytes;
    this.live[i] = f.liveObjects;
    this.upEnd[i] = this.records.length;
    this.remEnd[i] = this.removedCount;
    this.evEnd[i] = this.events.length;
    if (f.stdout) {
      this.outChunks.push(f.stdout);
      this.outLen += f.stdout.length;
      this.outText = null;
    }
    if (f.stderr) {
      this.errChunks.push(f.stderr);
      this.errLen += f.stderr.length;
      this.errText = null;
    }
    this.outEnd[i] = this.outLen;
    this.errEnd[i] = this.errLen;
    if (this.offset) {
      this.offset[i] = f.offset ?? 0;
      this.op![i] = f.op ?? 0;
      this.arg![i] = f.arg ?? -1;
    }
    this.length = i + 1;
  }

  private grow(need: number): void {
    this.line = grownI32(this.line, need);
    this.kind = grownU8(this.kind, need);
    this.frames = grownI32(this.frames, need);
    this.gc = grownI32(this.gc, need);
    this.alloc = grownI32(this.alloc, need);
    this.heapBytes = grownF64(this.heapBytes, need);
    this.live = grownI32(this.live, need);
    this.upEnd = grownI32(this.upEnd, need);
    this.remEnd = grownI32(this.remEnd, need);
    this.evEnd = grownI32(this.evEnd, need);
    this.outEnd = grownF64(this.outEnd, need);
    this.errEnd = grownF64(this.errEnd, need);
    if (this.offset) {
      this.offset = grownI32(this.offset, need);
      this.op = grownI32(this.op!, need);
      this.arg = grownI32(this.arg!, need);
    }
  }

  /** A keyframe at `step` showing the records `recs[0..n)` (indices into `records`; copied). */
  addKeyframe(step: number, recs: Int32Array, n: number): void {
    const k = this.kfCount;
    if (k >= this.kfStep.length) {
      this.kfStep = grownI32(this.kfStep, k + 1);
      this.kfEnd = grownI32(this.kfEnd, k + 1);
    }
    const start = k ? this.kfEnd[k - 1]! : 0;
    if (start + n > this.kfRecs.length) this.kfRecs = grownI32(this.kfRecs, start + n);
    this.kfRecs.set(recs.subarray(0, n), start);
    this.kfStep[k] = step;
    this.kfEnd[k] = start + n;
    this.kfCount = k + 1;
  }

  /** Everything written to stdout over the steps recorded. */
  get stdout(): string {
    if (this.outText === null) {
      this.outText = this.outChunks.join("");
      this.outChunks = this.outText ? [this.outText] : [];
    }
    return this.outText;
  }
  get stderr(): string {
    if (this.errText === null) {
      this.errText = this.errChunks.join("");
      this.errChunks = this.errText ? [this.errText] : [];
    }
    return this.errText;
  }

  /** The frames of step i as the schema shows them (the innermost frame on the step's line). */
  framesOf(i: number): FrameView[] {
    const t = this.frameTable[this.frames[i]!]!;
    const top = t[t.length - 1];
    const line = this.line[i]!;
    if (!top || top.line === line) return t;
    const out = t.slice();
    out[out.length - 1] = { ...top, line };
    return out;
  }

  /** A new TraceStep object for step i (the same fields, in the same order, as the recorder always made). */
  step(i: number): TraceStep {
    const up0 = i ? this.upEnd[i - 1]! : 0;
    const up1 = this.upEnd[i]!;
    const rem0 = i ? this.remEnd[i - 1]! : 0;
    const rem1 = this.remEnd[i]!;
    const ev0 = i ? this.evEnd[i - 1]! : 0;
    const ev1 = this.evEnd[i]!;
    const out0 = i ? this.outEnd[i - 1]! : 0;
    const err0 = i ? this.errEnd[i - 1]! : 0;
    const a = this.alloc[i]!;
    const step: TraceStep = {
      index: i,
      line: this.line[i]!,
      kind: KINDS[this.kind[i]!]!,
      frames: this.framesOf(i),
      stdout: out0 === this.outEnd[i] ? "" : this.stdout.slice(out0, this.outEnd[i]),
      stderr: err0 === this.errEnd[i] ? "" : this.stderr.slice(err0, this.errEnd[i]),
      delta:
        up0 === up1 && rem0 === rem1
          ? EMPTY_DELTA
          : {
              upsert: up0 === up1 ? NO_RECORDS : this.records.slice(up0, up1),
              removed: rem0 === rem1 ? NO_SERIALS : Array.from(this.removed.subarray(rem0, rem1)),
            },
      events: ev0 === ev1 ? NO_EVENTS : this.events.slice(ev0, ev1),
      gc: this.gcTable[this.gc[i]!]!,
      heapBytes: this.heapBytes[i]!,
      liveObjects: this.live[i]!,
      allocator: a >= 0 ? this.allocTable[a] : undefined,
    };
    if (this.offset) {
      const op = this.op![i]!;
      step.instruction = { offset: this.offset[i]!, opname: OP_NAMES[op] ?? `<${op}>` };
      if (op >= 90) step.instruction.arg = String(this.arg![i]);
    }
    return step;
  }

  /** A new Keyframe object for keyframe k. */
  keyframe(k: number): Keyframe {
    const start = k ? this.kfEnd[k - 1]! : 0;
    const end = this.kfEnd[k]!;
    const objects: HeapObject[] = new Array(end - start);
    for (let j = start; j < end; j++) objects[j - start] = this.records[this.kfRecs[j]!]!;
    return { step: this.kfStep[k]!, objects };
  }

  /** Index of the latest keyframe at or before `step`, or −1. */
  keyframeAtOrBefore(step: number): number {
    let lo = 0;
    let hi = this.kfCount - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.kfStep[mid]! <= step) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** Put keyframe k's objects into `heap` (by serial). */
  loadKeyframe(heap: Map<number, HeapObject>, k: number): void {
    const start = k ? this.kfEnd[k - 1]! : 0;
    const end = this.kfEnd[k]!;
    const recs = this.records;
    for (let j = start; j < end; j++) {
      const o = recs[this.kfRecs[j]!]!;
      heap.set(o.serial, o);
    }
  }

  /** Apply step i's delta to `heap` in place (removals, then upserts), without making the step object. */
  applyStep(heap: Map<number, HeapObject>, i: number): void {
    const removed = this.removed;
    for (let j = i ? this.remEnd[i - 1]! : 0, e = this.remEnd[i]!; j < e; j++) heap.delete(removed[j]!);
    const recs = this.records;
    for (let j = i ? this.upEnd[i - 1]! : 0, e = this.upEnd[i]!; j < e; j++) {
      const o = recs[j]!;
      heap.set(o.serial, o);
    }
  }
}

/**
 * An array of `length` elements made by `make(i)` on first read and kept from then on (see the file
 * header). Reads of `length`, methods and iteration behave as on the array it stands for.
 */
export function lazyArray<T>(length: number, make: (i: number) => T): T[] {
  const made: T[] = new Array<T>(length);
  let complete = length === 0;
  const at = (i: number): T => {
    let v = made[i];
    if (v === undefined && !(i in made)) made[i] = v = make(i);
    return v as T;
  };
  const all = (): void => {
    if (complete) return;
    for (let i = 0; i < length; i++) at(i);
    complete = true;
  };
  const index = (key: string | symbol): number => {
    if (typeof key !== "string") return -1;
    const c = key.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(key);
    return Number.isInteger(i) && i < made.length && String(i) === key ? i : -1;
  };
  return new Proxy(made, {
    get(target, key, receiver) {
      const i = index(key);
      if (i >= 0) return at(i);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      const i = index(key);
      if (i >= 0) return true;
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      const i = index(key);
      if (i >= 0) at(i);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      all();
      return Reflect.ownKeys(target);
    },
    set(target, key, value, receiver) {
      // a write past the end (push, length = …) makes the array a plain one from then on
      if (key === "length" || index(key) < 0) all();
      return Reflect.set(target, key, value, receiver);
    },
    deleteProperty(target, key) {
      all();
      return Reflect.deleteProperty(target, key);
    },
    defineProperty(target, key, desc) {
      all();
      return Reflect.defineProperty(target, key, desc);
    },
  });
}

const columnsByTrace = new WeakMap<object, StepColumns>();

/** The columns behind a trace recorded in this process (undefined for a trace made any other way). */
export function columnsOf(trace: Trace): StepColumns | undefined {
  const c = columnsByTrace.get(trace);
  // a reader may have replaced the arrays: then the columns no longer tell the truth about them
  return c && columnsByTrace.get(trace.steps) === c ? c : undefined;
}

/** The trace object of a recording: lazy `steps` and `keyframes` over the columns. */
export function traceFromColumns(c: StepColumns, fields: Omit<Trace, "steps" | "keyframes">): Trace {
  const steps = lazyArray(c.length, (i) => c.step(i));
  const keyframes = lazyArray(c.kfCount, (k) => c.keyframe(k));
  const trace: Trace = {
    version: fields.version,
    source: fields.source,
    filename: fields.filename,
    mode: fields.mode,
    granularity: fields.granularity,
    steps,
    keyframeInterval: fields.keyframeInterval,
    keyframes,
    outcome: fields.outcome,
  };
  columnsByTrace.set(trace, c);
  columnsByTrace.set(steps, c);
  return trace;
}

/** The same trace with plain arrays of plain objects (for `structuredClone` and the like). */
export function plainTrace(trace: Trace): Trace {
  return { ...trace, steps: Array.from(trace.steps), keyframes: Array.from(trace.keyframes) };
}
