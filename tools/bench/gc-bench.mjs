#!/usr/bin/env node
// GC and allocation benchmark: the same random object graph in the WASM heap and in CPython (python3),
// in one run. N containers (2-slot lists), out-degree 2, 10 % of them in unreachable cycles; one full
// collection is timed in each, in two orders: "scrambled" (edges random, so the collector's list order
// does not follow the graph) and "creation" (edges to the next nodes), and "scrambled+gc" where automatic
// collections run while the graph is built (survivors are promoted in traversal order, so the generation
// lists no longer follow memory order either). Then allocate+free throughput.
// Prints ns/object and the ratio WASM / CPython (target for the scrambled full collection at N = 10^6:
// ≤ 0.5). Times are process CPU time (best of --repeat), which the other work on a shared machine
// disturbs less than wall time. Not a test: timings vary with the machine.
//
//   node tools/bench/gc-bench.mjs [--sizes 10000,100000,1000000] [--repeat 3] [--algorithm 0|1 (default 1)]
//                                 [--keep-heap] [--only scrambled,creation,scrambled+gc,alloc+free] [--phases]
//                                 [--wasm FILE] [--no-python] [--json] [--help]
//
// --wasm FILE times another build of the core (e.g. a copy of an older packages/heap/build/pyheap.wasm)
// through the same binding, for interleaved before/after runs; --no-python skips the CPython side;
// --json prints the rows as JSON (one line) after the table.
//
// --only runs the listed cases only (both sides). --phases compiles a profiling build of the core (asc
// --use GC_PHASE_PROFILE=1: the collector reports its phase boundaries through the gc callback) and
// prints the CPU time of each phase of the timed WASM collection (of the best repeat); the totals are
// then those of that build (a few calls more per collection). The header prints the load average: on a shared
// machine compare ratios taken under similar load.
//
// By default every WASM repeat starts from heap.reset() (a fresh instance), so each timed collection is
// the heap's first: the collector's side tables are new memory and their first touch costs page faults
// (counted in the "faults" columns, minor faults during the timed collection). --keep-heap repeats in
// one instance instead (root dropped and collected between repeats), as the Python side repeats in one
// process.
//
// Needs the heap built (pnpm --filter @pyheap/heap build). tools/bench is not a package consumer of
// @pyheap/heap, so the built module is loaded from the workspace path.
import { spawnSync, execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadavg, cpus } from "node:os";

const { loadHeap } = await import(new URL("../../packages/heap/dist/index.js", import.meta.url).href);
const { makeRestorable } = await import(new URL("../../packages/heap/dist/wasm-rewrite.js", import.meta.url).href);

