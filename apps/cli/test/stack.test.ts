// `pyheap run` runs the interpreter in a thread with a 4 MB stack: recursion through builtins reaches
// python3's depths (on the main thread's 1 MB stack a RecursionError came far sooner), and what the
// program writes to stdout and stderr keeps python3's order when both go to one pipe.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, JS_STACK, program, pyheap } from "./helpers.js";

const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
const UNBUFFERED = { ...process.env, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8", NO_COLOR: "1" };

/** python3 on `file` from its folder, stdout unbuffered (as pyheap writes), both streams as one: `2>&1`. */
function pythonMerged(file: string): { status: number | null; output: string } {
  const r = spawnSync("sh", ["-c", `${JSON.stringify(PYTHON)} ${JSON.stringify(basename(file))} 2>&1`], { cwd: dirname(file), encoding: "utf8", env: UNBUFFERED });
  return { status: r.status, output: r.stdout };
}

function pyheapMerged(file: string): { status: number | null; output: string } {
  const r = spawnSync("sh", ["-c", `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} run ${JSON.stringify(basename(file))} 2>&1`], {
    cwd: dirname(file),
    encoding: "utf8",
    env: UNBUFFERED,
  });
  return { status: r.status, output: r.stdout };
}

// The deepest nesting each operation takes before RecursionError, found by bisection.
const DEPTHS = `
def deepest(f):
    lo, hi = 1, 3000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            f(mid)
            lo = mid
        except RecursionError:
            hi = mid - 1
    return lo

def nested(n):
    x = []
    for _ in range(n):
        x = [x]
    return x

def sort_down(n):
    return 0 if n == 0 else sorted([n], key=lambda v: sort_down(n - 1))[0]

class R:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "R" if self.n == 0 else repr(R(self.n - 1))

print("repr of nested lists", deepest(lambda n: repr(nested(n))))
print("== of nested lists", deepest(lambda n: nested(n) == nested(n)))
print("< of nested lists", deepest(lambda n: nested(n) < [nested(n)]))
def nested_dict(n):
    d = {}
    for _ in range(n):
        d = {1: d}
    return d

print("str of nested dicts", deepest(lambda n: str(nested_dict(n))))
print("sorted(key=...)", deepest(sort_down))
print("__repr__ calling repr", deepest(lambda n: repr(R(n))))
`;

describe("recursion depth", () => {
  it("repr, ==, <, str and sorted(key=...) of nested data go as deep as in python3", () => {
    const file = program(DEPTHS, "depths.py");
    const expected = spawnSync(PYTHON, [file], { encoding: "utf8", env: UNBUFFERED });
    expect(expected.status).toBe(0);
    const got = pyheap(["run", "--timeout", "120s", file]);
    expect(got.stderr).toBe("");
    expect(got.stdout).toBe(expected.stdout);
    expect(got.status).toBe(0);
  }, 180_000);

  it("pyheap trace runs in the same thread: a nested list as deep as python3 takes is traced", () => {
    const file = program("x = []\nfor _ in range(990):\n    x = [x]\nprint(len(repr(x)))\n", "deep-trace.py");
    const expected = spawnSync(PYTHON, [file], { encoding: "utf8" });
    expect(expected.stdout).toBe("1982\n");
    const r = pyheap(["trace", file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`stdout ${JSON.stringify(expected.stdout)}`);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/steps; finished normally$/);
  });
});

describe("stdout and stderr in one pipe (2>&1) keep python3's order", () => {
  const cases: Record<string, string> = {
    "prints to both, then a traceback": [
      "import sys",
      "print('out 1')",
      "print('err 1', file=sys.stderr)",
      "print('out 2', end='')",
      "sys.stderr.write('err 2\\n')",
      "print(' out 3')",
      "def f():",
      "    print('in f')",
      "    raise ValueError('bad')",
      "f()",
    ].join("\n"),
    "a warning between prints": [
      "import warnings",
      "print('before')",
      "warnings.warn('careful')",
      "print('after')",
    ].join("\n"),
    "exit status and output of sys.exit with a message": ["print('going')", "import sys", "sys.exit('stopped here')"].join("\n"),
  };
  for (const [name, source] of Object.entries(cases)) {
    it(name, () => {
      const file = program(`${source}\n`, "order.py");
      const expected = pythonMerged(file);
      const got = pyheapMerged(file);
      expect(got.output).toBe(expected.output);
      expect(got.status).toBe(expected.status);
    });
  }
});

describe("Ctrl-C", () => {
  it("stops a running program: what it printed, then 'run interrupted', status 130 (python3's after KeyboardInterrupt)", async () => {
    const file = program("print('started', flush=True)\nwhile True:\n    pass\n", "loop.py");
    const child = spawn(process.execPath, [BIN, "run", "--timeout", "10m", "--max-steps", "1000000000000", file], { env: UNBUFFERED });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((resolve) => {
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes("started\n")) child.kill("SIGINT");
      });
      child.on("close", (code) => resolve(code));
    });
    expect(stdout).toBe("started\n");
    expect(stderr).toBe("pyheap: run interrupted\n");
    expect(stderr).not.toMatch(JS_STACK);
    expect(status).toBe(130);
  });
});

describe("a reader that goes away", () => {
  it("pyheap run prog | head -1: pyheap ends quietly with status 0 once stdout's reader is gone", async () => {
    const file = program("while True:\n    print('y')\n", "yes.py");
    const child = spawn(process.execPath, [BIN, "run", "--timeout", "10m", "--max-steps", "1000000000000", file], { env: UNBUFFERED });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const first = await new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(d.toString())));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(first).toMatch(/^y\n/);
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });
});
