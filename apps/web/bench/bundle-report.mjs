#!/usr/bin/env node
// Where the bytes of the page go: builds the demo page (vite.config.ts) or the library build
// (vite.lib.config.ts) with source maps into a temporary directory, follows what the page loads without the
// editor (as test/bundle-size.test.ts does), and attributes every minified byte of those chunks to the source
// file it came from. The gzipped share of a file is its part of its chunk's minified bytes times the chunk's
// gzipped size (gzip compresses some files better than others, so it is an estimate; the totals are exact).
// "sent" is the size of the build's zopfli-compressed copy FILE.gz (bundler/compress.ts), what the HTTP server
// sends; here each chunk ends with a source-map comment, a few tens of bytes more than the real build's.
//
// With --coverage, the page is also loaded in headless Chromium (PYHEAP_CHROMIUM, else /usr/bin/chromium) once
// per program — the 20-line program of bench/first-render.mjs and each of the demo's chapters (with
// --twenty-only, that program alone) — with V8's precise coverage; what no first run of any of them called
// (the outermost functions never called, by the union of the runs' call counts) is attributed to the source
// files the same way, and listed by file and by function (its source file and line): the code a first run
// could do without, which V8 still compiles on its background thread under the chunks' compile hint.
//
//   node apps/web/bench/bundle-report.mjs [--lib] [--top 40] [--coverage [--twenty-only]]
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build as esbuild } from "esbuild";
import { build } from "vite";

const kb = (n) => (n / 1024).toFixed(1).padStart(7);

const { values: opts } = parseArgs({
  options: {
    lib: { type: "boolean", default: false },
    top: { type: "string", default: "40" },
    coverage: { type: "boolean", default: false },
    "twenty-only": { type: "boolean", default: false },
  },
});
const root = join(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "pyheap-bundle-report-"));
process.chdir(root);
await build({
  configFile: join(root, opts.lib ? "vite.lib.config.ts" : "vite.config.ts"),
  logLevel: "warn",
  build: { outDir: out, emptyOutDir: true, sourcemap: true, manifest: true },
});

// What the page loads without the editor: from the entry through static and dynamic imports.
const files = new Set();
if (opts.lib) {
  for (const f of readdirSync(out)) if (f.endsWith(".js") && !/^(code-editor|export|pysrc|_?pyheap-bytes-impl|_?pyheap-lazy)-/.test(f)) files.add(f);
} else {
  const manifest = JSON.parse(readFileSync(join(out, ".vite", "manifest.json"), "utf8"));
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const c = manifest[key];
    // loaded on demand: the editor, SVG/PNG export, the weakref/copy sources, bytes' bodies, the lazy chunk
    if (
      c.src?.includes("editor/code-editor") ||
      c.src?.endsWith("src/export.ts") ||
      /packages\/python\/.*\/pysrc\.[jt]s$/.test(c.src ?? "") ||
      /pyheap-(bytes-impl|lazy)\.js$/.test(c.src ?? "")
    )
      return;
    if (c.file.endsWith(".js")) files.add(c.file);
    for (const k of [...(c.imports ?? []), ...(c.dynamicImports ?? [])]) visit(k);
  };
  visit(Object.entries(manifest).find(([, c]) => c.isEntry)[0]);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** The fields of one source-map segment (base64 VLQ). */
