// The server right after start, on a loopback port: runs sent while the workers warm up wait for the first
// warm one (200 with python3's output, no 503), /readyz goes 503 → 200, and a warm-up that never ends
// gives a bounded 503 `starting` with Retry-After. The warm-up is held back by the test-only delay.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type RunningServer } from "../src/serve.js";
import { emptyDir, OpenApiChecker, silentLogger, testConfig } from "./helpers.js";

const PROGRAM = "import statistics\nx = [3, 1, 2]\nprint(statistics.mean(x), statistics.median(x), sorted(x))\nprint(id(x) == id(x.append(4) or x))\n";

/** python3's output for `code`. */
function python3(code: string): string {
  const file = join(emptyDir(), "prog.py");
  writeFileSync(file, code);
  return execFileSync("python3", [file], { encoding: "utf8" });
}

const running: RunningServer[] = [];
let checker: OpenApiChecker;

async function start(env: Record<string, string>, warmUpDelayMs: number): Promise<RunningServer> {
  const server = await serve(testConfig({ WEB_DIST: emptyDir(), ...env }), { logger: silentLogger, warmUpDelayMs });
  running.push(server);
  return server;
}

// Each request on a connection of its own (Connection: close). On a kept-alive one, a request sent just
// as the server's 5 s keep-alive timeout ends it (a test process stalled that long on a loaded machine)
// reaches a closed socket: fetch failed with ECONNRESET in the /readyz poll below at load 9.
const get = (url: string) => fetch(url, { headers: { Connection: "close" } });
const postRun = (url: string, code: string) =>
  fetch(`${url}/api/v1/run`, { method: "POST", headers: { "Content-Type": "application/json", Connection: "close" }, body: JSON.stringify({ code }) });

/** A fetch answer in the shape the OpenAPI checker takes. */
async function checked(method: string, path: string, res: Response): Promise<{ status: number; body: any; headers: Record<string, string> }> {
  const text = await res.text();
  const out = { status: res.status, body: JSON.parse(text), headers: Object.fromEntries(res.headers), text };
  checker.check(method, path, out);
  return out;
}

beforeAll(async () => {
  const server = await start({}, 0);
  checker = new OpenApiChecker((await (await get(`${server.url}/openapi.json`)).json()) as Record<string, unknown>);
});

afterAll(async () => {
  await Promise.all(running.map((r) => r.pyheap.pool.destroy()));
  for (const r of running) r.server.closeAllConnections(), r.server.close();
});

describe("right after start", () => {
  it("a run sent before any worker finished its warm-up waits for one: 200 with python3's output, no 503", async () => {
    // The run's wall time (6 s + 1 s of grace) is shorter than the warm-up's delay: it waited for a worker
    // past its usual queue time and was answered 503 before. (6 s: the program itself takes up to ~1 s at
    // load 13, and a wall-time limit of 1 s ended it there.)
    const server = await start({ WORKERS: "2", SPARE_WORKERS: "1", TIMEOUT_MS: "6000", HARD_KILL_GRACE_MS: "1000" }, 8000);
    const health = await checked("GET", "/healthz", await get(`${server.url}/healthz`));
    expect(health.status).toBe(200);
    expect(server.pyheap.pool.ready).toBe(false);
    const res = await checked("POST", "/api/v1/run", await postRun(server.url, PROGRAM));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stdout: python3(PROGRAM), stderr: "", exitCode: 0, outcome: { status: "ok" } });
    expect(server.pyheap.pool.ready).toBe(true);
  });

  it("/readyz answers 503 `starting` until a worker is warm, then 200 with the workers' state; /healthz is 200 throughout", async () => {
    const server = await start({ WORKERS: "1", SPARE_WORKERS: "1" }, 1500);
    const seen: number[] = [];
    let last: { status: number; body: any; headers: Record<string, string> } | undefined;
    // bounded by time (90 s), not by a count of polls that a loaded machine makes slow
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
      const health = await get(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      await health.text();
      last = await checked("GET", "/readyz", await get(`${server.url}/readyz`));
      if (seen.at(-1) !== last.status) seen.push(last.status);
      if (last.status === 503) {
        expect(last.body.type).toBe("urn:pyheap:problem:starting");
        expect(last.headers["retry-after"]).toBe("1");
      }
      if (last.status === 200) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toEqual([503, 200]);
    expect(last!.body).toMatchObject({ status: "ready", workers: 1, threads: 2, running: 0, queued: 0 });
    expect(last!.body.warmThreads).toBeGreaterThanOrEqual(1);
  });

  it("a warm-up that never finishes: the run waits STARTUP_WAIT_MS, then 503 `starting` with Retry-After", async () => {
    const server = await start({ STARTUP_WAIT_MS: "1500" }, 600_000);
    const res = await checked("POST", "/api/v1/run", await postRun(server.url, "print(1)"));
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.body.type).toBe("urn:pyheap:problem:starting");
    expect(res.body.detail).toMatch(/^The server is starting: no worker finished its warm-up/);
    const ready = await checked("GET", "/readyz", await get(`${server.url}/readyz`));
    expect(ready.status).toBe(503);
    expect(server.pyheap.pool.pending).toBe(0);
  });
});
