// Runs one after another in a process share pooled heaps: every run must see the heap a first run sees.
import { describe, expect, it } from "vitest";
import { run, runDetailed } from "../src/index.js";
import { pooledInterpreterBytes } from "../src/heap-pool.js";

const probe = `
import gc, sys
a = [object() for _ in range(5)]
print([id(x) % 100000 for x in a])
print(gc.get_count(), gc.isenabled(), sys.getrefcount(None) > 0)
class C:
    pass
c = C()
c.self = c
del c
print(gc.collect())
`;

describe("pooled heaps", () => {
  it("a run after other runs gets the same addresses, counts and output as the first", () => {
    const first = run(probe);
    expect(first.exitCode).toBe(0);
    run("x = [list(range(1000)) for i in range(300)]\nimport gc\ngc.disable()\n");
    run("raise ValueError('boom')\n");
    run("import gc\ngc.set_threshold(5, 2, 2)\ny = {i: str(i) for i in range(5000)}\n");
    const later = run(probe);
    expect(later.stdout).toBe(first.stdout);
    expect(later.stats).toEqual({ ...first.stats, wallMs: later.stats.wallMs });
  });

  it("the heap limit and the leak report belong to each run", () => {
    const big = "x = [bytes(1000) for i in range(2000)]\nprint(len(x))\n";
    const limited = run(big, { limits: { maxHeapBytes: 1 << 20 } });
    expect(limited.outcome.status).toBe("limit");
    const free = run(big);
    expect(free.stdout).toBe("2000\n");
    const { heap } = runDetailed("print(1)\n");
    expect(heap.check).toEqual({ ok: true });
    expect(heap.leaked).toEqual([]);
  });

  it("a heap reset after its run (between awaits) gives the same addresses, counts and output", async () => {
    const first = run(probe);
    await Promise.resolve();
    run("x = [list(range(1000)) for i in range(300)]\nimport gc\ngc.disable()\n");
    await new Promise((r) => setTimeout(r, 0));
    run("big = [bytes(100000) for i in range(150)]\n", { limits: { maxHeapBytes: 64 << 20 } });
    await new Promise((r) => setTimeout(r, 0));
    const later = run(probe);
    expect(later.stdout).toBe(first.stdout);
    expect(later.stats).toEqual({ ...first.stats, wallMs: later.stats.wallMs });
    const { heap } = runDetailed("print(1)\n");
    expect(heap.check).toEqual({ ok: true });
  });
});

describe("pooled heaps that grew", () => {
  it("keep an interpreter whose heap grew to tens of MiB, and drop one past 128 MiB", async () => {
    run("print(1)\n");
    await new Promise((r) => setTimeout(r, 0));
    const grown = run("x = [bytes(1000) for i in range(45000)]\nprint(len(x))\n");
    expect(grown.stdout).toBe("45000\n");
    const kept = pooledInterpreterBytes();
    expect(Math.max(...kept)).toBeGreaterThan(45 << 20);
    const probeAgain = run(probe);
    expect(probeAgain.stdout).toBe(run(probe).stdout);
    const huge = run("x = [bytes(1000) for i in range(140000)]\nprint(len(x))\n");
    expect(huge.stdout).toBe("140000\n");
    expect(pooledInterpreterBytes().every((b) => b <= 128 << 20)).toBe(true);
  });
});
