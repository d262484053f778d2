/**
 * What the commands make of a run's trace, made in the interpreter's thread (`run-worker.ts`) where the
 * trace was recorded: a trace is read lazily from the recorder's columns, so it is rendered there and only
 * text (or, for the REPL, the last step's heap as plain data) comes back to the main thread.
 */
import type { FrameView, HeapObject, Trace, TraceStep } from "@pyheap/python";
import picocolors from "picocolors";
import { explainText } from "./render/explain-text.js";
import { finalState, heapAt } from "./render/heap-state.js";
import { traceText } from "./render/trace-text.js";

/** Which steps to show and whether the text may carry colour codes. */
export interface ViewArgs {
  from?: number;
  to?: number;
  colors?: boolean;
}

/** The heap after the last step, as plain data (see `finalState`). */
export interface PlainState {
  heap: HeapObject[];
  frame: FrameView | undefined;
  step: TraceStep | undefined;
}

/**
 * The steps in [from, to] as a self-contained trace: steps renumbered from 0, and a keyframe at the new
 * step 0 holding the whole heap there, so any consumer of the schema can read it alone.
 */
export function cut(trace: Trace, from: number | undefined, to: number | undefined): Trace {
  if (from === undefined && to === undefined) return trace;
  const lo = Math.min(from ?? 0, Math.max(0, trace.steps.length - 1));
  const hi = Math.min(to ?? Number.POSITIVE_INFINITY, trace.steps.length - 1);
  const heap = heapAt(trace, lo);
  return {
    ...trace,
    steps: trace.steps.slice(lo, hi + 1).map((s) => ({ ...s, index: s.index - lo })),
    keyframes: [
      { step: 0, objects: [...heap.values()] },
      ...trace.keyframes.filter((k) => k.step > lo && k.step <= hi).map((k) => ({ ...k, step: k.step - lo })),
    ],
  };
}

/** Each view: text handed to `emit` (stdout of the command), and a value sent back as it is. */
export const VIEWS = {
  /** `pyheap trace --json`. */
  json(trace: Trace, args: ViewArgs, emit: (text: string) => void): void {
    emit(`${JSON.stringify(cut(trace, args.from, args.to))}\n`);
  },
  /** `pyheap trace`. */
  text(trace: Trace, args: ViewArgs, emit: (text: string) => void): void {
    const options = { colors: picocolors.createColors(args.colors === true), ...(args.from !== undefined ? { from: args.from } : {}), ...(args.to !== undefined ? { to: args.to } : {}) };
    for (const line of traceText(trace, options)) emit(`${line}\n`);
  },
  /** `pyheap explain`. */
  explain(trace: Trace, args: ViewArgs, emit: (text: string) => void): void {
    for (const paragraph of explainText(trace, args.from, args.to)) emit(`${paragraph}\n`);
  },
  /** The REPL's `:heap`, `:gc`, `:refs`, `:why`: the last step's heap. */
  state(trace: Trace): PlainState {
    const { heap, frame, step } = finalState(trace);
    return JSON.parse(JSON.stringify({ heap: [...heap.values()], frame, step })) as PlainState;
  },
};

export type ViewName = keyof typeof VIEWS;
