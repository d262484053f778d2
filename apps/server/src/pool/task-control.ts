/**
 * The worker's side of a task's shared control block (`Control` in protocol.ts): it says when a run
 * starts and on which thread, measures the run's wall and CPU time, lets the pool ask the run to stop,
 * and at the end of each run gives the thread back its normal priority if the pool lowered it for a long
 * run. Used by the interpreter's worker and by the pool's test worker.
 *
 * Asking a run to stop: the pool sets the run's `Control.Stop` slot, and `interruptFlag()` gives the
 * interpreter that slot as its interrupt flag (`RunOptions.interrupt`). The interpreter reads it with one
 * atomic load every 4096 steps and every ~64K items inside builtins that can take long in one step, and
 * stops with its own `limit: time` outcome (output and trace so far kept, heap torn down, "run
 * interrupted"); the worker then says why. The thread goes on serving runs, which a termination would not
 * allow (a new thread costs a module load and a warm-up run).
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, threadId, workerData } from "node:worker_threads";
import { Control, Startup, StopReason, WARM, type RunTiming, type WorkerStart } from "./protocol.js";

/** This thread's id in the operating system (Linux: /proc/thread-self), 0 where the platform does not say. */
function osThreadId(): number {
  try {
    const tid = Number.parseInt(readFileSync("/proc/thread-self/stat", "utf8"), 10);
    return Number.isInteger(tid) && tid > 0 ? tid : 0;
  } catch {
    return 0;
  }
}

const tid = osThreadId();

/** This thread's schedstat file (its first field: CPU time in ns), opened once; -1 without one. */
let schedFd = -1;
try {
  schedFd = openSync("/proc/thread-self/schedstat", "r");
} catch {
  schedFd = -1;
}
const schedBuffer = Buffer.alloc(128);

/** CPU time this thread has used (ms, ns precision), or NaN where /proc does not say. */
export function ownCpuMs(): number {
  if (schedFd < 0) return Number.NaN;
  try {
    const n = readSync(schedFd, schedBuffer, 0, schedBuffer.length, 0);
    return Number.parseInt(schedBuffer.toString("latin1", 0, n), 10) / 1e6;
  } catch {
    closeSync(schedFd);
    schedFd = -1;
    return Number.NaN;
  }
}

/** A run in progress on this thread. */
export interface TaskHandle {
  view: Int32Array;
  /** performance.now() and this thread's CPU time (ms) at the start. */
  t0: number;
  cpu0: number;
}

/** Marks the run started, naming this thread. */
export function beginTask(control: SharedArrayBuffer): TaskHandle {
  const view = new Int32Array(control);
  const handle = { view, t0: performance.now(), cpu0: ownCpuMs() };
  Atomics.store(view, Control.Tid, tid);
  Atomics.store(view, Control.State, 1);
  return handle;
}

/**
 * The run's interrupt flag for `run()`: a one-element view of its control block's `Control.Stop` slot, on
 * the same shared memory, so the run stops once the pool asks it to.
 */
export function interruptFlag(handle: TaskHandle): Int32Array {
  return new Int32Array(handle.view.buffer, Control.Stop * Int32Array.BYTES_PER_ELEMENT, 1);
}

/** The stop the pool asked this run for (`StopReason`), 0 if none. */
export function stopRequested(handle: TaskHandle): number {
  return Atomics.load(handle.view, Control.Stop);
}

/** The run's timing so far. */
export function timingOf(handle: TaskHandle): RunTiming {
  const now = performance.now();
  const cpu = ownCpuMs() - handle.cpu0;
  return { start: performance.timeOrigin + handle.t0, runMs: now - handle.t0, cpuMs: Number.isNaN(cpu) ? -1 : cpu };
}

/**
 * Marks the run ended. If the pool lowered this thread's priority during the run, it goes back to normal
 * (the pool changes it only while the state is 1 and holds the state at 3 while doing so, so the two never
 * cross: a lowering either finishes before this sees the flag or never happens).
 */
export function endTask(handle: TaskHandle): void {
  const view = handle.view;
  while (Atomics.compareExchange(view, Control.State, 1, 2) !== 1) {
    // 3: the pool is lowering the priority right now (one system call); wait for it.
    if (Atomics.load(view, Control.State) !== 3) break;
  }
  if (Atomics.exchange(view, Control.Lowered, 0) === 1 && tid !== 0) setOwnPriority(0);
}

/** Sets this thread's nice value; false when not permitted or not supported. */
export function setOwnPriority(nice: number): boolean {
  if (tid === 0) return false;
  try {
    setPriority(tid, nice);
    return true;
  } catch {
    // Raising a priority back needs the right to (root or CAP_SYS_NICE, or RLIMIT_NICE): without it this
    // thread serves its next runs at the lowered priority.
    return false;
  }
}

/**
 * Tells the pool this thread's warm-up is done: from now on it may be given runs (the pool's load balancer
 * gives runs to warm threads only). Tests can hold the warm-up back first (`WorkerStart.warmUpDelayMs`).
 */
export function announceWarm(): void {
  parentPort?.postMessage({ [WARM]: threadId });
}

/** Tests only: sleeps the delay the pool asked for before the warm-up (none in production). */
export function delayWarmUp(): void {
  const start = workerData as WorkerStart | undefined;
  const delays = start?.warmUpDelayMs ?? 0;
  const delay = typeof delays === "number" ? delays : delays[Math.min(Atomics.add(new Int32Array(start!.startup), Startup.Started, 1), delays.length - 1)]!;
  if (delay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay);
}
