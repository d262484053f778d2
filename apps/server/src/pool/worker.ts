/**
 * A pool worker: runs one Python program per task with `run()` of `@pyheap/python` and returns the
 * serialised 200 body. Runs inside a piscina worker thread; one task at a time.
 *
 * It relies on the interpreter's own limits (steps, heap, recursion, output, wall time, trace steps); the
 * pool on the HTTP side asks a run to stop (its CPU-time limit, or a full long-run lane) through the
 * control block, whose stop slot is the run's interrupt flag, and terminates this thread if a run ever
 * outlives its wall time anyway.
 */
import { warmUpDone } from "./low-start.js";
import { run, type RunOptions } from "@pyheap/python";
import { WARM_UP_OPTIONS, WARM_UP_PROGRAM } from "./warm-up.js";
import { StopReason, type PoolTask, type RunTask, type RunTaskResult } from "./protocol.js";
import { announceWarm, beginTask, delayWarmUp, endTask, interruptFlag, setOwnPriority, stopRequested, timingOf, type TaskHandle } from "./task-control.js";

// Warm up once when the thread starts (the heap's WASM compiled, the interpreter's code paths jitted), so
// neither the first request nor the one after a worker replacement pays for it. Runs go to warm threads
// only: a request arriving before any thread is warm waits for the first (see RunPool).
delayWarmUp();
try {
  run("pass\n", {});
  // (a wall-time limit of its own: at the lowest priority on a busy machine the first pass can take
  // longer than a run's default 10 s, which would stop it before its last imports)
  for (let i = 0; i < 2; i++) run(WARM_UP_PROGRAM, WARM_UP_OPTIONS);
} catch {
  // A failing interpreter shows up in the first real run, where it is reported.
}
// Loaded (a thread started in place of another at the lowest priority, see low-start.ts): serve runs at
// the normal one.
setOwnPriority(0);
warmUpDone();
announceWarm();

/** A task that does nothing: the pool sends one to have piscina hand queued runs to a thread just warm. */
export function idle(): null {
  return null;
}

/** Piscina's entry point: one task in, one result out. */
export default function runPoolTask(task: PoolTask): RunTaskResult {
  const handle = beginTask(task.control);
  try {
    const result = runTask(task, handle);
    result.timing = timingOf(handle);
    return result;
  } finally {
    endTask(handle);
  }
}

function runTask(task: RunTask, handle: TaskHandle): RunTaskResult {
  const options: RunOptions = {
    mode: task.mode,
    trace: task.trace,
    limits: task.limits,
    interrupt: interruptFlag(handle),
  };
  if (task.filename !== undefined) options.filename = task.filename;
  if (task.stdin !== undefined) options.stdin = task.stdin;
  if (task.gcThreshold !== undefined) options.gcThreshold = task.gcThreshold as RunOptions["gcThreshold"];
  const result = run(task.code, options);
  const stop = stopRequested(handle);
  if (stop !== StopReason.None && result.outcome.status === "limit" && result.outcome.limit === "time") {
    // Stopped at the pool's request (or by its own wall time just then): say why.
    if (stop === StopReason.LaneFull) return { kind: "lane-full" };
    result.outcome = { status: "limit", limit: "time", message: `CPU time limit of ${task.cpuLimitMs ?? 0} ms exceeded` };
    if (result.trace !== undefined) result.trace.outcome = result.outcome;
  }
  // Otherwise the run ended by itself before it read the flag: its own result.
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
