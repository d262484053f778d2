#!/usr/bin/env node
// Steady-state cost of one loop body: `run()` of a function looping over it n1 and n2 times in one process,
// the process CPU difference divided by n2 − n1 (so compile, set-up, V8's first compiles and the
// shutdown cancel out), best of --repeat rounds. Two builds are alternated when --dist is given twice
// (A/B: each build in its own child process per round, the order switched every round). --python adds
// CPython 3.11 timed the same way (the same function under time.process_time_ns in one python3 process per
// round, in the same rounds) and each build's best over CPython's best as a ratio column.
//
//   node tools/bench/interp-steady.mjs [--n1 100000] [--n2 400000] [--repeat 5] [--rounds 3]
//        [--dist DIR_A --dist DIR_B] [--only NAME,…] [--python]
//
// DIR is a directory holding a build of @pyheap/python's index.js (default: packages/python/dist). Not a
// test; nothing is asserted about times. Prints ns per iteration.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const CLASSES = [
  "class C:",
  "    def __init__(self, v):",
  "        self.value = v",
  "    def add(self, k):",
  "        self.value += k",
  "        return self",
  "    def get(self):",
  "        return self.value",
  "class D(C):",
  "    def add(self, k):",
  "        return super().add(k * 2)",
  "class P:",
  "    def __init__(self, x, y):",
  "        self.x = x",
  "        self.y = y",
  "    def norm1(self):",
  "        return abs(self.x) + abs(self.y)",
].join("\n");

/** Loop bodies: a name, set-up lines and the body (run inside `def f(n)` under `for i in range(n):`). */
const BODIES = [
  ["empty", "", "pass"],
  // the difference of these two: four LOAD_FAST + STORE_FAST pairs, the cost of a simple instruction
  ["x = i (x4)", "", "x = i; x = i; x = i; x = i"],
  ["x = i (x8)", "", "x = i; x = i; x = i; x = i; x = i; x = i; x = i; x = i"],
  ["c = i & 1", "", "c = i & 1"],
  ["c = a + b (small ints)", "a = 3; b = 4", "c = a + b"],
  ["if a < b (small ints)", "a = 3; b = 4", "if a < b: pass"],
  ["c = i + 1", "", "c = i + 1"],
  ["c = i * 3 % 1000003", "", "c = i * 3 % 1000003"],
  ["k += 1", "k = 0", "k += 1"],
  ["s += i (two digits)", "s = 2 ** 31", "s += i"],
  ["if i < k", "k = 5", "if i < k: pass"],
  ["x = i + 0.5", "", "x = i + 0.5"],
  ["p.append(i)", "p = []", "p.append(i)"],
  ["c = xs[i % 500]", "xs = list(range(500))", "c = xs[i % 500]"],
  ["d[i] = i", "d = {}", "d[i] = i"],
  ["t += 'a'", "t = ''", "t += 'a'"],
  ["str(i)", "", "str(i)"],
  ["x = len", "", "x = len"],
  ["x = len(s)", "s = 'abc'", "x = len(s)"],
  ["x = abs(i)", "", "x = abs(i)"],
  ["x = chr(97)", "", "x = chr(97)"],
  ["x = int(s)", "s = '12'", "x = int(s)"],
  ["parts.append(str(i % 1000))", "parts = []", "parts.append(str(i % 1000))"],
  ["t += chr(97 + i % 26)", "t = ''", "t += chr(97 + i % 26)"],
  ["u += len(f'{i}:{i * 2}')", "u = 0", "u += len(f'{i}:{i * 2}')"],
  ["xs = []; 2 appends", "", "xs = []; xs.append(i); xs.append(i)"],
  ["ys = [x + 1 for x in xs if x % 3]", "xs = list(range(10))", "ys = [x + 1 for x in xs if x % 3]"],
  ["o = object()", "", "o = object()"],
  // calls, instances and dicts (a fourth field: module-level lines before the function)
  ["f1(i)", "", "f1(i)", "def f1(x):\n    return x"],
  ["f0()", "", "f0()", "def f0():\n    return 0"],
  ["depth(10) (recursion)", "", "depth(10)", "def depth(n):\n    if n == 0:\n        return 0\n    return 1 + depth(n - 1)"],
  ["c.add(1)", "c = C(0)", "c.add(1)", CLASSES],
  ["x = c.get()", "c = C(0)", "x = c.get()", CLASSES],
  ["x = p.norm1()", "p = P(3, -4)", "x = p.norm1()", CLASSES],
  ["d.add(1) (super)", "d = D(0)", "d.add(1)", CLASSES],
  ["P(i i)", "", "P(i, i)", CLASSES],
  ["x = c.value", "c = C(0)", "x = c.value", CLASSES],
  ["d[i & 1023] = i", "d = {}", "d[i & 1023] = i"],
  ["x = d[i & 1023]", "d = dict.fromkeys(range(1024), 0)", "x = d[i & 1023]"],
  ["d.get(k7 0)", "d = {'k7': 1}", "d.get('k7', 0)"],
  ["e[k] = i (str key)", "e = {}; k = 'k7'", "e[k] = i"],
  ["i in d", "d = {1: 1}", "i in d"],
  ["for k in d: s += d[k] (10 int keys)", "d = dict.fromkeys(range(10), 1); s = 0", "for k in d: s += d[k]"],
  ["x = e[names[i % 50]] (str keys)", "names = ['k' + str(j) for j in range(50)]; e = dict.fromkeys(names, 1)", "x = e[names[i % 50]]"],
  ["zs = ys[10:20]", "ys = list(range(100))", "zs = ys[10:20]"],
  ["t = str(i % 1000) + 'x'", "", "t = str(i % 1000) + 'x'"],
];

