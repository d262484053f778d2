/**
 * How a recorded trace is held: steps in columns (typed arrays and append-only tables), made into the
 * TraceStep objects of schema.ts only when someone reads them.
 *
 * A 10^6-step trace as plain objects is ~10^7 small JS objects that V8's collector marks again at every
 * old-space collection while the run goes on; in columns a step costs a few typed-array slots, and the
 * objects it shares with other steps (frame lists, GC states, allocator states, records) are stored once.
 *
 * `Trace.steps` and `Trace.keyframes` of a recorded trace are lazy arrays (`lazyArray`): real `Array`s to
 * every reader (`Array.isArray`, indexing, `length`, iteration, `map`/`slice`, `JSON.stringify`, vitest's
 * `toEqual`) whose elements are made on first read and then kept, so a reader sees the same object each
 * time and may change it like any array. `Session` reads the columns directly (`columnsOf`) unless the
 * arrays were replaced or written to (changes made inside a step object are not seen by it).
 * The one difference from a plain array: `structuredClone` refuses a Proxy (clone `JSON.parse(
 * JSON.stringify(trace))` or `plainTrace(trace)` instead).
 *
 * Records (HeapObject), their referent lists, alloc/free events, frame lists with their locals and
 * allocator states are columns too: numbers and indices in typed arrays, texts once each in `strings`
 * (an object's id once per serial), and a list equal to the one its object showed before is stored once.
 * A reader gets new objects made from them; steps, keyframes and locals arrays are kept once made.
 *
 * Invariant: step i's upserted records are records `upEnd[i−1] .. upEnd[i]` (upEnd[−1] = 0), its removed
 * serials `removed[remEnd[i−1] .. remEnd[i])`, its events `events[evEnd[i−1] .. evEnd[i])`; its stdout is
 * `stdout[outEnd[i−1] .. outEnd[i])` of the whole output. A keyframe lists record indices.
 */
import type { AllocatorState, FrameView, FreeListView, GcState, HeapDelta, HeapObject, Keyframe, NextBlockView, Trace, TraceEvent, TraceStep } from "./schema.js";
import { OP_NAMES } from "../compile/opcodes.js";

const KINDS: TraceStep["kind"][] = ["line", "instruction", "call", "return", "exception"];
/** The numeric code of each step kind in `StepColumns.kind`. */
export const KIND_CODE: Record<TraceStep["kind"], number> = { line: 0, instruction: 1, call: 2, return: 3, exception: 4 };

/** Shared by the steps whose delta is empty (traces are read-only). */
const EMPTY_DELTA: HeapDelta = { upsert: [], removed: [] };
const NO_EVENTS: TraceEvent[] = [];
const NO_SERIALS: number[] = [];
const NO_RECORDS: HeapObject[] = [];
const NO_REFERENTS: HeapObject["referents"] = [];

/** `recFlags` bits: the generation (GEN_NONE for null) in the low two bits, then the boolean fields. */
const GEN_MASK = 3;
const GEN_NONE = 3;
const GC_TYPE = 4;
const IMMORTALISH = 8;
const FINALIZED = 16;
const GENS: HeapObject["generation"][] = [0, 1, 2, null];
/** Referent lists shorter than this are stored whole; a patched list's chain is at most this deep. */
const MIN_PATCHED = 8;
const MAX_PATCH_DEPTH = 16;

type Column = Int32Array | Float64Array | Uint8Array;
/** `a`, or a copy of it at least twice as long when it holds fewer than `need` slots. */
function grown<T extends Column>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, 2 * a.length));
  b.set(a as ArrayLike<number>);
  return b;
}

/** A growable column of 32-bit integers. */
class Ints {
  a: Int32Array;
  n = 0;
  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity);
  }
  push(v: number): number {
    if (this.n >= this.a.length) this.a = grown(this.a, this.n + 1);
    this.a[this.n] = v;
    return this.n++;
  }
}

/** Event codes in `evCode`: alloc and free events are columns, the rare others objects in `otherEvents`. */
const EV_OTHER = 0;
const EV_ALLOC = 1;
const EV_FREE_REFCOUNT = 2;
const EV_FREE_GC = 3;

/** A record's fields as the recorder hands them to `addRecord` (referentCount −1: none). */
export interface RecordFields {
  serial: number;
  type: string;
  repr: string;
  refcount: number;
  generation: HeapObject["generation"];
  gcType: boolean;
  size: number;
  blockSize: number;
  immortalish: boolean;
  referentCount: number;
  finalized: boolean;
}

