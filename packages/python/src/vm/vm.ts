/**
 * The virtual machine: executes code objects with every Python object in the heap, holding only owned
 * references (locals, value-stack slots, cells, frame temporaries) so that refcounts equal CPython's and
 * the cyclic GC needs no root set.
 *
 * Start reading at `VM.callPython` and `VM.evalFrame` (the 3.11 eval loop); the object protocol
 * (attribute lookup, calls, operators, comparisons, iteration) follows CPython's abstract.c/typeobject.c
 * rules in `protocol.ts`-style methods below. Builtin functions, builtin methods and modules register
 * natives through `defineNative`.
 *
 * Exceptions travel as JS throws of `PyRaise` (owning a reference to the exception object); native code
 * that holds references across a call that can raise releases them in `finally` blocks.
 */
import type { CodeObject, CompileWarning, Const } from "../compile/code.js";
import type { HeapApi, Obj, TypeDesc } from "./heap-api.js";
import { Frame, type CodeInfo } from "./frame.js";
import { Kind, type KwArgs, type NativeEntry, type NativeFn, type TypeInfo } from "./types.js";
import * as L from "./layouts.js";
import { PyErr } from "../objects/errors.js";
import { abi } from "@pyheap/heap";
import type { InitPlan, SuperSite } from "./classes.js";

const OB_TYPE = abi.OB_TYPE;
const TP_VMI0 = abi.TP_VMI0;

/** A Python exception propagating through JS frames; owns one reference to `exc`. */
export class PyRaise {
  constructor(public exc: Obj) {}
}

/** A resource limit was hit: the run stops (no Python handler can catch it). */
export class LimitExceeded {
  constructor(
    readonly limit: "steps" | "heap" | "time" | "output" | "trace-size" | "recursion",
    readonly message: string,
  ) {}
}

/** The message of the `limit: "time"` outcome of a run stopped through its interrupt flag. */
export const INTERRUPTED = "run interrupted";
/** How many items a builtin that can run long in one step (repetition, collecting an iterable, sorting,
 *  joining) handles between two calls of `vm.pollInterrupt()`. */
export const INTERRUPT_POLL_ITEMS = 1 << 16;

/** Host services of a run: output, limits, tracing hooks. */
export interface VMHost {
  write(stream: "stdout" | "stderr", text: string): void;
  /** Source text of a file for tracebacks, or null. */
  sourceLine(filename: string, lineno: number): string | null;
  /** The next line of the program's stdin with its "\n" ("" at its end), for input(). */
  readLine?(): string;
  /** Called at each new line (and each instruction when `instructionTrace`); may throw LimitExceeded. */
  onLine?(frame: Frame, line: number): void;
  onInstruction?(frame: Frame): void;
  /** Compile a source text for exec/eval; throws a PyErr-like object for syntax errors. */
  compile(source: string, filename: string, mode: "exec" | "eval"): { code: CodeObject; warnings?: readonly CompileWarning[] };
}

/** `abi` offsets the VM needs from the heap (type object fields). */
export interface AbiOffsets {
  TP_NAME: number;
  TP_BASE: number;
  TP_BASES: number;
  TP_MRO: number;
  TP_DICT: number;
  TP_VM0: number;
  TP_VMI0: number;
  MANAGED_DICT: number;
}

export const MAX_INT_STR_DIGITS = 4300;

/** One-character strings whose interned object is not the latin-1 singleton in CPython 3.11.7. */
const ONE_LETTER_TRAP = "abcdefhijklmnopqrstvwxyBCLST_";

