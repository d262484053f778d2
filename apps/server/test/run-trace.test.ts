// POST /api/v1/run with a trace: the trace itself, and the size fence.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type PyheapApp } from "../src/app.js";
import { emptyDir, OpenApiChecker, silentLogger, testConfig } from "./helpers.js";

const corpus = fileURLToPath(new URL("../../../corpus/shared/", import.meta.url));
const blog1 = readFileSync(join(corpus, "blog/01-list-append-same-id.py"), "utf8");
let main: PyheapApp;
let checker: OpenApiChecker;

beforeAll(async () => {
  main = createApp(testConfig({ WEB_DIST: emptyDir(), MAX_TRACE_BYTES: "200000" }), { logger: silentLogger });
  checker = new OpenApiChecker((await request(main.app).get("/openapi.json")).body);
});
afterAll(async () => {
  await main.pool.destroy();
});

const post = (app: PyheapApp, body: unknown) => request(app.app).post("/api/v1/run").send(body as object);

describe("POST /api/v1/run with a trace", () => {
  it("returns a line trace when asked, valid against the published trace schema; its steps' output adds up to stdout", async () => {
    const res = await post(main, { code: blog1, trace: "line" });
    expect(res.status).toBe(200);
    checker.check("POST", "/api/v1/run", res);
    expect(res.body.trace.version).toBe(1);
    expect(res.body.trace.steps.map((s: { stdout: string }) => s.stdout).join("")).toBe(res.body.stdout);
  });

  it("422 when the trace is larger than the server returns", async () => {
    const res = await post(main, { code: "for i in range(3000):\n    x = [i]\n", trace: "instruction" });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe("urn:pyheap:problem:trace-too-large");
    checker.check("POST", "/api/v1/run", res);
  });
});