/** What one step adds to the columns (`StepColumns.push`). */
export interface StepFields {
  line: number;
  kind: TraceStep["kind"];
  /** Index of the step's frames (`addFrames`) (the innermost frame's line may be stale: `line` wins). */
  frames: number;
  gc: number;
  /** Index of the allocator state (`addAllocator`), or −1 when the allocator's answers did not change. */
  alloc: number;
  heapBytes: number;
  liveObjects: number;
  stdout: string;
  stderr: string;
  /** Instruction steps: offset, opcode and oparg (arg shown for opcodes ≥ 90, as CPython's HAVE_ARGUMENT). */
  offset?: number;
  op?: number;
  arg?: number;
}

/**
 * The steps of one trace in columns. The recorder appends (`addRecord`, `addRemoved`, `addEvents`,
 * `push`, `addKeyframe`); readers use `step(i)`, `keyframe(k)`, `applyStep` and the prefix arrays.
 */
export class StepColumns {
  // Every column starts small (a first trace is often short, and a page's first run makes one) and doubles
  // as it fills (`grown`).
  /** Number of steps. */
  length = 0;
  line: Int32Array = new Int32Array(128);
  kind: Uint8Array = new Uint8Array(128);
  frames: Int32Array = new Int32Array(128);
  gc: Int32Array = new Int32Array(128);
  alloc: Int32Array = new Int32Array(128);
  heapBytes: Float64Array = new Float64Array(128);
  live: Int32Array = new Int32Array(128);
  upEnd: Int32Array = new Int32Array(128);
  remEnd: Int32Array = new Int32Array(128);
  evEnd: Int32Array = new Int32Array(128);
  /** Length of stdout / stderr up to and including each step. */
  outEnd: Float64Array = new Float64Array(128);
  errEnd: Float64Array = new Float64Array(128);
  /** Instruction steps only: byte offset, opcode and oparg per step. */
  offset: Int32Array | null = null;
  op: Int32Array | null = null;
  arg: Int32Array | null = null;

  /** Records emitted, in emission order (a record is emitted once, then shared): one slot each. */
  recordCount = 0;
  recSerial: Int32Array = new Int32Array(128);
  recRefcount: Int32Array = new Int32Array(128);
  recFlags: Uint8Array = new Uint8Array(128);
  recSize: Float64Array = new Float64Array(128);
  recBlock: Float64Array = new Float64Array(128);
  /** `referentCount`, or −1 when the record has none. */
  recRefCount: Int32Array = new Int32Array(128);
  /** Indices into `strings` (id, type, repr) and of the referent list (0: none). */
  recId: Int32Array = new Int32Array(128);
  recType: Int32Array = new Int32Array(128);
  recRepr: Int32Array = new Int32Array(128);
  recRefs: Int32Array = new Int32Array(128);
  /** Texts named by index (ids, type names, reprs, labels); index 0 is "". */
  readonly strings: string[] = [""];
  /** Per serial: the index of the object's id in `strings` (0 until first seen). */
  serialId: Int32Array = new Int32Array(512);
  private readonly stringIndex = new Map<string, number>();
  /**
   * Referent list L (L ≥ 1) has listLen[L] referents. When listBase[L] is −1 they are listStart[L] ..
   * +listLen[L] of refSerial/refLabel; otherwise L is list listBase[L] cut or grown to listLen[L] with the
   * patches listStart[L] .. listStart[L + 1]… (patchCount[L] of them) of patchPos/patchSerial/patchLabel
   * applied: most lists differ from their object's previous one in a slot or two. A chain of patched
   * lists is at most MAX_PATCH_DEPTH long.
   */
  readonly listStart = new Ints(64);
  readonly listLen = new Ints(64);
  readonly listBase = new Ints(64);
  readonly listDepth = new Ints(64);
  readonly patchCount = new Ints(64);
  readonly refSerial = new Ints(128);
  readonly refLabel = new Ints(128);
  readonly patchPos = new Ints(512);
  readonly patchSerial = new Ints(512);
  readonly patchLabel = new Ints(512);
  removed: Int32Array = new Int32Array(128);
  removedCount = 0;
  /** Events in emission order: a code (EV_*), and for alloc/free the serial, type name and size. */
  readonly evCode = new Ints(128);
  readonly evSerial = new Ints(128);
  readonly evType = new Ints(128);
  /** alloc: the size; other events: the index in `otherEvents`. */
  readonly evNum = new Ints(128);
  readonly otherEvents: TraceEvent[] = [];
  /** Distinct GC states, each stored once and named by index. */
  readonly gcTable: GcState[] = [];
  /** Frame lists (`addFrames`): list F is frames flStart[F] .. +flLen[F] of fName/fLine/fLocals, each
   *  frame's locals list L its names and serials llStart[L] .. +llLen[L] of lName/lSerial. Instruction
   *  traces (frames with value stacks) keep their lists as objects in `frameObjects` instead. */
  readonly flStart = new Ints(128);
  readonly flLen = new Ints(128);
  readonly fName = new Ints(128);
  readonly fLine = new Ints(128);
  readonly fLocals = new Ints(128);
  readonly llStart = new Ints(128);
  readonly llLen = new Ints(128);
  readonly lName = new Ints(512);
  readonly lSerial = new Ints(512);
  readonly frameObjects: FrameView[][] = [];
  /** Locals arrays stored lately, by identity (the recorder shares an unchanged frame's array). */
  private localsIndex = new Map<FrameView["locals"], number>();
  /** Allocator states: views alNbStart[a] .. +alNbLen[a] of `nbPool` (indices in `nbViews`), `full`,
   *  and the index of the free lists in `freeListTable` (−1: absent). */
  readonly alNbStart = new Ints(128);
  readonly alNbLen = new Ints(128);
  readonly alFull = new Ints(128);
  readonly alFree = new Ints(128);
  readonly nbPool = new Ints(512);
  readonly nbViews: NextBlockView[] = [];
  private readonly nbViewIndex = new Map<NextBlockView, number>();
  readonly freeListTable: FreeListView[][] = [];