/** The interpreter state of one run. */
export class VM {
  readonly None: Obj;
  readonly True: Obj;
  readonly False: Obj;
  readonly NotImplemented: Obj;
  readonly Ellipsis: Obj;
  /** Type objects by name: the builtin and registered types (sealTypes() ends the set-up's additions). */
  readonly T: Record<string, Obj> = {};
  /** T's entries (and the program's classes) in an object V8 keeps as a dictionary (T itself until
   *  sealTypes()): for reads by a computed name (newNativeIter, newException), which are slower on an
   *  object with fast properties. */
  typesByName: Record<string, Obj> = this.T;
  /** T.int, T.str, T.float, T.function, T.method, T.range_iterator, T.list_iterator (0 until registered). */
  tInt: Obj = 0;
  tStr: Obj = 0;
  tFloat: Obj = 0;
  tFunction: Obj = 0;
  tMethod: Obj = 0;
  tRangeIter: Obj = 0;
  tListIter: Obj = 0;
  tDictKeyIter: Obj = 0;
  /** T.type and T.super (0 until registered): CALL tests them for class calls and zero-argument super(). */
  tType: Obj = 0;
  tSuper: Obj = 0;
  /** list.append's method descriptor once a call through the general path has met it (0 before): CALL
   *  appends to an exact list without that path (loop.ts listAppendCall). */
  listAppendDescr: Obj = 0;
  /** list.append's index in `natives` (-2 until looked up). */
  listAppendNative = -2;
  /** dict.get's method descriptor and index, kept as list.append's are (loop.ts descrCall). */
  dictGetDescr: Obj = 0;
  dictGetNative = -2;
  /** functools' cached-function class once imported (0 before) and its call as CALL makes it
   *  (functools.ts cachedCall): a new frame for the loop, or null when the result was pushed. */
  lruType: Obj = 0;
  lruCall: ((f: Frame, st: Obj[], self: Obj, args: Obj[], kwNames: string[] | null) => Frame | null) | null = null;
  /** T.dict (0 until registered): dict.get's call tests it for exact dicts. */
  tDict: Obj = 0;
  readonly typeInfos: TypeInfo[] = [];
  readonly natives: NativeEntry[] = [];
  readonly codes: CodeInfo[] = [];
  /** Owned: the builtins dict, the module dict of __main__, sys.modules-like registry of imported modules. */
  builtins: Obj = 0;
  mainModule: Obj = 0;
  modules = new Map<string, Obj>();
  /**
   * Owned: the interned strings the interpreter keeps for its whole life (the names it looks up itself,
   * the runtime's one-letter identifiers), like CPython's statically allocated identifiers. Released at
   * teardown.
   */
  interned = new Map<string, Obj>();
  /**
   * The table of interned strings, text → str (borrowed). As in CPython 3.11 interned strings are mortal:
   * the table holds no reference, so a str's count is only what the program holds; an entry leaves the
   * table when the heap frees its str (onStrUninterned).
   */
  internTable = new Map<string, Obj>();
  /** Owned: static helper objects made once (method descriptors, getset descriptors of builtin types). */
  keepAlive: Obj[] = [];
  /** The currently handled exception (sys.exc_info), owned, 0 when none. */
  excInfo: Obj = 0;
  /** The handled exceptions of the callers of the running generators, innermost last (borrowed: each is
   *  held where its generator's caller saved it); sys.exc_info() looks through them when excInfo is 0. */
  excOuter: Obj[] = [];
  /** Current innermost frame. */
  frame: Frame | null = null;
  depth = 0;
  recursionLimit = 1000;
  steps = 0;
  maxSteps = Infinity;
  /** The step count at which the eval loop next checks the step and time limits. */
  stepCheckAt = 0;
  deadline = Infinity;
  /** The run's interrupt flag (`RunOptions.interrupt`): the run stops once its element 0 is non-zero. */
  interrupt: Int32Array | undefined = undefined;
  /** Arena references of the running unit: constants to decref when the unit's body finishes. */
  arena: Obj[] = [];
  /** Finalizers are suppressed while true (teardown of the VM itself). */
  shuttingDown = false;
  /** Set once a limit has stopped the program: none of its code runs after that, so the teardown releases
   *  the heap without calling __del__, weakref callbacks or gc.callbacks (each would reach the limit again
   *  and leave the rest of the heap unreleased). */
  programStopped = false;
  /** A limit reached inside a finalizer or callback the heap called (a __del__, a weakref callback): the
   *  heap's release that called it must finish first, so the limit is thrown at the next step check. */
  pendingLimit: LimitExceeded | null = null;

  /** Keeps a limit reached inside a heap callback for the next step check (see pendingLimit). */
  deferLimit(e: LimitExceeded): void {
    this.pendingLimit ??= e;
    this.programStopped = true;
    this.stepCheckAt = 0;
  }
  abi: AbiOffsets;
  /** Method descriptors of builtin types by native index (owned). */
  mdescrCache = new Map<number, Obj>();
  /** How calling a class makes its instances (classes.ts InitPlan), per class: valid while its MRO and
   *  class dicts are unchanged. */
  initPlans = new Map<TypeInfo, InitPlan>();
  /** What `super().name` found for a method (classes.ts SuperSite), per class of the super() call. */
  superSites = new Map<TypeInfo, SuperSite>();
  /** Bumped when native methods are added to a type: lookupType's cached results made before are stale. */
  typeEpoch = 0;
  /** Index in the 32-bit memory view of the core's count of class-namespace changes (protocol.ts
   *  stampValid). */
  classWrites = 0;

