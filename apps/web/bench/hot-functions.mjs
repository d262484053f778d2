#!/usr/bin/env node
// Which functions of the interpreter's main chunk a first run calls, for the coverage-guided eager compile
// (bundler/eager-hints.ts): loads the library page and the demo page, each running the 20-line program
// (bench/twenty-lines.py), in headless Chromium under V8's precise coverage, and writes
// bundler/hot-functions.json: the fingerprints (bundler/fingerprint.mjs) of the functions of the chunks that
// carry the eager-compile hint called at least once (the build wraps the function expressions among them).
//
//   PYHEAP_COMPILE_HINTS=all pnpm --filter @pyheap/web build   # every function hinted, nothing wrapped
//   node apps/web/bench/hot-functions.mjs [--dist DIR] [--out FILE]
//   pnpm --filter @pyheap/web build                            # uses the list
//
// Prints, per chunk, how many functions it has and how many were called.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { DEMO_PATH, LIB_PATH, serveDist } from "./twenty-server.mjs";
import { functionFingerprint } from "../bundler/fingerprint.mjs";

const { values: opts } = parseArgs({ options: { dist: { type: "string" }, out: { type: "string" } } });
const DIST = resolve(opts.dist ?? join(import.meta.dirname, "..", "dist"));
const OUT = resolve(opts.out ?? join(import.meta.dirname, "..", "bundler", "hot-functions.json"));
const HINT = "//# allFunctionsCalledOnLoad\n";
if (!existsSync(join(DIST, "lib", "py-heap-view.js"))) {
  console.error("apps/web/dist is missing: run `PYHEAP_COMPILE_HINTS=all pnpm --filter @pyheap/web build` first");
  process.exit(2);
}
const PAGES = [LIB_PATH, DEMO_PATH];
const server = await serveDist(DIST);
const { base } = server;
const browser = await chromium.launch({ executablePath: process.env.PYHEAP_CHROMIUM ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const hot = new Set();
let found = 0;
try {
  for (const path of PAGES) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
    await page.goto(base + path);
    await page.waitForFunction(() => performance.getEntriesByName("py-heap-view:first-diagram").length > 0, null, { timeout: 60_000 });
    await page.waitForTimeout(500); // the teardown and the panels, after the first frame
    const { result } = await cdp.send("Profiler.takePreciseCoverage");
    for (const script of result) {
      if (!script.url.startsWith(base)) continue;
      const file = join(DIST, new URL(script.url).pathname);
      const code = existsSync(file) ? readFileSync(file, "utf8") : "";
      if (!code.startsWith(HINT)) continue;
      // V8's offsets count UTF-16 units, as JavaScript strings do; a function's range is its node's
      found++;
      let called = 0;
      for (const f of script.functions) {
        const [{ startOffset, endOffset, count }] = f.ranges;
        if (count === 0 || startOffset === 0) continue; // not called, or the module's top-level code
        hot.add(functionFingerprint(code.slice(startOffset, endOffset)));
        called++;
      }
      console.log(`${path.split("#")[0]}: ${new URL(script.url).pathname}: ${script.functions.length} functions, ${called} called`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (found === 0) {
  console.error("no chunk carried the compile hint: build with PYHEAP_COMPILE_HINTS=all first");
  process.exit(1);
}
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
const measured = `${new Date().toISOString().slice(0, 16)}Z, a build of ${commit} and the working tree, the 20-line program in the library page and the demo page`;
writeFileSync(OUT, `${JSON.stringify({ measured, fingerprints: [...hot].sort() }, null, 0)}\n`);
console.log(`wrote ${OUT}`);
