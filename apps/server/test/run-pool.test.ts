// RunPool's own guarantees, with a worker whose task sleeps, spins forever or exhausts its heap on demand.
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { RunPool } from "../src/pool/run-pool.js";
import type { RunTask } from "../src/pool/protocol.js";

const filename = fileURLToPath(new URL("./fixtures/pool-test-worker.mjs", import.meta.url));
const pools: RunPool[] = [];

function makePool(workers: number, queue: number): RunPool {
  const pool = new RunPool({ filename, workers, queue, workerHeapMb: 64, hardKillGraceMs: 0 });
  pools.push(pool);
  return pool;
}

function task(code: string, timeoutMs = 10_000): Omit<RunTask, "started"> {
  return {
    code,
    mode: "script",
    trace: "none",
    limits: { maxSteps: 1, maxHeapBytes: 1, recursionLimit: 1, maxOutputBytes: 1, timeoutMs, maxTraceSteps: 1 },
    maxTraceBytes: 1,
  };
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.destroy()));
});

describe("RunPool", () => {
  it("runs a task and returns the worker's answer", async () => {
    const pool = makePool(1, 0);
    const out = await pool.run(task("sleep:1"));
    expect(out.kind).toBe("ok");
  });

  it("refuses at once past workers + queue, and admits again when a slot frees", async () => {
    const pool = makePool(1, 1);
    const first = pool.run(task("sleep:400"));
    const second = pool.run(task("sleep:1"));
    expect(pool.pending).toBe(2);
    expect(pool.saturated).toBe(true);
    expect(await pool.run(task("sleep:1"))).toEqual({ kind: "saturated" });
    expect((await first).kind).toBe("ok");
    expect((await second).kind).toBe("ok");
    expect(pool.pending).toBe(0);
    expect((await pool.run(task("sleep:1"))).kind).toBe("ok");
  });

  it("terminates a run past its wall time and replaces its worker", async () => {
    const pool = makePool(1, 0);
    const before = await pool.run(task("sleep:1"));
    const killed = await pool.run(task("forever", 200));
    expect(killed.kind).toBe("killed");
    if (killed.kind === "killed") expect(killed.wallMs).toBeGreaterThanOrEqual(200);
    const after = await pool.run(task("sleep:1"));
    expect(after.kind).toBe("ok");
    if (before.kind === "ok" && after.kind === "ok") {
      expect(JSON.parse(after.body).threadId).not.toBe(JSON.parse(before.body).threadId);
    }
  });

  it("gives up on a run that never got a worker before its wall time", async () => {
    const pool = makePool(1, 1);
    const blocker = pool.run(task("sleep:600"));
    const waiting = await pool.run(task("sleep:1", 100));
    expect(waiting).toEqual({ kind: "queue-timeout" });
    expect((await blocker).kind).toBe("ok");
  });

  it("reports a worker that ran out of memory and keeps serving", async () => {
    const pool = makePool(1, 0);
    const out = await pool.run(task("grow", 60_000));
    expect(out.kind).toBe("worker-out-of-memory");
    expect((await pool.run(task("sleep:1"))).kind).toBe("ok");
  });
});
