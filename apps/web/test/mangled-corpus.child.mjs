// Runs the corpus through one build of the interpreter (test/mangled-corpus.test.ts): imports the module
// given as argv[2] (with argv[5], the heap loads that WASM module instead of the core's release build),
// runs every case under argv[3] as tools/corpus/run.mjs does, and prints one JSON result per case: its
// output, the heap's leak and invariant checks, and (for every `traceEvery`-th case, argv[4]) the whole
// RunResult with its line trace, as the length and SHA-256 of its JSON; and how often the heap read argv[5].
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { createHash } from "node:crypto";

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

const out = [];
for (const [i, file] of cases.entries()) {
  const source = readFileSync(file, "utf8");
  const options = { filename: basename(file), mode: basename(dirname(file)) === "repl" ? "repl" : "script", limits: { timeoutMs: 20_000 } };
  const r = { case: relative(corpusDir, file) };
  try {
    const { result, heap } = runDetailed(source, options);
    Object.assign(r, { stdout: result.stdout, stderr: result.stderr, leaked: heap.leaked.length, check: heap.check.ok });
    if (i % Number(traceEvery) === 0) {
      // the result the page gets (stats without the wall time, which differs between any two runs)
      // at most 20 000 steps: a deterministic end for long programs (the 20 s wall-time limit would stop
      // the two builds' traces at different steps)
      const traced = run(source, { ...options, trace: "line", limits: { timeoutMs: 120_000, maxTraceSteps: 20_000 } });
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
