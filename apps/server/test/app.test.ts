// The API in-process (supertest): every endpoint and every error status a client can cause, each
// response checked against the OpenAPI document the server publishes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Validator } from "@seriousme/openapi-schema-validator";
import { pino } from "pino";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type PyheapApp } from "../src/app.js";
import { EXTRA_EXAMPLES } from "../src/examples.js";
import { emptyDir, OpenApiChecker, silentLogger, testConfig, untilWarm } from "./helpers.js";

const opened: PyheapApp[] = [];
function open(env: Record<string, string> = {}): PyheapApp {
  const app = createApp(testConfig({ WEB_DIST: emptyDir(), ...env }), { logger: silentLogger });
  opened.push(app);
  return app;
}

let main: PyheapApp;
let checker: OpenApiChecker;

/** Runs `fn` against `main` listening on a loopback port (for bodies supertest cannot send as they are). */
async function withServer(fn: (url: string) => Promise<void>): Promise<void> {
  const server = main.app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

beforeAll(async () => {
  main = open({ MAX_BODY_BYTES: "2048", MAX_CODE_BYTES: "512", MAX_STEPS: "100000" });
  const res = await request(main.app).get("/openapi.json");
  checker = new OpenApiChecker(res.body);
});

afterAll(async () => {
  await Promise.all(opened.map((a) => a.pool.destroy()));
});

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const res = await request(main.app).get("/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    checker.check("GET", "/openapi.json", res);
  });

  it("publishes this server's limits as the request schema's maxima", async () => {
    const res = await request(main.app).get("/openapi.json");
    const limits = res.body.components.schemas.RunRequest.properties.limits;
    expect(limits.properties.maxSteps.maximum).toBe(100000);
  });
});

describe("health", () => {
  it("GET /healthz answers while the process is up", async () => {
    const res = await request(main.app).get("/healthz");
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ok");
    checker.check("GET", "/healthz", res);
  });

  it("GET /readyz reports readiness with the pool's figures once the workers are warm", async () => {
    await untilWarm(main);
    const res = await request(main.app).get("/readyz");
    expect(res.status).toBe(200);
    checker.check("GET", "/readyz", res);
    expect(res.body).toEqual({ status: "ready", workers: 1, threads: 2, warmThreads: 2, running: 0, queued: 0 });
  });
});

describe("GET /api/v1/examples", () => {
  it("serves every blog program, then the extras, with their first comment line as title", async () => {
    const res = await request(main.app).get("/api/v1/examples");
    expect(res.status).toBe(200);
    checker.check("GET", "/api/v1/examples", res);
    const corpus = join(import.meta.dirname, "..", "..", "..", "corpus", "shared");
    const blogFiles = readdirSync(join(corpus, "blog")).filter((f) => f.endsWith(".py")).sort();
    const examples = res.body.examples as { id: string; title: string; code: string; topic: string }[];
    expect(examples.length).toBe(blogFiles.length + EXTRA_EXAMPLES.length);
    expect(examples.slice(0, blogFiles.length).map((e) => e.id)).toEqual(blogFiles.map((f) => `blog/${f.replace(/\.py$/, "")}`));
    for (const example of examples) {
      const source = readFileSync(join(corpus, `${example.id}.py`), "utf8");
      expect(example.code).toBe(source);
      expect(`# ${example.title}`).toBe(source.split("\n")[0]);
    }
  });
});

describe("GET /api/v1/schema", () => {
  it("serves the trace schema @pyheap/python publishes, unchanged", async () => {
    const res = await request(main.app).get("/api/v1/schema");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/schema\+json/);
    checker.check("GET", "/api/v1/schema", res);
    const published = readFileSync(createRequire(import.meta.url).resolve("@pyheap/python/trace-schema.json"), "utf8");
    expect(JSON.parse(res.text)).toEqual(JSON.parse(published));
  });

  it("embeds that schema in the OpenAPI document as components the run response refers to", async () => {
    const doc = (await request(main.app).get("/openapi.json")).body;
    expect(doc.components.schemas.RunResponse.properties.trace).toEqual({ $ref: "#/components/schemas/Trace" });
    expect(doc.components.schemas.Trace.required).toContain("steps");
    expect(JSON.stringify(doc)).not.toMatch(/#\/definitions\//);
  });
});

