/**
 * The heap limit as CPython meets a memory limit: an allocation past it raises MemoryError where it
 * happens, which the program can catch and go on from. The oracle is python3 under an address-space
 * limit (`ulimit -v`), where malloc fails the same way; its output names no sizes, so both agree.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { PYTHON } from "./cpython.js";

const dir = mkdtempSync(join(tmpdir(), "pyheap-memerr-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** python3 on `source` with its address space limited to `kib` KiB (stdout, stderr without the folder). */
function limitedPython(name: string, source: string, kib: number): { stdout: string; stderr: string; status: number } {
  writeFileSync(join(dir, name), source);
  const r = spawnSync("bash", ["-c", `ulimit -v ${kib}; exec "$0" "$1"`, PYTHON, name], { cwd: dir, encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr.split(dir + "/").join(""), status: r.status ?? -1 };
}

const CASES: [string, string][] = [
  ["one large allocation", "try:\n    x = [0] * 10**8\nexcept MemoryError as e:\n    print('caught', repr(e), e.args)\nprint('after')\n"],
  [
    "the frame that filled the heap is gone when the handler runs",
    "def fill():\n    chunks = []\n    while True:\n        chunks.append(bytes(10000))\nfor i in range(3):\n    try:\n        fill()\n    except MemoryError:\n        print('round', i)\nprint('done')\n",
  ],
  [
    "caught as an Exception, in a tuple, and in finally",
    "def f():\n    try:\n        return [None] * 10**8\n    finally:\n        print('finally')\nfor t in (Exception, (KeyError, MemoryError)):\n    try:\n        f()\n    except t as e:\n        print(type(e).__name__)\n",
  ],
  ["uncaught", "print('start')\ndata = []\nwhile True:\n    data.append(list(range(100)))\n"],
];

describe("MemoryError at the heap limit", () => {
  for (const [name, source] of CASES) {
    it(name, () => {
      const fname = name.replace(/\W+/g, "-") + ".py";
      const want = limitedPython(fname, source, 100_000);
      const { result, heap } = runDetailed(source, { filename: fname, limits: { maxHeapBytes: 8 << 20 } });
      expect(result.stdout).toBe(want.stdout);
      expect(result.stderr).toBe(want.stderr);
      expect(result.exitCode).toBe(want.status);
      expect(heap.leaked).toEqual([]);
      expect(heap.check).toEqual({ ok: true });
      if (want.status === 0) expect(result.outcome).toEqual({ status: "ok" });
      else expect(result.outcome).toEqual({ status: "limit", limit: "heap", message: "heap limit exceeded" });
    });
  }
});
