#!/usr/bin/env node
// Interpreter benchmark: the same Python programs (tools/bench/programs/*.py) through pyheap's `run()` and
// through the real CPython, in one run, tracing off and with line tracing on; then a ~10^6-step program
// traced, and random jumps into its trace with `Session` when the package exports one.
//
// How each side is timed (wall time, best of --repeat / --py-repeat runs):
// - CPython: one process of the real binary (resolved once through `python3 -c 'import sys;
//   print(sys.executable)'`, since `python3` is a pyenv shim costing ~50 ms). It compiles each program and
//   times only `exec(code, {"__name__": "__main__"})` with time.perf_counter, stdout captured. No process
//   start, no compile.
// - pyheap: `run(source)` as a front end calls it, so compile, a fresh heap, the bootstrap of the builtins
//   and the 3.11 shutdown sequence are included; the cost of an empty program is printed as "startup" so it
//   can be subtracted by eye (it is small next to the workloads).
// Every program prints a checksum; the `out` columns say whether pyheap printed exactly what CPython printed
// at the same size, so a wrong result is never mistaken for a fast one.
//
// The ~10^6-step trace runs in a child node process (a trace too large for the JS heap ends the child, not
// the bench); when its time limit stops it first, the steps recorded so far give the rate and an estimate
// for the whole program, and the jumps are timed in that partial trace.
//
// Not a test: no timing is asserted. Runtime is bounded: each pyheap run carries its own wall-time limit
// (`limits.timeoutMs`, never past --budget + 20 s; --trace-timeout seconds for the 10^6-step trace, whose
// child is killed 15 s past it and never runs past --budget + 30 s), and once the whole bench passes
// --budget seconds the remaining pyheap runs are skipped and said to be: about --budget + 40 s at most.
//
//   node tools/bench/interp-bench.mjs [--only int_loop,recursion] [--repeat 1] [--py-repeat 3]
//        [--scale 1] [--no-trace] [--no-1m] [--trace-timeout 45] [--jumps 200] [--budget 130] [--json FILE]
//        [--dist DIR]
//
// --scale multiplies every program's N (recursion.py's N is fib's argument, so it moves by log base 1.618).
// Needs @pyheap/python built (pnpm --filter @pyheap/python... build); it is loaded from the workspace path
// like the heap in gc-bench.mjs. --dist DIR loads another build of it instead (a directory holding its
// index.js, e.g. an older tree's packages/python/dist copied inside packages/python so that its imports of
// @pyheap/heap resolve), for before/after runs interleaved against the same heap build.
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";

