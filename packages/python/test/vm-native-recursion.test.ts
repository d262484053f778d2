import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner } from "./cpython.js";

const cpython = cpythonRunner("pyheap-native-recursion-");

/**
 * Recursion that goes through builtins calling back into Python (sorted's key, map, list comparison,
 * __getattr__, __next__). Each such level costs the JavaScript stack far more than a plain Python call, so
 * with a default-sized stack (a process's main thread, a browser page) the JavaScript engine's own limit
 * is reached before the recursion limit: the eval loop turns that into RecursionError, never an internal
 * error. Known gap: the references held by the JavaScript frames the overflow unwinds are not released, so
 * the heap keeps objects it should not (which is why this program is not a corpus case: the corpus checks a
 * clean heap, and whether the overflow or the recursion limit comes first depends on the stack size).
 */
describe("recursion through builtins calling Python", () => {
  it("prints what python3 prints and ends normally, whichever limit is reached first", () => {
    const source = readFileSync(new URL("./programs/recursion-through-native-calls.py", import.meta.url), "utf8");
    const want = cpython("native-recursion.py", source);
    expect(want.status).toBe(0);
    const { result } = runDetailed(source, { filename: "native-recursion.py" });
    expect(result.stdout).toBe(want.stdout);
    expect(result.stderr).toBe(want.stderr);
    expect(result.exitCode).toBe(0);
    expect(result.outcome.status).toBe("ok");
  });
});
