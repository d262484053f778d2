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
    ...env,
  });
}

export const silentLogger = pino({ level: "silent" });

/**
 * Waits until every worker thread of `app` has finished its warm-up (bounded: fails rather than hangs), for
 * tests that need the spare threads: they warm up at nice 19, which takes long on a loaded machine.
 */
export async function untilWarm(app: PyheapApp): Promise<void> {
  const { pool } = app;
  for (let i = 0; i < 1000 && pool.warmThreads < pool.threads; i++) await new Promise((r) => setTimeout(r, 25));
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
