#!/usr/bin/env node
// What a small object made and freed costs, layer by layer: the raw core exports called from JavaScript,
// the same exports through the binding's shared wrapper (`heap.core.x`), and the binding's methods the
// interpreter calls (newIntValue/decrefInt, newObject/decref, newTuple/decref, newStr/decref), on one heap.
// With --core it also builds a scratch copy of the core (packages/core/assembly in a temporary directory,
// plus one export that loops inside WASM) and times the pairs and their pieces without any JS→WASM call.
//
//   node tools/bench/heap-alloc.mjs [--n 2000000] [--core]
//
// Process CPU ns per pair, best of 9 rounds (the pools of these size classes already hold the bootstrap's
// objects, so a pair takes pymalloc's common path).
// Not a test; nothing is asserted. Needs packages/heap and packages/core built.
import { execSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const N = Number(args[args.indexOf("--n") + 1] || 2_000_000) || 2_000_000;
const withCore = args.includes("--core");
const { Heap, loadHeap } = await import(join(root, "packages/heap/dist/index.js"));

// the raw exports: kept when the binding wraps them (a private method, so this follows the binding)
const wrap = Heap.prototype.wrapExports;
Heap.prototype.wrapExports = function (raw) {
  this.rawForBench = raw;
  return wrap.call(this, raw);
};

/** A scratch core with `bench_pairs(t, n, kind)`: n pairs of one kind inside WASM. */
function buildScratchCore() {
  const dir = mkdtempSync(join(tmpdir(), "pyheap-alloc-"));
  const core = join(root, "packages/core");
  for (const x of ["assembly", "abi", "asconfig.json", "package.json"]) cpSync(join(core, x), join(dir, x), { recursive: true });
  symlinkSync(join(core, "node_modules"), join(dir, "node_modules"));
  appendFileSync(join(dir, "assembly/index.ts"), `
import { memAlloc as benchMemAlloc, memFree as benchMemFree } from "./mem/alloc";
import { objFreeMemory as benchFreeMemory } from "./object/alloc";
export function bench_pairs(t: i32, n: i32, kind: i32): i32 {
  let acc: i32 = 0;
  for (let i = 0; i < n; i++) {
    let o: usize = 0;
    if (kind == 0) { o = benchMemAlloc(32); benchMemFree(o); }
    else if (kind == 1) { o = intFromF64(<f64>(1000 + (i & 7))); store<i32>(o, 0); dealloc(o); }
    else if (kind == 2) { o = objAlloc(<usize>t, 32); track(o); untrack(o); benchFreeMemory(o); }
    else if (kind == 3) { o = <usize>obj_new(t, 0); untrack(o); benchFreeMemory(o); }
    else if (kind == 4) { o = objAlloc(<usize>t, 32); track(o); store<i32>(o, 0); dealloc(o); }
    else if (kind == 5) { o = <usize>obj_new(t, 0); store<i32>(o, 0); dealloc(o); }
    else { o = tupleNew(1); store<i32>(o, 0); dealloc(o); }
    acc ^= <i32>o;
  }
  return acc;
}
`);
  const out = join(dir, "bench.wasm");
  execSync(`npx asc assembly/index.ts --config asconfig.json --target release -o ${out}`, { cwd: dir, stdio: "pipe" });
  const bytes = new Uint8Array(readFileSync(out));
  rmSync(dir, { recursive: true, force: true });
  return bytes;
}

const h = loadHeap(withCore ? { wasm: buildScratchCore() } : {});
const raw = h.rawForBench;
const gcT = h.registerType({ name: "gc2", basicsize: 32, gc: true, refSlots: [16, 24] }); // a bound method's shape
const plainT = h.registerType({ name: "plain2", basicsize: 32 });
let sink = 0;
function time(fn) {
  let best = Infinity;
  for (let r = 0; r < 9; r++) {
    const c = process.cpuUsage();
    sink ^= fn(N);
    const d = process.cpuUsage(c);
    best = Math.min(best, ((d.user + d.system) * 1000) / N);
  }
  return best;
}
const rows = [];
const row = (what, fn) => rows.push([what, time(fn)]);
const m = () => h.i32;
const one = h.newIntValue(1000);
const core = h.core;
row("empty export, raw (heap_last_status)", (n) => { let s = 0; for (let i = 0; i < n; i++) s ^= raw.heap_last_status(); return s; });
row("empty export, wrapped", (n) => { let s = 0; for (let i = 0; i < n; i++) s ^= core.heap_last_status(); return s; });
row("int: raw int_from_f64 + int_dealloc", (n) => { for (let i = 0; i < n; i++) { const o = raw.int_from_f64(1000 + (i & 7)); m()[o >>> 2] = 0; raw.int_dealloc(o); } return 0; });
row("int: newIntValue + decrefInt", (n) => { for (let i = 0; i < n; i++) h.decrefInt(h.newIntValue(1000 + (i & 7))); return 0; });
row("int: newIntValue + decref", (n) => { for (let i = 0; i < n; i++) h.decref(h.newIntValue(1000 + (i & 7))); return 0; });
row("GC object, 2 ref slots: raw obj_new + obj_dealloc", (n) => { for (let i = 0; i < n; i++) { const o = raw.obj_new(gcT, 0); m()[o >>> 2] = 0; raw.obj_dealloc(o); } return 0; });
row("GC object: wrapped obj_new + obj_dealloc", (n) => { for (let i = 0; i < n; i++) { const o = core.obj_new(gcT, 0); m()[o >>> 2] = 0; core.obj_dealloc(o); } return 0; });
row("GC object: newObject + decref", (n) => { for (let i = 0; i < n; i++) h.decref(h.newObject(gcT)); return 0; });
row("plain object: raw obj_new + obj_dealloc", (n) => { for (let i = 0; i < n; i++) { const o = raw.obj_new(plainT, 0); m()[o >>> 2] = 0; raw.obj_dealloc(o); } return 0; });
row("plain object: newObject + decref", (n) => { for (let i = 0; i < n; i++) h.decref(h.newObject(plainT)); return 0; });
row("1-tuple (free list): raw tuple_new + obj_dealloc, item NULL", (n) => { for (let i = 0; i < n; i++) { const o = raw.tuple_new(1); m()[o >>> 2] = 0; raw.obj_dealloc(o); } return 0; });
row("1-tuple: newTuple([x]) + decref", (n) => { for (let i = 0; i < n; i++) h.decref(h.newTuple([one])); return 0; });
row("str of 10 ASCII chars: newStr + decref", (n) => { for (let i = 0; i < n; i++) h.decref(h.newStr("abcdefghij")); return 0; });
if (withCore) {
  const kinds = ["memAlloc(32) + memFree", "int: intFromF64 + dealloc", "GC object: objAlloc + track + untrack + objFreeMemory",
    "GC object: obj_new + untrack + objFreeMemory", "GC object: objAlloc + track + dealloc", "GC object: obj_new + dealloc",
    "1-tuple: tupleNew + dealloc"];
  kinds.forEach((what, k) => row(`in WASM, ${what}`, (n) => raw.bench_pairs(gcT, n, k)));
}
console.log(`heap-alloc: process CPU ns per pair, best of 9 × ${N}; ${execSync("uptime").toString().trim()}`);
for (const [what, ns] of rows) console.log(`${ns.toFixed(1).padStart(7)}  ${what}`);
if (sink === 0.5) console.log(sink);