describe("POST /api/v1/run: bad requests", () => {
  const post = () => request(main.app).post("/api/v1/run");

  it("415 for a body that is not JSON", async () => {
    const res = await post().set("Content-Type", "text/plain").send("print(1)");
    expect(res.status).toBe(415);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: "urn:pyheap:problem:unsupported-media-type", status: 415, instance: "/api/v1/run" });
    checker.check("POST", "/api/v1/run", res);
  });

  it("415 for a request without a body", async () => {
    const res = await post();
    expect(res.status).toBe(415);
  });

  it("400 for malformed JSON", async () => {
    const res = await post().set("Content-Type", "application/json").send('{"code": "print(1)"');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe("urn:pyheap:problem:invalid-json");
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|SyntaxError/);
    checker.check("POST", "/api/v1/run", res);
  });

  it("400 with one entry per bad field, as JSON Pointers", async () => {
    const res = await post().send({ code: 5, mode: "notebook", gcThreshold: [700, -1], limits: { maxSteps: 0 }, extra: true });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe("urn:pyheap:problem:invalid-request");
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(["", "/code", "/gcThreshold/1", "/limits/maxSteps", "/mode"]);
    checker.check("POST", "/api/v1/run", res);
  });

  it("400 for a limit above the server's own", async () => {
    const res = await post().send({ code: "pass", limits: { maxSteps: 100001 } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("/limits/maxSteps");
  });

  it("400 for a JSON value that is not an object", async () => {
    const res = await post().set("Content-Type", "application/json").send("[1, 2]");
    expect(res.status).toBe(400);
    checker.check("POST", "/api/v1/run", res);
  });

  it("413 for a body over the limit", async () => {
    const res = await post().send({ code: "x = 1\n".repeat(500) });
    expect(res.status).toBe(413);
    expect(res.body.type).toBe("urn:pyheap:problem:payload-too-large");
    checker.check("POST", "/api/v1/run", res);
  });

  it("reads a gzip-encoded body, a UTF-16 charset and a leading BOM like a plain one", async () => {
    const body = JSON.stringify({ code: "print(6 * 7)\n" });
    await withServer(async (url) => {
      const send = (headers: Record<string, string>, payload: Buffer | string) =>
        fetch(`${url}/api/v1/run`, { method: "POST", headers, body: payload }).then(async (r) => ({ status: r.status, body: (await r.json()) as { stdout?: string } }));
      for (const answer of [
        await send({ "Content-Type": "application/json", "Content-Encoding": "gzip" }, gzipSync(body)),
        await send({ "Content-Type": "application/json; charset=utf-16le" }, Buffer.from(body, "utf16le")),
        await send({ "Content-Type": "application/json; charset=UTF-8" }, `\uFEFF${body}`),
      ]) {
        expect(answer.status).toBe(200);
        expect(answer.body.stdout).toBe("42\n");
      }
    });
  });

  it("400 for a JSON string at the top level and for an empty body", async () => {
    const str = await post().set("Content-Type", "application/json").send('"print(1)"');
    expect(str.status).toBe(400);
    expect(str.body.type).toBe("urn:pyheap:problem:invalid-json");
    const empty = await post().set("Content-Type", "application/json").send("  ");
    expect(empty.status).toBe(400);
    expect(empty.body.type).toBe("urn:pyheap:problem:invalid-request");
    checker.check("POST", "/api/v1/run", empty);
  });

  it("413 for a chunked body (no Content-Length) that grows past the limit", async () => {
    await withServer(async (url) => {
      const { port } = new URL(url);
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/api/v1/run", headers: { "Content-Type": "application/json" } }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on("error", reject);
        req.write('{"code": "');
        for (let i = 0; i < 10; i++) req.write("x".repeat(500));
        req.end('"}');
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).type).toBe("urn:pyheap:problem:payload-too-large");
    });
  });

  it("413 for code over the limit in a body under it", async () => {
    const res = await post().send({ code: "#".repeat(600) });
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(/600 bytes; the limit is 512/);
  });

  it("413 for stdin over the code's limit; 400 for a stdin that is not a string", async () => {
    const big = await post().send({ code: "input()", stdin: "x".repeat(600) });
    expect(big.status).toBe(413);
    expect(big.body.detail).toMatch(/stdin is 600 bytes; the limit is 512/);
    const bad = await post().send({ code: "input()", stdin: ["a"] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("/stdin");
    checker.check("POST", "/api/v1/run", bad);
  });

  it("405 with Allow for other methods", async () => {
    const res = await request(main.app).get("/api/v1/run");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("POST");
    expect(res.body.type).toBe("urn:pyheap:problem:method-not-allowed");
    checker.check("POST", "/api/v1/run", res);
  });

  it("404 problem for an unknown path", async () => {
    const res = await request(main.app).get("/api/v1/nothing");
    expect(res.status).toBe(404);
    expect(res.body.type).toBe("urn:pyheap:problem:not-found");
  });
});