  /** Keyframes: the step, and the record indices of the picture in `kfRecs[kfEnd[k−1] .. kfEnd[k])`. */
  kfStep: Int32Array = new Int32Array(64);
  kfEnd: Int32Array = new Int32Array(64);
  kfRecs: Int32Array = new Int32Array(512);
  kfCount = 0;

  private outChunks: string[] = [];
  private errChunks: string[] = [];
  private outLen = 0;
  private errLen = 0;
  private outText: string | null = "";
  private errText: string | null = "";

  constructor(readonly granularity: "line" | "instruction") {
    // referent list 0: none
    this.listStart.push(0);
    this.listLen.push(0);
    this.listBase.push(-1);
    this.listDepth.push(0);
    this.patchCount.push(0);
    if (granularity === "instruction") {
      this.offset = new Int32Array(1024);
      this.op = new Int32Array(1024);
      this.arg = new Int32Array(1024);
    }
  }

  /**
   * Append a record, unless it shows what record `prev` (the same object's previous one, −1 for none)
   * shows: then `prev` is returned, else the new record's index. Its referents are `ents[i].serial` with
   * `labels[i]`; `moved[0..nMoved)` are the slots that differ from record `prev`'s list (it is stored as
   * patches on that one when they are few). The object's id is its serial's (`idIndex`).
   */
  addRecord(rec: RecordFields, prev: number, ents: ArrayLike<{ serial: number }>, labels: string[], moved: Int32Array, nMoved: number): number {
    const flags = (rec.generation === null ? GEN_NONE : rec.generation) | (rec.gcType ? GC_TYPE : 0) | (rec.immortalish ? IMMORTALISH : 0) | (rec.finalized ? FINALIZED : 0);
    const n = ents.length;
    const strings = this.strings;
    // (the type is not compared: an object's record shows the type it had when made)
    if (
      prev >= 0 &&
      nMoved === 0 &&
      this.recRefcount[prev] === rec.refcount &&
      ((this.recFlags[prev]! ^ flags) & ~GC_TYPE) === 0 &&
      this.recSize[prev] === rec.size &&
      this.recBlock[prev] === rec.blockSize &&
      this.recRefCount[prev] === rec.referentCount &&
      this.listLen.a[this.recRefs[prev]!] === n &&
      strings[this.recRepr[prev]!] === rec.repr
    )
      return prev;
    const j = this.recordCount;
    if (j >= this.recSerial.length) this.growRecords(j + 1);
    this.recSerial[j] = rec.serial;
    this.recRefcount[j] = rec.refcount;
    this.recFlags[j] = flags;
    this.recSize[j] = rec.size;
    this.recBlock[j] = rec.blockSize;
    this.recRefCount[j] = rec.referentCount;
    this.recId[j] = this.serialId[rec.serial]!;
    if (prev >= 0 && strings[this.recRepr[prev]!] === rec.repr) this.recRepr[j] = this.recRepr[prev]!;
    else this.recRepr[j] = strings.push(rec.repr) - 1;
    this.recType[j] = this.stringIndexOf(rec.type);
    const prevList = prev >= 0 ? this.recRefs[prev]! : 0;
    if (n === 0) this.recRefs[j] = 0;
    else if (prevList && nMoved === 0 && this.listLen.a[prevList] === n) this.recRefs[j] = prevList;
    else this.recRefs[j] = this.addReferents(ents, labels, prevList, moved, nMoved);
    this.recordCount = j + 1;
    return j;
  }

