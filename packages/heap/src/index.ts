// @pyheap/heap: the typed binding of the pyheap WASM core. Loads the module (sync in Node, async
// anywhere), installs the host hooks, turns traps into CoreTrapError and statuses into HeapError, and
// marshals str/bytes/int. Objects are addresses (`Obj`); API.md states who owns which reference.
import * as abi from "@pyheap/core/abi";
import type { CoreExports } from "./core-exports.js";
import { CoreTrapError, HeapError, statusError } from "./errors.js";
import { readWasmSync } from "./load.node.js";
import { compileWasmAsync } from "./load.browser.js";
import { decodeEvents, type HeapEvent } from "./events.js";
import { decodeSnapshot, type SnapshotObject } from "./snapshot.js";
import { makeRestorable, GLOBAL_EXPORT_PREFIX } from "./wasm-rewrite.js";

export { abi, CoreTrapError, HeapError };
export { CPYTHON_311_TYPES, type CpythonTypeDesc } from "./cpython-types.js";
export type { CoreExports, HeapEvent, SnapshotObject };
export type { HeapErrorCode } from "./errors.js";
export type { GcPhase } from "./events.js";

/** An object: its address in linear memory (0 = NULL). */
export type Obj = number;

/** Calls from the core into the interpreter. Exceptions thrown by a hook are caught (eq/hash report
 *  failure to the core) and rethrown to the caller of the heap operation once it has finished. */
export interface HostHooks {
  /** Run __del__ of o (borrowed; the core holds a reference during the call). */
  finalize?(o: Obj): void;
  /** Call cb(wr) (both borrowed). */
  weakrefCallback?(wr: Obj, cb: Obj): void;
  /** gc.callbacks. */
  gcCallback?(phase: "start" | "stop", info: { generation: number; collected: number; uncollectable: number }): void;
  /** a == b by Python rules: 1 / 0, or -1 when an exception is now pending in the interpreter. */
  eq?(a: Obj, b: Obj): number;
  /** hash(o) by Python rules, or null when an exception is now pending in the interpreter. */
  hash?(o: Obj): bigint | null;
}

export interface HeapOptions {
  /** Limit on live heap bytes (default 256 MiB); past it allocations fail with NO_MEMORY. */
  heapLimit?: number;
  hooks?: HostHooks;
  /** Use the debug build (asserts on). */
  debug?: boolean;
  /** The .wasm bytes, when the caller has them. */
  wasm?: Uint8Array;
}

/** A type descriptor for data-driven types (see API.md §3). */
export interface TypeDesc {
  name: string;
  basicsize: number;
  itemsize?: number;
  gc?: boolean;
  managedDict?: boolean;
  refSlots?: number[];
  varRefs?: boolean;
  finalizer?: boolean;
  weaklistOffset?: number;
  freelist?: number;
  freelistKeep?: boolean;
  heapType?: boolean;
  base?: Obj;
  /** Extra TPF_* bits (e.g. abi.TPF_BASETYPE, subclass bits). */
  flags?: number;
  /** Metatype for heap types (default `type`). */
  meta?: Obj;
  /** For subclasses of built-in containers: the built-in layout the instances use. newObject(t) then
   *  gives an empty list/dict/set (or a tuple of nitems NULL items) of type t; refSlots describe only the
   *  subclass's own fields (beyond the base's basicsize). Subclasses of str, int and float use
   *  "str" / "int" / "float": their instances are made by newStrSub / newIntSub / newFloatSub. */
  layout?: "list" | "dict" | "set" | "tuple" | "weakref" | "str" | "int" | "float" | "bytes";
  /** The instance dict is the last word of the variable-size body (CPython's tp_dictoffset −8: int
   *  subclasses); find it with varDictOffset(o). */
  varDict?: boolean;
}

export interface GcStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

export type ListHow = "display" | "list()" | "extend-empty";

/** Where pymalloc takes the next block of a size class from (abi NEXT_FROM_*). */
export type NextBlockSource = "free-list" | "bump" | "new-pool" | "new-arena";
const NEXT_SOURCES: readonly NextBlockSource[] = ["free-list", "bump", "new-pool", "new-arena"];

/** The block the next pymalloc allocation of one size class would get. */
export interface NextBlock {
  /** pymalloc's size class (0..31): requests of 16·c+1 .. 16·(c+1) bytes. */
  sizeClass: number;
  /** 16·(sizeClass + 1). */
  blockSize: number;
  /** Address of the block (an object allocated there starts after its pre-headers: GC head 16 bytes,
   *  managed dict 16 more). */
  block: number;
  /** "free-list": the last block freed in the class's first used pool (LIFO); "bump": that pool's list
   *  holds only the block it last carved from its untouched space; "new-pool": no pool of the class has a
   *  free block, an empty pool of the most used arena serves it; "new-arena": no arena has an empty pool. */
  source: NextBlockSource;
}

/** One of the core's type free lists, which serve their type's creations before pymalloc does. */
export interface FreeListState {
  /** "float", "list", "dict", or "tuple" (with `length`, 1..20). */
  type: "float" | "list" | "dict" | "tuple";
  length?: number;
  /** Objects parked on the list. */
  count: number;
  /** The parked object the next creation takes back (LIFO; refcount 0), or 0 when the list is empty. */
  next: Obj;
}

const LIST_ITEMS = abi.LIST_ITEMS;

/** makeStr's scratch for the UTF-16 units of a short string. */
const SCRATCH_UNITS = 64;
const scratchUnits = new Uint16Array(SCRATCH_UNITS);

/** PyUnicode_MAX_CHAR_VALUE of a compact str from its state word: 127 for ASCII, else its kind's top. */
function strMaxChar(state: number): number {
  if ((state & abi.STR_STATE_ASCII) !== 0) return 127;
  const k = (state >>> abi.STR_STATE_KIND_SHIFT) & 7;
  return k === 1 ? 255 : k === 2 ? 65535 : 1114111;
}
const utf8Decoder = new TextDecoder("utf-8");
const textEncoder = new TextEncoder();

/** The CPython-3.11 heap in one WASM instance. */
export class Heap {
  /** The raw exports (replaced by reset()). */
  core: CoreExports;
  /** The linear memory (replaced by reset()). */
  memory: WebAssembly.Memory;
  /** Built-in types (static objects). */
  readonly types: {
    type: Obj; object: Obj; int: Obj; bool: Obj; float: Obj; str: Obj; bytes: Obj; tuple: Obj; list: Obj;
    dict: Obj; set: Obj; frozenset: Obj; NoneType: Obj; ellipsis: Obj; NotImplementedType: Obj; weakref: Obj;
  };
  readonly None: Obj;
  readonly True: Obj;
  readonly False: Obj;
  readonly Ellipsis: Obj;
  readonly NotImplemented: Obj;
  readonly emptyStr: Obj;
  readonly emptyBytes: Obj;
  readonly emptyTuple: Obj;
  readonly gc: GcApi;
  readonly events: EventsApi;
  private _i32: Int32Array;
  private _u8: Uint8Array;
  private _f64: Float64Array;
  /** The core functions the hot accessors call, in an object of fixed shape (the full export table has
   *  too many computed keys for V8 to keep it in fast mode, so every `this.core.x` is a dictionary
   *  lookup). Re-made with `core`. */
  private fx!: Pick<CoreExports, "obj_dealloc" | "int_from_f64" | "float_new" | "str_from_char" | "str_new" | "str_join_array" | "str_data" | "obj_set_slot" | "obj_set_slot_steal" | "obj_new" | "tuple_new" | "list_append" | "list_set" | "dict_set" | "dict_get" | "dict_del" | "obj_attr_get" | "obj_attr_set" | "obj_managed_dict" | "heap_last_status" | "str_can_append_inplace" | "str_append_inplace" | "list_new" | "list_pop" | "list_insert" | "list_resize" | "list_capacity" | "list_clear" | "list_preallocate_exact" | "dict_new" | "dict_len" | "dict_next" | "dict_key_at" | "dict_value_at" | "dict_clear" | "set_new" | "set_add" | "set_contains" | "set_discard" | "set_len" | "set_next" | "set_key_at" | "obj_hash" | "bytes_new" | "bytes_char" | "tuple_get" | "int_new">;
  /** The unwrapped exports of int allocation and deallocation, for exact ints only (newIntValue,
   *  decrefInt): neither calls a host import for them (no finalizer, weakref or GC hook runs when an exact
   *  int is made or freed), so only a trap has to be turned into CoreTrapError, done around the call. */
  private rawIntFromF64!: (v: number) => number;
  private rawDealloc!: (o: number) => void;
  /** The core's deallocator of an exact int (int_dealloc: no hook, no cascade), unwrapped. */
  private rawIntDealloc!: (o: number) => void;
  /** int_from_f64_spare (allocates an int, runs no hook), unwrapped. */
  private rawIntFromF64Spare!: (v: number, spare: number) => number;
  /** int_result_release (allocates an int, frees exact ints: no hook), unwrapped. */
  private rawIntResultRelease!: (v: number, spare: number, a: number, b: number) => number;
  /** int_binary_small / int_compare_small (allocate an int, free exact ints: no hook), unwrapped. */
  private rawIntBinarySmall!: (a: number, b: number, op: number) => number;
  private rawIntCompareSmall!: (a: number, b: number, op: number) => number;
  /** str() of a small int in the core (int_decimal_str: allocates a str, runs no hook), unwrapped. */
  private rawIntDecimalStr!: (o: number) => number;
  /** obj_super_bind (may run a collection's hooks), unwrapped: five arguments, which the wrappers would
   *  gather into an array per call. */
  private rawSuperBind!: (superT: number, methodT: number, type: number, self: number, func: number) => number;
  /** The core's status register, read without the export wrapper (a getter: it cannot trap or call out). */
  private rawLastStatus!: () => number;
  private bindFast(raw: CoreExports): void {
    this.rawIntFromF64 = raw.int_from_f64;
    this.rawDealloc = raw.obj_dealloc;
    this.rawIntDealloc = raw.int_dealloc;
    this.rawIntDecimalStr = raw.int_decimal_str;
    this.rawIntFromF64Spare = raw.int_from_f64_spare;
    this.rawIntResultRelease = raw.int_result_release;
    this.rawIntBinarySmall = raw.int_binary_small;
    this.rawIntCompareSmall = raw.int_compare_small;
    this.rawLastStatus = raw.heap_last_status;
    this.rawSuperBind = raw.obj_super_bind;
    const c = this.core;
    this.fx = {
      obj_dealloc: c.obj_dealloc,
      int_from_f64: c.int_from_f64,
      float_new: c.float_new,
      str_from_char: c.str_from_char,
      str_new: c.str_new,
      str_join_array: c.str_join_array,
      str_data: c.str_data,
      obj_set_slot: c.obj_set_slot,
      obj_set_slot_steal: c.obj_set_slot_steal,
      obj_new: c.obj_new,
      tuple_new: c.tuple_new,
      list_append: c.list_append,
      list_set: c.list_set,
      dict_set: c.dict_set,
      dict_get: c.dict_get,
      dict_del: c.dict_del,
      obj_attr_get: c.obj_attr_get,
      obj_attr_set: c.obj_attr_set,
      obj_managed_dict: c.obj_managed_dict,
      heap_last_status: c.heap_last_status,
      str_can_append_inplace: c.str_can_append_inplace,
      str_append_inplace: c.str_append_inplace,
      list_new: c.list_new,
      list_pop: c.list_pop,
      list_insert: c.list_insert,
      list_resize: c.list_resize,
      list_capacity: c.list_capacity,
      list_clear: c.list_clear,
      list_preallocate_exact: c.list_preallocate_exact,
      dict_new: c.dict_new,
      dict_len: c.dict_len,
      dict_next: c.dict_next,
      dict_key_at: c.dict_key_at,
      dict_value_at: c.dict_value_at,
      dict_clear: c.dict_clear,
      set_new: c.set_new,
      set_add: c.set_add,
      set_contains: c.set_contains,
      set_discard: c.set_discard,
      set_len: c.set_len,
      set_next: c.set_next,
      set_key_at: c.set_key_at,
      obj_hash: c.obj_hash,
      bytes_new: c.bytes_new,
      bytes_char: c.bytes_char,
      tuple_get: c.tuple_get,
      int_new: c.int_new,
    };
  }
  private retired: CoreTrapError | undefined;
  /** An exception a hook threw, rethrown when the current heap operation returns. */
  hookError: unknown = undefined;
  private hooks: HostHooks;
  /**
   * Called with an interned str (one whose state marks it interned) as it is freed, before its memory is
   * released: the owner of the interned-string table drops it (the table holds no reference, as in
   * CPython 3.11). Set by the interpreter that interns; it must not touch counts or run Python code.
   */
  onStrUninterned: ((s: Obj) => void) | undefined = undefined;

