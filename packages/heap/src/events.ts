// Decoding of the core's event ring (abi EV_* entries of EV_WORDS i32 words).
import * as abi from "@pyheap/core/abi";

export type HeapEvent =
  | { kind: "alloc"; obj: number; type: number; blockSize: number }
  | { kind: "free"; obj: number; type: number; blockSize: number; duringGc: boolean }
  /** The object's size changed inside its own block (a str grown in place by `+=`): reread its value. */
  | { kind: "resize"; obj: number; type: number; blockSize: number }
  | { kind: "park"; obj: number; type: number; duringGc: boolean }
  | { kind: "untrack"; obj: number; type: number }
  | { kind: "gc-refs"; obj: number; gcRefs: number; generation: number }
  | { kind: "gc-unreachable"; obj: number; generation: number }
  | { kind: "gc-garbage"; obj: number; generation: number }
  | { kind: "unpark"; obj: number; type: number }
  | { kind: "gc-start"; generation: number }
  | { kind: "gc-phase"; generation: number; phase: GcPhase }
  | { kind: "gc-end"; generation: number; collected: number; uncollectable: number }
  | { kind: "promote"; from: number; to: number; count: number }
  | { kind: "finalize"; obj: number }
  | { kind: "weakref-callback"; weakref: number };

export type GcPhase =
  | "update-refs"
  | "subtract-refs"
  | "move-unreachable"
  | "handle-weakrefs"
  | "finalize"
  | "resurrection"
  | "delete-garbage";

const PHASES: Record<number, GcPhase> = {
  [abi.GCP_UPDATE_REFS]: "update-refs",
  [abi.GCP_SUBTRACT_REFS]: "subtract-refs",
  [abi.GCP_MOVE_UNREACHABLE]: "move-unreachable",
  [abi.GCP_HANDLE_WEAKREFS]: "handle-weakrefs",
  [abi.GCP_FINALIZE]: "finalize",
  [abi.GCP_RESURRECTION]: "resurrection",
  [abi.GCP_DELETE_GARBAGE]: "delete-garbage",
};

/** Decodes `count` events starting at byte address `base` of the memory. */
export function decodeEvents(mem: ArrayBuffer, base: number, count: number): HeapEvent[] {
  const w = new Int32Array(mem, base, count * abi.EV_WORDS);
  const out: HeapEvent[] = [];
  for (let i = 0; i < count; i++) {
    const word = w[i * abi.EV_WORDS]!;
    const k = word & abi.EV_KIND_MASK;
    const duringGc = (word & abi.EV_FLAG_DURING_GC) !== 0;
    const a = w[i * abi.EV_WORDS + 1]! >>> 0;
    const b = w[i * abi.EV_WORDS + 2]! >>> 0;
    const c = w[i * abi.EV_WORDS + 3]! >>> 0;
    switch (k) {
      case abi.EV_ALLOC:
        out.push({ kind: "alloc", obj: a, type: b, blockSize: c });
        break;
      case abi.EV_FREE:
        out.push({ kind: "free", obj: a, type: b, blockSize: c, duringGc });
        break;
      case abi.EV_RESIZE:
        out.push({ kind: "resize", obj: a, type: b, blockSize: c });
        break;
      case abi.EV_PARK:
        out.push({ kind: "park", obj: a, type: b, duringGc });
        break;
      case abi.EV_GC_REFS:
        out.push({ kind: "gc-refs", obj: a, gcRefs: b | 0, generation: c });
        break;
      case abi.EV_GC_UNREACHABLE:
        out.push({ kind: "gc-unreachable", obj: a, generation: b });
        break;
      case abi.EV_GC_GARBAGE:
        out.push({ kind: "gc-garbage", obj: a, generation: b });
        break;
      case abi.EV_UNTRACK:
        out.push({ kind: "untrack", obj: a, type: b });
        break;
      case abi.EV_UNPARK:
        out.push({ kind: "unpark", obj: a, type: b });
        break;
      case abi.EV_GC_START:
        out.push({ kind: "gc-start", generation: a });
        break;
      case abi.EV_GC_PHASE:
        out.push({ kind: "gc-phase", generation: a, phase: PHASES[b] ?? "update-refs" });
        break;
      case abi.EV_GC_END:
        out.push({ kind: "gc-end", generation: a, collected: b, uncollectable: c });
        break;
      case abi.EV_PROMOTE:
        out.push({ kind: "promote", from: a, to: b, count: c });
        break;
      case abi.EV_FINALIZE:
        out.push({ kind: "finalize", obj: a });
        break;
      case abi.EV_WEAKREF_CALLBACK:
        out.push({ kind: "weakref-callback", weakref: a });
        break;
    }
  }
  return out;
}