  /** The generation record j shows. */
  generationOf(j: number): HeapObject["generation"] {
    return GENS[this.recFlags[j]! & GEN_MASK]!;
  }

  /** Index of `s` in `strings` for the few texts that repeat (type names, labels): added once. */
  private stringIndexOf(s: string): number {
    let k = this.stringIndex.get(s);
    if (k === undefined) this.stringIndex.set(s, (k = this.strings.push(s) - 1));
    return k;
  }

  /** Index in `strings` of the id of the object with `serial` (an object keeps its id for its life). */
  idIndex(serial: number, id: string): number {
    if (serial >= this.serialId.length) this.serialId = grown(this.serialId, serial + 1);
    let k = this.serialId[serial]!;
    if (k === 0) k = this.serialId[serial] = this.strings.push(id) - 1;
    return k;
  }

  /** Store a referent list, as patches of `prevList` (the object's previous list, 0 for none: `moved`
   *  lists the slots that differ from it) when few slots differ. Returns the list's index. */
  private addReferents(ents: ArrayLike<{ serial: number }>, labels: string[], prevList: number, moved: Int32Array, nMoved: number): number {
    const n = ents.length;
    if (prevList && n >= MIN_PATCHED && this.listDepth.a[prevList]! < MAX_PATCH_DEPTH && nMoved <= n >> 2) {
      const start = this.patchPos.n;
      for (let k = 0; k < nMoved; k++) {
        const i = moved[k]!;
        this.patchPos.push(i);
        this.patchSerial.push(ents[i]!.serial);
        this.patchLabel.push(this.stringIndexOf(labels[i]!));
      }
      this.listStart.push(start);
      this.listBase.push(prevList);
      this.listDepth.push(this.listDepth.a[prevList]! + 1);
      this.patchCount.push(nMoved);
      return this.listLen.push(n);
    }
    const start = this.refSerial.n;
    for (let i = 0; i < n; i++) {
      this.refSerial.push(ents[i]!.serial);
      this.refLabel.push(this.stringIndexOf(labels[i]!));
    }
    this.listStart.push(start);
    this.listBase.push(-1);
    this.listDepth.push(0);
    this.patchCount.push(0);
    return this.listLen.push(n);
  }

  /** A new array of the referents of list L. */
  private referentsOf(L: number): HeapObject["referents"] {
    if (!L) return NO_REFERENTS;
    const s = this.strings;
    const ref = (serial: number, label: number): HeapObject["referents"][number] => ({ label: s[label]!, id: s[this.serialId[serial]!]!, serial });
    // the chain down to a full list, then its patches oldest first
    const chain: number[] = [];
    let base = L;
    while (this.listBase.a[base]! >= 0) {
      chain.push(base);
      base = this.listBase.a[base]!;
    }
    const start = this.listStart.a[base]!;
    const n = this.listLen.a[base]!;
    const out: HeapObject["referents"] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = ref(this.refSerial.a[start + i]!, this.refLabel.a[start + i]!);
    for (let c = chain.length - 1; c >= 0; c--) {
      const P = chain[c]!;
      out.length = this.listLen.a[P]!;
      const p0 = this.listStart.a[P]!;
      for (let k = p0, e = p0 + this.patchCount.a[P]!; k < e; k++) out[this.patchPos.a[k]!] = ref(this.patchSerial.a[k]!, this.patchLabel.a[k]!);
    }
    return out;
  }

