/**
 * A limit reached while the interpreter reports an exception (the `__str__` of an uncaught exception, for
 * the traceback's last line) stops the run with that limit, as anywhere else; only a Python exception
 * raised there is written as `<exception str() failed>`, as python3 writes it.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { run } from "../src/index.js";
import { inTempDir } from "./cpython.js";

function python3(src: string): { stdout: string; stderr: string } {
  return inTempDir("pyheap-limits-", (dir) => {
    const file = join(dir, "main.py");
    writeFileSync(file, src);
    try {
      return { stdout: execFileSync("python3", [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }), stderr: "" };
    } catch (e) {
      const err = e as { stdout: string; stderr: string };
      return { stdout: err.stdout, stderr: err.stderr };
    }
  });
}

const LOOPING_STR = `class E(Exception):
    def __str__(self):
        while True:
            pass
print("before")
raise E()
`;

describe("limits reached while an exception is reported", () => {
  test("an uncaught exception whose __str__ loops stops at the step limit, not with a made-up line", () => {
    const r = run(LOOPING_STR, { limits: { maxSteps: 20_000 } });
    expect(r.outcome).toMatchObject({ status: "limit", limit: "steps" });
    expect(r.stdout).toBe("before\n");
    expect(r.stderr).not.toContain("str() failed");
  });

  test("a Python exception in those places is still reported as python3 reports it", () => {
    const src = `class E(Exception):
    def __str__(self):
        raise KeyError("k")
class A:
    def __del__(self):
        raise ValueError("in del")
    def __repr__(self):
        raise KeyError("r")
a = A()
del a
print("after")
raise E()
`;
    const want = python3(src);
    const r = run(src, { filename: "main.py" });
    const same = (s: string): string => s.replaceAll(/File "[^"]*main\.py"/g, 'File "main.py"').replaceAll(/0x[0-9a-f]+/g, "0xADDR");
    expect(r.stdout).toBe(want.stdout);
    expect(same(r.stderr)).toBe(same(want.stderr));
  });
});
