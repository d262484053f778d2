/**
 * The thread the interpreter runs in. The interpreter recurses on the JavaScript stack, and the main
 * thread's (about 1 MB) ends deep recursion through builtins (repr, ==, sorted(key=...) of nested data)
 * sooner than python3 does; a worker's stack is set when it starts (see `interpreter.ts`).
 *
 * One request at a time (`WorkerRequest`). What the program writes is posted as it is written, in the
 * order written; then what a view made of the trace; then the result (`done`) or what went wrong (`failed`).
 */
import { parentPort } from "node:worker_threads";
import { run, type RunOptions } from "@pyheap/python";
import type { WorkerReply, WorkerRequest } from "./interpreter.js";
import { VIEWS } from "./views.js";

/** The least time between two progress messages (the bar redraws at most every 100 ms). */
const PROGRESS_EVERY_MS = 50;
/** A view's text is sent in pieces of about this many characters. */
const VIEW_CHUNK = 1 << 16;

const port = parentPort!;
const post = (reply: WorkerReply) => port.postMessage(reply);

port.on("message", ({ source, options, interrupt, listen, view }: WorkerRequest) => {
  let lastProgress = 0;
  const full: RunOptions = { ...options, ...(interrupt ? { interrupt: new Int32Array(interrupt) } : {}) };
  if (listen.stdout) full.onStdout = (text) => post({ kind: "out", stream: "stdout", text });
  if (listen.stderr) full.onStderr = (text) => post({ kind: "out", stream: "stderr", text });
  if (listen.progress) {
    full.onProgress = (steps) => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      post({ kind: "progress", steps });
    };
  }
  try {
    const { trace, ...result } = run(source, full);
    let value: unknown;
    if (view && trace) {
      let pending = "";
      const emit = (text: string) => {
        pending += text;
        if (pending.length >= VIEW_CHUNK) {
          post({ kind: "view", text: pending });
          pending = "";
        }
      };
      value = VIEWS[view.name](trace, view.args, emit);
      if (pending) post({ kind: "view", text: pending });
    }
    post({ kind: "done", result, traced: trace !== undefined, value });
  } catch (err) {
    post({ kind: "failed", message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) });
  }
});