  /** Store the frames of a step (the innermost one's line is the step's: see `framesOf`); returns the
   *  index of the list. */
  addFrames(views: FrameView[]): number {
    if (this.granularity === "instruction") return this.frameObjects.push(views) - 1;
    const start = this.fName.n;
    for (const v of views) {
      let L = this.localsIndex.get(v.locals);
      if (L === undefined) {
        L = this.llStart.push(this.lName.n);
        this.llLen.push(v.locals.length);
        for (const l of v.locals) {
          this.lName.push(this.stringIndexOf(l.name));
          this.lSerial.push(l.serial);
          this.idIndex(l.serial, l.id);
        }
        // (a bounded table: an array stored again later is only stored twice)
        if (this.localsIndex.size >= 4096) this.localsIndex = new Map();
        this.localsIndex.set(v.locals, L);
      }
      this.fName.push(this.stringIndexOf(v.name));
      this.fLine.push(v.line);
      this.fLocals.push(L);
    }
    this.flStart.push(start);
    return this.flLen.push(views.length);
  }

  /** Locals arrays made so far, by list: steps showing the same locals share one array, as recorded. */
  private readonly localsMade = new Map<number, FrameView["locals"]>();

  /** New FrameView objects of frame list F, the innermost on `line` (their locals arrays are shared). */
  private frameList(F: number, line: number): FrameView[] {
    const start = this.flStart.a[F]!;
    const n = this.flLen.a[F]!;
    const s = this.strings;
    const out: FrameView[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const L = this.fLocals.a[start + k]!;
      let locals = this.localsMade.get(L);
      if (!locals) {
        const l0 = this.llStart.a[L]!;
        const ln = this.llLen.a[L]!;
        locals = new Array(ln);
        for (let i = 0; i < ln; i++) {
          const serial = this.lSerial.a[l0 + i]!;
          locals[i] = { name: s[this.lName.a[l0 + i]!]!, id: s[this.serialId[serial]!]!, serial };
        }
        this.localsMade.set(L, locals);
      }
      out[k] = { name: s[this.fName.a[start + k]!]!, line: k === n - 1 ? line : this.fLine.a[start + k]!, locals };
    }
    return out;
  }

  /** Store an allocator state; returns its index. */
  addAllocator(st: AllocatorState): number {
    const start = this.nbPool.n;
    for (const v of st.nextBlock) {
      let k = this.nbViewIndex.get(v);
      if (k === undefined) {
        k = this.nbViews.push(v) - 1;
        this.nbViewIndex.set(v, k);
      }
      this.nbPool.push(k);
    }
    this.alNbStart.push(start);
    this.alNbLen.push(st.nextBlock.length);
    this.alFull.push(st.full ? 1 : 0);
    return this.alFree.push(st.freeLists ? this.freeListTable.push(st.freeLists) - 1 : -1);
  }

  /** A new AllocatorState object for state a. */
  allocator(a: number): AllocatorState {
    const start = this.alNbStart.a[a]!;
    const n = this.alNbLen.a[a]!;
    const nextBlock: NextBlockView[] = new Array(n);
    for (let i = 0; i < n; i++) nextBlock[i] = this.nbViews[this.nbPool.a[start + i]!]!;
    const out: AllocatorState = { nextBlock };
    if (this.alFull.a[a]) out.full = true;
    const f = this.alFree.a[a]!;
    if (f >= 0) out.freeLists = this.freeListTable[f];
    return out;
  }

  /** A new object for event k. */
  event(k: number): TraceEvent {
    const code = this.evCode.a[k]!;
    if (code === EV_OTHER) return this.otherEvents[this.evNum.a[k]!]!;
    const s = this.strings;
    const serial = this.evSerial.a[k]!;
    const id = s[this.serialId[serial]!]!;
    const type = s[this.evType.a[k]!]!;
    if (code === EV_ALLOC) return { kind: "alloc", id, serial, type, size: this.evNum.a[k]! };
    return { kind: "free", id, serial, type, by: code === EV_FREE_GC ? "gc" : "refcount" };
  }

  private growRecords(need: number): void {
    this.recSerial = grown(this.recSerial, need);
    this.recRefcount = grown(this.recRefcount, need);
    this.recFlags = grown(this.recFlags, need);
    this.recSize = grown(this.recSize, need);
    this.recBlock = grown(this.recBlock, need);
    this.recRefCount = grown(this.recRefCount, need);
    this.recId = grown(this.recId, need);
    this.recType = grown(this.recType, need);
    this.recRepr = grown(this.recRepr, need);
    this.recRefs = grown(this.recRefs, need);
  }

