/**
 * A traced record's refcount is the object's `ob_refcnt` as the running program sees it: at the step
 * after a line `nK = sys.getrefcount(x) - 1`, the record of x shows nK (the line's temporaries are gone).
 * Where pyheap's counts differ from python3's, the trace does not add the difference: it is in the heap.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { run } from "../src/index.js";
import { inTempDir } from "./cpython.js";
import { objectAt, stepAtLine } from "./trace-helpers.js";

// Each nK line reads the count of the object bound to the name in NAMES[K]; the line after it is where the
// trace is read.
const SRC = [
  "import sys",
  "a = 'Hello'", // an interned constant (identifier characters)
  "n0 = sys.getrefcount(a) - 1",
  "b = [a, a]",
  "n1 = sys.getrefcount(a) - 1",
  "c = 'not an identifier!'", // a constant that is not interned
  "n2 = sys.getrefcount(c) - 1",
  "d = 123456",
  "n3 = sys.getrefcount(d) - 1",
  "e = [c, d]",
  "n4 = sys.getrefcount(e) - 1",
  "del b",
  "n5 = sys.getrefcount(a) - 1",
  "print(n0, n1, n2, n3, n4, n5)",
].join("\n");
const NAMES = ["a", "a", "c", "d", "e", "a"];

/** python3 running SRC as a main script (as pyheap runs it: the parser arena holds the constants too). */
function python3Counts(): number[] {
  return inTempDir("pyheap-rc-", (dir) => {
    const file = join(dir, "main.py");
    writeFileSync(file, SRC + "\n");
    return execFileSync("python3", [file], { encoding: "utf8" }).trim().split(" ").map(Number);
  });
}

describe("traced refcounts", () => {
  const result = run(SRC + "\n", { trace: "line" });
  const counts = result.stdout.trim().split(" ").map(Number);
  const trace = result.trace!;

  test("equal what the program's own sys.getrefcount(x) - 1 printed, at the step after each read", () => {
    expect(counts).toHaveLength(NAMES.length);
    const lines = SRC.split("\n");
    NAMES.forEach((name, k) => {
      const line = lines.findIndex((l) => l.startsWith(`n${k} = `)) + 1;
      expect(objectAt(trace, stepAtLine(trace, line + 1), name).refcount).toBe(counts[k]);
    });
  });

  test("equal python3's for constants that are not interned and for runtime objects", () => {
    const py = python3Counts();
    // n2 (a non-interned str constant), n3 (an int constant), n4 (a list)
    expect([counts[2], counts[3], counts[4]]).toEqual([py[2], py[3], py[4]]);
  });
});
