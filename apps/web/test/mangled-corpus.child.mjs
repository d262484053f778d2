// Runs the corpus through one build of the interpreter (test/mangled-corpus.test.ts): imports the module
// given as argv[2] (with argv[5], the heap loads that WASM module instead of the core's release build),
// runs every case under argv[3] as tools/corpus/run.mjs does, and prints one JSON result per case: its
// output, the heap's leak and invariant checks, and (for every `traceEvery`-th case, argv[4]) the whole
// RunResult with its line trace, as the length and SHA-256 of its JSON; and how often the heap read argv[5].
//
// Each run's limit is CPU time, not wall time, so that a machine busy with other work does not stop a case
// (heap/13 needs ~3 s of CPU and took 10-37 s of wall time at load 20-30 against the 20 s wall limit these
// runs had; the longest, fidelity/31 traced, takes ~28 s of CPU with the hashing of its trace): the
// interpreter's own step limit (10 000 000, the default), and a watchdog thread that sets the run's
// interrupt flag once the run has used CASE_CPU_MS of the process's CPU time (it then ends with outcome
// limit "time", "run interrupted"), and ends the whole process, saying which case, if it goes on for
// STOP_GRACE_CPU_MS more (a builtin that reads no flag). A wall-time limit of WALL_BACKSTOP_MS stays for a
// run that waits without using the CPU (time.sleep in a loop).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";

const [modulePath, corpusDir, traceEvery, wasmPath] = process.argv.slice(2);
let wasmReads = 0;
if (wasmPath) {
  // The heap loads this module instead of the core's release build: @pyheap/heap reads
  // build/pyheap.wasm (or its restorable form, which it otherwise makes itself) through node:fs.
  const fs = process.getBuiltinModule("node:fs");
  const bytes = fs.readFileSync(wasmPath);
  const read = fs.readFileSync;
  fs.readFileSync = function (path, ...rest) {
    const p = String(path instanceof URL ? path.pathname : path);
    if (/[\\/]heap[\\/]build[\\/]pyheap\.restorable\.wasm$/.test(p)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: "ENOENT" });
    if (/[\\/]heap[\\/]build[\\/]pyheap\.wasm$/.test(p)) {
      wasmReads++;
      return bytes;
    }
    return read.call(this, path, ...rest);
  };
}
const { run, runDetailed } = await import(pathToFileURL(modulePath).href);

const cases = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".py") && name !== "verify.py") cases.push(p);
  }
};
walk(corpusDir);

const CASE_CPU_MS = Number(process.env.PYHEAP_CASE_CPU_MS ?? 60_000);
const STOP_GRACE_CPU_MS = 10_000;
const WALL_BACKSTOP_MS = 300_000;
// control[0]: the number of the run going on (0: none); control[n]: run n's interrupt flag
const control = new Int32Array(new SharedArrayBuffer(4 * (2 * cases.length + 1)));
const watchdog = new Worker(
  `const { workerData: { control, names, limitMs, graceMs } } = require("node:worker_threads");
  const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  let run = 0, start = 0;
  setInterval(() => {
    const n = Atomics.load(control, 0), used = cpuMs() - start;
    if (n !== run) [run, start] = [n, cpuMs()];
    else if (n !== 0 && used > limitMs + graceMs) {
      // written at once: the main thread, which prints a worker's process.stderr, is busy
      require("node:fs").writeSync(2, "corpus child: " + names[n - 1] + " did not stop within " + (limitMs + graceMs) / 1000 + " s of CPU time\\n");
      process.kill(process.pid, "SIGKILL");
    } else if (n !== 0 && used > limitMs) Atomics.store(control, n, 1);
  }, 50);`,
  { eval: true, workerData: { control, names: cases.map((f) => relative(corpusDir, f)).flatMap((c) => [c, `${c} (traced)`]), limitMs: CASE_CPU_MS, graceMs: STOP_GRACE_CPU_MS } },
);
watchdog.unref();
/** `f(source, options)` as run `n` (1-based): its interrupt flag cleared, the watchdog watching it while it runs. */
function limited(n, f, source, options, limits) {
  const interrupt = new Int32Array(control.buffer, 4 * n, 1);
  Atomics.store(interrupt, 0, 0);
  Atomics.store(control, 0, n);
  try {
    return f(source, { ...options, interrupt, limits: { timeoutMs: WALL_BACKSTOP_MS, ...limits } });
  } finally {
    // what follows (hashing a trace: ~1 GB of JSON for fidelity/31) is not the run's
    Atomics.store(control, 0, 0);
  }
}

const out = [];
for (const [i, file] of cases.entries()) {
  const source = readFileSync(file, "utf8");
  const options = { filename: basename(file), mode: basename(dirname(file)) === "repl" ? "repl" : "script" };
  const r = { case: relative(corpusDir, file) };
  try {
    const { result, heap } = limited(2 * i + 1, runDetailed, source, options);
    Object.assign(r, { stdout: result.stdout, stderr: result.stderr, leaked: heap.leaked.length, check: heap.check.ok });
    // a run its limits stopped: say which, for the failure's message
    if (result.outcome.status === "limit") r.stopped = `${result.outcome.limit}: ${result.outcome.message}`;
    if (i % Number(traceEvery) === 0) {
      // the result the page gets (stats without the wall time, which differs between any two runs)
      // at most 20 000 steps: a deterministic end for long programs (a time limit would stop the two
      // builds' traces at different steps)
      const traced = limited(2 * i + 2, run, source, { ...options, trace: "line" }, { maxTraceSteps: 20_000 });
      const strip = (k, v) => (/(ms|time)$/i.test(k) && typeof v === "number" ? 0 : v);
      // hashed piece by piece: the JSON of a long trace as one string can pass V8's string limit
      const hash = createHash("sha256");
      let bytes = 0;
      const feed = (text) => {
        hash.update(text);
        bytes += text.length;
      };
      const { trace, ...rest } = traced;
      feed(JSON.stringify(rest, strip));
      for (const [key, value] of Object.entries(trace ?? {})) {
        feed(JSON.stringify(key));
        if (key === "steps" || key === "keyframes") for (const item of Array.from(value)) feed(JSON.stringify(item, strip));
        else feed(JSON.stringify(value, strip) ?? "undefined");
      }
      r.traced = `${bytes} bytes, sha256 ${hash.digest("hex")}`;
    }
  } catch (e) {
    r.error = String(e && e.stack ? e.stack : e);
  }
  out.push(r);
}
process.stdout.write(JSON.stringify({ wasmReads, cases: out }));