  /** A new HeapObject for record j (fields in the order the recorder writes them). */
  record(j: number): HeapObject {
    const f = this.recFlags[j]!;
    const s = this.strings;
    const id = s[this.recId[j]!]!;
    const serial = this.recSerial[j]!;
    const type = s[this.recType[j]!]!;
    const repr = s[this.recRepr[j]!]!;
    const refcount = this.recRefcount[j]!;
    const generation = GENS[f & GEN_MASK]!;
    const gcType = (f & GC_TYPE) !== 0;
    const size = this.recSize[j]!;
    const blockSize = this.recBlock[j]!;
    const referents = this.referentsOf(this.recRefs[j]!);
    const rec: HeapObject =
      f & IMMORTALISH
        ? { id, serial, type, repr, refcount, generation, gcType, size, blockSize, referents, immortalish: true }
        : { id, serial, type, repr, refcount, generation, gcType, size, blockSize, referents };
    const n = this.recRefCount[j]!;
    if (n >= 0) rec.referentCount = n;
    if (f & FINALIZED) rec.finalized = true;
    return rec;
  }

  /** Events a..b as new objects (the rare ones that are not alloc/free are shared). */
  private eventRange(a: number, b: number): TraceEvent[] {
    const out: TraceEvent[] = new Array(b - a);
    for (let k = a; k < b; k++) out[k - a] = this.event(k);
    return out;
  }

  /** Records a..b as new objects. */
  private recordRange(a: number, b: number): HeapObject[] {
    const out: HeapObject[] = new Array(b - a);
    for (let j = a; j < b; j++) out[j - a] = this.record(j);
    return out;
  }

  addRemoved(serial: number): void {
    const n = this.removedCount;
    if (n >= this.removed.length) this.removed = grown(this.removed, n + 1);
    this.removed[n] = serial;
    this.removedCount = n + 1;
  }

  addEvents(evs: TraceEvent[]): void {
    for (let i = 0; i < evs.length; i++) {
      const ev = evs[i]!;
      if (ev.kind === "alloc" || ev.kind === "free") {
        this.evCode.push(ev.kind === "alloc" ? EV_ALLOC : ev.by === "gc" ? EV_FREE_GC : EV_FREE_REFCOUNT);
        this.evSerial.push(ev.serial);
        this.evType.push(this.stringIndexOf(ev.type));
        this.evNum.push(ev.kind === "alloc" ? ev.size : 0);
        this.idIndex(ev.serial, ev.id);
      } else {
        this.evCode.push(EV_OTHER);
        this.evSerial.push(0);
        this.evType.push(0);
        this.evNum.push(this.otherEvents.push(ev) - 1);
      }
    }
  }

  /** Append a step: the records, removals and events added since the previous `push` are its delta. */
  push(f: StepFields): void {
    const i = this.length;
    if (i >= this.line.length) this.grow(i + 1);
    this.line[i] = f.line;
    this.kind[i] = KIND_CODE[f.kind];
    this.frames[i] = f.frames;
    this.gc[i] = f.gc;
    this.alloc[i] = f.alloc;
    this.heapBytes[i] = f.heapBytes;
    this.live[i] = f.liveObjects;
    this.upEnd[i] = this.recordCount;
    this.remEnd[i] = this.removedCount;
    this.evEnd[i] = this.evCode.n;
    if (f.stdout) {
      this.outChunks.push(f.stdout);
      this.outLen += f.stdout.length;
      this.outText = null;
    }
    if (f.stderr) {
      this.errChunks.push(f.stderr);
      this.errLen += f.stderr.length;
      this.errText = null;
    }
    this.outEnd[i] = this.outLen;
    this.errEnd[i] = this.errLen;
    if (this.offset) {
      this.offset[i] = f.offset ?? 0;
      this.op![i] = f.op ?? 0;
      this.arg![i] = f.arg ?? -1;
    }
    this.length = i + 1;
  }

  private grow(need: number): void {
    this.line = grown(this.line, need);
    this.kind = grown(this.kind, need);
    this.frames = grown(this.frames, need);
    this.gc = grown(this.gc, need);
    this.alloc = grown(this.alloc, need);
    this.heapBytes = grown(this.heapBytes, need);
    this.live = grown(this.live, need);
    this.upEnd = grown(this.upEnd, need);
    this.remEnd = grown(this.remEnd, need);
    this.evEnd = grown(this.evEnd, need);
    this.outEnd = grown(this.outEnd, need);
    this.errEnd = grown(this.errEnd, need);
    if (this.offset) {
      this.offset = grown(this.offset, need);
      this.op = grown(this.op!, need);
      this.arg = grown(this.arg!, need);
    }
  }

