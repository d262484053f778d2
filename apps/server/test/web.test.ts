// The demo page's files over HTTP: the build's zopfli-compressed copies (`FILE.gz`) are sent to clients
// that accept gzip, with the original's headers; everything else as before. Raw bytes through node:http
// (supertest and fetch would decompress them).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type PyheapApp } from "../src/app.js";
import { emptyDir, silentLogger, testConfig } from "./helpers.js";

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const FILES: Record<string, string> = {
  "index.html": `<!doctype html><title>pyheap demo</title>${"<p>the page</p>".repeat(50)}`,
  "assets/index-abcdef12.js": `export const page = ${JSON.stringify("x".repeat(2000))};`,
  "assets/index-abcdef12.css": `body{color:red}${".a{margin:0}".repeat(100)}`,
  "assets/pyheap-abcdef12.wasm": "\0asm\x01\0\0\0".repeat(200),
  "assets/icon.svg": `<svg xmlns="http://www.w3.org/2000/svg">${"<g/>".repeat(100)}</svg>`,
  "assets/data.json": JSON.stringify({ a: "b".repeat(500) }),
  // no compressed copy beside it
  "assets/plain-abcdef12.js": "export const plain = 1;",
  // its compressed copy is removed after the server started (a rebuild while it runs)
  "assets/gone-abcdef12.js": `export const gone = ${JSON.stringify("g".repeat(500))};`,
};
const NOT_COMPRESSED = new Set(["assets/plain-abcdef12.js"]);

let dist: string;
let app: PyheapApp;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dist = emptyDir();
  mkdirSync(join(dist, "assets"));
  for (const [name, text] of Object.entries(FILES)) {
    writeFileSync(join(dist, name), text);
    // a different level than a plain gzip of the file would give: the server must send these bytes
    if (!NOT_COMPRESSED.has(name)) writeFileSync(join(dist, `${name}.gz`), gzipSync(text, { level: 1 }));
  }
  app = createApp(testConfig({ WEB_DIST: dist }), { logger: silentLogger });
  const server = app.app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
});

afterAll(async () => {
  await close();
  await app.close();
});

