// RunPool's own guarantees, with a worker whose task sleeps, spins forever or exhausts its heap on demand.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { RunPool } from "../src/pool/run-pool.js";
import type { RunTask } from "../src/pool/protocol.js";
import { until } from "./helpers.js";

const filename = fileURLToPath(new URL("./fixtures/pool-test-worker.mjs", import.meta.url));
const pools: RunPool[] = [];

function makePool(workers: number, queue: number, longRunMs = 10_000, spares?: number): RunPool {
  const pool = new RunPool({ filename, workers, queue, workerHeapMb: 64, hardKillGraceMs: 0, longRunMs, ...(spares !== undefined ? { spares } : {}) });
  pools.push(pool);
  return pool;
}

function task(code: string, timeoutMs = 10_000, cpuLimitMs?: number): RunTask {
  return {
    code,
    mode: "script",
    trace: "none",
    limits: { maxSteps: 1, maxHeapBytes: 1, recursionLimit: 1, maxOutputBytes: 1, timeoutMs, maxTraceSteps: 1 },
    maxTraceBytes: 1,
    ...(cpuLimitMs !== undefined ? { cpuLimitMs } : {}),
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

  it("loads task modules with import(), never require() (a thread stopped inside require(esm) ends the process on Node 20)", async () => {
    const pool = makePool(1, 0);
    const out = await pool.run(task("require-esm"));
    expect(out.kind).toBe("ok");
    expect(JSON.parse((out as { body: string }).body)).toEqual({ loaded: false });
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
    // One thread and no spare: the run before and the killed run share it, so the run after must be on its
    // replacement (with a spare, the killed run could land on the other thread and the check say nothing).
    const pool = makePool(1, 0, 10_000, 0);
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
    const pool = makePool(1, 1, 10_000, 0);
    // The thread ready first, so the blocker holds it from the start.
    expect((await pool.run(task("sleep:1"))).kind).toBe("ok");
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

  it("long runs get a lowered priority and spare threads: short runs keep going, nothing is stopped", async () => {
    const pool = makePool(2, 4, 50, 2);
    expect(pool.threads).toBe(4);
    await Promise.all([pool.run(task("sleep:1")), pool.run(task("sleep:1"))]);
    const first = pool.run(task("spin:5000"));
    const second = pool.run(task("spin:5000"));
    await until(() => pool.longRuns === 2);
    // Linux: the long runs' threads now run at nice 10.
    if (existsSync("/proc/thread-self")) await until(() => pool.lowPriorityRuns === 2);
    // Two short runs at once still find two threads, and end while the long runs go on.
    // (1 s: wide enough a window for the 10 ms polls below on a machine busy with other work.)
    const shorts = [pool.run(task("sleep:1000")), pool.run(task("sleep:1000"))];
    await until(() => pool.running === 4);
    expect(pool.queued).toBe(0);
    expect((await Promise.all(shorts)).map((o) => o.kind)).toEqual(["ok", "ok"]);
    expect(pool.longRuns).toBe(2);
    expect((await Promise.all([first, second])).map((o) => o.kind)).toEqual(["ok", "ok"]);
    // Each thread got its normal priority back when its run ended (reported by the thread itself).
    const niceness = await Promise.all([0, 1, 2, 3].map(() => pool.run(task("nice"))));
    for (const out of niceness) if (out.kind === "ok") expect(JSON.parse(out.body).nice).toBe(0);
    // The next long runs are lowered again.
    const again = [pool.run(task("spin:1500")), pool.run(task("spin:1500"))];
    await until(() => pool.longRuns === 2);
    expect((await Promise.all(again)).map((o) => o.kind)).toEqual(["ok", "ok"]);
  });

  it("a long run past its own time limit gets its normal priority back and ends by itself", async () => {
    const pool = new RunPool({ filename, workers: 1, queue: 1, workerHeapMb: 64, hardKillGraceMs: 20_000, longRunMs: 30, spares: 0 });
    pools.push(pool);
    expect((await pool.run(task("sleep:1"))).kind).toBe("ok");
    // The stand-in task ignores its time limit: it spins 2.5 s, past the 700 ms limit, short of the kill.
    const long = pool.run(task("spin:2500", 700));
    await until(() => pool.longRuns === 1);
    if (existsSync("/proc/thread-self")) {
      await until(() => pool.lowPriorityRuns === 1);
      await until(() => pool.lowPriorityRuns === 0);
      expect(pool.running).toBe(1);
    }
    expect((await long).kind).toBe("ok");
    const after = await pool.run(task("nice"));
    if (after.kind === "ok") expect(JSON.parse(after.body).nice).toBe(0);
  });

  it("without a spare: while runs wait, the newer of two long runs is shed", async () => {
    const pool = makePool(2, 4, 80, 0);
    // Both threads ready first, so the two long runs start together.
    await Promise.all([pool.run(task("sleep:1")), pool.run(task("sleep:1"))]);
    const first = pool.run(task("spin:3000"));
    await new Promise((r) => setTimeout(r, 30));
    const second = pool.run(task("spin:3000"));
    // Both turn long with nobody waiting: both go on.
    await until(() => pool.longRuns === 2);
    const short = pool.run(task("sleep:1"));
    expect((await short).kind).toBe("ok");
    const shed = await second;
    expect(shed.kind).toBe("shed");
    if (shed.kind === "shed") expect(shed.wallMs).toBeGreaterThanOrEqual(80);
    expect((await first).kind).toBe("ok");
    // The shed run's thread was replaced: the pool serves two runs at once again.
    const after = await Promise.all([pool.run(task("sleep:1")), pool.run(task("sleep:1"))]);
    expect(after.map((o) => o.kind)).toEqual(["ok", "ok"]);
  });

  it("short runs go on while one long run holds a worker", async () => {
    const pool = makePool(2, 4, 50);
    await Promise.all([pool.run(task("sleep:1")), pool.run(task("sleep:1"))]);
    const long = pool.run(task("spin:2500"));
    await until(() => pool.longRuns === 1);
    for (let i = 0; i < 5; i++) expect((await pool.run(task("sleep:5"))).kind).toBe("ok");
    expect(pool.running).toBe(1);
    expect((await long).kind).toBe("ok");
  });

  it("a run that waits (no CPU) is not long, however long it takes", async () => {
    const pool = makePool(2, 4, 50);
    await Promise.all([pool.run(task("sleep:1")), pool.run(task("sleep:1"))]);
    const waiting = pool.run(task("sleep:600"));
    await new Promise((r) => setTimeout(r, 300));
    // CPU time is read from /proc where there is one (Linux); elsewhere wall time decides.
    expect(pool.longRuns).toBe(existsSync("/proc/thread-self") ? 0 : 1);
    expect((await waiting).kind).toBe("ok");
  });

  it("never sheds with a single worker", async () => {
    const pool = makePool(1, 1, 30);
    const long = pool.run(task("spin:400"));
    const next = pool.run(task("sleep:1"));
    expect((await long).kind).toBe("ok");
    expect((await next).kind).toBe("ok");
  });

  it("rejects runs when the task module cannot load, and close() still ends", async () => {
    const pool = new RunPool({ filename: "/nonexistent/pool-task.mjs", workers: 1, queue: 1, workerHeapMb: 64, hardKillGraceMs: 0, spares: 0 });
    pools.push(pool);
    await expect(pool.run(task("sleep:1"))).rejects.toThrow(/failed in its worker/);
  });

  it("a thread failing with no run on it is reported, and a run is still answered", async () => {
    const errors: Error[] = [];
    const pool = new RunPool({
      filename: "/nonexistent/pool-task.mjs",
      workers: 1,
      queue: 1,
      workerHeapMb: 64,
      hardKillGraceMs: 0,
      spares: 1,
      onThreadError: (err) => errors.push(err),
    });
    pools.push(pool);
    await until(() => errors.length > 0);
    expect(errors[0]!.message).toMatch(/pool-task\.mjs/);
    // A run is still answered: rejected if a thread was trying to start when it came, otherwise (piscina
    // starts no more threads after failures at start-up) given up once its wall time has passed.
    const outcome = await pool.run(task("sleep:1", 500)).then(
      (o) => o.kind,
      (err: Error) => err.message,
    );
    expect(outcome).toMatch(/^(queue-timeout|the run failed in its worker: .*)$/s);
  });

  it("close() waits for runs in flight, then refuses new ones", async () => {
    const pool = makePool(1, 1);
    const inFlight = pool.run(task("sleep:200"));
    const closed = pool.close();
    await expect(pool.run(task("sleep:1"))).rejects.toThrow(/closed/);
    expect((await inFlight).kind).toBe("ok");
    await closed;
    expect(pool.pending).toBe(0);
  });
});

describe("RunPool while its threads warm up", () => {
  function slowPool(warmUpDelayMs: number | number[], startupWaitMs?: number): RunPool {
    const pool = new RunPool({
      filename,
      workers: 1,
      queue: 4,
      workerHeapMb: 64,
      hardKillGraceMs: 0,
      spares: 1,
      warmUpDelayMs,
      ...(startupWaitMs !== undefined ? { startupWaitMs } : {}),
    });
    pools.push(pool);
    return pool;
  }

  it("a run arriving before any thread is warm waits for the first, past its own wall time, and runs", async () => {
    const pool = slowPool(800);
    expect(pool.ready).toBe(false);
    const out = await pool.run(task("sleep:1", 100));
    expect(out.kind).toBe("ok");
    expect(pool.ready).toBe(true);
    expect(pool.warmThreads).toBeGreaterThanOrEqual(1);
  });

  it("runs sent while a thread still warms up are all served, none stopped to make room (that thread is warming, not busy)", async () => {
    // One thread warm soon, the other never: the first run turns suspect (past 5 ms) while the others wait
    // for a thread; once every thread is warm the newest suspected run would be asked to stop (lane-full).
    const pool = slowPool([200, 600_000]);
    const outs = await Promise.all([pool.run(task("poll:40", 5000)), pool.run(task("poll:40", 5000)), pool.run(task("sleep:1", 5000))]);
    expect(outs.map((o) => o.kind)).toEqual(["ok", "ok", "ok"]);
  });

  it("no thread warm within startupWaitMs: the run is answered 'starting'", async () => {
    const pool = slowPool(600_000, 300);
    const out = await pool.run(task("sleep:1", 100));
    expect(out.kind).toBe("starting");
    if (out.kind === "starting") expect(out.waitedMs).toBeGreaterThanOrEqual(300);
    expect(pool.pending).toBe(0);
    expect(pool.ready).toBe(false);
  });
});

describe("RunPool lanes and CPU-time limits", () => {
  /** A pool with `workers` short places, a long lane of `longRuns`, and `spares` threads beyond the workers. */
  function lanePool(workers: number, longRuns: number, spares: number, longRunMs = 30): RunPool {
    const pool = new RunPool({ filename, workers, queue: 32, workerHeapMb: 64, hardKillGraceMs: 0, longRunMs, longRuns, spares });
    pools.push(pool);
    return pool;
  }
  const body = (o: { kind: string }) => JSON.parse((o as { body: string }).body) as { threadId: number; stop: number };

  it("at most `workers` short runs are on threads at once; the others wait in arrival order", async () => {
    const pool = lanePool(1, 1, 2);
    await Promise.all([0, 1, 2].map(() => pool.run(task("sleep:1"))));
    const order: string[] = [];
    const runs = ["sleep:300", "sleep:1", "sleep:2", "sleep:3"].map((code) => pool.run(task(code)).then((o) => (order.push(code), o)));
    await until(() => pool.running === 1);
    // Two threads are free, yet the other three wait for the one short place.
    expect(pool.queued).toBe(3);
    expect((await Promise.all(runs)).map((o) => o.kind)).toEqual(["ok", "ok", "ok", "ok"]);
    expect(order).toEqual(["sleep:300", "sleep:1", "sleep:2", "sleep:3"]);
  });

  it("a run turning long leaves the short place to the next waiting run and joins the long lane at low priority", async () => {
    const pool = lanePool(1, 1, 2);
    await Promise.all([0, 1, 2].map(() => pool.run(task("sleep:1"))));
    let longDone = false;
    const long = pool.run(task("poll:4000")).then((o) => ((longDone = true), o));
    const short = pool.run(task("sleep:1"));
    // Queued behind the run that is not yet known to be long, then served once it is (or is suspected).
    expect((await short).kind).toBe("ok");
    await until(() => pool.laneRuns === 1);
    if (existsSync("/proc/thread-self")) await until(() => pool.lowPriorityRuns === 1);
    expect(longDone).toBe(false);
    const out = await long;
    expect(out.kind).toBe("ok");
    if (out.kind === "ok") expect(out.timing?.lane).toBe("long");
  });

  it("with the long lane full, a run turning long is asked to stop (lane-full) and short runs never wait behind long ones", async () => {
    const pool = lanePool(1, 1, 2);
    await Promise.all([0, 1, 2].map(() => pool.run(task("sleep:1"))));
    const events: string[] = [];
    const parked = pool.run(task("poll:6000")).then((o) => (events.push("parked"), o));
    await until(() => pool.laneRuns === 1);
    // A flood of would-be long runs, each followed by a short one.
    const flood: Promise<unknown>[] = [];
    const shorts: Promise<unknown>[] = [];
    for (let i = 0; i < 4; i++) {
      flood.push(pool.run(task("poll:6000")).then((o) => (events.push(`flood:${o.kind}`), o)));
      shorts.push(pool.run(task("sleep:1")).then((o) => (events.push(`short:${o.kind}`), o)));
    }
    await Promise.all([...flood, ...shorts]);
    // Every would-be long run was stopped at the lane's door (by itself: no thread was terminated for it),
    // every short run was answered, and all of it while the parked run still holds the lane.
    expect(events.filter((e) => e.startsWith("flood:"))).toEqual(["flood:lane-full", "flood:lane-full", "flood:lane-full", "flood:lane-full"]);
    expect(events.filter((e) => e.startsWith("short:"))).toEqual(["short:ok", "short:ok", "short:ok", "short:ok"]);
    expect(events).not.toContain("parked");
    expect(pool.laneRuns).toBe(1);
    expect((await parked).kind).toBe("ok");
  });

  it("a short run past suspectMs of CPU time gives its place to the next waiting run before it is known to be long", async () => {
    const pool = new RunPool({ filename, workers: 1, queue: 8, workerHeapMb: 64, hardKillGraceMs: 0, longRunMs: 60_000, suspectMs: 30, longRuns: 1, spares: 2 });
    pools.push(pool);
    await Promise.all([0, 1, 2].map(() => pool.run(task("sleep:1"))));
    let busyDone = false;
    const busy = pool.run(task("poll:4000")).then((o) => ((busyDone = true), o));
    const shorts = await Promise.all([pool.run(task("sleep:1")), pool.run(task("sleep:2"))]);
    expect(shorts.map((o) => o.kind)).toEqual(["ok", "ok"]);
    // Served beside it on the spare threads, while it is still short and going (at nice 5 on Linux).
    expect(busyDone).toBe(false);
    expect(pool.longRuns).toBe(0);
    if (existsSync("/proc/thread-self")) expect(pool.lowPriorityRuns).toBe(1);
    expect((await busy).kind).toBe("ok");
  });

  it("when suspected runs hold every thread and a short run waits for one, the newest suspected run is asked to stop", async () => {
    const pool = new RunPool({ filename, workers: 1, queue: 8, workerHeapMb: 64, hardKillGraceMs: 0, longRunMs: 60_000, suspectMs: 20, longRuns: 1, spares: 1 });
    pools.push(pool);
    await Promise.all([0, 1].map(() => pool.run(task("sleep:1"))));
    const events: string[] = [];
    const older = pool.run(task("poll:5000")).then((o) => (events.push(`older:${o.kind}`), o));
    const newer = pool.run(task("poll:5000")).then((o) => (events.push(`newer:${o.kind}`), o));
    // Both suspected (the second got the first's place): both threads busy.
    await until(() => pool.running === 2 && pool.lowPriorityRuns === (existsSync("/proc/thread-self") ? 2 : 0) && pool.queued === 0);
    const short = await pool.run(task("sleep:1")).then((o) => (events.push(`short:${o.kind}`), o));
    expect(short.kind).toBe("ok");
    expect(events).toEqual(["newer:lane-full", "short:ok"]);
    expect((await older).kind).toBe("ok");
    await newer;
  });

  it("a long lane of 0 stops every run that turns long", async () => {
    const pool = lanePool(1, 0, 1);
    expect((await pool.run(task("poll:4000"))).kind).toBe("lane-full");
    expect((await pool.run(task("sleep:1"))).kind).toBe("ok");
  });

  it("a run past its CPU-time limit is asked to stop and ends by itself on the same thread", async () => {
    const pool = lanePool(1, 1, 0, 10_000);
    const before = await pool.run(task("sleep:1"));
    const out = await pool.run(task("poll:5000", 10_000, 60));
    expect(out.kind).toBe("ok");
    expect(body(out).stop).toBe(1);
    expect(body(out).threadId).toBe(body(before).threadId);
    // Without a CPU-time limit the same run is not stopped.
    expect(body(await pool.run(task("poll:100"))).stop).toBe(0);
  });

  it("a run that does not stop when asked is terminated after the grace and its thread replaced", async () => {
    const pool = lanePool(1, 1, 0, 10_000);
    const before = await pool.run(task("sleep:1"));
    // spin never reads Date.now(): like one long interpreter step.
    const out = await pool.run(task("spin:4000", 10_000, 40));
    expect(out.kind).toBe("cpu-limit");
    if (out.kind === "cpu-limit") expect(out.cpuLimitMs).toBe(40);
    const after = await pool.run(task("sleep:1"));
    expect(body(after).threadId).not.toBe(body(before).threadId);
  });
});
