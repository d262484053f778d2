/**
 * `pyheap trace` for a terminal: one block per executed line (or instruction) with its source, the names
 * it bound and the objects behind them, objects it changed, and the events it caused.
 */
import type { Trace } from "@pyheap/python";
import type { Colors } from "./colors.js";
import { eventText } from "./events.js";
import { generationText, quoted, shortId } from "./format.js";
import { walkTrace } from "./heap-state.js";
import type { HeapObject } from "@pyheap/python";

export interface TraceTextOptions {
  from?: number;
  to?: number;
  colors: Colors;
}

function describeObject(obj: HeapObject, c: Colors): string {
  return `${c.cyan(obj.type)} ${c.dim(shortId(obj.id))}  rc ${obj.refcount}  ${generationText(obj)}  ${obj.size} B  ${obj.repr}`;
}

/** Renders the steps of `trace` in [from, to] (0-based, inclusive) as text lines. */
export function* traceText(trace: Trace, options: TraceTextOptions): Generator<string> {
  const c = options.colors;
  const lines = trace.source.split("\n");
  const from = options.from ?? 0;
  const to = options.to ?? Number.POSITIVE_INFINITY;
  for (const effects of walkTrace(trace)) {
    const { step } = effects;
    if (step.index < from) continue;
    if (step.index > to) break;
    const source = (lines[step.line - 1] ?? "").trim();
    const where = step.frames.length > 1 ? ` in ${step.frames[step.frames.length - 1]!.name}` : "";
    const instr = step.instruction ? `  ${c.magenta(step.instruction.opname)}${step.instruction.arg !== undefined ? ` ${step.instruction.arg}` : ""}` : "";
    yield `${c.bold(`step ${step.index}`)}  ${c.yellow(`line ${step.line}`)}${where}  ${source}${instr}`;
    for (const change of effects.bindings) {
      if (change.after) {
        const verb = change.before ? "rebound to" : "bound to";
        yield `    ${c.green(change.name)} ${verb} ${describeObject(change.after, c)}`;
      } else {
        yield `    ${c.red(change.name)} unbound`;
      }
    }
    const named = new Set(effects.bindings.map((b) => b.after?.serial));
    for (const { before, after } of effects.changed) {
      if (after.immortalish || named.has(after.serial)) continue;
      const what: string[] = [];
      if (before.refcount !== after.refcount) what.push(`rc ${before.refcount}→${after.refcount}`);
      if (before.generation !== after.generation) what.push(`${generationText(before)}→${generationText(after)}`);
      if (before.repr !== after.repr) what.push(`now ${after.repr}`);
      if (before.size !== after.size) what.push(`${before.size}→${after.size} B`);
      if (what.length > 0) yield `    ${c.dim("~")} ${after.type} ${c.dim(shortId(after.id))}: ${what.join(", ")}`;
    }
    for (const event of effects.events) {
      const text = eventText(event);
      if (text !== undefined) yield `    ${c.dim("·")} ${text}`;
    }
    if (effects.stdout) yield `    ${c.dim("stdout")} ${quoted(effects.stdout)}`;
    if (effects.stderr) yield `    ${c.dim("stderr")} ${quoted(effects.stderr)}`;
  }
  const o = trace.outcome;
  const end =
    o.status === "ok"
      ? "finished normally"
      : o.status === "exception"
        ? `ended with ${o.type}: ${o.message}`
        : o.status === "syntax-error"
          ? `syntax error at line ${o.line}: ${o.message}`
          : `stopped by the ${o.limit} limit: ${o.message}`;
  yield c.bold(`${trace.steps.length} steps; ${end}`);
}
