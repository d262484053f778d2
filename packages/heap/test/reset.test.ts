// heap.reset(): in place (memory and globals put back as right after heap_init) and the same as a new heap.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { CoreTrapError, loadHeap, type Heap } from "../src/index.js";
import { makeRestorable, GLOBAL_EXPORT_PREFIX } from "../src/wasm-rewrite.js";
import { slotType } from "./helpers.js";

/** A workload whose addresses, counts and sizes tell states apart; it grows the memory past its initial size. */
function workload(h: Heap): unknown[] {
  const T = slotType(h, 2);
  const seen: unknown[] = [T, h.liveBytes()];
  const keep: number[] = [];
  for (let i = 0; i < 30000; i++) keep.push(h.newInt(1_000_000 + i));
  const big = h.newList(keep.splice(0, 100));
  seen.push(big, h.newStr("x".repeat(100_000)));
  for (let i = 0; i < 50; i++) {
    const a = h.newObject(T);
    const b = h.newObject(T);
    h.setSlot(a, 16, b);
    h.setSlot(b, 16, a);
    seen.push(a);
    h.decref(a);
    h.decref(b);
  }
  seen.push(h.gc.collect(2), h.liveBytes(), h.peakBytes(), h.gc.getStats());
  for (const o of keep) h.decref(o);
  seen.push(h.newInt(77777777), h.newDict(), h.newTupleSteal([h.newInt(5)]), h.liveBytes(), h.check());
  return seen;
}

describe("heap.reset()", () => {
  it("gives the same addresses, counts and sizes as a new heap, run after run", () => {
    const fresh = workload(loadHeap({ debug: true }));
    const h = loadHeap({ debug: true });
    const first = workload(h);
    expect(first).toEqual(fresh);
    const before = h.memory;
    for (let i = 0; i < 3; i++) {
      h.reset();
      expect(workload(h)).toEqual(fresh);
    }
    // the later resets restore in place: same memory, which does not keep growing
    expect(h.memory).not.toBe(before);
    const mem = h.memory;
    const size = mem.buffer.byteLength;
    h.reset();
    workload(h);
    expect(h.memory).toBe(mem);
    expect(h.memory.buffer.byteLength).toBe(size);
    expect(h.check()).toEqual({ ok: true });
  });

  it("clears what a run wrote above the initial memory (fresh pages are zero)", () => {
    const h = loadHeap({ debug: true });
    const init = h.memory.buffer.byteLength;
    h.reset();
    workload(h);
    const grown = new Uint8Array(h.memory.buffer);
    expect(grown.length).toBeGreaterThan(init);
    expect(grown.subarray(init).some((b) => b !== 0)).toBe(true);
    h.reset();
    const after = new Uint8Array(h.memory.buffer);
    expect(after.length).toBe(grown.length);
    expect(after.subarray(init).every((b) => b === 0)).toBe(true);
  });

  it("a reset after a trap starts a new instance", () => {
    const h = loadHeap({ debug: true });
    h.reset();
    const mem = h.memory;
    expect(() => h.core.obj_sizeof(0x7ffffff0)).toThrow(CoreTrapError);
    expect(h.isRetired).toBe(true);
    h.reset();
    expect(h.memory).not.toBe(mem);
    expect(h.isRetired).toBe(false);
    expect(workload(h)).toEqual(workload(loadHeap({ debug: true })));
    expect(h.check()).toEqual({ ok: true });
  });
});

describe("makeRestorable", () => {
  const bytes = new Uint8Array(readFileSync(new URL("../build/pyheap.wasm", import.meta.url)));
  it("adds a break global and exports every mutable global; the module stays valid", () => {
    const out = makeRestorable(bytes)!;
    expect(out).not.toBeNull();
    const m = new WebAssembly.Module(out as BufferSource);
    const names = WebAssembly.Module.exports(m).map((e) => e.name);
    const globals = names.filter((n) => n.startsWith(GLOBAL_EXPORT_PREFIX));
    expect(globals.length).toBeGreaterThan(1);
    for (const e of WebAssembly.Module.exports(new WebAssembly.Module(bytes as BufferSource))) expect(names).toContain(e.name);
  });
  it("leaves a module it does not understand alone", () => {
    expect(makeRestorable(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 99]))).toBeNull();
  });
});