  constructor(
    readonly h: HeapApi,
    /** The run's host (an interpreter reused across runs is given each run's own). */
    public host: VMHost,
    abi: AbiOffsets,
  ) {
    this.abi = abi;
    this.classWrites = (h as unknown as { core: { heap_class_dict_writes(): number } }).core.heap_class_dict_writes() >>> 2;
    this.None = h.None;
    this.True = h.True;
    this.False = h.False;
    this.NotImplemented = h.NotImplemented;
    this.Ellipsis = h.Ellipsis;
    h.onStrUninterned = (o) => this.strUninterned(o);
    // fields other files declare and set when first needed (repr of containers, a generator's yield, the
    // sys.stdout/stderr objects): made here so that setting them later does not change the VM's hidden
    // class in the middle of a run, which deoptimised the eval loop (its reads of this.steps and other
    // fields check that class) once per run
    this.reprGuard = new Set();
    this.reprList = 0;
    this.lastYield = false;
    this.stdoutObj = 0;
    this.stderrObj = 0;
  }

  // ───────────────────────────── references ─────────────────────────────

  /** Return a new reference to a borrowed object. */
  newRef(o: Obj): Obj {
    this.h.incref(o);
    return o;
  }

  none(): Obj {
    this.h.incref(this.None);
    return this.None;
  }

  bool(b: boolean): Obj {
    const o = b ? this.True : this.False;
    this.h.incref(o);
    return o;
  }

  decref(o: Obj): void {
    this.h.decref(o);
  }

  xdecref(o: Obj): void {
    if (o) this.h.decref(o);
  }

  // ───────────────────────────── types ─────────────────────────────

  typeInfo(o: Obj): TypeInfo {
    // read straight from memory: the object's type, then the type's index in typeInfos
    const m = this.h.i32;
    const t = m[(o + OB_TYPE) >>> 2]! >>> 0;
    const ti = this.typeInfos[m[(t + TP_VMI0) >>> 2]!];
    if (ti !== undefined && ti.obj === t) return ti;
    return this.infoOfType(t);
  }

  infoOfType(t: Obj): TypeInfo {
    const ti = this.typeInfos[this.h.i32[(t + TP_VMI0) >>> 2]!];
    if (ti !== undefined && ti.obj === t) return ti;
    throw new Error(`internal: unknown type object ${t} (${(this.h as unknown as { typeName(t: number): string }).typeName?.(t)})`);
  }

  /**
   * Whether the type object `ti` describes is still alive: a dead class's block may since hold another
   * object (a new class included), so the address alone proves nothing. The block must be a live object
   * whose type is a type and whose TP_VMI0 word is still `ti`'s index (a new class gets a new index).
   */
  typeAlive(ti: TypeInfo): boolean {
    const m = this.h.i32;
    const o = ti.obj;
    if (this.h.refcnt(o) <= 0 || m[(o + TP_VMI0) >>> 2] !== ti.index) return false;
    const t = m[(o + OB_TYPE) >>> 2]! >>> 0;
    const mi = this.typeInfos[m[(t + TP_VMI0) >>> 2]!];
    if (mi === undefined || mi.obj !== t) return false;
    const typeType = this.T["type"];
    return mi.mro.some((x) => x.obj === typeType);
  }

  kindOf(o: Obj): Kind {
    const m = this.h.i32;
    const t = m[(o + OB_TYPE) >>> 2]! >>> 0;
    const ti = this.typeInfos[m[(t + TP_VMI0) >>> 2]!];
    if (ti !== undefined && ti.obj === t) return ti.kind;
    return this.infoOfType(t).kind;
  }