  /** A keyframe at `step` showing the records `recs[0..n)` (indices into `records`; copied). */
  addKeyframe(step: number, recs: Int32Array, n: number): void {
    const k = this.kfCount;
    if (k >= this.kfStep.length) {
      this.kfStep = grown(this.kfStep, k + 1);
      this.kfEnd = grown(this.kfEnd, k + 1);
    }
    const start = k ? this.kfEnd[k - 1]! : 0;
    if (start + n > this.kfRecs.length) this.kfRecs = grown(this.kfRecs, start + n);
    this.kfRecs.set(recs.subarray(0, n), start);
    this.kfStep[k] = step;
    this.kfEnd[k] = start + n;
    this.kfCount = k + 1;
  }

  /** Everything written to stdout over the steps recorded. */
  get stdout(): string {
    if (this.outText === null) {
      this.outText = this.outChunks.join("");
      this.outChunks = this.outText ? [this.outText] : [];
    }
    return this.outText;
  }
  get stderr(): string {
    if (this.errText === null) {
      this.errText = this.errChunks.join("");
      this.errChunks = this.errText ? [this.errText] : [];
    }
    return this.errText;
  }

  /** The frames of step i as the schema shows them (the innermost frame on the step's line). */
  framesOf(i: number): FrameView[] {
    if (this.granularity !== "instruction") return this.frameList(this.frames[i]!, this.line[i]!);
    const t = this.frameObjects[this.frames[i]!]!;
    const top = t[t.length - 1];
    const line = this.line[i]!;
    if (!top || top.line === line) return t;
    const out = t.slice();
    out[out.length - 1] = { ...top, line };
    return out;
  }

  /** A new TraceStep object for step i (the same fields, in the same order, as the recorder always made). */
  step(i: number): TraceStep {
    const up0 = i ? this.upEnd[i - 1]! : 0;
    const up1 = this.upEnd[i]!;
    const rem0 = i ? this.remEnd[i - 1]! : 0;
    const rem1 = this.remEnd[i]!;
    const ev0 = i ? this.evEnd[i - 1]! : 0;
    const ev1 = this.evEnd[i]!;
    const out0 = i ? this.outEnd[i - 1]! : 0;
    const err0 = i ? this.errEnd[i - 1]! : 0;
    const a = this.alloc[i]!;
    const step: TraceStep = {
      index: i,
      line: this.line[i]!,
      kind: KINDS[this.kind[i]!]!,
      frames: this.framesOf(i),
      stdout: out0 === this.outEnd[i] ? "" : this.stdout.slice(out0, this.outEnd[i]),
      stderr: err0 === this.errEnd[i] ? "" : this.stderr.slice(err0, this.errEnd[i]),
      delta:
        up0 === up1 && rem0 === rem1
          ? EMPTY_DELTA
          : {
              upsert: up0 === up1 ? NO_RECORDS : this.recordRange(up0, up1),
              removed: rem0 === rem1 ? NO_SERIALS : Array.from(this.removed.subarray(rem0, rem1)),
            },
      events: ev0 === ev1 ? NO_EVENTS : this.eventRange(ev0, ev1),
      gc: this.gcTable[this.gc[i]!]!,
      heapBytes: this.heapBytes[i]!,
      liveObjects: this.live[i]!,
      allocator: a >= 0 ? this.allocator(a) : undefined,
    };
    if (this.offset) {
      const op = this.op![i]!;
      step.instruction = { offset: this.offset[i]!, opname: OP_NAMES[op] ?? `<${op}>` };
      if (op >= 90) step.instruction.arg = String(this.arg![i]);
    }
    return step;
  }

  /** A new Keyframe object for keyframe k. */
  keyframe(k: number): Keyframe {
    const start = k ? this.kfEnd[k - 1]! : 0;
    const end = this.kfEnd[k]!;
    const objects: HeapObject[] = new Array(end - start);
    for (let j = start; j < end; j++) objects[j - start] = this.record(this.kfRecs[j]!);
    return { step: this.kfStep[k]!, objects };
  }

