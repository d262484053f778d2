/**
 * python3 as the oracle of the VM tests: a snippet written to a file in a temporary folder and run as a
 * script, the way the corpus runs its cases (the folder is taken out of tracebacks, so they name the bare
 * file as pyheap's do).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { runDetailed } from "../src/index.js";

/** The real interpreter behind the `python3` on PATH (a pyenv shim costs a start-up per call). */
export const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();

export interface CPythonResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** `body` given a fresh temporary folder named after `prefix`, which is removed afterwards whatever happens. */
export function inTempDir<T>(prefix: string, body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A runner that writes each snippet to `name` in a temporary folder of its own and runs it with python3. */
export function cpythonRunner(prefix: string): (name: string, source: string, env?: Record<string, string>) => CPythonResult {
  return (name, source, env = {}) =>
    inTempDir(prefix, (dir) => {
      writeFileSync(join(dir, name), source);
      const r = spawnSync(PYTHON, [name], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1", ...env },
      });
      return { stdout: r.stdout, stderr: r.stderr.split(dir + "/").join(""), status: r.status ?? -1 };
    });
}

/**
 * The wall-time limit of the runs below unless a test gives one: far past any test's program, which the
 * step limit (10 000 000 by default) bounds anyway. run()'s own default of 10 s is not what these tests
 * check, and a loaded machine can reach it (the heapq course test did so under load).
 */
const WALL_MS = 600_000;

/**
 * Runs `source` in python3 (through `cpython`) and in runDetailed() under the same file name: the same
 * stdout, stderr and exit status, and a heap with no leak that passes its invariant check. `timeoutMs`:
 * the run's wall-time limit (WALL_MS by default).
 */
export function expectSameAsPython(cpython: ReturnType<typeof cpythonRunner>, name: string, source: string, maxNameLength = Infinity, timeoutMs?: number): void {
  const fname = name.replace(/\W+/g, "-").slice(0, maxNameLength) + ".py";
  const want = cpython(fname, source);
  const { result, heap } = runDetailed(source, { filename: fname, limits: { timeoutMs: timeoutMs ?? WALL_MS } });
  expect(result.stdout).toBe(want.stdout);
  expect(result.stderr).toBe(want.stderr);
  expect(result.exitCode).toBe(want.status);
  expect(heap.leaked).toEqual([]);
  expect(heap.check).toEqual({ ok: true });
}

/** The source of one of the project's own corpus cases (`corpus/cases/PATH`), for a test that checks that
 *  program against python3 directly instead of keeping a copy of it. */
export function corpusCase(path: string): string {
  return readFileSync(new URL(`../../../corpus/cases/${path}`, import.meta.url), "utf8");
}

/**
 * `source` in python3 and in runDetailed() untraced and line-traced: the same stdout and stderr both ways
 * (python3 must end with status 0), no leak, a heap that passes its invariant check. `timeoutMs`: run()'s
 * wall-clock limit for each run (WALL_MS by default).
 */
export function expectSameAsPythonBothTraces(cpython: ReturnType<typeof cpythonRunner>, name: string, source: string, timeoutMs?: number): void {
  const fname = name.replace(/\W+/g, "-") + ".py";
  const want = cpython(fname, source);
  expect(want.status).toBe(0);
  for (const trace of ["none", "line"] as const) {
    const { result, heap } = runDetailed(source, { filename: fname, trace, limits: { maxTraceSteps: 1e6, timeoutMs: timeoutMs ?? WALL_MS } });
    expect(result.stdout).toBe(want.stdout);
    expect(result.stderr).toBe(want.stderr);
    expect(heap.leaked).toEqual([]);
    expect(heap.check).toEqual({ ok: true });
  }
}

/**
 * python3's stderr without the traceback entries of files whose path matches `file` (each entry: its
 * `File` line and the indented source and caret lines under it): for modules that are Python code in
 * python3 and whose frames pyheap leaves out of a printed traceback (vm/exc-format.ts).
 */
export function withoutFramesOf(stderr: string, file: RegExp): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of stderr.split("\n")) {
    if (line.startsWith('  File "')) skipping = file.test(line);
    else if (!line.startsWith("    ")) skipping = false;
    if (!skipping) out.push(line);
  }
  return out.join("\n");
}
