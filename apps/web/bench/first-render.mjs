#!/usr/bin/env node
// First render of a 20-line program in headless Chromium: from the element's module running
// (performance mark `py-heap-view:defined`) to its first drawn diagram (`py-heap-view:first-diagram`),
// with the parts in between (loading the interpreter and the WASM heap, the traced run up to its finished
// trace, drawing; the interpreter's teardown comes after the first diagram, outside the measured span).
// Serves the built dist/ (run `pnpm --filter @pyheap/web build` first) on a loopback port; each run is a
// fresh page in a fresh browser context (no HTTP or compiled-code cache carried over).
//
//   node apps/web/bench/first-render.mjs [--runs 9] [--page lib|demo|both] [--cpu] [--waterfall] [--raw] [--profile out.cpuprofile] [--dist DIR] [--compare DIR] [--trace-out FILE] [--samples] [--js-flags FLAGS] [--top-chrome-ui] [--program FILE]
//
// Prints one line per page: the median and range of the runs, and the median of each part. Wall time on a
// busy machine mostly measures waiting for a core; --cpu also records a Chromium trace and adds the CPU time
// the page's threads spent between the two marks (main thread, and all threads of the renderer), which
// other processes' load barely changes. --waterfall (implies --cpu) adds, from the same trace, when each
// file was asked for, when it had arrived and when V8 had finished compiling it (both from `py-heap-view:defined`; negative:
// before it), the background threads' CPU time compiling it, and how long the main thread sat idle
// between the element's definition and the run (waiting for those). --cpu also gives the main thread's CPU
// time compiling functions on their first call in the run and the draw (code without the compile hint).
// --compare DIR measures a second build (DIR, another dist/) in the same browser, run for run: each run loads
// both, in alternating order, and the paired differences (DIR minus --dist) are printed after both pages'
// lines — a change of load during the runs then moves both alike, which blocks of runs one after the other
// do not give.
// --samples (implies --cpu) also records V8's sampling profiler in the trace and prints, for the main thread's
// loading, run and draw, what share of the samples each script took (the innermost JavaScript frame's file;
// "(program)": V8's and Blink's own work — compiles, module instantiation, layout, parsing; "(garbage
// collector)"; the WASM heap; built-in functions), pooled over the runs. The sampler ticks by wall time and
// may itself wait for a core, so the shares are what to read, not the counts; the profiler's own cost makes
// the CPU figures of such a series higher than without it. --js-flags passes V8 flags to the page's renderer
// (e.g. --trace-opt; its output shows with DEBUG=pw:browser).
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values: opts } = parseArgs({
  options: {
    runs: { type: "string", default: "9" },
    page: { type: "string", default: "both" },
    profile: { type: "string" },
    dist: { type: "string" },
    compare: { type: "string" },
    cpu: { type: "boolean", default: false },
    waterfall: { type: "boolean", default: false },
    samples: { type: "boolean", default: false },
    "js-flags": { type: "string" },
    raw: { type: "boolean", default: false },
    "trace-out": { type: "string" },
    "top-chrome-ui": { type: "boolean", default: false },
    program: { type: "string" },
  },
});
const RUNS = Math.max(1, Number(opts.runs));
if (opts.waterfall || opts["trace-out"] || opts.samples) opts.cpu = true;
const DIST = resolve(opts.dist ?? join(import.meta.dirname, "..", "dist"));
/** The builds measured: [URL prefix, directory]; a second one with --compare, served under /b/. */
const BUILDS = [["", DIST], ...(opts.compare ? [["b/", resolve(opts.compare)]] : [])];
for (const [, dir] of BUILDS) {
  if (!existsSync(join(dir, "index.html")) || (opts.page !== "demo" && !existsSync(join(dir, "lib", "py-heap-view.js")))) {
    console.error(`${dir} is missing: run \`pnpm --filter @pyheap/web build\` first`);
    process.exit(2);
  }
}

