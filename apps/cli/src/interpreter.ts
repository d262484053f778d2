/**
 * The one door to the interpreter: `run` of `@pyheap/python` (and, for the REPL, how its REPL mode cuts
 * input into statements), loaded when a command first needs it (so `--help` and usage errors stay instant).
 *
 * Programs run in a worker thread with a 4 MB stack, the stack the corpus runner's and the server's
 * workers have: on the main thread's (about 1 MB) recursion through builtins (repr, ==, sorted(key=...)
 * of nested lists) ends in a RecursionError far sooner than in python3. For `pyheap run` the worker
 * writes what the program prints to file descriptors 1 and 2 itself, in the order printed; otherwise the
 * writes come back as messages, in order. While a run is in flight Ctrl-C (SIGINT) stops it through the
 * interpreter's interrupt flag; a second one ends pyheap.
 */
import { Worker } from "node:worker_threads";
import type { InteractiveChunk, RunOptions, RunResult } from "@pyheap/python";
import { InterpreterError } from "./errors.js";
import type { ViewArgs, ViewName } from "./views.js";

/**
 * The run's result without its trace: `traced` when one was recorded, `value` what the view returned;
 * `interrupted` when Ctrl-C stopped the run.
 */
export type CliRunResult = Omit<RunResult, "trace"> & { traced: boolean; value?: unknown; interrupted: boolean };

/** A view of the trace made in the worker (`views.ts`); `onText` receives the text it writes. */
export interface ViewRequest {
  name: ViewName;
  args?: ViewArgs;
  onText?: (text: string) => void;
}

/**
 * Runs a program. `direct`: the worker writes what the program prints to this process's stdout and stderr
 * itself, as it prints it (no message per write: 30 000 prints cost 0.19 s more CPU as messages); the
 * `onStdout`/`onStderr` callbacks are then not called, and the result's streams are all written.
 */
export type RunFunction = (source: string, options: RunOptions, view?: ViewRequest, direct?: boolean, stdin?: boolean) => Promise<CliRunResult>;

/** The worker's stack, in MB (Node's default for workers, as the corpus runner and the server use). */
export const STACK_MB = 4;

/** What the main thread sends: the options without their callbacks, which stay on this side. */
export interface WorkerRequest {
  source: string;
  options: RunOptions;
  interrupt?: SharedArrayBuffer;
  /** Which callbacks the caller gave: only those are posted back. */
  listen: { stdout: boolean; stderr: boolean; progress: boolean };
  /** Write the program's output to file descriptors 1 and 2 from the worker (see `RunFunction`). */
  direct: boolean;
  /** input() reads the process's standard input (descriptor 0), a line when it asks; else it gets EOF. */
  stdin: boolean;
  view?: { name: ViewName; args: ViewArgs };
}

export type WorkerReply =
  | { kind: "out"; stream: "stdout" | "stderr"; text: string }
  | { kind: "progress"; steps: number }
  | { kind: "view"; text: string }
  | { kind: "closed" }
  | { kind: "done"; result: Omit<RunResult, "trace">; traced: boolean; value: unknown }
  | { kind: "failed"; message: string; stack?: string };

/** A run the worker answers: the callbacks for what it posts. */
interface InFlight {
  options: RunOptions;
  view: ViewRequest | undefined;
  resolve(result: Omit<CliRunResult, "interrupted">): void;
  reject(err: Error): void;
}

/** The exit status once Ctrl-C stopped a run (python3's after a KeyboardInterrupt nobody caught), and
 *  after a second Ctrl-C ends pyheap at once. */
export const INTERRUPTED_STATUS = 130;

let worker: Worker | undefined;
let current: InFlight | undefined;

/** A failure of ours inside the worker: reported as one before (`pyheap: internal error: …`). */
function failed(message: string, stack?: string): Error {
  const err = new Error(message);
  if (stack) err.stack = stack;
  return err;
}

function startWorker(): Worker {
  const w = new Worker(new URL("./run-worker.js", import.meta.url), { resourceLimits: { stackSizeMb: STACK_MB } });
  w.on("message", (reply: WorkerReply) => {
    const run = current;
    if (!run) return;
    if (reply.kind === "out") (reply.stream === "stdout" ? run.options.onStdout : run.options.onStderr)?.(reply.text);
    else if (reply.kind === "progress") run.options.onProgress?.(reply.steps);
    else if (reply.kind === "view") run.view?.onText?.(reply.text);
    // the reader of stdout or stderr went away (| head): end quietly, as bin.ts does for our own writes
    else if (reply.kind === "closed") process.exit(process.exitCode ?? 0);
    else {
      current = undefined;
      w.unref();
      if (reply.kind === "done") run.resolve({ ...reply.result, traced: reply.traced, value: reply.value });
      else run.reject(failed(reply.message, reply.stack));
    }
  });
  const lost = (err: Error) => {
    if (worker === w) worker = undefined;
    const run = current;
    current = undefined;
    run?.reject(err);
  };
  w.on("error", (err) => lost(failed(err.message, err.stack)));
  w.on("exit", (code) => lost(failed(`the interpreter's thread stopped (exit code ${code})`)));
  return w;
}

/** Runs `source` in the worker (started on first use); one run at a time. */
function runInWorker(source: string, options: RunOptions, view?: ViewRequest, direct = false, stdin = false): Promise<CliRunResult> {
  if (current) return Promise.reject(new InterpreterError("a run is already in progress"));
  const w = (worker ??= startWorker());
  const interrupt = new Int32Array(new SharedArrayBuffer(4));
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(INTERRUPTED_STATUS);
    interrupted = true;
    Atomics.store(interrupt, 0, 1);
  };
  const { onStdout, onStderr, onProgress, interrupt: _given, ...plain } = options;
  const listen = { stdout: onStdout !== undefined, stderr: onStderr !== undefined, progress: onProgress !== undefined };
  const request: WorkerRequest = { source, options: plain, interrupt: interrupt.buffer as SharedArrayBuffer, listen, direct, stdin };
  if (view) request.view = { name: view.name, args: view.args ?? {} };
  return new Promise<Omit<CliRunResult, "interrupted">>((resolve, reject) => {
    current = { options, view, resolve, reject };
    process.on("SIGINT", onSigint);
    w.ref();
    w.postMessage(request);
  })
    .finally(() => process.off("SIGINT", onSigint))
    .then((result) => ({ ...result, interrupted }));
}

/** The interpreter's `run`, in its worker thread (the package is imported there on first use). */
export async function loadRun(): Promise<RunFunction> {
  return runInWorker;
}

export type SplitFunction = (input: string) => InteractiveChunk[];

/** How the interpreter's REPL mode cuts typed text into statements (the same cut decides the prompts). */
export async function loadSplit(): Promise<SplitFunction> {
  const { splitInteractive } = await import("@pyheap/python");
  return splitInteractive;
}
