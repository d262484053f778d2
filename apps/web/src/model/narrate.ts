/**
 * Words for a step: the sentence the ARIA live region reads, and the list of what happened in it.
 *
 * A line step is taken when a line is about to run; its events and delta are what happened since the
 * previous step, i.e. while the previous step's line ran. Pure functions over the trace schema.
 */
import type { HeapObject, RunOutcome, Trace, TraceEvent, TraceStep } from "@pyheap/python";
import { shortId } from "./graph.js";
import type { HeapMap } from "./heap-at.js";

/** One thing that happened in a step, ready to show: a kind for styling and a sentence. */
export interface StepEventView {
  kind: "allocated" | "freed" | "collected" | "promoted" | "gc" | "finalizer" | "exception" | "untracked";
  serials: number[];
  text: string;
}

function pluralize(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Turns a step's events into short sentences, with the serials of the objects they concern. */
export function describeEvents(step: TraceStep, heap: HeapMap): StepEventView[] {
  const out: StepEventView[] = [];
  const reprOf = (serial: number, type: string): string => {
    const o = heap.get(serial);
    return o ? `${type} ${o.repr}` : type;
  };
  for (const e of step.events as TraceEvent[]) {
    switch (e.kind) {
      case "alloc":
        out.push({ kind: "allocated", serials: [e.serial], text: `allocated ${reprOf(e.serial, e.type)} at ${shortId(e.id)} (${e.size} bytes)` });
        break;
      case "free":
        out.push({
          kind: e.by === "gc" ? "collected" : "freed",
          serials: [e.serial],
          text: e.by === "gc" ? `collected ${e.type} ${shortId(e.id)}` : `freed ${e.type} ${shortId(e.id)} (refcount reached 0)`,
        });
        break;
      case "gc-start":
        out.push({ kind: "gc", serials: [], text: `collection of generation ${e.generation} started (counts ${e.counts.join("/")})` });
        break;
      case "gc-end":
        out.push({
          kind: "gc",
          serials: [],
          text: `collection of generation ${e.generation} ended: ${pluralize(e.collected, "object")} collected${e.uncollectable ? `, ${e.uncollectable} uncollectable` : ""}`,
        });
        break;
      case "promote":
        out.push({ kind: "promoted", serials: e.ids.map((i) => i.serial), text: `${pluralize(e.ids.length, "object")} promoted from generation ${e.from} to ${e.to}` });
        break;
      case "untrack":
        out.push({ kind: "untracked", serials: [e.serial], text: `${e.type} ${shortId(e.id)} untracked by the collector` });
        break;
      case "finalizer":
        out.push({ kind: "finalizer", serials: [e.serial], text: `__del__ ran on ${e.type} ${shortId(e.id)}` });
        break;
      case "exception":
        out.push({ kind: "exception", serials: [], text: `${e.type}: ${e.message} (line ${e.line})` });
        break;
      case "gc-phase":
      case "weakref-callback":
        break;
    }
  }
  return out;
}

/** The reason a run stopped, in one sentence; null when it ended normally. */
export function describeOutcome(outcome: RunOutcome): string | null {
  switch (outcome.status) {
    case "ok":
      return null;
    case "exception":
      return `The program raised ${outcome.type}: ${outcome.message}`;
    case "syntax-error":
      return `SyntaxError at line ${outcome.line}, column ${outcome.column}: ${outcome.message}`;
    case "limit":
      return `Stopped at the ${outcome.limit} limit: ${outcome.message}. The trace up to that point is shown.`;
  }
}

/** The objects named directly by the innermost frame, as "name = type id refcount". */
function namedObjects(step: TraceStep, heap: HeapMap): string[] {
  const frame = step.frames[step.frames.length - 1];
  if (!frame) return [];
  return frame.locals
    .filter((l) => !(l.name.startsWith("__") && l.name.endsWith("__")))
    .map((l) => {
      const o: HeapObject | undefined = heap.get(l.serial);
      if (!o) return null;
      return o.immortalish ? `${l.name} is the shared ${o.type} ${o.repr}` : `${l.name} is ${o.type} ${shortId(o.id)} with refcount ${o.refcount}`;
    })
    .filter((s): s is string => s !== null);
}

/**
 * The sentence read out when the reader arrives at `index`: where we are, what the previous line did,
 * and (at the last step) how the run ended.
 */
export function narrateStep(trace: Trace, index: number, heap: HeapMap): string {
  const step = trace.steps[index];
  if (!step) return "No steps to show.";
  const lines = trace.source.split("\n");
  const text = (lines[step.line - 1] ?? "").trim();
  const parts = [`Step ${index + 1} of ${trace.steps.length}, line ${step.line}${text ? `: ${text}` : ""}.`];
  const events = describeEvents(step, heap);
  if (events.length > 0) parts.push(`${capitalize(events.map((e) => e.text).join("; "))}.`);
  const named = namedObjects(step, heap);
  if (named.length > 0) parts.push(`Names: ${named.slice(0, 4).join(", ")}.`);
  if (index === trace.steps.length - 1) {
    parts.push(describeOutcome(trace.outcome) ?? "The program finished.");
  }
  return parts.join(" ");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * What of stderr the output panel shows. At the interactive prompt CPython writes its ">>> " and "... "
 * prompts to stderr; they say nothing about the program, so in REPL mode they are left out.
 */
export function visibleStderr(stderr: string, mode: "script" | "repl"): string {
  if (mode !== "repl") return stderr;
  return stderr.replace(/(?:>>> |\.\.\. )+/g, "").replace(/^\s*\n/gm, "");
}
