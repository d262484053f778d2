import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner } from "./cpython.js";

const cpython = cpythonRunner("pyheap-native-recursion-");

/**
 * Recursion that goes through builtins calling back into Python (sorted's key, map, list comparison,
 * __getattr__, __next__). Each such level costs the JavaScript stack far more than a plain Python call, so
 * with a default-sized stack (a process's main thread, a browser page) the stack would run out before the
 * recursion limit is reached: the eval loop checks the stack when native code calls back into Python and
 * raises RecursionError while every frame can still release what it holds (an overflow left 1 572 objects
 * in the heap). The programs are corpus cases fidelity/28 and 31, which the corpus runs in a worker (a larger
 * stack); here they run in the test process's main thread. Case 76 (a low limit, so the JavaScript stack is
 * never what stops it) counts the levels a round costs when it goes through a class call, a comparison,
 * hash(), sorted()/list.sort()/max(), dict's __missing__ or format() (CPython's C calls hold one on top of
 * the callee's frame), and ends in an uncaught __eq__ recursion.
 */
describe("recursion through builtins calling Python", () => {
  it.each([
    ["28-recursion-through-native-calls", 0],
    ["31-recursion-through-dunders", 0],
    ["76-recursion-levels-through-calls", 1],
  ])("%s prints what python3 prints and leaves a clean heap", (name, status) => {
    const source = readFileSync(new URL(`../../../corpus/cases/fidelity/${name}.py`, import.meta.url), "utf8");
    const want = cpython(`${name}.py`, source);
    expect(want.status).toBe(status);
    const { result, heap } = runDetailed(source, { filename: `${name}.py` }, { check: true });
    expect(result.stdout).toBe(want.stdout);
    expect(result.stderr).toBe(want.stderr);
    expect(result.exitCode).toBe(status);
    if (status === 0) expect(result.outcome.status).toBe("ok");
    expect(heap.leaked).toEqual([]);
    expect(heap.check.ok).toBe(true);
  });
});
