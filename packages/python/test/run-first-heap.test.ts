// The first run's heap is not reset right after that run (in a microtask) but when it is next used: by the
// interpreter set up for reuse in a timer, or by a run that comes before the timer. Either way a run on it
// must see a new heap: the same output, stats, trace and leak report as the first run.
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/run.js";

const program =
  "import gc\nclass C:\n    pass\nc = C()\nc.me = c\ndel c\nxs = [str(i) * 3 for i in range(300)]\n" +
  "print(gc.collect(), gc.get_count(), [id(x) % 65536 for x in (1000, 'ab' * 3, [], xs)])\n";

function comparable() {
  const { result, heap } = runDetailed(program, { trace: "line", countObjects: true });
  const { wallMs, ...stats } = result.stats;
  void wallMs;
  return { ...result, stats, heap };
}

describe("the heap of a process's first run", () => {
  it("is put back before the next run, whether that run comes before the timer or after it", async () => {
    const first = comparable();
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/^1 /);
    // in the same synchronous stretch: no microtask or timer has run since the first run
    const second = comparable();
    expect(second).toEqual(first);
    await Promise.resolve();
    expect(comparable()).toEqual(first);
    await new Promise((r) => setTimeout(r, 250));
    for (let i = 0; i < 2; i++) expect(comparable()).toEqual(first);
  });
});
