// "Exception ignored" reports at exit: python3 shows a traceback's source lines while sys.modules still holds
// the modules (the exit's collection), and none once finalization has emptied it (the main module's objects
// released after that). Addresses in the reports are masked; everything else must be python3's.
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner } from "./cpython.js";

const cpython = cpythonRunner("pyheap-shutdown-lines-");
const mask = (s: string) => s.replace(/0x[0-9a-f]+/g, "0x…");

const PROGRAM = `class A:
    def __del__(self):
        raise ValueError("del " + self.n)
a = A(); a.n = "main"
b = A(); b.n = "cycle"; b.self = b
del b
c = A(); c.n = "during"
del c
def g():
    try:
        yield 1
    finally:
        raise KeyError("generator")
it = g()
next(it)
print("end")
`;

describe("Exception ignored at exit", () => {
  it("shows source lines until sys.modules is emptied, as python3", () => {
    const want = cpython("exit.py", PROGRAM);
    expect(want.stderr).toContain('raise ValueError("del " + self.n)');
    const { result, heap } = runDetailed(PROGRAM, { filename: "exit.py" });
    expect(result.stdout).toBe(want.stdout);
    expect(mask(result.stderr)).toBe(mask(want.stderr));
    expect(heap.leaked).toEqual([]);
  });
});
