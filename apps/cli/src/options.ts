/**
 * The options every command shares, as a data table (flag, help text, parser), and the parsers that turn
 * their text into `RunOptions`. A parser throws `UsageError` with a message that names the option.
 */
import type { RunLimits, RunOptions } from "@pyheap/python";
import { UsageError } from "./errors.js";

/** Options as commander hands them over, after the parsers below. */
export interface SharedOptions {
  gcThreshold?: number[];
  maxSteps?: number;
  maxHeap?: number;
  timeout?: number;
  mode?: "script" | "repl";
}

/** One row of the option table. */
export interface OptionSpec {
  flags: string;
  description: string;
  parse?: (value: string) => unknown;
}

function positiveInt(option: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
      throw new UsageError(`${option} expects a positive whole number, got '${value}'`);
    }
    return Number(value);
  };
}

/** "700", "700,10" or "700,10,10": like gc.set_threshold's arguments. */
export function parseThreshold(value: string): number[] {
  const parts = value.split(",").map((p) => p.trim());
  if (parts.length < 1 || parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) {
    throw new UsageError(`--gc-threshold expects one to three whole numbers like 700,10,10, got '${value}'`);
  }
  return parts.map(Number);
}

const SIZE_UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** "1048576", "512K", "64M", "1G" (binary units). */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(value.trim());
  const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new UsageError(`--max-heap expects a size like 64M or 1048576, got '${value}'`);
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < 1) throw new UsageError(`--max-heap must be at least 1 byte, got '${value}'`);
  return bytes;
}

/** "500", "500ms", "2s", "1m": milliseconds. */
export function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(value.trim());
  if (!match) throw new UsageError(`--timeout expects a duration like 2s or 500ms, got '${value}'`);
  const factor = match[2] === "s" ? 1000 : match[2] === "m" ? 60_000 : 1;
  const ms = Math.round(Number(match[1]) * factor);
  if (ms < 1) throw new UsageError(`--timeout must be at least 1ms, got '${value}'`);
  return ms;
}

function parseMode(value: string): "script" | "repl" {
  if (value !== "script" && value !== "repl") throw new UsageError(`--mode expects script or repl, got '${value}'`);
  return value;
}

/** The options of every command that runs a program. */
export const SHARED_OPTIONS: OptionSpec[] = [
  { flags: "--gc-threshold <a,b,c>", description: "initial gc thresholds, as gc.set_threshold (default 700,10,10)", parse: parseThreshold },
  { flags: "--max-steps <n>", description: "stop after n bytecode instructions", parse: positiveInt("--max-steps") },
  { flags: "--max-heap <size>", description: "heap limit, e.g. 64M; past it the program gets MemoryError", parse: parseSize },
  { flags: "--timeout <duration>", description: "wall-time limit, e.g. 5s or 500ms", parse: parseDuration },
  { flags: "--mode <mode>", description: "script (one unit, like python3 FILE) or repl (each statement its own unit)", parse: parseMode },
];

/** Builds the interpreter's options from the shared ones. */
export function runOptionsFrom(options: SharedOptions, filename: string, extraLimits: RunLimits = {}): RunOptions {
  const limits: RunLimits = { ...extraLimits };
  if (options.maxSteps !== undefined) limits.maxSteps = options.maxSteps;
  if (options.maxHeap !== undefined) limits.maxHeapBytes = options.maxHeap;
  if (options.timeout !== undefined) limits.timeoutMs = options.timeout;
  // In REPL mode the program is typed at a prompt, as `python3 -i < FILE`: tracebacks say "<stdin>".
  const mode = options.mode ?? "script";
  const run: RunOptions = { mode, filename: mode === "repl" ? "<stdin>" : filename, limits };
  if (options.gcThreshold !== undefined) run.gcThreshold = options.gcThreshold as RunOptions["gcThreshold"];
  return run;
}