  /** @internal use loadHeap / loadHeapAsync */
  constructor(module: WebAssembly.Module, options: HeapOptions) {
    this.hooks = options.hooks ?? {};
    let memRef: WebAssembly.Memory | undefined;
    const readStringAt = (ptr: number): string => {
      if (!memRef || ptr === 0) return "";
      const len = new Uint32Array(memRef.buffer, ptr - 4, 1)[0]! >>> 1;
      return String.fromCharCode(...new Uint16Array(memRef.buffer, ptr, len));
    };
    const imports = {
      env: {
        abort: (msg: number, file: number, line: number, col: number) => {
          throw new CoreTrapError(`core abort: ${readStringAt(msg)}`, readStringAt(file), line, col);
        },
      },
      host: {
        finalize: (o: number) => this.guard(() => this.hooks.finalize?.(o >>> 0)),
        str_uninterned: (s: number) => this.guard(() => this.onStrUninterned?.(s >>> 0)),
        weakref_callback: (wr: number, cb: number) => this.guard(() => this.hooks.weakrefCallback?.(wr >>> 0, cb >>> 0)),
        gc_callback: (phase: number, generation: number, collected: number, uncollectable: number) =>
          this.guard(() =>
            this.hooks.gcCallback?.(phase === abi.GC_PHASE_START ? "start" : "stop", { generation, collected, uncollectable }),
          ),
        eq: (a: number, b: number): number => {
          const f = this.hooks.eq;
          if (!f) return a === b ? 1 : 0;
          try {
            return f(a >>> 0, b >>> 0);
          } catch (e) {
            this.hookError ??= e;
            return -1;
          }
        },
        hash: (o: number, out: number): number => {
          const f = this.hooks.hash;
          let h: bigint | null;
          try {
            h = f ? f(o >>> 0) : pointerHash(o >>> 0);
          } catch (e) {
            this.hookError ??= e;
            return -1;
          }
          if (h === null) return -1;
          new BigInt64Array(this.memory.buffer, out, 1)[0] = BigInt.asIntN(64, h);
          return 0;
        },
      },
    };
    this.module = module;
    this.instantiate = () => {
      const instance = new WebAssembly.Instance(module, imports);
      const raw = instance.exports as unknown as CoreExports;
      memRef = raw.memory;
      // in the order of their indices: the break (the last global the rewrite adds) comes last
      const globals = Object.entries(instance.exports)
        .filter(([name]) => name.startsWith(GLOBAL_EXPORT_PREFIX))
        .map(([name, x]) => [Number(name.slice(GLOBAL_EXPORT_PREFIX.length)), x as WebAssembly.Global] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, x]) => x);
      this.globals = globals.length ? globals : null;
      const top = (instance.exports as Record<string, unknown>).heap_sys_top;
      this.sysTopExport = typeof top === "function" ? (top as () => number) : null;
      this.retired = undefined;
      this.hookError = undefined;
      this.instanceSerial = ++instancesMade;
      return raw;
    };
    const raw = this.instantiate();
    this.memory = raw.memory;
    this.core = this.wrapExports(raw);
    this.bindFast(raw);
    this._i32 = new Int32Array(this.memory.buffer);
    this._u8 = new Uint8Array(this.memory.buffer);
    this._f64 = new Float64Array(this.memory.buffer);
    this.limit = options.heapLimit ?? 256 * 1024 * 1024;
    const st = this.core.heap_init(this.limit);
    if (st !== abi.STATUS_OK) throw statusError(st, "heap_init");
    this.initEnd = this.breakBytes();
    const wk = (i: number) => this.core.heap_well_known(i) >>> 0;
    this.None = wk(abi.WK_NONE);
    this.True = wk(abi.WK_TRUE);
    this.False = wk(abi.WK_FALSE);
    this.Ellipsis = wk(abi.WK_ELLIPSIS);
    this.NotImplemented = wk(abi.WK_NOTIMPLEMENTED);
    this.emptyStr = wk(abi.WK_EMPTY_STR);
    this.emptyBytes = wk(abi.WK_EMPTY_BYTES);
    this.emptyTuple = wk(abi.WK_EMPTY_TUPLE);
    this.types = {
      type: wk(abi.WK_TYPE_TYPE),
      object: wk(abi.WK_TYPE_OBJECT),
      int: wk(abi.WK_TYPE_INT),
      bool: wk(abi.WK_TYPE_BOOL),
      float: wk(abi.WK_TYPE_FLOAT),
      str: wk(abi.WK_TYPE_STR),
      bytes: wk(abi.WK_TYPE_BYTES),
      tuple: wk(abi.WK_TYPE_TUPLE),
      list: wk(abi.WK_TYPE_LIST),
      dict: wk(abi.WK_TYPE_DICT),
      set: wk(abi.WK_TYPE_SET),
      frozenset: wk(abi.WK_TYPE_FROZENSET),
      NoneType: wk(abi.WK_TYPE_NONE),
      ellipsis: wk(abi.WK_TYPE_ELLIPSIS),
      NotImplementedType: wk(abi.WK_TYPE_NOTIMPLEMENTED),
      weakref: wk(abi.WK_TYPE_WEAKREF),
    };
    this.gc = new GcApi(this);
    this.events = new EventsApi(this);
    this.intTypeObj = this.types.int;
    this.strTypeObj = this.types.str;
    this.floatTypeObj = this.types.float;
    this.smallIntBase = this.fx.int_from_f64(-5) >>> 0;
    this.decref(this.smallIntBase);
  }

  private readonly instantiate: () => CoreExports;
  private readonly module: WebAssembly.Module;
  private readonly limit: number;

  /** Starts over with an empty heap (a new WASM instance, same module): every object is gone, the
   *  static objects and built-in types keep their addresses, registered types must be registered again,
   *  the GC is back to its defaults. Also the way out after a CoreTrapError. */
  reset(): void {
    // Fast way (modules rewritten by makeRestorable): an instance's whole state is its memory and its
    // mutable globals, so putting back both as they were right after heap_init is the same as a new
    // instance, without allocating and releasing a new memory (most of a new instance's cost).
    const image = this.retired ? undefined : initImages.get(this.module)?.get(this.limit);
    if (image && this.globals && this.memory.buffer.byteLength >= image.initEnd) {
      this.writeImage(image);
      return;
    }
    this.resetInstance();
    const taken = this.takeImage();
    if (taken) {
      let byLimit = initImages.get(this.module);
      if (!byLimit) initImages.set(this.module, (byLimit = new Map()));
      byLimit.set(this.limit, taken);
    }
  }

  /** The heap's whole state now (memory and the core's globals), for restoreImage(): e.g. a heap an
   *  interpreter has just set up its types and builtins in, restored before each program instead of
   *  setting them up again. Null when this instance cannot restore one (a core without its globals
   *  exported, or a retired instance). The image holds a copy of the memory in use (the static data and
   *  the core's tables, the pages handed out since heap_init; not the whole memory). */
  captureImage(): HeapImage | null {
    return this.takeImage();
  }

  /** Puts this heap back exactly as it was when `image` was captured from it: same bytes, same core
   *  state (allocator, GC counts and settings, event ring, limit), so that whatever runs next sees what it
   *  would have seen then. Returns false, changing nothing, when the image is not from this instance
   *  (another heap, or this heap before a reset that made a new instance) or the instance is retired. */
  restoreImage(image: HeapImage): boolean {
    const im = image as ImageData;
    if (this.retired || !this.globals || im.instance !== this.instanceSerial) return false;
    this.writeImage(im);
    return true;
  }

  /** Copies the regions anything can have written since heap_init, and the mutable globals. */
  private takeImage(): ImageData | null {
    const g = this.globals;
    if (this.retired || !g) return null;
    const P = 65536;
    const u8 = this.u8;
    const { sysEnd, brkEnd } = this.writtenRegions();
    return {
      instance: this.instanceSerial,
      initEnd: this.initEnd,
      sysEnd,
      brkEnd,
      sys: sparseCopy(u8, 0, sysEnd * P),
      handedOut: sparseCopy(u8, this.initEnd, Math.max(this.initEnd, brkEnd * P)),
      globals: g.map((x) => x.value),
      liveBytes: this.liveBytes(),
    };
  }

  /** Pages a program can have written: [0, sysEnd) — the static data and the core's permanent tables up
   *  to their top (heap_sys_top; the rest of their reserved region is never written) — and
   *  [initEnd, brkEnd), the pages handed out since heap_init, up to the break. Pages above the break are
   *  still zero: nothing writes there, and every restore clears up to the break. */
  private writtenRegions(): { sysEnd: number; brkEnd: number } {
    const P = 65536;
    const g = this.globals!;
    const top = this.sysTopExport ? this.sysTopExport() : Infinity;
    const sysEnd = Math.min(this.initEnd, Math.ceil(top / P) * P) / P;
    const brkEnd = Math.min(this.u8.length / P, g[g.length - 1]!.value as number);
    return { sysEnd, brkEnd };
  }

  /** Writes an image back: its regions copied, what the regions have grown by since cleared, the
   *  globals set. */
  private writeImage(im: ImageData): void {
    const P = 65536;
    const g = this.globals!;
    // the regions written now or when the image was taken (the tables' top and the break only grow
    // between restores of one image, but a reset to heap_init in between lowers them)
    const now = this.writtenRegions();
    const sysEnd = Math.max(now.sysEnd, im.sysEnd) * P;
    const brkEnd = Math.max(now.brkEnd, im.brkEnd) * P;
    if (brkEnd > this.memory.buffer.byteLength) this.memory.grow((brkEnd - this.memory.buffer.byteLength) / P);
    const u8 = this.u8;
    writeSparse(u8, im.sys);
    if (sysEnd > im.sys.end) u8.fill(0, im.sys.end, sysEnd);
    writeSparse(u8, im.handedOut);
    const end = Math.max(im.initEnd, im.handedOut.end);
    if (brkEnd > end) u8.fill(0, end, brkEnd);
    for (let i = 0; i < g.length; i++) g[i]!.value = im.globals[i];
    this.hookError = undefined;
    // the join buffer may lie above the restored tables' top: asked for again
    this.joinCap = 0;
  }

  /** The mutable globals of the current instance (exported by a rewritten module, the break last), or null. */
  private globals: WebAssembly.Global[] | null = null;
  /** The raw heap_sys_top export of the current instance (null in a core without it: whole image restored). */
  private sysTopExport: (() => number) | null = null;
  /** Which instance this is (reset() after a trap makes a new one): an image belongs to one. */
  private instanceSerial = 0;
  /** The break right after heap_init: the pages handed out later start here. */
  private initEnd = 0;
  /** The end of the pages the core has been handed: the break of a rewritten module (its memory grows
   *  ahead of it), the memory's size otherwise. */
  private breakBytes(): number {
    const g = this.globals;
    return g ? (g[g.length - 1]!.value as number) * 65536 : this.memory.buffer.byteLength;
  }

  private resetInstance(): void {
    const raw = this.instantiate();
    this.memory = raw.memory;
    this.core = this.wrapExports(raw);
    this.bindFast(raw);
    this.refreshViews();
    this.joinCap = 0;
    const st = this.core.heap_init(this.limit);
    if (st !== abi.STATUS_OK) throw statusError(st, "heap_init");
    this.initEnd = this.breakBytes();
    if (this.core.heap_well_known(abi.WK_NONE) >>> 0 !== this.None) throw new Error("reset: static layout changed");
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.hookError ??= e;
    }
  }

  /** Every export goes through a wrapper: a trap retires the instance; a hook's exception is rethrown.
   *  One closure per arity, no allocation per call (these wrappers are on the interpreter's hot path). */
  private wrapExports(raw: CoreExports): CoreExports {
    const out: Record<string, unknown> = { memory: raw.memory };
    for (const [name, fn] of Object.entries(raw)) {
      if (typeof fn !== "function") continue;
      const f = fn as (...a: number[]) => number;
      const fail = (e: unknown): never => {
        throw this.trap(e, name);
      };
      switch (f.length) {
        case 0:
          out[name] = () => {
            if (this.retired) throw this.retired;
            let r = 0;
            try { r = f(); } catch (e) { fail(e); }
            if (this.hookError !== undefined) this.rethrowHookError();
            return r;
          };
          break;
        case 1:
          out[name] = (a: number) => {
            if (this.retired) throw this.retired;
            let r = 0;
            try { r = f(a); } catch (e) { fail(e); }
            if (this.hookError !== undefined) this.rethrowHookError();
            return r;
          };
          break;
        case 2:
          out[name] = (a: number, b: number) => {
            if (this.retired) throw this.retired;
            let r = 0;
            try { r = f(a, b); } catch (e) { fail(e); }
            if (this.hookError !== undefined) this.rethrowHookError();
            return r;
          };
          break;
        case 3:
          out[name] = (a: number, b: number, c: number) => {
            if (this.retired) throw this.retired;
            let r = 0;
            try { r = f(a, b, c); } catch (e) { fail(e); }
            if (this.hookError !== undefined) this.rethrowHookError();
            return r;
          };
          break;
        default:
          out[name] = (...a: number[]) => {
            if (this.retired) throw this.retired;
            let r = 0;
            try { r = f(...a); } catch (e) { fail(e); }
            if (this.hookError !== undefined) this.rethrowHookError();
            return r;
          };
      }
    }
    return out as unknown as CoreExports;
  }

  private rethrowHookError(): never {
    const e = this.hookError;
    this.hookError = undefined;
    throw e;
  }

  private trap(e: unknown, where: string): unknown {
    if (e instanceof CoreTrapError) {
      this.retired = e;
      return e;
    }
    if (e instanceof WebAssembly.RuntimeError) {
      this.retired = new CoreTrapError(`core trap in ${where}: ${e.message}`, undefined, undefined, undefined, { cause: e });
      return this.retired;
    }
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      this.retired = new CoreTrapError(`core stack overflow in ${where}`, undefined, undefined, undefined, { cause: e });
      return this.retired;
    }
    return e;
  }

  /** Whether captureImage() can capture this heap: its module was made restorable (Node: loadHeap reads
   *  the restorable build; a module compiled as it is, as browsers load it, cannot). */
  get canCaptureImage(): boolean {
    return this.retired === undefined && this.globals !== null;
  }

  /** True once a trap made this instance unusable. */
  get isRetired(): boolean {
    return this.retired !== undefined;
  }

  // ── memory views (re-created when memory grows: a detached view has length 0) ────────────────
  get i32(): Int32Array {
    if ((this._i32.length | 0) === 0) this.refreshViews();
    return this._i32;
  }
  get u8(): Uint8Array {
    if ((this._u8.length | 0) === 0) this.refreshViews();
    return this._u8;
  }
  get f64(): Float64Array {
    if ((this._f64.length | 0) === 0) this.refreshViews();
    return this._f64;
  }
  private refreshViews(): void {
    this._i32 = new Int32Array(this.memory.buffer);
    this._u8 = new Uint8Array(this.memory.buffer);
    this._f64 = new Float64Array(this.memory.buffer);
  }

  // ── header, refcounts, identity ──────────────────────────────────────────────────────────────
  /** Adds a reference (fast path on the memory view). */
  incref(o: Obj): void {
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    m[o >>> 2]!++;
  }
  /** Drops a reference; the core deallocates at 0 (may run finalizers and weakref callbacks). */
  decref(o: Obj): void {
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    if (--m[o >>> 2]! === 0) this.dealloc(o, m);
  }
  /** An exact int or float (no hook runs as it is freed) goes to the core without the export wrapper. */
  private dealloc(o: Obj, m: Int32Array): void {
    // type words compared as int32 (a uint32 read compares as a float64)
    const t = m[(o + abi.OB_TYPE) >>> 2]!;
    if (t === (this.intTypeObj | 0)) this.freeInt(o);
    else if (t === (this.floatTypeObj | 0)) this.freeNoHook(o);
    // an exact str that is not interned: no hook runs as it is freed (an interned one tells the table)
    else if (t === (this.strTypeObj | 0) && (m[(o + abi.STR_STATE) >>> 2]! & abi.STR_STATE_INTERNED) === 0) this.freeNoHook(o);
    else this.fx.obj_dealloc(o);
  }
  private intTypeObj = 0;
  private strTypeObj = 0;
  private floatTypeObj = 0;
  /** Drops a reference to an exact int (not a subclass instance, not a bool): its deallocation runs no
   *  hook, so the core's deallocator is called without the export wrapper. */
  decrefInt(o: Obj): void {
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    if (--m[o >>> 2]! === 0) this.freeInt(o);
  }
  /** Frees an exact int whose count reached 0. */
  private freeInt(o: Obj): void {
    if (this.retired) throw this.retired;
    try {
      this.rawIntDealloc(o);
    } catch (e) {
      throw this.trap(e, "int_dealloc");
    }
  }
  /** Frees an exact float or a str that is not interned, whose count reached 0 (the float's free list or
   *  the block; no hook runs). */
  private freeNoHook(o: Obj): void {
    if (this.retired) throw this.retired;
    try {
      this.rawDealloc(o);
    } catch (e) {
      throw this.trap(e, "obj_dealloc");
    }
  }
  xincref(o: Obj): void {
    if (o !== 0) this.incref(o);
  }
  xdecref(o: Obj): void {
    if (o !== 0) this.decref(o);
  }
  refcnt(o: Obj): number {
    return this.i32[o >>> 2]!;
  }
  /** The type object of o (borrowed). */
  typeOf(o: Obj): Obj {
    return this.i32[(o + abi.OB_TYPE) >>> 2]! >>> 0;
  }
  /** ob_size (signed). */
  obSize(o: Obj): number {
    return this.i32[(o + abi.OB_SIZE) >>> 2]!;
  }
  /** id(o) as CPython would show it on 64-bit Linux. */
  idOf(o: Obj): number {
    return abi.ID_BASE_HIGH * 4294967296 + o;
  }
  /** The object whose id() is `id`. */
  objOfId(id: number): Obj {
    return id - abi.ID_BASE_HIGH * 4294967296;
  }
  /** sys.getsizeof(o). */
  sizeOf(o: Obj): number {
    return this.core.obj_sizeof(o);
  }
  /** Bytes of the memory block holding o (0 for static objects). */
  blockSize(o: Obj): number {
    return this.core.obj_block_size(o);
  }
  /** Bytes of the separate blocks o owns (list item array, dict keys table, set table, values array). */
  buffersSize(o: Obj): number {
    return this.core.obj_buffers_size(o);
  }
  isStatic(o: Obj): boolean {
    return (o & 15) === 8;
  }
  /** Type flags (abi TPF_*) of a type object. */
  typeFlags(t: Obj): number {
    return this.i32[(t + abi.TP_FLAGS) >>> 2]! >>> 0;
  }
  /** Bytes an object of type t carries before its header and that `__sizeof__` leaves out: the GC link
   *  (16) of a collected type and the managed dict's two pointers (16), as sys.getsizeof adds them. */
  preHeaderSize(t: Obj): number {
    const f = this.typeFlags(t);
    return (f & abi.TPF_HAVE_GC ? 16 : 0) + (f & abi.TPF_MANAGED_DICT ? 16 : 0);
  }
  /** The name of a type (its TP_NAME str). */
  typeName(t: Obj): string {
    const n = this.getSlot(t, abi.TP_NAME);
    return n === 0 ? "?" : this.readStr(n);
  }

  lastStatus(): number {
    return this.fx.heap_last_status();
  }
  /** Throws HeapError for the last status when r is 0 (a failed allocation or lookup). */
  private must(r: number, what: string): number {
    if (r === 0) throw statusError(this.fx.heap_last_status(), what);
    return r >>> 0;
  }

  // ── generic slots ────────────────────────────────────────────────────────────────────────────
  /** The reference at byte offset `off` (borrowed; 0 if empty). */
  getSlot(o: Obj, off: number): Obj {
    return this.i32[(o + off) >>> 2]! >>> 0;
  }
  /** Stores v at `off` (v borrowed: the object takes a reference; 0 clears), releasing the old value. */
  setSlot(o: Obj, off: number, v: Obj): void {
    this.fx.obj_set_slot(o, off, v);
  }
  /** Like setSlot but steals v. */
  setSlotSteal(o: Obj, off: number, v: Obj): void {
    this.fx.obj_set_slot_steal(o, off, v);
  }
  getI32(o: Obj, off: number): number {
    return this.i32[(o + off) >>> 2]!;
  }
  setI32(o: Obj, off: number, v: number): void {
    this.i32[(o + off) >>> 2] = v;
  }
  getF64(o: Obj, off: number): number {
    const a = o + off;
    if ((a & 7) === 0) return this.f64[a >>> 3]!;
    return new Float64Array(this.memory.buffer, a, 1)[0]!;
  }
  setF64(o: Obj, off: number, v: number): void {
    const a = o + off;
    if ((a & 7) === 0) this.f64[a >>> 3] = v;
    else new Float64Array(this.memory.buffer, a, 1)[0] = v;
  }

  // ── types ────────────────────────────────────────────────────────────────────────────────────
  /** Registers a data-driven type: a new reference to the type object. */
  registerType(d: TypeDesc): Obj {
    let flags = d.flags ?? 0;
    if (d.gc) flags |= abi.TPF_HAVE_GC;
    if (d.managedDict) flags |= abi.TPF_MANAGED_DICT | abi.TPF_HAVE_GC;
    if (d.varRefs) flags |= abi.TPF_VAR_REFS;
    if (d.finalizer) flags |= abi.TPF_FINALIZER;
    if (d.heapType) flags |= abi.TPF_HEAPTYPE | abi.TPF_HAVE_GC;
    if (d.freelistKeep) flags |= abi.TPF_FREELIST_KEEP;
    if (d.varDict) flags |= abi.TPF_VAR_DICT;
    let lo = 0;
    let hi = 0;
    for (const off of d.refSlots ?? []) {
      if (off % 8 !== 0 || off < 16 || off >= 512) throw new RangeError(`bad ref slot offset ${off}`);
      const bit = off / 8;
      if (bit < 32) lo |= 1 << bit;
      else hi |= 1 << (bit - 32);
    }
    const t = this.must(
      this.core.obj_type_new(d.meta ?? this.types.type, d.basicsize, d.itemsize ?? 0, flags, d.weaklistOffset ?? 0,
        lo, hi, d.freelist ?? 0),
      "registerType",
    );
    if (d.layout) {
      const layouts = {
        list: abi.LAYOUT_LIST, dict: abi.LAYOUT_DICT, set: abi.LAYOUT_SET, tuple: abi.LAYOUT_TUPLE, weakref: abi.LAYOUT_WEAKREF,
        str: abi.LAYOUT_STR, int: abi.LAYOUT_INT, float: abi.LAYOUT_FLOAT, bytes: abi.LAYOUT_BYTES,
      };
      this.core.obj_type_set_layout(t, layouts[d.layout]);
    }
    this.setSlotSteal(t, abi.TP_NAME, this.newStr(d.name));
    this.setSlot(t, abi.TP_BASE, d.base ?? this.types.object);
    if (d.managedDict && d.heapType && !this.core.obj_type_init_shared_keys(t)) {
      this.decref(t);
      throw statusError(abi.STATUS_NO_MEMORY, "registerType");
    }
    return t;
  }
  /** A new instance of a registered type (fields zeroed; tracked if GC). New reference. An instance of a
   *  class with shared keys gets its values array (object_new's init_inline_values) unless `values` is
   *  false — a built-in base's constructor making a subclass instance (complex, frozenset…) skips it. */
  newObject(t: Obj, nitems = 0, values = true): Obj {
    return this.must(values ? this.fx.obj_new(t, nitems) : this.core.obj_new_no_values(t, nitems), "newObject");
  }
  /** An instance of the str subclass `t` (registered with layout "str") holding the text of the str `s`
   *  (borrowed): CPython's legacy, non-compact string — the object, then a separate block for the
   *  characters. Tracked. New reference. */
  newStrSub(t: Obj, s: Obj): Obj {
    return this.must(this.core.obj_new_str_sub(t, s), "newStrSub");
  }
  /** An instance of the int subclass `t` (layout "int") with the value of the int `i` (borrowed), allocated
   *  as PyType_GenericAlloc does (one digit more than the value needs). Tracked. New reference. */
  newIntSub(t: Obj, i: Obj): Obj {
    return this.must(this.core.obj_new_int_sub(t, i), "newIntSub");
  }
  /** An instance of the float subclass `t` (layout "float") with value x (no free list). Tracked. New
   *  reference. */
  newFloatSub(t: Obj, x: number): Obj {
    return this.must(this.core.obj_new_float_sub(t, x), "newFloatSub");
  }
  /** An instance of the bytes subclass `t` (layout "bytes", itemsize 1, `varDict`) with the bytes of `b`
   *  (borrowed), allocated with one spare byte as PyType_GenericAlloc does. Tracked. New reference. */
  newBytesSub(t: Obj, b: Obj): Obj {
    return this.must(this.core.obj_new_bytes_sub(t, b), "newBytesSub");
  }
  /** Byte offset of o's instance dict word when its type was registered with `varDict` (it moves with
   *  the number of digits); 0 otherwise. Use with getSlot / setSlot. */
  varDictOffset(o: Obj): number {
    return this.core.obj_var_dict_offset(o);
  }

  // ── int ─────────────────────────────────────────────────────────────────────────────────────
  private smallIntBase = 0;
  /** The static small int v (−5..256), borrowed; no WASM call. */
  smallInt(v: number): Obj {
    return this.smallIntBase + (v + 5) * 32;
  }
  /** newInt for a safe integer v (|v| < 2^53; a JS number holding an integer): the small-int cache or one
   *  call of the core's int_from_f64 without the export wrapper (making an int runs no hook). */
  newIntValue(v: number): Obj {
    if (v >= -5 && v <= 256) {
      const o = this.smallIntBase + (v + 5) * 32;
      let m = this._i32;
      if ((m.length | 0) === 0) m = this.i32;
      m[o >>> 2]!++;
      return o;
    }
    return this.allocInt(v);
  }
  private allocInt(v: number): Obj {
    if (v > 9007199254740991 || v < -9007199254740991) return this.newInt(v);
    if (this.retired) throw this.retired;
    let r = 0;
    try {
      r = this.rawIntFromF64(v);
    } catch (e) {
      throw this.trap(e, "int_from_f64");
    }
    if (r === 0) throw statusError(this.fx.heap_last_status(), "newInt");
    return r >>> 0;
  }
  /** A new reference to the int v (small ints −5..256 are the shared static objects). */
  newInt(v: number | bigint): Obj {
    if (typeof v === "number") {
      if (v >= -5 && v <= 256 && (v | 0) === v) {
        const o = this.smallIntBase + (v + 5) * 32;
        this.incref(o);
        return o;
      }
      if (Number.isSafeInteger(v)) return this.must(this.fx.int_from_f64(v), "newInt");
      v = BigInt(v);
    }
    if (v >= -(2n ** 53n) && v <= 2n ** 53n) return this.must(this.fx.int_from_f64(Number(v)), "newInt");
    return this.newIntDigits(v, 0);
  }
  /** newIntDigits(BigInt(v), spare) for a number v, in one call of the core when v is a safe integer
   *  (no BigInt made): the same object, allocated alike. */
  newIntSpare(v: number, spare: number): Obj {
    if (spare === 0) return this.newIntValue(v);
    if (!Number.isSafeInteger(v)) return this.newIntDigits(BigInt(v), spare);
    if (this.retired) throw this.retired;
    let r = 0;
    try {
      r = this.rawIntFromF64Spare(v, spare);
    } catch (e) {
      throw this.trap(e, "int_from_f64_spare");
    }
    if (r === 0) throw statusError(this.rawLastStatus(), "newInt");
    return r >>> 0;
  }
  /** The int result of an operation on two exact ints (not bools, not subclasses) and the release of the
   *  caller's references to them, in at most one call of the core: what `r = newIntSpare(x, spare)` then
   *  `decrefInt(a)`, `decrefInt(b)` do — the result is allocated before an operand that dies is freed, a
   *  first, as CPython's BINARY_OP — with the counts changed here and one crossing for whatever needs
   *  the core. A result in −5..256 is the shared small int whatever `spare` (CPython normalises x_add's and
   *  x_mul's results to it). x a number holding an integer; a and b may be the same object. New reference. */
  intResultRelease(x: number, spare: number, a: Obj, b: Obj): Obj {
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    const da = --m[a >>> 2]! === 0 ? a : 0;
    const db = --m[b >>> 2]! === 0 ? b : 0;
    if (x >= -5 && x <= 256) {
      const o = this.smallIntBase + (x + 5) * 32;
      m[o >>> 2]!++;
      if (da !== 0) this.freeInt(da);
      if (db !== 0) this.freeInt(db);
      return o;
    }
    if (!Number.isSafeInteger(x)) {
      let r = 0;
      try {
        r = this.newIntDigits(BigInt(x), spare);
      } finally {
        if (da !== 0) this.freeInt(da);
        if (db !== 0) this.freeInt(db);
      }
      return r;
    }
    if (this.retired) throw this.retired;
    let r = 0;
    try {
      r = this.rawIntResultRelease(x, spare, da, db);
    } catch (e) {
      throw this.trap(e, "int_result_release");
    }
    if (r === 0) throw statusError(this.rawLastStatus(), "newInt");
    return r >>> 0;
  }
  /** `super().name` for an instance in one core call (the core's obj_super_bind): the super object of type
   *  `superT` for (type, self, type(self)) made, the method of type `methodT` binding func to self made,
   *  the super object released. New reference to the method, or 0 with nothing done (making the super
   *  object would start a collection, or found no memory): the caller takes the general path. */
  superBind(superT: Obj, methodT: Obj, type: Obj, self: Obj, func: Obj): Obj {
    if (this.retired) throw this.retired;
    let r = 0;
    try {
      r = this.rawSuperBind(superT, methodT, type, self, func);
    } catch (e) {
      throw this.trap(e, "obj_super_bind");
    }
    if (this.hookError !== undefined) this.rethrowHookError();
    if (r === 1) throw statusError(this.rawLastStatus(), "newObject");
    return r >>> 0;
  }
  /** BINARY_OP `op` (its oparg) of two exact ints of at most one digit in one core call: + - * // % & | ^
   *  with a result below 2^53, made first, then a and b released (STEALS both references; an int that
   *  dies is freed). 0 when it does not apply (or no memory), with nothing changed: the caller then does
   *  the operation its general way. New reference. */
  intBinarySmall(a: Obj, b: Obj, op: number): Obj {
    if (this.retired) throw this.retired;
    try {
      return this.rawIntBinarySmall(a, b, op) >>> 0;
    } catch (e) {
      throw this.trap(e, "int_binary_small");
    }
  }
  /** COMPARE_OP `op` (its oparg, < <= == != > >=) of two exact ints of at most two digits in one core call:
   *  True or False, then a and b released (STEALS both). 0 when it does not apply, with nothing changed.
   *  New reference. */
  intCompareSmall(a: Obj, b: Obj, op: number): Obj {
    if (this.retired) throw this.retired;
    try {
      return this.rawIntCompareSmall(a, b, op) >>> 0;
    } catch (e) {
      throw this.trap(e, "int_compare_small");
    }
  }
  /** A fresh int object for v with `spare` extra digits allocated (CPython's +, *, << results). */
  newIntDigits(v: bigint, spare = 0): Obj {
    if (v >= -5n && v <= 256n && spare === 0) return this.newInt(Number(v));
    if (v >= -9007199254740991n && v <= 9007199254740991n && v !== 0n) {
      // at most two 30-bit digits, computed as numbers
      const x = Number(v);
      const a = x < 0 ? -x : x;
      const lo = a % 1073741824;
      const hi = (a - lo) / 1073741824;
      const n = hi === 0 ? 1 : 2;
      const o = this.must(this.fx.int_new(x < 0 ? -n : n, n + spare), "newInt");
      let m = this._i32;
      if ((m.length | 0) === 0) m = this.i32;
      m[(o + abi.INT_DIGITS) >>> 2] = lo;
      if (n === 2) m[(o + abi.INT_DIGITS + 4) >>> 2] = hi;
      return o;
    }
    const neg = v < 0n;
    let m = neg ? -v : v;
    const digits: number[] = [];
    while (m > 0n) {
      digits.push(Number(m & 0x3fffffffn));
      m >>= 30n;
    }
    const n = digits.length;
    const o = this.must(this.fx.int_new(neg ? -n : n, n + spare), "newInt");
    const i32 = this.i32;
    for (let i = 0; i < n; i++) i32[(o + abi.INT_DIGITS + 4 * i) >>> 2] = digits[i]!;
    return o;
  }
  /** The value of an int (or bool) exactly. */
  readInt(o: Obj): bigint {
    const size = this.obSize(o);
    const n = Math.abs(size);
    const i32 = this.i32;
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 30n) | BigInt(i32[(o + abi.INT_DIGITS + 4 * i) >>> 2]! >>> 0);
    return size < 0 ? -v : v;
  }
  /** The value as a number (exact below 2^53). */
  intToNumber(o: Obj): number {
    return this.core.int_to_f64(o);
  }

  // ── float ───────────────────────────────────────────────────────────────────────────────────
  newFloat(x: number): Obj {
    return this.must(this.fx.float_new(x), "newFloat");
  }
  readFloat(o: Obj): number {
    return this.getF64(o, abi.FLOAT_VALUE);
  }

  // ── str ─────────────────────────────────────────────────────────────────────────────────────
  /** A new reference to a str: '' and one-character latin-1 strings are the cached static objects. */
  newStr(s: string): Obj {
    if (s.length === 0) {
      this.incref(this.emptyStr);
      return this.emptyStr;
    }
    if (s.length === 1 && s.charCodeAt(0) < 256) return this.must(this.fx.str_from_char(s.charCodeAt(0)), "newStr");
    return this.newStrUncached(s);
  }
  /** Always a fresh str object (operations that bypass the 1-character cache). */
  newStrUncached(s: string): Obj {
    return this.makeStr(s, false);
  }
  /** A static str that lives as long as the interpreter (CPython's identifier strings, deep-frozen
   *  constants): id ≡ 8 (mod 16), refcount near 10^9, never freed. Borrowed: no reference to release. */
  newStaticStr(s: string): Obj {
    return this.makeStr(s, true);
  }
  private makeStr(s: string, isStatic: boolean): Obj {
    // one pass over the UTF-16 units: the widest unit, and whether any surrogate is present (then the
    // code points are counted the slow way)
    const n = s.length;
    if (n <= SCRATCH_UNITS) {
      // short: the units are read once into a scratch array (the bitwise or of them is below 128 / 256
      // exactly when the largest is: the same kind and ASCII flag)
      const u = scratchUnits;
      let bits = 0;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        u[i] = c;
        bits |= c;
        if ((c & 0xf800) === 0xd800) return this.makeStrCodePoints(s, isStatic);
      }
      const o = isStatic
        ? this.must(this.core.str_new_static(n, bits), "newStaticStr")
        : this.must(this.fx.str_new(n, bits), "newStr");
      const data = o + (bits < 128 ? abi.STR_ASCII_DATA : abi.STR_COMPACT_DATA);
      if (bits < 256) {
        let a = this._u8;
        if (a.length === 0) a = this.u8;
        for (let i = 0; i < n; i++) a[data + i] = u[i]!;
      } else {
        const a = new Uint16Array(this.memory.buffer, data, n);
        for (let i = 0; i < n; i++) a[i] = u[i]!;
      }
      return o;
    }
    let max = 0;
    let surrogates = false;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > max) max = c;
      if (c >= 0xd800 && c <= 0xdfff) {
        surrogates = true;
        break;
      }
    }
    if (surrogates) return this.makeStrCodePoints(s, isStatic);
    const o = isStatic
      ? this.must(this.core.str_new_static(n, max), "newStaticStr")
      : this.must(this.fx.str_new(n, max), "newStr");
    // a new str is compact: its characters follow the header
    const data = o + (max < 128 ? abi.STR_ASCII_DATA : abi.STR_COMPACT_DATA);
    if (max < 128 && n > 32) {
      textEncoder.encodeInto(s, this.u8.subarray(data, data + n));
    } else if (max < 256) {
      const a = this.u8;
      for (let i = 0; i < n; i++) a[data + i] = s.charCodeAt(i);
    } else {
      const a = new Uint16Array(this.memory.buffer, data, n);
      for (let i = 0; i < n; i++) a[i] = s.charCodeAt(i);
    }
    return o;
  }
  private makeStrCodePoints(s: string, isStatic: boolean): Obj {
    const cps: number[] = [];
    let max = 0;
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      cps.push(cp);
      if (cp > max) max = cp;
    }
    const o = isStatic
      ? this.must(this.core.str_new_static(cps.length, max), "newStaticStr")
      : this.must(this.fx.str_new(cps.length, max), "newStr");
    const data = this.fx.str_data(o) >>> 0;
    const buf = this.memory.buffer;
    if (max < 256) {
      const a = new Uint8Array(buf, data, cps.length);
      for (let i = 0; i < cps.length; i++) a[i] = cps[i]!;
    } else if (max < 65536) {
      const a = new Uint16Array(buf, data, cps.length);
      for (let i = 0; i < cps.length; i++) a[i] = cps[i]!;
    } else {
      const a = new Uint32Array(buf, data, cps.length);
      for (let i = 0; i < cps.length; i++) a[i] = cps[i]!;
    }
    return o;
  }
  /** A new str of the strs `parts` (borrowed) one after another, `sep` (a str, borrowed; 0 for none)
   *  between each two: what CPython's _PyUnicode_JoinArray makes once it has its items. The result has
   *  the widest kind of the pieces and is ASCII when all of them are (PyUnicode_New with their largest
   *  PyUnicode_MAX_CHAR_VALUE); it is always a fresh object, a one-character result too, except that an
   *  empty result is the shared ''. The characters are copied within the heap's memory (no JS string). */
  strJoin(parts: readonly Obj[], sep: Obj = 0): Obj {
    const n = parts.length;
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    let total = 0;
    let maxchar = 0;
    for (let i = 0; i < n; i++) {
      const p = parts[i]!;
      total += m[(p + abi.STR_LENGTH) >>> 2]!;
      const mc = strMaxChar(m[(p + abi.STR_STATE) >>> 2]!);
      if (mc > maxchar) maxchar = mc;
    }
    let sepLen = 0;
    if (sep !== 0 && n > 1) {
      sepLen = m[(sep + abi.STR_LENGTH) >>> 2]!;
      if (sepLen > 0) {
        total += sepLen * (n - 1);
        const mc = strMaxChar(m[(sep + abi.STR_STATE) >>> 2]!);
        if (mc > maxchar) maxchar = mc;
      }
    }
    if (total === 0) {
      this.incref(this.emptyStr);
      return this.emptyStr;
    }
    // past the core's size limit str_new fails with NO_MEMORY (as a length > 2^31 would)
    const o = this.must(this.fx.str_new(total > 0x7fffffff ? 0x7fffffff : total, maxchar), "newStr");
    m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    const kind = maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
    let at = o + (maxchar < 128 ? abi.STR_ASCII_DATA : abi.STR_COMPACT_DATA);
    for (let i = 0; i < n; i++) {
      if (i > 0 && sepLen > 0) at = this.strCopyInto(sep, at, kind, m);
      at = this.strCopyInto(parts[i]!, at, kind, m);
    }
    return o;
  }
  /** The core's io buffer as strJoinPop last had it: a buffer the core moves when a larger one is asked
   *  for is still reserved (the old one is never handed out again), so only a reset forgets it. */
  private joinBuf = 0;
  private joinCap = 0;
  /** strJoin of the `n` strs at the end of `parts` made in the core (one call, the characters copied
   *  there), the parts' references dropped as it returns (last to first, as BUILD_STRING pops them)
   *  and removed from `parts`: the new str, or 0 (nothing changed) when the core does not join them here
   *  (more than 256 parts, the size-optimised build). */
  strJoinPop(parts: Obj[], n: number): Obj {
    if (n > 256) return 0;
    if (this.joinCap === 0) {
      this.joinBuf = this.core.heap_io_buffer(1024) >>> 0;
      this.joinCap = 256;
    }
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    const base = parts.length - n;
    for (let i = 0; i < n; i++) m[(this.joinBuf >>> 2) + i] = parts[base + i]!;
    const r = this.strJoinItems(this.joinBuf, n, 0, 4);
    if (r !== 0) for (let i = 0; i < n; i++) parts.pop();
    return r;
  }
  /** strJoin of the `n` items (strs, borrowed) at u32 words `stride` bytes apart from `items` (an exact
   *  list's or tuple's item array: 8), `sep` between each two, made in the core (which releases the items
   *  for a stride of 4: strJoinPop's): the new str, or 0 when an item is no str or the core does not join
   *  here (then join them with strJoin, which also finds the wrong item). */
  strJoinItems(items: number, n: number, sep: Obj, stride = 8): Obj {
    const r = this.fx.str_join_array(items, n, stride, sep, stride & 4);
    if (r === 0 && this.fx.heap_last_status() === abi.STATUS_NO_MEMORY) throw statusError(abi.STATUS_NO_MEMORY, "newStr");
    return r >>> 0;
  }
  /** Copies the characters of the str s to address `at` of a str of kind `kind` (at least s's kind),
   *  widening them; returns the address after them. */
  private strCopyInto(s: Obj, at: number, kind: number, m: Int32Array): number {
    const len = m[(s + abi.STR_LENGTH) >>> 2]!;
    if (len === 0) return at;
    const state = m[(s + abi.STR_STATE) >>> 2]!;
    const k = (state >>> abi.STR_STATE_KIND_SHIFT) & 7;
    const src = (state & abi.STR_STATE_COMPACT) === 0
      ? m[(s + abi.STR_DATA_ANY) >>> 2]! >>> 0
      : s + ((state & abi.STR_STATE_ASCII) !== 0 ? abi.STR_ASCII_DATA : abi.STR_COMPACT_DATA);
    const u8 = this._u8;
    if (k === kind) {
      if (len * k <= 16) for (let j = 0; j < len * k; j++) u8[at + j] = u8[src + j]!;
      else u8.copyWithin(at, src, src + len * k);
      return at + len * k;
    }
    const buf = this.memory.buffer;
    const out = kind === 2 ? new Uint16Array(buf, at, len) : new Uint32Array(buf, at, len);
    const from = k === 1 ? u8.subarray(src, src + len) : new Uint16Array(buf, src, len);
    for (let j = 0; j < len; j++) out[j] = from[j]!;
    return at + len * kind;
  }
  /** The decimal text of an exact int or bool (its digits, no __str__). */
  intDecimal(o: Obj): string {
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    const size = m[(o + abi.OB_SIZE) >>> 2]!;
    if (size === 0) return "0";
    if (size === 1) return String(m[(o + abi.INT_DIGITS) >>> 2]!);
    if (size === -1) return String(-m[(o + abi.INT_DIGITS) >>> 2]!);
    if (size === 2 || size === -2) {
      const v = m[(o + abi.INT_DIGITS + 4) >>> 2]! * 1073741824 + m[(o + abi.INT_DIGITS) >>> 2]!;
      if (v <= 9007199254740991) return String(size < 0 ? -v : v);
    }
    return this.readInt(o).toString();
  }
  /** str() of an exact int of at most two 30-bit digits (|value| < 2^60) made in the core in one call: a
   *  NEW reference to a fresh ASCII str of its decimal digits ('-' first when negative), never a cached
   *  one-character str — the object `newStrUncached(intDecimal(o))` gives. 0 for an int of more digits
   *  (format it with intDecimal). Also right for a bool's digits ('0' / '1'), not for its str(). */
  intDecimalStr(o: Obj): Obj {
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    const size = m[(o + abi.OB_SIZE) >>> 2]!;
    if (size > 2 || size < -2) return 0;
    if (this.retired) throw this.retired;
    let r = 0;
    try {
      r = this.rawIntDecimalStr(o);
    } catch (e) {
      throw this.trap(e, "int_decimal_str");
    }
    if (r === 0) throw statusError(this.rawLastStatus(), "intDecimalStr");
    return r >>> 0;
  }
  /** The length of a str in code points (its header's length field). */
  strLength(o: Obj): number {
    return this.i32[(o + abi.STR_LENGTH) >>> 2]!;
  }
  /** `left += right` in place, as CPython 3.11's PyUnicode_Append when `left` may be modified: left has
   *  refcount 1 (the caller's reference is the only one), no cached hash, is not interned, is an exact
   *  str, and right is a non-empty exact str whose kind fits (never ascii += non-ascii). Then the caller's
   *  reference to left is taken over and the result returned: left itself while its block's size class
   *  has room, else the string moved to a new block (pymalloc realloc; the old address is freed). Returns
   *  0 and changes nothing when the append cannot be in place (build a new string instead). */
  strAppendInPlace(left: Obj, right: Obj): Obj {
    if (this.fx.str_can_append_inplace(left, right) === 0) return 0;
    return this.must(this.fx.str_append_inplace(left, right), "strAppendInPlace");
  }
  /** The text of a str. */
  readStr(o: Obj): string {
    const len = this.i32[(o + abi.STR_LENGTH) >>> 2]!;
    return len === 0 ? "" : this.strPart(o, 0, 1, len);
  }
  /** The `n` code points of the str o at start, start + step, … as text, read from its data without the
   *  rest of it (a slice or one character of a long str). */
  strPart(o: Obj, start: number, step: number, n: number): string {
    if (n === 0) return "";
    const i32 = this.i32;
    const state = i32[(o + abi.STR_STATE) >>> 2]!;
    const kind = (state >>> abi.STR_STATE_KIND_SHIFT) & 7;
    const ascii = (state & abi.STR_STATE_ASCII) !== 0;
    const data = (state & abi.STR_STATE_COMPACT) === 0 ? i32[(o + abi.STR_DATA_ANY) >>> 2]! : o + (ascii ? abi.STR_ASCII_DATA : abi.STR_COMPACT_DATA);
    const CHUNK = 8192;
    let out = "";
    if (kind === 1) {
      const u8 = this._u8;
      if (n <= 16 || step !== 1) {
        for (let i = 0; i < n; i++) out += String.fromCharCode(u8[data + start + i * step]!);
        return out;
      }
      if (ascii) return utf8Decoder.decode(u8.subarray(data + start, data + start + n));
      for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, u8.subarray(data + start + i, data + start + Math.min(n, i + CHUNK)) as unknown as number[]);
      return out;
    }
    const len = i32[(o + abi.STR_LENGTH) >>> 2]!;
    const a = kind === 2 ? new Uint16Array(this.memory.buffer, data, len) : new Uint32Array(this.memory.buffer, data, len);
    const fromCodes = kind === 4 ? String.fromCodePoint : String.fromCharCode;
    if (step !== 1) {
      for (let i = 0; i < n; i++) out += fromCodes(a[start + i * step]!);
      return out;
    }
    for (let i = 0; i < n; i += CHUNK) out += fromCodes.apply(null, a.subarray(start + i, start + Math.min(n, i + CHUNK)) as unknown as number[]);
    return out;
  }

  // ── bytes ───────────────────────────────────────────────────────────────────────────────────
  /** A new reference to a bytes object: b'' and the 256 one-byte objects are static and shared (CPython's
   *  PyBytes_FromStringAndSize). */
  newBytes(b: Uint8Array): Obj {
    if (b.length === 1) return this.fx.bytes_char(b[0]!) >>> 0;
    if (b.length === 0) return this.must(this.fx.bytes_new(0), "newBytes");
    return this.newBytesUncached(b);
  }
  /** A new reference to a fresh bytes object, never a shared one, even when empty (operations that fill a
   *  new object themselves, such as bytes(n), bytes(tuple), upper(), and `b'ab' * 0`: they bypass the
   *  one-byte cache and the static b''). */
  newBytesUncached(b: Uint8Array): Obj {
    if (b.length === 0) {
      // NOTE: CPython's bytes_repeat allocates its result itself, so `b'ab' * 0` is a new empty object, not
      // the static b''. The core's bytes_new(0) gives the static one; a new 1-byte object shrunk to size 0
      // is the same thing: 34 and 33 bytes fall in the same 48-byte size class, and getsizeof and the
      // data's NUL terminator follow ob_size.
      const o = this.must(this.fx.bytes_new(1), "newBytes");
      this.setI32(o, abi.OB_SIZE, 0);
      return o;
    }
    const o = this.must(this.fx.bytes_new(b.length), "newBytes");
    this.u8.set(b, o + abi.BYTES_DATA);
    return o;
  }
  readBytes(o: Obj): Uint8Array {
    const n = this.obSize(o);
    return this.u8.slice(o + abi.BYTES_DATA, o + abi.BYTES_DATA + n);
  }

  // ── tuple ───────────────────────────────────────────────────────────────────────────────────
  /** A new tuple of the items (borrowed: the tuple takes references). `()` for none. */
  newTuple(items: readonly Obj[]): Obj {
    for (const it of items) this.incref(it);
    return this.newTupleSteal(items);
  }
  /** A new tuple that steals the references to its items. */
  newTupleSteal(items: readonly Obj[]): Obj {
    const t = this.fx.tuple_new(items.length) >>> 0;
    if (t === 0) {
      for (const it of items) this.decref(it);
      throw statusError(this.fx.heap_last_status(), "newTuple");
    }
    const i32 = this.i32;
    for (let i = 0; i < items.length; i++) i32[(t + abi.TUPLE_ITEMS + 8 * i) >>> 2] = items[i]!;
    return t;
  }
  tupleGet(t: Obj, i: number): Obj {
    return this.i32[(t + abi.TUPLE_ITEMS + 8 * i) >>> 2]! >>> 0;
  }

  // ── list ────────────────────────────────────────────────────────────────────────────────────
  /** A new list holding the items (borrowed). "display": PyList_New (free list, capacity n);
   *  "list()": list(iterable) (no free list, capacity n rounded up to even); "extend-empty": a display
   *  of ≥ 3 constants, BUILD_LIST 0 + LIST_EXTEND (free list, capacity n rounded up to even). */
  newList(items: readonly Obj[] = [], how: ListHow = "display"): Obj {
    let l: Obj;
    if (how === "display") {
      l = this.must(this.fx.list_new(items.length, abi.LIST_NEW_DISPLAY), "newList");
    } else {
      l = this.must(this.fx.list_new(0, how === "list()" ? abi.LIST_NEW_CALL : abi.LIST_NEW_DISPLAY), "newList");
      if (items.length > 0) {
        if (!this.fx.list_preallocate_exact(l, items.length) || !this.fx.list_resize(l, items.length)) {
          this.decref(l);
          throw statusError(this.fx.heap_last_status(), "newList");
        }
      }
    }
    const arr = this.i32[(l + LIST_ITEMS) >>> 2]! >>> 0;
    const i32 = this.i32;
    for (let i = 0; i < items.length; i++) {
      this.incref(items[i]!);
      i32[(arr + 8 * i) >>> 2] = items[i]!;
    }
    return l;
  }
  listAppend(l: Obj, v: Obj): void {
    this.incref(v);
    this.listAppendSteal(l, v);
  }
  /** l.append(v) taking the caller's reference to v (dropped when the append fails). */
  listAppendSteal(l: Obj, v: Obj): void {
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    const n = m[(l + abi.OB_SIZE) >>> 2]!;
    const allocated = m[(l + abi.LIST_ALLOCATED) >>> 2]!;
    if (n < allocated) {
      // _PyList_AppendTakeRef: room left (even a list under half full, as split's 12 preallocated slots,
      // keeps its item array): the core's append without the call — the size, the item
      const at = ((m[(l + LIST_ITEMS) >>> 2]! >>> 0) + 8 * n) >>> 2;
      m[(l + abi.OB_SIZE) >>> 2] = n + 1;
      m[at] = v;
      m[at + 1] = 0;
      return;
    }
    if (!this.fx.list_append(l, v)) {
      const st = this.fx.heap_last_status();
      this.decref(v);
      throw statusError(st, "list.append");
    }
    this.decref(v);
  }
  listInsert(l: Obj, i: number, v: Obj): void {
    if (!this.fx.list_insert(l, i, v)) throw statusError(this.fx.heap_last_status(), "list.insert");
  }
  /** list.pop(i): a new reference. */
  listPop(l: Obj, i = -1): Obj {
    return this.must(this.fx.list_pop(l, i), "list.pop");
  }
  /** Item i (borrowed). */
  listGet(l: Obj, i: number): Obj {
    const arr = this.i32[(l + LIST_ITEMS) >>> 2]! >>> 0;
    return this.i32[(arr + 8 * i) >>> 2]! >>> 0;
  }
  /** l[i] = v (v borrowed). */
  listSet(l: Obj, i: number, v: Obj): void {
    this.fx.list_set(l, i, v);
  }
  listLen(l: Obj): number {
    return this.obSize(l);
  }
  listCapacity(l: Obj): number {
    return this.fx.list_capacity(l);
  }
  listClear(l: Obj): void {
    this.fx.list_clear(l);
  }
  /** l.extend(items) (borrowed) with CPython's sizing: exact-even on a list without an item array,
   *  list_resize otherwise. */
  listExtend(l: Obj, items: readonly Obj[]): void {
    const n = items.length;
    if (n === 0) return;
    const m = this.listLen(l);
    const hasArray = this.i32[(l + LIST_ITEMS) >>> 2] !== 0;
    const ok = hasArray ? this.fx.list_resize(l, m + n) : this.fx.list_preallocate_exact(l, n) && this.fx.list_resize(l, n);
    if (!ok) throw statusError(this.fx.heap_last_status(), "list.extend");
    const arr = this.i32[(l + LIST_ITEMS) >>> 2]! >>> 0;
    for (let i = 0; i < n; i++) {
      this.incref(items[i]!);
      this.i32[(arr + 8 * (m + i)) >>> 2] = items[i]!;
    }
  }

  /** l.extend(iterator) (items borrowed) with CPython's iterator path: room for len + lengthHint first
   *  (exactly lengthHint on a list without an item array; the hint defaults to 8, as for generators), items
   *  appended, the excess trimmed by list_resize.
   *  `list(generator)` is `newList([], "list()")` followed by this. */
  listExtendIter(l: Obj, items: Iterable<Obj>, lengthHint = 8): void {
    const fail = () => {
      throw statusError(this.fx.heap_last_status(), "list.extend");
    };
    const m = this.listLen(l);
    // list_extend: exact room on a list without an item array, list_resize to len + hint otherwise
    if (this.i32[(l + LIST_ITEMS) >>> 2] ? !this.fx.list_resize(l, m + lengthHint) : lengthHint && !this.fx.list_preallocate_exact(l, lengthHint)) fail();
    this.setI32(l, abi.OB_SIZE, m);
    for (const it of items) {
      const n = this.listLen(l);
      if (n < this.listCapacity(l)) {
        this.incref(it);
        const arr = this.i32[(l + LIST_ITEMS) >>> 2]! >>> 0;
        this.i32[(arr + 8 * n) >>> 2] = it;
        this.setI32(l, abi.OB_SIZE, n + 1);
      } else {
        this.listAppend(l, it);
      }
    }
    const n = this.listLen(l);
    if (n < this.listCapacity(l) && !this.fx.list_resize(l, n)) fail();
  }

  // ── dict ────────────────────────────────────────────────────────────────────────────────────
  /** {} ("display", free list) or dict() ("dict()"): a new reference, untracked. */
  newDict(how: "display" | "dict()" = "display"): Obj {
    return this.must(this.fx.dict_new(how === "display" ? abi.DICT_NEW_DISPLAY : abi.DICT_NEW_CALL), "newDict");
  }
  /** d[k] = v (both borrowed). */
  dictSet(d: Obj, k: Obj, v: Obj): void {
    if (!this.fx.dict_set(d, k, v)) throw statusError(this.fx.heap_last_status(), "dict.__setitem__");
  }
  /** d[k] (borrowed) or 0 when absent; throws HeapError("ERROR") if __eq__/__hash__ raised. */
  dictGet(d: Obj, k: Obj): Obj {
    const v = this.fx.dict_get(d, k) >>> 0;
    if (v === 0 && this.rawLastStatus() !== abi.STATUS_NOT_FOUND) {
      throw statusError(this.rawLastStatus(), "dict.__getitem__");
    }
    return v;
  }
  /** del d[k]: false if absent. */
  dictDel(d: Obj, k: Obj): boolean {
    if (this.fx.dict_del(d, k)) return true;
    if (this.fx.heap_last_status() === abi.STATUS_NOT_FOUND) return false;
    throw statusError(this.fx.heap_last_status(), "dict.__delitem__");
  }
  dictLen(d: Obj): number {
    return this.i32[(d + abi.DICT_USED) >>> 2]!;
  }
  /** Iteration in insertion order: the next entry position after `pos` (start with -1), or -1. */
  dictNext(d: Obj, pos: number): number {
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    // a combined table (no split values array) is scanned here, as the core does: the next entry from
    // pos + 1 that holds a value
    if (m[(d + abi.DICT_VALUES) >>> 2] !== 0) return this.fx.dict_next(d, pos + 1);
    const k = m[(d + abi.DICT_KEYS) >>> 2]! >>> 0;
    const u8 = this._u8;
    const n = m[(k + abi.DK_NENTRIES) >>> 2]!;
    const size = u8[k + abi.DK_KIND] === abi.DK_KIND_UNICODE ? 16 : 24;
    let a = k + abi.DK_INDICES + (1 << u8[k + abi.DK_LOG2_INDEX_BYTES]!) + (pos + 1) * size + size - 8;
    for (let ix = pos + 1; ix < n; ix++, a += size) if (m[a >>> 2] !== 0) return ix;
    return -1;
  }
  /** Key at an entry position (borrowed). */
  dictKeyAt(d: Obj, pos: number): Obj {
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    if (m[(d + abi.DICT_VALUES) >>> 2] !== 0) return this.fx.dict_key_at(d, pos) >>> 0;
    const k = m[(d + abi.DICT_KEYS) >>> 2]! >>> 0;
    const u8 = this._u8;
    const unicode = u8[k + abi.DK_KIND] === abi.DK_KIND_UNICODE;
    const e = k + abi.DK_INDICES + (1 << u8[k + abi.DK_LOG2_INDEX_BYTES]!) + pos * (unicode ? 16 : 24);
    return m[(e + (unicode ? 0 : 8)) >>> 2]! >>> 0;
  }
  /** Value at an entry position (borrowed). */
  dictValueAt(d: Obj, pos: number): Obj {
    let m = this._i32;
    if ((m.length | 0) === 0) m = this.i32;
    if (m[(d + abi.DICT_VALUES) >>> 2] !== 0) return this.fx.dict_value_at(d, pos) >>> 0;
    const k = m[(d + abi.DICT_KEYS) >>> 2]! >>> 0;
    const u8 = this._u8;
    const size = u8[k + abi.DK_KIND] === abi.DK_KIND_UNICODE ? 16 : 24;
    return m[(k + abi.DK_INDICES + (1 << u8[k + abi.DK_LOG2_INDEX_BYTES]!) + pos * size + size - 8) >>> 2]! >>> 0;
  }
  /** d.clear(): entries released in order, key then value. */
  dictClear(d: Obj): void {
    this.fx.dict_clear(d);
  }
  /** d.copy(): a new reference (a dense table is cloned and the copy inherits the tracked flag). */
  dictCopy(d: Obj): Obj {
    return this.must(this.core.dict_copy(d), "dict.copy");
  }
  /** The entries in insertion order (borrowed). */
  dictItems(d: Obj): Array<[Obj, Obj]> {
    const out: Array<[Obj, Obj]> = [];
    for (let ix = this.fx.dict_next(d, 0); ix >= 0; ix = this.fx.dict_next(d, ix + 1)) {
      out.push([this.fx.dict_key_at(d, ix) >>> 0, this.fx.dict_value_at(d, ix) >>> 0]);
    }
    return out;
  }

  // ── set ─────────────────────────────────────────────────────────────────────────────────────
  newSet(items: readonly Obj[] = [], frozen = false): Obj {
    const s = this.must(this.fx.set_new(frozen ? 1 : 0), "newSet");
    for (const it of items) this.setAdd(s, it);
    return s;
  }
  setAdd(s: Obj, k: Obj): void {
    if (!this.fx.set_add(s, k)) throw statusError(this.fx.heap_last_status(), "set.add");
  }
  setContains(s: Obj, k: Obj): boolean {
    const r = this.fx.set_contains(s, k);
    if (r < 0) throw statusError(this.fx.heap_last_status(), "set.__contains__");
    return r === 1;
  }
  setDiscard(s: Obj, k: Obj): boolean {
    const r = this.fx.set_discard(s, k);
    if (r < 0) throw statusError(this.fx.heap_last_status(), "set.discard");
    return r === 1;
  }
  setLen(s: Obj): number {
    return this.i32[(s + abi.SET_USED) >>> 2]!;
  }
  /** Iteration in table order: the next table position after `pos` (start with -1), or -1. */
  setNext(s: Obj, pos: number): number {
    return this.fx.set_next(s, pos + 1);
  }
  /** Member at a table position (borrowed). */
  setKeyAt(s: Obj, pos: number): Obj {
    return this.fx.set_key_at(s, pos) >>> 0;
  }
  setClear(s: Obj): void {
    this.core.set_clear(s);
  }
  /** s.pop(): a new reference; HeapError NOT_FOUND when empty. */
  setPop(s: Obj): Obj {
    return this.must(this.core.set_pop(s), "set.pop");
  }
  /** Members in table order (borrowed). */
  setItems(s: Obj): Obj[] {
    const out: Obj[] = [];
    for (let i = this.fx.set_next(s, 0); i >= 0; i = this.fx.set_next(s, i + 1)) out.push(this.fx.set_key_at(s, i) >>> 0);
    return out;
  }

  // ── weakrefs ────────────────────────────────────────────────────────────────────────────────
  /** weakref.ref(o, cb): new reference (the shared callback-less ref when cb is 0). */
  newWeakref(o: Obj, cb: Obj = 0, type: Obj = this.types.weakref): Obj {
    return this.must(this.core.weakref_new(type, o, cb), "weakref");
  }
  /** The referent (borrowed) or 0 when dead. */
  weakrefGet(wr: Obj): Obj {
    return this.core.weakref_get(wr) >>> 0;
  }
  /** weakref.getweakrefcount(o). */
  weakrefCount(o: Obj): number {
    const off = this.i32[(this.typeOf(o) + abi.TP_WEAKLISTOFFSET) >>> 2]!;
    return off === 0 ? 0 : this.core.weakref_count(o);
  }
  /** weakref.getweakrefs(o): the weakrefs to o in list order (borrowed). */
  getWeakrefs(o: Obj): Obj[] {
    const off = this.i32[(this.typeOf(o) + abi.TP_WEAKLISTOFFSET) >>> 2]!;
    const out: Obj[] = [];
    if (off === 0) return out;
    for (let wr = this.getSlot(o, off); wr !== 0; wr = this.getSlot(wr, abi.WR_NEXT)) out.push(wr);
    return out;
  }

  // ── instances with a managed dict (classes without __slots__) ───────────────────────────────
  /** Gives o a values array of `size` empty slots (the class's shared-keys capacity). */
  valuesNew(o: Obj, size: number): void {
    if (!this.core.obj_values_new(o, size)) throw statusError(this.fx.heap_last_status() || abi.STATUS_NO_MEMORY, "values");
  }
  /** Value slot i (borrowed; 0 if empty or no values array). */
  valuesGet(o: Obj, i: number): Obj {
    return this.core.obj_values_get(o, i) >>> 0;
  }
  /** Stores v (borrowed; 0 clears) in value slot i, releasing the previous value. */
  valuesSet(o: Obj, i: number, v: Obj): void {
    if (!this.core.obj_values_set(o, i, v)) throw new RangeError(`values slot ${i} out of range`);
  }
  /** Frees the values array without releasing its values (they were moved into the __dict__). */
  valuesDetach(o: Obj): void {
    this.core.obj_values_detach(o);
  }
  valuesCapacity(o: Obj): number {
    return this.core.obj_values_capacity(o);
  }
  /** o.name for an instance of a class without __slots__: borrowed value, or 0 when it has no such
   *  attribute (HeapError "ERROR" if a key's __eq__ raised in a materialized dict). */
  attrGet(o: Obj, name: Obj): Obj {
    const v = this.fx.obj_attr_get(o, name) >>> 0;
    if (v === 0 && this.rawLastStatus() !== abi.STATUS_NOT_FOUND) throw statusError(this.rawLastStatus(), "getattr");
    return v;
  }
  /** o.name = v (v borrowed). Names join the class's shared keys (30 at most), else __dict__ is materialized. */
  attrSet(o: Obj, name: Obj, v: Obj): void {
    if (!this.fx.obj_attr_set(o, name, v)) throw statusError(this.fx.heap_last_status(), "setattr");
  }
  /** del o.name: false when there is no such attribute. */
  attrDel(o: Obj, name: Obj): boolean {
    if (this.fx.obj_attr_set(o, name, 0)) return true;
    if (this.fx.heap_last_status() === abi.STATUS_NOT_FOUND) return false;
    throw statusError(this.fx.heap_last_status(), "delattr");
  }
  /** o.__dict__ (materialized on first use, attributes in insertion order): borrowed. */
  attrDict(o: Obj): Obj {
    return this.must(this.core.obj_materialize_dict(o), "__dict__");
  }
  /** The materialized __dict__ (borrowed, 0 if none). */
  managedDict(o: Obj): Obj {
    return this.fx.obj_managed_dict(o) >>> 0;
  }
  /** Sets the materialized __dict__ (borrowed: the instance takes a reference). */
  setManagedDict(o: Obj, d: Obj): void {
    this.core.obj_set_managed_dict(o, d);
  }

  // ── hashing ─────────────────────────────────────────────────────────────────────────────────
  /** hash(o) as the core computes it (host hook for Python-level __hash__). */
  hash(o: Obj): bigint {
    if (this.fx.obj_hash(o) !== 0) throw statusError(this.fx.heap_last_status(), "hash");
    return new BigInt64Array(this.memory.buffer, this.core.heap_hash_slot(), 1)[0]!;
  }
  /** hash() of a frozenset or of an instance of a frozenset subclass (its set layout) by CPython's
   *  algorithm, never through the hash hook; cached in the object. */
  frozensetHash(o: Obj): bigint {
    this.core.set_hash(o);
    return new BigInt64Array(this.memory.buffer, this.core.heap_hash_slot(), 1)[0]!;
  }

  // ── inspection ──────────────────────────────────────────────────────────────────────────────
  /** Reads `n` u32 values the core wrote to an io buffer. */
  private readU32s(buf: number, n: number): number[] {
    return Array.from(new Uint32Array(this.memory.buffer, buf, n));
  }
  private withBuffer(fill: (buf: number, cap: number) => number): number[] {
    let cap = 1024;
    for (;;) {
      const buf = this.core.heap_io_buffer(cap * 4) >>> 0;
      const n = fill(buf, cap);
      if (n <= cap) return this.readU32s(buf, n);
      cap = n + 1024;
    }
  }
  /** Every live heap object (refcount > 0) in address order (borrowed). Static objects are not listed. */
  walk(): Obj[] {
    return this.withBuffer((b, c) => this.core.heap_walk(b, c));
  }
  /** What o references, in tp_traverse order (borrowed). */
  referents(o: Obj): Obj[] {
    return this.withBuffer((b, c) => this.core.obj_referents(o, b, c));
  }
  /** Every live heap object with type, refcount, GC state, sizes and referents, in address order. Static
   *  objects appear only as referents. */
  snapshot(): SnapshotObject[] {
    let cap = 1 << 16;
    for (;;) {
      const buf = this.core.heap_io_buffer(cap * 4) >>> 0;
      const n = this.core.heap_snapshot(buf, cap);
      if (n <= cap) {
        const words = new Uint32Array(this.memory.buffer, buf, n).slice();
        return decodeSnapshot(words, (o) => this.idOf(o), (o) => [
          this.core.obj_sizeof(o), this.core.obj_block_size(o), this.core.obj_buffers_size(o),
        ]);
      }
      cap = n + 1024;
    }
  }
  /** The invariant checker: allocator chains, free lists, generation lists, refcounts ≥ heap references. */
  check(): { ok: true } | { ok: false; code: number; object: Obj } {
    const live = this.core.heap_walk(0, 0);
    const cap = live * 16 + 65536;
    const work = this.core.heap_io_buffer(cap * 4) >>> 0;
    const code = this.core.heap_check(work, cap);
    if (code === 0) return { ok: true };
    return { ok: false, code, object: this.core.heap_check_object() >>> 0 };
  }
  /** For each of the 32 size classes, the block the next pymalloc allocation of that size would get and
   *  where it comes from (read only; one pass over the allocator's list heads). Ask again after any
   *  allocation or free: it changes with them. */
  nextBlocks(): NextBlock[] {
    const words = this.nextBlockWords(new Uint32Array(abi.NB_SMALL_SIZE_CLASSES));
    return Array.from(words, (w, c) => ({
      sizeClass: c,
      blockSize: 16 * (c + 1),
      block: (w & ~15) >>> 0,
      source: NEXT_SOURCES[w & 15]!,
    }));
  }
  /** nextBlocks() packed for callers that poll it often: writes one word per size class into `out`
   *  (length ≥ 32), the block address with its source (abi NEXT_FROM_*) in the low 4 bits. */
  nextBlockWords(out: Uint32Array): Uint32Array {
    const buf = this.core.heap_io_buffer(abi.NB_SMALL_SIZE_CLASSES * 4) >>> 0;
    const n = this.core.heap_next_blocks(buf);
    out.set(new Uint32Array(this.memory.buffer, buf, n));
    return out;
  }
  /** The core's type free lists (float, list, dict, tuple by length 1..20): how many objects each holds
   *  and which one the next creation through it takes back. Tuples of length 20 are parked but never
   *  taken back (as in CPython 3.11). */
  freeLists(): FreeListState[] {
    const buf = this.core.heap_io_buffer(64 * 8) >>> 0;
    const n = this.core.heap_free_lists(buf);
    const w = new Uint32Array(this.memory.buffer, buf, 2 * n).slice();
    const out: FreeListState[] = [];
    for (let i = 0; i < n; i++) {
      const next = w[2 * i]!;
      const count = w[2 * i + 1]!;
      if (i === abi.FREE_LIST_FLOAT) out.push({ type: "float", count, next });
      else if (i === abi.FREE_LIST_LIST) out.push({ type: "list", count, next });
      else if (i === abi.FREE_LIST_DICT) out.push({ type: "dict", count, next });
      else out.push({ type: "tuple", length: i - abi.FREE_LIST_TUPLE_1 + 1, count, next });
    }
    return out;
  }
  /** Heap statistics. */
  stats(): { bytesInUse: number; peakBytes: number; arenas: number; smallBlocks: number; largeBlocks: number; limit: number } {
    return {
      bytesInUse: this.core.heap_bytes_in_use(),
      peakBytes: this.core.heap_peak_bytes(),
      arenas: this.core.heap_arenas(),
      smallBlocks: this.core.heap_small_blocks(),
      largeBlocks: this.core.heap_large_blocks(),
      limit: this.core.heap_limit(),
    };
  }
  /** Bytes of live blocks now (objects, their buffers, objects parked on free lists). */
  liveBytes(): number {
    return this.core.heap_bytes_in_use();
  }
  /** The highest liveBytes() so far. */
  peakBytes(): number {
    return this.core.heap_peak_bytes();
  }
  setHeapLimit(bytes: number): void {
    this.core.heap_set_limit(bytes);
  }
  /** @internal */
  ioObjects(fill: (buf: number, cap: number) => number): Obj[] {
    return this.withBuffer(fill);
  }
  /** @internal */
  decodeEventsAt(base: number, count: number): HeapEvent[] {
    return decodeEvents(this.memory.buffer, base, count);
  }
}

