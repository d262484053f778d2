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

/** A note on stderr when a limit stopped the run and the program's own output does not say so. */
function limitNote(result: Pick<RunResult, "outcome" | "stderr">): void {
  const o = result.outcome;
  if (o.status === "limit" && !result.stderr.includes(o.message)) process.stderr.write(`pyheap: ${o.message}\n`);
}

/** Runs the command; returns the exit status. */
export async function runCommand(file: string, options: RunCommandOptions): Promise<number> {
  const program = readProgram(file);
  const run = await loadRun();
  // the worker writes the program's output itself, as it is written (see RunFunction)
  const result = await run(
    program.source,
    {
      // like python3, no step or time limit unless asked for (Ctrl-C stops a run)
      ...runOptionsFrom(options, program.filename, { maxSteps: Infinity, timeoutMs: Infinity }),
      // the per-type counts read the heap's event ring, which costs time: only when they are shown
      countObjects: options.memory === true,
    },
    undefined,
    true,
    // input() reads this process's stdin, unless the program itself came from there
    file !== "-",
  );
  limitNote(result);
  if (options.memory) process.stderr.write(`${memorySummary(result.stats, colorsFor(process.stderr)).join("\n")}\n`);
  return result.interrupted ? INTERRUPTED_STATUS : result.exitCode;
}
