/**
 * The reference graph of one step: who holds whom, what is alive, what is garbage.
 *
 * Start reading at `analyzeHeap`. It applies the cyclic collector's own idea to the picture in the
 * trace: for every object, the references the trace can see (from frames and from other objects'
 * referents) are subtracted from its refcount; whatever is left is held from somewhere the trace does not
 * draw (the value stack, a code object's constants, the interpreter itself), so the object is alive,
 * together with everything it reaches. Live objects that are neither named by a frame nor reached from
 * such an object are garbage: an unreachable cycle that only a collection will free. It is drawn greyed,
 * "awaiting collection", until the trace says it was freed.
 *
 * Pure functions over the trace schema; no DOM.
 */
import type { FrameView, HeapObject } from "@pyheap/python";
import type { HeapMap } from "./heap-at.js";

/** Where a reference to an object comes from: a frame's local, a frame's stack slot, or an object. */
export type Holder =
  | { kind: "local"; frame: number; frameName: string; name: string }
  | { kind: "stack"; frame: number; frameName: string; slot: number }
  | { kind: "object"; serial: number; label: string };

/** Everything the view needs to know about the graph at one step. */
export interface HeapAnalysis {
  /** Every reference the trace shows to each object (by serial), frames first, then objects. */
  holders: Map<number, Holder[]>;
  /** Serials of objects alive: named by a frame, held from outside the drawing, or reached from those. */
  alive: Set<number>;
  /** Serials of live objects that nothing alive reaches: garbage awaiting a collection. */
  garbage: Set<number>;
  /** Per object: refcount minus the references the trace shows (0 means every reference is drawn). */
  hidden: Map<number, number>;
}

/** Labels a holder for people: `x` in `<module>`, `[0]` of list …1234, stack slot 1 of `f`. */
export function describeHolder(holder: Holder, heap: HeapMap): string {
  switch (holder.kind) {
    case "local":
      return `${holder.name} in ${holder.frameName}`;
    case "stack":
      return `stack slot ${holder.slot} of ${holder.frameName}`;
    case "object": {
      const obj = heap.get(holder.serial);
      return obj ? `${holder.label} of ${obj.type} ${shortId(obj.id)}` : `${holder.label} of a freed object`;
    }
  }
}

/** The short form of an id shown on boxes: its last five digits after an ellipsis. */
export function shortId(id: string): string {
  return id.length > 5 ? `…${id.slice(-5)}` : id;
}

/** Computes holders, liveness and garbage for the heap `heap` seen from `frames`. */
export function analyzeHeap(heap: HeapMap, frames: readonly FrameView[]): HeapAnalysis {
  const holders = new Map<number, Holder[]>();
  const add = (serial: number, h: Holder): void => {
    if (!heap.has(serial)) return;
    const list = holders.get(serial);
    if (list) list.push(h);
    else holders.set(serial, [h]);
  };
  frames.forEach((f, i) => {
    for (const l of f.locals) add(l.serial, { kind: "local", frame: i, frameName: f.name, name: l.name });
    f.stack?.forEach((s, slot) => add(s.serial, { kind: "stack", frame: i, frameName: f.name, slot }));
  });
  for (const obj of heap.values()) {
    for (const r of obj.referents) add(r.serial, { kind: "object", serial: obj.serial, label: r.label });
  }

  // After this loop, `hidden` holds for each object the references the trace cannot account for; the
  // roots are objects named by a frame, immortal objects and objects with hidden references.
  const hidden = new Map<number, number>();
  const roots: number[] = [];
  for (const obj of heap.values()) {
    const list = holders.get(obj.serial) ?? [];
    const extra = Math.max(0, obj.refcount - list.length);
    hidden.set(obj.serial, extra);
    if (extra > 0 || obj.immortalish || list.some((h) => h.kind !== "object")) roots.push(obj.serial);
  }

  // Invariant of the walk: every serial in `alive` has had (or will have) its referents queued.
  const alive = new Set<number>(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    const obj = heap.get(queue.pop()!);
    if (!obj) continue;
    for (const r of obj.referents) {
      if (heap.has(r.serial) && !alive.has(r.serial)) {
        alive.add(r.serial);
        queue.push(r.serial);
      }
    }
  }
  const garbage = new Set<number>();
  for (const serial of heap.keys()) if (!alive.has(serial)) garbage.add(serial);
  return { holders, alive, garbage, hidden };
}

/** One hop of a reference path: the holder and the object it leads to. */
export interface PathHop {
  holder: Holder;
  serial: number;
}

/**
 * Why is this object alive? The shortest chain of references from a frame's name (or stack slot) to
 * `target`, first hop first; `null` when no frame reaches it (garbage, or held only from outside the
 * drawing: see `HeapAnalysis.hidden`).
 */
export function pathToObject(heap: HeapMap, frames: readonly FrameView[], target: number): PathHop[] | null {
  const via = new Map<number, PathHop & { prev: number | null }>();
  const queue: number[] = [];
  frames.forEach((f, i) => {
    const visit = (serial: number, holder: Holder): void => {
      if (!heap.has(serial) || via.has(serial)) return;
      via.set(serial, { holder, serial, prev: null });
      queue.push(serial);
    };
    for (const l of f.locals) visit(l.serial, { kind: "local", frame: i, frameName: f.name, name: l.name });
    f.stack?.forEach((s, slot) => visit(s.serial, { kind: "stack", frame: i, frameName: f.name, slot }));
  });
  // Breadth-first: the first time an object is reached is along a shortest path.
  for (let head = 0; head < queue.length && !via.has(target); head++) {
    const from = queue[head]!;
    const obj = heap.get(from)!;
    for (const r of obj.referents) {
      if (!heap.has(r.serial) || via.has(r.serial)) continue;
      via.set(r.serial, { holder: { kind: "object", serial: from, label: r.label }, serial: r.serial, prev: from });
      queue.push(r.serial);
    }
  }
  if (!via.has(target)) return null;
  const path: PathHop[] = [];
  for (let at: number | null = target; at !== null; ) {
    const hop: PathHop & { prev: number | null } = via.get(at)!;
    path.push({ holder: hop.holder, serial: hop.serial });
    at = hop.prev;
  }
  return path.reverse();
}

/** Types whose referents are not drawn: following them would pull in the whole interpreter. */
export const OPAQUE_TYPES: ReadonlySet<string> = new Set([
  "function",
  "type",
  "module",
  "code",
  "builtin_function_or_method",
  "method",
  "frame",
  "generator",
]);

/** True when the view should draw the referents of `obj`. */
export function expandsReferents(obj: HeapObject): boolean {
  return !OPAQUE_TYPES.has(obj.type);
}
