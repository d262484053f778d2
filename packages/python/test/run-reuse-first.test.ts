// The first run of a process sets up its interpreter without capturing it (what a one-run CLI process or a
// page's first render would pay for nothing); an interpreter for reuse is set up after that run, in a
// timer, and the runs after it start from that one with the same results as the first.
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/run.js";
import { acquireInterpreter, releaseInterpreter } from "../src/heap-pool.js";
import type { VMHost } from "../src/vm/vm.js";

const program = "import gc\nclass C:\n    pass\nc = C()\nc.me = c\ndel c\nprint(gc.collect(), [id(x) % 65536 for x in (1000, 'ab' * 3, [])])\nprint('x', 'y', sep='-')\n";

const host: VMHost = {
  write() {},
  sourceLine: () => null,
  compile() {
    throw new Error("not used");
  },
};

function comparable() {
  const { result, heap } = runDetailed(program, { trace: "line", countObjects: true });
  const { wallMs, ...stats } = result.stats;
  void wallMs;
  return { ...result, stats, heap };
}

describe("the first run of a process", () => {
  it("leaves a reusable interpreter set up after it, and later runs match it", async () => {
    const first = comparable();
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/^1 /);
    // (a timer due after the pool's, made after it: it runs after the pool's)
    await new Promise((r) => setTimeout(r, 250));
    // the interpreter set up in the background is pooled: acquiring does not set one up
    const ready = acquireInterpreter(256 << 20, host, () => {
      throw new Error("expected an interpreter set up after the first run");
    });
    releaseInterpreter(ready.vm);
    await Promise.resolve();
    for (let i = 0; i < 3; i++) expect(comparable()).toEqual(first);
  });
});
