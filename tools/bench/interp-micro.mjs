#!/usr/bin/env node
// Micro-measurements behind the suggestions in README.md ("Where the time goes"): the cost of a few heap
// operations the interpreter does per bytecode, as the heap package does them today and done another way
// on the same WASM memory. Each pair is checked to give the same answer before it is timed.
//
//   node tools/bench/interp-micro.mjs [--iters 1000000]
//
// Not a test; nothing is asserted about times. Needs packages/heap and packages/core built.
const { loadHeap } = await import(new URL("../../packages/heap/dist/index.js", import.meta.url).href);
const abi = await import(new URL("../../packages/core/dist/abi.js", import.meta.url).href);

const args = process.argv.slice(2);
const iters = Number(args[args.indexOf("--iters") + 1] || 1_000_000) || 1_000_000;
const h = loadHeap({});

let sink = 0;
/** ns of CPU time per call of fn(i), best of 5 rounds of `n` calls (CPU time: the machine is shared). */
function time(n, fn) {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const c = process.cpuUsage();
    for (let i = 0; i < n; i++) sink ^= fn(i) | 0;
    const d = process.cpuUsage(c);
    best = Math.min(best, ((d.user + d.system) * 1000) / n);
  }
  return best;
}
const rows = [];
function pair(what, n, current, other, otherName, same) {
  if (!same()) throw new Error(`${what}: the two ways disagree`);
  const a = time(n, current);
  const b = time(n, other);
  rows.push([what, a, b, otherName]);
}

// ── str → JS string ───────────────────────────────────────────────────────────────────────────────
// views kept across calls and re-made only when memory grew (a detached view has length 0), as the heap
// package does for its own i32/u8 views
let v32 = new Int32Array(h.memory.buffer);
let v8 = new Uint8Array(h.memory.buffer);
const i32 = () => (v32.length ? v32 : (v32 = new Int32Array(h.memory.buffer)));
const u8 = () => (v8.length ? v8 : (v8 = new Uint8Array(h.memory.buffer)));
function readAscii(o) {
  const len = i32()[(o + abi.STR_LENGTH) >>> 2];
  const data = o + abi.STR_ASCII_DATA;
  const a = u8().subarray(data, data + len);
  let out = "";
  for (let i = 0; i < len; i += 8192) out += String.fromCharCode.apply(null, a.subarray(i, Math.min(len, i + 8192)));
  return out;
}
const dec = new TextDecoder("utf-8");
function readAsciiDecoder(o) {
  const len = i32()[(o + abi.STR_LENGTH) >>> 2];
  const data = o + abi.STR_ASCII_DATA;
  return dec.decode(u8().subarray(data, data + len));
}
for (const len of [8, 64, 4096]) {
  const text = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(Math.ceil(len / 36)).slice(0, len);
  const o = h.newStr(text);
  const n = Math.max(1000, Math.floor(iters / Math.max(1, len / 8)));
  pair(`readStr, ASCII str of ${len}`, n, () => h.readStr(o).length, () => readAscii(o).length, "String.fromCharCode.apply(subarray)", () => h.readStr(o) === readAscii(o));
  pair(`readStr, ASCII str of ${len}`, n, () => h.readStr(o).length, () => readAsciiDecoder(o).length, "TextDecoder over the bytes", () => h.readStr(o) === readAsciiDecoder(o));
  h.decref(o);
}

// ── len(str): the VM reads the text and splits it into code points; the header has the length ──────
{
  const o = h.newStr("x".repeat(1000));
  pair("len() of a 1000-char str", Math.floor(iters / 50), () => [...h.readStr(o)].length, () => i32()[(o + abi.STR_LENGTH) >>> 2], "STR_LENGTH field", () => [...h.readStr(o)].length === i32()[(o + abi.STR_LENGTH) >>> 2]);
  h.decref(o);
}

// ── small-int add: BigInt round trip (as numericBinary does) vs one 30-bit digit as a number ────────
{
  const a = h.newInt(123456);
  const b = h.newInt(654321);
  const viaBigInt = () => {
    const x = h.readInt(a);
    const y = h.readInt(b);
    let nx = 0;
    for (let v = x < 0n ? -x : x; v > 0n; v >>= 30n) nx++;
    let ny = 0;
    for (let v = y < 0n ? -y : y; v > 0n; v >>= 30n) ny++;
    const r = h.newInt(Number(x + y));
    const v = h.readInt(r);
    h.decref(r);
    return Number(v) + nx + ny;
  };
  const digit = (o, m) => {
    const size = m[(o + abi.OB_SIZE) >>> 2];
    return size === 0 ? 0 : size === 1 ? m[(o + abi.INT_DIGITS) >>> 2] : size === -1 ? -m[(o + abi.INT_DIGITS) >>> 2] : NaN;
  };
  const viaNumber = () => {
    const m = i32();
    const r = h.newInt(digit(a, m) + digit(b, m));
    const v = digit(r, i32());
    h.decref(r);
    return v + 2;
  };
  pair("int + int (1-digit ints, result allocated and freed)", iters, viaBigInt, viaNumber, "1-digit fast path on numbers", () => viaBigInt() === viaNumber());
  h.decref(a);
  h.decref(b);
}

// ── getF64: a new Float64Array per read vs one view kept with the others ────────────────────────────
{
  const o = h.newFloat(2.5);
  let f64 = new Float64Array(h.memory.buffer);
  const kept = () => {
    if (f64.length === 0) f64 = new Float64Array(h.memory.buffer);
    return f64[(o + 16) >>> 3];
  };
  pair("float field read (getF64)", iters, () => h.getF64(o, 16), kept, "a kept Float64Array view", () => h.getF64(o, 16) === kept());
  h.decref(o);
}

console.log(`interp-micro: node ${process.version}, best of 5 rounds; ns of CPU time per operation`);
console.log(`${"operation".padEnd(54)} ${"today".padStart(9)} ${"other way".padStart(10)}  speed-up  other way`);
for (const [what, a, b, name] of rows) console.log(`${what.padEnd(54)} ${a.toFixed(1).padStart(9)} ${b.toFixed(1).padStart(10)}  ${(a / b).toFixed(1).padStart(7)}x  ${name}`);
if (sink === 0.5) console.log(sink);
