/**
 * `pyheap trace FILE` and `pyheap explain FILE`: run with a trace, then show it step by step (or as the
 * published JSON with `--json`), or tell it in sentences.
 */
import type { Trace } from "@pyheap/python";
import { InterpreterError, UsageError } from "../errors.js";
import { loadRun } from "../interpreter.js";
import { runOptionsFrom, type SharedOptions } from "../options.js";
import { colorsFor } from "../render/colors.js";
import { explainText } from "../render/explain-text.js";
import { heapAt } from "../render/heap-state.js";
import { progressBar } from "../render/progress.js";
import { traceText } from "../render/trace-text.js";
import { readProgram } from "../source.js";

export interface TraceCommandOptions extends SharedOptions {
  json?: boolean;
  instructions?: boolean;
  from?: number;
  to?: number;
  maxTraceSteps?: number;
}

/** Default cap on recorded steps for a terminal trace. */
const DEFAULT_TRACE_STEPS = 100_000;

async function record(file: string, options: TraceCommandOptions, granularity: "line" | "instruction"): Promise<{ trace: Trace; exitCode: number }> {
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
  }
  const program = readProgram(file);
  const run = await loadRun();
  const maxTraceSteps = options.maxTraceSteps ?? DEFAULT_TRACE_STEPS;
  const progress = progressBar(process.stderr, maxTraceSteps, "tracing");
  let result;
  try {
    result = run(program.source, {
      ...runOptionsFrom(options, program.filename, { maxTraceSteps }),
      trace: granularity,
      onProgress: (steps) => progress.update(steps),
    });
  } finally {
    progress.done();
  }
  if (!result.trace) throw new InterpreterError("this build of the interpreter records no trace");
  return { trace: result.trace, exitCode: result.exitCode };
}

/**
 * The steps in [from, to] as a self-contained trace: steps renumbered from 0, and a keyframe at the new
 * step 0 holding the whole heap there, so any consumer of the schema can read it alone.
 */
function cut(trace: Trace, from: number | undefined, to: number | undefined): Trace {
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

/** `pyheap trace`; returns the program's exit status. */
export async function traceCommand(file: string, options: TraceCommandOptions): Promise<number> {
  const { trace, exitCode } = await record(file, options, options.instructions ? "instruction" : "line");
  if (options.json) {
    process.stdout.write(`${JSON.stringify(cut(trace, options.from, options.to))}\n`);
    return exitCode;
  }
  const colors = colorsFor(process.stdout);
  const textOptions = { colors, ...(options.from !== undefined ? { from: options.from } : {}), ...(options.to !== undefined ? { to: options.to } : {}) };
  for (const line of traceText(trace, textOptions)) process.stdout.write(`${line}\n`);
  return exitCode;
}

/** `pyheap explain`; returns the program's exit status. */
export async function explainCommand(file: string, options: TraceCommandOptions): Promise<number> {
  const { trace, exitCode } = await record(file, options, "line");
  for (const paragraph of explainText(trace, options.from, options.to)) process.stdout.write(`${paragraph}\n`);
  return exitCode;
}