/** The gc module's view of the core. */
export class GcApi {
  constructor(private readonly heap: Heap) {}
  /** gc.collect(generation): the same number CPython returns. */
  collect(generation = 2): number {
    if (generation < 0 || generation > 2) throw new RangeError("invalid generation");
    return this.heap.core.gc_collect(generation);
  }
  enable(): void {
    this.heap.core.gc_enable();
  }
  disable(): void {
    this.heap.core.gc_disable();
  }
  isEnabled(): boolean {
    return this.heap.core.gc_is_enabled() !== 0;
  }
  getCount(): [number, number, number] {
    const c = this.heap.core;
    return [c.gc_get_count(0), c.gc_get_count(1), c.gc_get_count(2)];
  }
  getThreshold(): [number, number, number] {
    const c = this.heap.core;
    return [c.gc_get_threshold(0), c.gc_get_threshold(1), c.gc_get_threshold(2)];
  }
  setThreshold(t0: number, t1?: number, t2?: number): void {
    const c = this.heap.core;
    c.gc_set_threshold(0, t0);
    if (t1 !== undefined) c.gc_set_threshold(1, t1);
    if (t2 !== undefined) c.gc_set_threshold(2, t2);
  }
  getStats(): GcStats[] {
    const c = this.heap.core;
    return [0, 1, 2].map((g) => ({ collections: c.gc_get_stat(g, 0), collected: c.gc_get_stat(g, 1), uncollectable: c.gc_get_stat(g, 2) }));
  }
  /** Tracked objects of one generation, or all (0, 1, 2 in order), in list order (borrowed). */
  getObjects(generation?: 0 | 1 | 2): Obj[] {
    const g = generation ?? -1;
    return this.heap.ioObjects((b, cap) => this.heap.core.gc_get_objects(g, b, cap));
  }
  isTracked(o: Obj): boolean {
    return this.heap.core.gc_is_tracked(o) !== 0;
  }
  isFinalized(o: Obj): boolean {
    return this.heap.core.gc_is_finalized(o) !== 0;
  }
  track(o: Obj): void {
    this.heap.core.gc_track(o);
  }
  untrack(o: Obj): void {
    this.heap.core.gc_untrack(o);
  }
  freeze(): void {
    this.heap.core.gc_freeze();
  }
  unfreeze(): void {
    this.heap.core.gc_unfreeze();
  }
  getFreezeCount(): number {
    return this.heap.core.gc_get_freeze_count();
  }
  setDebug(flags: number): void {
    this.heap.core.gc_set_debug(flags);
  }
  getDebug(): number {
    return this.heap.core.gc_get_debug();
  }
  /** The list DEBUG_SAVEALL appends to (gc.garbage; 0 for none): the collector takes its own reference and drops the previous list's. */
  setGarbageList(l: Obj): void {
    this.heap.core.gc_set_garbage(l);
  }
  /** While true no automatic collection starts (an exception is pending in the interpreter). */
  setBlocked(b: boolean): void {
    this.heap.core.gc_set_blocked(b ? 1 : 0);
  }
  /** The generation of every tracked object (0, 1, 2), for trace snapshots. */
  generations(): Map<Obj, 0 | 1 | 2> {
    const m = new Map<Obj, 0 | 1 | 2>();
    for (const g of [0, 1, 2] as const) for (const o of this.getObjects(g)) m.set(o, g);
    return m;
  }
  /** gc.get_referents(o): what o references in tp_traverse order (borrowed). */
  getReferents(o: Obj): Obj[] {
    return this.heap.referents(o);
  }
  /** gc.get_referrers(*objs): tracked objects (generations 0, 1, 2 in list order) referencing any of objs. */
  getReferrers(objs: readonly Obj[]): Obj[] {
    const want = new Set(objs);
    return this.getObjects().filter((c) => this.heap.referents(c).some((r) => want.has(r)));
  }
}