function segment(s) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const ch of s) {
    const d = B64.indexOf(ch);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/** A source path of a map, said from the repository's root (or as the npm package's file). */
function sourceName(path) {
  const npm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/(.*)$/.exec(path);
  if (npm) return npm[1];
  const ours = /(?:^|\/)((?:packages\/(?:python|heap|core)|apps\/web)\/(?!.*\/(?:packages|apps)\/).*)$/.exec(path);
  return ours ? ours[1] : path;
}

/**
 * With --coverage: for each counted chunk, the ranges [start, end) of its outermost functions that no run
 * called (offsets in the chunk's text), sorted and disjoint.
 */
async function neverCalled() {
  const { chromium } = await import("playwright-core");
  const twenty = readFileSync(join(root, "bench", "twenty-lines.py"), "utf8");
  const chapters = opts["twenty-only"] ? [] : await chapterPrograms();
  const programs = [{ code: twenty, mode: "script" }, ...chapters];
  const esc = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  let current = programs[0];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path === "/program.html") {
      const el = `<py-heap-view mode="${current.mode}"${current.gcThreshold ? ` gc-threshold="${current.gcThreshold}"` : ""}>\n${esc(current.code)}</py-heap-view>`;
      return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="py-heap-view.js"></script></head><body>${el}</body></html>`);
    }
    const file = normalize(join(out, path));
    if (!file.startsWith(out) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
    const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.PYHEAP_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup"],
  });
  const counts = new Map(); // file -> Map("start:end" -> calls)
  for (const p of programs) {
    current = p;
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
    // the library build: the element alone with the program; the demo page: the chapter, or the playground
    await page.goto(base + (opts.lib ? "program.html" : `index.html#${p.slug ?? `play=${Buffer.from(p.code).toString("base64url")}`}`));
    await page.waitForFunction(() => performance.getEntriesByName("py-heap-view:first-diagram").length > 0, null, { timeout: 60_000 });
    const { result } = await cdp.send("Profiler.takePreciseCoverage");
    await context.close();
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    for (const script of result) {
      const file = [...files].find((f) => script.url.endsWith(`/${f}`));
      if (!file) continue;
      const m = counts.get(file) ?? new Map();
      counts.set(file, m);
      for (const fn of script.functions) {
        const r = fn.ranges[0];
        const key = `${r.startOffset}:${r.endOffset}`;
        m.set(key, (m.get(key) ?? 0) + r.count);
      }
    }
  }
  await browser.close();
  server.close();
  console.log(`coverage: ${programs.length} first runs (${opts["twenty-only"] ? "the 20-line program" : "the 20-line program and the demo's chapters"}), ${opts.lib ? "library build" : "demo page"}`);
  const ranges = new Map();
  for (const [file, m] of counts) {
    const length = readFileSync(join(out, file), "utf8").length;
    const fns = [...m].map(([k, c]) => [...k.split(":").map(Number), c]).filter(([s, e]) => !(s === 0 && e >= length - 1));
    const uncalled = fns.filter((f) => f[2] === 0).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const outer = [];
    for (const f of uncalled) if (!outer.length || f[0] >= outer[outer.length - 1][1]) outer.push(f);
    ranges.set(file, { outer, functions: fns.length, called: fns.length - uncalled.length });
  }
  return ranges;
}

