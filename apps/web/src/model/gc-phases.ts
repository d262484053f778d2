/**
 * A collection inside a step, as a list of phases the reader can step through. Each phase carries the
 * marks it puts on the boxes (gc_refs, reachable and unreachable sets) and a sentence saying what holds
 * after it, in the words of CPython's `gc_collect_main` phases.
 */
import type { TraceEvent, TraceStep } from "@pyheap/python";

type PhaseName = Extract<TraceEvent, { kind: "gc-phase" }>["phase"];

export interface CollectionPhase {
  generation: 0 | 1 | 2;
  /** 1-based number of the collection within the step (a step may run several). */
  collection: number;
  /** True for the phases that re-examine the unreachable set after finalizers ran. */
  recheck: boolean;
  phase: PhaseName;
  /** What holds after the phase. */
  note: string;
  gcRefs: Map<number, number> | null;
  reachable: Set<number> | null;
  unreachable: Set<number> | null;
}

/** What holds after each phase, as CPython 3.11's collector names them. */
export const PHASE_NOTES: Record<PhaseName, string> = {
  "update-refs": "update_refs: every object of the generation has gc_refs = its refcount.",
  "subtract-refs":
    "subtract_refs: references from other objects of the generation are subtracted; gc_refs > 0 now means held from outside.",
  "move-unreachable":
    "move_unreachable: objects held from outside and all they reach stay; the rest (gc_refs 0, reached by nothing alive) are unreachable.",
  finalize: "finalize_garbage: __del__ ran once on unreachable objects that define it.",
  "resurrection-check": "handle_resurrected_objects: objects a finalizer made reachable again are moved back.",
  clear: "delete_garbage: references inside the unreachable set are cleared; refcounts fall to 0 and the objects are freed.",
  promote: "Survivors are moved to the next older generation.",
};

/** Prefix of the notes of phases run again on the unreachable set once finalizers have run. */
export const RECHECK_NOTE = "Re-examining the unreachable set after finalizers (did any make an object reachable again?):";

/** The collection phases recorded in `step`, in order (empty when no collection ran). */
export function collectionPhases(step: TraceStep): CollectionPhase[] {
  const out: CollectionPhase[] = [];
  let collection = 0;
  let recheck = false;
  for (const e of step.events) {
    if (e.kind === "gc-start") {
      collection++;
      recheck = false;
    }
    if (e.kind !== "gc-phase") continue;
    const again = recheck && e.phase !== "clear" && e.phase !== "promote";
    out.push({
      generation: e.generation,
      collection: Math.max(1, collection),
      recheck: again,
      phase: e.phase,
      note: again ? `${RECHECK_NOTE} ${PHASE_NOTES[e.phase] ?? e.phase}` : (PHASE_NOTES[e.phase] ?? e.phase),
      gcRefs: e.gcRefs ? new Map(e.gcRefs.map((g) => [g.serial, g.gcRefs])) : null,
      reachable: e.reachable ? new Set(e.reachable.map((r) => r.serial)) : null,
      unreachable: e.unreachable ? new Set(e.unreachable.map((r) => r.serial)) : null,
    });
    if (e.phase === "resurrection-check") recheck = true;
  }
  return out;
}