const args = process.argv.slice(2);
const USAGE = `usage: node tools/bench/gc-bench.mjs [options]
  --sizes LIST      N values, comma-separated (default 10000,100000,1000000)
  --repeat R        repeats per case, the best CPU time is kept (default 3)
  --only LIST       cases: scrambled,creation,scrambled+gc,alloc+free (default all)
  --algorithm 0|1   0: CPython's list walks, 1: dense side tables (default 1)
  --keep-heap       repeat in one heap instead of heap.reset() before each repeat
  --phases          compile a profiling build and print the CPU time of each collector phase
                    (with --wasm, FILE must be such a build: asc … --use GC_PHASE_PROFILE=1)
  --wasm FILE       time this .wasm instead of packages/heap/build/pyheap.wasm
  --no-python       skip the CPython side (ratios are not printed)
  --json            also print the rows as one line of JSON
  --help            this text`;
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const KNOWN = ["--sizes", "--repeat", "--only", "--algorithm", "--wasm", "--keep-heap", "--phases", "--no-python", "--json"];
for (let i = 0; i < args.length; i++) {
  if (!KNOWN.includes(args[i])) {
    console.error(`gc-bench: unknown option ${args[i]} (--help lists them)`);
    process.exit(2);
  }
  if (["--sizes", "--repeat", "--only", "--algorithm", "--wasm"].includes(args[i])) {
    if (i + 1 >= args.length) {
      console.error(`gc-bench: ${args[i]} needs a value`);
      process.exit(2);
    }
    i++;
  }
}
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const sizes = opt("sizes", "10000,100000,1000000").split(",").map(Number);
const repeat = Number(opt("repeat", "3"));
const keepHeap = args.includes("--keep-heap");
const algorithm = Number(opt("algorithm", "1")); // 0 CPython's list walks, 1 dense side tables (the core's default)
const CASES = ["scrambled", "creation", "scrambled+gc", "alloc+free"];
const only = opt("only", CASES.join(",")).split(",");
const phases = args.includes("--phases");
// phase marks sent by the profiling build (gc/lists.ts phaseMark), in order
const PHASES = [
  [1, "pass 1: list walk, refcounts, edges"],
  [2, "pass 2: children -> slots, subtract"],
  [3, "pass 3: move_unreachable, relink kept objects"],
  [4, "pass 4: link moved-back objects, unreachable list"],
  [5, "untrack tuples/dicts, promote"],
  [6, "weakrefs, finalizers, resurrection"],
  [7, "delete_garbage"],
  [0, "the rest (free lists, stats)"],
];
for (const c of only) {
  if (!CASES.includes(c)) {
    console.error(`gc-bench: --only: unknown case ${c} (one of ${CASES.join(", ")})`);
    process.exit(2);
  }
}
const wasmPath = opt("wasm", undefined);
const noPython = args.includes("--no-python");
const asJson = args.includes("--json");


const python = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();

const PY = String.raw`
import gc, sys, time, json, resource
M = 0xFFFFFFFF
def rng(seed):
    # the generator of the WASM side (rng() in gc-bench.mjs) in 32-bit unsigned arithmetic: both sides
    # draw the same numbers, so they build the same graph and collect the same number of objects
    a = seed & M
    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & M
        t = a
        t = ((t ^ (t >> 15)) * (t | 1)) & M
        t = (t ^ ((t + (((t ^ (t >> 7)) * (t | 61)) & M)) & M)) & M
        return ((t ^ (t >> 14)) & M) / 4294967296
    return nxt
def build(n, scrambled, seed):
    rnd = rng(seed + 1)
    nodes = [[None, None] for _ in range(n)]
    ng = n // 10
    reach, garb = nodes[:n - ng], nodes[n - ng:]
    L = len(reach)
    if scrambled:
        for nd in reach:
            nd[0] = reach[int(rnd() * L)]; nd[1] = reach[int(rnd() * L)]
        for nd in garb:
            nd[0] = garb[int(rnd() * ng)]; nd[1] = garb[int(rnd() * ng)]
    else:
        for i, nd in enumerate(reach):
            nd[0] = reach[(i + 1) % L]; nd[1] = reach[(i + 2) % L]
        for i, nd in enumerate(garb):
            nd[0] = garb[(i + 1) % ng]; nd[1] = garb[(i + 2) % ng]
    return reach
out = []
for n in SIZES:
    for scrambled, gc_on in ((True, False), (False, False), (True, True)):
        if (("scrambled" if scrambled else "creation") + ("+gc" if gc_on else "")) not in ONLY: continue
        best = None
        for r in range(REPEAT):
            gc.collect()
            if not gc_on: gc.disable()
            keep = build(n, scrambled, r)
            f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            t0 = time.process_time_ns(); got = gc.collect(); t1 = time.process_time_ns()
            flt = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0
            if best is None or t1 - t0 < best: best, faults = t1 - t0, flt
            del keep; gc.collect(); gc.enable()
        out.append({"n": n, "order": ("scrambled" if scrambled else "creation") + ("+gc" if gc_on else ""), "ns": best, "collected": got, "faults": faults})
    if "alloc+free" not in ONLY: continue
    gc.collect()
    best = None
    for r in range(REPEAT):
        t0 = time.process_time_ns()
        xs = [[None, None] for _ in range(n)]
        del xs
        t1 = time.process_time_ns()
        best = (t1 - t0) if best is None else min(best, t1 - t0)
    out.append({"n": n, "order": "alloc+free", "ns": best, "collected": 0, "faults": 0})
print(json.dumps(out))
`;