const t00 = performance.now();
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const flag = (name) => args.includes(`--${name}`);
if (flag("help")) {
  console.log(readFileSync(new URL(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//")).map((l) => l.slice(3)).join("\n"));
  process.exit(0);
}
const only = opt("only", "") ? opt("only", "").split(",") : null;
const repeat = Math.max(1, Number(opt("repeat", "1")));
const pyRepeat = Math.max(1, Number(opt("py-repeat", "3")));
const scale = Number(opt("scale", "1"));
const withTrace = !flag("no-trace");
const with1m = !flag("no-1m");
const jumps = Number(opt("jumps", "200"));
const budgetMs = Number(opt("budget", "130")) * 1000;
const jsonOut = opt("json", "");
const bigTimeoutMs = Number(opt("trace-timeout", "45")) * 1000;

let py;
let jitOn = false;
const distArg = opt("dist", "");
const distUrl = distArg ? pathToFileURL(resolve(distArg) + "/").href : new URL("../../packages/python/dist/", import.meta.url).href;
try {
  // as Node loads the package: node.js, with the compiled path (loops compiled to JavaScript) on unless
  // PYHEAP_JIT=0; a build older than that entry has only index.js, where PYHEAP_JIT=1 switched it on
  const nodeEntry = existsSync(fileURLToPath(new URL("node.js", distUrl)));
  py = await import(new URL(nodeEntry ? "node.js" : "index.js", distUrl).href);
  if (nodeEntry || process.env.PYHEAP_JIT === "1") jitOn = (await import(new URL("jit/compile.js", distUrl).href)).jitEnabled();
} catch (e) {
  console.error(`interp-bench: cannot load packages/python/dist (build it first: pnpm --filter @pyheap/python... build): ${e.message}`);
  process.exit(2);
}
const { run } = py;
const python = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
const pyVersion = execFileSync(python, ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" }).trim();

// ---------------------------------------------------------------- programs
const dir = new URL("./programs/", import.meta.url);
const TRACE_1M = "trace_1m";
/** A program file: `N = <int>` on a line of its own sets the size; `# traced-N: <int>` the size traced. */
function loadProgram(file) {
  const name = file.replace(/\.py$/, "");
  const src = readFileSync(new URL(file, dir), "utf8");
  const m = /^N = (\d+)$/m.exec(src);
  if (!m) throw new Error(`${file}: no "N = <int>" line`);
  const t = /^# traced-N: (\d+)$/m.exec(src);
  let n = Number(m[1]);
  if (scale !== 1) n = name === "recursion" ? Math.max(1, Math.round(n + Math.log(scale) / Math.log(1.618))) : Math.max(1, Math.round(n * scale));
  return { name, src, n, tracedN: t ? Number(t[1]) : n };
}
const withN = (p, n) => p.src.replace(/^N = \d+$/m, `N = ${n}`);
const files = readdirSync(dir).filter((f) => f.endsWith(".py")).sort();
const programs = files.map(loadProgram).filter((p) => p.name !== TRACE_1M && (!only || only.includes(p.name)));
const big = files.includes(`${TRACE_1M}.py`) ? loadProgram(`${TRACE_1M}.py`) : null;

// ---------------------------------------------------------------- CPython side (one process)
const HARNESS = String.raw`
import io, json, sys, time
def count_lines(code):
    # line events as sys.settrace reports them: what a line-granularity trace of CPython would hold
    n = [0]
    def local(frame, event, arg):
        if event == "line":
            n[0] += 1
        return local
    def glob(frame, event, arg):
        return local
    old = sys.stdout
    sys.stdout = io.StringIO()
    sys.settrace(glob)
    try:
        exec(code, {"__name__": "__main__"})
    finally:
        sys.settrace(None)
        sys.stdout = old
    return n[0]
out = []
for job in json.load(sys.stdin):
    code = compile(job["src"], "main.py", "exec")
    best = None
    cpu = None
    text = ""
    for _ in range(job["repeat"]):
        g = {"__name__": "__main__"}
        buf = io.StringIO()
        old = sys.stdout
        sys.stdout = buf
        try:
            c0 = time.process_time()
            t0 = time.perf_counter()
            exec(code, g)
            t1 = time.perf_counter()
            c1 = time.process_time()
        finally:
            sys.stdout = old
        g.clear()
        ms = (t1 - t0) * 1000
        best = ms if best is None else min(best, ms)
        cpu = (c1 - c0) * 1000 if cpu is None else min(cpu, (c1 - c0) * 1000)
        text = buf.getvalue()
    r = {"ms": best, "cpuMs": cpu, "stdout": text}
    if job.get("countLines"):
        r["lines"] = count_lines(code)
    out.append(r)
print(json.dumps(out))
`;
function cpython(jobs) {
  const res = execFileSync(python, ["-c", HARNESS], { input: JSON.stringify(jobs), encoding: "utf8", timeout: 120_000, maxBuffer: 64 << 20 });
  return JSON.parse(res);
}

// ---------------------------------------------------------------- pyheap side
const overBudget = () => performance.now() - t00 > budgetMs;
const LIMITS = { maxSteps: 2e9, timeoutMs: 40_000, maxOutputBytes: 1 << 20, maxHeapBytes: 1 << 30 };
/** Run through pyheap `times` times; best wall time, the last result. */
function pyheap(src, options, times) {
  let best = Infinity;
  let cpu = Infinity;
  let result = null;
  for (let k = 0; k < times; k++) {
    if (overBudget()) return { skipped: true };
    result = null; // let the previous trace go before the next run
    // no run may end later than 20 s past the budget
    const left = Math.max(1000, budgetMs + 20_000 - (performance.now() - t00));
    const limits = { ...options.limits, timeoutMs: Math.min(options.limits?.timeoutMs ?? 10_000, left) };
    const c = process.cpuUsage();
    const t = performance.now();
    result = run(src, { ...options, limits });
    best = Math.min(best, performance.now() - t);
    const d = process.cpuUsage(c);
    cpu = Math.min(cpu, (d.user + d.system) / 1000);
  }
  return { ms: best, cpuMs: cpu, result };
}
const okRun = (r, expected) => r.result.stdout === expected && r.result.outcome.status === "ok";
const why = (r) => (r.result.outcome.status !== "ok" ? `${r.result.outcome.status}${r.result.outcome.limit ? ":" + r.result.outcome.limit : ""}` : "differs");

// Is line tracing there yet? (The recorder may not exist in this build.)
let traceAvailable = false;
try {
  const r = run("x = 1\ny = x\n", { trace: "line" });
  traceAvailable = Boolean(r.trace && Array.isArray(r.trace.steps) && r.trace.steps.length > 0);
} catch {
  traceAvailable = false;
}
const Session = typeof py.Session === "function" ? py.Session : null;
if (args[0] === "--child-trace") {
  await childTrace(args[1], Number(args[2]), Number(args[3]));
  process.exit(0);
}

// ---------------------------------------------------------------- run
const jobs = [{ src: "", repeat: pyRepeat }];
for (const p of programs) {
  jobs.push({ src: withN(p, p.n), repeat: pyRepeat });
  jobs.push({ src: withN(p, p.tracedN), repeat: 1, countLines: true });
}
if (big && with1m) jobs.push({ src: big.src, repeat: pyRepeat, countLines: true });
const cp = cpython(jobs);
const cpEmpty = cp.shift();

// warm-up (loads the WASM, lets the JIT see the eval loop once) and the cost of an empty program
run("pass\n");
const startup = [];
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  run("");
  startup.push(performance.now() - t);
}
startup.sort((a, b) => a - b);

const rows = [];
for (const p of programs) {
  const full = cp.shift();
  const small = cp.shift();
  const row = { name: p.name, n: p.n, cpythonMs: full.ms, cpythonCpuMs: full.cpuMs, cpythonOut: full.stdout };
  const r = pyheap(withN(p, p.n), { limits: LIMITS }, repeat);
  if (r.skipped) row.skipped = true;
  else {
    row.pyheapMs = r.ms;
    row.pyheapCpuMs = r.cpuMs;
    row.ratio = r.ms / full.ms;
    row.cpuRatio = r.cpuMs / full.cpuMs;
    row.instructions = r.result.stats.steps;
    row.outOk = okRun(r, full.stdout);
    if (!row.outOk) row.outWhy = why(r);
    row.pyheapOut = r.result.stdout;
    row.pyheapErr = r.result.stderr.slice(0, 400);
  }
  row.small = small;
  rows.push(row);
}

// line-traced runs of the six programs at their traced size (small: ~5 000 steps each)
for (const p of programs) {
  const row = rows.find((r) => r.name === p.name);
  const small = row.small;
  delete row.small;
  if (!withTrace || !traceAvailable) continue;
  row.tracedN = p.tracedN;
  row.cpythonLines = small.lines;
  const t = pyheap(withN(p, p.tracedN), { trace: "line", limits: { ...LIMITS, timeoutMs: 10_000, maxTraceSteps: 150_000 } }, 1);
  if (t.skipped) {
    row.tracedSkipped = true;
    continue;
  }
  row.tracedMs = t.ms;
  row.tracedSteps = t.result.trace ? t.result.trace.steps.length : 0;
  row.tracedOutOk = okRun(t, small.stdout);
  if (!row.tracedOutOk) row.tracedWhy = why(t);
  // the same size untraced, for the cost of tracing itself (only when the traced run went to the end)
  if (t.result.outcome.status === "ok") {
    const u = pyheap(withN(p, p.tracedN), { limits: LIMITS }, 1);
    if (!u.skipped) row.untracedSmallMs = u.ms;
  }
}

let bigRow = null;
if (big && with1m) {
  const c = cp.shift();
  bigRow = { name: big.name, n: big.n, cpythonMs: c.ms, cpythonLines: c.lines };
  const u = pyheap(big.src, { limits: LIMITS }, repeat);
  if (!u.skipped) {
    bigRow.pyheapMs = u.ms;
    bigRow.outOk = okRun(u, c.stdout);
    if (!bigRow.outOk) bigRow.outWhy = why(u);
  }
  if (traceAvailable) {
    // in a child process: a trace too big for the JS heap ends that process, not the bench, and a hard
    // kill bounds the time even if the run's own time limit is not reached
    const left = budgetMs + 30_000 - (performance.now() - t00);
    if (left < 20_000) bigRow.tracedSkipped = true;
    else {
      const runLimit = Math.floor(Math.min(bigTimeoutMs, left - 15_000));
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child-trace", fileURLToPath(new URL(`${TRACE_1M}.py`, dir)), String(runLimit), String(jumps), ...(distArg ? ["--dist", distArg] : [])], {
        encoding: "utf8",
        timeout: runLimit + 15_000,
        maxBuffer: 16 << 20,
      });
      const line = (child.stdout ?? "").trim().split("\n").pop() ?? "";
      let r = null;
      try {
        r = JSON.parse(line);
      } catch {
        r = null;
      }
      if (!r) {
        bigRow.tracedError = child.error ? `killed after ${((runLimit + 15_000) / 1000).toFixed(0)} s` : `child ended with status ${child.status} ${child.signal ?? ""}: ${(child.stderr ?? "").trim().split("\n").slice(-2).join(" ").slice(0, 200)}`;
      } else {
        Object.assign(bigRow, r);
        bigRow.tracedOutOk = r.outcome.status === "ok" ? r.stdout === c.stdout : undefined;
      }
    }
  }
}

/** Child: trace the 10^6-step program once, then jump around it with Session; one JSON line on stdout. */
async function childTrace(file, timeoutMs, njumps) {
  const src = readFileSync(file, "utf8");
  const heapBefore = process.memoryUsage().heapUsed;
  const buffersBefore = process.memoryUsage().arrayBuffers;
  const c = process.cpuUsage();
  const t = performance.now();
  const r = run(src, { trace: "line", limits: { ...LIMITS, timeoutMs, maxTraceSteps: 5e6 } });
  const d = process.cpuUsage(c);
  const out = {
    tracedMs: performance.now() - t,
    tracedCpuMs: (d.user + d.system) / 1000,
    outcome: r.outcome,
    stdout: r.stdout,
    instructions: r.stats.steps,
    tracedSteps: r.trace ? r.trace.steps.length : 0,
    keyframes: r.trace?.keyframes?.length ?? 0,
    keyframeInterval: r.trace?.keyframeInterval,
    traceHeapMB: (process.memoryUsage().heapUsed - heapBefore) / 1e6,
    // a trace held in columns keeps most of its data in typed arrays, outside the JS heap
    traceBuffersMB: (process.memoryUsage().arrayBuffers - buffersBefore) / 1e6,
  };
  if (Session && r.trace && out.tracedSteps > 0) out.jump = jumpBench(r.trace, njumps);
  console.log(JSON.stringify(out));
}

/** Open a Session on the recorded trace and time jumps to random steps (a fixed seed: same steps each run). */
function jumpBench(trace, njumps) {
  const out = {};
  try {
    const t0 = performance.now();
    const s = typeof Session.fromTrace === "function" ? Session.fromTrace(trace) : new Session(trace);
    out.openMs = performance.now() - t0;
    const go = jumpFunction(s);
    if (!go) return { error: `Session has none of step/goto/jump/seek/at: ${Object.getOwnPropertyNames(Object.getPrototypeOf(s)).join(",")}` };
    let seed = 12345;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const n = trace.steps.length;
    const targets = [n - 1, 0, Math.floor(n / 2)];
    while (targets.length < njumps) targets.push(Math.floor(rnd() * n));
    const times = [];
    for (const i of targets) {
      const t = performance.now();
      const state = go(i);
      times.push(performance.now() - t);
      if (state === undefined || state === null) out.note = "a jump returned nothing";
    }
    times.sort((a, b) => a - b);
    out.count = times.length;
    out.medianMs = times[Math.floor(times.length / 2)];
    out.p99Ms = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))];
    out.maxMs = times[times.length - 1];
  } catch (e) {
    out.error = String(e && e.message ? e.message : e).slice(0, 200);
  }
  return out;
}
function jumpFunction(s) {
  for (const m of ["step", "goto", "jump", "seek", "stepTo", "at"]) {
    if (typeof s[m] === "function") return (i) => s[m](i);
  }
  return null;
}

