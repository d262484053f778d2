// Runs corpus cases for run.mjs inside a worker thread, one message per case, so that a case that
// never returns can be stopped by terminating the worker without losing the rest of the run.
import { parentPort } from "node:worker_threads";
// as Node loads the package (its "node" entry): loops compiled to JavaScript once hot, unless PYHEAP_JIT=0
// (the eval loop alone); PYHEAP_JIT_THRESHOLD=N compiles them after N jumps back (1: from the first)
import { runDetailed } from "@pyheap/python";

// `interrupt` is set by run.mjs once the case has used its CPU time; `wallMs` is the wall-time limit, for a
// run that waits without using the CPU; the interpreter's step limit is its default (10 000 000).
parentPort.on("message", ({ source, filename, repl, interrupt, wallMs }) => {
  let reply;
  try {
    const { result, heap } = runDetailed(source, { filename, mode: repl ? "repl" : "script", interrupt, limits: { timeoutMs: wallMs } });
    reply = {
      ok: true,
      stdout: result.stdout,
      stderr: result.stderr,
      leaked: heap.leaked.slice(0, 5).map((l) => `${l.type}${l.repr ? " " + JSON.stringify(l.repr) : ""} rc=${l.refcnt}`),
      leakedCount: heap.leaked.length,
      check: { ok: heap.check.ok, code: heap.check.code, object: heap.check.object },
      stopped: result.outcome.status === "limit" ? `${result.outcome.limit}: ${result.outcome.message}` : undefined,
    };
  } catch (e) {
    reply = { ok: false, error: e && e.message ? String(e.message).split("\n")[0] : String(e) };
  }
  parentPort.postMessage(reply);
});
