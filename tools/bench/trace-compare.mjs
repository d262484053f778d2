#!/usr/bin/env node
// Before/after timing of the 10^6-step line trace (`programs/trace_1m.py`) for two builds of
// @pyheap/python, alternated so that both see the same load on a shared machine.
//
//   node tools/bench/trace-compare.mjs [--a DIST] [--b DIST] [--rounds 3] [--n 250000] [--jumps 200]
//
// DIST is a directory holding a build's `index.js` (default for both: packages/python/dist). To keep an
// old build for comparison, copy it under packages/python/node_modules/ (so that it still resolves
// @pyheap/heap), e.g. `cp -r packages/python/dist packages/python/node_modules/.bench-old`.
// Each run is a fresh `node --expose-gc` child: `run(src, {trace: "line"})` timed (wall and process CPU),
// then the JS heap and array buffers the trace holds after a full collection, then Session jumps to
// random steps (fixed seed; first the last, the first and the middle step). Not a test; nothing asserted.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadavg } from "node:os";

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const root = fileURLToPath(new URL("../../", import.meta.url));

if (args[0] === "--child") {
  const [, dist, n, njumps] = args;
  const py = await import(pathToFileURL(resolve(dist, "index.js")).href);
  const src = readFileSync(new URL("./programs/trace_1m.py", import.meta.url), "utf8").replace(/^N = \d+$/m, `N = ${n}`);
  py.run("x = [1]\nfor i in range(3):\n    x.append(i)\n", { trace: "line" });
  global.gc();
  const m0 = process.memoryUsage();
  const c = process.cpuUsage();
  const t = performance.now();
  const r = py.run(src, { trace: "line", limits: { timeoutMs: 120_000, maxTraceSteps: 5e6, maxSteps: 2e9 } });
  const ms = performance.now() - t;
  const d = process.cpuUsage(c);
  global.gc();
  const m1 = process.memoryUsage();
  const steps = r.trace.steps.length;
  const out = { ms, cpuMs: (d.user + d.system) / 1000, steps, outcome: r.outcome.status, heapMB: (m1.heapUsed - m0.heapUsed) / 1e6, buffersMB: (m1.arrayBuffers - m0.arrayBuffers) / 1e6 };
  const t0 = performance.now();
  const s = new py.Session(r.trace);
  out.openMs = performance.now() - t0;
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const targets = [steps - 1, 0, Math.floor(steps / 2)];
  while (targets.length < Number(njumps)) targets.push(Math.floor(rnd() * steps));
  // wall time, and process CPU time (µs resolution; on a loaded machine a jump's wall time includes the
  // time other processes had the core)
  const cpu = [];
  const times = targets.map((i) => {
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    s.step(i);
    const ms = performance.now() - t1;
    const d1 = process.cpuUsage(c1);
    cpu.push((d1.user + d1.system) / 1000);
    return ms;
  });
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  out.jumpMedianMs = times[times.length >> 1];
  out.jumpMaxMs = times[times.length - 1];
  out.jumpCpuMaxMs = cpu[cpu.length - 1];
  console.log(JSON.stringify(out));
  process.exit(0);
}

const a = resolve(opt("a", resolve(root, "packages/python/dist")));
const b = resolve(opt("b", resolve(root, "packages/python/dist")));
const rounds = Number(opt("rounds", "3"));
const n = opt("n", "250000");
const jumps = opt("jumps", "200");
const f1 = (x) => x.toFixed(1);
console.log(`trace-compare: trace_1m N=${n}, ${rounds} rounds, A=${a}, B=${b}`);
for (let k = 0; k < rounds; k++) {
  for (const [name, dist] of [["A", a], ["B", b]]) {
    const load = loadavg()[0].toFixed(2);
    const p = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--child", dist, n, jumps], { encoding: "utf8", maxBuffer: 1 << 20 });
    const line = (p.stdout ?? "").trim().split("\n").pop() ?? "";
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      console.log(`${name}: failed (${p.status} ${p.signal ?? ""}) ${(p.stderr ?? "").trim().split("\n").slice(-2).join(" ").slice(0, 200)}`);
      continue;
    }
    console.log(`${name}  load ${load}  ${r.steps} steps ${r.outcome}: ${f0(r.ms)} ms wall, ${f0(r.cpuMs)} ms CPU; held ${f1(r.heapMB)} MB JS heap + ${f1(r.buffersMB)} MB buffers; Session ${f1(r.openMs)} ms, jumps median ${r.jumpMedianMs.toFixed(2)} max ${r.jumpMaxMs.toFixed(2)} ms (CPU max ${r.jumpCpuMaxMs.toFixed(2)} ms)`);
  }
}
function f0(x) {
  return x.toFixed(0);
}
