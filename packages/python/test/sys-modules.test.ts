// sys.modules lists the imported modules as python3's does, and what a program keeps there is released at
// shutdown, also when a limit stops the program (no leak at any step count).
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const PROGRAM = `import sys
class D:
    def __del__(self): print("del", 'gc' in sys.modules)
sys.modules['x'] = D()
sys.modules['y'] = [[1], {2: 3}]
import gc, copy
old = sys.modules
sys.modules = {}
import weakref
print(sorted(k for k in ('gc', 'copy', 'weakref', 'x') if k in old), old['copy'] is copy)
`;

describe("sys.modules", () => {
  it("makes a module taken out of sys.modules again on its next import, sys as python3's copy of it", () =>
    expectSameAsPython(cpythonRunner("pyheap-sys-modules-"), "reimport", corpusCase("fidelity/69-reimport-modules.py")));
  it("holds each imported module, also once the name is rebound, and releases what the program added", () => {
    const { result, heap } = runDetailed(PROGRAM);
    expect(result.stdout).toBe("['copy', 'gc', 'weakref', 'x'] True\ndel False\n");
    expect(heap.leaked).toEqual([]);
  });
  it("leaves nothing behind when a step limit stops the program anywhere", () => {
    for (let steps = 1; steps < 40; steps++) {
      const { result, heap } = runDetailed(PROGRAM, { limits: { maxSteps: steps } });
      expect(result.exitCode).not.toBe(70);
      expect(heap.leaked).toEqual([]);
      expect(heap.check).toEqual({ ok: true });
    }
  });
});