/** The program a body is timed in: `f(n)` runs the body n times. */
const program = (prelude, setup, body, n) =>
  `${prelude ? prelude + "\n" : ""}def f(n):\n    ${setup || "pass"}\n    for i in range(n):\n        ${body}\n${n === undefined ? "" : `f(${n})\n`}`;

/** CPython's ns per iteration of each body (same n1, n2 and best of reps), timed inside one python3. */
function cpythonRound(n1, n2, reps, names) {
  const out = {};
  for (const [name, setup, body, prelude] of BODIES) {
    if (names && !names.includes(name)) continue;
    const src = `import time\n${program(prelude, setup, body)}def t(n):\n    c = time.process_time_ns()\n    f(n)\n    return time.process_time_ns() - c\nt(${n1})\nprint(min((t(${n2}) - t(${n1})) / ${n2 - n1} for _ in range(${reps})))\n`;
    const r = spawnSync("python3", ["-c", src], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`python3, ${name}: ${r.stderr}`);
    out[name] = Number(r.stdout.trim());
  }
  return out;
}

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : dflt;
};
const dists = args.flatMap((a, k) => (a === "--dist" ? [args[k + 1]] : []));

if (args[0] === "--child") {
  const [, dist, n1s, n2s, reps, only] = args;
  const { run } = await import(new URL("index.js", pathToFileURL(resolve(dist) + "/")).href);
  const n1 = Number(n1s);
  const n2 = Number(n2s);
  const out = {};
  const names = only ? only.split(",") : null;
  for (const [name, setup, body, prelude] of BODIES) {
    if (names && !names.includes(name)) continue;
    const src = (n) => program(prelude, setup, body, n);
    const cpu = (n) => {
      const c = process.cpuUsage();
      const r = run(src(n), { limits: { maxSteps: 2e9, timeoutMs: 60_000, maxHeapBytes: 1 << 30 } });
      const d = process.cpuUsage(c);
      if (r.outcome.status !== "ok") throw new Error(`${name}: ${JSON.stringify(r.outcome)} ${r.stderr}`);
      return (d.user + d.system) * 1000;
    };
    cpu(n1);
    let best = Infinity;
    for (let k = 0; k < Number(reps); k++) best = Math.min(best, (cpu(n2) - cpu(n1)) / (n2 - n1));
    out[name] = best;
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

const here = fileURLToPath(import.meta.url);
const builds = dists.length ? dists : [fileURLToPath(new URL("../../packages/python/dist", import.meta.url))];
const n1 = opt("n1", "100000");
const n2 = opt("n2", "400000");
const reps = opt("repeat", "5");
const rounds = Number(opt("rounds", "3"));
const only = opt("only", "");
const withPython = args.includes("--python");
const results = builds.map(() => ({}));
const cpy = {};
for (let r = 0; r < rounds; r++) {
  if (withPython) for (const [name, ns] of Object.entries(cpythonRound(Number(n1), Number(n2), Number(reps), only ? only.split(",") : null))) (cpy[name] ??= []).push(ns);
  const order = r % 2 === 0 ? builds.map((_, k) => k) : builds.map((_, k) => builds.length - 1 - k);
  for (const k of order) {
    const c = spawnSync(process.execPath, [here, "--child", builds[k], n1, n2, reps, only], { encoding: "utf8" });
    if (c.status !== 0) throw new Error(c.stderr);
    for (const [name, ns] of Object.entries(JSON.parse(c.stdout))) (results[k][name] ??= []).push(ns);
  }
}
const { execFileSync } = await import("node:child_process");
console.log(`interp-steady: ns of CPU per iteration (n ${n1} → ${n2}, best of ${reps}, ${rounds} rounds); load: ${execFileSync("uptime", { encoding: "utf8" }).trim()}`);
const ratios = withPython ? builds.map((b) => `${b} / CPython`) : [];
console.log(["body", ...builds, ...(withPython ? ["CPython 3.11", ...ratios] : [])].join(" | "));
for (const name of Object.keys(results[0])) {
  const cols = results.map((res) => res[name].map((x) => x.toFixed(1)).join(", "));
  if (withPython) {
    const c = Math.min(...cpy[name]);
    cols.push(cpy[name].map((x) => x.toFixed(1)).join(", "), ...results.map((res) => `${(Math.min(...res[name]) / c).toFixed(1)}x`));
  }
  console.log([name, ...cols].join(" | "));
}
