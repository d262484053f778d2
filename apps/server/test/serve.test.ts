// A real server on a loopback port: the spawned `dist/main.js` as `pnpm serve` starts it, its start-up
// checks and its shutdown on SIGTERM.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  url: string;
  logs: () => Record<string, unknown>[];
  exited: Promise<number | null>;
}

/** Starts the server on a free loopback port and waits for its "listening" log line. */
async function start(env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", WORKERS: "1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  let buffer = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let nl;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const record = JSON.parse(line) as Record<string, unknown>;
        lines.push(record);
        if (record.msg === "listening") resolve(String(record.url));
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening`)));
  });
  return { child, url, logs: () => lines, exited };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("dist/main.js", () => {
  it("refuses a bad configuration with one line and status 1", () => {
    const r = spawnSync(process.execPath, [MAIN], { env: { ...process.env, PORT: "eighty", WORKERS: "0" }, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^pyheap-server: invalid configuration: .*PORT.*WORKERS/);
  });

  it("serves on loopback, logs each request as JSON with its id, and stops cleanly on SIGTERM", async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/healthz`, { headers: { "X-Request-Id": "probe-1" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("probe-1");
    const problem = await fetch(`${server.url}/api/v1/run`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{" });
    expect(problem.status).toBe(400);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    const logs = server.logs();
    const access = logs.find((l) => (l.req as { id?: string } | undefined)?.id === "probe-1");
    expect(access).toBeDefined();
    expect((access!.res as { statusCode: number }).statusCode).toBe(200);
    expect(logs.some((l) => l.msg === "stopped" && l.clean === true)).toBe(true);
  });
});
