// runStaged(): the trace before the teardown, the result after. What finish() returns must be what run()
// returns for the same program (output, exit status, outcome, stats, trace), whenever finish() is called,
// with other runs in between; and nothing of the teardown (a __del__ run at exit) happens before it.
import { describe, expect, it } from "vitest";
import { run, runStaged } from "../src/run.js";
import type { RunOptions, RunResult } from "../src/api-types.js";

const PROGRAMS: Record<string, string> = {
  cycle:
    "import gc\nclass Node:\n    def __init__(self, n):\n        self.n = n\n        self.peers = []\n" +
    "a, b = Node('a'), Node('b')\na.peers.append(b)\nb.peers.append(a)\ndel a, b\nprint(gc.collect() > 0)\n",
  // a finalizer the shutdown runs: its output comes from the teardown
  finalizerAtExit: "class D:\n    def __del__(self):\n        print('bye from', type(self).__name__)\nkeep = D()\nprint('end of program')\n",
  exception: "def f(x):\n    return 1 / x\nprint('before')\nf(0)\n",
  syntaxError: "print('a'\n",
  stepLimit: "i = 0\nwhile True:\n    i += 1\n",
  systemExit: "import sys\nprint('out')\nsys.exit(3)\n",
};

function comparable(r: RunResult): unknown {
  const { wallMs, ...stats } = r.stats;
  expect(wallMs).toBeGreaterThanOrEqual(0);
  return { ...r, stats };
}

const options = (name: string): RunOptions => ({ trace: "line", countObjects: true, ...(name === "stepLimit" ? { limits: { maxSteps: 2000 } } : {}) });

describe("runStaged", () => {
  it("gives the trace first and, from finish(), the result run() gives", async () => {
    for (const [name, source] of Object.entries(PROGRAMS)) {
      const staged = runStaged(source, options(name));
      expect(staged.trace, name).toBeDefined();
      // another run while this one waits for its teardown (it takes an interpreter of its own)
      const between = run(source, options(name));
      await new Promise((r) => setTimeout(r, 5));
      const result = staged.finish();
      expect(result.trace, name).toBe(staged.trace);
      expect(staged.finish(), name).toBe(result);
      const direct = run(source, options(name));
      expect(comparable(result), name).toEqual(comparable(direct));
      expect(comparable(between), name).toEqual(comparable(direct));
    }
  });

  it("runs nothing of the teardown before finish()", () => {
    const written: string[] = [];
    const staged = runStaged(PROGRAMS.finalizerAtExit!, { trace: "line", onStdout: (t) => written.push(t) });
    expect(written.join("")).toBe("end of program\n");
    const result = staged.finish();
    expect(written.join("")).toBe("end of program\nbye from D\n");
    expect(result.stdout).toBe("end of program\nbye from D\n");
    // the trace ends with the program: the finalizer's output is the result's only
    expect(staged.trace!.steps.map((s) => s.stdout).join("")).toBe("end of program\n");
    expect(result.stats.leaked).toBe(0);
  });

  it("runs untraced programs too (no trace, the same result)", () => {
    const staged = runStaged(PROGRAMS.cycle!);
    expect(staged.trace).toBeUndefined();
    expect(comparable(staged.finish())).toEqual(comparable(run(PROGRAMS.cycle!)));
  });
});
