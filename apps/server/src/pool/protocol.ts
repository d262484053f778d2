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

/** What the worker answers. */
export type RunTaskResult =
  | { kind: "ok"; body: string; exitCode: number; outcome: string }
  | { kind: "trace-too-large"; bytes: number };

/** What a pool thread posts to the pool: once `ready` after loading, then one answer per task. */
export type ThreadMessage =
  /** `tid`: the thread's operating-system id where the platform tells it (Linux), for its CPU time. */
  | { kind: "ready"; tid?: number | undefined }
  | { kind: "result"; result: unknown }
  /** The task function threw (a bug of ours, never a program's failure): the request answers 500. */
  | { kind: "error"; message: string };
