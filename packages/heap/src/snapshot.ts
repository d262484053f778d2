// Decoding of heap snapshots (core export heap_snapshot): one record per live heap object with its
// type, refcount, GC state and referents, plus sizes, for trace keyframes and memory views.
import type { Obj } from "./index.js";

export interface SnapshotObject {
  obj: Obj;
  /** id() as CPython would show it. */
  id: number;
  type: Obj;
  refcount: number;
  /** 0, 1 or 2 when tracked by the collector (not frozen); null otherwise. */
  generation: 0 | 1 | 2 | null;
  frozen: boolean;
  tracked: boolean;
  gcType: boolean;
  finalized: boolean;
  /** sys.getsizeof */
  size: number;
  /** The object's own block. */
  blockSize: number;
  /** Separate blocks it owns (list items, dict keys, set table, values array). */
  buffersSize: number;
  /** What it references, in tp_traverse order (borrowed). */
  referents: Obj[];
}

const SNAP_TRACKED = 4;
const SNAP_FINALIZED = 8;
const SNAP_GC_TYPE = 16;

export function decodeSnapshot(
  words: Uint32Array,
  idOf: (o: Obj) => number,
  sizes: (o: Obj) => [number, number, number],
): SnapshotObject[] {
  const out: SnapshotObject[] = [];
  let i = 0;
  while (i < words.length) {
    const obj = words[i]!;
    const type = words[i + 1]!;
    const refcount = words[i + 2]! | 0;
    const flags = words[i + 3]!;
    const n = words[i + 4]!;
    const referents = Array.from(words.subarray(i + 5, i + 5 + n));
    i += 5 + n;
    const tracked = (flags & SNAP_TRACKED) !== 0;
    const g = flags & 3;
    const [size, blockSize, buffersSize] = sizes(obj);
    out.push({
      obj,
      id: idOf(obj),
      type,
      refcount,
      generation: tracked && g < 3 ? (g as 0 | 1 | 2) : null,
      frozen: tracked && g === 3,
      tracked,
      gcType: (flags & SNAP_GC_TYPE) !== 0,
      finalized: (flags & SNAP_FINALIZED) !== 0,
      size,
      blockSize,
      buffersSize,
      referents,
    });
  }
  return out;
}
