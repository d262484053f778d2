/**
 * The one door to the interpreter: `run` of `@pyheap/python`, loaded when a command first needs it
 * (so `--help` and usage errors stay instant).
 */
import type { RunOptions, RunResult } from "@pyheap/python";

export type RunFunction = (source: string, options: RunOptions) => RunResult;

/** The interpreter's `run` (the package is imported on first use). */
export async function loadRun(): Promise<RunFunction> {
  const { run } = await import("@pyheap/python");
  return run;
}
