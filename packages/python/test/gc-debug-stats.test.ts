// gc.set_debug(gc.DEBUG_STATS): each collection, automatic or asked for, writes python3's lines to sys.stderr
// (through a replaced sys.stderr's write(); to the process's stderr when sys.stderr is None), after the
// "start" callbacks and before the "stop" ones. Generation 2's size counts the interpreter's own start-up
// objects and the elapsed time is the machine's: both are masked, everything else must be python3's.
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner } from "./cpython.js";

const cpython = cpythonRunner("pyheap-gc-debug-");

const PROGRAM = `import gc, sys
def cb(phase, info):
    print(phase, info)
gc.collect()
gc.callbacks.append(cb)
gc.set_debug(gc.DEBUG_STATS)
l = []; l.append(l); del l
print(gc.collect(0))
gc.set_threshold(5)
x = [[] for i in range(7)]
gc.callbacks.remove(cb)
class W:
    def __init__(self): self.t = ""
    def write(self, s): self.t += s
w = W()
sys.stderr = w
gc.collect(1)
sys.stderr = sys.__stderr__
print(len(w.t.splitlines()), w.t.splitlines()[0])
sys.stderr = None
gc.collect()
sys.stderr = sys.__stderr__
print(gc.get_debug())
gc.set_debug(0)
gc.collect()
print("end")
`;

const mask = (s: string) =>
  s.replace(/(objects in each generation: \d+ \d+) \d+/g, "$1 N").replace(/\d+\.\d{4}s elapsed/g, "T.TTTTs elapsed");

describe("gc.DEBUG_STATS", () => {
  it("writes python3's lines for every collection, in python3's order with the callbacks", () => {
    const want = cpython("stats.py", PROGRAM);
    expect(want.status).toBe(0);
    expect(want.stderr).toContain("gc: collecting generation 2...");
    for (const trace of ["none", "line"] as const) {
      const { result, heap } = runDetailed(PROGRAM, { filename: "stats.py", trace });
      expect(result.stdout).toBe(want.stdout);
      expect(mask(result.stderr)).toBe(mask(want.stderr));
      // generation 2 holds the interpreter's objects: a real count, not a placeholder
      for (const m of result.stderr.matchAll(/objects in each generation: \d+ \d+ (\d+)/g)) expect(Number(m[1])).toBeGreaterThan(100);
      expect(heap.leaked).toEqual([]);
      expect(heap.check).toEqual({ ok: true });
    }
  });
});
