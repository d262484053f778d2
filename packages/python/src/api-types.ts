/** Public option and result types of `run()` and `Session`. */
import type { RunOutcome, Trace } from "./trace/schema.js";

export interface RunLimits {
  /** Maximum executed bytecode instructions (default 10_000_000). */
  maxSteps?: number;
  /** Maximum live heap bytes before MemoryError (default 256 MiB). */
  maxHeapBytes?: number;
  /** Recursion limit as sys.getrecursionlimit() (default 1000). */
  recursionLimit?: number;
  /** Maximum bytes written to stdout+stderr (default 1 MiB). */
  maxOutputBytes?: number;
  /** Wall time in milliseconds (default 10_000). */
  timeoutMs?: number;
  /** Maximum trace steps recorded (default 100_000); the run stops with limit "trace-size" past it. */
  maxTraceSteps?: number;
}

export interface RunOptions {
  /** "script" (default): one compilation unit; "repl": each top-level statement its own unit, echoed. */
  mode?: "script" | "repl";
  /** File name shown in tracebacks (default "main.py" for scripts, "<stdin>" in REPL mode). */
  filename?: string;
  /** "none" (default), "line" or "instruction". */
  trace?: "none" | "line" | "instruction";
  /**
   * Count the objects the program allocates and frees, by type, into `stats.allocated` / `stats.freed`
   * (from the program's first instruction to its last, interpreter shutdown excluded). Off by default:
   * it turns the heap's event ring on, which slows the run down.
   */
  countObjects?: boolean;
  /** Initial gc thresholds (default [700, 10, 10]). */
  gcThreshold?: [number, number, number] | [number] | [number, number];
  limits?: RunLimits;
  /**
   * Stops the run from outside (another thread, a signal handler, a timer between runs' steps): a view over
   * a `SharedArrayBuffer` (or any `Int32Array`) whose element 0 is read with `Atomics.load`; once it is
   * non-zero the run ends as its wall-time limit ends it — outcome `limit: "time"` with the message
   * "run interrupted", `exitCode` 1, the output and trace up to that point kept, the heap torn down. It is
   * read where the time limit is (every 4096 instructions) and every ~64K items inside builtins that can
   * take long in one step (repetition, list()/tuple()/join over an iterable), so a run that sets it
   * stops within a few milliseconds. Absent: nothing is read.
   */
  interrupt?: Int32Array;
  /**
   * The program's standard input, read by `input()` line by line: a text, or a function returning the next
   * line with its "\n" (the last one may lack it) and "" or null at the end (read only when `input()` asks,
   * so it can block on a terminal). Absent: an empty stdin (`input()` raises EOFError after its prompt).
   */
  stdin?: string | (() => string | null);
  /** Called with what the program writes, as it writes it (besides being collected in the result). */
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
  /** Called every so many steps while tracing (for progress bars). */
  onProgress?: (steps: number) => void;
}

export interface RunStats {
  steps: number;
  /** Objects allocated / freed over the run, by type name (filled when `countObjects` is set, else empty).
   *  An object taken back from a type's free list counts as allocated, one parked there as freed. */
  allocated: Record<string, number>;
  freed: Record<string, number>;
  /** With `countObjects`: allocations and frees the counts missed (more than the heap's event ring holds
   *  happened inside one instruction), so the counts are short by that many. */
  uncounted?: number;
  peakHeapBytes: number;
  /** Per generation: number of collections and objects collected. */
  collections: [number, number, number];
  collected: [number, number, number];
  /** Objects still alive after teardown that the interpreter does not own for its whole life (should be 0). */
  leaked: number;
  wallMs: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** 0, or 1 for an uncaught exception / syntax error (like python3); a limit gives 1 too. */
  exitCode: number;
  outcome: RunOutcome;
  stats: RunStats;
  /** Present when options.trace is "line" or "instruction". */
  trace?: Trace;
}

/**
 * A run whose trace comes before its teardown (`runStaged`): the program has run and its trace is finished;
 * the interpreter's teardown (CPython's shutdown sequence: the exit collections, finalizers run at exit,
 * the module wipe; then the leak count) waits for `finish()`.
 */
export interface StagedRun {
  /** The finished trace when `trace` was "line" or "instruction" (the teardown adds nothing to a trace). */
  readonly trace: Trace | undefined;
  /**
   * Tears the interpreter down and returns the result, the one `run()` gives for the same program and
   * options (its `trace` is the one above; `stats.wallMs` leaves out the time before this call). Later calls
   * return the same object. Until it is called, the interpreter stays out of the pool.
   */
  finish(): RunResult;
}
