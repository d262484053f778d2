/**
 * A pool worker: runs one Python program per task with `run()` of `@pyheap/python` and returns the
 * serialised 200 body. Runs inside a piscina worker thread; one task at a time.
 *
 * It relies on the interpreter's own limits (steps, heap, recursion, output, wall time, trace steps); the
 * pool on the HTTP side terminates this thread if a run ever outlives its wall time anyway.
 */
import { run, type RunOptions } from "@pyheap/python";
import type { PoolTask, RunTask, RunTaskResult } from "./protocol.js";
import { beginTask, endTask } from "./task-control.js";

// Warm up once when the thread starts (the heap's WASM compiled, the interpreter's code paths jitted), so
// neither the first request nor the one after a worker replacement pays for it.
try {
  run("pass\n", {});
} catch {
  // A failing interpreter shows up in the first real run, where it is reported.
}

/** Piscina's entry point: one task in, one result out. */
export default function runPoolTask(task: PoolTask): RunTaskResult {
  const control = beginTask(task.control);
  try {
    return runTask(task);
  } finally {
    endTask(control);
  }
}

function runTask(task: RunTask): RunTaskResult {
  const options: RunOptions = {
    mode: task.mode,
    trace: task.trace,
    limits: task.limits,
  };
  if (task.filename !== undefined) options.filename = task.filename;
  if (task.gcThreshold !== undefined) options.gcThreshold = task.gcThreshold as RunOptions["gcThreshold"];
  const result = run(task.code, options);
  let traceJson = "";
  if (task.trace !== "none" && result.trace !== undefined) {
    traceJson = JSON.stringify(result.trace);
    const bytes = Buffer.byteLength(traceJson);
    if (bytes > task.maxTraceBytes) return { kind: "trace-too-large", bytes };
  }
  const head = JSON.stringify({
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
    outcome: result.outcome,
    stats: result.stats,
  });
  const body = traceJson === "" ? head : `${head.slice(0, -1)},"trace":${traceJson}}`;
  return { kind: "ok", body, exitCode: result.exitCode, outcome: result.outcome.status };
}
