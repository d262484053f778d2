#!/usr/bin/env node
// The corpus runner: runs every NAME.py under the given folders (default: corpus/) through pyheap's
// run() — REPL mode for a folder named `repl` — and compares stdout with NAME.out and stderr with
// NAME.err (empty when absent), byte for byte. After each case the heap's leak check and invariant
// checker must be clean. Prints a table per folder and ends with "N passed, M failed" (with --ratchet:
// the whole count, then "ratchet: N passed, M failed" over the cases the ratchet lists).
//
//   node tools/corpus/run.mjs [DIR ...] [--json FILE] [--ratchet] [--update-ratchet] [--verbose] [--filter TEXT]
//
// --ratchet: exit 1 when a case listed in corpus/ratchet.txt fails. --update-ratchet: add the newly
// passing cases to corpus/ratchet.txt (never removes any).
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve as absolutePath, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const usage = `usage: node tools/corpus/run.mjs [DIR ...] [options]

Runs every case under DIR (default: corpus/) and compares stdout/stderr with CPython 3.11.7's.

options:
  --filter TEXT      only cases whose path contains TEXT
  --verbose          print each failing case with the first difference
  --json FILE        write every case's result to FILE
  --ratchet          exit 1 when a case listed in corpus/ratchet.txt fails
  --update-ratchet   add the newly passing cases to corpus/ratchet.txt (never removes any)
  --ratchet-file F   use F instead of corpus/ratchet.txt
  --cli              run each case through the built command (\`pyheap run FILE\` from the case's folder,
                     \`--mode repl\` for REPL cases) and check its exit status against python3's, recorded
                     in corpus/exit-status.json; the case's folder is taken out of the output as verify.py
                     does (the heap's leak and invariant checks are not available)
  --status-file F    with --cli: read the expected exit statuses from F (keys relative to F's folder)
  -h, --help         this text

environment: PYHEAP_CORPUS_CASE_CPU_MS (default 20000): a case that has used this much CPU time is
stopped (its run interrupted, its worker or process ended 10 s of CPU later if it goes on), so that a busy
machine does not stop a case; PYHEAP_CORPUS_CASE_TIMEOUT_MS (default 300000): the wall-time limit, for a
case that waits without using the CPU.`;
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "string" },
      filter: { type: "string" },
      ratchet: { type: "boolean", default: false },
      "update-ratchet": { type: "boolean", default: false },
      "ratchet-file": { type: "string" },
      cli: { type: "boolean", default: false },
      "status-file": { type: "string" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
} catch (err) {
  console.error(`corpus: ${err.message}\n\n${usage}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}
const args = parsed.positionals;
const jsonOut = parsed.values.json ?? null;
const filter = parsed.values.filter ?? null;
const ratchet = parsed.values.ratchet;
const updateRatchet = parsed.values["update-ratchet"];
const verbose = parsed.values.verbose;
const viaCli = parsed.values.cli;
const dirs = args.length ? args : [join(root, "corpus")];

function findCases(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".py") && name !== "verify.py") out.push(p);
    }
  };
  walk(dir);
  return out;
}

const ratchetFile = parsed.values["ratchet-file"] ?? join(root, "corpus", "ratchet.txt");
const ratchetSet = new Set(existsSync(ratchetFile) ? readFileSync(ratchetFile, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")) : []);

// A case's limit is the CPU time it uses, not wall time: at load 20-30 on two cores heap/13 (~3 s of CPU)
// took 10-37 s of wall time, past the 20 s wall limit runs had.
const CASE_CPU_MS = Number(process.env.PYHEAP_CORPUS_CASE_CPU_MS ?? 20_000);
const STOP_GRACE_CPU_MS = 10_000;
const CASE_TIMEOUT_MS = Number(process.env.PYHEAP_CORPUS_CASE_TIMEOUT_MS ?? 300_000);
/** This process's CPU time in ms (its worker's included: the main thread only waits while a case runs). */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const workerUrl = new URL("./case-worker.mjs", import.meta.url);
let worker = null;
let pending = null;
function startWorker() {
  const w = new Worker(workerUrl);
  w.on("message", (reply) => pending?.(reply));
  w.on("error", (e) => {
    if (worker === w) worker = null;
    pending?.({ ok: false, error: `worker died: ${e && e.message ? e.message.split("\n")[0] : String(e)}` });
  });
  return w;
}
const cliBin = join(root, "apps", "cli", "dist", "bin.js");
const statusFile = parsed.values["status-file"] ?? join(root, "corpus", "exit-status.json");
const exitStatus = viaCli && existsSync(statusFile) ? JSON.parse(readFileSync(statusFile, "utf8")) : {};
if (viaCli && !existsSync(cliBin)) {
  console.error("corpus: --cli needs the built command (apps/cli/dist/bin.js): run pnpm build first");
  process.exit(2);
}
/** Runs one case as a user would with the command line, in the case's own folder. */
function runCaseWithCli(file, repl) {
  return new Promise((resolve) => {
    const argv = [cliBin, "run", ...(repl ? ["--mode", "repl"] : []), basename(file)];
    const env = { ...process.env, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8", NO_COLOR: "1" };
    // the command's CPU time is limited by the system (RLIMIT_CPU: SIGXCPU past it), where a shell has ulimit
    const cpuSeconds = Math.ceil((CASE_CPU_MS + STOP_GRACE_CPU_MS) / 1000);
    const [exe, args] = process.platform === "win32" ? [process.execPath, argv] : ["/bin/sh", ["-c", `ulimit -t ${cpuSeconds} && exec "$0" "$@"`, process.execPath, ...argv]];
    const child = execFile(exe, args, { cwd: dirname(file), env, timeout: CASE_TIMEOUT_MS, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err && err.killed) resolve({ ok: false, error: `no answer within ${CASE_TIMEOUT_MS / 1000} s (stopped)` });
      else if (err && err.signal === "SIGXCPU") resolve({ ok: false, error: `used more than ${cpuSeconds} s of CPU time (stopped)` });
      else {
        // python3 names a script by its absolute path; the corpus's outputs read the bare name (verify.py
        // takes the case's folder out of both streams), so the same is done here.
        // (absolute, so a folder given relative to the current directory is taken out too)
        const prefix = absolutePath(dirname(file)) + sep;
        const bare = (text) => text.split(prefix).join("");
        resolve({ ok: true, stdout: bare(stdout), stderr: bare(stderr), status: err ? err.code : 0, leakedCount: 0, check: { ok: true } });
      }
    });
    // python3 ran each case with an empty stdin (verify.py): input() meets the end of it at once
    child.stdin.end();
  });
}

/**
 * Runs one case in the worker: past CASE_CPU_MS of CPU time its run is interrupted (it ends with outcome
 * limit "time"), as at CASE_TIMEOUT_MS of wall time; one that does not answer STOP_GRACE_CPU_MS of CPU
 * or 10 s of wall time later is stopped with its worker.
 */
function runCase(source, filename, repl) {
  worker ??= startWorker();
  const w = worker;
  const interrupt = new Int32Array(new SharedArrayBuffer(4));
  const cpu0 = cpuMs();
  const t0 = Date.now();
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const used = cpuMs() - cpu0;
      if (used > CASE_CPU_MS) Atomics.store(interrupt, 0, 1);
      if (used <= CASE_CPU_MS + STOP_GRACE_CPU_MS && Date.now() - t0 <= CASE_TIMEOUT_MS + 10_000) return;
      clearInterval(timer);
      pending = null;
      worker = null;
      w.terminate();
      const limit = used > CASE_CPU_MS + STOP_GRACE_CPU_MS ? `${(CASE_CPU_MS + STOP_GRACE_CPU_MS) / 1000} s of CPU time` : `${CASE_TIMEOUT_MS / 1000 + 10} s`;
      resolve({ ok: false, error: `no answer within ${limit} (stopped)` });
    }, 50);
    pending = (reply) => {
      clearInterval(timer);
      pending = null;
      resolve(reply);
    };
    w.postMessage({ source, filename, repl, interrupt, wallMs: CASE_TIMEOUT_MS });
  });
}

const results = [];
const byFolder = new Map();
const allCases = [];
for (const d of dirs) {
  if (!existsSync(d)) {
    console.error(`corpus: no such folder ${d}`);
    process.exit(2);
  }
  for (const file of findCases(d)) {
    const rel = relative(root, file);
    if (!filter || rel.includes(filter)) allCases.push(file);
  }
}
const progress = process.stderr.isTTY && !verbose;
if (viaCli) console.error(`corpus: ${allCases.length} cases through ${relative(root, cliBin)}`);
for (const [n, file] of allCases.entries()) {
    const rel = relative(root, file);
    if (progress) process.stderr.write(`\r\x1b[K[${n + 1}/${allCases.length}] ${rel}`);
    else if (process.env.CI) process.stderr.write(`[${n + 1}/${allCases.length}] ${rel}\n`);
    const folder = basename(dirname(file));
    const repl = folder === "repl";
    const source = readFileSync(file, "utf8");
    const base = file.slice(0, -3);
    const wantOut = existsSync(base + ".out") ? readFileSync(base + ".out", "utf8") : "";
    const wantErr = existsSync(base + ".err") ? readFileSync(base + ".err", "utf8") : "";
    let status = "pass";
    let detail = "";
    let got = { stdout: "", stderr: "" };
    const t0 = Date.now();
    const r = viaCli ? await runCaseWithCli(file, repl) : await runCase(source, basename(file), repl);
    const wantStatus = exitStatus[relative(dirname(statusFile), file)];
    if (!r.ok) {
      status = "fail";
      detail = `crash: ${r.error}`;
    } else {
      got = r;
      // python3 ran it to its end: a run its limits stopped fails, whatever it printed
      if (r.stopped) {
        status = "fail";
        detail = `stopped by a limit (${r.stopped})`;
      } else if (r.stdout !== wantOut) {
        status = "fail";
        detail = "stdout differs";
      } else if (r.stderr !== wantErr) {
        status = "fail";
        detail = "stderr differs";
      } else if (viaCli && wantStatus === undefined) {
        status = "fail";
        detail = "no exit status recorded for it in corpus/exit-status.json (node tools/corpus/record-status.mjs)";
      } else if (viaCli && r.status !== wantStatus) {
        status = "fail";
        detail = `exit status ${r.status}, python3's is ${wantStatus}`;
      } else if (r.leakedCount) {
        status = "fail";
        detail = `leak: ${r.leakedCount} objects (${r.leaked.join(", ")})`;
      } else if (!r.check.ok) {
        status = "fail";
        detail = `heap check failed: code ${r.check.code} at object ${r.check.object}`;
      }
    }
    const ms = Date.now() - t0;
    results.push({ case: rel, folder, status, detail, ms, stdout: got.stdout, stderr: got.stderr, expectedStdout: wantOut, expectedStderr: wantErr });
    const f = byFolder.get(folder) ?? { passed: 0, failed: 0 };
    f[status === "pass" ? "passed" : "failed"]++;
    byFolder.set(folder, f);
    if (verbose && status !== "pass") console.log(`FAIL ${rel}: ${detail}`);
}
if (progress) process.stderr.write("\r\x1b[K");
worker?.terminate();

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad("folder", 14)} ${pad("passed", 7)} ${pad("failed", 7)}`);
for (const [folder, f] of [...byFolder.entries()].sort()) console.log(`${pad(folder, 14)} ${pad(f.passed, 7)} ${pad(f.failed, 7)}`);
const passed = results.filter((r) => r.status === "pass").length;
const failed = results.length - passed;
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ passed, failed, results }, null, 2));
let exit = 0;
if (ratchet) {
  const broken = results.filter((r) => r.status !== "pass" && ratchetSet.has(r.case));
  for (const r of broken) console.log(`ratchet: ${r.case} no longer passes (${r.detail})`);
  if (broken.length) exit = 1;
}
if (updateRatchet) {
  const add = results.filter((r) => r.status === "pass" && !ratchetSet.has(r.case)).map((r) => r.case);
  for (const c of add) ratchetSet.add(c);
  writeFileSync(ratchetFile, [...ratchetSet].sort().join("\n") + "\n");
  console.log(`ratchet: ${add.length} case(s) added, ${ratchetSet.size} in total`);
}
if (ratchet) {
  // The ratchet is what this command asserts, so its count closes the output; the whole corpus's
  // count (cases not yet passing included) stands on the line before.
  const inRatchet = results.filter((r) => ratchetSet.has(r.case));
  const ok = inRatchet.filter((r) => r.status === "pass").length;
  console.log(`corpus: ${passed} of ${results.length} cases pass (${failed} not yet)`);
  console.log(`ratchet: ${ok} passed, ${inRatchet.length - ok} failed`);
} else {
  console.log(`${passed} passed, ${failed} failed`);
}
process.exit(exit);
