// Shared by the server tests: a test configuration, and a checker that validates real responses against
// the OpenAPI document the server itself publishes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { pino } from "pino";
import { afterAll, expect } from "vitest";
import type { PyheapApp } from "../src/app.js";
import { loadConfig, type Config } from "../src/config.js";

/**
 * A configuration for tests: one worker, no rate limit, no CPU-time limit and no cap on long runs unless
 * asked (tests of the other limits run programs longer than the default CPU-time limit), silent logs.
 * Unless asked, a run never turns long (LONG_RUN_MS 600 s) and its wall-time limit is 60 s, not 2 s: a run
 * that turns long goes on at nice 19 and gets next to no CPU time on a loaded machine, and a run of a
 * fraction of a second takes several there (an instruction trace of 3 000 loop iterations took 1.7-7.6 s
 * at load 13; lowered, it met the wall-time limit where the test expected 422). Only the tests of the
 * lanes and limits should meet them.
 */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    WORKERS: "1",
    SPARE_WORKERS: "1",
    RATE_LIMIT_PER_MINUTE: "0",
    LOG_LEVEL: "silent",
    PORT: "0",
    CPU_LIMIT_MS: "86400000",
    TRACE_CPU_LIMIT_MS: "86400000",
    LONG_RUNS: "64",
    LONG_RUN_MS: "600000",
    TIMEOUT_MS: "60000",
    ...env,
  });
}

export const silentLogger = pino({ level: "silent" });

/**
 * Polls every `everyMs` until `ready()` holds, for at most `withinMs` of wall time (then fails rather than
 * hangs). The bound is time, not a count of polls: a timer of 10 ms fires late on a loaded machine, and how
 * long the condition takes there is not what the tests check, so the bound is far past it.
 */
export async function until(ready: () => boolean, withinMs = 90_000, everyMs = 10): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, everyMs));
  expect(ready()).toBe(true);
}

/**
 * Waits until every worker thread of `app` has finished its warm-up, for tests that need the spare threads.
 * The threads warm up `workers` at a time (~1-1.5 s of CPU each): at load 18 on two cores a pool of three
 * took more than the 25 s this waited before. Bounded by 150 s (the server tests' timeout is longer).
 */
export async function untilWarm(app: PyheapApp): Promise<void> {
  const { pool } = app;
  await until(() => pool.warmThreads >= pool.threads, 150_000, 25);
  expect(pool.warmThreads).toBe(pool.threads);
}

const madeDirs: string[] = [];
afterAll(() => {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An empty folder (a web build that does not exist), removed when the test file's tests are done. */
export function emptyDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "pyheap-server-"));
  madeDirs.push(dir);
  return dir;
}

interface Responseish {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text?: string;
}

/** Validates responses against the OpenAPI document: status documented, content type and body schema. */
export class OpenApiChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  checked = 0;

  constructor(private readonly doc: Record<string, any>) {
    this.ajv.addSchema(doc, "openapi");
  }

  check(method: string, path: string, res: Responseish): void {
    const operation = this.doc.paths?.[path]?.[method.toLowerCase()];
    expect(operation, `${method} ${path} is documented`).toBeDefined();
    const response = operation.responses[String(res.status)];
    expect(response, `${method} ${path} documents status ${res.status}`).toBeDefined();
    const contentType = String(res.headers["content-type"] ?? "").split(";")[0]!.trim();
    const content = response.content?.[contentType];
    expect(content, `${method} ${path} ${res.status} documents ${contentType}`).toBeDefined();
    for (const header of Object.keys(response.headers ?? {})) {
      if (header === "Retry-After") expect(res.headers["retry-after"], "Retry-After is sent").toBeDefined();
    }
    const pointer = ["paths", path, method.toLowerCase(), "responses", String(res.status), "content", contentType, "schema"]
      .map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1"))
      .join("/");
    const validate = this.ajv.getSchema(`openapi#/${pointer}`);
    expect(validate, `schema for ${pointer} compiles`).toBeDefined();
    let body = res.body;
    if (contentType.endsWith("json") && typeof res.text === "string" && (body === undefined || Object.keys(body as object).length === 0)) {
      body = JSON.parse(res.text);
    }
    if (contentType === "text/html") body = res.text;
    const ok = validate!(body);
    expect(validate!.errors ?? [], `${method} ${path} ${res.status} matches its schema`).toEqual([]);
    expect(ok).toBe(true);
    this.checked++;
  }
}
