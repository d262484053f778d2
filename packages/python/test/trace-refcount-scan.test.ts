/**
 * The recorder finds the picture objects whose count moved by one scan of their counts per step (no event
 * tells it). Here the count of one object moves where no line of the program names it: a finalizer run by
 * a collection, a weakref callback, the items of a dict that grows its table, a list cleared. At the step
 * after each `nK = sys.getrefcount(shared) - 1` the record of `shared` shows nK, and nK is python3's.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { run } from "../src/index.js";
import { objectAt } from "./trace-helpers.js";

const SRC = [
  "import gc, sys, weakref",
  "shared = [0]",
  "keep = []",
  "class Holder:",
  "    def __init__(self):",
  "        self.ref = shared",
  "        self.me = self",
  "    def __del__(self):",
  "        keep.append(shared)",
  "        keep.append(shared)",
  "h = Holder()",
  "n0 = sys.getrefcount(shared) - 1",
  "del h",
  "n1 = sys.getrefcount(shared) - 1",
  "gc.collect()",
  "n2 = sys.getrefcount(shared) - 1",
  "class T:",
  "    pass",
  "def cb(r):",
  "    keep.append(shared)",
  "t = T()",
  "w = weakref.ref(t, cb)",
  "del t",
  "n3 = sys.getrefcount(shared) - 1",
  "d = {}",
  "for i in range(40):",
  "    d[i] = shared",
  "n4 = sys.getrefcount(shared) - 1",
  "d.clear()",
  "n5 = sys.getrefcount(shared) - 1",
  "keep.clear()",
  "n6 = sys.getrefcount(shared) - 1",
  "print(n0, n1, n2, n3, n4, n5, n6)",
].join("\n");

describe("a refcount moved where the line does not name the object", () => {
  const result = run(SRC + "\n", { trace: "line" });
  const counts = result.stdout.trim().split(" ").map(Number);
  const trace = result.trace!;

  test("the program's counts are python3's", () => {
    const py = execFileSync("python3", ["-c", SRC], { encoding: "utf8" }).trim().split(" ").map(Number);
    expect(counts).toEqual(py);
    // each case after n1 (the cycle still alive) moved the count
    for (let k = 2; k < counts.length; k++) expect(counts[k]).not.toBe(counts[k - 1]);
  });

  test("the record at the step after each read shows that count", () => {
    const lines = SRC.split("\n");
    counts.forEach((n, k) => {
      const line = lines.findIndex((l) => l.startsWith(`n${k} = `)) + 1;
      // (the first step of the next line in the program's own module frame: importing weakref runs the
      // module's own Python source, whose steps come first and may be at any line)
      const step = trace.steps.findIndex((s) => s.line === line + 1 && s.frames.length === 1);
      expect(step, `a step at line ${line + 1}`).toBeGreaterThan(0);
      expect(objectAt(trace, step, "shared").refcount, `n${k}`).toBe(n);
    });
  });
});
