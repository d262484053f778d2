/**
 * The body of every pool thread: loads the task module named in `workerData.filename` (its default export
 * is `(task) => result`, synchronous), says it is ready, then answers one message with one result, in
 * order. The pool never sends a thread a second task before the first is answered.
 */
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import type { ThreadMessage } from "./protocol.js";

const port = parentPort;
if (!port) throw new Error("pool thread started outside a worker");

const { filename } = workerData as { filename: string };
// Loading the module is the thread's warm-up (the interpreter's own module runs a first program).
const mod = (await import(pathToFileURL(filename).href)) as { default: (task: unknown) => unknown };
const runTask = mod.default;

port.on("message", (task: unknown) => {
  let reply: ThreadMessage;
  try {
    reply = { kind: "result", result: runTask(task) };
  } catch (err) {
    reply = { kind: "error", message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
/** This thread's id in the operating system (Linux: from /proc/thread-self), so the pool can read its CPU time. */
function osThreadId(): number | undefined {
  try {
    const tid = Number.parseInt(readFileSync("/proc/thread-self/stat", "utf8"), 10);
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}
port.postMessage({ kind: "ready", tid: osThreadId() } satisfies ThreadMessage);