/** The event ring: costs nothing while disabled. */
export class EventsApi {
  constructor(private readonly heap: Heap) {}
  enable(capacity = 1 << 16): void {
    if (!this.heap.core.ev_enable(capacity)) throw new HeapError("NO_MEMORY", abi.STATUS_NO_MEMORY, "event ring");
  }
  disable(): void {
    this.heap.core.ev_disable();
  }
  /** The events since the last drain; `dropped` counts those that did not fit. */
  drain(): { events: HeapEvent[]; dropped: number } {
    const c = this.heap.core;
    const events = this.heap.decodeEventsAt(c.ev_base() >>> 0, c.ev_count());
    const dropped = c.ev_dropped();
    c.ev_clear();
    return { events, dropped };
  }
}

/** CPython's default hash of an object: its id rotated right by 4 bits. */
export function pointerHash(o: Obj): bigint {
  const y = BigInt(abi.ID_BASE_HIGH) * 4294967296n + BigInt(o);
  let h = BigInt.asIntN(64, (y >> 4n) | ((y << 60n) & 0xffffffffffffffffn));
  if (h === -1n) h = -2n;
  return h;
}

let compiled: { release?: WebAssembly.Module; debug?: WebAssembly.Module } = {};

/** Per module and heap limit: memory and mutable globals right after heap_init (taken on a first reset). */
/** Instances made in this realm (numbers them for restoreImage). */
let instancesMade = 0;

