/**
 * The worker's side of a task's shared control block (`Control` in protocol.ts): it says when a run
 * starts and on which thread, and at the end of each run gives the thread back its normal priority if the
 * pool lowered it for a long run. Used by the interpreter's worker and by the pool's test worker.
 */
import { readFileSync } from "node:fs";
import { setPriority } from "node:os";
import { Control } from "./protocol.js";

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

/** Marks the run started, naming this thread. */
export function beginTask(control: SharedArrayBuffer): Int32Array {
  const view = new Int32Array(control);
  Atomics.store(view, Control.Tid, tid);
  Atomics.store(view, Control.State, 1);
  return view;
}

/**
 * Marks the run ended. If the pool lowered this thread's priority during the run, it goes back to normal
 * (the pool lowers it only while the state is 1 and holds the state at 3 while doing so, so the two never
 * cross: a lowering either finishes before this sees the flag or never happens).
 */
export function endTask(view: Int32Array): void {
  while (Atomics.compareExchange(view, Control.State, 1, 2) !== 1) {
    // 3: the pool is lowering the priority right now (one system call); wait for it.
    if (Atomics.load(view, Control.State) !== 3) break;
  }
  if (Atomics.exchange(view, Control.Lowered, 0) === 1 && tid !== 0) {
    try {
      setPriority(tid, 0);
    } catch {
      // Raising a priority back needs the right to (root or CAP_SYS_NICE, or RLIMIT_NICE): without it this
      // thread serves its next runs at the lowered priority.
    }
  }
}
