import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { constants } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { inTempDir, PYTHON } from "./cpython.js";

/** python3 as a shell sees it: a run killed by a signal reports 128 + the signal's number. */
function python3(name: string, source: string): { stdout: string; stderr: string; status: number } {
  return inTempDir("pyheap-kbi-", (dir) => {
    writeFileSync(join(dir, name), source);
    const r = spawnSync(PYTHON, [name], { cwd: dir, encoding: "utf8", env: { ...process.env, PYTHONUNBUFFERED: "1" } });
    const status = r.status ?? 128 + constants.signals[r.signal as keyof typeof constants.signals];
    return { stdout: r.stdout, stderr: r.stderr.split(dir + "/").join(""), status };
  });
}

describe("exit status of an uncaught KeyboardInterrupt", () => {
  it.each([
    ["raised directly", 'print("start")\nraise KeyboardInterrupt\n'],
    ["a subclass (status 1), after a finally block", 'class Stop(KeyboardInterrupt):\n    pass\ntry:\n    raise Stop("halt")\nfinally:\n    print("cleanup")\n'],
    ["caught and handled (status 0)", 'try:\n    raise KeyboardInterrupt\nexcept KeyboardInterrupt:\n    print("interrupted")\n'],
  ])("%s: the same output and status as python3 seen from a shell (130 for KeyboardInterrupt itself: it ends by SIGINT)", (_, source) => {
    const want = python3("kbi.py", source);
    const { result, heap } = runDetailed(source, { filename: "kbi.py" });
    expect(result.stdout).toBe(want.stdout);
    expect(result.stderr).toBe(want.stderr);
    expect(result.exitCode).toBe(want.status);
    expect(heap.leaked).toEqual([]);
  });
});
