#!/usr/bin/env node
// Differential fuzzer: random programs from pyheap's Python subset, run by pyheap (its build) and by
// python3 3.11.7, compared on stdout, stderr and exit status (and pyheap's leak and heap checks).
//
//   node tools/fuzz/fuzz.mjs --seed S --count N [--time SECONDS] [options]
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fuzz, chooseKinds } from "./lib/fuzz.mjs";
import { KNOWN_DIFFERENCES, SNIPPET_KINDS } from "./lib/gen.mjs";
import { findPython } from "./lib/runners.mjs";

const usage = `usage: node tools/fuzz/fuzz.mjs [--seed S] [--count N] [--time SECONDS] [options]

Generates random Python programs, runs each with pyheap and with python3 (3.11.7), and reports every
program whose stdout, stderr or exit status differ (or that leaves pyheap's heap leaking or broken),
shrunk to a minimal program. Progress goes to stderr; mismatches to stdout and to the --out folder.

options:
  --seed S            seed (an integer; default: chosen at random and printed)
  --count N           programs to run (default 100; with --time alone: no limit)
  --time SECONDS      stop starting new programs after this long
  --out DIR           folder for the mismatches (default: tools/fuzz/findings/, ignored by git)
  --only K1,K2        generate only these snippet kinds
  --without K1,K2     never generate these snippet kinds
  --with F1,F2        include generator features excluded for a known difference (or 'all')
  --max-snippets N    snippets per program at most (default 6)
  --no-shrink         report the programs as generated, without shrinking
  --shrink-time S     stop shrinking one program after S seconds (default 60)
  --list              print the snippet kinds and the known-difference flags, then exit
  -h, --help          this text

snippet kinds: ${SNIPPET_KINDS.join(", ")}
known-difference flags: ${Object.keys(KNOWN_DIFFERENCES).join(", ") || "(none)"}
environment: PYHEAP_FUZZ_PYTHON names the python3 to compare with (default python3).
exit status: 0 no mismatch, 1 mismatches found, 2 bad usage.`;

