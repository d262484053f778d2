/**
 * The thread the interpreter runs in. The interpreter recurses on the JavaScript stack, and the main
 * thread's (about 1 MB) ends deep recursion through builtins (repr, ==, sorted(key=...) of nested data)
 * sooner than python3 does; a worker's stack is set when it starts (see `interpreter.ts`).
 *
 * One request at a time (`WorkerRequest`). What the program writes is posted as it is written, in the
 * order written; then what a view made of the trace; then the result (`done`) or what went wrong (`failed`).
 */
import { readSync, writeSync } from "node:fs";
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

/** For waiting a millisecond when a non-blocking descriptor is full. */
const pause = new Int32Array(new SharedArrayBuffer(4));
let closed = false;

/** Writes all of `text` to `fd` (1 or 2) now, in the order of the program's writes; a reader that went
 *  away is told to the main thread once, and nothing more is written. */
function writeAll(fd: number, text: string): void {
  if (closed) return;
  const bytes = Buffer.from(text, "utf8");
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") Atomics.wait(pause, 0, 0, 1);
      else if (code === "EPIPE") {
        closed = true;
        post({ kind: "closed" });
        return;
      } else throw err;
    }
  }
}

/** Bytes read from descriptor 0 past the last line input() took. */
let unread = Buffer.alloc(0);

/** The next line of descriptor 0 with its "\n" ("" at the end), read only now: a terminal gives a typed
 *  line, a pipe or file what it has (the rest waits in `unread`). The end is not remembered, so after
 *  Ctrl-D a terminal is read again, as python3's input() does. */
function readLine(): string {
  const chunk = Buffer.alloc(1 << 16);
  for (;;) {
    const nl = unread.indexOf(10);
    let n = 0;
    if (nl < 0) {
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") {
          Atomics.wait(pause, 0, 0, 1);
          continue;
        }
        if (code !== "EOF") throw err;
      }
      if (n > 0) {
        unread = Buffer.concat([unread, chunk.subarray(0, n)]);
        continue;
      }
    }
    const end = nl < 0 ? unread.length : nl + 1;
    const line = unread.subarray(0, end).toString("utf8");
    unread = unread.subarray(end);
    return line;
  }
}

port.on("message", ({ source, options, interrupt, listen, direct, stdin, view }: WorkerRequest) => {
  let lastProgress = 0;
  const full: RunOptions = { ...options, ...(interrupt ? { interrupt: new Int32Array(interrupt) } : {}) };
  if (stdin) full.stdin = readLine;
  const written = { stdout: 0, stderr: 0 };
  if (direct) {
    full.onStdout = (text) => {
      written.stdout += text.length;
      writeAll(1, text);
    };
    full.onStderr = (text) => {
      written.stderr += text.length;
      writeAll(2, text);
    };
  } else {
    if (listen.stdout) full.onStdout = (text) => post({ kind: "out", stream: "stdout", text });
    if (listen.stderr) full.onStderr = (text) => post({ kind: "out", stream: "stderr", text });
  }
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
    if (direct) {
      // what the run collected without handing it to the callbacks
      if (result.stdout.length > written.stdout) writeAll(1, result.stdout.slice(written.stdout));
      if (result.stderr.length > written.stderr) writeAll(2, result.stderr.slice(written.stderr));
    }
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