  /** Record a type object the heap created or the VM registered. */
  adoptType(obj: Obj, name: string, kind: Kind, base: TypeInfo | null, extra: Partial<TypeInfo> = {}): TypeInfo {
    const ti: TypeInfo = {
      obj,
      name,
      qualname: name,
      module: "builtins",
      kind,
      base,
      mro: [],
      heap: false,
      methods: new Map(),
      dict: 0,
      hasDict: false,
      refSlots: undefined,
      managed: false,
      slots: new Map(base ? base.slots : []),
      weaklistOffset: base ? base.weaklistOffset : 0,
      basicsize: base ? base.basicsize : 16,
      index: this.typeInfos.length,
      hasFinalizer: base ? base.hasFinalizer : false,
      attrCache: new Map(),
      ownerCache: new Map(),
      nextFn: undefined,
      baseType: true,
    };
    // every TypeInfo has the same fields in the same order (one hidden class: the eval loop's reads of
    // ti.kind, ti.heap, ti.mro… stay monomorphic); `extra` only sets some of them
    const t = ti as unknown as Record<string, unknown>;
    for (const k of Object.keys(extra)) t[k] = (extra as Record<string, unknown>)[k];
    ti.mro = [ti, ...(base ? base.mro : [])];
    if (extra.mro) ti.mro = extra.mro;
    if (base && base.nextFn && !ti.nextFn) ti.nextFn = base.nextFn;
    this.typeInfos.push(ti);
    // a new type may lie where a freed class and its dict were: the count of class-namespace changes
    // moves, so that an answer cached for that class (a slot site knows it by address) is compared state
    // by state again, and found stale (protocol.ts stampValid)
    this.h.i32[this.classWrites]++;
    this.h.setI32(obj, this.abi.TP_VMI0, ti.index);
    this.typesByName[name] ??= obj;
    this.noteCoreType(name);
    return ti;
  }

  /**
   * Ends the set-up's additions to T: T becomes a spread copy, which V8 gives fast properties (filled one
   * name at a time, or copied by Object.assign, it is a dictionary: a hash lookup per `T.name` read),
   * and the program's classes, added to typesByName only, leave its hidden class as it is.
   */
  sealTypes(): void {
    (this as { T: Record<string, Obj> }).T = { ...this.T };
    this.settleTypeCaches();
  }

  /** Copies T[name] into its field when it is one of the types kept in fields. */
  private noteCoreType(name: string): void {
    const o = this.typesByName[name];
    switch (name) {
      case "int":
        this.tInt = o;
        break;
      case "str":
        this.tStr = o;
        break;
      case "float":
        this.tFloat = o;
        break;
      case "function":
        this.tFunction = o;
        break;
      case "method":
        this.tMethod = o;
        break;
      case "range_iterator":
        this.tRangeIter = o;
        break;
      case "list_iterator":
        this.tListIter = o;
        break;
      case "dict_keyiterator":
        this.tDictKeyIter = o;
        break;
      case "type":
        this.tType = o;
        break;
      case "super":
        this.tSuper = o;
        break;
      case "dict":
        this.tDict = o;
        break;
    }
  }

  /** Register a static native type with the heap and record it. */
  nativeType(name: string, kind: Kind, desc: Omit<TypeDesc, "name">, base: string | null = "object", extra: Partial<TypeInfo> = {}): TypeInfo {
    const baseInfo = base ? this.infoOfType(this.T[base]) : null;
    const obj = this.h.registerType({ name, base: baseInfo?.obj, ...desc });
    const ti = this.adoptType(obj, name, kind, baseInfo, { basicsize: desc.basicsize, weaklistOffset: desc.weaklistOffset ?? 0, refSlots: desc.refSlots ?? [], ...extra });
    this.T[name] = this.typesByName[name] = obj;
    this.noteCoreType(name);
    return ti;
  }

  isSubtype(a: TypeInfo, b: TypeInfo): boolean {
    if (a === b) return true;
    for (const t of a.mro) if (t === b) return true;
    return false;
  }

  isInstance(o: Obj, t: Obj): boolean {
    const ot = this.h.typeOf(o);
    if (ot === t) return true;
    return this.isSubtype(this.infoOfType(ot), this.infoOfType(t));
  }

  typeName(o: Obj): string {
    return this.typeInfo(o).name;
  }

  // ───────────────────────────── natives ─────────────────────────────

  /** Add a native function to the table; returns its index. */
  defineNative(name: string, fn: NativeFn, opts: { qualname?: string; module?: string; method?: boolean } = {}): number {
    this.natives.push({ name, fn, qualname: opts.qualname ?? name, module: opts.module ?? "builtins", method: opts.method ?? false });
    return this.natives.length - 1;
  }

