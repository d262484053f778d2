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
 *
 * Without reuse (setInterpreterReuse(false), or a heap limit below what a set-up needs) a run gets a new
 * VM, set up on a pooled heap put back into its heap_init state by `heap.reset()` — a new heap to the
 * program, as reset-exact.test.ts in the heap package shows.
 */
import { loadHeap, type Heap, type HeapImage, type HostHooks } from "@pyheap/heap";
import { VM, type VMHost } from "./vm/vm.js";
import { adaptHeap, abiOffsets } from "./vm/heap-adapter.js";
import { captureState, restoreState, type StateImage } from "./vm/state-image.js";

/** A pooled heap and the VM on it, with what puts both back to their state after set-up. */
interface Pooled {
  heap: Heap;
  vm: VM;
  /** True once restored (or reset) after its last run: acquire then skips that. */
  clean: boolean;
  /** The heap right after set-up; null for a heap whose VM is not kept (reset and set up again). */
  image: HeapImage | null;
  /** The VM's JavaScript side right after set-up. */
  state: StateImage | null;
  /** The heap binding's gc and events objects as made (a trace recorder wraps some of their methods),
   *  put back whenever the heap is reused. */
  apis: StateImage[];
}

/** Entries kept at most in each pool (one per run in progress is enough: runs are synchronous). */
const MAX_POOLED = 2;
/**
 * An entry whose heap memory is larger than this is dropped after its run, to give its memory back: a
 * restore writes only what the run used, so a grown heap is not slower to restore, but its pages, zeroed
 * by the restore, stay committed while it is pooled. Dropping one costs the next run more than a set-up:
 * a new heap is a new WebAssembly instance, and V8 throws away the optimised code of every helper that
 * called the old instance's functions (found with --trace-deopt: "weak objects"), so they run unoptimised
 * again while recompiled. With 24 MiB here the interpreter benchmark's dict_insert and string_build (heaps
 * of ~60 MiB) paid that in every run: 12-15 % of their time.
 */
const MAX_POOLED_MEMORY = 128 << 20;
/** The limit heaps are created and set up with; each run then sets its own. */
const CREATE_LIMIT = 256 << 20;
/** How deep below the VM's own properties captureState looks: VM → type table → TypeInfo → its Maps. */
const STATE_DEPTH = 3;
/** VM properties each run sets itself. */
const PER_RUN = ["h", "host"] as const;

/** Interpreters kept for reuse (image and state captured). */
const interpreters: Pooled[] = [];
/** Heaps kept for runs that set up a new VM. */
const heaps: Pooled[] = [];
const owners = new WeakMap<VM, Pooled>();
/** PYHEAP_NO_REUSE=1 in the environment turns reuse off (to compare the two, e.g. under the server). */
let reuse = !(typeof process !== "undefined" && process.env && process.env.PYHEAP_NO_REUSE === "1");
/** The most bytes a set-up has had live at once (-1 before the first): a run with a smaller heap limit
 *  gets a VM set up under that limit, which fails as it always has. */
let setUpPeak = -1;

/** True until a first run has started. */
let firstRun = true;
/** Set when a run did without a reusable interpreter: one is set up once that run is given back. */
let prepareLater = false;
/** The set-up the last run asked for (the one a reusable interpreter is prepared with). */
let lastSetUp: ((vm: VM) => void) | null = null;

/**
 * Whether runs reuse set-up interpreters (the default) or each sets up a new VM on a reset heap: for
 * tests that compare the two, and for benchmarks. @internal
 */
export function setInterpreterReuse(on: boolean): void {
  reuse = on;
  firstRun = false;
  interpreters.length = 0;
  heaps.length = 0;
}

/** A heap in its heap_init state whose hooks call the VM of its entry (pooled, reset, or new). */
function cleanHeap(): Pooled {
  let entry = heaps.pop();
  if (entry && !entry.clean) {
    try {
      entry.heap.reset();
    } catch {
      entry = undefined;
    }
  }
  if (entry) {
    entry.image = null;
    entry.state = null;
    for (const a of entry.apis) restoreState(a);
    return entry;
  }
  return pooledHeap(null, {});
}

/** An entry for `heap` (a new one when null, loaded with `hooks`), whose hooks call the entry's VM. */
function pooledHeap(heap: Heap | null, hooks: HostHooks): Pooled {
  const made = { clean: false, image: null, state: null, apis: [] } as unknown as Pooled;
  Object.assign(hooks, {
    finalize: (o) => made.vm.runFinalizer(o),
    weakrefCallback: (wr, cb) => made.vm.runWeakrefCallback(wr, cb),
    gcCallback: (phase, info) => made.vm.runGcCallbacks(phase, info),
    eq: (a, b) => made.vm.hookEq(a, b),
    hash: (o) => made.vm.hookHash(o),
  } satisfies HostHooks);
  made.heap = heap ?? loadHeap({ heapLimit: CREATE_LIMIT, hooks });
  made.apis = [captureState(made.heap.gc, 1), captureState(made.heap.events, 1)];
  return made;
}

/** The memory sizes of the interpreters kept for reuse (for tests). @internal */
export function pooledInterpreterBytes(): number[] {
  return interpreters.map((e) => e.heap.memory.buffer.byteLength);
}

