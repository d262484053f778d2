/**
 * The allocator's answers for a trace step (`TraceStep.allocator`, schema.ts): which block the next
 * pymalloc allocation of each size class gets, and what the type free lists would hand back first.
 *
 * Cost per step: two core calls that read the allocator's list heads (32 words and 23 pairs) and a
 * comparison with the previous step's words; records are made only for what changed, so a step that
 * allocated one int costs one entry. Reads only: it never allocates a heap object.
 */
import { abi, type Heap } from "@pyheap/heap";
import type { AllocatorState, FreeListView, NextBlockView } from "./schema.js";

const SOURCES: NextBlockView["source"][] = ["free-list", "bump", "new-pool", "new-arena"];
const CLASSES = abi.NB_SMALL_SIZE_CLASSES;
const NO_VIEWS: NextBlockView[] = [];

export class AllocatorSampler {
  private prev: Uint32Array = new Uint32Array(CLASSES);
  private lists = "";
  private started = false;

  /** The core's free-list words (next, count per list) when last read. */
  private raw = new Int32Array(0);

  constructor(private readonly heap: Heap) {}

  /** Views are immutable: one per (class, word) seen lately is shared by every step showing it. */
  private readonly views = Array.from({ length: CLASSES }, () => new Map<number, NextBlockView>());
  private view(c: number, w: number): NextBlockView {
    const views = this.views[c]!;
    let v = views.get(w);
    if (!v) {
      if (views.size >= 1024) views.clear();
      v = { size: 16 * (c + 1), address: String(this.heap.idOf((w & ~15) >>> 0)), source: SOURCES[w & 15]! };
      views.set(w, v);
    }
    return v;
  }

  /** Reads the free lists' words and tells whether they equal the last read's (keeps the new ones). */
  private sameRawLists(): boolean {
    const core = this.heap.core;
    const buf = core.heap_io_buffer(64 * 8) >>> 0;
    const n = 2 * core.heap_free_lists(buf);
    const mem = this.heap.i32;
    const at = buf >>> 2;
    let raw = this.raw;
    let same = raw.length === n;
    if (!same) raw = this.raw = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const w = mem[at + i]!;
      if (raw[i] !== w) {
        raw[i] = w;
        same = false;
      }
    }
    return same;
  }

  /** The state after a step: every class when `full` (or on the first call), otherwise the classes that
   *  changed since the last call; undefined when nothing changed. `noObjects`: no object was created,
   *  freed, parked or taken back since the last call (the type free lists cannot have moved then). */
  sample(full: boolean, noObjects = false): AllocatorState | undefined {
    const heap = this.heap;
    full ||= !this.started;
    this.started = true;
    // the core writes the words into its I/O buffer; they are read there (no view made per step)
    const core = heap.core;
    const buf = core.heap_io_buffer(CLASSES * 4) >>> 0;
    const n = Math.min(core.heap_next_blocks(buf), CLASSES);
    const mem = heap.i32;
    const at = buf >>> 2;
    const prev = this.prev;
    let nextBlock: NextBlockView[] = NO_VIEWS;
    for (let c = 0; c < n; c++) {
      const w = mem[at + c]! >>> 0;
      if (!full && w === prev[c]) continue;
      prev[c] = w;
      if (nextBlock === NO_VIEWS) nextBlock = [];
      nextBlock.push(this.view(c, w));
    }
    // the free lists' raw words next: most steps leave them as they were
    if (!full && noObjects && nextBlock.length === 0) return undefined;
    const rawSame = !full && noObjects ? true : this.sameRawLists();
    if (!full && rawSame && nextBlock.length === 0) return undefined;
    let lists: ReturnType<Heap["freeLists"]> = [];
    let listsChanged = false;
    if (full || !rawSame) {
      lists = heap.freeLists().filter((f) => f.count > 0);
      const key = lists.map((f) => `${f.type}${f.length ?? ""}:${f.count}:${f.next}`).join(",");
      listsChanged = key !== this.lists;
      this.lists = key;
    }
    if (!full && !listsChanged && nextBlock.length === 0) return undefined;
    // kept in the trace: an exact-length copy (a pushed-to array keeps spare capacity)
    const out: AllocatorState = { nextBlock: nextBlock === NO_VIEWS ? [] : nextBlock };
    if (full) out.full = true;
    if (full || listsChanged) {
      out.freeLists = lists.map((f): FreeListView => {
        const v: FreeListView = { type: f.type, count: f.count, next: String(heap.idOf(f.next)) };
        if (f.length !== undefined) v.length = f.length;
        return v;
      });
    }
    return out;
  }
}
