#!/usr/bin/env node
// Profile one benchmark program under pyheap and print where the time goes, in TypeScript source
// coordinates (packages/*/src/…:line, through the built files' source maps) and WASM function names.
//
//   node tools/bench/interp-profile.mjs PROGRAM [--n N] [--trace line] [--top 25] [--keep DIR]
//   node tools/bench/interp-profile.mjs --from FILE.cpuprofile [--top 25]   (analyse a kept profile again)
//        [--node-flags "--no-turbo-inlining"] [--callers 8]
//
// PROGRAM is a name from tools/bench/programs (int_loop, list_build, …) or a path to a .py file. The
// program runs once in a child `node --cpu-prof` (so the profile holds only that run, after a warm-up
// run of the same program at a small size); then three lists are printed:
//  - self time by function (file:line of the function's start),
//  - self time by source line (V8's per-line ticks), which is what tells the cases of the eval loop's
//    one big `switch` apart,
//  - self time by file.
// Not a test; nothing is asserted.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SourceMap } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};

// ------------------------------------------------------------------ child: run the program once
if (args[0] === "--child") {
  const { run } = await import(pathToFileURL(join(root, "packages/python/dist/index.js")).href);
  const src = readFileSync(args[1], "utf8");
  const n = args[2];
  const trace = args[3] === "line" ? "line" : "none";
  const limits = { maxSteps: 2e9, timeoutMs: 120_000, maxTraceSteps: 1e7, maxHeapBytes: 1 << 30 };
  const sized = n ? src.replace(/^N = \d+$/m, `N = ${n}`) : src;
  const small = /^# traced-N: (\d+)$/m.exec(src);
  run(small ? src.replace(/^N = \d+$/m, `N = ${small[1]}`) : sized, { limits });
  const t = performance.now();
  const r = run(sized, { trace, limits });
  console.log(JSON.stringify({ ms: performance.now() - t, steps: r.stats.steps, stdout: r.stdout.slice(0, 200), outcome: r.outcome, traceSteps: r.trace?.steps.length }));
  process.exit(0);
}

// ------------------------------------------------------------------ parent
const fromFile = opt("from", "");
let profFile = fromFile;
if (!fromFile) {
  const prog = args[0];
  if (!prog || prog.startsWith("--")) {
    console.error("usage: node tools/bench/interp-profile.mjs PROGRAM [--n N] [--trace line] [--top 25] [--keep DIR] | --from FILE.cpuprofile");
    process.exit(2);
  }
  const file = existsSync(prog) ? resolve(prog) : join(here, "programs", `${prog}.py`);
  if (!existsSync(file)) {
    console.error(`interp-profile: no program ${prog} (looked for ${file})`);
    process.exit(2);
  }
  const dir = opt("keep", "") || mkdtempSync(join(tmpdir(), "pyheap-prof-"));
  const nodeFlags = opt("node-flags", "") ? opt("node-flags", "").split(" ") : [];
  const out = execFileSync(process.execPath, [...nodeFlags, "--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-interval", "200", fileURLToPath(import.meta.url), "--child", file, opt("n", ""), opt("trace", "none")], { encoding: "utf8", maxBuffer: 16 << 20 });
  console.log(`run: ${out.trim()}`);
  profFile = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => join(dir, f))[0];
}
const top = Number(opt("top", "25"));
const prof = JSON.parse(readFileSync(profFile, "utf8"));

// source maps of the built files, loaded on demand
const maps = new Map();
function mapOf(url) {
  if (!url.startsWith("file://")) return null;
  if (maps.has(url)) return maps.get(url);
  let m = null;
  try {
    const p = fileURLToPath(url);
    const js = readFileSync(p, "utf8");
    const ref = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(js);
    if (ref && !ref[1].startsWith("data:")) {
      const mp = join(dirname(p), ref[1]);
      const payload = JSON.parse(readFileSync(mp, "utf8"));
      m = { map: new SourceMap(payload), dir: dirname(mp) };
    }
  } catch {
    m = null;
  }
  maps.set(url, m);
  return m;
}
/** Names of the release core's functions by index: from the "name" section if any, else the exports. */
function wasmNames() {
  const names = new Map();
  let b;
  try {
    b = readFileSync(join(root, "packages/heap/build/pyheap.wasm"));
  } catch {
    return names;
  }
  let p = 8;
  const uleb = () => {
    let r = 0;
    let shift = 0;
    for (;;) {
      const x = b[p++];
      r += (x & 0x7f) * 2 ** shift;
      shift += 7;
      if (x < 0x80) return r;
    }
  };
  const str = () => {
    const n = uleb();
    const t = b.subarray(p, p + n).toString("utf8");
    p += n;
    return t;
  };
  let imported = 0;
  while (p < b.length) {
    const id = b[p++];
    const size = uleb();
    const end = p + size;
    if (id === 2) {
      for (let k = uleb(); k > 0; k--) {
        str();
        str();
        const kind = b[p++];
        if (kind === 0) (uleb(), imported++);
        else if (kind === 1) (p++, b[p++] ? (uleb(), uleb()) : uleb());
        else if (kind === 2) (b[p++] ? (uleb(), uleb()) : uleb());
        else if (kind === 3) p += 2;
      }
    } else if (id === 7) {
      for (let k = uleb(); k > 0; k--) {
        const name = str();
        const kind = b[p++];
        const idx = uleb();
        if (kind === 0 && !names.has(idx)) names.set(idx, name);
      }
    } else if (id === 0 && str() === "name") {
      while (p < end) {
        const sub = b[p++];
        const len = uleb();
        const subEnd = p + len;
        if (sub === 1) for (let k = uleb(); k > 0; k--) names.set(uleb(), str());
        p = subEnd;
      }
    }
    p = end;
  }
  void imported;
  return names;
}
const wasmFn = wasmNames();
const wasmName = (name) => {
  const m = /^wasm-function\[(\d+)\]$/.exec(name);
  return m && wasmFn.has(Number(m[1])) ? `${name} ${wasmFn.get(Number(m[1]))}` : name;
};

