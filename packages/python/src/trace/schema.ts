/**
 * The trace: the one contract between the interpreter and every front end (CLI, HTTP API, web
 * component). Defined here once; `trace-schema.json` (generated from these types) is what the HTTP
 * API publishes. Bump TRACE_SCHEMA_VERSION on any incompatible change.
 *
 * Addresses: every object is named by its `id()` as the program would see it (a decimal string, since
 * 64-bit ids do not fit a JS number exactly). The same address may name different objects over time
 * (CPython reuses blocks): an object's identity in a trace is (id, allocation serial `serial`).
 */
export const TRACE_SCHEMA_VERSION = 1 as const;

/** One Python object as seen at a step. */
export interface HeapObject {
  /** `id()` of the object, decimal. */
  id: string;
  /** Allocation serial number, unique within a run: tells apart two objects that reused one address. */
  serial: number;
  /** `type(obj).__name__`, e.g. "list", "int", "Value". */
  type: string;
  /** A short `repr()` (at most ~80 characters, cut with "…"); containers show their items' reprs. */
  repr: string;
  /** `ob_refcnt` (not `sys.getrefcount`, which adds 1 for its argument). */
  refcount: number;
  /** 0, 1 or 2 when tracked by the cyclic GC; null when untracked or not a GC type. */
  generation: 0 | 1 | 2 | null;
  /** True when the object's type is a GC type (has a GC header), tracked or not. */
  gcType: boolean;
  /** `sys.getsizeof(obj)`. */
  size: number;
  /** Size of the allocator block(s) that hold it (pymalloc size class, or the large-block size). */
  blockSize: number;
  /** Objects it references, in traversal order, each with a label ("[0]", "key 'a'", ".name", "cell"…). */
  referents: { label: string; id: string; serial: number }[];
  /** How many referents the object has when `referents` lists only the first of them (long containers). */
  referentCount?: number;
  /** True for objects that live for the whole interpreter (small ints, singletons, interned identifiers…). */
  immortalish?: boolean;
  /** True once `__del__` ran on it (gc.is_finalized). */
  finalized?: boolean;
}

/** A frame of the Python call stack, innermost last. */
export interface FrameView {
  /** Function name as in tracebacks: "<module>", "f", "<listcomp>"… */
  name: string;
  line: number;
  /** Local names (for `<module>`: the module's globals) and the ids of the objects bound to them. */
  locals: { name: string; id: string; serial: number }[];
  /** The value stack of the frame (temporaries), bottom first; only present for instruction steps. */
  stack?: { id: string; serial: number }[];
}

/** What happened inside one step. */
export type TraceEvent =
  | { kind: "alloc"; id: string; serial: number; type: string; size: number }
  | { kind: "free"; id: string; serial: number; type: string; by: "refcount" | "gc" }
  | { kind: "gc-start"; generation: 0 | 1 | 2; counts: [number, number, number]; automatic: boolean }
  | {
      kind: "gc-phase";
      generation: 0 | 1 | 2;
      phase: "update-refs" | "subtract-refs" | "move-unreachable" | "finalize" | "resurrection-check" | "clear" | "promote";
      /** gc_refs per object after update/subtract, or the object sets the phase produced. */
      gcRefs?: { id: string; serial: number; gcRefs: number }[];
      reachable?: { id: string; serial: number }[];
      unreachable?: { id: string; serial: number }[];
    }
  | { kind: "gc-end"; generation: 0 | 1 | 2; collected: number; uncollectable: number; counts: [number, number, number] }
  | { kind: "promote"; from: 0 | 1; to: 1 | 2; ids: { id: string; serial: number }[] }
  | { kind: "untrack"; id: string; serial: number; type: string }
  | { kind: "finalizer"; id: string; serial: number; type: string }
  | { kind: "weakref-callback"; referent: string; weakref: string }
  | { kind: "exception"; type: string; message: string; line: number };

/** Objects that appeared, disappeared or changed since the previous step. */
export interface HeapDelta {
  /** Objects allocated or changed (new refcount, generation, repr, referents…), full records. */
  upsert: HeapObject[];
  /** Serials of objects freed since the previous step. */
  removed: number[];
}

/** A full picture of the heap, stored every `keyframeInterval` steps so any step materialises fast. */
export interface Keyframe {
  step: number;
  objects: HeapObject[];
}

export interface GcState {
  counts: [number, number, number];
  thresholds: [number, number, number];
  enabled: boolean;
  /** Live tracked objects per generation. */
  sizes: [number, number, number];
}

/** Where the next pymalloc block of one size class is (see `TraceStep.allocator`). */
export interface NextBlockView {
  /** Block size of the class: 16, 32, …, 512 (requests of size−15 .. size bytes). */
  size: number;
  /** The block's address as an id (decimal). An object without pre-headers created there gets this id;
   *  a GC object's id is 16 more (32 more with a managed `__dict__`). */
  address: string;
  /** "free-list": the block freed last in the class's first used pool (LIFO); "bump": that pool's list
   *  holds only the block it carved last from its untouched space; "new-pool": no pool of the class has a
   *  free block, so an empty pool of the most used arena; "new-arena": no arena has an empty pool either. */
  source: "free-list" | "bump" | "new-pool" | "new-arena";
}

/** One of the type free lists that serve creations of their type before pymalloc does. */
export interface FreeListView {
  type: "float" | "list" | "dict" | "tuple";
  /** For tuples: the tuple length the list holds (1..20). */
  length?: number;
  /** Objects parked on it. */
  count: number;
  /** id of the parked object the next creation through the list takes back (LIFO). */
  next: string;
}

/** The allocator's answers after a step: which block the next allocation of each size gets. */
export interface AllocatorState {
  /** With `full`: all 32 size classes. Otherwise only the classes whose answer changed since the
   *  previous step (the others keep theirs). */
  nextBlock: NextBlockView[];
  /** True on the first step and on keyframe steps: `nextBlock` lists every class. */
  full?: boolean;
  /** The non-empty type free lists, all of them; present when `full` or when any list changed. */
  freeLists?: FreeListView[];
}

export interface TraceStep {
  /** 0-based step number. */
  index: number;
  /** 1-based source line being executed (for REPL traces: line within the whole input text). */
  line: number;
  /** "line" steps happen at the start of each executed line; "instruction" steps at each bytecode. */
  kind: "line" | "instruction" | "call" | "return" | "exception";
  /** With instruction steps: the instruction's 3.11 opcode name and argument repr. */
  instruction?: { offset: number; opname: string; arg?: string };
  frames: FrameView[];
  /** What the program wrote to stdout / stderr during this step. */
  stdout: string;
  stderr: string;
  delta: HeapDelta;
  events: TraceEvent[];
  gc: GcState;
  /** Live heap bytes (sum of blockSize of live objects) and live object count after the step. */
  heapBytes: number;
  liveObjects: number;
  /** What changed in the allocator's next blocks and free lists (absent when nothing did). */
  allocator?: AllocatorState;
}

/** Why a run ended. */
export type RunOutcome =
  | { status: "ok" }
  | { status: "exception"; type: string; message: string }
  | { status: "syntax-error"; message: string; line: number; column: number }
  | { status: "limit"; limit: "steps" | "heap" | "time" | "output" | "trace-size" | "recursion"; message: string };

export interface Trace {
  version: typeof TRACE_SCHEMA_VERSION;
  /** The program text, and its file name as shown in tracebacks. */
  source: string;
  filename: string;
  mode: "script" | "repl";
  granularity: "line" | "instruction";
  steps: TraceStep[];
  keyframeInterval: number;
  keyframes: Keyframe[];
  outcome: RunOutcome;
}
