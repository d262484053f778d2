/**
 * RunOptions.interrupt: a run whose flag becomes non-zero ends as its time limit ends it (limit "time",
 * "run interrupted"), with the output and trace up to that point kept — in the eval loop, and inside
 * builtins that handle many items in one instruction. The flag is set from the output callback, so the
 * stop happens at a known point of the program.
 */
import { describe, expect, it } from "vitest";
import { run, type RunOptions } from "../src/index.js";
import { runDetailed } from "../src/run.js";

/** A flag on shared memory, set when the program first writes `marker` to stdout. */
function flagOn(marker: string): { flag: Int32Array; options: Pick<RunOptions, "interrupt" | "onStdout"> } {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  return {
    flag,
    options: {
      interrupt: flag,
      onStdout: (text) => {
        if (text.includes(marker)) Atomics.store(flag, 0, 1);
      },
    },
  };
}

/** Limits that cannot end these programs first (no wall time to speak of, a step limit as a backstop). */
const limits = { timeoutMs: 3_600_000, maxSteps: 30_000_000 };
const interrupted = { status: "limit", limit: "time", message: "run interrupted" };

describe("run() interrupt", () => {
  it("stops a tight loop, keeping the output so far", () => {
    const { options } = flagOn("go");
    const r = run("print('go')\nwhile True:\n    pass\n", { ...options, limits });
    expect(r.outcome).toEqual(interrupted);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("go\n");
    // the loop checks the flag every 4096 instructions
    expect(r.stats.steps).toBeLessThan(2 * 4096 + 100);
  });

  it("stops a loop inside a function called from a loop, at most 4096 instructions after the flag", () => {
    const { options } = flagOn("3");
    const src = "def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\nk = 0\nwhile True:\n    k += 1\n    print(k)\n    f(10)\n";
    const r = run(src, { ...options, limits });
    expect(r.outcome).toEqual(interrupted);
    const printed = r.stdout.trim().split("\n").map(Number);
    expect(printed.slice(0, 3)).toEqual([1, 2, 3]);
    // each round is ~70 instructions: the next check after the flag comes within 4096 of them
    expect(printed.length).toBeLessThan(3 + 4096 / 50);
  });

  // Each program writes "go" and then spends one instruction building something huge from many items
  // (without the flag each one finishes, with outcome ok, well within the step limit).
  const longBuiltins: [string, string][] = [
    ["list repetition", "x = [0, 1] * 30_000_000"],
    ["tuple repetition", "x = (0,) * 50_000_000"],
    ["str repetition", "x = 'ab' * 100_000_000"],
    ["bytes repetition", "x = b'abc' * 80_000_000"],
    ["list() of a range", "x = list(range(20_000_000))"],
    ["tuple() of a range", "x = tuple(range(20_000_000))"],
    ["str.join of a list", "L = ['a'] * 3_000_000\nprint('go')\nx = ''.join(L)"],
    ["bytes.join of a list", "B = [b'a'] * 3_000_000\nprint('go')\nx = b''.join(B)"],
    ["list.sort of a shuffled list", "L = list(map((300_007).__rmod__, map((7919).__mul__, range(300_007))))\nprint('go')\nL.sort()"],
    ["sum() of a range", "x = sum(range(20_000_000))"],
    ["any() of a range", "x = any(map((0).__mul__, range(20_000_000)))"],
    ["sorted() with a key of a builtin", "L = list(range(2_000_000))\nprint('go')\nx = sorted(L, key=abs)"],
  ];
  for (const [name, line] of longBuiltins) {
    it(`stops a ${name} inside its one instruction`, () => {
      const { options } = flagOn("go");
      const src = line.includes("print('go')") ? line : `print('go')\n${line}`;
      const r = runDetailed(`${src}\nprint('done')\n`, { ...options, limits }).result;
      expect(r.outcome).toEqual(interrupted);
      expect(r.stdout).toBe("go\n");
      // a handful of instructions ran: the stop came from inside the builtin, not from the eval loop
      expect(r.stats.steps).toBeLessThan(4096);
      // what the builtin had built is released with the heap: nothing leaks
      expect(r.stats.leaked).toBe(0);
    });
  }

  it("the same programs finish when the flag stays zero", () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const src = "x = list(range(200_000))\ny = 'ab' * 200_000\nz = ''.join(['a'] * 200_000)\nw = sorted([(i * 7919) % 200_003 for i in range(200_003)])\nprint(len(x), len(y), len(z), w[:3], w[-1])\n";
    const r = run(src, { interrupt: flag, limits });
    expect(r.outcome).toEqual({ status: "ok" });
    expect(r.stdout).toBe("200000 400000 200000 [0, 1, 2] 200002\n");
  });

  it("stops a traced run, keeping the trace up to that point with the same outcome", () => {
    const { options } = flagOn("500");
    const src = "i = 0\nwhile True:\n    i += 1\n    if i % 500 == 0:\n        print(i)\n";
    const r = run(src, { ...options, limits: { ...limits, maxTraceSteps: 1_000_000 }, trace: "line" });
    expect(r.outcome).toEqual(interrupted);
    expect(r.trace).toBeDefined();
    const trace = r.trace!;
    expect(trace.outcome).toEqual(interrupted);
    // the steps recorded before the stop, the print that set the flag among them
    expect(trace.steps.length).toBeGreaterThan(1500);
    expect(trace.steps.map((s) => s.stdout).join("")).toBe(r.stdout);
    expect(r.stdout.startsWith("500\n")).toBe(true);
    // the next check comes within 4096 instructions (~7 per round): at most a couple more prints
    expect(r.stdout.trim().split("\n").length).toBeLessThanOrEqual(3);
    expect(trace.steps.every((s, k) => s.index === k)).toBe(true);
  });

  it("a flag already set stops the run at its first check; the interpreter's next run is unaffected", () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(flag, 0, 7);
    const r = run("for i in range(10_000):\n    pass\nprint('unreached')\n", { interrupt: flag, limits });
    expect(r.outcome).toEqual(interrupted);
    expect(r.stdout).toBe("");
    const next = run("for i in range(10_000):\n    pass\nprint('reached')\n", { limits });
    expect(next.outcome).toEqual({ status: "ok" });
    expect(next.stdout).toBe("reached\n");
  });
});