const initImages = new WeakMap<WebAssembly.Module, Map<number, ImageData>>();

/** A heap's state at one moment, from Heap.captureImage(); only the heap it came from restores it. */
export interface HeapImage {
  /** Bytes of live blocks when it was captured. */
  readonly liveBytes: number;
}

interface ImageData extends HeapImage {
  /** The instance it was taken from (images from the heap_init state fit any instance of the module). */
  instance: number;
  initEnd: number;
  /** The ends of the two written regions when it was taken (pages). */
  sysEnd: number;
  brkEnd: number;
  /** The bytes of the two written regions: [0, sysEnd) and [initEnd, brkEnd) (pages). */
  sys: SparseCopy;
  handedOut: SparseCopy;
  globals: unknown[];
}

/**
 * The bytes of a region of memory as runs of 4 KiB blocks, each run all zero (kept as its bounds) or
 * not (kept as a copy). After set-up ~92 % of the blocks an image covers are zero (arenas mostly unused,
 * the core's reserved tables and scratch stack); a restore writes zeros there, which costs less than
 * copying them from a saved buffer (it reads nothing), and the image holds ~0.3 MiB instead of ~4 MiB.
 */
interface SparseCopy {
  /** The region's end (its start is the first run's). */
  end: number;
  /** Ascending, adjacent runs covering the region; `data` null for a run of zero blocks. */
  runs: { start: number; end: number; data: Uint8Array | null }[];
}