/** url + 0-based line/column of the built file → "packages/…/src/x.ts:LINE" (1-based). */
function where(url, line, col = 0) {
  if (!url) return "(native)";
  if (url.startsWith("wasm://")) return "wasm";
  const m = mapOf(url);
  if (m) {
    const e = m.map.findEntry(line, col);
    if (e && e.originalSource) {
      const src = e.originalSource.startsWith("file://") ? fileURLToPath(e.originalSource) : resolve(m.dir, e.originalSource);
      return `${relative(root, src)}:${e.originalLine + 1}`;
    }
  }
  const p = url.startsWith("file://") ? relative(root, fileURLToPath(url)) : url;
  return `${p}:${line + 1}`;
}

// self time per node from samples/timeDeltas
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
for (let i = 0; i < prof.samples.length; i++) selfUs.set(prof.samples[i], (selfUs.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const fnTime = new Map();
const lineTime = new Map();
const fileTime = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
for (const [id, us] of selfUs) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const name = cf.url.startsWith("wasm://") ? wasmName(cf.functionName) : cf.functionName || "(anonymous)";
  const loc = where(cf.url, cf.lineNumber, cf.columnNumber);
  add(fnTime, `${name}  ${loc}`, us);
  add(fileTime, cf.url.startsWith("wasm://") ? "wasm (packages/core)" : loc.replace(/:\d+$/, ""), us);
  const ticks = n.positionTicks ?? [];
  const allTicks = ticks.reduce((a, t) => a + t.ticks, 0);
  if (allTicks && cf.url.startsWith("file://")) {
    for (const t of ticks) add(lineTime, `${where(cf.url, t.line - 1, 0)}  (${name})`, (us * t.ticks) / allTicks);
  } else add(lineTime, `${cf.url.startsWith("wasm://") ? `wasm ${name}` : loc}  (${name})`, us);
}
// who calls the hottest functions (self time of the callee, split by the calling function)
const parentOf = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parentOf.set(c, n);
const keyOf = (n) => {
  const cf = n.callFrame;
  const name = cf.url.startsWith("wasm://") ? wasmName(cf.functionName) : cf.functionName || "(anonymous)";
  return `${name}  ${where(cf.url, cf.lineNumber, cf.columnNumber)}`;
};
const callers = new Map();
for (const [id, us] of selfUs) {
  const n = byId.get(id);
  const p = parentOf.get(id);
  const k = keyOf(n);
  if (!callers.has(k)) callers.set(k, new Map());
  add(callers.get(k), p ? keyOf(p) : "(root)", us);
}
const show = (title, m, k) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k)) console.log(`${((100 * us) / total).toFixed(1).padStart(6)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
};
console.log(`profile: ${profFile} (${(total / 1000).toFixed(0)} ms sampled, includes the warm-up run)`);
show("self time by function", fnTime, top);
show("self time by source line", lineTime, top);
show("self time by file", fileTime, 15);
const callerTop = Number(opt("callers", "8"));
console.log(`\ncallers of the ${callerTop} hottest functions (share of the callee's self time)`);
for (const [key, us] of [...fnTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, callerTop)) {
  const cs = callers.get(key);
  if (!cs) continue;
  console.log(`${((100 * us) / total).toFixed(1).padStart(6)}%  ${key}`);
  for (const [c, cus] of [...cs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`          ${((100 * cus) / us).toFixed(0).padStart(3)}% from ${c}`);
}

// coarse groups (regexps over "function  file:line"; first match wins), for comparing programs
const GROUPS = [
  ["trace recorder (packages/python/src/trace)", /packages\/python\/src\/trace\//],
  ["eval loop (evalFrame, and runUnit which V8 credits with part of it)", /^(proto\.evalFrame|runUnit) /],
  ["int arithmetic/compare via BigInt", /^(proto\.numericBinary|digits|proto\.newInt|newInt|newIntDigits|readInt|obSize|floorDiv|floorMod|nativeCompare|proto\.richCompare|proto\.binaryOp|proto\.intValue) /],
  ["range iteration", /bootstrap\.ts:13\d$|^(proto\.rangeFields|getF64) /],
  ["str read/write (readStr, makeStr, …)", /^(readStr|makeStr|newStrUncached|newStr|str) /],
  ["calls, frames, attribute lookup", /^(proto\.(callFunctionSteal|leaveFrame|call|callSteal|lookupType|getAttr|setAttr|loadMethod|instDict|codeInfo|loadGlobal|releaseFrameRefs|newSuper|callType)|Frame|name|proto\.dictGetStr) /],
  ["V8 garbage collector", /^\(garbage collector\)/],
  ["WASM core", /^wasm-function/],
  ["memory view getters (get i32, get buffer)", /^get (i32|u8|buffer) /],
  ["loading, parsing, compiling", /node:internal|@lezer|packages\/python\/src\/(compile|parse)\//],
];
const groups = new Map();
for (const [key, us] of fnTime) {
  const g = GROUPS.find(([, re]) => re.test(key));
  add(groups, g ? g[0] : "other", us);
}
show("self time by group", groups, GROUPS.length + 1);