function send(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const GZIP = { "Accept-Encoding": "gzip, deflate, br, zstd" };

describe("the demo page's compressed copies", () => {
  const types: [string, string, RegExp][] = [
    ["/", "index.html", /^text\/html; charset=utf-8$/i],
    ["/index.html", "index.html", /^text\/html; charset=utf-8$/i],
    ["/assets/index-abcdef12.js", "assets/index-abcdef12.js", /^(text|application)\/javascript; charset=utf-8$/i],
    ["/assets/index-abcdef12.css", "assets/index-abcdef12.css", /^text\/css; charset=utf-8$/i],
    ["/assets/pyheap-abcdef12.wasm", "assets/pyheap-abcdef12.wasm", /^application\/wasm$/],
    ["/assets/icon.svg", "assets/icon.svg", /^image\/svg\+xml$/],
    ["/assets/data.json", "assets/data.json", /^application\/json; charset=utf-8$/i],
  ];

  it.each(types)("GET %s with gzip accepted: the .gz bytes, Content-Encoding gzip, the original's type and caching", async (path, file, type) => {
    const plain = await send(path);
    const packed = await send(path, GZIP);
    expect(packed.status).toBe(200);
    expect(packed.headers["content-encoding"]).toBe("gzip");
    expect(packed.body.equals(readFileSync(join(dist, `${file}.gz`)))).toBe(true);
    expect(gunzipSync(packed.body).toString("utf8")).toBe(FILES[file]);
    expect(packed.headers["content-length"]).toBe(String(packed.body.length));
    expect(packed.headers["content-type"]).toMatch(type);
    expect(packed.headers.vary).toMatch(/accept-encoding/i);
    // the same Content-Type and caching as the plain file
    expect(plain.status).toBe(200);
    expect(plain.headers["content-type"]).toBe(packed.headers["content-type"]);
    expect(plain.headers["cache-control"]).toBe(packed.headers["cache-control"]);
    // what the server sent before the copies existed, and still sends the page too (helmet's CSP)
    expect(packed.headers["content-security-policy"]).toBe(plain.headers["content-security-policy"]);
  });

  it("keeps the caching rules: none for the page, a year for hashed assets, none for unhashed ones", async () => {
    expect((await send("/", GZIP)).headers["cache-control"]).toBe("no-cache");
    expect((await send("/assets/index-abcdef12.js", GZIP)).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await send("/assets/pyheap-abcdef12.wasm", GZIP)).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await send("/assets/icon.svg", GZIP)).headers["cache-control"]).toBe("public, max-age=0");
  });

  it("sends the plain file without Accept-Encoding, or when gzip is refused, still with Vary", async () => {
    for (const headers of [{}, { "Accept-Encoding": "identity" }, { "Accept-Encoding": "br" }, { "Accept-Encoding": "gzip;q=0, br" }]) {
      const res = await send("/assets/index-abcdef12.js", headers);
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.body.toString("utf8")).toBe(FILES["assets/index-abcdef12.js"]);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it("answers HEAD with the compressed copy's headers and no body", async () => {
    const res = await send("/assets/index-abcdef12.js", GZIP, "HEAD");
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-length"]).toBe(String(readFileSync(join(dist, "assets/index-abcdef12.js.gz")).length));
    expect(res.headers["content-type"]).toMatch(/javascript/);
    const plain = await send("/assets/index-abcdef12.js", {}, "HEAD");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["content-length"]).toBe(String(Buffer.byteLength(FILES["assets/index-abcdef12.js"]!)));
  });

  it("sends a file without a .gz beside it as it is, with no Vary", async () => {
    const res = await send("/assets/plain-abcdef12.js", GZIP);
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers.vary ?? "").not.toMatch(/accept-encoding/i);
    expect(res.body.toString("utf8")).toBe(FILES["assets/plain-abcdef12.js"]);
    expect(res.headers["cache-control"]).toMatch(/immutable/);
  });

  it("answers a compressed copy removed after start with a plain 404 problem, not one marked compressed", async () => {
    rmSync(join(dist, "assets/gone-abcdef12.js.gz"));
    rmSync(join(dist, "assets/gone-abcdef12.js"));
    const res = await send("/assets/gone-abcdef12.js", GZIP);
    expect(res.status).toBe(404);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body.toString("utf8"))).toMatchObject({ status: 404 });
  });

  it("sends a request for FILE.gz itself as a gzip file, not as the file it stands for", async () => {
    const res = await send("/assets/index-abcdef12.js.gz");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-type"]).toMatch(/gzip/);
    expect(res.body.equals(readFileSync(join(dist, "assets/index-abcdef12.js.gz")))).toBe(true);
  });

  it("leaves 404s and other methods as they were: a JSON problem, never marked compressed", async () => {
    for (const [path, method] of [
      ["/assets/missing-abcdef12.js", "GET"],
      ["/nothing", "GET"],
      ["/assets/index-abcdef12.js", "POST"],
      ["/index.html", "DELETE"],
    ] as const) {
      const withGzip = await send(path, GZIP, method);
      const without = await send(path, {}, method);
      expect(withGzip.status, `${method} ${path}`).toBe(404);
      expect(withGzip.headers["content-encoding"], `${method} ${path}`).toBeUndefined();
      expect(withGzip.headers["content-type"]).toMatch(/^application\/problem\+json/);
      const problem = (a: Answer): unknown => ({ ...(JSON.parse(a.body.toString("utf8")) as object), requestId: "-" });
      expect(problem(withGzip)).toEqual(problem(without));
      expect(problem(withGzip)).toMatchObject({ status: 404, type: "urn:pyheap:problem:not-found" });
    }
  });
});
