// Serves a built dist/ on a loopback port for the benches, with /twenty.html: the library build's one
// script tag and the 20-line program (bench/twenty-lines.py). `demoPath` opens the demo page with it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

// The 20-line program the first-render target speaks of (shared with the browser tests).
export const PROGRAM = readFileSync(join(import.meta.dirname, "twenty-lines.py"), "utf8");
const LIB_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>twenty</title>
<script type="module" src="/lib/py-heap-view.js"></script></head><body><py-heap-view>
${PROGRAM}</py-heap-view></body></html>`;
export const LIB_PATH = "twenty.html";
export const DEMO_PATH = `index.html#play=${Buffer.from(PROGRAM).toString("base64url")}`;

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

/** @returns {Promise<{ base: string, close: () => void }>} */
export async function serveDist(dist) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path === `/${LIB_PATH}`) return void res.writeHead(200, { "content-type": TYPES[".html"] }).end(LIB_PAGE);
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
