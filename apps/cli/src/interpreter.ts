/**
 * The one door to the interpreter: `run` of `@pyheap/python` (and, for the REPL, how its REPL mode cuts
 * input into statements), loaded when a command first needs it (so `--help` and usage errors stay instant).
 */
import type { InteractiveChunk, RunOptions, RunResult } from "@pyheap/python";

export type RunFunction = (source: string, options: RunOptions) => RunResult;

/** The interpreter's `run` (the package is imported on first use). */
export async function loadRun(): Promise<RunFunction> {
  const { run } = await import("@pyheap/python");
  return run;
}

export type SplitFunction = (input: string) => InteractiveChunk[];

/** How the interpreter's REPL mode cuts typed text into statements (the same cut decides the prompts). */
export async function loadSplit(): Promise<SplitFunction> {
  const { splitInteractive } = await import("@pyheap/python");
  return splitInteractive;
}