const SPARSE_BLOCK = 4096;
const ZERO_BLOCK = new Uint8Array(SPARSE_BLOCK);
/** Node's Buffer.compare (a native memcmp; images are only taken in Node, where modules are rewritten),
 *  else a loop: a first capture scanning ~4 MiB word by word in cold code took ~19 ms, memcmp ~1 ms. */
const nativeCompare = (globalThis as { Buffer?: { compare(a: Uint8Array, b: Uint8Array): number } }).Buffer?.compare;

function isZeroBlock(u8: Uint8Array, words: Int32Array, p: number): boolean {
  if (nativeCompare) return nativeCompare(u8.subarray(p, p + SPARSE_BLOCK), ZERO_BLOCK) === 0;
  for (let k = p >>> 2, e = (p + SPARSE_BLOCK) >>> 2; k < e; k++) if (words[k] !== 0) return false;
  return true;
}

/** Copies [from, to) of u8 (both multiples of SPARSE_BLOCK) as runs of zero and non-zero blocks. */
function sparseCopy(u8: Uint8Array, from: number, to: number): SparseCopy {
  const words = new Int32Array(u8.buffer, u8.byteOffset, u8.byteLength >>> 2);
  const runs: SparseCopy["runs"] = [];
  let zeroRun = false;
  for (let p = from; p < to; p += SPARSE_BLOCK) {
    const zero = isZeroBlock(u8, words, p);
    const last = runs[runs.length - 1];
    if (last && zeroRun === zero) last.end = p + SPARSE_BLOCK;
    else runs.push({ start: p, end: p + SPARSE_BLOCK, data: null });
    zeroRun = zero;
    if (!zero) runs[runs.length - 1]!.data = u8; // marked; copied below once the run is complete
  }
  for (const r of runs) if (r.data) r.data = u8.slice(r.start, r.end);
  return { end: Math.max(from, to), runs };
}

