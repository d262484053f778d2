/**
 * Browser test harness: serves the built demo (dist/; its compressed copies `FILE.gz` to browsers that
 * take gzip) on a loopback port and drives Debian's Chromium through playwright-core. Never downloads a
 * browser: PYHEAP_CHROMIUM or /usr/bin/chromium.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const WEB_ROOT = resolve(import.meta.dirname, "..", "..");
export const DIST = join(WEB_ROOT, "dist");
export const RESULTS = join(WEB_ROOT, "test-results");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/**
 * The Content-Security-Policy the HTTP server sends with the demo page (helmet's defaults with WASM
 * compilation allowed and same-origin fetches only); the built pages are served under it so the tests see
 * what readers of the served demo see. In-memory test pages get none.
 */
export const SERVER_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' https: data:",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "script-src-attr 'none'",
  "style-src 'self' https: 'unsafe-inline'",
  "connect-src 'self'",
].join("; ");

/** Serves `root` (plus the given in-memory `pages`) on 127.0.0.1 at a free port; resolves to the server and its base URL. */
export async function serveStatic(root: string, pages: Record<string, string> = {}): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root}/index.html is missing: run the build first`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (pages[path] !== undefined) {
      res.writeHead(200, { "content-type": TYPES[".html"] }).end(pages[path]);
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    const headers: Record<string, string> = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
    if (extname(file) === ".html") headers["content-security-policy"] = SERVER_CSP;
    // the build's compressed copy when there is one and the browser takes gzip, as the HTTP server does
    // (apps/server/src/routes/web.ts): the page is tested with the bytes readers get
    if (existsSync(`${file}.gz`)) {
      headers.vary = "Accept-Encoding";
      if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        headers["content-encoding"] = "gzip";
        file = `${file}.gz`;
      }
    }
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  if (!addr || typeof addr === "string") throw new Error("no address");
  return { server, url: `http://127.0.0.1:${addr.port}/` };
}

/** Launches headless Chromium; playwright gives every launch a fresh temporary profile. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.PYHEAP_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (install Debian's chromium or set PYHEAP_CHROMIUM)`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // without the omnibox popup's WebUI, which Chromium loads for each new window (every context) in a
      // renderer of its own: ~600 ms of CPU each (see bench/first-render.mjs)
      "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
    ],
  });
}

/** Collects console errors and page errors of `page`. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

/** Path of a screenshot under test-results/ (created). */
export function resultPath(name: string): string {
  mkdirSync(RESULTS, { recursive: true });
  return join(RESULTS, name);
}

/** What python3 prints for `code` (run with -c), as lines; a failing python3 fails the test with its stderr. */
export function python3Lines(code: string): string[] {
  const r = spawnSync("python3", ["-c", code], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`python3 exited ${r.status}: ${r.stderr}`);
  return r.stdout.trimEnd().split("\n");
}
