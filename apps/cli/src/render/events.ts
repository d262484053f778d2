/** One short phrase per trace event, shared by `trace` and the REPL. */
import type { TraceEvent } from "@pyheap/python";
import { plural, shortId } from "./format.js";

/** A phrase for `event`, or undefined for events too fine to list one by one (GC phases). */
export function eventText(event: TraceEvent): string | undefined {
  switch (event.kind) {
    case "alloc":
      return `allocated ${event.type} ${shortId(event.id)} (${event.size} B)`;
    case "free":
      return event.by === "gc" ? `collected ${event.type} ${shortId(event.id)}` : `freed ${event.type} ${shortId(event.id)} (refcount 0)`;
    case "gc-start":
      return `gc: ${event.automatic ? "automatic" : "gc.collect()"} collection of generation ${event.generation} (counts ${event.counts.join(", ")})`;
    case "gc-phase":
      return undefined;
    case "gc-end":
      return `gc: generation ${event.generation} done: ${plural(event.collected, "object")} collected${event.uncollectable ? `, ${event.uncollectable} uncollectable` : ""}`;
    case "promote":
      return `gc: ${plural(event.ids.length, "survivor")} promoted from generation ${event.from} to ${event.to}`;
    case "untrack":
      return `gc: ${event.type} ${shortId(event.id)} untracked`;
    case "finalizer":
      return `__del__ of ${event.type} ${shortId(event.id)} ran`;
    case "weakref-callback":
      return `weakref callback of ${shortId(event.weakref)} ran (referent ${shortId(event.referent)})`;
    case "exception":
      return `raised ${event.type}${event.message ? `: ${event.message}` : ""}`;
  }
}