/** The demo's chapters (demo/chapters.ts, bundled for Node) as the programs a first run may be. */
async function chapterPrograms() {
  const bundled = await esbuild({ entryPoints: [join(root, "demo", "chapters.ts")], bundle: true, write: false, format: "esm", platform: "node", logLevel: "warning" });
  const { CHAPTERS } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`);
  return CHAPTERS.map((c) => ({ slug: c.slug, code: c.code, mode: c.mode ?? "script", gcThreshold: c.gcThreshold }));
}

const uncalled = opts.coverage ? await neverCalled() : null;
const uncalledBySource = new Map(); // source -> minified bytes of never-called functions
const uncalledFunctions = []; // [bytes, source:line, chunk]
const bySource = new Map(); // source -> [minified bytes, estimated gzipped bytes]
const chunks = [];
for (const file of files) {
  const code = readFileSync(join(out, file), "utf8");
  const map = JSON.parse(readFileSync(join(out, `${file}.map`), "utf8"));
  const lines = code.split("\n");
  const bytes = new Map();
  const never = uncalled?.get(file);
  const outer = never?.outer ?? [];
  let next = 0; // the first never-called range not yet passed
  let lineStart = 0;
  let src = 0;
  let srcLine = 0;
  map.mappings.split(";").forEach((line, i) => {
    const text = lines[i] ?? "";
    let col = 0;
    const segs = [];
    for (const s of line ? line.split(",") : []) {
      const f = segment(s);
      col += f[0];
      if (f.length > 1) {
        src += f[1];
        srcLine += f[2];
      }
      segs.push([col, f.length > 1 ? src : -1, srcLine]);
    }
    segs.sort((a, b) => a[0] - b[0]);
    if (segs.length === 0 || segs[0][0] > 0) segs.unshift([0, -1, 0]);
    for (let k = 0; k < segs.length; k++) {
      const end = k + 1 < segs.length ? segs[k + 1][0] : text.length + 1;
      const name = segs[k][1] < 0 ? "(no source)" : sourceName(map.sources[segs[k][1]]);
      bytes.set(name, (bytes.get(name) ?? 0) + Buffer.byteLength(text.slice(segs[k][0], end)));
      // the part of this segment inside never-called functions (ranges in the chunk's text)
      const [a, b] = [lineStart + segs[k][0], lineStart + end];
      while (next < outer.length && outer[next][1] <= a) next++;
      for (let r = next; r < outer.length && outer[r][0] < b; r++) {
        const n = Math.min(b, outer[r][1]) - Math.max(a, outer[r][0]);
        if (n > 0) uncalledBySource.set(name, (uncalledBySource.get(name) ?? 0) + n);
        if (outer[r][0] >= a) uncalledFunctions.push([outer[r][1] - outer[r][0], `${name}:${segs[k][2] + 1}`, file]);
      }
    }
    lineStart += text.length + 1;
  });
  if (never) {
    const n = outer.reduce((t, [s, e]) => t + e - s, 0);
    console.log(`${file}: ${never.functions} functions, ${never.called} called; never called: ${outer.length} outermost, ${kb(n)} KB of ${kb(code.length)} KB (${Math.round((100 * n) / code.length)} %)`);
  }
  const raw = Buffer.byteLength(code);
  const gz = gzipSync(code, { level: 9 }).length;
  chunks.push([file, raw, gz, readFileSync(join(out, `${file}.gz`)).length]);
  for (const [name, n] of bytes) {
    const acc = bySource.get(name) ?? [0, 0];
    acc[0] += n;
    acc[1] += (n / raw) * gz;
    bySource.set(name, acc);
  }
}
const wasm = [];
// the WASM heap a page fetches: the core's size build (the library names its files by hash, the debug build too)
const sizeWasm = readFileSync(join(root, "..", "..", "packages", "core", "build", "pyheap.size.wasm"));
for (const f of readdirSync(opts.lib ? out : join(out, "assets"))) {
  const path = join(opts.lib ? out : join(out, "assets"), f);
  if (f.endsWith(".wasm") && readFileSync(path).equals(sizeWasm)) wasm.push([f, gzipSync(readFileSync(path), { level: 9 }).length, readFileSync(`${path}.gz`).length]);
}
rmSync(out, { recursive: true, force: true });

const group = (name) =>
  name
    .replace(/^((@[^/]+\/)?[^/@][^/]*)\/(dist|[a-z-]+\.js).*$/, "$1")
    .replace(/^(packages\/[^/]+\/(src|dist)\/[^/.]+)(\/.*|\.[jt]s)$/, "$1")
    .replace(/^apps\/web\//, "");
const groups = new Map();
for (const [name, [raw, gz]] of bySource) {
  const g = groups.get(group(name)) ?? [0, 0];
  g[0] += raw;
  g[1] += gz;
  groups.set(group(name), g);
}
const total = chunks.reduce((s, c) => s + c[2], 0) + wasm.reduce((s, w) => s + w[1], 0);
const sent = chunks.reduce((s, c) => s + c[3], 0) + wasm.reduce((s, w) => s + w[2], 0);
console.log(`${opts.lib ? "library build" : "demo page"} without the editor: ${kb(sent)} KB sent (zopfli .gz), ${kb(total)} KB gzip -9 (scripts and WASM)`);
for (const [f, raw, gz, z] of chunks) console.log(`  ${kb(z)} KB sent ${kb(gz)} KB gz ${kb(raw)} KB  ${f}`);
for (const [f, gz, z] of wasm) console.log(`  ${kb(z)} KB sent ${kb(gz)} KB gz           ${f}`);
const table = (m, n) =>
  [...m]
    .sort((a, b) => b[1][1] - a[1][1])
    .slice(0, n)
    .map(([k, [raw, gz]]) => `  ${kb(gz)} KB gz ${kb(raw)} KB  ${k}`)
    .join("\n");
console.log(`by package or directory (KB gzipped, estimated; KB minified):\n${table(groups, 100)}`);
console.log(`by file, the top ${opts.top}:\n${table(bySource, Number(opts.top))}`);
if (uncalled) {
  const files = [...uncalledBySource].sort((a, b) => b[1] - a[1]).slice(0, Number(opts.top));
  console.log(`never called by a first run, by file, the top ${opts.top} (KB minified, of the file's KB minified):`);
  for (const [name, n] of files) console.log(`  ${kb(n)} of ${kb(bySource.get(name)?.[0] ?? 0)} KB ${String(Math.round((100 * n) / (bySource.get(name)?.[0] || 1))).padStart(3)} %  ${name}`);
  console.log(`never called by a first run, the largest functions (bytes minified, where they start):`);
  for (const [n, at, file] of uncalledFunctions.sort((a, b) => b[0] - a[0]).slice(0, Number(opts.top))) console.log(`  ${String(n).padStart(6)}  ${at}  (${file})`);
}
