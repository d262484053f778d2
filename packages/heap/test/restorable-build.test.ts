// The restorable form of each core build that the package build writes (scripts/rewrite-wasm.mjs), read by
// loadHeap instead of rewriting the module in each process: the same bytes the rewrite gives now, and a
// heap loaded from it resets in place (the globals the rewrite exports are there).
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { loadHeap } from "../src/index.js";
import { readWasmSync } from "../src/load.node.js";
import { makeRestorable, GLOBAL_EXPORT_PREFIX } from "../src/wasm-rewrite.js";

const build = new URL("../build/", import.meta.url);

describe("restorable module written by the build", () => {
  for (const name of ["pyheap.wasm", "pyheap.debug.wasm"]) {
    it(`${name}: the build's file equals the rewrite of the plain module`, () => {
      const plain = readFileSync(new URL(name, build));
      const expected = makeRestorable(plain);
      const file = new URL(name.replace(/\.wasm$/, ".restorable.wasm"), build);
      if (!expected) {
        expect(existsSync(file)).toBe(false);
        return;
      }
      expect(existsSync(file)).toBe(true);
      expect(Buffer.compare(readFileSync(file), Buffer.from(expected))).toBe(0);
    });
  }

  it("readWasmSync says which form it read", () => {
    const found = { restorable: false };
    const bytes = readWasmSync(false, found)!;
    expect(found.restorable).toBe(true);
    const exports = WebAssembly.Module.exports(new WebAssembly.Module(bytes as BufferSource)).map((e) => e.name);
    expect(exports.some((n) => n.startsWith(GLOBAL_EXPORT_PREFIX))).toBe(true);
    // without asking, the plain module
    const plain = readWasmSync(false)!;
    expect(WebAssembly.Module.exports(new WebAssembly.Module(plain as BufferSource)).some((e) => e.name.startsWith(GLOBAL_EXPORT_PREFIX))).toBe(false);
  });

  it("a heap loaded from it resets in place to the same state as a new heap", () => {
    const h = loadHeap({ heapLimit: 64 << 20 });
    const fresh = [h.newInt(123456789), h.newStr("abc"), h.liveBytes()];
    h.reset();
    const mem = h.memory;
    for (let i = 0; i < 2000; i++) h.newInt(2_000_000 + i);
    h.reset();
    expect(h.memory).toBe(mem); // in place, no new instance
    expect([h.newInt(123456789), h.newStr("abc"), h.liveBytes()]).toEqual(fresh);
  });

  it("canCaptureImage: true for the restorable module, false for one compiled as it is (the browser's)", () => {
    const h = loadHeap({ heapLimit: 64 << 20 });
    expect(h.canCaptureImage).toBe(true);
    expect(h.captureImage()).not.toBeNull();
    const plain = loadHeap({ heapLimit: 64 << 20, wasm: readFileSync(new URL("pyheap.wasm", build)) });
    expect(plain.canCaptureImage).toBe(false);
    expect(plain.captureImage()).toBeNull();
  });
});
