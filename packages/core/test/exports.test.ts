// The raw module: export naming rules and a bare instantiation with no binding in between.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as abi from "../abi/abi.js";

const bytes = readFileSync(new URL("../build/pyheap.wasm", import.meta.url));
const debugBytes = readFileSync(new URL("../build/pyheap.debug.wasm", import.meta.url));
const PREFIXES = ["heap_", "obj_", "int_", "float_", "str_", "bytes_", "tuple_", "list_", "dict_", "set_", "weakref_", "gc_", "ev_"];

function instantiate(b: Uint8Array) {
  const calls: string[] = [];
  const host = {
    finalize: () => calls.push("finalize"),
    weakref_callback: () => calls.push("weakref_callback"),
    gc_callback: (phase: number) => calls.push(`gc_callback ${phase}`),
    eq: () => 0,
    hash: () => 0,
    str_uninterned: () => calls.push("str_uninterned"),
  };
  const env = { abort: () => { throw new Error("abort"); } };
  const inst = new WebAssembly.Instance(new WebAssembly.Module(b), { host, env });
  return { exports: inst.exports as Record<string, (...a: number[]) => number>, calls };
}

describe("pyheap.wasm", () => {
  it("exports only prefixed snake_case functions and the memory", () => {
    const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
    for (const n of names) {
      if (n === "memory") continue;
      expect(PREFIXES.some((p) => n.startsWith(p)), n).toBe(true);
      expect(n).toMatch(/^[a-z0-9_]+$/);
    }
    expect(names).toContain("gc_collect");
  });

  it("imports only the host hooks and abort", () => {
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => `${i.module}.${i.name}`);
    const hooks = imports.filter((i) => i !== "env.abort").sort();
    expect(hooks).toEqual(["host.eq", "host.finalize", "host.gc_callback", "host.hash", "host.str_uninterned", "host.weakref_callback"]);
  });

  for (const [label, b] of [["release", bytes], ["debug", debugBytes]] as const) {
    it(`${label}: static objects have ids ≡ 8 (mod 16), heap objects multiples of 16`, () => {
      const { exports: x, calls } = instantiate(b);
      expect(x.heap_init!(1 << 24)).toBe(abi.STATUS_OK);
      for (let i = 0; i < abi.WK_COUNT; i++) expect(x.heap_well_known!(i)! % 16).toBe(8);
      const l = x.list_new!(0, abi.LIST_NEW_DISPLAY)!;
      expect(l % 16).toBe(0);
      expect(x.gc_collect!(2)).toBe(0);
      expect(calls).toEqual(["gc_callback 0", "gc_callback 1"]);
    });
  }
});