// The 20-line program the issue's first-render target speaks of (shared with the browser tests), or --program FILE.
const PROGRAM = readFileSync(opts.program ?? join(import.meta.dirname, "twenty-lines.py"), "utf8");
const LIB_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>twenty</title>
<script type="module" src="lib/py-heap-view.js"></script></head><body><py-heap-view>
${PROGRAM}</py-heap-view></body></html>`;
const DEMO_URL = `index.html#play=${Buffer.from(PROGRAM).toString("base64url")}`;

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  let dir = DIST;
  if (opts.compare && path.startsWith("/b/")) [path, dir] = [path.slice(2), BUILDS[1][1]];
  if (path === "/twenty.html") return void res.writeHead(200, { "content-type": TYPES[".html"] }).end(LIB_PAGE);
  let file = normalize(join(dir, path));
  if (!file.startsWith(dir)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

// Each run's fresh context opens a browser window, and for each new window Chromium (156) loads its
// omnibox popup, a WebUI page of ~200 modules, in a renderer of its own: ~600 ms of CPU on this machine,
// while the page is measured (it was there in every run before this flag; a page loaded in an open window
// does not pay it). The flag adds to Playwright's own --disable-features list (Chromium merges them);
// --top-chrome-ui keeps that load, as the readings before 26 Nov 17:20 UTC had it.
const browser = await chromium.launch({
  executablePath: process.env.PYHEAP_CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    ...(opts["js-flags"] ? [`--js-flags=${opts["js-flags"]}`] : []),
    ...(opts["top-chrome-ui"] ? [] : ["--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup"]),
  ],
});

/** Main-thread CPU of these spans is reported with --cpu: loading, the traced run, drawing. */
const CPU_SEGMENTS = [
  ["py-heap-view:defined", "py-heap-view:interpreter-ready"],
  ["py-heap-view:interpreter-ready", "py-heap-view:run-end"],
  ["py-heap-view:run-end", "py-heap-view:first-diagram"],
];

const PARTS = [
  ["total", "py-heap-view:defined", "py-heap-view:first-diagram"],
  ["interpreter loaded at", "py-heap-view:defined", "py-heap-view:interpreter-loaded"],
  ["WASM compiled at", "py-heap-view:defined", "py-heap-view:heap-ready"],
  ["run", "py-heap-view:interpreter-ready", "py-heap-view:run-end"],
  ["draw", "py-heap-view:run-end", "py-heap-view:first-diagram"],
  // the runner's compile of the program with the interpreter's second chunk, before the first has loaded
  // (src/runner.ts, precompile): absent from a run where the first chunk loaded before it
  ["program compiled ahead at", "py-heap-view:defined", "py-heap-view:program-compiled"],
];

