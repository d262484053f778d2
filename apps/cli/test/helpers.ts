// Spawns the built `pyheap` command the way a user runs it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pyheap ARGS` with optional stdin; colours off unless the test sets FORCE_COLOR. */
export function pyheap(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Ran {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.FORCE_COLOR;
  if (options.env?.FORCE_COLOR) env.FORCE_COLOR = options.env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? "",
    env,
    encoding: "utf8",
    cwd: options.cwd,
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const madeDirs: string[] = [];
afterAll(() => {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed when the test file's tests are done. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "pyheap-cli-"));
  madeDirs.push(dir);
  return dir;
}

/** Writes `source` to a fresh temporary file and returns its path. */
export function program(source: string, name = "prog.py"): string {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

/** A stack trace of ours (a JavaScript frame) in some output. */
export const JS_STACK = /\n\s+at .*\.(js|ts|mjs):\d+/;
