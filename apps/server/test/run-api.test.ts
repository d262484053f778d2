// POST /api/v1/run with the real interpreter: results equal python3's, the trace, limits, the pool
// saturating (503 + Retry-After), and a graceful shutdown that lets runs in flight finish.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type PyheapApp } from "../src/app.js";
import { serve } from "../src/serve.js";
import { emptyDir, OpenApiChecker, silentLogger, testConfig, until, untilWarm } from "./helpers.js";

const corpus = fileURLToPath(new URL("../../../corpus/shared/", import.meta.url));
const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
const blog1 = readFileSync(join(corpus, "blog/01-list-append-same-id.py"), "utf8");
const LOOP = "n = 0\nwhile True:\n    n += 1\n";

/** Runs `code` with python3 from a file at `file` (so tracebacks show its lines), `input` its stdin. */
function python(code: string, file: string, input = ""): { stdout: string; stderr: string; status: number } {
  writeFileSync(file, code);
  try {
    return { stdout: execFileSync(PYTHON, [file], { encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"] }), stderr: "", status: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; status: number };
    return { stdout: e.stdout, stderr: e.stderr, status: e.status };
  }
}

const opened: PyheapApp[] = [];
let main: PyheapApp;
let checker: OpenApiChecker;

beforeAll(async () => {
  main = createApp(testConfig({ WEB_DIST: emptyDir(), MAX_TRACE_BYTES: "200000" }), { logger: silentLogger });
  opened.push(main);
  checker = new OpenApiChecker((await request(main.app).get("/openapi.json")).body);
});
afterAll(async () => {
  await Promise.all(opened.map((a) => a.pool.destroy()));
});

/** Waits until the pool has accepted a run (bounded: fails rather than hangs). */
async function untilPending(app: PyheapApp): Promise<void> {
  await until(() => app.pool.pending > 0, 90_000, 5);
}

const post = (app: PyheapApp, body: unknown) => request(app.app).post("/api/v1/run").send(body as object);

describe("POST /api/v1/run", () => {
  it("runs the blog's example: 200 with python3's output and statistics", async () => {
    const res = await post(main, { code: blog1 });
    expect(res.status).toBe(200);
    checker.check("POST", "/api/v1/run", res);
    expect(res.body.stdout).toBe(readFileSync(join(corpus, "blog/01-list-append-same-id.out"), "utf8"));
    expect(res.body).toMatchObject({ stderr: "", exitCode: 0, outcome: { status: "ok" } });
    expect(res.body.stats.steps).toBeGreaterThan(0);
    expect(res.body.stats.peakHeapBytes).toBeGreaterThan(0);
    expect(res.body.trace).toBeUndefined();
  });

  it("a Python exception is a result: 200, exit code 1, python3's traceback", async () => {
    const code = "def f(x):\n    return 1 / x\nf(0)\n";
    const file = join(emptyDir(), "failing.py");
    const expected = python(code, file);
    const res = await post(main, { code, filename: file });
    expect(res.status).toBe(200);
    checker.check("POST", "/api/v1/run", res);
    expect(res.body.exitCode).toBe(1);
    expect(res.body.stderr).toBe(expected.stderr);
    expect(res.body.outcome).toMatchObject({ status: "exception", type: "ZeroDivisionError" });
  });

  it("gives the program its stdin: input() reads it as python3 reads its own", async () => {
    const code = 'name = input("Name: ")\nprint("Hello,", name)\nwhile True:\n    print(repr(input(">")))\n';
    const file = join(emptyDir(), "greet.py");
    for (const stdin of ["Ann\nb \r\n\nlast", ""]) {
      const expected = python(code, file, stdin);
      const res = await post(main, { code, filename: file, stdin });
      expect(res.status).toBe(200);
      checker.check("POST", "/api/v1/run", res);
      expect(res.body.stdout).toBe(expected.stdout);
      expect(res.body.stderr).toBe(expected.stderr);
      expect(res.body.exitCode).toBe(expected.status);
    }
  });

  it("applies gc thresholds and REPL mode", async () => {
    const res = await post(main, { code: "import gc\ngc.get_threshold()\n", mode: "repl", gcThreshold: [5, 3] });
    expect(res.status).toBe(200);
    expect(res.body.stdout).toBe("(5, 3, 10)\n");
  });

  it("stops an infinite loop at the step limit the request asks for", async () => {
    const res = await post(main, { code: LOOP, limits: { maxSteps: 10000 } });
    expect(res.status).toBe(200);
    checker.check("POST", "/api/v1/run", res);
    expect(res.body.exitCode).toBe(1);
    expect(res.body.outcome).toMatchObject({ status: "limit", limit: "steps" });
  });
});

// The infinite loops of these tests end at a CPU-time limit of 3 s or a wall-time limit of 20 s, whichever
// comes first: the checks that short runs were served while a loop still went on need the loop to outlast
// them. A loop that turned long runs at nice 19: it takes 3 s of CPU time in about 3 s on an idle machine,
// next to none on a loaded one, where the wall-time limit ends it. With a wall-time limit of 6 s, the short
// runs' own time at load 13-18 (up to ~1 s each) and the warm-up left a margin of little more than 2x.
const LOOP_LIMITS = { CPU_LIMIT_MS: "3000", TIMEOUT_MS: "20000", MAX_STEPS: "1000000000" };
function expectLoopStopped(outcome: { status: string; limit: string; message: string }): void {
  expect(outcome).toMatchObject({ status: "limit", limit: "time" });
  expect(outcome.message).toMatch(/^(CPU time limit of 3000 ms exceeded|time limit exceeded)$/);
}

describe("runaway programs beside short runs", () => {
  it("an infinite loop runs at a lowered priority and short runs go on meanwhile on a spare thread", async () => {
    const app = createApp(testConfig({ WORKERS: "1", SPARE_WORKERS: "1", LONG_RUN_MS: "10", ...LOOP_LIMITS, WEB_DIST: emptyDir() }), {
      logger: silentLogger,
    });
    opened.push(app);
    await untilWarm(app);
    let loopDone = false;
    const loop = post(app, { code: LOOP }).then((res) => ((loopDone = true), res));
    await until(() => app.pool.lowPriorityRuns === 1);
    const expected = readFileSync(join(corpus, "blog/01-list-append-same-id.out"), "utf8");
    for (let i = 0; i < 3; i++) {
      const res = await post(app, { code: blog1 });
      expect(res.status).toBe(200);
      expect(res.body.stdout).toBe(expected);
    }
    // With one thread these three would have waited for the loop's end.
    expect(loopDone).toBe(false);
    const stopped = await loop;
    expect(stopped.status).toBe(200);
    expectLoopStopped(stopped.body.outcome);
    expect(app.pool.lowPriorityRuns).toBe(0);
  });

  it("with no spare, a run waiting makes the newer of two long runs give way: 503 with Retry-After", async () => {
    const app = createApp(
      testConfig({ WORKERS: "2", SPARE_WORKERS: "0", QUEUE: "4", LONG_RUN_MS: "10", ...LOOP_LIMITS, WEB_DIST: emptyDir() }),
      { logger: silentLogger },
    );
    opened.push(app);
    // Both threads ready first.
    await untilWarm(app);
    const first = post(app, { code: LOOP }).then((r) => r);
    await until(() => app.pool.longRuns === 1);
    const second = post(app, { code: LOOP }).then((r) => r);
    await until(() => app.pool.longRuns === 2);
    const short = await post(app, { code: "print(6 * 7)" });
    expect(short.status).toBe(200);
    expect(short.body.stdout).toBe("42\n");
    const shed = await second;
    expect(shed.status).toBe(503);
    expect(shed.headers["retry-after"]).toBe("1");
    expect(shed.body.type).toBe("urn:pyheap:problem:pool-saturated");
    expect(shed.body.detail).toMatch(/busy with a long run/);
    checker.check("POST", "/api/v1/run", shed);
    const kept = await first;
    expect(kept.status).toBe(200);
    expectLoopStopped(kept.body.outcome);
  });
});

describe("CPU-time limits and the long lane, with the real interpreter", () => {
  it("an infinite loop stops at its CPU-time limit by itself, with a limit result naming it; the thread serves on", async () => {
    // (LONG_RUN_MS 25, the default: the run turns long, as its Server-Timing says)
    const app = createApp(testConfig({ CPU_LIMIT_MS: "40", LONG_RUN_MS: "25", MAX_STEPS: "1000000000", TIMEOUT_MS: "20000", WEB_DIST: emptyDir() }), { logger: silentLogger });
    opened.push(app);
    const res = await post(app, { code: LOOP });
    expect(res.status).toBe(200);
    checker.check("POST", "/api/v1/run", res);
    expect(res.body.exitCode).toBe(1);
    expect(res.body.outcome).toEqual({ status: "limit", limit: "time", message: "CPU time limit of 40 ms exceeded" });
    // Stopped by the interpreter (it counted its steps), not by terminating the thread.
    expect(res.body.stats.steps).toBeGreaterThan(4096);
    expect(res.headers["server-timing"]).toMatch(/^queue;dur=[\d.]+, start;dur=[\d.]+, run;dur=[\d.]+(, cpu;dur=[\d.]+)?, lane;desc=long$/);
    const next = await post(app, { code: blog1 });
    expect(next.status).toBe(200);
    expect(next.body.outcome.status).toBe("ok");
    expect(next.headers["server-timing"]).toMatch(/lane;desc=short$/);
  });

  it("a run asked to stop inside one long step (a huge repetition) stops inside it, its output so far kept", async () => {
    const app = createApp(testConfig({ CPU_LIMIT_MS: "40", MAX_STEPS: "1000000000", TIMEOUT_MS: "20000", WEB_DIST: emptyDir() }), { logger: silentLogger });
    opened.push(app);
    const res = await post(app, { code: "print('go')\nx = (0,) * 20_000_000\nprint(len(x))\n" });
    expect(res.status).toBe(200);
    checker.check("POST", "/api/v1/run", res);
    expect(res.body.outcome).toEqual({ status: "limit", limit: "time", message: "CPU time limit of 40 ms exceeded" });
    // The interpreter stopped inside the repetition (its thread was not terminated: the output is kept).
    expect(res.body.stdout).toBe("go\n");
    expect(res.body.stats.steps).toBeGreaterThan(0);
    expect(res.body.stats.steps).toBeLessThan(4096);
    const next = await post(app, { code: blog1 });
    expect(next.status).toBe(200);
    expect(next.body.outcome.status).toBe("ok");
  });

  it("a traced run has its own CPU-time limit", async () => {
    const app = createApp(
      testConfig({ CPU_LIMIT_MS: "86400000", TRACE_CPU_LIMIT_MS: "60", MAX_TRACE_STEPS: "10000000", MAX_STEPS: "1000000000", TIMEOUT_MS: "20000", WEB_DIST: emptyDir() }),
      { logger: silentLogger },
    );
    opened.push(app);
    const traced = await post(app, { code: LOOP, trace: "line" });
    expect(traced.status).toBe(200);
    expect(traced.body.outcome).toEqual({ status: "limit", limit: "time", message: "CPU time limit of 60 ms exceeded" });
    // The trace recorded up to the stop, ending with the same outcome.
    expect(traced.body.trace.outcome).toEqual(traced.body.outcome);
    expect(traced.body.trace.steps.length).toBeGreaterThan(100);
    const plain = await post(app, { code: LOOP, limits: { maxSteps: 100000 } });
    expect(plain.body.outcome).toMatchObject({ status: "limit", limit: "steps" });
  });

  it("with the long lane full, a second infinite loop gets 503 with Retry-After while short runs go on", async () => {
    const app = createApp(
      testConfig({ WORKERS: "1", SPARE_WORKERS: "2", LONG_RUNS: "1", LONG_RUN_MS: "10", ...LOOP_LIMITS, WEB_DIST: emptyDir() }),
      { logger: silentLogger },
    );
    opened.push(app);
    await untilWarm(app);
    let parkedDone = false;
    const parked = post(app, { code: LOOP }).then((r) => ((parkedDone = true), r));
    await until(() => app.pool.laneRuns === 1);
    const refused = await post(app, { code: LOOP });
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("1");
    expect(refused.body.type).toBe("urn:pyheap:problem:pool-saturated");
    expect(refused.body.detail).toMatch(/served 1 at a time/);
    checker.check("POST", "/api/v1/run", refused);
    const expected = readFileSync(join(corpus, "blog/01-list-append-same-id.out"), "utf8");
    for (let i = 0; i < 3; i++) {
      const res = await post(app, { code: blog1 });
      expect(res.status).toBe(200);
      expect(res.body.stdout).toBe(expected);
    }
    expect(parkedDone).toBe(false);
    const kept = await parked;
    expect(kept.status).toBe(200);
    expectLoopStopped(kept.body.outcome);
  });
});

describe("on a loopback server", () => {
  it("503 with Retry-After while every worker is busy and the queue is full", async () => {
    const running = await serve(testConfig({ QUEUE: "0", TIMEOUT_MS: "3000", WEB_DIST: emptyDir() }), { logger: silentLogger });
    try {
      const busy = fetch(`${running.url}/api/v1/run`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code: LOOP }),
      });
      await untilPending(running.pyheap);
      const refused = await fetch(`${running.url}/api/v1/run`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code: "print(1)" }),
      });
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(((await refused.json()) as { type: string }).type).toBe("urn:pyheap:problem:pool-saturated");
      const ready = await fetch(`${running.url}/readyz`);
      expect(ready.status).toBe(503);
      const first = await busy;
      expect(first.status).toBe(200);
      expect(((await first.json()) as { outcome: { status: string } }).outcome.status).toBe("limit");
    } finally {
      await running.shutdown();
    }
  });

  it("on shutdown a run in flight finishes and is answered; new runs are refused", async () => {
    const running = await serve(testConfig({ WEB_DIST: emptyDir() }), { logger: silentLogger });
    await untilWarm(running.pyheap);
    const inFlight = fetch(`${running.url}/api/v1/run`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: LOOP, limits: { maxSteps: 1_500_000 } }),
    });
    await untilPending(running.pyheap);
    const stopped = running.shutdown();
    const late = await fetch(`${running.url}/api/v1/run`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: "print(1)" }),
    }).then(
      (r) => r.status,
      () => "refused",
    );
    expect([503, "refused"]).toContain(late);
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { outcome: { limit?: string } }).outcome.limit).toBe("steps");
    expect(await stopped).toBe(true);
  });
});
