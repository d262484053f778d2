#!/usr/bin/env node
// Two (or more) builds of @pyheap/python on the bench programs, alternated: each round runs every program
// once per build, each in a new `node` process (a warm-up run at a tenth of the size, then the timed run
// at the program's N), the order of the builds switched every round. Prints the process CPU ms of the
// timed runs per build and the median ratio of each build to the first. CPU time, because the machine is
// shared; the load average is printed with the result.
//
//   node tools/bench/interp-ab.mjs --dist OLD_DIR --dist NEW_DIR [--rounds 5] [--only int_loop,…] [--steady 4]
//
// --steady K: each process times K runs after the warm-up and reports the fastest (steady state: V8's
// compiles of the first full-size run left out; closer to interp-bench's best of 3, and much less noisy).
//
// DIR is a directory holding a build's index.js (an older tree's packages/python/dist copied with its
// packages/heap and packages/core beside it, so that the whole build is the old one). Not a test.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = process.argv.slice(2);

if (args[0] === "--child") {
  const [, dist, file, steadyArg] = args;
  const { run } = await import(new URL("index.js", pathToFileURL(resolve(dist) + "/")).href);
  const src = readFileSync(file, "utf8");
  const n = Number(/^N = (\d+)$/m.exec(src)[1]);
  const limits = { maxSteps: 2e9, timeoutMs: 120_000, maxHeapBytes: 1 << 30, maxOutputBytes: 1 << 20 };
  run(src.replace(/^N = \d+$/m, `N = ${Math.max(1, Math.round(n / 10))}`), { limits });
  let best = Infinity;
  let r;
  for (let k = Math.max(1, Number(steadyArg) || 1); k > 0; k--) {
    const c = process.cpuUsage();
    r = run(src, { limits });
    const d = process.cpuUsage(c);
    if (r.outcome.status !== "ok") throw new Error(`${file}: ${JSON.stringify(r.outcome)}`);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  console.log(JSON.stringify({ cpuMs: best, stdout: r.stdout }));
  process.exit(0);
}

const opt = (name, dflt) => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : dflt;
};
const dists = args.flatMap((a, k) => (a === "--dist" ? [args[k + 1]] : []));
if (dists.length < 2) {
  console.error("interp-ab: give two builds or more (--dist DIR --dist DIR)");
  process.exit(2);
}
const rounds = Number(opt("rounds", "5"));
const only = opt("only", "");
const steady = opt("steady", "");
const dir = fileURLToPath(new URL("./programs/", import.meta.url));
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".py") && f !== "trace_1m.py")
  .map((f) => f.slice(0, -3))
  .filter((n) => !only || only.split(",").includes(n));
const here = fileURLToPath(import.meta.url);
const uptime = () => execFileSync("uptime", { encoding: "utf8" }).trim().replace(/.*load/, "load");
const cpu = names.map(() => dists.map(() => []));
const loads = [uptime()];
for (let r = 0; r < rounds; r++) {
  for (const [p, name] of names.entries()) {
    const order = r % 2 === 0 ? dists.map((_, k) => k) : dists.map((_, k) => dists.length - 1 - k);
    let out = null;
    for (const k of order) {
      const c = spawnSync(process.execPath, [here, "--child", dists[k], `${dir}${name}.py`, steady], { encoding: "utf8" });
      if (c.status !== 0) throw new Error(c.stderr);
      const res = JSON.parse(c.stdout);
      if (out !== null && res.stdout !== out) throw new Error(`${name}: the builds print different output`);
      out = res.stdout;
      cpu[p][k].push(res.cpuMs);
    }
  }
  loads.push(uptime());
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`interp-ab: process CPU ms of ${steady ? `the fastest of ${steady} runs` : "one run"} per process (after a warm-up run at N/10), ${rounds} rounds alternated`);
console.log(`loads: ${loads[0]} … ${loads[loads.length - 1]}`);
for (const [p, name] of names.entries()) {
  const cols = dists.map((d, k) => `${cpu[p][k].map((x) => x.toFixed(0)).join(", ")} (median ${median(cpu[p][k]).toFixed(0)})`);
  const ratios = dists.slice(1).map((_, k) => `${(median(cpu[p][k + 1]) / median(cpu[p][0])).toFixed(3)}`);
  console.log(`${name}: ${cols.join(" | ")}; median ratio to the first: ${ratios.join(", ")}`);
}
