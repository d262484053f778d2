/**
 * The one door to the interpreter: `run` of `@pyheap/python`, loaded when a command first needs it
 * (so `--help` and usage errors stay instant).
 */
import type { RunOptions, RunResult } from "@pyheap/python";
import { InterpreterError } from "./errors.js";

export type RunFunction = (source: string, options: RunOptions) => RunResult;

let cached: RunFunction | undefined;

/** The interpreter's `run`; throws `InterpreterError` when this build does not provide it. */
export async function loadRun(): Promise<RunFunction> {
  if (cached) return cached;
  const python = (await import("@pyheap/python")) as unknown as { run?: RunFunction };
  if (typeof python.run !== "function") throw new InterpreterError("this build of @pyheap/python does not provide run()");
  cached = python.run;
  return cached;
}