/**
 * Takes a heap loaded ahead of a process's first run, for that run: a page loads one while the
 * interpreter's code is still being fetched and compiled, which takes loading it (instantiating the WASM
 * module, heap_init) off the first run's path. `heap` must come straight from loadHeap() with a heap limit
 * of 256 MiB (what heaps are set up under) and `hooks`, the object it was given as its hooks, which this
 * fills in (the heap calls through that object). Nothing is done, and false returned, once a run has
 * started or for a heap loaded under another limit.
 */
export function adoptHeap(heap: Heap, hooks: HostHooks): boolean {
  if (!firstRun || heaps.length || interpreters.length || heap.stats().limit !== CREATE_LIMIT) return false;
  const entry = pooledHeap(heap, hooks);
  entry.clean = true;
  heaps.push(entry);
  return true;
}

/** A new VM on a clean heap, set up under `limit`. */
function setUpNew(setUp: (vm: VM) => void, host: VMHost, limit: number): Pooled {
  const entry = cleanHeap();
  entry.heap.setHeapLimit(limit);
  entry.vm = new VM(adaptHeap(entry.heap), host, abiOffsets());
  owners.set(entry.vm, entry);
  setUp(entry.vm);
  return entry;
}

/** A new interpreter whose state after set-up is captured for reuse (when its heap can restore images). */
function setUpForReuse(setUp: (vm: VM) => void, host: VMHost): Pooled {
  const entry = setUpNew(setUp, host, CREATE_LIMIT);
  const heap = entry.heap;
  setUpPeak = Math.max(setUpPeak, heap.peakBytes());
  entry.image = heap.captureImage();
  if (entry.image) {
    entry.state = captureState(entry.vm, STATE_DEPTH, PER_RUN);
  }
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
  let entry: Pooled | undefined;
  lastSetUp = setUp;
  if (reuse && heapLimit >= setUpPeak) {
    entry = interpreters.pop();
    if (entry && !entry.clean && !restore(entry)) entry = undefined;
    // NOTE: capturing costs a few milliseconds more than a set-up; the first run of a process (the CLI's
    // only one, a page's first render) does without, and an interpreter for reuse is set up after it, in
    // a timer (see releaseInterpreter), unless another run comes first.
    if (!entry && firstRun) {
      firstRun = false;
      prepareLater = true;
    } else if (!entry) entry = setUpForReuse(setUp, host);
    // a first set-up may show that this run's limit is below what a set-up needs
    if (entry && heapLimit < setUpPeak) {
      releaseInterpreter(entry.vm);
      entry = undefined;
    }
  }
  if (!entry) entry = setUpNew(setUp, host, heapLimit);
  entry.clean = false;
  entry.vm.host = host;
  entry.heap.setHeapLimit(heapLimit);
  return { heap: entry.heap, vm: entry.vm };
}

/** A host for an interpreter set up ahead of its run (each run gives its own). */
const idleHost: VMHost = {
  write() {},
  sourceLine: () => null,
  compile() {
    throw new Error("internal: the interpreter has no run");
  },
};

/**
 * How long after a process's first run the interpreter for reuse is set up (if no run came first). Not at
 * once: a one-run process (the CLI) whose timer is due when it would exit runs it anyway (~20 ms of CPU
 * for nothing), and a page would do it while drawing its first diagram.
 */
const PREPARE_DELAY_MS = 100;

/** Sets up an interpreter for reuse in a timer, if none is pooled by then. */
function prepareInBackground(): void {
  const t = setTimeout(() => {
    if (!reuse || interpreters.length || !lastSetUp) return;
    try {
      const entry = setUpForReuse(lastSetUp, idleHost);
      if (!entry.image) return;
      entry.clean = true;
      interpreters.push(entry);
    } catch {
      // nothing pooled: the next run sets up its own (and reports any real fault)
    }
  }, PREPARE_DELAY_MS);
  // a process with nothing else to do exits without it (a CLI run)
  (t as { unref?: () => void }).unref?.();
}

/** Gives back an interpreter from acquireInterpreter once nothing will use it any more (only after a run
 *  that ended normally: a run stopped by an error of ours leaves its interpreter out of the pool). */
export function releaseInterpreter(vm: VM): void {
  const entry = owners.get(vm);
  if (!entry || entry.vm !== vm) return;
  const first = prepareLater;
  if (prepareLater) {
    prepareLater = false;
    // a heap that cannot be captured (a module compiled as it is: browsers) would be set up for nothing
    if (reuse && entry.heap.canCaptureImage) prepareInBackground();
  }
  const pool = entry.image && reuse ? interpreters : heaps;
  const heap = entry.heap;
  if (pool.includes(entry) || pool.length >= MAX_POOLED || heap.isRetired || heap.memory.buffer.byteLength > MAX_POOLED_MEMORY) return;
  entry.clean = false;
  pool.push(entry);
  // The first run's heap is reset when it is next used — by the interpreter prepared in the timer, or by
  // the next run — not in a microtask: that reset (a first one takes the heap_init image, ~10 ms) would
  // delay what the caller does right after its first run (a page drawing its first diagram) or a
  // one-run process's exit, for nothing.
  if (first) return;
  queueMicrotask(() => {
    // Still pooled and not yet handed out again: restore (or reset) now.
    if (entry.clean || !pool.includes(entry)) return;
    let ok = false;
    try {
      if (entry.image) ok = restore(entry);
      else {
        heap.reset();
        ok = true;
      }
    } catch {
      ok = false;
    }
    if (ok) entry.clean = true;
    // Not reusable after all: dropped (the next run makes a new one, and reports any real fault).
    else pool.splice(pool.indexOf(entry), 1);
  });
}
