/**
 * The trace recorder: turns a run into TraceSteps (schema.ts) as the VM executes it.
 *
 * Start reading at `TraceRecorder.record`, called from the VM's `onLine` (or `onInstruction`) host hook
 * before the line runs; step i therefore holds what happened since step i−1 (the previous line's effects)
 * and the heap as it is when line i is about to run. `finish` adds a last step when the module body ends.
 * Line steps follow sys.settrace: a "call" step at each RESUME (function entry, generator resumption), a
 * "line" step when the line changes or a backward jump starts the next iteration (on its target line).
 *
 * What is drawn (the "picture"): every object allocated after the recorder started, except objects the
 * interpreter keeps for its own whole life (interned identifiers, method descriptors); plus objects that
 * existed before (singletons, small ints, builtins, interned strings…) while a frame name or a picture
 * object references them — those are flagged `immortalish`.
 *
 * Cost per step: the heap's event ring is drained (allocations, frees, GC work); the refcount of every
 * picture object is read straight from memory; a container's referents are re-read when its memory
 * signature moved (list item pointers, dict version tag, set table, instance values/dict/slots); a record
 * whose repr changed makes its holders' records be remade. No heap walk per step (one only when the event
 * ring overflowed), and the recorder never allocates a heap object nor runs Python code, so what it
 * observes is what runs untraced. Records keep at most MAX_REFERENTS referents (`referentCount` tells the
 * rest).
 *
 * NOTE: the core reports a collection's start without the counts it saw; gc-start carries the counts of
 * the previous step, which are the counts before the collection unless the same step allocated first.
 */
import { abi, type Heap, type HeapEvent } from "@pyheap/heap";
import type { Obj } from "../vm/heap-api.js";
import { LimitExceeded, type VM } from "../vm/vm.js";
import type { Frame } from "../vm/frame.js";
import { Kind } from "../vm/types.js";
import { LocalKind } from "../compile/code.js";
import { OP_NAMES, Op } from "../compile/opcodes.js";
import * as L from "../vm/layouts.js";
import { MAX_REPR, shortRepr, type ReprCache } from "./repr.js";
import { dictItems } from "./dict-items.js";
import { AllocatorSampler } from "./allocator.js";
import { StepColumns, traceFromColumns, type RecordFields, type StepFields } from "./store.js";
import {
  TRACE_SCHEMA_VERSION,
  type FrameView,
  type GcState,
  type RunOutcome,
  type Trace,
  type TraceEvent,
  type TraceStep,
} from "./schema.js";

/** Steps between keyframes (full object lists). */
export const DEFAULT_KEYFRAME_INTERVAL = 100;
/** Delta records after which a keyframe comes before its interval (at least; twice the picture when larger). */
export const KEYFRAME_WORK = 2000;
/** Referents kept per record; a longer container notes its full count in `referentCount`. */
export const MAX_REFERENTS = 64;
/** "[0]", "[1]"…: the labels of sequence items, made once. */
const INDEX_LABELS = Array.from({ length: MAX_REFERENTS }, (_, i) => `[${i}]`);
/** INDEX_LABELS[0..n), one shared array per length. */
const INDEX_PREFIXES: string[][] = [];
function indexLabels(n: number): string[] {
  return (INDEX_PREFIXES[n] ??= INDEX_LABELS.slice(0, n));
}
/** List items covered by a list's signature (a longer list is re-read when its size or table moves). */
const SIG_ITEMS = 4096;
/** Capacity of the heap's event ring (entries). A fuller step is resynchronised by one heap walk. */
const EVENT_RING = 1 << 18;

type Gen = 0 | 1 | 2 | null;
type PhaseEvent = Extract<TraceEvent, { kind: "gc-phase" }>;

/** What the recorder knows of one picture object. */
interface Entry {
  addr: Obj;
  serial: number;
  /** False for objects that predate the recorder (or live as long as the interpreter). */
  own: boolean;
  /** Index in the columns' records of the last record emitted (in a delta or keyframe); −1 before its
   *  first and while hidden. */
  recIdx: number;
  rc: number;
  gen: Gen;
  kind: Kind;
  /** Cached referent addresses (at most MAX_REFERENTS) and labels. */
  refs: Obj[];
  /** The entries of `refs` (same length): a slot whose address did not change keeps its entry unless dead. */
  refEnts: Entry[];
  labels: string[];
  refCount: number;
  /** Signature of what it references (see `signature`) when its record was made. */
  sig: number;
  /** Byte offsets of reference fields that can change (instance dict and __slots__), for the signature. */
  slotOffsets: number[] | null;
  /** Attributes live in a values array with the class's shared keys (classes without __slots__). */
  managed: boolean;
  /** As a dict key: the labels of its key and value referents (keys are immutable). */
  keyLabels?: [string, string];
  /** Own objects that list this one among their referents (their reprs show this one's). */
  holders: Set<Entry> | null;
  /** The one holder while there is only one (then `holders` is null: most objects have one or none). */
  holder: Entry | null;
  /** Needs a fresh record at the end of this step (then it is in `dirtyList` or a pass of `refresh`). */
  dirty: boolean;
  /** Immutable scalars: the repr, `sys.getsizeof` and block bytes, which never change while it lives. */
  text?: string;
  size: number;
  block: number;
  /** Index of the last step whose frames named it (−1: none yet). */
  namedAt: number;
  /** Is in the current picture (own objects always; borrowed ones while referenced): in `active`. */
  shown: boolean;
  /** Index of the step during which the entry was made. */
  born: number;
  /** Forgotten (freed): an entry for another object may now have its address. */
  dead: boolean;
  /** Index in `active` / `mutables` (−1 when not there). */
  slot: number;
  mslot: number;
  /** itemsRepr's last text: [resizes then, the referent entries it read, how many it read, the count
   *  then, the text], or null. */
  items: [number, Entry[], number, number, string] | null;
}

/** What the last step showed for the frame at one depth of the call stack. */
interface FrameMemo {
  frame: Frame;
  code: Frame["info"]["code"];
  /** The frame's locals dict (module and class bodies) and its version tag when read, else 0. */
  dict: Obj;
  version: number;
  /** The objects the locals name, in `locals` order. */
  addrs: Obj[];
  locals: FrameView["locals"];
  /** The last FrameView made from these locals. */
  view: FrameView | null;
}

/** Options of a recording. */
export interface RecorderOptions {
  granularity: "line" | "instruction";
  source: string;
  filename: string;
  mode: "script" | "repl";
  maxSteps?: number;
  keyframeInterval?: number;
  onProgress?: (steps: number) => void;
}

const NO_REFS: Obj[] = [];
const NO_ENTRIES: Entry[] = [];
const NO_EVENTS: TraceEvent[] = [];
const NO_LABELS: string[] = [];
/** Kinds whose records list no referents. */
const NO_REFERENT_KINDS = new Set<Kind>([Kind.INT, Kind.BOOL, Kind.FLOAT, Kind.COMPLEX, Kind.STR, Kind.BYTES, Kind.NONE, Kind.RANGE]);
/** Kinds whose repr shows their items' reprs. */
const REPR_OF_ITEMS = new Set<Kind>([Kind.LIST, Kind.TUPLE, Kind.DICT, Kind.SET, Kind.FROZENSET]);
const IMMUTABLE = new Set<Kind>([Kind.INT, Kind.BOOL, Kind.FLOAT, Kind.COMPLEX, Kind.STR, Kind.BYTES, Kind.TUPLE, Kind.FROZENSET, Kind.NONE, Kind.ELLIPSIS, Kind.NOTIMPL, Kind.CODE, Kind.RANGE]);

const PHASE: Record<string, Extract<TraceEvent, { kind: "gc-phase" }>["phase"] | undefined> = {
  "update-refs": "update-refs",
  "subtract-refs": "subtract-refs",
  "move-unreachable": "move-unreachable",
  finalize: "finalize",
  resurrection: "resurrection-check",
  "delete-garbage": "clear",
};

function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__");
}

/**
 * Records one run. Attach it after the VM is ready and before the program's code is materialised, so that
 * everything the program creates (its constants included) counts as the program's.
 */
