/**
 * Walking a trace step by step with the heap materialised: each step's delta applied in order, so a
 * renderer sees, for every step, the heap after it and what changed in it.
 *
 * Convention (the trace schema's): a line step is taken when its line is about to run; the delta and
 * events of step i+1 are what line i did. `effects(i)` hands a renderer exactly that pairing.
 */
import type { FrameView, HeapObject, Trace, TraceEvent, TraceStep } from "@pyheap/python";

/** The heap after some step: live objects by serial. */
export type HeapMap = Map<number, HeapObject>;

/** What one executed line did: bindings before and after, objects touched, events, output. */
export interface LineEffects {
  step: TraceStep;
  /** The step whose delta/events hold this line's effects (the next one), if any. */
  after?: TraceStep;
  /** Heap before the line ran and after it. */
  heapBefore: HeapMap;
  heapAfter: HeapMap;
  /** Bindings (innermost frame, and the module frame when different) before and after. */
  bindings: NameChange[];
  events: TraceEvent[];
  /** Objects whose record changed while this line ran, excluding those created by it. */
  changed: { before: HeapObject; after: HeapObject }[];
  created: HeapObject[];
  freed: HeapObject[];
  stdout: string;
  stderr: string;
}

/** A name whose binding changed: bound, rebound, or deleted. */
export interface NameChange {
  frame: string;
  name: string;
  before?: HeapObject;
  after?: HeapObject;
}

function applyDelta(heap: HeapMap, step: TraceStep): void {
  for (const serial of step.delta.removed) heap.delete(serial);
  for (const obj of step.delta.upsert) heap.set(obj.serial, obj);
}

type Binding = Map<string, number>;

function bindingsOf(frame: FrameView | undefined): Binding {
  const map: Binding = new Map();
  for (const local of frame?.locals ?? []) map.set(local.name, local.serial);
  return map;
}

function sameRecord(a: HeapObject, b: HeapObject): boolean {
  return (
    a.refcount === b.refcount &&
    a.repr === b.repr &&
    a.generation === b.generation &&
    a.size === b.size &&
    JSON.stringify(a.referents) === JSON.stringify(b.referents)
  );
}

function diffFrames(before: FrameView | undefined, after: FrameView | undefined, heapBefore: HeapMap, heapAfter: HeapMap): NameChange[] {
  if (!after) return [];
  const b = before && before.name === after.name ? bindingsOf(before) : new Map<string, number>();
  const a = bindingsOf(after);
  const out: NameChange[] = [];
  for (const [name, serial] of a) {
    const old = b.get(name);
    if (old === serial) continue;
    const change: NameChange = { frame: after.name, name };
    const prev = old !== undefined ? heapBefore.get(old) : undefined;
    const next = heapAfter.get(serial);
    if (prev) change.before = prev;
    if (next) change.after = next;
    out.push(change);
  }
  for (const [name, serial] of b) {
    if (a.has(name)) continue;
    const change: NameChange = { frame: after.name, name };
    const prev = heapBefore.get(serial);
    if (prev) change.before = prev;
    out.push(change);
  }
  return out;
}

/** Steps the trace line by line, materialising the heap as it goes. */
export function* walkTrace(trace: Trace): Generator<LineEffects> {
  const steps = trace.steps;
  const sourceLines = trace.source.split("\n");
  const heap: HeapMap = new Map();
  if (steps.length > 0) applyDelta(heap, steps[0]!);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const after = steps[i + 1];
    const heapBefore = new Map(heap);
    if (after) applyDelta(heap, after);
    const heapAfter = new Map(heap);
    const created: HeapObject[] = [];
    const changed: { before: HeapObject; after: HeapObject }[] = [];
    for (const obj of after?.delta.upsert ?? []) {
      const prev = heapBefore.get(obj.serial);
      if (!prev) created.push(obj);
      else if (!sameRecord(prev, obj)) changed.push({ before: prev, after: obj });
    }
    const freed = (after?.delta.removed ?? []).map((s) => heapBefore.get(s)).filter((o): o is HeapObject => o !== undefined);
    // Module globals always; the innermost frame's locals too when the line ran inside one function.
    const framesAfter = after?.frames ?? step.frames;
    const bindings = diffFrames(step.frames[0], framesAfter[0], heapBefore, heapAfter);
    // The innermost frame is the same invocation only if every frame around it is where it was: a caller
    // that moved on means the function returned and was called again.
    const depth = step.frames.length;
    const sameCallers =
      framesAfter.length === depth && step.frames.slice(0, -1).every((f, i) => f.name === framesAfter[i]!.name && f.line === framesAfter[i]!.line);
    // A frame that ran `return`, or lost names without a `del`, ended; what follows is another call.
    const text = (sourceLines[step.line - 1] ?? "").trim();
    const inner = step.frames[depth - 1];
    const innerAfter = framesAfter[depth - 1];
    const ended =
      /^return\b/.test(text) || (inner !== undefined && innerAfter !== undefined && innerAfter.locals.length < inner.locals.length && !/^del\b/.test(text));
    if (depth > 1 && sameCallers && !ended && innerAfter!.name === inner!.name) {
      bindings.push(...diffFrames(step.frames[depth - 1], framesAfter[depth - 1], heapBefore, heapAfter));
    }
    yield {
      step,
      ...(after ? { after } : {}),
      heapBefore,
      heapAfter,
      bindings,
      events: after?.events ?? [],
      changed,
      created,
      freed,
      stdout: after?.stdout ?? "",
      stderr: after?.stderr ?? "",
    };
  }
}

/** The heap after step `index` (its delta applied), starting from the latest keyframe at or before it. */
export function heapAt(trace: Trace, index: number): HeapMap {
  const heap: HeapMap = new Map();
  let start = -1;
  for (const k of trace.keyframes) if (k.step <= index && k.step > start) start = k.step;
  if (start >= 0) {
    for (const obj of trace.keyframes.find((k) => k.step === start)!.objects) heap.set(obj.serial, obj);
  }
  for (let i = start + 1; i <= index && i < trace.steps.length; i++) applyDelta(heap, trace.steps[i]!);
  return heap;
}

/** The heap after the last step, with the module frame's bindings. */
export function finalState(trace: Trace): { heap: HeapMap; frame: FrameView | undefined; step: TraceStep | undefined } {
  const last = trace.steps[trace.steps.length - 1];
  return { heap: heapAt(trace, trace.steps.length - 1), frame: last?.frames[0], step: last };
}
