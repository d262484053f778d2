/**
 * A running frame (CPython 3.11's _PyInterpreterFrame): fast locals, the value stack and the
 * instruction pointer, all owned references. A heap `frame` object is created only when something
 * needs one (a traceback, sys._getframe, a generator keeps the state in its own object).
 */
import type { CodeObject } from "../compile/code.js";
import type { Obj } from "./heap-api.js";
import type { AttrSite } from "./fast.js";
import type { SlotSite } from "./protocol.js";
import type { VM } from "./vm.js";

/** The VM's view of a code object: the compiler's CodeObject and the heap objects made for it. */
export interface CodeInfo {
  code: CodeObject;
  /** Borrowed from the heap code object: the co_consts items and co_names strings. */
  consts: Obj[];
  names: Obj[];
  /** The heap code object (owned by its holders: functions, the unit runner). */
  obj: Obj;
  index: number;
  /** co_code packed for the eval loop: one word per instruction, opcode | arg << 8. */
  ops: Int32Array;
  /** Warm-up counter of 3.11's quickening (RESUME and JUMP_BACKWARD add 1, at 0 the code is quick). */
  warmup: number;
  /** Source lines for tracebacks. */
  filename: string;
  nlocalsplus: number;
  /** co_argcount when a call binds exactly that many positional arguments and nothing else (no keyword-only
   *  parameters, no *args or **kwargs, not a generator), else -1: the eval loop's exact-arity call. */
  posArgs: number;
  /** Localsplus indexes of cell variables, for MAKE_CELL. */
  isGenerator: boolean;
  /** LOAD_GLOBAL's cache (7 words per instruction, made on first use): see loadGlobalCached. */
  globalCache: Int32Array | null;
  /** LOAD_METHOD's cache (type, method descriptor per instruction, made on first use): see loadMethodCached. */
  methodCache: Int32Array | null;
  /** Parts of the code compiled to JavaScript (jit/compile.ts, when installed), by the instruction they are
   *  entered at (undefined: the eval loop runs it), or null: none. */
  jit: (((f: Frame, vm: VM) => void) | undefined)[] | null;
  /** Jumps back the eval loop runs in this code before the compiler looks at it again (negative: never). */
  jitWait: number;
  /** `+=` specialisation state per instruction (inplace.ts), made on first use. */
  addSites: unknown[] | null;
  /** CALL sites of quickened code and whether they run as 3.11's PRECALL_NO_KW_STR_1 (fast.ts strCallSite),
   *  made on first use. */
  strSites: Uint16Array | null;
  /** LOAD_ATTR / STORE_ATTR / LOAD_METHOD caches per instruction for instances of classes (fast.ts
   *  AttrSite), made on first use. */
  attrSites: (AttrSite | null)[] | null;
  /** LOAD_ATTR / STORE_ATTR / LOAD_METHOD slot caches per instruction for instances of classes (protocol.ts
   *  SlotSite), made on first use. */
  slotSites: (SlotSite | null)[] | null;
  /** Frames of this code that returned and hold nothing (untraced runs), for later calls to reuse: a list
   *  linked through their `back` field (null at its end). */
  spareFrame: Frame | null;
  /** Zero-argument super() in this code (newSuper): the localsplus index of the `__class__` cell (-1: none),
   *  or -2 until the first such call looks it up. */
  superClassAt: number;
  /** Whether the first argument is itself a cell variable (super() then reads the cell's content). */
  superSelfCell: boolean;
}

/** A frame of Python code being executed. */
export class Frame {
  /** Fast locals and cells (owned; 0 = unbound). */
  localsplus: Obj[];
  /** Value stack (owned; 0 = NULL). */
  stack: Obj[] = [];
  /** Index of the next instruction. */
  ip = 0;
  /** Index of the instruction being executed (f_lasti). */
  lasti = 0;
  /** The heap frame object once one was made (owned by this frame), else 0. */
  frameObj: Obj = 0;
  /** Pending KW_NAMES argument (co_consts index) for the next CALL, or -1. */
  kwNames = -1;
  /** Generator object running this frame (borrowed), or 0. */
  gen: Obj = 0;
  /** Line of the last line event, for tracing. */
  lastLine = -1;
  /** The unit's arena references are dropped when this frame finishes (module frames of a script). */
  isModule = false;
  /** FOR_ITER over a range_iterator (rangeIterNextAt): the instruction index, the iterator, its range and
   *  the range's start, step and length read once. GET_ITER clears it (rangeAt = -1): an iterator and a
   *  range freed and made again at the same addresses (a nested loop's) are always a new GET_ITER. */
  rangeAt = -1;
  rangeIt: Obj = 0;
  rangeObj: Obj = 0;
  // NaN until set (read only once rangeAt says so): start, step and length come from the range's float64
  // fields, so these fields hold doubles from the first Frame on; starting them as small integers made V8
  // change their representation at the first range loop and deprecate the Frame shape, which deoptimised
  // the eval loop once per run
  rangeStart = NaN;
  rangeStep = NaN;
  rangeLen = NaN;
  /** The frame of a class's __init__ that CALL runs in the eval loop (classes.ts classInitFrame): the new
   *  instance, the call's argument tuple (0 when it has no arguments) and the class, owned until __init__
   *  returns or an exception leaves it; 0 for every other frame. */
  initSelf: Obj = 0;
  initTuple: Obj = 0;
  initClass: Obj = 0;
  /** Owned while initSelf is set: the call's arguments (made once per frame, reused with it). */
  initArgs: Obj[] | null = null;
  /** Run when the frame ends (functools' cached call, vm.lruCall): with its result, whose reference it
   *  takes and returns the one to push, or with 0 when an exception leaves the frame. */
  end: ((r: Obj) => Obj) | null = null;

  constructor(
    public info: CodeInfo,
    /** Owned: the function object (0 for module/class bodies run directly). */
    public func: Obj,
    /** Borrowed from the function or the module: globals dict. */
    public globals: Obj,
    /** Borrowed: builtins dict. */
    public builtins: Obj,
    /** Owned: the locals dict of module and class bodies (0 for functions). */
    public locals: Obj,
    public back: Frame | null,
  ) {
    const ls: Obj[] = [];
    for (let i = info.nlocalsplus; i > 0; i--) ls.push(0);
    this.localsplus = ls;
  }

  /** Makes a spare frame (returned: locals all 0, stack empty, no func, locals dict or frame object) the
   *  frame of a new call of the same code: the state of a new Frame. */
  reuse(func: Obj, globals: Obj, builtins: Obj, back: Frame | null): void {
    this.func = func;
    this.globals = globals;
    this.builtins = builtins;
    this.back = back;
    this.ip = 0;
    this.lasti = 0;
    this.kwNames = -1;
    this.lastLine = -1;
    this.rangeAt = -1;
  }
}
