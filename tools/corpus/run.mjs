#!/usr/bin/env node
// The corpus runner: runs every NAME.py under the given folders (default: corpus/) through pyheap's
// run() — REPL mode for a folder named `repl` — and compares stdout with NAME.out and stderr with
// NAME.err (empty when absent), byte for byte. After each case the heap's leak check and invariant
// checker must be clean. Prints a table per folder and ends with "N passed, M failed".
//
//   node tools/corpus/run.mjs [DIR ...] [--json FILE] [--ratchet] [--update-ratchet] [--verbose] [--filter TEXT]
//
// --ratchet: exit 1 when a case listed in corpus/ratchet.txt fails. --update-ratchet: add the newly
// passing cases to corpus/ratchet.txt (never removes any).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { runDetailed } from "@pyheap/python";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
};
const jsonOut = opt("--json");
const filter = opt("--filter");
const ratchet = flag("--ratchet");
const updateRatchet = flag("--update-ratchet");
const verbose = flag("--verbose");
for (const a of args) {
  if (a.startsWith("--")) {
    console.error(`corpus: unknown option ${a}`);
    process.exit(2);
  }
}
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

const ratchetFile = join(root, "corpus", "ratchet.txt");
const ratchetSet = new Set(existsSync(ratchetFile) ? readFileSync(ratchetFile, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")) : []);

const results = [];
const byFolder = new Map();
for (const d of dirs) {
  if (!existsSync(d)) {
    console.error(`corpus: no such folder ${d}`);
    process.exit(2);
  }
  for (const file of findCases(d)) {
    const rel = relative(root, file);
    if (filter && !rel.includes(filter)) continue;
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
    try {
      const { result, heap } = runDetailed(source, { filename: basename(file), mode: repl ? "repl" : "script", limits: { timeoutMs: 20_000 } });
      got = result;
      if (result.stdout !== wantOut) {
        status = "fail";
        detail = "stdout differs";
      } else if (result.stderr !== wantErr) {
        status = "fail";
        detail = "stderr differs";
      } else if (heap.leaked.length) {
        status = "fail";
        detail = `leak: ${heap.leaked.length} objects (${heap.leaked.slice(0, 5).map((l) => `${l.type}${l.repr ? " " + JSON.stringify(l.repr) : ""} rc=${l.refcnt}`).join(", ")})`;
      } else if (!heap.check.ok) {
        status = "fail";
        detail = `heap check failed: code ${heap.check.code} at object ${heap.check.object}`;
      }
    } catch (e) {
      status = "fail";
      detail = `crash: ${e && e.message ? e.message.split("\n")[0] : String(e)}`;
    }
    const ms = Date.now() - t0;
    results.push({ case: rel, folder, status, detail, ms, stdout: got.stdout, stderr: got.stderr, expectedStdout: wantOut, expectedStderr: wantErr });
    const f = byFolder.get(folder) ?? { passed: 0, failed: 0 };
    f[status === "pass" ? "passed" : "failed"]++;
    byFolder.set(folder, f);
    if (verbose && status !== "pass") console.log(`FAIL ${rel}: ${detail}`);
  }
}

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
console.log(`${passed} passed, ${failed} failed`);
process.exit(exit);