/** Writes a SparseCopy back: its copies, and zeros over its zero runs. */
function writeSparse(u8: Uint8Array, c: SparseCopy): void {
  for (const r of c.runs) {
    if (r.data) u8.set(r.data, r.start);
    else u8.fill(0, r.start, r.end);
  }
}

/** Loads the heap synchronously (Node: the .wasm is read from ../build next to this module). */
export function loadHeap(options: HeapOptions = {}): Heap {
  const debug = options.debug ?? false;
  let module = options.wasm ? new WebAssembly.Module(options.wasm as BufferSource) : debug ? compiled.debug : compiled.release;
  if (!module) {
    const found = { restorable: false };
    const bytes = readWasmSync(debug, found);
    if (!bytes) throw new Error("loadHeap() needs Node; use loadHeapAsync() in browsers");
    // the build writes the restorable form beside the module; rewriting it here costs ~30 ms of CPU
    module = new WebAssembly.Module((found.restorable ? bytes : makeRestorable(bytes) ?? bytes) as BufferSource);
    compiled = debug ? { ...compiled, debug: module } : { ...compiled, release: module };
  }
  return new Heap(module, options);
}

/** Compiles the module asynchronously (browsers: fetched and compiled as it streams in) and keeps it, so
 *  that a later loadHeap() or loadHeapAsync() only instantiates it. Creates no heap. */
export async function compileHeap(options: { debug?: boolean } = {}): Promise<void> {
  const debug = options.debug ?? false;
  if (debug ? compiled.debug : compiled.release) return;
  const module = await compileWasmAsync(debug);
  compiled = debug ? { ...compiled, debug: module } : { ...compiled, release: module };
}

/** Loads the heap asynchronously (browsers: fetched from a bundler-friendly URL). */
export async function loadHeapAsync(options: HeapOptions = {}): Promise<Heap> {
  const debug = options.debug ?? false;
  let module = options.wasm ? undefined : debug ? compiled.debug : compiled.release;
  if (!module) {
    module = await compileWasmAsync(debug, options.wasm);
    if (!options.wasm) compiled = debug ? { ...compiled, debug: module } : { ...compiled, release: module };
  }
  return new Heap(module, options);
}