export class TraceRecorder {
  /** The steps recorded so far (store.ts). */
  readonly columns: StepColumns;
  readonly keyframeInterval: number;
  /** By address. A freed object's address keeps its key with no value (as `borrowedRefs` keeps a count
   *  of 0): V8's Map keeps a deleted key in its bucket's chain until the table is rebuilt, and the allocator
   *  hands the same few addresses out again and again, so deleting them made every lookup walk long chains. */
  private readonly entries = new Map<Obj, Entry | undefined>();
  /** The picture: entries shown now (own objects, and borrowed ones while referenced). */
  private readonly active: Entry[] = [];
  /** Active entries whose referents can change (not IMMUTABLE kinds): their signatures are checked. */
  private readonly mutables: Entry[] = [];
  /** Borrowed entries to re-examine (named last step, or no longer referenced by an own object). */
  private hideCheck: Entry[] = [];
  /** Borrowed objects: references to them from own objects' cached referents (plus frames per step); 0 once none. */
  private readonly borrowedRefs = new Map<Obj, number>();
  private nextSerial = 1;
  private stdout = "";
  private stderr = "";
  private liveObjects: number;
  private readonly names = new Map<Obj, string>();
  private readonly typeNames = new Map<Obj, string>();
  private readonly gcTypes = new Map<Obj, boolean>();
  private lifetime = new Set<Obj>();
  /** Sizes of vm.interned, vm.keepAlive and vm.mdescrCache when `lifetime` was built. */
  private readonly lifetimeKey = [-1, -1, -1];
  private pendingEvents: TraceEvent[] = [];
  private fresh: Obj[] = [];
  private removed: number[] = [];
  private gcRan = false;
  private explicitCollect = 0;
  private lastCounts: [number, number, number] = [0, 0, 0];
  private prevFrames: FrameView[] = [];
  private limitHit = false;
  private finished = false;
  private readonly maxSteps: number;

