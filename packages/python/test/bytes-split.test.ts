// bytes.ts installs bytes' and bytearray's methods at bootstrap under the names it lists, and a page's
// build hands each call on to bytes-impl.ts loaded later (apps/web/src/python-sources.ts): the lists must
// be exactly the tables' names in their order, or the two builds would make different heaps.
import { describe, expect, it } from "vitest";
import { BYTEARRAY_METHODS, COMMON_METHODS } from "../src/builtins/bytes.js";
import { bytearrayMethods, commonMethods } from "../src/builtins/bytes-impl.js";
import type { VM } from "../src/vm/vm.js";
import { runDetailed } from "../src/run.js";
import { cpythonRunner } from "./cpython.js";

// the tables are made without touching the VM beyond reading its heap binding
const vm = { h: {} } as unknown as VM;

describe("bytes' bootstrap names", () => {
  it("are the names of the shared methods, in order", () => {
    expect(Object.keys(commonMethods(vm, "bytes"))).toEqual(COMMON_METHODS);
    expect(Object.keys(commonMethods(vm, "bytearray"))).toEqual(COMMON_METHODS);
  });
  it("are bytearray's methods, after the shared ones", () => {
    expect(Object.keys(bytearrayMethods(vm))).toEqual([...COMMON_METHODS, ...BYTEARRAY_METHODS]);
  });
  it("reach every method of bytes and bytearray from Python", () => {
    const names = [...COMMON_METHODS, ...BYTEARRAY_METHODS.filter((n) => !n.startsWith("__"))];
    const program = `print(all(hasattr(bytearray, n) for n in ${JSON.stringify(names)}), b"a-b".split(b"-"), bytearray(b"xy").pop())\n`;
    const expected = cpythonRunner("bytes-split-")("names.py", program);
    expect(expected.status).toBe(0);
    expect(runDetailed(program, {}).result.stdout).toBe(expected.stdout);
  });
});
