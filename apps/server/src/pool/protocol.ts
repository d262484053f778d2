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
  /** The program's standard input, which input() reads. */
  stdin?: string;
  limits: {
    maxSteps: number;
    maxHeapBytes: number;
    recursionLimit: number;
    maxOutputBytes: number;
    timeoutMs: number;
    maxTraceSteps: number;
  };
  maxTraceBytes: number;
  /**
   * CPU time (ms) the run may use; the pool asks the run to stop past it and the answer is a `limit: time`
   * result naming it. Absent: no CPU-time limit (the wall-time limit still holds).
   */
  cpuLimitMs?: number;
}

/**
 * The task as piscina hands it to a worker: the run plus a small shared control block (`Int32Array` over
 * `control`, see `Control`), through which the pool sees when the run started and on which thread, and
 * through which it asks a run to stop.
 */
export interface PoolTask extends RunTask {
  control: SharedArrayBuffer;
}

/** Slots (Int32) of the shared control block. */
export const Control = {
  /** 0 while queued, 1 once the worker started the run, 2 when it has returned (3: the pool is changing its priority). */
  State: 0,
  /** The worker thread's operating-system id (Linux), 0 when unknown. */
  Tid: 1,
  /** 1 while the pool has lowered the thread's priority for this run (the worker restores it at the end). */
  Lowered: 2,
  /** Why the pool asks the run to stop (`StopReason`), 0 while it may go on. */
  Stop: 3,
} as const;

/** Int32 slots in a control block. */
export const CONTROL_SLOTS = 4;

/** Values of `Control.Stop`. */
export const StopReason = {
  None: 0,
  /** The run used its CPU-time limit (`cpuLimitMs`). */
  CpuLimit: 1,
  /** The run turned long while the long-run lane was full. */
  LaneFull: 2,
} as const;

/** When a run started on its thread (epoch ms, sub-ms precision), how long it ran, and its thread's CPU time. */
export interface RunTiming {
  start: number;
  runMs: number;
  cpuMs: number;
}

/** What the worker answers. */
export type RunTaskResult =
  | { kind: "ok"; body: string; exitCode: number; outcome: string; timing?: RunTiming }
  | { kind: "trace-too-large"; bytes: number; timing?: RunTiming }
  /** Stopped at the pool's request because it turned long while the long-run lane was full. */
  | { kind: "lane-full"; timing?: RunTiming };

/**
 * What each pool thread gets as `workerData`: the shared start-up block (`Startup` slots) and, for tests
 * only, a delay before the warm-up.
 */
export interface WorkerStart {
  startup: SharedArrayBuffer;
  /**
   * Tests only: the thread sleeps this long (ms) before its warm-up (a warm-up that is slow or never ends);
   * a list gives each thread its own, in the order they start (the last for the rest).
   */
  warmUpDelayMs?: number | number[];
}

/** Slots (Int32) of the start-up block shared by the pool and all its threads. */
export const Startup = {
  /**
   * Threads that may still warm up at the normal priority: the threads the pool starts with (nothing is
   * served yet when the server starts); a thread started later in place of another warms up at the lowest.
   */
  NormalStarts: 0,
  /** How many more of those may warm up now (at most `workers` at once, so that the first are warm soon). */
  FreeWarmUps: 1,
  /** Threads started so far (tests: which of `warmUpDelayMs` a thread takes). */
  Started: 2,
} as const;

/** Int32 slots in the start-up block. */
export const STARTUP_SLOTS = 3;

/** The message a thread posts once its warm-up is done: `{ [WARM]: threadId }` (piscina emits it as 'message'). */
export const WARM = "pyheapWarm";
