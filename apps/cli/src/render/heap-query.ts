/**
 * Questions about one materialised heap, for the REPL: what refers to an object, and which chains of
 * references from the program's names keep it alive.
 */
import type { FrameView, HeapObject } from "@pyheap/python";
import type { HeapMap } from "./heap-state.js";

/** A holder of an object: another object's slot, or a name. */
export interface Referrer {
  holder: HeapObject | { name: string };
  label: string;
}

/** Everything in `heap` (and the frame's names) that refers to `serial`. */
export function referrersOf(serial: number, heap: HeapMap, frame: FrameView | undefined): Referrer[] {
  const out: Referrer[] = [];
  for (const local of frame?.locals ?? []) if (local.serial === serial) out.push({ holder: { name: local.name }, label: local.name });
  for (const obj of heap.values()) {
    for (const ref of obj.referents) if (ref.serial === serial) out.push({ holder: obj, label: ref.label });
  }
  return out;
}

/** One step of a reference path: from a name or object, through a labelled slot. */
export interface PathStep {
  object: HeapObject;
  label: string;
}

/**
 * For each name of `frame` from which `serial` can be reached, the shortest chain of references that
 * leads to it (breadth-first over referents). The name's own direct binding counts as a chain of one.
 */
export function pathsTo(serial: number, heap: HeapMap, frame: FrameView | undefined): { root: string; path: PathStep[] }[] {
  const out: { root: string; path: PathStep[] }[] = [];
  for (const local of frame?.locals ?? []) {
    const start = heap.get(local.serial);
    if (!start) continue;
    const previous = new Map<number, { from: number; label: string } | null>([[start.serial, null]]);
    const queue = [start.serial];
    let found = start.serial === serial;
    while (!found && queue.length > 0) {
      const current = heap.get(queue.shift()!);
      for (const ref of current?.referents ?? []) {
        if (previous.has(ref.serial) || !heap.has(ref.serial)) continue;
        previous.set(ref.serial, { from: current!.serial, label: ref.label });
        if (ref.serial === serial) {
          found = true;
          break;
        }
        queue.push(ref.serial);
      }
    }
    if (!found) continue;
    const path: PathStep[] = [];
    for (let at: number | undefined = serial; at !== undefined; ) {
      const link: { from: number; label: string } | null | undefined = previous.get(at);
      path.unshift({ object: heap.get(at)!, label: link ? link.label : local.name });
      at = link ? link.from : undefined;
    }
    out.push({ root: local.name, path });
  }
  return out;
}
