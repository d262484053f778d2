/** Helpers of the trace tests: python3 as the oracle, and small queries on traces. */
import { execFileSync } from "node:child_process";
import type { FrameView, HeapObject, Trace, TraceStep } from "../src/index.js";
import { Session } from "../src/index.js";

/** Runs `code` with the real python3 and parses the JSON it prints last. */
export function python3Json<T>(code: string): T {
  const out = execFileSync("python3", ["-c", code], { encoding: "utf8" });
  const lines = out.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** The binding of `name` in the innermost frame that has it. */
export function binding(step: TraceStep, name: string): FrameView["locals"][number] | undefined {
  for (let i = step.frames.length - 1; i >= 0; i--) {
    const l = step.frames[i]!.locals.find((x) => x.name === name);
    if (l) return l;
  }
  return undefined;
}

/** The first step about to run `line` (its heap is the state after the lines before it ran). */
export function stepAtLine(trace: Trace, line: number): number {
  const i = trace.steps.findIndex((s) => s.line === line);
  if (i < 0) throw new Error(`no step at line ${line}`);
  return i;
}

/** The object bound to `name` at step `i`, materialised. */
export function objectAt(trace: Trace, i: number, name: string): HeapObject {
  const session = new Session(trace);
  const view = session.step(i);
  const b = binding(view.step, name);
  if (!b) throw new Error(`${name} is not bound at step ${i}`);
  const o = view.heap.get(b.serial);
  if (!o) throw new Error(`${name} (serial ${b.serial}) is not in the heap at step ${i}`);
  return o;
}