async function once(path, profile, traceOut) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  let cdp;
  if (profile) {
    cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
  }
  if (opts.cpu) await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline", "blink.user_timing", "v8", "disabled-by-default-v8.compile", ...(opts.samples ? ["disabled-by-default-v8.cpu_profiler"] : [])] });
  // The page reports its first diagram through a binding, set up before it loads: waiting with
  // page.waitForFunction would have Playwright inject its ~330 KB helper script into the page while it
  // is being measured (~10 ms of the main thread's CPU, parsed just before the interpreter's chunk runs).
  let drawn;
  const firstDiagram = new Promise((resolve) => (drawn = resolve));
  await page.exposeBinding("__pyheapFirstDiagram", () => drawn());
  await page.addInitScript(() => {
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName("py-heap-view:first-diagram").length) return;
      observer.disconnect();
      globalThis.__pyheapFirstDiagram();
    }).observe({ type: "mark", buffered: true });
  });
  await page.goto(base + path);
  let timer;
  await Promise.race([firstDiagram, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no first diagram within 60 s on ${path}`)), 60_000)))]);
  clearTimeout(timer);
  let cpu = [NaN, NaN, NaN, NaN, NaN];
  let files = null;
  let lazy = NaN;
  let samples = null;
  if (opts.cpu) {
    const json = (await browser.stopTracing()).toString("utf8");
    if (traceOut) writeFileSync(traceOut, json);
    const events = JSON.parse(json).traceEvents;
    const [main, all] = cpuBetween(events, "py-heap-view:defined", "py-heap-view:first-diagram");
    cpu = [main, all, ...CPU_SEGMENTS.map(([x, y]) => cpuBetween(events, x, y)[0])];
    if (opts.waterfall) files = waterfall(events);
    lazy = onDemandCompile(events, "py-heap-view:interpreter-ready", "py-heap-view:first-diagram");
    if (opts.samples) samples = sampledScripts(events);
  }
  const ms = await page.evaluate((parts) => parts.map(([, a, b]) => {
    const x = performance.getEntriesByName(a)[0];
    const y = performance.getEntriesByName(b)[0];
    return x && y ? y.startTime - x.startTime : NaN;
  }), PARTS);
  // the same first diagram from the navigation's start and from the arrival of the page's module script
  // (the element's one script tag; the demo page's entry): the marks' span above starts once that script
  // runs, which on the demo page is ~100 ms after its HTML had asked for the interpreter's chunks
  const from = await page.evaluate(() => {
    const diagram = performance.getEntriesByName("py-heap-view:first-diagram")[0];
    const src = document.querySelector("script[type=module][src]")?.src;
    const script = performance.getEntriesByType("resource").find((r) => r.name === src);
    return [diagram?.startTime ?? NaN, diagram && script ? diagram.startTime - script.responseEnd : NaN];
  });
  if (cdp) {
    const { profile: p } = await cdp.send("Profiler.stop");
    writeFileSync(profile, JSON.stringify(p));
    printTop(p);
  }
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
  return Object.assign([...ms, ...cpu], { files, from, lazy, samples });
}

const fileName = (url) => url.replace(/^.*\//, "");

/**
 * From a trace: for each script and WASM file of the page, when it was asked for, when it had arrived
 * (the network's finish time) and when V8's background compile of it ended, in ms from `py-heap-view:defined`, and that
 * compile's CPU time; and the main thread's idle time between `defined` and `interpreter-ready`.
 */
function waterfall(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes("user_timing"));
  const defined = mark("py-heap-view:defined");
  const ready = mark("py-heap-view:interpreter-ready");
  if (!defined || !ready) return null;
  const urlOf = new Map();
  for (const e of events) if (e.name === "ResourceSendRequest" && e.args?.data?.url?.startsWith(base)) urlOf.set(e.args.data.requestId, e.args.data.url);
  const files = new Map();
  const get = (url) => files.get(fileName(url)) ?? files.set(fileName(url), { requested: NaN, fetched: NaN, compiled: NaN, compileCpu: 0 }).get(fileName(url));
  for (const e of events) {
    const d = e.args?.data;
    if (e.name === "ResourceSendRequest" && d?.url?.startsWith(base) && /\.(js|wasm)$/.test(d.url)) {
      // the first request (a preload, then the fetch that takes its response)
      const f = get(d.url);
      f.requested = Math.min(Number.isNaN(f.requested) ? Infinity : f.requested, (e.ts - defined.ts) / 1000);
    }
    if (e.name === "ResourceFinish" && d?.finishTime && urlOf.has(d.requestId) && /\.(js|wasm)$/.test(urlOf.get(d.requestId))) {
      get(urlOf.get(d.requestId)).fetched = (d.finishTime * 1e6 - defined.ts) / 1000;
    }
    if (e.name === "v8.parseOnBackground" && e.ph === "X" && e.pid === defined.pid && d?.url?.startsWith(base)) {
      const f = get(d.url);
      f.compiled = Math.max(Number.isNaN(f.compiled) ? -Infinity : f.compiled, (e.ts + e.dur - defined.ts) / 1000);
      f.compileCpu += (e.tdur ?? 0) / 1000;
    }
  }
  const [mainCpu] = cpuBetween(events, "py-heap-view:defined", "py-heap-view:interpreter-ready");
  return { files, idle: (ready.ts - defined.ts) / 1000 - mainCpu };
}

/**
 * From a trace with V8's sampling profiler (--samples): for each span of CPU_SEGMENTS, the main thread's
 * samples counted by script (the file of the innermost JavaScript frame, a chunk's hash left out) or by
 * V8's own bucket for samples outside JavaScript ("(program)", "(garbage collector)"); idle samples are
 * left out. A Map per span, or null when the trace has no samples.
 */
function sampledScripts(events) {
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes("user_timing"));
  const defined = mark("py-heap-view:defined");
  if (!defined) return null;
  const main = events.find((e) => e.ph === "M" && e.name === "thread_name" && e.pid === defined.pid && e.args.name === "CrRendererMain");
  const head = events.find((e) => e.name === "Profile" && e.pid === defined.pid && e.tid === main?.tid);
  if (!head) return null;
  const nodes = new Map();
  const ids = [];
  const deltas = [];
  for (const e of events) {
    if (e.name !== "ProfileChunk" || e.pid !== defined.pid || e.id !== head.id) continue;
    for (const n of e.args.data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    ids.push(...(e.args.data.cpuProfile?.samples ?? []));
    deltas.push(...(e.args.data.timeDeltas ?? []));
  }
  const bucket = (n) => {
    const cf = n?.callFrame;
    if (!cf) return "?";
    if (/wasm/.test(cf.functionName) || cf.url?.endsWith(".wasm")) return "(WASM heap and its calls)";
    if (cf.codeType !== "JS" || !cf.url) return cf.functionName.startsWith("(") ? cf.functionName : "(built-ins: DOM, JSON…)";
    return fileName(cf.url).replace(/-[\w-]{8}(\.js)$/, "$1");
  };
  let t = head.args.data.startTime;
  const at = ids.map((_, i) => (t += deltas[i]));
  return CPU_SEGMENTS.map(([from, to]) => {
    const a = mark(from)?.ts;
    const b = mark(to)?.ts;
    const byScript = new Map();
    for (let i = 0; i + 1 < ids.length; i++) {
      if (!(at[i] >= a && at[i] < b)) continue;
      const k = bucket(nodes.get(ids[i]));
      if (k !== "(idle)") byScript.set(k, (byScript.get(k) ?? 0) + 1);
    }
    return byScript;
  });
}

/**
 * CPU time of the main thread's own compiles (V8.CompileCode: a function compiled on its first call, which
 * the chunks with the compile hint compile ahead on a background thread) between two marks, in ms.
 */
function onDemandCompile(events, from, to) {
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes("user_timing"));
  const a = mark(from);
  const b = mark(to);
  if (!a || !b) return NaN;
  const main = events.find((e) => e.ph === "M" && e.name === "thread_name" && e.pid === a.pid && e.args.name === "CrRendererMain");
  const list = events.filter((e) => e.name === "V8.CompileCode" && e.ph === "X" && e.pid === a.pid && e.tid === main?.tid && e.ts >= a.ts && e.ts <= b.ts);
  list.sort((x, y) => x.ts - y.ts);
  let sum = 0;
  let end = -Infinity;
  for (const e of list) {
    if (e.ts < end) continue; // nested in the one before
    end = e.ts + e.dur;
    sum += e.tdur ?? 0;
  }
  return sum / 1000;
}

/**
 * CPU time (thread time of trace events) of the renderer between two marks: [main thread, all threads of
 * that process], in ms. Counts the outermost
 * complete events of each thread (their `tdur` includes what they contain), clipped by wall time.
 */
function cpuBetween(events, from, to) {
  const mark = (name) => events.find((e) => e.name === name && e.cat?.includes("user_timing"));
  const a = mark(from);
  const b = mark(to);
  if (!a || !b) return [NaN, NaN];
  const pid = a.pid;
  const threadName = new Map(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.pid === pid).map((e) => [e.tid, e.args.name]));
  const byThread = new Map();
  for (const e of events) {
    if (e.pid !== pid || e.ph !== "X" || e.tdur === undefined || e.ts + e.dur < a.ts || e.ts > b.ts) continue;
    (byThread.get(e.tid) ?? byThread.set(e.tid, []).get(e.tid)).push(e);
  }
  let main = 0;
  let all = 0;
  for (const [tid, list] of byThread) {
    list.sort((x, y) => x.ts - y.ts || y.dur - x.dur);
    let end = -Infinity;
    let sum = 0;
    for (const e of list) {
      if (e.ts < end) continue; // nested in the previous outermost event
      end = e.ts + e.dur;
      const clipped = (Math.min(end, b.ts) - Math.max(e.ts, a.ts)) / e.dur;
      sum += e.tdur * Math.max(0, Math.min(1, clipped));
    }
    all += sum;
    if (threadName.get(tid) === "CrRendererMain") main += sum;
  }
  return [main / 1000, all / 1000];
}

/** Self time per function (and per script) of a CPU profile, the top 25. */
function printTop(p) {
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const byFn = new Map();
  const byUrl = new Map();
  for (const n of p.nodes) {
    const t = (dt.get(n.id) ?? 0) / 1000;
    if (!t) continue;
    const cf = n.callFrame;
    const url = cf.url.replace(/^.*\//, "") || "(native)";
    const key = `${cf.functionName || "(anonymous)"} ${url}:${cf.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    byUrl.set(url, (byUrl.get(url) ?? 0) + t);
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`).join("\n");
  console.log(`self time by script:\n${top(byUrl, 10)}\nself time by function:\n${top(byFn, 25)}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pages = opts.page === "both" ? ["lib", "demo"] : [opts.page];
for (const which of pages) {
  const path = which === "lib" ? "twenty.html" : DEMO_URL;
  const byBuild = BUILDS.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    const last = i === RUNS - 1;
    // with --compare, the two builds one after the other, in alternating order
    const order = BUILDS.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) {
      const [prefix] = BUILDS[k];
      const out = last && opts["trace-out"] ? opts["trace-out"].replace(/(\.json)?$/, `-${which}${prefix ? "-b" : ""}$1`) : undefined;
      const r = await once(prefix + path, last && !prefix ? opts.profile : undefined, out);
      byBuild[k].push(r);
      // --raw: one JSON line per run (page, total ms, then the parts and, with --cpu, the CPU figures)
      if (opts.raw) console.log(JSON.stringify({ page: which, ...(prefix ? { build: BUILDS[k][1] } : {}), ms: r.map((x) => Math.round(x * 10) / 10), from: r.from.map((x) => Math.round(x * 10) / 10), lazy: Math.round(r.lazy * 10) / 10 }));
    }
  }
  for (const [k, runs] of byBuild.entries()) report(which, runs, BUILDS.length > 1 ? BUILDS[k][1] : "");
  if (BUILDS.length > 1) paired(which, byBuild[0], byBuild[1]);
}
await browser.close();
server.close();

/** The paired differences of --compare's runs (second build minus first), per figure: median, and in how many pairs the second was lower. */
function paired(which, a, b) {
  const figures = [["first diagram", (r) => r[0]], ["after the script arrived", (r) => r.from[1]]];
  if (opts.cpu) figures.push(["main-thread CPU", (r) => r[PARTS.length]], ["all renderer threads' CPU", (r) => r[PARTS.length + 1]], ["run CPU", (r) => r[PARTS.length + 3]]);
  const text = figures.map(([name, f]) => {
    const d = a.map((r, i) => f(b[i]) - f(r));
    return `${name} ${median(d) >= 0 ? "+" : ""}${median(d).toFixed(1)} ms (lower in ${d.filter((x) => x < 0).length} of ${d.length})`;
  });
  console.log(`${which}: ${BUILDS[1][1]} minus ${DIST}, medians of the ${a.length} pairs: ${text.join(", ")}`);
}

function report(which, runs, label) {
  const totals = runs.map((r) => r[0]);
  const fromNav = median(runs.map((r) => r.from[0]));
  const fromScript = median(runs.map((r) => r.from[1]));
  const parts = PARTS.slice(1)
    .map(([name], k) => {
      const xs = runs.map((r) => r[k + 1]).filter(Number.isFinite);
      return `${name} ${xs.length ? median(xs).toFixed(0) : "-"}${xs.length < runs.length ? ` (in ${xs.length} of ${runs.length} runs)` : ""}`;
    })
    .join(", ");
  const cpu = opts.cpu
    ? `; CPU between the marks: main thread ${median(runs.map((r) => r[PARTS.length])).toFixed(0)} ms ` +
      `(${["loading", "run", "draw"].map((n, k) => `${n} ${median(runs.map((r) => r[PARTS.length + 2 + k])).toFixed(0)}`).join(", ")}; ` +
      `compiles on first call in the run and the draw ${median(runs.map((r) => r.lazy)).toFixed(1)}), ` +
      `all renderer threads ${median(runs.map((r) => r[PARTS.length + 1])).toFixed(0)} ms`
    : "";
  if (opts.waterfall) {
    const names = [...new Set(runs.flatMap((r) => (r.files ? [...r.files.files.keys()] : [])))];
    const med = (f) => {
      const xs = runs.map(f).filter((x) => !Number.isNaN(x));
      return xs.length ? median(xs) : NaN;
    };
    const row = (n) => {
      const at = (k) => med((r) => r.files?.files.get(n)?.[k] ?? NaN);
      const compile = Number.isNaN(at("compiled")) ? "" : `, compiled at ${at("compiled").toFixed(0)} (${at("compileCpu").toFixed(0)} ms CPU in the background)`;
      return `  ${n}: requested at ${at("requested").toFixed(0)}, arrived at ${at("fetched").toFixed(0)}${compile}`;
    };
    console.log(`${label ? `${label}: ` : ""}${which}: from py-heap-view:defined, in ms (medians; negative: before it)\n${names.map(row).join("\n")}\n  main thread idle between defined and interpreter-ready: ${med((r) => r.files?.idle ?? NaN).toFixed(0)} ms`);
  }
  if (opts.samples) {
    // pooled over the runs: each script's share of all the span's samples, and the span's median count
    const spans = ["loading", "run", "draw"].map((name, k) => {
      const pooled = new Map();
      for (const r of runs) for (const [s, n] of r.samples?.[k] ?? []) pooled.set(s, (pooled.get(s) ?? 0) + n);
      const total = [...pooled.values()].reduce((x, y) => x + y, 0);
      const each = median(runs.map((r) => [...(r.samples?.[k]?.values() ?? [])].reduce((x, y) => x + y, 0)));
      const shares = [...pooled].sort((x, y) => y[1] - x[1]).filter(([, n]) => n >= total * 0.01).map(([s, n]) => `${s} ${((100 * n) / total).toFixed(0)} %`);
      return `  ${name} (${each} samples, median): ${shares.join(", ")}`;
    });
    console.log(`${label ? `${label}: ` : ""}${which}: the main thread's samples by script\n${spans.join("\n")}`);
  }
  console.log(
    `${label ? `${label}: ` : ""}${which === "lib" ? "library build (dist/lib, one script tag)" : "demo page (dist/, playground)"}: first diagram of a 20-line program ` +
      `${median(totals).toFixed(0)} ms after the script ran (median of ${RUNS}; ${Math.min(...totals).toFixed(0)}–${Math.max(...totals).toFixed(0)}; ` +
      `${fromScript.toFixed(0)} ms after the page's module script arrived, ${fromNav.toFixed(0)} ms after navigation) — ${parts} ms${cpu}`,
  );
}
