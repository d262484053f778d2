/**
 * Heaps reused across runs. A new WASM instance per run (a 16 MiB memory allocated, then released by the
 * JS collector) was most of a short run's cost; a pooled heap is put back into its state right after
 * initialisation by `heap.reset()` instead, which gives the same addresses and the same answers as a new
 * heap. A heap whose memory grew large is not kept (its reset would clear all of it each time).
 *
 * The reset of a returned heap is done in a microtask, i.e. right after the caller's synchronous work: a
 * server's worker thread posts its answer first and resets while the answer travels, so the reset is off
 * the request's path. A heap still dirty when acquired (two runs in one synchronous stretch) is reset then.
 */
import { loadHeap, type Heap, type HostHooks } from "@pyheap/heap";

interface Pooled {
  heap: Heap;
  /** True once reset after its last run (acquire then skips the reset). */
  clean: boolean;
  /** The hooks of the run using the heap (the heap's own hooks forward to them). */
  hooks: Required<HostHooks>;
}

/** Heaps kept at most (one per run in progress is enough: runs are synchronous). */
const MAX_POOLED = 2;
/**
 * A heap whose memory is larger than this is dropped after its run, to give its memory back: a reset
 * writes only what the run used (the core's tables up to their top, the pages it was handed), so a grown
 * heap is not slower to reset, but its pages, zeroed by the reset, stay committed while it is pooled.
 */
const MAX_POOLED_MEMORY = 24 << 20;
/** The limit heaps are created with; each run then sets its own. */
const CREATE_LIMIT = 256 << 20;

const pool: Pooled[] = [];
const owners = new WeakMap<Heap, Pooled>();

function create(): Pooled {
  const entry = { hooks: null as unknown as Required<HostHooks>, clean: true } as Pooled;
  entry.heap = loadHeap({
    heapLimit: CREATE_LIMIT,
    hooks: {
      finalize: (o) => entry.hooks.finalize(o),
      weakrefCallback: (wr, cb) => entry.hooks.weakrefCallback(wr, cb),
      gcCallback: (phase, info) => entry.hooks.gcCallback(phase, info),
      eq: (a, b) => entry.hooks.eq(a, b),
      hash: (o) => entry.hooks.hash(o),
    },
  });
  owners.set(entry.heap, entry);
  return entry;
}

/** A heap in its initial state, with `hooks` installed and `heapLimit` as its limit. */
export function acquireHeap(heapLimit: number, hooks: Required<HostHooks>): Heap {
  let entry = pool.pop();
  if (entry && !entry.clean) entry.heap.reset();
  if (!entry) entry = create();
  entry.clean = false;
  entry.hooks = hooks;
  entry.heap.setHeapLimit(heapLimit);
  return entry.heap;
}

/** Gives back a heap from acquireHeap once nothing will use it any more. */
export function releaseHeap(heap: Heap): void {
  const entry = owners.get(heap);
  if (!entry || pool.includes(entry)) return;
  if (pool.length >= MAX_POOLED || heap.isRetired || heap.memory.buffer.byteLength > MAX_POOLED_MEMORY) return;
  entry.clean = false;
  pool.push(entry);
  queueMicrotask(() => {
    // Still pooled and not yet handed out again: reset now.
    if (entry.clean || !pool.includes(entry)) return;
    try {
      entry.heap.reset();
      entry.clean = true;
    } catch {
      // Not reusable after all: dropped (the next run makes a new heap, and reports any real fault).
      pool.splice(pool.indexOf(entry), 1);
    }
  });
}
