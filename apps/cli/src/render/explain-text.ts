/**
 * `pyheap explain`: the run told in plain sentences, one paragraph per line that did something worth
 * saying — what a name now points to, whether an object changed in place or a new one was made, when a
 * refcount fell to zero, and why the collector ran.
 */
import type { HeapObject, Trace, TraceEvent } from "@pyheap/python";
import { generationText, plural, shortId } from "./format.js";
import { walkTrace, type LineEffects } from "./heap-state.js";

function ordinal(n: number): string {
  const rem100 = n % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

function obj(o: HeapObject): string {
  return `${o.type} ${shortId(o.id)}`;
}

function bindingSentences(effects: LineEffects): string[] {
  const out: string[] = [];
  const freed = new Set(effects.freed.map((o) => o.serial));
  const created = new Set(effects.created.map((o) => o.serial));
  for (const change of effects.bindings) {
    const { name, before, after } = change;
    // Comprehension and generator-expression variables change every iteration: not worth a sentence each.
    if (change.frame !== "<module>" && change.frame.startsWith("<")) continue;
    if (!after) {
      if (!before) continue;
      out.push(
        freed.has(before.serial)
          ? `\`del ${name}\` removes the name; ${obj(before)}'s refcount falls to 0 and it is freed`
          : before.immortalish
            ? `the name ${name} goes away`
            : `the name ${name} goes away; ${obj(before)} stays alive (refcount ${effects.heapAfter.get(before.serial)?.refcount ?? before.refcount})`,
      );
      continue;
    }
    const fresh = created.has(after.serial);
    const detail = after.immortalish ? "shared for the whole run" : `refcount ${after.refcount}`;
    let sentence = `${name} now refers to ${fresh ? "a new" : "the existing"} ${after.type} ${shortId(after.id)} ${after.repr} (${detail})`;
    if (before && before.serial !== after.serial) {
      if (freed.has(before.serial)) sentence += `; the old ${obj(before)}'s refcount falls to 0 and it is freed`;
      else {
        const still = effects.heapAfter.get(before.serial);
        if (still && !still.immortalish) sentence += `; the old ${obj(before)} stays alive with refcount ${still.refcount}`;
      }
    }
    out.push(sentence);
  }
  return out;
}

function inPlaceSentences(effects: LineEffects): string[] {
  const named = new Set(effects.bindings.map((b) => b.after?.serial));
  const out: string[] = [];
  const untracked = new Map<string, number>();
  for (const { before, after } of effects.changed) {
    if (after.immortalish || named.has(after.serial)) continue;
    if (before.repr !== after.repr) {
      out.push(`changes ${obj(after)} in place (now ${after.repr}); its id is unchanged`);
    } else if (after.generation === null && before.generation !== null) {
      untracked.set(after.type, (untracked.get(after.type) ?? 0) + 1);
    }
  }
  if (untracked.size > 0) {
    const parts = [...untracked].map(([type, n]) => plural(n, type));
    out.push(`the collector stops tracking ${parts.join(" and ")} that can no longer be part of a cycle (${generationText({ generation: null, gcType: true } as HeapObject)})`);
  }
  return out;
}

function gcSentences(events: TraceEvent[], thresholds: [number, number, number] | undefined): string[] {
  const out: string[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.kind === "gc-start") {
      let sentence: string;
      if (e.automatic && thresholds) {
        const g = e.generation;
        sentence =
          g === 0
            ? `allocation of a ${ordinal(Math.max(e.counts[0], thresholds[0] + 1))} tracked object: generation 0 exceeded its threshold ${thresholds[0]}; the collector ran on generation 0`
            : `generation ${g - 1} had been collected ${e.counts[g]} times, over its threshold ${thresholds[g]}; the collector ran on generation ${g}`;
      } else {
        sentence = `gc.collect() ran the collector on generation ${e.generation}`;
      }
      const end = events.slice(i + 1).find((x): x is Extract<TraceEvent, { kind: "gc-end" }> => x.kind === "gc-end");
      const promoted = events.slice(i + 1).find((x): x is Extract<TraceEvent, { kind: "promote" }> => x.kind === "promote");
      if (end) sentence += `: ${plural(end.collected, "object")} collected`;
      if (promoted) sentence += `, ${plural(promoted.ids.length, "survivor")} moved to generation ${promoted.to}`;
      out.push(sentence);
    } else if (e.kind === "finalizer") {
      out.push(`${e.type} ${shortId(e.id)}'s __del__ runs`);
    } else if (e.kind === "weakref-callback") {
      out.push(`a weak reference's callback runs because its object ${shortId(e.referent)} died`);
    } else if (e.kind === "exception") {
      out.push(`raises ${e.type}${e.message ? `: ${e.message}` : ""}`);
    }
  }
  return out;
}

function freedSentence(effects: LineEffects): string | undefined {
  const mentioned = new Set(effects.bindings.map((b) => b.before?.serial));
  const others = effects.freed.filter((o) => !mentioned.has(o.serial) && !o.immortalish);
  if (others.length === 0) return undefined;
  const byGc = new Set(effects.events.filter((e) => e.kind === "free" && e.by === "gc").map((e) => (e as { serial: number }).serial));
  const describe = (objects: HeapObject[]): string => {
    const byType = new Map<string, number>();
    for (const o of objects) byType.set(o.type, (byType.get(o.type) ?? 0) + 1);
    return [...byType].map(([type, n]) => `${n} ${type}`).join(", ");
  };
  const counted = others.filter((o) => !byGc.has(o.serial));
  const collected = others.filter((o) => byGc.has(o.serial));
  const parts: string[] = [];
  if (counted.length > 0) parts.push(`${plural(counted.length, "object")} freed as their refcount fell to 0 (${describe(counted)})`);
  if (collected.length > 0) parts.push(`${plural(collected.length, "object")} in unreachable cycles freed by the collector (${describe(collected)})`);
  return parts.join("; ");
}

/** The explanation of `trace`, as paragraphs (one per line that did something). */
export function* explainText(trace: Trace, from = 0, to = Number.POSITIVE_INFINITY): Generator<string> {
  const lines = trace.source.split("\n");
  for (const effects of walkTrace(trace)) {
    if (effects.step.index < from) continue;
    if (effects.step.index > to) break;
    const source = (lines[effects.step.line - 1] ?? "").trim();
    const thresholds = effects.after?.gc.thresholds ?? effects.step.gc.thresholds;
    const sentences = [
      ...bindingSentences(effects),
      ...inPlaceSentences(effects),
      ...gcSentences(effects.events, thresholds),
    ];
    const freed = freedSentence(effects);
    const after = effects.after;
    // A module-level "return" step comes after the last line ran: the frees it carries are mostly the
    // module's code object and its constants being released, not the work of that line.
    const moduleEnds = after?.kind === "return" && after.frames.length === 1 && after.frames[0]!.name === "<module>";
    if (freed) sentences.push(moduleEnds ? `then the module's code finishes: ${freed}` : freed);
    if (sentences.length === 0) continue;
    yield `line ${effects.step.line}: \`${source}\` ${sentences.join("; ")}.`;
  }
  const o = trace.outcome;
  if (o.status === "ok") yield `The program finished normally after ${plural(trace.steps.length, "step")}.`;
  else if (o.status === "exception") yield `The program ended with an uncaught ${o.type}: ${o.message}.`;
  else if (o.status === "syntax-error") yield `The program did not compile: ${o.message} (line ${o.line}).`;
  else yield `The run was stopped by its ${o.limit} limit: ${o.message}.`;
}