describe("cross-cutting behaviour", () => {
  it("echoes a valid client request id and replaces an invalid one", async () => {
    const mine = await request(main.app).get("/healthz").set("X-Request-Id", "abc-123");
    expect(mine.headers["x-request-id"]).toBe("abc-123");
    const bad = await request(main.app).get("/healthz").set("X-Request-Id", "no spaces allowed");
    expect(bad.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await request(main.app).post("/api/v1/run").set("X-Request-Id", "req-9").send({});
    expect(problem.body.requestId).toBe("req-9");
  });

  it("with access lines off (a level above info), ids work as before and only a 5xx answer is logged, at error", async () => {
    const lines: Record<string, any>[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const app = createApp(testConfig({ WEB_DIST: emptyDir() }), { logger });
    opened.push(app);
    lines.length = 0; // start-up warnings (no demo page built)
    const ok = await request(app.app).get("/healthz").set("X-Request-Id", "quiet-1");
    expect(ok.headers["x-request-id"]).toBe("quiet-1");
    const problem = await request(app.app).post("/api/v1/run").set("X-Request-Id", "quiet-2").send({});
    expect(problem.status).toBe(400);
    expect(problem.body.requestId).toBe("quiet-2");
    expect(lines).toEqual([]);
    app.drain();
    const refused = await request(app.app).post("/api/v1/run").set("X-Request-Id", "quiet-3").send({ code: "pass" });
    expect(refused.status).toBe(503);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: "request errored", req: { id: "quiet-3", method: "POST", url: "/api/v1/run" }, res: { statusCode: 503 } });
  });

  it("sends security headers", async () => {
    const res = await request(main.app).get("/healthz");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("sends no CORS headers unless configured, and the configured origins when it is", async () => {
    const none = await request(main.app).get("/api/v1/examples").set("Origin", "https://a.example");
    expect(none.headers["access-control-allow-origin"]).toBeUndefined();
    const withCors = open({ CORS_ORIGINS: "https://a.example" });
    const allowed = await request(withCors.app).get("/api/v1/examples").set("Origin", "https://a.example");
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://a.example");
    const other = await request(withCors.app).get("/api/v1/examples").set("Origin", "https://b.example");
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("429 with Retry-After once a client exceeds its rate", async () => {
    const limited = open({ RATE_LIMIT_PER_MINUTE: "3" });
    for (let i = 0; i < 3; i++) expect((await request(limited.app).get("/api/v1/examples")).status).toBe(200);
    const res = await request(limited.app).get("/api/v1/examples");
    expect(res.status).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect(res.body.type).toBe("urn:pyheap:problem:rate-limited");
    checker.check("GET", "/api/v1/examples", res);
    expect((await request(limited.app).get("/healthz")).status).toBe(200);
  });

  it("503 for new runs and for /readyz once draining", async () => {
    const draining = open();
    draining.drain();
    const run = await request(draining.app).post("/api/v1/run").send({ code: "print(1)" });
    expect(run.status).toBe(503);
    expect(run.body.type).toBe("urn:pyheap:problem:shutting-down");
    expect(run.headers["retry-after"]).toBe("5");
    checker.check("POST", "/api/v1/run", run);
    const ready = await request(draining.app).get("/readyz");
    expect(ready.status).toBe(503);
    expect(ready.body.type).toBe("urn:pyheap:problem:shutting-down");
  });
});

describe("the demo page", () => {
  it("says clearly at / that it is not built", async () => {
    const res = await request(main.app).get("/");
    expect(res.status).toBe(503);
    expect(res.text).toMatch(/demo page is not built/);
    expect(res.text).toMatch(/pnpm --filter @pyheap\/web build/);
    checker.check("GET", "/", res);
  });

  it("serves the built page and its assets", async () => {
    const dist = emptyDir();
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>pyheap demo</title>");
    writeFileSync(join(dist, "assets", "index-abcdef12.js"), "export {};");
    const app = open({ WEB_DIST: dist });
    const page = await request(app.app).get("/");
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/pyheap demo/);
    checker.check("GET", "/", page);
    const asset = await request(app.app).get("/assets/index-abcdef12.js");
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).toMatch(/immutable/);
  });
});

describe("the OpenAPI checker", () => {
  it("checked real responses", () => {
    expect(checker.checked).toBeGreaterThan(10);
  });
});
