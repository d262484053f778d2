// adoptHeap(): a heap loaded before the first run (a page loads it while the interpreter's code is still
// compiling) is the one the first run uses, its hooks reach that run's VM (finalizers, weakref and gc
// callbacks, __eq__ and __hash__ called by the core), and the run gives what a run on a heap of its own
// gives. After a run has started, or for a heap under another limit, nothing is adopted.
import { execFileSync } from "node:child_process";
import { loadHeap, type HostHooks } from "@pyheap/heap";
import { describe, expect, it } from "vitest";
import { adoptHeap } from "../src/heap-pool.js";
import { run } from "../src/run.js";
import type { RunResult } from "../src/api-types.js";
import { PYTHON } from "./cpython.js";

const PROGRAM = `import gc, weakref
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
class Noisy:
    def __del__(self):
        print('del', id(self) % 7 >= 0)
d = {Key(1): 'a', Key(2): 'b'}
print(d[Key(2)], Key(1) in d)
seen = []
gc.callbacks.append(lambda phase, info: seen.append(phase))
n = Noisy()
r = weakref.ref(n, lambda ref: print('callback'))
del n
a = []
a.append(a)
del a
print(gc.collect(), seen[:2])
`;

function comparable(r: RunResult): unknown {
  const { wallMs, ...stats } = r.stats;
  void wallMs;
  return { ...r, stats };
}

describe("adoptHeap", () => {
  it("gives the first run a heap loaded ahead, with the same result as a heap of its own", () => {
    const hooks: HostHooks = {};
    const heap = loadHeap({ heapLimit: 256 << 20, hooks });
    expect(adoptHeap(loadHeap({ heapLimit: 64 << 20, hooks: {} }), {})).toBe(false);
    expect(adoptHeap(heap, hooks)).toBe(true);
    expect(typeof hooks.finalize).toBe("function");
    const first = run(PROGRAM, { trace: "line", countObjects: true });
    expect(first.stdout).toBe(execFileSync(PYTHON, ["-c", PROGRAM], { encoding: "utf8" }));
    expect(first.exitCode).toBe(0);
    expect(first.stats.leaked).toBe(0);
    // the run was on that heap (not yet reset: a first run's heap is put back when next used)
    expect(heap.stats().peakBytes).toBe(first.stats.peakHeapBytes);
    expect(heap.stats().peakBytes).toBeGreaterThan(0);
    // a later run, on a heap set up by the pool, gives the same
    expect(comparable(run(PROGRAM, { trace: "line", countObjects: true }))).toEqual(comparable(first));
    // once runs have started, a heap loaded ahead is not taken
    const late: HostHooks = {};
    expect(adoptHeap(loadHeap({ heapLimit: 256 << 20, hooks: late }), late)).toBe(false);
    expect(late.finalize).toBeUndefined();
  });
});
