#!/usr/bin/env node
// Fixed cost of one run() of @pyheap/python: N runs of an empty program, N compiles and N runs of the blog's
// first example, all in one process (the way the HTTP server's workers use the interpreter); then N
// heap.reset() of a heap after a little work (200 ints, a 2 KB str), the reset a heap set up anew gets.
// The runs are timed both ways, alternating, --rounds times: "reused" (the default: a pooled interpreter
// restored to its state after set-up) and "set up each run" (a new VM set up on a reset heap, as every
// run did before interpreters were reused).
//
//   node tools/bench/interp-startup.mjs [--n 200] [--rounds 3] [--detailed] [--cold-compile]
//   node tools/bench/interp-startup.mjs --first 10
//
// --first N: a one-shot process's cost instead (a CLI run, the first run of a page or a server thread):
// N new Node processes, one after another, each importing the package and running blog/01 once; prints
// each part's median and range, wall and CPU time (process CPU, all threads).
// --detailed times runDetailed() with the heap report on (what the corpus runner does) instead of run();
// --cold-compile clears the compiler's cache of recent units before every run.
// Not a test; nothing is asserted about times. Needs packages/python (and its dependencies) built.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) || dflt : dflt;
};
const cpuMs = (c) => (c.user + c.system) / 1000;

if (args.includes("--child")) {
  // one process, one run: import, then the first run (set-up of the heap and the interpreter included)
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { run } = await import(new URL("../../packages/python/dist/index.js", import.meta.url).href);
  const importWall = performance.now() - t0;
  const importCpu = cpuMs(process.cpuUsage(c0));
  const src = readFileSync(new URL("../../corpus/shared/blog/01-list-append-same-id.py", import.meta.url), "utf8");
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const r = run(src, { trace: "none" });
  const runWall = performance.now() - t1;
  const runCpu = cpuMs(process.cpuUsage(c1));
  const want = readFileSync(new URL("../../corpus/shared/blog/01-list-append-same-id.out", import.meta.url), "utf8");
  if (r.stdout !== want) throw new Error(`blog/01: wrong output:\n${r.stdout}`);
  // the process ends on its own, as a CLI run does (what the run left scheduled counts)
  process.on("exit", () => console.log(JSON.stringify({ importWall, importCpu, runWall, runCpu, processCpu: cpuMs(process.cpuUsage()) })));
} else if (args.includes("--first")) {
  const k = opt("--first", 10);
  const rows = [];
  for (let i = 0; i < k; i++) {
    const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child"], { encoding: "utf8" });
    if (p.status !== 0) throw new Error(`child failed: ${p.stderr}`);
    rows.push(JSON.parse(p.stdout));
  }
  const fmt = (key) => {
    const xs = rows.map((r) => r[key]).sort((a, b) => a - b);
    return `${xs[xs.length >> 1].toFixed(1).padStart(6)} (${xs[0].toFixed(1)}–${xs[xs.length - 1].toFixed(1)})`;
  };
  console.log(`one run per process, ${k} processes: median (range) ms`);
  console.log(`  import @pyheap/python   wall ${fmt("importWall")}   CPU ${fmt("importCpu")}`);
  console.log(`  first run of blog/01    wall ${fmt("runWall")}   CPU ${fmt("runCpu")}`);
  console.log(`  whole process CPU (node's own start-up included) ${fmt("processCpu")}`);
  process.exit(0);
} else {
  const n = opt("--n", 200);
  const rounds = opt("--rounds", 3);
  const detailed = args.includes("--detailed");
  const coldCompile = args.includes("--cold-compile");
  const py = await import(new URL("../../packages/python/dist/index.js", import.meta.url).href);
  const { compileModule, clearCompileCache } = await import(new URL("../../packages/python/dist/compile/index.js", import.meta.url).href);
  const { setInterpreterReuse } = await import(new URL("../../packages/python/dist/heap-pool.js", import.meta.url).href);
  const blogPath = new URL("../../corpus/shared/blog/01-list-append-same-id.py", import.meta.url);
  const blog = readFileSync(blogPath, "utf8");
  const blogOut = readFileSync(new URL("../../corpus/shared/blog/01-list-append-same-id.out", import.meta.url), "utf8");

  const go0 = detailed ? (src) => py.runDetailed(src).result : (src) => py.run(src, { trace: "none" });
  const go = coldCompile
    ? (src) => {
        clearCompileCache?.();
        return go0(src);
      }
    : go0;

  function time(label, fn) {
    const t0 = performance.now();
    fn();
    const first = performance.now() - t0;
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    const per = (performance.now() - t1) / n;
    const c = process.cpuUsage(c1);
    const cpu = (c.user + c.system) / 1000 / n;
    console.log(`${label.padEnd(44)} first ${first.toFixed(1).padStart(6)} ms   then ${per.toFixed(2).padStart(6)} ms/run wall, ${cpu.toFixed(2).padStart(6)} ms/run CPU (all threads)  (n=${n})`);
  }

  // compile first (its first call pays the parser's start-up), then runs
  // (the compiler keeps recent units; the cache is cleared so that the compiler itself is timed)
  time("compile blog/01 (38 lines)", () => {
    clearCompileCache?.();
    compileModule(blog, "main.py", "exec");
  });
  const runs = [
    ["run empty program", () => {
      const r = go("");
      if (r.exitCode !== 0 || r.stdout !== "") throw new Error(`empty program: ${JSON.stringify(r)}`);
    }],
    ["run blog/01", () => {
      const r = go(blog);
      if (r.stdout !== blogOut) throw new Error(`blog/01: wrong output:\n${r.stdout}`);
    }],
  ];
  for (let round = 1; round <= rounds; round++) {
    for (const [mode, on] of [["reused", true], ["set up each run", false]]) {
      setInterpreterReuse?.(on);
      for (const [label, fn] of runs) time(`${label} [${mode}]`, fn);
    }
  }
  setInterpreterReuse?.(true);

  const { loadHeap } = await import(new URL("../../packages/heap/dist/index.js", import.meta.url).href);
  const hp = loadHeap({ heapLimit: 256 << 20 });
  hp.reset(); // the first reset makes a new instance and keeps the image the later ones restore
  time("heap.reset() after small work", () => {
    for (let i = 0; i < 200; i++) hp.newInt(1_000_000 + i);
    hp.newStr("x".repeat(2000));
    hp.reset();
  });
}
