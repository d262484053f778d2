/**
 * Interpreters reused across runs. Setting one up (a heap, the VM's types, builtins, methods and module
 * table) costs far more than a short program; a pooled interpreter is set up once, its heap captured
 * right after (`heap.captureImage()`) together with the VM's JavaScript side (`captureState`), and both
 * are put back before the next run. A restored interpreter is, to a program, a brand-new one: same
 * addresses, refcounts, sizes, GC counts and settings, interned strings, type tables and caches.
 *
 * The restore of a returned interpreter is done in a microtask, i.e. right after the caller's synchronous
 * work: a server's worker thread posts its answer first and restores while the answer travels, so it is
 * off the request's path. One still dirty when acquired (two runs in one synchronous stretch) is restored
 * then. An interpreter whose heap trapped, whose run ended in an error of ours, or whose memory grew
 * large is not kept.
 */
import { loadHeap, type Heap, type HeapImage } from "@pyheap/heap";
import { VM, type VMHost } from "./vm/vm.js";
import { adaptHeap, abiOffsets } from "./vm/heap-adapter.js";
import { captureState, restoreState, type StateImage } from "./vm/state-image.js";

/** A pooled interpreter: a heap, the VM on it, and what puts both back to their state after set-up. */
interface Pooled {
  heap: Heap;
  vm: VM;
  /** True once restored after its last run (acquire then skips the restore). */
  clean: boolean;
  /** The heap right after set-up, or null when this heap cannot restore images (then: reset and set up). */
  image: HeapImage | null;
  /** The VM's JavaScript side right after set-up. */
  state: StateImage | null;
  /** The heap binding's gc and events objects (a trace recorder wraps some of their methods). */
  apis: StateImage[];
}

/** Interpreters kept at most (one per run in progress is enough: runs are synchronous). */
const MAX_POOLED = 2;
/**
 * An interpreter whose heap memory is larger than this is dropped after its run, to give its memory back:
 * a restore writes only what the run used, so a grown heap is not slower to restore, but its pages, zeroed
 * by the restore, stay committed while it is pooled.
 */
const MAX_POOLED_MEMORY = 24 << 20;
/** The limit heaps are created and set up with; each run then sets its own. */
const CREATE_LIMIT = 256 << 20;
/** How deep below the VM's own properties captureState looks: VM → type table → TypeInfo → its Maps. */
const STATE_DEPTH = 3;
/** VM properties each run sets itself. */
const PER_RUN = ["h", "host"] as const;

const pool: Pooled[] = [];
const owners = new WeakMap<VM, Pooled>();
let reuse = true;

/**
 * Whether runs reuse interpreters (the default) or each gets a brand-new heap and VM: for tests that
 * compare the two, and benchmarks. @internal
 */
export function setInterpreterReuse(on: boolean): void {
  reuse = on;
  pool.length = 0;
}

/** A heap whose hooks call the VM on it (the VM is made by newInterpreter). */
function newEntry(): Pooled {
  const entry = { clean: false, image: null, state: null, apis: [] } as unknown as Pooled;
  entry.heap = loadHeap({
    heapLimit: CREATE_LIMIT,
    hooks: {
      finalize: (o) => entry.vm.runFinalizer(o),
      weakrefCallback: (wr, cb) => entry.vm.runWeakrefCallback(wr, cb),
      gcCallback: (phase, info) => entry.vm.runGcCallbacks(phase, info),
      eq: (a, b) => entry.vm.hookEq(a, b),
      hash: (o) => entry.vm.hookHash(o),
    },
  });
  return entry;
}

/** The most bytes a set-up has had live at once (-1 before the first): a run with a smaller heap limit
 *  gets an interpreter set up under that limit, which fails as a new interpreter's set-up would. */
let setUpPeak = -1;

/** A new interpreter, set up; kept for reuse (its state captured) when reuse is on and the limit allows. */
function newInterpreter(setUp: (vm: VM) => void, host: VMHost, heapLimit: number): Pooled {
  if (reuse && heapLimit >= setUpPeak) {
    const entry = newEntry();
    const heap = entry.heap;
    entry.vm = new VM(adaptHeap(heap), host, abiOffsets());
    setUp(entry.vm);
    setUpPeak = Math.max(setUpPeak, heap.peakBytes());
    if (heapLimit >= setUpPeak) {
      owners.set(entry.vm, entry);
      entry.image = heap.captureImage();
      if (entry.image) {
        entry.state = captureState(entry.vm, STATE_DEPTH, PER_RUN);
        entry.apis = [captureState(heap.gc, 1), captureState(heap.events, 1)];
      }
      return entry;
    }
  }
  // the way a run always started: a new heap, its limit, then the set-up (not kept afterwards)
  const entry = newEntry();
  entry.heap.setHeapLimit(heapLimit);
  entry.vm = new VM(adaptHeap(entry.heap), host, abiOffsets());
  setUp(entry.vm);
  return entry;
}

/** Puts a pooled interpreter back to its state after set-up; false when it cannot be. */
function restore(entry: Pooled): boolean {
  if (!entry.image || !entry.state || !entry.heap.restoreImage(entry.image)) return false;
  restoreState(entry.state);
  for (const a of entry.apis) restoreState(a);
  return true;
}

/**
 * An interpreter in its state right after set-up (`setUp` runs on a new VM when none is pooled), with
 * `host` as its host and `heapLimit` as its heap's limit. Give it back with releaseInterpreter().
 */
export function acquireInterpreter(heapLimit: number, host: VMHost, setUp: (vm: VM) => void): { heap: Heap; vm: VM } {
  let entry = reuse && heapLimit >= setUpPeak ? pool.pop() : undefined;
  if (entry && !entry.clean && !restore(entry)) entry = undefined;
  if (!entry) entry = newInterpreter(setUp, host, heapLimit);
  entry.clean = false;
  entry.vm.host = host;
  entry.heap.setHeapLimit(heapLimit);
  return { heap: entry.heap, vm: entry.vm };
}

/** Gives back an interpreter from acquireInterpreter once nothing will use it any more (only after a run
 *  that ended normally: a run stopped by an error of ours leaves its interpreter out of the pool). */
export function releaseInterpreter(vm: VM): void {
  const entry = owners.get(vm);
  if (!reuse || !entry || !entry.image || pool.includes(entry)) return;
  const heap = entry.heap;
  if (pool.length >= MAX_POOLED || heap.isRetired || heap.memory.buffer.byteLength > MAX_POOLED_MEMORY) return;
  entry.clean = false;
  pool.push(entry);
  queueMicrotask(() => {
    // Still pooled and not yet handed out again: restore now.
    if (entry.clean || !pool.includes(entry)) return;
    let ok = false;
    try {
      ok = restore(entry);
    } catch {
      ok = false;
    }
    if (ok) entry.clean = true;
    // Not reusable after all: dropped (the next run sets up a new one, and reports any real fault).
    else pool.splice(pool.indexOf(entry), 1);
  });
}