  /** Index of the latest keyframe at or before `step`, or −1. */
  keyframeAtOrBefore(step: number): number {
    let lo = 0;
    let hi = this.kfCount - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.kfStep[mid]! <= step) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** Put keyframe k's records into `heap` (serial → record index). */
  loadKeyframe(heap: Map<number, number>, k: number): void {
    const start = k ? this.kfEnd[k - 1]! : 0;
    const end = this.kfEnd[k]!;
    for (let j = start; j < end; j++) {
      const r = this.kfRecs[j]!;
      heap.set(this.recSerial[r]!, r);
    }
  }

  /** Apply step i's delta to `heap` (serial → record index) in place: removals, then upserts. */
  applyStep(heap: Map<number, number>, i: number): void {
    const removed = this.removed;
    for (let j = i ? this.remEnd[i - 1]! : 0, e = this.remEnd[i]!; j < e; j++) heap.delete(removed[j]!);
    for (let j = i ? this.upEnd[i - 1]! : 0, e = this.upEnd[i]!; j < e; j++) heap.set(this.recSerial[j]!, j);
  }
}

/** Lazy arrays a reader has written to (elements, length, deletions): their columns no longer tell the truth. */
const changedArrays = new WeakSet<object>();

/**
 * An array of `length` elements made by `make(i)` on first read and kept from then on (see the file
 * header). Reads of `length`, methods and iteration behave as on the array it stands for; a write marks
 * the array changed (`columnsOf` then stops answering for its trace).
 */
export function lazyArray<T>(length: number, make: (i: number) => T): T[] {
  const made: T[] = new Array<T>(length);
  let complete = length === 0;
  const at = (i: number): T => {
    let v = made[i];
    if (v === undefined && !complete && !(i in made)) made[i] = v = make(i);
    return v as T;
  };
  const all = (): void => {
    if (complete) return;
    for (let i = 0; i < length; i++) at(i);
    complete = true;
  };
  const index = (key: string | symbol): number => {
    if (typeof key !== "string") return -1;
    const c = key.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(key);
    return Number.isInteger(i) && i < made.length && String(i) === key ? i : -1;
  };
  const proxy: T[] = new Proxy(made, {
    get(target, key, receiver) {
      const i = index(key);
      if (i >= 0) return at(i);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      const i = index(key);
      if (i >= 0 && !complete) return true;
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      const i = index(key);
      if (i >= 0) at(i);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      all();
      return Reflect.ownKeys(target);
    },
    set(target, key, value) {
      changedArrays.add(proxy);
      const i = index(key);
      if (i >= 0) {
        target[i] = value as T;
        return true;
      }
      // a write past the end (push, length = …) makes the array a plain one from then on
      all();
      return Reflect.set(target, key, value);
    },
    deleteProperty(target, key) {
      changedArrays.add(proxy);
      all();
      return Reflect.deleteProperty(target, key);
    },
    defineProperty(target, key, desc) {
      changedArrays.add(proxy);
      all();
      return Reflect.defineProperty(target, key, desc);
    },
  });
  return proxy;
}

const columnsByTrace = new WeakMap<object, StepColumns>();

/** The columns behind a trace recorded in this process (undefined for a trace made any other way). */
export function columnsOf(trace: Trace): StepColumns | undefined {
  const c = columnsByTrace.get(trace);
  // a reader may have replaced or changed the arrays: then the columns no longer tell the truth about them
  if (!c || columnsByTrace.get(trace.steps) !== c || columnsByTrace.get(trace.keyframes) !== c) return undefined;
  return changedArrays.has(trace.steps) || changedArrays.has(trace.keyframes) ? undefined : c;
}

/** The trace object of a recording: lazy `steps` and `keyframes` over the columns. */
export function traceFromColumns(c: StepColumns, fields: Omit<Trace, "steps" | "keyframes">): Trace {
  const steps = lazyArray(c.length, (i) => c.step(i));
  const keyframes = lazyArray(c.kfCount, (k) => c.keyframe(k));
  const trace: Trace = {
    version: fields.version,
    source: fields.source,
    filename: fields.filename,
    mode: fields.mode,
    granularity: fields.granularity,
    steps,
    keyframeInterval: fields.keyframeInterval,
    keyframes,
    outcome: fields.outcome,
  };
  columnsByTrace.set(trace, c);
  columnsByTrace.set(steps, c);
  columnsByTrace.set(keyframes, c);
  return trace;
}

/** The same trace with plain arrays of plain objects (for `structuredClone` and the like). */
export function plainTrace(trace: Trace): Trace {
  return { ...trace, steps: Array.from(trace.steps), keyframes: Array.from(trace.keyframes) };
}
