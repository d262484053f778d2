/**
 * Imported first by the pool worker: the priority of the thread's start (loading the interpreter and its
 * warm-up run, ~1–1.5 s of CPU). The threads the pool starts with warm up at the normal priority, at most
 * `workers` at once (`Startup` in protocol.ts): when the server starts nothing is served yet, and all of
 * them at once at nice 19 beside the machine's other work made the first warm thread come 30–45 s after
 * start at load 11–17. A thread started later in place of a terminated one warms up at the lowest priority
 * (nice 19), so that it takes CPU time only when the threads serving runs leave some. The worker gives
 * itself the normal priority back once it is ready (`setOwnPriority(0)`) and calls `warmUpDone()`.
 */
import { workerData } from "node:worker_threads";
import { Startup, type WorkerStart } from "./protocol.js";
import { setOwnPriority } from "./task-control.js";

/** Waiting for a warm-up place never takes longer than this (a thread that died holding one frees none). */
const MAX_WAIT_MS = 60_000;

const block = (workerData as WorkerStart | undefined)?.startup;
const view = block === undefined ? undefined : new Int32Array(block);
let holdsPlace = false;

if (view !== undefined && Atomics.sub(view, Startup.NormalStarts, 1) > 0) {
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const free = Atomics.load(view, Startup.FreeWarmUps);
    if (free > 0) {
      if (Atomics.compareExchange(view, Startup.FreeWarmUps, free, free - 1) === free) {
        holdsPlace = true;
        break;
      }
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) break;
    Atomics.wait(view, Startup.FreeWarmUps, free, Math.min(left, 1000));
  }
} else {
  setOwnPriority(19);
}

/** The warm-up is over: its place goes to the next thread waiting for one. */
export function warmUpDone(): void {
  if (!holdsPlace || view === undefined) return;
  holdsPlace = false;
  Atomics.add(view, Startup.FreeWarmUps, 1);
  Atomics.notify(view, Startup.FreeWarmUps, 1);
}