function runPython() {
  const src = `SIZES = ${JSON.stringify(sizes)}\nREPEAT = ${repeat}\nONLY = ${JSON.stringify(only)}\n` + PY;
  const r = spawnSync(python, ["-c", src], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function restorable(bytes) {
  return makeRestorable(bytes) ?? bytes;
}

function profilingBuild() {
  const core = new URL("../../packages/core/", import.meta.url).pathname;
  const file = join(mkdtempSync(join(tmpdir(), "gc-bench-")), "pyheap.phases.wasm");
  execFileSync(
    join(core, "node_modules/.bin/asc"),
    ["assembly/index.ts", "--config", "asconfig.json", "--target", "release", "--use", "GC_PHASE_PROFILE=1", "-o", file],
    { cwd: core, stdio: "inherit" },
  );
  return restorable(readFileSync(file));
}

function runWasm() {
  const out = [];
  // with --phases: CPU µs at each mark of the collection being timed
  let marks = null;
  const gcCallback = (phase, info) => {
    if (!marks) return;
    if (phase === "start") marks.length = 0;
    marks.push([phase === "start" ? -1 : info.uncollectable === -1 ? info.collected : 0, process.cpuUsage()]);
  };
  // --phases with --wasm: FILE must be a profiling build itself (asc … --use GC_PHASE_PROFILE=1)
  const wasm = wasmPath ? restorable(readFileSync(wasmPath)) : phases ? profilingBuild() : undefined;
  const h = loadHeap({ heapLimit: 2 ** 31, ...(wasm ? { wasm } : {}), ...(phases ? { hooks: { gcCallback } } : {}) });
  const ITEMS = 24; // abi.LIST_ITEMS
  for (const n of sizes) {
    for (const [scrambled, gcOn] of [[true, false], [false, false], [true, true]]) {
      if (!only.includes((scrambled ? "scrambled" : "creation") + (gcOn ? "+gc" : ""))) continue;
      let best = Infinity;
      let got = 0;
      let faults = 0;
      let bestMarks = null;
      if (keepHeap) h.reset();
      for (let r = 0; r < repeat; r++) {
        if (!keepHeap) h.reset();
        h.gc.enable();
        if (!gcOn) h.gc.disable();
        h.core.gc_set_algorithm(algorithm);
        const rand = rng(r + 1);
        const nodes = new Array(n);
        for (let i = 0; i < n; i++) nodes[i] = h.newList([h.None, h.None]);
        const ng = Math.floor(n / 10);
        const L = n - ng;
        const i32 = () => h.i32;
        const link = (a, slot, b) => h.core.list_set(a, slot, b);
        for (let i = 0; i < L; i++) {
          link(nodes[i], 0, nodes[scrambled ? Math.floor(rand() * L) : (i + 1) % L]);
          link(nodes[i], 1, nodes[scrambled ? Math.floor(rand() * L) : (i + 2) % L]);
        }
        for (let i = 0; i < ng; i++) {
          link(nodes[L + i], 0, nodes[L + (scrambled ? Math.floor(rand() * ng) : (i + 1) % ng)]);
          link(nodes[L + i], 1, nodes[L + (scrambled ? Math.floor(rand() * ng) : (i + 2) % ng)]);
        }
        // the root: a list holding the reachable nodes (as `reach` in the Python side)
        const root = h.newList([], "list()");
        h.listExtend(root, nodes.slice(0, L));
        for (const nd of nodes) h.decref(nd);
        void i32;
        const f0 = process.resourceUsage().minorPageFault;
        if (phases) marks = [];
        const c0 = process.cpuUsage();
        got = h.gc.collect();
        const c1 = process.cpuUsage(c0);
        const seen = marks;
        marks = null;
        const flt = process.resourceUsage().minorPageFault - f0;
        const ns = (c1.user + c1.system) * 1000;
        if (ns < best) [best, faults, bestMarks] = [ns, flt, seen];
        h.decref(root);
        if (keepHeap) {
          h.gc.enable();
          h.gc.collect();
        }
      }
      out.push({ n, order: (scrambled ? "scrambled" : "creation") + (gcOn ? "+gc" : ""), ns: best, collected: got, faults, marks: bestMarks });
    }
    if (!only.includes("alloc+free")) continue;
    h.reset();
    let best = Infinity;
    for (let r = 0; r < repeat; r++) {
      const c0 = process.cpuUsage();
      const xs = new Array(n);
      for (let i = 0; i < n; i++) xs[i] = h.newList([h.None, h.None]);
      for (let i = 0; i < n; i++) h.decref(xs[i]);
      const c1 = process.cpuUsage(c0);
      best = Math.min(best, (c1.user + c1.system) * 1000);
    }
    out.push({ n, order: "alloc+free", ns: best, collected: 0, faults: 0 });
  }
  return out;
}

const wasmFile = wasmPath ?? new URL("../../packages/heap/build/pyheap.wasm", import.meta.url);
const bytes = readFileSync(wasmFile);
console.log(`${wasmPath ?? "pyheap.wasm"}: ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped`);
console.log(`CPython: ${python}; WASM algorithm ${algorithm}${keepHeap ? ", one heap for all repeats" : ", heap reset before each repeat"}`);
console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(" ")} (${cpus().length} cores)\n`);
const py = noPython ? [] : runPython();
const wa = runWasm();
console.log("\n      N  order        CPython ns/obj   WASM ns/obj   ratio   collected (py / wasm)   faults (py / wasm)");
for (const w of wa) {
  const p = py.find((x) => x.n === w.n && x.order === w.order) ?? { ns: NaN, collected: "-", faults: "-" };
  const pn = p.ns / w.n;
  const wn = w.ns / w.n;
  console.log(
    `${String(w.n).padStart(8)}  ${w.order.padEnd(11)} ${pn.toFixed(1).padStart(14)} ${wn.toFixed(1).padStart(13)} ${(wn / pn).toFixed(2).padStart(7)}   ${`${p.collected} / ${w.collected}`.padEnd(21)} ${p.faults} / ${w.faults}${p.collected === w.collected ? "" : "   DIFFERENT"}`,
  );
}
// both sides build the same graph from the same random numbers: a different count is a collector bug
if (wa.some((w) => py.some((p) => p.n === w.n && p.order === w.order && p.collected !== w.collected))) {
  console.log("\ncollected counts differ between CPython and the WASM heap on the same graph (DIFFERENT above)");
  process.exitCode = 1;
}
if (asJson) {
  const rows = wa.map((w) => {
    const p = py.find((x) => x.n === w.n && x.order === w.order);
    return { n: w.n, order: w.order, wasmNs: w.ns / w.n, pythonNs: p ? p.ns / w.n : null, collected: w.collected };
  });
  console.log(JSON.stringify(rows));
}
if (phases) {
  // ns/object per phase: the time from the previous mark to this one
  const rows = wa.filter((w) => w.marks);
  console.log(`\nphases of the timed WASM collection (ns/object of CPU time, profiling build, best repeat)`);
  console.log(`${"phase".padEnd(50)}${rows.map((w) => `${w.order}@${w.n}`.padStart(22)).join("")}`);
  const cost = (w, code) => {
    const at = w.marks.findIndex(([c]) => c === code);
    if (at <= 0) return "-";
    const [a, b] = [w.marks[at - 1][1], w.marks[at][1]];
    return (((b.user + b.system - a.user - a.system) * 1000) / w.n).toFixed(1);
  };
  for (const [code, name] of PHASES) console.log(`${name.padEnd(50)}${rows.map((w) => cost(w, code).padStart(22)).join("")}`);
}
