/**
 * What crosses the thread boundary between the HTTP side and a pool worker. Plain data only.
 *
 * The worker serialises the whole 200 body itself (`body`), so the HTTP thread sends it as is and never
 * walks a large trace.
 */

/** One run, as the worker receives it (limits already resolved against the server's). */
export interface RunTask {
  code: string;
  mode: "script" | "repl";
  trace: "none" | "line" | "instruction";
  filename?: string;
  gcThreshold?: number[];
  limits: {
    maxSteps: number;
    maxHeapBytes: number;
    recursionLimit: number;
    maxOutputBytes: number;
    timeoutMs: number;
    maxTraceSteps: number;
  };
  maxTraceBytes: number;
}

/**
 * The task as piscina hands it to a worker: the run plus a small shared control block (`Int32Array` over
 * `control`, see `Control`), through which the pool sees when the run started and on which thread.
 */
export interface PoolTask extends RunTask {
  control: SharedArrayBuffer;
}

/** Slots (Int32) of the shared control block. */
export const Control = {
  /** 0 while queued, 1 once the worker started the run, 2 when it has returned. */
  State: 0,
  /** The worker thread's operating-system id (Linux), 0 when unknown. */
  Tid: 1,
  /** 1 while the pool has lowered the thread's priority for this run (the worker restores it at the end). */
  Lowered: 2,
} as const;

/** Int32 slots in a control block. */
export const CONTROL_SLOTS = 3;

/** What the worker answers. */
export type RunTaskResult =
  | { kind: "ok"; body: string; exitCode: number; outcome: string }
  | { kind: "trace-too-large"; bytes: number };
