/**
 * `pyheap run FILE|-`: run a program like `python3 FILE` (same stdout, stderr, exit status) and, with
 * `--memory`, summarise on stderr what it did to the heap.
 */
import type { RunResult } from "@pyheap/python";
import { INTERRUPTED_STATUS, loadRun } from "../interpreter.js";
import { runOptionsFrom, type SharedOptions } from "../options.js";
import { colorsFor } from "../render/colors.js";
import { memorySummary } from "../render/memory.js";
import { readProgram } from "../source.js";

export interface RunCommandOptions extends SharedOptions {
  memory?: boolean;
}

/** Writes what the program printed that was not streamed yet, then a limit note if the run was stopped. */
export function finishOutput(result: RunResult, streamed: { stdout: number; stderr: number }): void {
  if (result.stdout.length > streamed.stdout) process.stdout.write(result.stdout.slice(streamed.stdout));
  if (result.stderr.length > streamed.stderr) process.stderr.write(result.stderr.slice(streamed.stderr));
  const o = result.outcome;
  if (o.status === "limit" && !result.stderr.includes(o.message)) process.stderr.write(`pyheap: ${o.message}\n`);
}

/** Runs the command; returns the exit status. */
export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  const program = readProgram(file);
  const run = await loadRun();
  const streamed = { stdout: 0, stderr: 0 };
  const result = await run(program.source, {
    ...runOptionsFrom(options, program.filename),
    // the per-type counts read the heap's event ring, which costs time: only when they are shown
    countObjects: options.memory === true,
    onStdout(text) {
      streamed.stdout += text.length;
      process.stdout.write(text);
    },
    onStderr(text) {
      streamed.stderr += text.length;
      process.stderr.write(text);
    },
  });
  finishOutput(result, streamed);
  if (options.memory) process.stderr.write(`${memorySummary(result.stats, colorsFor(process.stderr)).join("\n")}\n`);
  return result.interrupted ? INTERRUPTED_STATUS : result.exitCode;
}