  /** A new builtin function object (`len`, `gc.collect`): new reference. */
  newBuiltinFunction(index: number, self: Obj = 0): Obj {
    const o = this.h.newObject(this.T.builtin_function_or_method);
    this.h.setI32(o, L.CFUNC_INDEX, index);
    if (self) this.h.setSlot(o, L.CFUNC_SELF, self);
    return o;
  }

  /** Define native methods on a builtin type. */
  methods(typeName: string, table: Record<string, NativeFn>): void {
    const ti = this.infoOfType(this.T[typeName]);
    this.typeEpoch++;
    for (const [name, fn] of Object.entries(table)) {
      const idx = this.defineNative(name, fn, { qualname: `${ti.name}.${name}`, method: true });
      ti.methods.set(name, idx);
    }
  }

  /** Look up a native method through the MRO of a builtin-based type. */
  findNative(ti: TypeInfo, name: string): number {
    for (const t of ti.mro) {
      const i = t.methods.get(name);
      if (i !== undefined) return i;
    }
    return -1;
  }

  // ───────────────────────────── strings ─────────────────────────────

  /** A new reference to the interned str for `s` (made and entered in the table when there is none). */
  intern(s: string): Obj {
    let o = this.internTable.get(s);
    if (o !== undefined) {
      this.h.incref(o);
      return o;
    }
    if (s.length === 1 && ONE_LETTER_TRAP.includes(s)) {
      // 3.11's one-letter trap: the runtime's own one-character identifiers are interned instead of the
      // latin-1 singletons for these characters, so 'a' is not chr(97); they live as long as the runtime
      o = this.h.newStrUncached(s);
      this.interned.set(s, o);
      this.h.incref(o);
    } else o = this.h.newStr(s);
    this.markInterned(o, s);
    return o;
  }

  /** Borrowed interned str for `s`; one made here is kept for the interpreter's life (see `interned`). */
  name(s: string): Obj {
    let o = this.internTable.get(s);
    if (o === undefined) {
      o = this.intern(s);
      if (this.interned.has(s)) this.h.decref(o);
      else this.interned.set(s, o);
    }
    return o;
  }

  /**
   * PyUnicode_InternInPlace for the exact str `o` (borrowed): the interned str equal to it, which is `o`
   * itself when none was interned yet (it then enters the table, which takes no reference). Borrowed.
   */
  internStr(o: Obj): Obj {
    const s = this.h.readStr(o);
    const have = this.internTable.get(s);
    if (have !== undefined) return have;
    // one character: the runtime's own identifier, or the latin-1 singleton
    if (s.length === 1) return this.name(s);
    this.markInterned(o, s);
    return o;
  }

  /** Enters `o` in the table under `s` and marks its state interned (in-place appends then leave it). */
  markInterned(o: Obj, s: string): void {
    this.h.setI32(o, abi.STR_STATE, this.h.getI32(o, abi.STR_STATE) | abi.STR_STATE_INTERNED);
    this.internTable.set(s, o);
  }

  /** The heap frees the interned str `o`: its entry leaves the table (touches no count). */
  strUninterned(o: Obj): void {
    const s = this.h.readStr(o);
    if (this.internTable.get(s) === o) this.internTable.delete(s);
  }

  str(o: Obj): string {
    return this.h.readStr(o);
  }

  newStr(s: string): Obj {
    return this.h.newStr(s);
  }

  // ───────────────────────────── exceptions ─────────────────────────────

  /** Create an exception instance of builtin type `type` with one message argument: new reference. */
  newException(type: string | Obj, msg?: string | Obj | null): Obj {
    const t = typeof type === "string" ? this.typesByName[type] : type;
    if (!t) throw new Error(`internal: no exception type ${type}`);
    if (msg === undefined || msg === null) return this.callType(t, [], null);
    if (typeof msg === "string") {
      const s = this.h.newStr(msg);
      try {
        return this.callType(t, [s], null);
      } finally {
        this.decref(s);
      }
    }
    return this.callType(t, [msg], null);
  }

  /** Raise a builtin exception (never returns). */
  raise(type: string, msg?: string): never {
    throw new PyRaise(this.newException(type, msg ?? null));
  }

  typeError(msg: string): never {
    return this.raise("TypeError", msg);
  }

  /** Convert errors thrown by helpers (PyErr) into Python exceptions. */
  wrapErr(e: unknown): unknown {
    if (e instanceof PyErr) return new PyRaise(this.newException(e.type, e.message));
    return e;
  }
}
