// The restorable module's memory grows ahead of the pages it hands the core (fewer `memory.grow` calls,
// each of which costs V8 a garbage collection now and then). The core must not see it: the same work on
// the plain module and on the restorable one gives the same addresses, statistics, next blocks and memory
// contents; and while the pages in use fit in 24 MiB, so does the memory.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadHeap, type Heap } from "../src/index.js";
import { AHEAD_STOP_PAGES, makeRestorable } from "../src/wasm-rewrite.js";

const plainBytes = readFileSync(new URL("../build/pyheap.wasm", import.meta.url));

function work(h: Heap, strings: number): unknown {
  const addrs: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < strings; i++) {
    addrs.push(h.newStr(String.fromCharCode(97 + (i % 26)).repeat(300_000 + 1000 * i)));
    for (let j = 0; j < 2000; j++) addrs.push(h.newInt(1_000_000 + i * 2000 + j));
    sizes.push(h.memory.buffer.byteLength);
  }
  // free half of it, then allocate again into the holes
  for (let i = 0; i < addrs.length; i += 2) h.decref(addrs[i]!);
  for (let i = 0; i < 500; i++) addrs.push(h.newList([]));
  return { addrs, stats: h.stats(), next: h.nextBlocks(), free: h.freeLists(), check: h.check(), sizes };
}

describe("memory grown ahead of the break", () => {
  it("is invisible to the core, and stays within 24 MiB while the pages in use do", () => {
    const plain = loadHeap({ wasm: plainBytes, heapLimit: 1 << 30 });
    const rewritten = loadHeap({ wasm: makeRestorable(plainBytes)!, heapLimit: 1 << 30 });
    const a = work(plain, 80) as { sizes: number[] };
    const b = work(rewritten, 80) as { sizes: number[] };
    expect({ ...b, sizes: null }).toEqual({ ...a, sizes: null });
    // never smaller than the plain module's memory, larger at times, within the stop while that one is
    const stop = AHEAD_STOP_PAGES * 65536;
    expect(stop).toBe(24 << 20);
    let ahead = 0;
    for (let i = 0; i < a.sizes.length; i++) {
      expect(b.sizes[i]).toBeGreaterThanOrEqual(a.sizes[i]!);
      if (a.sizes[i]! <= stop) expect(b.sizes[i]).toBeLessThanOrEqual(stop);
      if (b.sizes[i]! > a.sizes[i]!) ahead++;
    }
    expect(ahead).toBeGreaterThan(10);
    expect(a.sizes.some((x) => x < stop) && a.sizes.some((x) => x > stop)).toBe(true);
    // fewer memory objects made than the plain module's growth needed
    expect(new Set(b.sizes).size).toBeLessThan(new Set(a.sizes).size);
    // the plain module's whole memory is the rewritten one's first bytes; the rest is zero
    const ua = Buffer.from(plain.memory.buffer);
    const ub = Buffer.from(rewritten.memory.buffer);
    expect(ub.subarray(0, ua.length).equals(ua)).toBe(true);
    expect(ub.subarray(ua.length).every((x) => x === 0)).toBe(true);
  });
});