  constructor(
    readonly vm: VM,
    readonly heap: Heap,
    readonly options: RecorderOptions,
  ) {
    this.keyframeInterval = options.keyframeInterval ?? DEFAULT_KEYFRAME_INTERVAL;
    this.columns = new StepColumns(options.granularity);
    this.maxSteps = options.maxSteps ?? 100_000;
    // the count alone (the core counts without writing addresses when given no room for them)
    this.liveObjects = heap.core.heap_walk(0, 0);
    this.lastCounts = heap.gc.getCount();
    heap.events.enable(EVENT_RING);
    heap.events.drain();
    const host = vm.host;
    const write = host.write.bind(host);
    host.write = (stream, text) => {
      write(stream, text);
      if (this.finished) return;
      if (stream === "stdout") this.stdout += text;
      else this.stderr += text;
    };
    if (options.granularity === "instruction") host.onInstruction = (f) => this.record(f, "instruction");
    else {
      host.onLine = (f, line) => this.record(f, "line", line);
      // Entering or resuming a function is sys.settrace's "call" event: RESUME, seen per instruction.
      host.onInstruction = (f) => {
        if (f.info.code.co_code[2 * f.lasti] === Op.RESUME && f.back) this.record(f, "call");
      };
    }
    // Settings the program changes through the gc module show in the next step's GcState.
    const gcApi = heap.gc as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of ["enable", "disable", "setThreshold", "freeze", "unfreeze", "track", "untrack"]) {
      const f = gcApi[name];
      if (typeof f !== "function") continue;
      gcApi[name] = (...a: unknown[]) => {
        this.gcTouched = true;
        return f.apply(heap.gc, a);
      };
    }
    // gc.collect() from the program: its collections are not automatic ones.
    const collect = vm.gcCollect.bind(vm);
    vm.gcCollect = (gen: number) => {
      this.drainEvents();
      this.explicitCollect++;
      try {
        return collect(gen);
      } finally {
        this.drainEvents();
        this.explicitCollect--;
      }
    };
  }

  // ───────────────────────────── steps ─────────────────────────────

  /** Record a step about to run in `frame` (borrowed). Throws LimitExceeded("trace-size") past the cap. */
  record(frame: Frame | null, kind: TraceStep["kind"], line?: number): void {
    if (this.finished) return;
    const cols = this.columns;
    if (cols.length >= this.maxSteps) {
      this.limitHit = true;
      throw new LimitExceeded("trace-size", `trace limit of ${this.maxSteps} steps exceeded`);
    }
    const vm = this.vm;
    if (kind === "line" && frame) {
      // The VM reports lines by sys.settrace's rule (a new line, or any backward jump). Nothing is
      // reported before the frame's "call" (its first RESUME): the instructions that set up cells and
      // generators (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR…) and RESUME itself.
      const co = frame.info.code.co_code;
      let k = 0;
      while (k < frame.lasti && co[2 * k] !== Op.RESUME) k++;
      if (frame.lasti <= k) return;
    } else if (kind === "call" && frame) {
      // at a fresh start the next instruction with a line gets its "line" step, whatever its line (as
      // CPython, which counts the instructions up to the first RESUME as having no line); a resumed
      // generator continues on the line it yielded from
      if (frame.info.code.co_code[2 * frame.lasti + 1] === 0) frame.lastLine = -1;
      else frame.lastLine = vm.lineOf(frame);
    }
    const f = this.fields;
    f.line = line ?? (frame ? vm.lineOf(frame) : 0);
    f.kind = kind;
    if (kind === "instruction" && frame) {
      const i = frame.lasti;
      f.offset = 2 * i;
      f.op = frame.info.code.co_code[2 * i]!;
      f.arg = frame.info.code.co_code[2 * i + 1]!;
    }
    this.fillStep(frame);
    if (this.options.onProgress && (cols.length & 1023) === 0) this.options.onProgress(cols.length);
  }
  /** The step being recorded (one object reused for every step: the columns copy it). */
  private readonly fields: StepFields = { line: 0, kind: "line", frames: 0, gc: 0, alloc: -1, heapBytes: 0, liveObjects: 0, stdout: "", stderr: "", offset: 0, op: 0, arg: 0 };

  /**
   * The module body ended (returned or raised) at the line its frame was on: the last "return" step
   * shows that line, which may be later than the last line step (a call on it returned without a new
   * line event: `print(f())` after f's last line).
   */
  noteModuleEnd(frame: Frame): void {
    this.moduleEndLine = this.vm.lineOf(frame);
  }
  private moduleEndLine: number | undefined;

  /**
   * End the recording (the module body returned or raised, or a limit stopped the run) and return the
   * trace. Adds a last "return" step with the final state, unless the step cap was what stopped the run.
   */
  finish(outcome: RunOutcome): Trace {
    const cols = this.columns;
    if (!this.finished) {
      if (!this.limitHit && cols.length < this.maxSteps && cols.length > 0) {
        const f = this.fields;
        f.line = this.moduleEndLine !== undefined && this.moduleEndLine > 0 ? this.moduleEndLine : cols.line[cols.length - 1]!;
        f.kind = "return";
        this.fillStep(null);
      }
      this.finished = true;
      this.heap.events.disable();
    }
    return traceFromColumns(cols, {
      version: TRACE_SCHEMA_VERSION,
      source: this.options.source,
      filename: this.options.filename,
      mode: this.options.mode,
      granularity: this.options.granularity,
      keyframeInterval: this.keyframeInterval,
      outcome,
    });
  }

  /** Record the step described by `this.fields` (line, kind, instruction) about to run in `frame`. */
  private fillStep(frame: Frame | null): void {
    const cols = this.columns;
    const f = this.fields;
    const index = cols.length;
    const gc = this.gcState();
    f.gc = this.gcIdx;
    f.stdout = this.stdout;
    f.stderr = this.stderr;
    this.stdout = "";
    this.stderr = "";
    this.drainEvents();
    this.classifyFresh();
    let events = NO_EVENTS;
    if (this.pendingEvents.length) {
      events = this.pendingEvents;
      this.pendingEvents = [];
    }
    // Frames name objects: borrowed ones enter the picture while named.
    const named: Obj[] = [];
    const frames = frame ? this.frameViews(frame, f.line, named) : this.reuseFrames(this.moduleView(f.line, named));
    if (frames !== this.lastFrames) {
      this.lastFrames = frames;
      this.framesIdx = cols.addFrames(frames);
    }
    f.frames = this.framesIdx;
    // A keyframe every keyframeInterval steps, and sooner when the deltas since the last one grew past
    // twice the picture (or KEYFRAME_WORK records): materialising a step then replays a bounded amount.
    const regular = this.keyframeInterval > 0 && index % this.keyframeInterval === 0;
    const keyframe = regular || (this.keyframeInterval > 0 && this.sinceKeyframe > Math.max(KEYFRAME_WORK, 2 * this.active.length));
    const rec0 = cols.recordCount;
    const rem0 = cols.removedCount;
    this.refresh(named, index, gc, keyframe);
    this.sinceKeyframe = keyframe ? 0 : this.sinceKeyframe + (cols.recordCount - rec0) + (cols.removedCount - rem0);
    if (!this.quiet || events.length) this.lastLiveBytes = this.heap.liveBytes();
    f.heapBytes = this.lastLiveBytes;
    f.liveObjects = this.liveObjects;
    if (this.gcRan) this.fillPromotions(events);
    if (this.prevGen.size) this.prevGen.clear();
    this.gcRan = false;
    if (events.length) cols.addEvents(events);
    // the allocator's next blocks and free lists: in full on keyframes, else what changed (allocator.ts)
    const allocator = (this.allocatorSampler ??= new AllocatorSampler(this.heap)).sample(regular, this.quiet && events.length === 0);
    f.alloc = allocator ? cols.addAllocator(allocator) : -1;
    if (keyframe) {
      let buf = this.kfBuf;
      if (buf.length < this.active.length) buf = this.kfBuf = new Int32Array(2 * this.active.length);
      let n = 0;
      for (const e of this.active) if (e.recIdx >= 0) buf[n++] = e.recIdx;
      cols.addKeyframe(index, buf, n);
    }
    cols.push(f);
  }
  private kfBuf = new Int32Array(256);
  /** The frame list of the last step, and its index in the columns' frame table. */
  private lastFrames: FrameView[] | null = null;
  private framesIdx = -1;
  private allocatorSampler: AllocatorSampler | null = null;
  /** Records upserted or removed since the last keyframe. */
  private sinceKeyframe = 0;
  /** Borrowed entries the frames named last step. */
  private namedEntries: Entry[] = [];

  /** Share FrameView objects (and their local entries) with the previous step where unchanged. */
  private reuseFrames(frames: FrameView[]): FrameView[] {
    const prev = this.prevFrames;
    const out = frames.map((f, i) => {
      const p = prev[i];
      if (!p || p.name !== f.name || p.stack || f.stack) {
        f.locals = f.locals.slice();
        return f;
      }
      // the innermost frame's line is the step's (store.ts): a stale one there is fine
      let same = (i === frames.length - 1 || p.line === f.line) && p.locals.length === f.locals.length;
      for (let k = 0; k < f.locals.length; k++) {
        const a = f.locals[k]!;
        const b = p.locals[k];
        if (b && a.name === b.name && a.serial === b.serial) f.locals[k] = b;
        else same = false;
      }
      if (same) return p;
      f.locals = f.locals.slice();
      return f;
    });
    if (out.length === prev.length && out.every((f, i) => f === prev[i])) return prev;
    this.prevFrames = out;
    return out;
  }

  /** The collector's state now (the previous step's object when nothing changed: steps share it). */
  private gcState(): GcState {
    const c = this.heap.core;
    const p = this.lastGc;
    // Nothing in the ring and no gc-module call since the last step: nothing the state shows moved.
    if (p && !this.gcTouched && c.ev_count() === 0 && this.pendingEvents.length === 0) {
      this.quiet = true;
      return p;
    }
    this.quiet = false;
    this.gcTouched = false;
    const n0 = c.gc_get_count(0), n1 = c.gc_get_count(1), n2 = c.gc_get_count(2);
    const t0 = c.gc_get_threshold(0), t1 = c.gc_get_threshold(1), t2 = c.gc_get_threshold(2);
    const s0 = c.gc_generation_size(0), s1 = c.gc_generation_size(1), s2 = c.gc_generation_size(2);
    const en = c.gc_is_enabled() !== 0;
    if (
      p && p.enabled === en &&
      p.counts[0] === n0 && p.counts[1] === n1 && p.counts[2] === n2 &&
      p.thresholds[0] === t0 && p.thresholds[1] === t1 && p.thresholds[2] === t2 &&
      p.sizes[0] === s0 && p.sizes[1] === s1 && p.sizes[2] === s2
    )
      return p;
    this.lastGc = { counts: [n0, n1, n2], thresholds: [t0, t1, t2], enabled: en, sizes: [s0, s1, s2] };
    this.gcIdx = this.columns.gcTable.length;
    this.columns.gcTable.push(this.lastGc);
    return this.lastGc;
  }
  private lastGc: GcState | null = null;
  /** Index of lastGc in the columns' GC table. */
  private gcIdx = -1;
  /** The step being recorded saw no heap event (so live bytes did not change either). */
  private quiet = false;
  private gcTouched = true;
  private lastLiveBytes = 0;

  // ───────────────────────────── frames ─────────────────────────────

  private keyName(k: Obj): string {
    let s = this.names.get(k);
    if (s === undefined) {
      s = this.vm.kindOf(k) === Kind.STR ? this.vm.str(k) : shortRepr(this.vm, k);
      this.names.set(k, s);
    }
    return s;
  }

  /** The locals entry `name` = v at index k of a frame's list: the previous list's object when the same. */
  private local(name: string, v: Obj, prev: FrameView["locals"] | undefined, k: number): FrameView["locals"][number] {
    const serial = this.serialOf(v);
    const p = prev?.[k];
    return p && p.name === name && p.serial === serial ? p : { name, id: this.idOf(v), serial };
  }

  private dictLocals(d: Obj, skipDunders: boolean, out: FrameView["locals"], addrs: Obj[], prev?: FrameView["locals"]): void {
    const h = this.vm.h;
    if (this.vm.kindOf(d) === Kind.DICT) {
      // a dict (the usual namespace): its entry table read straight from memory
      const ks = this.dictKeysBuf;
      const vs = this.dictValuesBuf;
      const n = dictItems(h.i32, d, Infinity, ks, vs);
      for (let i = 0; i < n; i++) {
        const name = this.keyName(ks[i]!);
        if (skipDunders && isDunder(name)) continue;
        const v = vs[i]!;
        out.push(this.local(name, v, prev, out.length));
        addrs.push(v);
      }
      return;
    }
    for (let p = h.dictNext(d, -1); p >= 0; p = h.dictNext(d, p)) {
      const name = this.keyName(h.dictKeyAt(d, p));
      if (skipDunders && isDunder(name)) continue;
      const v = h.dictValueAt(d, p);
      out.push(this.local(name, v, prev, out.length));
      addrs.push(v);
    }
  }

  /**
   * The frames of the step, outermost first, shared with the previous step where nothing changed: a
   * frame whose locals are the same objects as last step keeps its locals array (and its FrameView when
   * its line is the same too), and an unchanged stack keeps the previous step's array.
   */
  private frameViews(top: Frame, line: number, named: Obj[]): FrameView[] {
    const vm = this.vm;
    // (fresh small arrays: shrinking a kept one by setting its length is a runtime call)
    let n = 0;
    for (let f: Frame | null = top; f; f = f.back) n++;
    const chain: Frame[] = new Array(n);
    for (let f: Frame | null = top, k = 0; f; f = f.back, k++) chain[k] = f;
    const memos = this.frameMemos;
    const prev = this.prevFrames;
    const withStack = this.options.granularity === "instruction";
    let same = prev.length === n && !withStack;
    const views: FrameView[] = new Array(n);
    for (let k = n - 1, j = 0; k >= 0; k--, j++) {
      const f = chain[k]!;
      let m = memos[j];
      if (!m || m.frame !== f || m.code !== f.info.code || !this.sameLocals(f, m)) m = memos[j] = this.readLocals(f, m);
      const addrs = m.addrs;
      for (let i = 0; i < addrs.length; i++) named.push(addrs[i]!);
      const fl = f === top ? line : vm.lineOf(f);
      let view = m.view;
      if (withStack) {
        view = { name: m.code.co_name, line: fl, locals: m.locals, stack: [] };
        for (const v of f.stack) {
          if (!v) continue;
          view.stack!.push({ id: this.idOf(v), serial: this.serialOf(v) });
          named.push(v);
        }
      } else if (!view || (k > 0 && view.line !== fl) || view.locals !== m.locals) {
        // (the innermost frame's view is shared across lines: the columns show it on the step's line)
        view = m.view = { name: m.code.co_name, line: fl, locals: m.locals };
      }
      views[j] = view;
      if (prev[j] !== view) same = false;
    }
    if (memos.length > n) memos.length = n;
    if (same) return prev;
    return (this.prevFrames = views);
  }
  private readonly frameMemos: FrameMemo[] = [];

  /** The frame's locals are the objects `m` lists (a dict's version tag, or each fast local's address and serial). */
  private sameLocals(f: Frame, m: FrameMemo): boolean {
    if (f.locals) return m.dict === f.locals && this.vm.h.getI32(f.locals, abi.DICT_VERSION) === m.version;
    if (m.dict) return false;
    const code = f.info.code;
    const kinds = code.co_localspluskinds;
    const lp = f.localsplus;
    const addrs = m.addrs;
    const locals = m.locals;
    let k = 0;
    for (let i = 0; i < lp.length; i++) {
      let v = lp[i]!;
      if (!v) continue;
      if (kinds[i]! & (LocalKind.CELL | LocalKind.FREE) && this.vm.kindOf(v) === Kind.CELL) {
        v = this.vm.h.getSlot(v, L.CELL_REF);
        if (!v) continue;
      }
      if (k >= addrs.length || addrs[k] !== v || locals[k]!.name !== code.co_localsplusnames[i]) return false;
      // the same address may hold a newer object (the old one freed and its block reused)
      if (this.entries.get(v)?.serial !== locals[k]!.serial) return false;
      k++;
    }
    return k === addrs.length;
  }

  /** Read a frame's locals; entries (and the whole array) equal to the old memo's are kept. */
  private readLocals(f: Frame, old: FrameMemo | undefined): FrameMemo {
    const vm = this.vm;
    const h = vm.h;
    const code = f.info.code;
    const locals: FrameView["locals"] = [];
    const addrs: Obj[] = [];
    let version = 0;
    const prev = old?.locals;
    if (f.locals) {
      version = h.getI32(f.locals, abi.DICT_VERSION);
      this.dictLocals(f.locals, f.locals === f.globals, locals, addrs, prev);
    } else {
      const names = code.co_localsplusnames;
      for (let i = 0; i < names.length; i++) {
        let v = f.localsplus[i]!;
        if (!v) continue;
        if (code.co_localspluskinds[i]! & (LocalKind.CELL | LocalKind.FREE) && vm.kindOf(v) === Kind.CELL) {
          v = h.getSlot(v, L.CELL_REF);
          if (!v) continue;
        }
        locals.push(this.local(names[i]!, v, prev, locals.length));
        addrs.push(v);
      }
    }
    // (entries equal to the previous list's are its objects) retained: copied at its exact length (an
    // array grown by push keeps spare capacity)
    let all = prev !== undefined && prev.length === locals.length;
    for (let k = 0; all && k < locals.length; k++) if (locals[k] !== prev![k]) all = false;
    const shared = all ? prev! : locals.slice();
    return { frame: f, code, dict: f.locals, version, addrs, locals: shared, view: shared === prev ? old!.view : null };
  }

  /** After the module body: the module's globals as the one frame. */
  private moduleView(line: number, named: Obj[]): FrameView[] {
    const main = this.vm.mainModule;
    if (!main) return [];
    const g = this.vm.h.getSlot(main, L.MODULE_DICT);
    const locals: FrameView["locals"] = [];
    const addrs: Obj[] = [];
    if (g) this.dictLocals(g, true, locals, addrs);
    for (const v of addrs) named.push(v);
    return [{ name: "<module>", line, locals }];
  }

  // ───────────────────────────── events ─────────────────────────────

  /** id() as a decimal string (cached per address: addresses are reused all the time). */
  private idOf(o: Obj): string {
    let s = this.ids.get(o);
    if (s === undefined) {
      s = String(this.heap.idOf(o));
      this.ids.set(o, s);
    }
    return s;
  }
  private readonly ids = new Map<Obj, string>();

  private typeName(t: Obj): string {
    let s = this.typeNames.get(t);
    if (s === undefined) {
      try {
        s = this.vm.infoOfType(t).name;
      } catch {
        s = "object";
      }
      this.typeNames.set(t, s);
    }
    return s;
  }

  /** The serial of a live object, assigning one to an object that predates the recorder. */
  private serialOf(o: Obj): number {
    return this.entry(o, false).serial;
  }

  private entry(o: Obj, own: boolean): Entry {
    let e = this.entries.get(o);
    if (!e) {
      e = { addr: o, serial: this.nextSerial++, own, recIdx: -1, rc: -1, gen: null, kind: Kind.OBJECT, refs: NO_REFS, refEnts: NO_ENTRIES, labels: NO_LABELS, refCount: 0, sig: 0, slotOffsets: null, managed: false, holders: null, holder: null, dirty: false, size: -1, block: -1, namedAt: -1, born: this.columns.length, dead: false, shown: false, slot: -1, mslot: -1, items: null };
      try {
        const ti = this.vm.typeInfo(o);
        e.kind = ti.kind;
        if (!IMMUTABLE.has(ti.kind)) {
          e.managed = (this.vm.h.getI32(ti.obj, abi.TP_FLAGS) & abi.TPF_MANAGED_DICT) !== 0;
          const offs = [...ti.slots.values()];
          if (e.managed) offs.push(abi.MANAGED_DICT, abi.MANAGED_VALUES);
          if (ti.hasDict && ti.kind !== Kind.TYPE && ti.kind !== Kind.MODULE) {
            offs.push(ti.kind === Kind.EXC ? L.EXC_DICT : ti.kind === Kind.FUNCTION ? L.FUNC_DICT : this.vm.abi.MANAGED_DICT);
          }
          if (offs.length) e.slotOffsets = offs;
        }
      } catch {
        e.kind = Kind.OBJECT;
      }
      this.entries.set(o, e);
      // (the columns know every serial's id from its start)
      this.columns.idIndex(e.serial, this.idOf(o));
      if (own) this.show(e);
    }
    return e;
  }

  private show(e: Entry): void {
    if (e.shown) return;
    e.shown = true;
    this.markDirty(e);
    const slot = (e.slot = this.active.length);
    this.active.push(e);
    let act = this.act;
    if (2 * slot >= act.length) {
      act = new Int32Array(2 * act.length);
      act.set(this.act);
      this.act = act;
    }
    act[2 * slot] = e.addr >>> 2;
    act[2 * slot + 1] = e.rc;
    if (!IMMUTABLE.has(e.kind)) {
      e.mslot = this.mutables.length;
      this.mutables.push(e);
    }
  }

  /** Take an entry out of the picture (its record is removed from the next delta's heap). */
  private hide(e: Entry): void {
    if (!e.shown) return;
    e.shown = false;
    removeAt(this.active, e.slot, (x, i) => {
      x.slot = i;
      this.act[2 * i] = x.addr >>> 2;
      this.act[2 * i + 1] = x.rc;
    });
    if (e.mslot >= 0) {
      removeAt(this.mutables, e.mslot, (x, i) => (x.mslot = i));
      e.mslot = -1;
    }
    if (e.recIdx >= 0) this.removed.push(e.serial);
    e.recIdx = -1;
  }

  /** Give `e` a fresh record at the end of the step. */
  private markDirty(e: Entry): void {
    if (e.dirty) return;
    e.dirty = true;
    this.dirtyList.push(e);
  }
  /** Entries marked dirty since the last refresh (some may have left the picture since). */
  private dirtyList: Entry[] = [];
  /** Per slot i of `active`: at 2i the object's address / 4 (its refcount's index in the heap's words), at
   *  2i + 1 the refcount its record shows; scanned every step, in one pass over one array. */
  private act = new Int32Array(512);

  /** Move the event ring's contents into TraceEvents and the object table. */
  private drainEvents(): void {
    // most steps allocate and free nothing: two reads instead of a drain
    const core = this.heap.core;
    if (core.ev_count() === 0 && core.ev_dropped() === 0) return;
    const { events, dropped } = this.heap.events.drain();
    for (const ev of events) this.onEvent(ev);
    if (dropped > 0) this.resync();
  }

  private onEvent(ev: HeapEvent): void {
    const out = this.pendingEvents;
    switch (ev.kind) {
      case "alloc":
      case "unpark": {
        const old = this.entries.get(ev.obj);
        if (old) this.forget(ev.obj, old);
        const e = this.entry(ev.obj, true);
        this.fresh.push(ev.obj);
        this.liveObjects++;
        out.push({ kind: "alloc", id: this.idOf(ev.obj), serial: e.serial, type: this.typeName(ev.type), size: ev.kind === "alloc" ? ev.blockSize : this.heap.blockSize(ev.obj) });
        return;
      }
      case "free":
      case "park": {
        this.liveObjects--;
        const e = this.entries.get(ev.obj);
        if (!e) return;
        out.push({ kind: "free", id: this.idOf(ev.obj), serial: e.serial, type: this.typeName(ev.type), by: ev.duringGc ? "gc" : "refcount" });
        this.forget(ev.obj, e);
        return;
      }
      case "resize": {
        // a str grown in place (3.11's in-place `s += t`): same object, new value and size — the cached
        // repr and sizes of an "immutable" scalar no longer hold
        const e = this.entries.get(ev.obj);
        this.resizes++;
        if (e) {
          e.text = undefined;
          e.size = -1;
          this.markDirty(e);
        }
        return;
      }
      case "gc-start":
        out.push({ kind: "gc-start", generation: ev.generation as 0 | 1 | 2, counts: this.lastCounts, automatic: this.explicitCollect === 0 });
        return;
      case "gc-phase": {
        const phase = PHASE[ev.phase];
        // gc-garbage entries may have opened the "clear" phase already
        if (phase === "clear" && this.findPhase("clear", false)) return;
        if (phase) out.push({ kind: "gc-phase", generation: ev.generation as 0 | 1 | 2, phase });
        return;
      }
      case "gc-refs":
        (this.phaseEvent(ev.generation, "subtract-refs").gcRefs ??= []).push({ id: this.idOf(ev.obj), serial: this.serialOf(ev.obj), gcRefs: ev.gcRefs });
        return;
      case "gc-unreachable":
        (this.phaseEvent(ev.generation, "move-unreachable").unreachable ??= []).push({ id: this.idOf(ev.obj), serial: this.serialOf(ev.obj) });
        return;
      case "gc-garbage":
        (this.phaseEvent(ev.generation, "clear").unreachable ??= []).push({ id: this.idOf(ev.obj), serial: this.serialOf(ev.obj) });
        return;
      case "gc-end": {
        const counts = this.heap.gc.getCount();
        this.fillReachable();
        out.push({ kind: "gc-end", generation: ev.generation as 0 | 1 | 2, collected: ev.collected, uncollectable: ev.uncollectable, counts });
        this.gcRan = true;
        return;
      }
      case "promote":
        if (ev.count > 0) out.push({ kind: "promote", from: ev.from as 0 | 1, to: ev.to as 1 | 2, ids: [] });
        return;
      case "untrack": {
        const e = this.entries.get(ev.obj);
        if (e) {
          e.gen = null;
          this.markDirty(e);
        }
        out.push({ kind: "untrack", id: this.idOf(ev.obj), serial: this.serialOf(ev.obj), type: this.typeName(ev.type) });
        return;
      }
      case "finalize": {
        const e = this.entry(ev.obj, false);
        this.markDirty(e);
        out.push({ kind: "finalizer", id: this.idOf(ev.obj), serial: e.serial, type: this.typeName(this.heap.typeOf(ev.obj)) });
        return;
      }
      case "weakref-callback":
        out.push({ kind: "weakref-callback", referent: "", weakref: this.idOf(ev.weakref) });
        return;
    }
  }

  /** The latest (or first) gc-phase event with `phase` of the collection running now. */
  private findPhase(phase: PhaseEvent["phase"], first: boolean): PhaseEvent | undefined {
    const out = this.pendingEvents;
    let found: PhaseEvent | undefined;
    for (let i = out.length - 1; i >= 0; i--) {
      const ev = out[i]!;
      if (ev.kind === "gc-start") break;
      if (ev.kind === "gc-phase" && ev.phase === phase) {
        found = ev;
        if (!first) break;
      }
    }
    return found;
  }

  /** The latest gc-phase event of this collection with `phase`, created when the core sent none. */
  private phaseEvent(generation: number, phase: PhaseEvent["phase"]): PhaseEvent {
    const found = this.findPhase(phase, false);
    if (found) return found;
    const out = this.pendingEvents;
    const ev: Extract<TraceEvent, { kind: "gc-phase" }> = { kind: "gc-phase", generation: generation as 0 | 1 | 2, phase };
    out.push(ev);
    return ev;
  }

  /** At the end of a collection: reachable = the objects examined minus the unreachable ones. */
  private fillReachable(): void {
    const refs = this.findPhase("subtract-refs", true);
    const move = this.findPhase("move-unreachable", true);
    if (!refs?.gcRefs || !move) return;
    const gone = new Set((move.unreachable ?? []).map((u) => u.serial));
    move.reachable = refs.gcRefs.filter((r) => !gone.has(r.serial)).map((r) => ({ id: r.id, serial: r.serial }));
  }

  /** Forget a freed object: its record leaves the picture, its referents lose a holder. */
  private forget(o: Obj, e: Entry): void {
    this.hide(e);
    if (e.own) for (const r of e.refs) this.dropBorrowed(r);
    // the containers that listed it are re-read: a slot may hold a new object at its address, which leaves
    // their signature as it was (NaN equals no signature)
    if (e.holder) e.holder.sig = NaN;
    if (e.holders) for (const c of e.holders) c.sig = NaN;
    this.entries.set(o, undefined);
    e.dead = true;
  }

  private dropBorrowed(r: Obj): void {
    const n = this.borrowedRefs.get(r);
    if (!n) return;
    if (n <= 1) {
      this.borrowedRefs.set(r, 0);
      const e = this.entries.get(r);
      if (e && e.shown && !e.own) this.hideCheck.push(e);
    } else this.borrowedRefs.set(r, n - 1);
  }

  /** The ring overflowed: rebuild the object table from one heap walk. */
  private resync(): void {
    const live = new Set(this.heap.walk());
    this.liveObjects = live.size;
    for (const [o, e] of [...this.entries]) {
      if (!e || (!e.own && this.heap.isStatic(o))) continue;
      if (!live.has(o)) this.forget(o, e);
    }
    for (const o of live) {
      if (!this.entries.get(o)) {
        this.entry(o, true);
        this.fresh.push(o);
      }
    }
  }

  /** Objects allocated this step that the interpreter keeps for its whole life are not the program's. */
  private classifyFresh(): void {
    if (!this.fresh.length) return;
    const vm = this.vm;
    const key = this.lifetimeKey;
    if (key[0] !== vm.interned.size || key[1] !== vm.keepAlive.length || key[2] !== vm.mdescrCache.size) {
      key[0] = vm.interned.size;
      key[1] = vm.keepAlive.length;
      key[2] = vm.mdescrCache.size;
      this.lifetime = new Set<Obj>([...vm.interned.values(), ...vm.keepAlive, ...vm.mdescrCache.values()]);
    }
    // The common case: nothing made this step is kept for the interpreter's life, no module was made.
    let walk = false;
    for (const o of this.fresh) if (this.lifetime.has(o)) walk = true;
    if (!walk) for (const m of vm.modules.values()) if (this.fresh.includes(m)) walk = true;
    if (!walk) {
      this.fresh.length = 0;
      return;
    }
    // Modules other than __main__ live until shutdown, with everything made for them.
    const hidden = new Set<number>();
    const freshSet = new Set(this.fresh);
    const queue: Obj[] = [];
    for (const m of vm.modules.values()) if (freshSet.has(m)) queue.push(m);
    for (const o of this.fresh) if (this.lifetime.has(o)) queue.push(o);
    const seen = new Set<Obj>();
    while (queue.length) {
      const o = queue.pop()!;
      if (seen.has(o)) continue;
      seen.add(o);
      const e = this.entries.get(o);
      if (e && e.own) {
        this.hide(e);
        e.own = false;
        hidden.add(e.serial);
      }
      if (this.lifetime.has(o) && !vm.modules.has(this.moduleName(o))) continue;
      for (const r of this.heap.referents(o)) if (freshSet.has(r) && !seen.has(r)) queue.push(r);
    }
    this.fresh = [];
    // their allocations are the interpreter's business, not the program's
    if (hidden.size) this.pendingEvents = this.pendingEvents.filter((ev) => ev.kind !== "alloc" || !hidden.has(ev.serial));
  }

  private moduleName(o: Obj): string {
    return this.vm.kindOf(o) === Kind.MODULE ? this.vm.str(this.vm.h.getSlot(o, L.MODULE_NAME)) : "";
  }

  // ───────────────────────────── records ─────────────────────────────

  /**
   * Bring every picture record up to date and write the delta of `step`. After it: each shown entry's
   * `rec` is its record as of now, borrowed objects are shown exactly while referenced.
   */
  private refresh(named: Obj[], now: number, gc: GcState, full: boolean): void {
    const h = this.vm.h;
    const cols = this.columns;
    if (this.gcRan) this.refreshGenerations();
    // Borrowed objects are in the picture while a frame names them or an own object references them
    // (the latter join in the record passes below, when the referencing record is made).
    const check = this.hideCheck;
    for (const e of this.namedEntries) check.push(e);
    this.namedEntries = [];
    for (const o of named) {
      const e = this.entry(o, false);
      if (e.namedAt === now) continue;
      e.namedAt = now;
      this.show(e);
      if (!e.own) this.namedEntries.push(e);
    }
    for (const e of check) if (e.shown && !e.own && e.namedAt !== now && !this.borrowedRefs.get(e.addr)) this.hide(e);
    this.hideCheck = [];
    // Refcounts (read from memory).
    const pass: Entry[] = [];
    for (const e of this.dirtyList) {
      if (!e.dirty) continue;
      if (e.shown) pass.push(e);
      else e.dirty = false;
    }
    if (this.dirtyList.length) this.dirtyList = [];
    const active = this.active;
    const mem = h.i32;
    const act = this.act;
    for (let i = 0, n = active.length; i < n; i++) {
      if (mem[act[2 * i]!]! === act[2 * i + 1]) continue;
      const e = active[i]!;
      if (!e.dirty) {
        e.dirty = true;
        pass.push(e);
      }
    }
    // Containers' referents: those whose memory signature moved, on every step (a list sorted in place or
    // given an object the picture already shows allocates nothing and moves no shown refcount).
    for (const e of this.mutables) {
      if (e.dirty) continue;
      if (full || this.signature(e.addr, e) !== e.sig) {
        e.dirty = true;
        pass.push(e);
      }
    }
    // Records of dirty objects; an own object's new borrowed referents join the picture (and are recorded
    // in a further pass).
    const first = cols.recordCount;
    let todo = pass;
    while (todo.length) {
      const next: Entry[] = [];
      for (const e of todo) {
        if (!e.shown || !e.dirty) continue;
        e.dirty = false;
        const old = e.recIdx;
        const rec = this.makeRecord(e.addr, e);
        const j = cols.addRecord(rec, old, e.refEnts, e.labels, this.moved, this.nMoved);
        if (j !== old) {
          e.recIdx = j;
          // containers showing this object's repr show the new one
          if (old >= 0 && cols.strings[cols.recRepr[old]!] !== rec.repr) {
            const c1 = e.holder;
            if (c1 && c1.shown && !c1.dirty) {
              c1.dirty = true;
              next.push(c1);
            }
            if (e.holders) {
              for (const c of e.holders) {
                if (c.shown && !c.dirty) {
                  c.dirty = true;
                  next.push(c);
                }
              }
            }
          }
        }
        // borrowed objects it came to reference join the picture (those it referenced already are in it)
        const revealed = this.revealed;
        if (revealed.length) {
          for (const re of revealed) {
            if (!re.shown) {
              this.show(re);
              next.push(re);
            }
          }
          this.revealed = [];
        }
      }
      todo = next;
    }
    // Removals of freed or hidden objects; an upserted serial is never also removed.
    for (const r of this.removed) {
      let again = false;
      for (let j = first, n = cols.recordCount; j < n; j++) if (cols.recSerial[j] === r) again = true;
      if (!again) cols.addRemoved(r);
    }
    if (this.removed.length) this.removed = [];
    this.lastCounts = gc.counts;
  }

  /**
   * A number that changes when what `o` references may have changed, read from memory without a WASM
   * call: a list's item pointers (up to SIG_ITEMS of them), a dict's version tag, a set's fill/used/table,
   * a cell's content, an instance's dict and slots; for other kinds its refcount.
   */
  private signature(o: Obj, e: Entry): number {
    const h = this.vm.h;
    switch (e.kind) {
      case Kind.LIST: {
        const n = h.getI32(o, abi.OB_SIZE);
        const items = h.getI32(o, abi.LIST_ITEMS);
        let x = (n * 31 + items) | 0;
        if (items) for (let i = 0, m = Math.min(n, SIG_ITEMS); i < m; i++) x = (Math.imul(x, 31) + h.getI32(items, 8 * i)) | 0;
        return x;
      }
      case Kind.DICT:
        return h.getI32(o, abi.DICT_VERSION);
      case Kind.SET:
        return (h.getI32(o, abi.SET_USED) * 31 + h.getI32(o, abi.SET_FILL) * 7 + h.getI32(o, abi.SET_TABLE)) | 0;
      case Kind.CELL:
        return h.getSlot(o, L.CELL_REF);
      default: {
        let x = h.refcnt(o);
        const slots = e.slotOffsets;
        if (slots) for (const off of slots) x = (Math.imul(x, 31) + h.getSlot(o, off)) | 0;
        if (e.managed) {
          const values = h.getSlot(o, abi.MANAGED_VALUES);
          const n = values ? this.sharedKeys(h.typeOf(o)).length : 0;
          for (let i = 0; i < n; i++) x = (Math.imul(x, 31) + h.getSlot(values, 8 * i)) | 0;
        }
        return x;
      }
    }
  }

  private refreshGenerations(): void {
    const gens = this.heap.gc.generations();
    for (const e of this.active) {
      const g = gens.get(e.addr) ?? null;
      if (g !== e.gen) {
        e.gen = g;
        this.markDirty(e);
      }
    }
  }

  /** After a collection: the promote events list the picture objects that moved up. */
  private fillPromotions(events: TraceEvent[]): void {
    for (const ev of events) {
      if (ev.kind !== "promote") continue;
      for (const e of this.active) {
        if (e.recIdx < 0) continue;
        if (e.gen === ev.to && this.prevGen.get(e.serial) !== undefined && (this.prevGen.get(e.serial)! as number) <= ev.from) ev.ids.push({ id: this.idOf(e.addr), serial: e.serial });
      }
    }
  }
  private readonly prevGen = new Map<number, Gen>();

  private isGcType(t: Obj): boolean {
    let b = this.gcTypes.get(t);
    if (b === undefined) {
      b = (this.vm.h.getI32(t, abi.TP_FLAGS) & abi.TPF_HAVE_GC) !== 0;
      this.gcTypes.set(t, b);
    }
    return b;
  }

  /** The record of `o` as of now, in `this.rec` (reused: the columns copy it), and its referents read
   *  (`readReferents`: e.refEnts, e.labels, and the slots moved since the last read). */
  private makeRecord(o: Obj, e: Entry): RecordFields {
    const vm = this.vm;
    const h = vm.h;
    const heap = this.heap;
    const t = h.typeOf(o);
    const gcType = this.isGcType(t);
    e.rc = h.refcnt(o);
    if (e.shown) this.act[2 * e.slot + 1] = e.rc;
    if (gcType) {
      const tracked = heap.gc.isTracked(o);
      if (!tracked) e.gen = null;
      // made this step and no collection since: in the young generation (no walk of the GC lists)
      else if (e.gen === null) e.gen = e.own && e.born === this.columns.length && !this.gcRan ? 0 : this.genOfNew(o);
    } else e.gen = null;
    if (e.recIdx >= 0) {
      const g = this.columns.generationOf(e.recIdx);
      if (g !== e.gen && g !== null) this.prevGen.set(e.serial, g);
    }
    this.readReferents(o, e);
    e.sig = this.signature(o, e);
    // (a kept text is the entry's own: no lookup of it by address)
    const text = e.text;
    const repr = text !== undefined && text.length <= MAX_REPR ? text : (e.own && REPR_OF_ITEMS.has(e.kind) && this.itemsRepr(e, t)) || shortRepr(vm, o, this.reprCache);
    let size = e.size;
    let block = e.block;
    if (size < 0) {
      size = h.sizeOf(o);
      block = heap.isStatic(o) ? 0 : heap.blockSize(o) + heap.buffersSize(o);
      if (IMMUTABLE.has(e.kind)) {
        e.size = size;
        e.block = block;
      }
    }
    const rec = this.rec;
    rec.serial = e.serial;
    rec.type = this.typeName(t);
    rec.repr = repr;
    rec.refcount = e.rc;
    rec.generation = e.gen;
    rec.gcType = gcType;
    rec.size = size;
    rec.blockSize = block;
    rec.immortalish = !e.own;
    rec.referentCount = e.refCount > e.refs.length ? e.refCount : -1;
    rec.finalized = gcType && heap.gc.isFinalized(o);
    return rec;
  }
  private readonly rec: RecordFields = { serial: 0, type: "", repr: "", refcount: 0, generation: null, gcType: false, size: 0, blockSize: 0, immortalish: false, referentCount: -1, finalized: false };

  /**
   * The repr of an exact list, tuple or dict whose shown items are all scalars with a kept text, from its
   * referents' entries (no heap reads); "" when some item has none (then shortRepr writes it, keeping the
   * texts for next time). The same text as shortRepr: items while the text is shorter than MAX_REPR + 1,
   * the closing bracket, cut to MAX_REPR with "…".
   */
  private itemsRepr(e: Entry, t: Obj): string {
    const T = this.vm.T;
    const ents = e.refEnts;
    const n = e.refCount;
    const budget = MAX_REPR + 1;
    // the last text again when it read the same items (an entry is one object's life, its text fixed
    // unless a str grew in place; ents is never longer than the count) and, if it read them all, there are
    // as many now
    const c = e.items;
    if (c && c[0] === this.resizes && (c[2] < c[3] || n === c[3])) {
      let j = 0;
      while (j < c[2] && ents[j] === c[1][j]) j++;
      if (j === c[2]) return c[4];
    }
    let s: string;
    let j: number;
    if (e.kind === Kind.LIST || e.kind === Kind.TUPLE) {
      if (t !== (e.kind === Kind.LIST ? T.list : T.tuple)) return "";
      s = e.kind === Kind.LIST ? "[" : "(";
      let i = 0;
      for (; i < n && s.length < budget; i++) {
        if (i >= ents.length) return "";
        const text = ents[i]!.text;
        if (text === undefined) return "";
        s += i ? ", " + text : text;
      }
      j = i;
      s += e.kind === Kind.LIST ? "]" : n === 1 ? ",)" : ")";
    } else if (e.kind === Kind.DICT) {
      if (t !== T.dict) return "";
      s = "{";
      const items = n >> 1;
      let i = 0;
      for (; i < items && s.length < budget; i++) {
        if (2 * i + 1 >= ents.length) return "";
        const k = ents[2 * i]!.text;
        const v = ents[2 * i + 1]!.text;
        if (k === undefined || v === undefined) return "";
        s += (i ? ", " : "") + k + ": " + v;
      }
      j = 2 * i;
      s += "}";
    } else return "";
    s = s.length > MAX_REPR ? s.slice(0, MAX_REPR - 1) + "…" : s;
    e.items = [this.resizes, ents, j, n, s];
    return s;
  }

  /** Reprs of immutable scalars, kept on their entries for as long as they live. */
  private readonly reprCache: ReprCache = {
    get: (o) => this.entries.get(o)?.text,
    set: (o, text) => {
      const e = this.entries.get(o);
      if (e) e.text = text;
    },
  };

  /** A newly tracked object is in generation 0 unless a collection moved it (then the GC lists tell). */
  private genOfNew(o: Obj): Gen {
    const core = this.heap.core;
    if (core.gc_generation_size(1) === 0 && core.gc_generation_size(2) === 0) return 0;
    return this.heap.gc.generations().get(o) ?? 0;
  }

  /** Fill e.refs/e.labels with what o references (traversal order; items by index for sequences). */
  private readReferents(o: Obj, e: Entry): void {
    if (!e.own || NO_REFERENT_KINDS.has(e.kind)) {
      // borrowed objects and scalars: no referents drawn
      e.refs = NO_REFS;
      e.refEnts = NO_ENTRIES;
      e.labels = NO_LABELS;
      e.refCount = 0;
      this.nMoved = 0;
      return;
    }
    const vm = this.vm;
    const h = vm.h;
    let newRefs: Obj[] = [];
    let labels: string[] = [];
    // lists, tuples and dicts are read into kept buffers (newRefs[0..nRefs)), other kinds into new arrays
    let nRefs = -1;
    let count = 0;
    switch (e.own ? e.kind : -1) {
      case -1:
      case Kind.INT:
      case Kind.BOOL:
      case Kind.FLOAT:
      case Kind.COMPLEX:
      case Kind.STR:
      case Kind.BYTES:
      case Kind.NONE:
      case Kind.RANGE:
        break;
      case Kind.LIST:
      case Kind.TUPLE: {
        // items are never NULL: one exact array, and the shared "[0]", "[1]"… labels of its length
        const list = e.kind === Kind.LIST;
        const n = list ? h.listLen(o) : h.getI32(o, abi.OB_SIZE);
        const m = Math.min(n, MAX_REFERENTS);
        newRefs = this.refBuf;
        for (let i = 0; i < m; i++) newRefs[i] = list ? h.listGet(o, i) : h.tupleGet(o, i);
        labels = indexLabels(m);
        nRefs = m;
        count = n;
        break;
      }
      case Kind.DICT: {
        const ks = this.dictKeysBuf;
        const vs = this.dictValuesBuf;
        const m = dictItems(h.i32, o, MAX_REFERENTS >> 1, ks, vs);
        const oldRefs = e.refs;
        const oldEnts = e.refEnts;
        // (keys and values are never NULL, and 2m ≤ MAX_REFERENTS)
        newRefs = this.refBuf;
        labels = this.labelBuf;
        nRefs = 2 * m;
        for (let i = 0; i < m; i++) {
          const k = ks[i]!;
          // key i is referent 2i, as it was in the last read
          const oe = 2 * i < oldRefs.length && oldRefs[2 * i] === k ? oldEnts[2 * i] : undefined;
          const ke = oe && !oe.dead ? oe : (this.entries.get(k) ?? this.entry(k, false));
          let kl = ke.keyLabels;
          if (!kl) {
            // (the key's text is kept on its entry when it is a scalar's)
            const r = shortRepr(vm, k, this.reprCache);
            kl = ke.keyLabels = [`key ${r}`, `[${r}]`];
          }
          newRefs[2 * i] = k;
          labels[2 * i] = kl[0];
          newRefs[2 * i + 1] = vs[i]!;
          labels[2 * i + 1] = kl[1];
        }
        // the entries past the kept ones are only counted
        count = 2 * h.getI32(o, abi.DICT_USED);
        break;
      }
      case Kind.SET:
      case Kind.FROZENSET:
        for (let p = h.setNext!(o, -1); p >= 0; p = h.setNext!(o, p)) count += addRef(newRefs, labels, h.setKeyAt!(o, p), "item");
        break;
      case Kind.CELL:
        count += addRef(newRefs, labels, h.getSlot(o, L.CELL_REF), "cell");
        break;
      default: {
        if (this.heap.isStatic(o) && !e.own) break;
        let ti;
        try {
          ti = vm.typeInfo(o);
        } catch {
          break;
        }
        const byAddr = new Map<Obj, string>();
        for (const [name, off] of ti.slots) {
          const v = h.getSlot(o, off);
          if (v) byAddr.set(v, `.${name}`);
        }
        let d = 0;
        try {
          d = ti.kind === Kind.TYPE ? 0 : vm.instDict(o, false);
        } catch {
          d = 0;
        }
        if (d) byAddr.set(d, "__dict__");
        if (e.managed && !d && h.getSlot(o, abi.MANAGED_VALUES)) {
          const keys = this.sharedKeys(h.typeOf(o));
          for (let i = 0; i < keys.length; i++) {
            const v = this.heap.valuesGet(o, i);
            if (v && !byAddr.has(v)) byAddr.set(v, `.${keys[i]}`);
          }
        }
        const t = h.typeOf(o);
        for (const r of this.heap.referents(o)) count += addRef(newRefs, labels, r, byAddr.get(r) ?? (r === t ? "__class__" : "ref"));
      }
    }
    const old = e.refs;
    const oldEnts = e.refEnts;
    e.refCount = count;
    if (nRefs < 0) nRefs = newRefs.length;
    // the same referents as last time (most re-read dicts changed past their shown items): nothing changes
    if (old.length === nRefs) {
      const oldLabels = e.labels;
      let i = 0;
      while (i < nRefs && old[i] === newRefs[i] && oldLabels[i] === labels[i] && !oldEnts[i]!.dead) i++;
      this.nMoved = 0;
      if (i === nRefs) return;
    }
    const ol = e.labels;
    // labels read into the buffer: the entry's array when the same
    if (labels === this.labelBuf) {
      let i = 0;
      if (ol.length === nRefs) while (i < nRefs && ol[i] === labels[i]) i++;
      labels = i === nRefs ? ol : labels.slice(0, nRefs);
    }
    // The entry's arrays are changed in place, in the slots that changed (most rebuilt containers differ
    // in one or two, or grew by one); a slot holding the same address keeps its entry while that one lives.
    // The slots whose referent or label moved are noted for the columns (`moved`).
    const n0 = old.length;
    const refs = n0 ? old : [];
    const ents = n0 ? oldEnts : [];
    const c = e.items;
    const moved = this.moved;
    let nm = 0;
    for (let i = 0; i < nRefs; i++) {
      const r = newRefs[i]!;
      const same = i < n0 && old[i] === r;
      if (same && !oldEnts[i]!.dead) {
        if (ol[i] !== labels[i]) moved[nm++] = i;
        continue;
      }
      moved[nm++] = i;
      // (itemsRepr's kept text read these slots)
      if (c && i < c[2]) e.items = null;
      ents[i] = this.entries.get(r) ?? this.entry(r, false);
      if (same) continue;
      if (i < n0) this.bump(e, old[i]!, -1);
      refs[i] = r;
      this.bump(e, r, 1);
    }
    for (let i = nRefs; i < n0; i++) this.bump(e, old[i]!, -1);
    if (nRefs < n0) {
      if (c && nRefs < c[2]) e.items = null;
      refs.length = ents.length = nRefs;
    }
    e.refs = nRefs ? refs : NO_REFS;
    e.refEnts = nRefs ? ents : NO_ENTRIES;
    e.labels = nRefs ? labels : NO_LABELS;
    this.nMoved = nm;
  }
  /** The slots of the last read whose referent or label differs from the read before (`nMoved` of them). */
  private readonly moved = new Int32Array(MAX_REFERENTS);
  private nMoved = 0;

  /** Scratch for readReferents (up to MAX_REFERENTS slots, filled from 0). */
  private readonly refBuf: Obj[] = [];
  private readonly labelBuf: string[] = [];
  private readonly dictKeysBuf: Obj[] = [];
  /** In-place str growths seen (they change a kept text). */
  private resizes = 0;
  private readonly dictValuesBuf: Obj[] = [];

  /** An own container `e` gained (d > 0) or lost a reference to `r`: holders and borrowed counts follow. */
  private bump(e: Entry, r: Obj, d: number): void {
    let re = this.entries.get(r);
    if (!re && d > 0) re = this.entry(r, false);
    if (re && REPR_OF_ITEMS.has(e.kind)) {
      if (d > 0) {
        if (re.holders) re.holders.add(e);
        else if (!re.holder || re.holder === e) re.holder = e;
        else {
          re.holders = new Set([re.holder, e]);
          re.holder = null;
        }
      } else if (re.holders) re.holders.delete(e);
      else if (re.holder === e) re.holder = null;
    }
    if (re?.own) return;
    if (d > 0) {
      this.borrowedRefs.set(r, (this.borrowedRefs.get(r) ?? 0) + 1);
      if (!re!.shown) this.revealed.push(re!);
    } else this.dropBorrowed(r);
  }
  /** Borrowed entries that own records came to reference during the current record pass. */
  private revealed: Entry[] = [];

  /**
   * Attribute names of a class's shared keys, in values-array order (read from the keys object:
   * entries follow the index bytes; unicode entries are (key, value), general ones (hash, key, value)).
   */
  private sharedKeys(t: Obj): string[] {
    const h = this.vm.h;
    const k = h.getSlot(t, abi.TP_CACHED_KEYS);
    if (!k) return NO_LABELS;
    const n = h.getI32(k, abi.DK_NENTRIES);
    let cached = this.keysCache.get(t);
    if (cached && cached.k === k && cached.names.length === n) return cached.names;
    const mem = new Uint8Array(this.heap.memory.buffer);
    const entries = k + abi.DK_INDICES + (1 << mem[k + abi.DK_LOG2_INDEX_BYTES]!);
    const unicode = mem[k + abi.DK_KIND] === abi.DK_KIND_UNICODE;
    const names: string[] = [];
    for (let i = 0; i < n; i++) {
      const key = unicode ? h.getSlot(entries, 16 * i) : h.getSlot(entries, 24 * i + 8);
      names.push(key ? this.keyName(key) : "?");
    }
    cached = { k, names };
    this.keysCache.set(t, cached);
    return names;
  }
  private readonly keysCache = new Map<Obj, { k: Obj; names: string[] }>();

}

/** Count a referent (1, or 0 for NULL) and keep it with its label while fewer than MAX_REFERENTS are kept. */
function addRef(refs: Obj[], labels: string[], r: Obj, label: string): number {
  if (!r) return 0;
  if (refs.length < MAX_REFERENTS) {
    refs.push(r);
    labels.push(label);
  }
  return 1;
}

/** Remove a[i] by moving the last element into its place (`moved` updates that element's index). */
function removeAt<T>(a: T[], i: number, moved: (x: T, i: number) => void): void {
  const last = a.pop()!;
  if (i < a.length) {
    a[i] = last;
    moved(last, i);
  }
}

/** Start recording a run of `vm` on `heap` (see TraceRecorder). */
export function startTrace(vm: VM, heap: Heap, options: RecorderOptions): TraceRecorder {
  return new TraceRecorder(vm, heap, options);
}
