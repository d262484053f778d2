// Runs programs with pyheap in a worker thread, one message per program, so that a program that never
// returns can be stopped by terminating the worker.
import { parentPort } from "node:worker_threads";
import { runDetailed } from "@pyheap/python";

parentPort.on("message", ({ id, source, filename }) => {
  let reply;
  try {
    const { result, heap } = runDetailed(source, { filename, limits: { timeoutMs: 5_000 } }, { check: true });
    reply = {
      id,
      ok: true,
      stdout: result.stdout,
      stderr: result.stderr,
      exitCode: result.exitCode,
      outcome: result.outcome.status,
      leaked: heap.leaked.slice(0, 5).map((l) => `${l.type}${l.repr ? " " + JSON.stringify(l.repr) : ""} rc=${l.refcnt}`),
      leakedCount: heap.leaked.length,
      check: heap.check.ok ? "ok" : `code ${heap.check.code} at object ${heap.check.object}`,
    };
  } catch (e) {
    reply = { id, ok: false, error: e && e.stack ? String(e.stack).split("\n").slice(0, 4).join("\n") : String(e) };
  }
  parentPort.postMessage(reply);
});
