/**
 * `pyheap trace FILE` and `pyheap explain FILE`: run with a trace, then show it step by step (or as the
 * published JSON with `--json`), or tell it in sentences. The text is made where the trace was recorded,
 * in the interpreter's thread (`views.ts`), and written here as it comes.
 */
import { InterpreterError, UsageError } from "../errors.js";
import { INTERRUPTED_STATUS, loadRun } from "../interpreter.js";
import { runOptionsFrom, type SharedOptions } from "../options.js";
import { colorEnabled } from "../render/colors.js";
import { progressBar } from "../render/progress.js";
import { readProgram } from "../source.js";
import type { ViewName } from "../views.js";

export interface TraceCommandOptions extends SharedOptions {
  json?: boolean;
  instructions?: boolean;
  from?: number;
  to?: number;
  maxTraceSteps?: number;
}

/** Default cap on recorded steps for a terminal trace. */
const DEFAULT_TRACE_STEPS = 100_000;

/** Runs with a trace and writes the view of it on stdout; returns the program's exit status. */
async function show(file: string, options: TraceCommandOptions, granularity: "line" | "instruction", view: ViewName): Promise<number> {
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
  }
  const program = readProgram(file);
  const run = await loadRun();
  const maxTraceSteps = options.maxTraceSteps ?? DEFAULT_TRACE_STEPS;
  const progress = progressBar(process.stderr, maxTraceSteps, "tracing");
  const args = {
    colors: colorEnabled(process.stdout),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
  };
  let started = false;
  let result;
  try {
    result = await run(
      program.source,
      { ...runOptionsFrom(options, program.filename, { maxTraceSteps }), trace: granularity, onProgress: (steps) => progress.update(steps) },
      {
        name: view,
        args,
        onText: (text) => {
          if (!started) progress.done();
          started = true;
          process.stdout.write(text);
        },
      },
    );
  } finally {
    if (!started) progress.done();
  }
  if (!result.traced) throw new InterpreterError("this build of the interpreter records no trace");
  return result.interrupted ? INTERRUPTED_STATUS : result.exitCode;
}

/** `pyheap trace`; returns the program's exit status. */
export function traceCommand(file: string, options: TraceCommandOptions): Promise<number> {
  return show(file, options, options.instructions ? "instruction" : "line", options.json ? "json" : "text");
}

/** `pyheap explain`; returns the program's exit status. */
export function explainCommand(file: string, options: TraceCommandOptions): Promise<number> {
  return show(file, options, "line", "explain");
}
