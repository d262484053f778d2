#!/usr/bin/env node
// Where the bytes of the page go: builds the demo page (vite.config.ts) or the library build
// (vite.lib.config.ts) with source maps into a temporary directory, follows what the page loads without the
// editor (as test/bundle-size.test.ts does), and attributes every minified byte of those chunks to the source
// file it came from. The gzipped share of a file is its part of its chunk's minified bytes times the chunk's
// gzipped size (gzip compresses some files better than others, so it is an estimate; the totals are exact).
// "sent" is the size of the build's zopfli-compressed copy FILE.gz (bundler/compress.ts), what the HTTP server
// sends; here each chunk ends with a source-map comment, a few tens of bytes more than the real build's.
//
//   node apps/web/bench/bundle-report.mjs [--lib] [--top 40]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "vite";

const { values: opts } = parseArgs({ options: { lib: { type: "boolean", default: false }, top: { type: "string", default: "40" } } });
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

const bySource = new Map(); // source -> [minified bytes, estimated gzipped bytes]
const chunks = [];
for (const file of files) {
  const code = readFileSync(join(out, file), "utf8");
  const map = JSON.parse(readFileSync(join(out, `${file}.map`), "utf8"));
  const lines = code.split("\n");
  const bytes = new Map();
  let src = 0;
  map.mappings.split(";").forEach((line, i) => {
    const text = lines[i] ?? "";
    let col = 0;
    const segs = [];
    for (const s of line ? line.split(",") : []) {
      const f = segment(s);
      col += f[0];
      if (f.length > 1) src += f[1];
      segs.push([col, f.length > 1 ? src : -1]);
    }
    segs.sort((a, b) => a[0] - b[0]);
    if (segs.length === 0 || segs[0][0] > 0) segs.unshift([0, -1]);
    for (let k = 0; k < segs.length; k++) {
      const end = k + 1 < segs.length ? segs[k + 1][0] : text.length + 1;
      const name = segs[k][1] < 0 ? "(no source)" : sourceName(map.sources[segs[k][1]]);
      bytes.set(name, (bytes.get(name) ?? 0) + Buffer.byteLength(text.slice(segs[k][0], end)));
    }
  });
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

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
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