// ---------------------------------------------------------------- report
const f0 = (x) => (x === undefined ? "—" : x.toFixed(0));
const f1 = (x) => (x === undefined ? "—" : x.toFixed(1));
const rate = (n, ms) => {
  if (n === undefined || ms === undefined) return "—";
  const r = (n / ms) * 1000;
  return r >= 1e6 ? `${(r / 1e6).toFixed(2)}M` : r >= 1e3 ? `${(r / 1e3).toFixed(1)}k` : r.toFixed(0);
};
const pad = (s, w) => String(s).padStart(w);
/** "ok", "stopped:<limit>" (a run limit of ours ended it: nothing to compare) or "WRONG(…)". */
const mark = (ok, whyText) => (ok === undefined ? "—" : ok ? "ok" : whyText?.startsWith("limit:") ? `stopped:${whyText.slice(6)}` : `WRONG(${whyText})`);
console.log(`interp-bench: CPython ${pyVersion} (${python}), node ${process.version}; wall time, best of ${pyRepeat} (CPython) / ${repeat} (pyheap); "cpu ratio" compares process CPU time (time.process_time / process.cpuUsage, which other load on a shared machine disturbs less)`);
console.log(`CPython: exec() of the compiled program timed with time.perf_counter (no process start, no compile); empty program ${cpEmpty.ms.toFixed(3)} ms`);
console.log(`pyheap: run() wall time incl. compile, heap, bootstrap and shutdown; empty program ${startup[2].toFixed(1)} ms (median of 5); compiled path ${jitOn ? "on" : "off"} (PYHEAP_JIT=0 turns it off)`);
console.log(`line tracing: ${traceAvailable ? "available" : "not available in this build (trace: \"line\" returns no trace)"}; Session: ${Session ? "exported" : "not exported"}`);
console.log("");
const head = ["program", "N", "CPython ms", "pyheap ms", "ratio", "cpu ratio", "instr/s", "out", "traced N", "cpy lines", "trace steps", "traced ms", "x untraced", "steps/s", "traced out"];
const W = [14, 9, 11, 10, 7, 9, 8, 6, 9, 10, 12, 10, 11, 8, 10];
console.log(head.map((h, i) => (i === 0 ? h.padEnd(W[i]) : pad(h, W[i]))).join(" "));
for (const r of rows) {
  const traced = !withTrace
    ? ["off", "", "", "", "", "", ""]
    : !traceAvailable
      ? ["n/a", "", "", "not available", "", "", ""]
      : r.tracedSkipped
        ? [r.tracedN, r.cpythonLines, "", "skipped(budget)", "", "", ""]
        : [r.tracedN, r.cpythonLines, r.tracedSteps, f0(r.tracedMs), r.untracedSmallMs ? `${(r.tracedMs / r.untracedSmallMs).toFixed(1)}x` : "—", rate(r.tracedSteps, r.tracedMs), mark(r.tracedOutOk, r.tracedWhy)];
  const cells = r.skipped
    ? [r.name, r.n, f1(r.cpythonMs), "skipped", "", "", "", "", ...traced]
    : [r.name, r.n, f1(r.cpythonMs), f0(r.pyheapMs), `${r.ratio.toFixed(1)}x`, `${r.cpuRatio.toFixed(1)}x`, rate(r.instructions, r.pyheapMs), mark(r.outOk, r.outWhy), ...traced];
  console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(W[i]) : pad(c, W[i]))).join(" "));
}
const done = rows.filter((r) => !r.skipped);
if (done.length) {
  const geo = (k) => Math.exp(done.reduce((a, r) => a + Math.log(r[k]), 0) / done.length);
  const worst = done.reduce((a, r) => (r.ratio > a.ratio ? r : a));
  console.log(`\ntracing off: geometric mean ${geo("ratio").toFixed(1)}x CPython's wall time (${geo("cpuRatio").toFixed(1)}x its CPU time), worst ${worst.name} ${worst.ratio.toFixed(1)}x (target: every program within 3x)`);
}
for (const r of rows) {
  if (r.outOk === false) console.log(`  ${r.name}: pyheap printed ${JSON.stringify(r.pyheapOut.slice(0, 120))}${r.pyheapErr ? ` stderr ${JSON.stringify(r.pyheapErr.slice(0, 200))}` : ""}; CPython ${JSON.stringify(r.cpythonOut.slice(0, 120))}`);
}
if (bigRow) {
  console.log(`\n${bigRow.name} (N=${bigRow.n}, ${bigRow.cpythonLines} line events in CPython's sys.settrace):`);
  console.log(`  untraced: CPython ${f1(bigRow.cpythonMs)} ms, pyheap ${f0(bigRow.pyheapMs)} ms (${bigRow.pyheapMs ? (bigRow.pyheapMs / bigRow.cpythonMs).toFixed(1) + "x" : "—"}), out ${mark(bigRow.outOk, bigRow.outWhy)}`);
  if (!traceAvailable) console.log("  traced: not available (no trace recorder in this build)");
  else if (bigRow.tracedSkipped) console.log("  traced: skipped (budget)");
  else if (bigRow.tracedError) console.log(`  traced: failed: ${bigRow.tracedError}`);
  else {
    const done = bigRow.outcome.status === "ok";
    const perStep = bigRow.tracedMs / Math.max(1, bigRow.tracedSteps);
    console.log(
      `  traced: ${f0(bigRow.tracedMs)} ms (${f0(bigRow.tracedCpuMs)} ms CPU) for ${bigRow.tracedSteps} steps (${rate(bigRow.tracedSteps, bigRow.tracedMs)} steps/s, ${(perStep * 1000).toFixed(0)} µs/step; ${rate(bigRow.tracedSteps, bigRow.tracedCpuMs)} steps per CPU second), ${bigRow.keyframes} keyframes every ${bigRow.keyframeInterval}, ~${bigRow.traceHeapMB.toFixed(0)} MB JS heap + ${(bigRow.traceBuffersMB ?? 0).toFixed(0)} MB array buffers held, ` +
        (done ? `out ${mark(bigRow.tracedOutOk, "differs")}` : `stopped by ${bigRow.outcome.status}${bigRow.outcome.limit ? ":" + bigRow.outcome.limit : ""}; all ${bigRow.cpythonLines} steps at this rate: ~${((perStep * bigRow.cpythonLines) / 1000).toFixed(0)} s (~${((bigRow.tracedCpuMs / Math.max(1, bigRow.tracedSteps)) * bigRow.cpythonLines / 1000).toFixed(0)} s of CPU)`) +
        " (target: < 10 s)",
    );
    if (!Session) console.log("  jumps: not available (Session is not exported)");
    else if (bigRow.jump?.error) console.log(`  jumps: failed: ${bigRow.jump.error}`);
    else if (bigRow.jump) console.log(`  jumps${done ? "" : " (in the partial trace)"}: Session opened in ${f1(bigRow.jump.openMs)} ms; ${bigRow.jump.count} jumps to random steps: median ${bigRow.jump.medianMs.toFixed(2)} ms, p99 ${bigRow.jump.p99Ms.toFixed(2)} ms, max ${bigRow.jump.maxMs.toFixed(2)} ms (target: any step < 20 ms)${bigRow.jump.note ? "; " + bigRow.jump.note : ""}`);
  }
}
console.log(`\nwhole bench: ${((performance.now() - t00) / 1000).toFixed(1)} s`);
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ python, pyVersion, node: process.version, startupMs: startup[2], traceAvailable, session: Boolean(Session), rows, big: bigRow }, (k, v) => (k === "pyheapOut" || k === "cpythonOut" || k === "stdout" ? undefined : v), 2));
}