function fail(msg) {
  process.stderr.write(`fuzz: ${msg}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      seed: { type: "string" },
      count: { type: "string" },
      time: { type: "string" },
      out: { type: "string" },
      only: { type: "string" },
      without: { type: "string" },
      with: { type: "string" },
      "max-snippets": { type: "string" },
      "no-shrink": { type: "boolean", default: false },
      "shrink-time": { type: "string" },
      list: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
} catch (e) {
  fail(`${e.message}\n\n${usage}`);
}
const o = parsed.values;
if (o.help) {
  console.log(usage);
  process.exit(0);
}
if (o.list) {
  console.log(`snippet kinds: ${SNIPPET_KINDS.join(", ")}`);
  for (const [flag, info] of Object.entries(KNOWN_DIFFERENCES)) console.log(`known difference ${flag}: ${info.summary}`);
  process.exit(0);
}
const int = (name, v, min) => {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v) || Number(v) < min) fail(`--${name} must be an integer >= ${min}, not '${v}'`);
  return Number(v);
};
const seed = int("seed", o.seed, -(2 ** 31)) ?? Math.floor(Math.random() * 2 ** 31);
if (seed >= 2 ** 31) fail("--seed must be below 2^31");
const timeSec = o.time === undefined ? Infinity : Number(o.time);
if (!(timeSec > 0)) fail(`--time must be a positive number of seconds, not '${o.time}'`);
const count = int("count", o.count, 1) ?? (o.time !== undefined ? Infinity : 100);
const maxSnippets = int("max-snippets", o["max-snippets"], 1) ?? 6;
const shrinkTimeSec = int("shrink-time", o["shrink-time"], 1) ?? 60;
const list = (v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []);
let chosen;
try {
  const withKnown = o.with === "all" ? Object.keys(KNOWN_DIFFERENCES) : list(o.with);
  chosen = chooseKinds({ only: list(o.only), without: list(o.without), withKnown });
} catch (e) {
  fail(e.message);
}
if (!chosen.kinds.length) fail("no snippet kinds left to generate");
let python;
try {
  python = findPython();
} catch (e) {
  fail(e.message);
}
if (python.version !== "3.11.7") process.stderr.write(`fuzz: warning: comparing with Python ${python.version}, not 3.11.7\n`);

const outDir = resolve(o.out ?? new URL("./findings", import.meta.url).pathname);
const tty = process.stderr.isTTY;
process.stderr.write(`fuzz: seed ${seed}, ${count === Infinity ? "no count limit" : count + " programs"}${timeSec < Infinity ? `, ${timeSec} s` : ""}, kinds ${chosen.kinds.join(",")}${chosen.excludeFeatures.length ? `; known differences left out: ${chosen.excludeFeatures.join(",")}` : ""}\n`);

const indentBlock = (text, max = 60) => {
  const lines = text.replace(/\n$/, "").split("\n");
  const shown = lines.length > max ? [...lines.slice(0, max), `... (${lines.length - max} more lines)`] : lines;
  return shown.map((l) => "  | " + l).join("\n");
};
let written = 0;
const summary = await fuzz({
  seed,
  count,
  timeSec,
  kinds: chosen.kinds,
  features: chosen.features,
  maxSnippets,
  shrink: !o["no-shrink"],
  shrinkTimeSec,
  python,
  onProgress(s, i) {
    const line = `[${i + 1}${count < Infinity ? "/" + count : ""}] ${s.mismatches.length} mismatch(es), ${s.unstable} unstable in CPython`;
    if (tty) process.stderr.write(`\r\x1b[K${line}`);
    else if ((i + 1) % 25 === 0) process.stderr.write(line + "\n");
  },
  onMismatch(m) {
    if (tty) process.stderr.write("\r\x1b[K");
    const dir = join(outDir, `${String(++written).padStart(3, "0")}-seed${seed}-${m.index}-${m.reason}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "fuzz.py"), m.source);
    if (m.original) writeFileSync(join(dir, "original.py"), m.original);
    const ph = m.pyheap.ok ? m.pyheap : { stdout: "", stderr: `(pyheap did not finish: ${m.pyheap.error})\n`, exitCode: "-" };
    writeFileSync(join(dir, "python.out"), m.python.stdout);
    writeFileSync(join(dir, "python.err"), m.python.stderr);
    writeFileSync(join(dir, "pyheap.out"), ph.stdout);
    writeFileSync(join(dir, "pyheap.err"), ph.stderr);
    const info = { seed, index: m.index, reason: m.reason, kinds: m.kinds, shrinks: m.shrinks, pythonExit: m.python.exitCode, pyheapExit: ph.exitCode, leaked: m.pyheap.leaked, heapCheck: m.pyheap.check };
    writeFileSync(join(dir, "info.json"), JSON.stringify(info, null, 2) + "\n");
    const extra = m.reason === "leak" ? `\n  leaked: ${m.pyheap.leakedCount} (${m.pyheap.leaked.join(", ")})` : m.reason === "heap-check" ? `\n  heap check: ${m.pyheap.check}` : "";
    console.log(
      `=== mismatch ${written} (${m.reason}; program ${m.index} of seed ${seed}; kinds ${m.kinds.join(",")}; ${m.shrinks} shrink steps) -> ${dir}\n` +
        `--- program\n${indentBlock(m.source, 200)}\n` +
        `--- python3: exit ${m.python.exitCode}\n  stdout:\n${indentBlock(m.python.stdout)}\n  stderr:\n${indentBlock(m.python.stderr)}\n` +
        `--- pyheap: exit ${ph.exitCode}\n  stdout:\n${indentBlock(ph.stdout)}\n  stderr:\n${indentBlock(ph.stderr)}${extra}\n`,
    );
  },
});
if (tty) process.stderr.write("\r\x1b[K");
// programs whose output CPython itself changes with its start-up state (not counted as mismatches)
summary.unstableExamples.forEach((u, k) => {
  const dir = join(outDir, "unstable", `${k + 1}-seed${seed}-${u.index}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "fuzz.py"), u.source);
  u.outputs.forEach((out, v) => writeFileSync(join(dir, `python-variant${v}.out`), out.stdout + (out.stderr ? "--- stderr\n" + out.stderr : "")));
});
process.stderr.write(
  `fuzz: ${summary.programs} programs in ${(summary.ms / 1000).toFixed(1)} s (seed ${seed}): ${summary.mismatches.length} mismatch(es), ${summary.unstable} unstable in CPython, ${summary.pythonTimeouts} python3 timeouts; ${summary.pythonRuns} python3 and ${summary.pyheapRuns} pyheap runs\n`,
);
process.exit(summary.mismatches.length ? 1 : 0);
