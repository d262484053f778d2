/**
 * RunOptions.countObjects's counts (run.ts), which the page never asks for: kept out of run.ts so that the
 * page can leave them in its on-demand chunk (apps/web/bundler/lazy.ts).
 */
import { abi, type Heap } from "@pyheap/heap";
import type { VM } from "./vm/vm.js";

/**
 * Counts objects allocated and freed by type from the heap's event ring (RunOptions.countObjects). An
 * object taken from a free list is a new object to the program (allocated), one parked there is gone
 * (freed); a parked object freed later (a collection clearing the free lists) was counted already.
 *
 * Untraced, the ring is read after every instruction that added events, so that a type is named while
 * it is alive; traced, the recorder drains the ring each step and the counter reads what it drained.
 */
export class ObjectCounter {
  /** Events that did not fit in the ring (the counts are then short by that many). */
  dropped = 0;
  /** Counts by type object, named when first seen (while the type is alive). */
  private readonly byType = new Map<number, TypeCounts>();
  private readonly allocatedByName = new Map<string, number>();
  private readonly freedByName = new Map<string, number>();
  private readonly parked = new Set<number>();
  private restore: (() => void) | null = null;

  constructor(
    private readonly heap: Heap,
    private readonly vm: VM,
  ) {}

  /** Starts counting: through the recorder's drains when tracing, else from an instruction hook. */
  start(traced: boolean): void {
    const events = this.heap.events;
    if (traced) {
      const drain = events.drain.bind(events);
      events.drain = () => {
        const r = drain();
        for (const e of r.events) {
          if (e.kind === "alloc") this.count(abi.EV_ALLOC, e.obj, e.type);
          else if (e.kind === "free") this.count(abi.EV_FREE, e.obj, e.type);
          else if (e.kind === "park") this.count(abi.EV_PARK, e.obj, e.type);
          else if (e.kind === "unpark") this.count(abi.EV_UNPARK, e.obj, e.type);
        }
        this.dropped += r.dropped;
        return r;
      };
      this.restore = () => {
        events.drain = drain;
      };
      return;
    }
    events.enable(1 << 18);
    const core = this.heap.core;
    core.ev_clear();
    const host = this.vm.host;
    host.onInstruction = () => {
      if (core.ev_count() !== 0) this.readRing();
    };
    this.restore = () => {
      this.readRing();
      host.onInstruction = undefined;
      events.disable();
    };
  }

  /** Stops counting (idempotent). */
  stop(): void {
    const r = this.restore;
    this.restore = null;
    r?.();
  }

  /** Objects allocated / freed by type name. */
  totals(): { allocated: Record<string, number>; freed: Record<string, number> } {
    for (const t of [...this.byType.keys()]) this.retire(t);
    return { allocated: Object.fromEntries(this.allocatedByName), freed: Object.fromEntries(this.freedByName) };
  }

  /** Reads the ring in place (no decoding into objects) and empties it. */
  private readRing(): void {
    const core = this.heap.core;
    const n = core.ev_count();
    const w = new Int32Array(this.heap.memory.buffer, core.ev_base() >>> 0, n * abi.EV_WORDS);
    for (let i = 0; i < n * abi.EV_WORDS; i += abi.EV_WORDS) {
      this.count(w[i]! & abi.EV_KIND_MASK, w[i + 1]! >>> 0, w[i + 2]! >>> 0);
    }
    this.dropped += core.ev_dropped();
    core.ev_clear();
  }

  private count(kind: number, obj: number, type: number): void {
    switch (kind) {
      case abi.EV_ALLOC:
        this.of(type).allocated++;
        return;
      case abi.EV_UNPARK:
        this.parked.delete(obj);
        this.of(type).allocated++;
        return;
      case abi.EV_PARK:
        this.parked.add(obj);
        this.of(type).freed++;
        return;
      case abi.EV_FREE:
        if (this.parked.delete(obj)) return;
        this.of(type).freed++;
        // a type that dies: its address may come back as another type
        if (this.byType.has(obj)) this.retire(obj);
        return;
    }
  }

  private of(type: number): TypeCounts {
    let c = this.byType.get(type);
    if (c === undefined) {
      let name = "object";
      try {
        name = this.vm.infoOfType(type).name;
      } catch {
        // not a type the interpreter knows: counted under "object"
      }
      c = { name, allocated: 0, freed: 0 };
      this.byType.set(type, c);
    }
    return c;
  }

  private retire(type: number): void {
    const c = this.byType.get(type)!;
    this.byType.delete(type);
    if (c.allocated) this.allocatedByName.set(c.name, (this.allocatedByName.get(c.name) ?? 0) + c.allocated);
    if (c.freed) this.freedByName.set(c.name, (this.freedByName.get(c.name) ?? 0) + c.freed);
  }
}

interface TypeCounts {
  name: string;
  allocated: number;
  freed: number;
}

/** The maker of a run's counter (not started). */
export function objectCounter(): (heap: Heap, vm: VM) => ObjectCounter {
  return (heap, vm) => new ObjectCounter(heap, vm);
}
