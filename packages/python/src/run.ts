/**
 * `run(source, options)`: one program (script mode) or one interactive session (REPL mode) on a fresh
 * heap, with CPython 3.11's output, exit status, shutdown order and resource limits.
 *
 * Order of a script run: compile (SyntaxError → stderr, exit 1), print compile warnings, materialise the
 * unit's constants (with the parse tree's extra references), run the module body, drop the arena
 * references, print an uncaught exception, then the 3.11 shutdown sequence (full collection, release of
 * __main__, a second collection, module wipe) and, last, the heap's leak check.
 */
import { HeapError, abi, type Heap } from "@pyheap/heap";
import { acquireInterpreter, releaseInterpreter } from "./heap-pool.js";
import { compileModule, splitInteractive, PySyntaxError } from "./compile/index.js";
import type { CompileError, CodeObject, CompiledUnit } from "./compile/code.js";
import type { RunOptions, RunResult, StagedRun } from "./api-types.js";
import type { RunOutcome, Trace } from "./trace/schema.js";
import { LimitExceeded, PyRaise, VM, type VMHost } from "./vm/vm.js";
import "./vm/protocol.js";
import "./vm/eval.js";
import "./vm/loop.js";
import "./vm/containers.js";
import "./vm/ops.js";
import "./vm/natives.js";
import "./vm/classes.js";
import "./vm/exceptions.js";
import "./vm/bootstrap.js";
import "./vm/misc.js";
import "./vm/match.js";
import "./vm/unit.js";
import { installWeakrefs } from "./vm/weakrefs.js";
import { Frame } from "./vm/frame.js";
import * as L from "./vm/layouts.js";
import { installBuiltins, isCallable } from "./builtins/functions.js";
import { installIteratorMethods, installMethods } from "./builtins/methods.js";
import { rarely } from "./vm/rarely.js";
import { installBytearray } from "./builtins/bytes.js";
import { installModules } from "./modules/index.js";
import { Kind } from "./vm/types.js";
import { PyErr } from "./objects/errors.js";
import { Op } from "./compile/opcodes.js";
import { startTrace } from "./trace/recorder.js";
import { objectCounter } from "./object-counter.js";
import { syntaxErrorText } from "./syntax-error-text.js";
export { formatSyntaxError } from "./syntax-error-text.js";

/** Heap health after a run (for the corpus runner and tests). */
export interface HeapReport {
  /** Objects still alive after teardown (addresses), which the interpreter does not own for its life. */
  leaked: { id: number; type: string; refcnt: number; repr: string }[];
  /** The invariant checker's verdict. */
  check: { ok: true } | { ok: false; code: number; object: number };
}

const EVAL_NAME = "__pyheap_eval_result__";

function evalCode(unit: CompiledUnit): Pick<CompiledUnit, "code" | "warnings"> {
  // An eval() expression is compiled as `NAME = (expr)`; the store and the implicit `return None` are
  // turned into NOPs so that the frame returns the expression's value.
  const code = unit.code;
  const co = Int32Array.from(code.co_code);
  const n = code.co_ninstructions;
  const ni = code.co_names.indexOf(EVAL_NAME);
  for (let i = n - 1; i >= 2; i--) {
    if (co[2 * i] === Op.RETURN_VALUE && co[2 * (i - 1)] === Op.LOAD_CONST && co[2 * (i - 2)] === Op.STORE_NAME && co[2 * (i - 2) + 1] === ni) {
      co[2 * (i - 2)] = Op.NOP;
      co[2 * (i - 1)] = Op.NOP;
      break;
    }
  }
  // (warnings' columns on line 1 as in the expression, without `NAME = (`)
  const shift = EVAL_NAME.length + 4;
  const warnings = unit.warnings.map((w) => (w.pos?.line === 1 ? { ...w, pos: { ...w.pos, col: w.pos.col - shift, endCol: w.pos.endLine === 1 ? w.pos.endCol - shift : w.pos.endCol } } : w));
  return { code: { ...code, co_code: co }, warnings };
}

/** What python3 puts in a script's __main__ after __name__, in its order. */
const MAIN_NAMES = ["__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__", "__file__", "__cached__"];

/** @internal Sets up a new interpreter: types, builtins, methods, modules, the runtime objects (what a pooled
 *  interpreter is restored to before each run). */
export function setUpInterpreter(v: VM): void {
  v.bootstrapTypes();
  // the names python3 gives __main__ are its static identifier strs, in no pool: static here too, so
  // that making them takes no block a program's objects would take (ids as python3's)
  for (const k of MAIN_NAMES) v.markInterned(v.h.newStaticStr(k), k);
  installBuiltins(v);
  installMethods(v);
  installModules(v);
  installWeakrefs(v);
  v.prepareRuntime();
  // python3's start-up leaves a slice parked in the one-slot slice cache: a program's first slice reuses it
  // (no new GC allocation, gc.get_count() unchanged)
  v.h.decref(v.newSliceSteal(v.none(), v.none(), v.none()));
  installIteratorMethods(v);
  v.sealTypes();
}

/** A run whose trace is finished and whose interpreter is not yet torn down (see stageRun). */
interface Staged<R> {
  trace: Trace | undefined;
  finish(): R;
}

/** Run a program and also report the heap's health after teardown. */
export function runDetailed(source: string, options: RunOptions = {}, detail: { check?: boolean } = {}): { result: RunResult; heap: HeapReport } {
  return stageRun(source, options, detail).finish();
}

/**
 * Runs the program up to its last step (the trace is then finished) and leaves the rest — the 3.11
 * shutdown sequence, the leak walk, the result — to `finish()`, which does it the first time it is called
 * and returns the same object after. Between the two nothing of the interpreter runs: its wall-time
 * deadline moves on by the time spent waiting, and `stats.wallMs` leaves that time out.
 */
function stageRun(source: string, options: RunOptions, detail: { check?: boolean }): Staged<{ result: RunResult; heap: HeapReport }> {
  const t0 = Date.now();
  const mode = options.mode ?? "script";
  const filename = options.filename ?? (mode === "repl" ? "<stdin>" : "main.py");
  const limits = options.limits ?? {};
  const maxOut = limits.maxOutputBytes ?? 1 << 20;
  let stdout = "";
  let stderr = "";
  let outBytes = 0;
  let outcome: RunOutcome = { status: "ok" };
  let exitCode = 0;
  const lines = source.split("\n");
  const input = options.stdin ?? "";
  let inputAt = 0;
  const host: VMHost = {
    readLine() {
      if (typeof input !== "string") return input() ?? "";
      const line = input.slice(inputAt, input.indexOf("\n", inputAt) + 1 || undefined);
      inputAt += line.length;
      return line;
    },
    write(stream, text) {
      outBytes += text.length;
      if (outBytes > maxOut) throw new LimitExceeded("output", `output limit of ${maxOut} bytes exceeded`);
      if (stream === "stdout") {
        stdout += text;
        options.onStdout?.(text);
      } else {
        stderr += text;
        options.onStderr?.(text);
      }
    },
    sourceLine(fname, lineno) {
      if (fname !== filename || mode === "repl") return null;
      return lines[lineno - 1] ?? null;
    },
    compile(src, fname, m) {
      try {
        if (m === "eval") {
          // (the closing parenthesis on a line of its own after a comment)
          return evalCode(compileModule(`${EVAL_NAME} = (${src.replace(/\s+$/, "")}${src.includes("#") ? "\n" : ""})`, fname, "exec"));
        }
        return compileModule(src, fname, "exec");
      } catch (e) {
        // the parser's error goes on whole (vm/misc.ts makes the exception), an eval()'s line 1 without its wrapper
        if (!(e instanceof PySyntaxError) || m !== "eval") throw e;
        const i = e.info;
        const p = EVAL_NAME.length + 4;
        const at = (line: number, col: number) => (line === 1 ? Math.max(0, col - p) : col);
        throw new PySyntaxError({ ...i, offset: at(i.lineno, i.offset), end_offset: at(i.end_lineno, i.end_offset) });
      }
    },
  };
  // (taken before the interpreter is: the page's on-demand chunk may not be loaded yet)
  const makeCounter = options.countObjects ? objectCounter() : null;
  let started: { heap: Heap; v: VM; globals: number };
  try {
    const { heap, vm: v } = acquireInterpreter(limits.maxHeapBytes ?? 256 << 20, host, setUpInterpreter);
    v.recursionLimit = limits.recursionLimit ?? 1000;
    v.heapLimitHit = false;
    v.heapReserve = 0;
    v.programStopped = false;
    v.pendingLimit = null;
    v.maxSteps = limits.maxSteps ?? 10_000_000;
    v.deadline = t0 + (limits.timeoutMs ?? 10_000);
    v.interrupt = options.interrupt;
    v.scriptName = filename;
    if (options.gcThreshold) heap.gc.setThreshold(...(options.gcThreshold as [number, number?, number?]));
    const main = v.newModule("__main__");
    v.mainModule = main;
    const globals = heap.getSlot(main, L.MODULE_DICT);
    // a script's __main__ as python3's (with no loader): __doc__ None until its docstring, __file__ its
    // file name; a session's has neither __file__ nor __cached__
    const ann = heap.newDict();
    const file = heap.newStr(filename);
    MAIN_NAMES.slice(0, mode === "repl" ? 6 : 8).forEach((k, i) => v.dictSetStr(globals, v.name(k), [ann, v.builtinsModule, file][i - 4] ?? v.None));
    heap.decref(ann);
    heap.decref(file);
    started = { heap, v, globals };
  } catch (e) {
    // a heap limit too small for the interpreter itself: the run ends before the program starts (as
    // CPython fails at start-up), a limit outcome rather than an error of ours
    if (!(e instanceof HeapError && e.code === "NO_MEMORY")) throw e;
    const outcome: RunOutcome = { status: "limit", limit: "heap", message: "heap limit exceeded" };
    const stats = { steps: 0, allocated: {}, freed: {}, peakHeapBytes: 0, collections: [0, 0, 0] as [number, number, number], collected: [0, 0, 0] as [number, number, number], leaked: 0, wallMs: Date.now() - t0 };
    const done = { result: { stdout: "", stderr: "", exitCode: 1, outcome, stats }, heap: { leaked: [], check: { ok: true as const } } };
    return { trace: undefined, finish: () => done };
  }
  const { heap, v, globals } = started;
  const recorder = options.trace === "line" || options.trace === "instruction"
    ? startTrace(v, heap, { granularity: options.trace, source, filename, mode, maxSteps: limits.maxTraceSteps, onProgress: options.onProgress })
    : null;
  const counter = makeCounter ? makeCounter(heap, v) : null;
  const handleLimit = (e: LimitExceeded) => {
    outcome = { status: "limit", limit: e.limit, message: e.message };
    exitCode = 1;
  };
  /** Print an uncaught exception; returns true for SystemExit (the run ends). */
  const uncaught = (exc: number): void => {
    const h = v.h;
    if (v.isInstance(exc, v.T.SystemExit)) {
      const code = h.getSlot(exc, L.EXC_EXTRA);
      if (!code || code === v.None) exitCode = 0;
      else if (v.kindOf(code) === Kind.INT || v.kindOf(code) === Kind.BOOL) exitCode = Number(h.readInt(code)) & 0xff;
      else {
        try {
          host.write("stderr", v.strOf(code) + "\n");
        } catch (e2) {
          if (e2 instanceof PyRaise) v.decref(e2.exc);
        }
        exitCode = 1;
      }
      outcome = { status: "ok" };
      v.exited = true;
      return;
    }
    host.write("stderr", v.formatException(exc));
    let msg = "";
    try {
      msg = v.strOf(exc);
    } catch (e2) {
      if (e2 instanceof PyRaise) v.decref(e2.exc);
    }
    // a MemoryError of the heap limit that nothing caught: the run's reason is the limit
    const heap = v.heapLimitHit && v.isInstance(exc, v.T.MemoryError);
    outcome = heap ? { status: "limit", limit: "heap", message: "heap limit exceeded" } : { status: "exception", type: v.typeName(exc), message: msg };
    // CPython ends on an uncaught KeyboardInterrupt (that very class) by SIGINT: a shell sees 128 + 2
    exitCode = v.h.typeOf(exc) === v.T.KeyboardInterrupt ? 130 : 1;
  };
  const runUnit = (code: CodeObject, arena: boolean): boolean => {
    const co = v.materialize(code, arena);
    const info = v.codeInfo(co);
    const fr = new Frame(info, 0, globals, v.builtins, v.newRef(globals), null);
    fr.isModule = true;
    let ended = false;
    try {
      const r = v.evalFrame(fr);
      recorder?.noteModuleEnd(fr);
      v.decref(r);
    } catch (e) {
      if (e instanceof PyRaise) recorder?.noteModuleEnd(fr);
      v.releaseArena();
      v.decref(co);
      if (e instanceof PyRaise) {
        try {
          uncaught(e.exc);
        } finally {
          v.decref(e.exc); // also when its __str__ reaches a limit
        }
        ended = v.exited;
        return !ended;
      }
      throw e;
    }
    v.releaseArena();
    v.decref(co);
    return true;
  };
  let finished = false;
  counter?.start(recorder !== null);
  try {
    if (mode === "script") {
      let unit;
      try {
        unit = compileModule(source, filename, "exec");
      } catch (e) {
        if (!(e instanceof PySyntaxError)) throw e;
        host.write("stderr", syntaxErrorText(e, false));
        outcome = { status: "syntax-error", message: e.info.msg, line: e.info.lineno, column: e.info.offset };
        exitCode = 1;
        finished = true;
      }
      if (unit) {
        for (const w of unit.warnings) host.write("stderr", `${w.filename}:${w.lineno}: ${w.category}: ${w.message}\n  ${w.text}\n`);
        runUnit(unit.code, true);
      }
    } else {
      const chunks = splitInteractive(source);
      for (const ch of chunks) {
        host.write("stderr", ch.prompts.join(""));
        if (!ch.source.trim()) continue;
        let unit;
        try {
          unit = compileModule(ch.source, "<stdin>", "single");
        } catch (e) {
          if (!(e instanceof PySyntaxError)) throw e;
          host.write("stderr", syntaxErrorText(e, true));
          continue;
        }
        for (const w of unit.warnings) host.write("stderr", `${w.filename}:${w.lineno}: ${w.category}: ${w.message}\n`);
        const ok = runUnit(unit.code, true);
        if (!ok) break;
        if ((outcome as RunOutcome).status === "exception") outcome = { status: "ok" };
      }
      if (!v.exited) host.write("stderr", ">>> \n");
      if ((outcome as RunOutcome).status === "exception") outcome = { status: "ok" };
      exitCode = v.exited ? exitCode : 0;
    }
  } catch (e) {
    if (e instanceof LimitExceeded) handleLimit(e);
    else if (e instanceof HeapError && e.code === "NO_MEMORY") {
      outcome = { status: "limit", limit: "heap", message: "heap limit exceeded" };
      exitCode = 1;
    } else throw e;
  }
  // a limit reached in a finalizer after the program's last step check
  if (v.pendingLimit && outcome.status !== "limit") handleLimit(v.pendingLimit);
  v.pendingLimit = null;
  void finished;
  const trace = recorder?.finish(outcome);
  counter?.stop();
  const paused = Date.now();
  let done: { result: RunResult; heap: HeapReport } | null = null;
  const tearDown = (waited: number): { result: RunResult; heap: HeapReport } => {
    const counts = counter?.totals();
    let report: HeapReport = { leaked: [], check: { ok: true } };
    if (outcome.status === "limit") v.programStopped = true;
    try {
      v.shutdown();
    } catch (e) {
      if (e instanceof LimitExceeded) {
        if (outcome.status !== "limit") handleLimit(e);
      } else if (!(e instanceof PyRaise)) throw e;
    }
    // a limit reached by a finalizer the teardown ran
    if (v.pendingLimit && outcome.status !== "limit") handleLimit(v.pendingLimit);
    v.pendingLimit = null;
    try {
      report = v.heapReport(detail.check !== false);
    } catch {
      report = { leaked: [], check: { ok: true } };
    }
    const gs = heap.gc.getStats();
    const st = heap.stats();
    const result: RunResult = {
      stdout,
      stderr,
      exitCode,
      outcome,
      stats: {
        steps: v.steps,
        allocated: counts?.allocated ?? {},
        freed: counts?.freed ?? {},
        ...(counter && counter.dropped > 0 ? { uncounted: counter.dropped } : {}),
        peakHeapBytes: st.peakBytes,
        collections: [gs[0].collections, gs[1].collections, gs[2].collections],
        collected: [gs[0].collected, gs[1].collected, gs[2].collected],
        leaked: report.leaked.length,
        wallMs: Date.now() - t0 - waited,
      },
    };
    if (trace) result.trace = trace;
    counter?.stop();
    v.interrupt = undefined;
    releaseInterpreter(v);
    return { result, heap: report };
  };
  return {
    trace,
    finish() {
      if (!done) {
        const waited = Date.now() - paused;
        v.deadline += waited;
        done = tearDown(waited);
      }
      return done;
    },
  };
}

/**
 * Runs a program as run() does, but hands over its trace before the interpreter's teardown: a caller that
 * draws the trace first (the web component's first diagram) calls `finish()` afterwards for the result,
 * the same result run() returns. See StagedRun in api-types.ts.
 */
export function runStaged(source: string, options: RunOptions = {}): StagedRun {
  const staged = stageRun(source, options, { check: false });
  return { trace: staged.trace, finish: () => staged.finish().result };
}

/** Run a program: the public entry point (see api-types.ts). */
export function run(source: string, options: RunOptions = {}): RunResult {
  // the invariant checker is for the corpus runner and tests (runDetailed); leaks are still counted
  return runDetailed(source, options, { check: false }).result;
}

declare module "./vm/vm.js" {
  interface VM {
    exited: boolean;
    builtinsModule: number;
    prepareRuntime(): void;
    shutdown(): void;
    heapReport(withCheck?: boolean): HeapReport;
    lastExitWasSystemExit(o: RunOutcome): boolean;
    runWeakrefCallback(wr: number, cb: number): void;
    hookEq(a: number, b: number): number;
    hookHash(o: number): bigint | null;
  }
}

const proto = VM.prototype;

proto.lastExitWasSystemExit = function (this: VM, _o: RunOutcome): boolean {
  return this.exited;
};

proto.prepareRuntime = function (this: VM): void {
  const h = this.h;
  this.exited = false;
  const bm = this.newModule("builtins");
  h.setSlot(bm, L.MODULE_DICT, this.builtins);
  this.builtinsModule = bm;
  this.modules.set("builtins", bm);
  const tio = this.nativeType("TextIOWrapper", Kind.NATIVE, { basicsize: 56, gc: false, refSlots: [] }, "object");
  this.methods("TextIOWrapper", {
    write: (args) => {
      const s = this.str(args[1]);
      this.host.write(h.getI32(args[0], L.NATIVE_I) === 2 ? "stderr" : "stdout", s);
      return this.newInt(BigInt([...s].length));
    },
    flush: () => this.none(),
    // a run's output is no terminal (as python3's piped into a file or another program)
    isatty: () => this.newRef(this.False),
    fileno: (a) => this.newInt(BigInt(h.getI32(a[0], L.NATIVE_I))),
  });
  tio.module = "_io";
  const cit = this.nativeType("callable_iterator", Kind.ITER, { basicsize: 56, gc: true, refSlots: [L.NATIVE_A, L.NATIVE_B] }, "object");
  // CPython's callable_iterator holds the callable and the sentinel: basicsize 32 (48 with the GC header)
  cit.basicsize = 32;
  cit.nextFn = (self) => {
    const f = h.getSlot(self, L.NATIVE_A);
    if (!f) return 0;
    const r = this.call(f, []);
    if (this.eq(r, h.getSlot(self, L.NATIVE_B))) {
      this.decref(r);
      h.setSlot(self, L.NATIVE_A, 0);
      return 0;
    }
    return r;
  };
  // method(func, self): a bound method built by hand, as types.MethodType does
  this.ctors.set(this.T.method, (_t, args, kw) => {
    if (kw && kw.names.length) this.typeError("method() takes no keyword arguments");
    if (args.length !== 2) this.typeError(`method expected 2 arguments, got ${args.length}`);
    if (!isCallable(this, args[0]!)) this.typeError("first argument must be callable");
    if (args[1] === this.None) this.typeError("instance must not be None");
    return this.newMethod(args[0], args[1]);
  });
  // bytearray: a non-GC object holding its contents in a bytes object (sizes as CPython's: 56 + len + 1)
  this.nativeType("bytearray", Kind.BYTEARRAY, { basicsize: 56, gc: false, refSlots: [24] }, "object");
  const baData = (o: number) => h.readBytes(h.getSlot(o, 24) || h.newBytes(new Uint8Array(0)));
  this.ctors.set(this.T.bytearray, (t, args) => {
    const o = h.newObject(t);
    let data: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
    if (args.length) {
      const x = args[0];
      const k = this.kindOf(x);
      if (k === Kind.INT) data = new Uint8Array(Number(h.readInt(x)));
      else if (k === Kind.BYTES) data = h.readBytes(x);
      else if (k === Kind.BYTEARRAY) data = baData(x);
      else if (k === Kind.STR) data = new TextEncoder().encode(this.str(x));
      else {
        const items = this.collect(x);
        data = Uint8Array.from(items.map((i) => Number(h.readInt(i))));
        for (const i of items) h.decref(i);
      }
    }
    h.setSlotSteal(o, 24, h.newBytes(data));
    return o;
  });
  this.methods("bytearray", {
    __iadd__: (args) => {
      const a = baData(args[0]);
      const b = this.kindOf(args[1]) === Kind.BYTEARRAY ? baData(args[1]) : h.readBytes(args[1]);
      const r = new Uint8Array(a.length + b.length);
      r.set(a);
      r.set(b, a.length);
      h.setSlotSteal(args[0], 24, h.newBytes(r));
      return this.newRef(args[0]);
    },
    __len__: (args) => this.newInt(BigInt(baData(args[0]).length)),
    __repr__: (args) => h.newStr(`bytearray(${this.repr(h.getSlot(args[0], 24))})`),
    __iter__: (args) => this.getIter(h.getSlot(args[0], 24)),
    __eq__: (args) => this.richCompare(h.getSlot(args[0], 24), this.kindOf(args[1]) === Kind.BYTEARRAY ? h.getSlot(args[1], 24) : args[1], 2),
    __sizeof__: (args) => {
      const n = baData(args[0]).length;
      return this.newInt(BigInt(n ? 40 + n + 1 : 40));
    },
    __hash__: () => this.typeError("unhashable type: 'bytearray'"),
    decode: (args) => h.newStr(new TextDecoder().decode(baData(args[0]))),
    append: (args) => {
      const a = baData(args[0]);
      const r = new Uint8Array(a.length + 1);
      r.set(a);
      r[a.length] = Number(h.readInt(args[1]));
      h.setSlotSteal(args[0], 24, h.newBytes(r));
      return this.none();
    },
  });
  installBytearray(this);
  this.dictSetStr(this.builtins, this.name("bytearray"), this.T.bytearray);
  this.methods("object", {
    __new__: (args, kw) => {
      if (!args.length || this.kindOf(args[0]) !== Kind.TYPE) this.typeError("object.__new__(X): X is not a type object");
      const ti = this.infoOfType(args[0]);
      // list's, dict's, set's and bytearray's __new__ take any arguments and make an empty one (__init__ fills it)
      const empty = ti.kind === Kind.LIST || ti.kind === Kind.DICT || ti.kind === Kind.SET || ti.kind === Kind.BYTEARRAY;
      if (!ti.heap) return empty ? this.callType(args[0], [], null) : this.callType(args[0], args.slice(1), kw);
      let solid = ti;
      while (solid.heap && solid.base) solid = solid.base;
      if (solid.kind === Kind.OBJECT && (args.length > 1 || kw?.names.length)) this.decref(rarely(this, 15, args[0], 1));
      // a class deriving from weakref.ref: the referent and callback go to ref's own constructor
      if (solid.kind === Kind.WEAKREF) return this.nativeNew(ti, args[0], args.slice(1), null);
      // str/int/float/tuple/bytes/complex/frozenset.__new__(cls, value): the base type's constructor, then a copy into cls's layout
      const k = solid.kind;
      if (k === Kind.STR || k === Kind.INT || k === Kind.FLOAT || k === Kind.TUPLE || k === Kind.BYTES || k === Kind.COMPLEX || k === Kind.FROZENSET) return this.nativeNew(ti, args[0], args.slice(1), kw);
      return h.newObject(args[0]);
    },
  });
  this.writeTo = (file, text) => {
    if (h.typeOf(file) === this.T.TextIOWrapper) {
      this.host.write(h.getI32(file, L.NATIVE_I) === 2 ? "stderr" : "stdout", text);
      return;
    }
    const s = h.newStr(text);
    try {
      this.decref(this.callMethod(file, "write", [s]));
    } finally {
      this.decref(s);
    }
  };
  this.gcCallbacks = 0;
  this.noGcCallbacks = false;
  this.inCollect = false;
  this.gcStatsT0 = 0;
  this.sysModules = 0;
  this.sourceLinesGone = false;
};

proto.gcCollect = function (this: VM, gen: number): number {
  if (this.inCollect) return 0;
  return this.h.gc.collect(gen);
};

/** gc.DEBUG_STATS's text, written as PySys_WriteStderr does: through sys.stderr's write(), or to the process's
 *  stderr when sys.stderr is None or missing or its write() fails. */
function gcWrite(vm: VM, text: string): void {
  const sys = vm.modules.get("sys");
  const err = sys ? vm.getAttrOrNull(sys, "stderr") : 0;
  try {
    if (err && err !== vm.None) return vm.writeTo(err, text);
  } catch (e) {
    if (e instanceof LimitExceeded) return vm.deferLimit(e);
    if (!(e instanceof PyRaise)) throw e;
    vm.decref(e.exc);
  } finally {
    if (err) vm.decref(err);
  }
  vm.host.write("stderr", text);
}

proto.runGcCallbacks = function (this: VM, phase, info): void {
  if (phase === "start") this.inCollect = true;
  // gc.DEBUG_STATS: the collection's own lines come after the "start" callbacks and before the "stop" ones
  const stats = (this.gcDebug & 1) !== 0 && !this.programStopped;
  if (stats && phase === "stop") {
    const n = info.uncollectable;
    const secs = (performance.now() - this.gcStatsT0) / 1000;
    gcWrite(this, `gc: done, ${info.collected + n} unreachable, ${n} uncollectable, ${secs.toFixed(4)}s elapsed\n`);
  }
  try {
    const cbs = this.gcCallbacks;
    if (!cbs || this.noGcCallbacks || this.programStopped) return;
    const h = this.h;
    const items = this.listItems(cbs).slice();
    if (!items.length) return;
    for (const x of items) h.incref(x);
    const d = h.newDict("display");
    const ph = h.newStr(phase);
    try {
      for (const [k, val] of [["generation", info.generation], ["collected", info.collected], ["uncollectable", info.uncollectable]] as const) {
        const n = this.newInt(BigInt(val));
        this.dictSetStr(d, this.name(k), n);
        h.decref(n);
      }
      for (const cb of items) {
        try {
          this.decref(this.call(cb, [ph, d]));
        } catch (e) {
          if (e instanceof PyRaise) {
            this.writeUnraisable(e.exc, cb);
            this.decref(e.exc);
          } else if (e instanceof LimitExceeded) {
            this.deferLimit(e);
            break;
          } else throw e;
        }
      }
    } finally {
      h.decref(d);
      h.decref(ph);
      for (const x of items) h.decref(x);
    }
  } finally {
    if (phase === "stop") this.inCollect = false;
    if (stats && phase === "start") {
      const g = this.h.gc;
      const sizes = [0, 1, 2].map((k) => g.getObjects(k as 0 | 1 | 2).length).join(" ");
      gcWrite(this, `gc: collecting generation ${info.generation}...\ngc: objects in each generation: ${sizes}\n` +
        `gc: objects in permanent generation: ${g.getFreezeCount()}\n`);
      this.gcStatsT0 = performance.now();
    }
  }
};

proto.runWeakrefCallback = function (this: VM, wr: number, cb: number): void {
  if (this.programStopped) return;
  try {
    this.decref(this.call(cb, [wr]));
  } catch (e) {
    if (e instanceof PyRaise) {
      this.writeUnraisable(e.exc, cb);
      this.decref(e.exc);
    } else if (e instanceof LimitExceeded) this.deferLimit(e);
    else throw e;
  }
};

proto.hookEq = function (this: VM, a: number, b: number): number {
  // a Python exception propagates through the binding, which rethrows it after the heap operation
  return this.eq(a, b) ? 1 : 0;
};

proto.hookHash = function (this: VM, o: number): bigint | null {
  return this.hash(o);
};

/** CPython 3.11's Py_FinalizeEx steps, as far as they are visible to a program. */
proto.shutdown = function (this: VM): void {
  const h = this.h;
  this.frame = null;
  if (this.excInfo) {
    const e = this.excInfo;
    this.excInfo = 0;
    h.decref(e);
  }
  const safe = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (e instanceof PyRaise) {
        this.writeUnraisable(e.exc, "Exception ignored during shutdown");
        this.decref(e.exc);
      } else if (e instanceof LimitExceeded) this.deferLimit(e); // no more Python code; the rest still runs
      else throw e;
    }
  };
  // step 2: atexit handlers (weakref.finalize objects registered for exit run newest first)
  const wm = this.modules.get("weakref");
  if (wm && !this.programStopped) {
    safe(() => {
      const fn = this.dictGetStr(h.getSlot(wm, L.MODULE_DICT), "_run_finalizers_at_exit");
      if (fn) this.decref(this.call(fn, []));
    });
  }
  // step 4: a full collection (with gc.callbacks), unless the collector is disabled
  if (h.gc.isEnabled()) safe(() => void h.gc.collect(2));
  // step 5: builtins._ = None, the modules are released (sys.modules emptied)
  safe(() => {
    if (this.dictGetStr(this.builtins, "_")) this.dictSetStr(this.builtins, this.name("_"), this.None);
  });
  // sys.modules: its modules become None, then it is emptied (what else a program put there is released)
  const sm = this.sysModules;
  this.sysModules = 0;
  if (sm) {
    safe(() => {
      for (const [k, v] of this.dictEntries(sm).slice()) if (this.kindOf(v) === Kind.MODULE) h.dictSet(sm, k, this.None);
      h.dictClear(sm);
    });
    h.decref(sm);
  }
  this.sourceLinesGone = true;
  this.noGcCallbacks = true;
  const main = this.mainModule;
  this.mainModule = 0;
  safe(() => h.decref(main));
  // step 6: another full collection, even when the collector is disabled
  safe(() => void h.gc.collect(2));
  // step 7: wipe the other modules (most recently imported first)
  const mods = [...this.modules.entries()].reverse();
  for (const [name, m] of mods) {
    if (name === "builtins") continue;
    const d = h.getSlot(m, L.MODULE_DICT);
    if (!d) continue;
    safe(() => {
      const ents = this.dictEntries(d).slice();
      for (const [k] of ents) if (this.kindOf(k) === Kind.STR && this.str(k).startsWith("_") && !this.str(k).startsWith("__")) h.dictSet(d, k, this.None);
      for (const [k] of this.dictEntries(d).slice()) if (this.kindOf(k) === Kind.STR && this.str(k) !== "__builtins__") h.dictSet(d, k, this.None);
    });
  }
  for (const [, m] of mods) safe(() => h.decref(m));
  this.modules.clear();
  // step 8: builtins, then the VM's own references, then a last collection; the collector lets go of
  // gc.garbage and its flags (what DEBUG_SAVEALL kept is freed by the collections below)
  this.gcCallbacks = 0;
  h.gc.setDebug(0);
  safe(() => h.gc.setGarbageList(0));
  safe(() => {
    const b = this.builtins;
    for (const [k] of this.dictEntries(b).slice()) h.dictSet(b, k, this.None);
  });
  const sv = this.stopValue;
  this.stopValue = 0;
  if (sv) h.decref(sv);
  for (const o of this.mdescrCache.values()) h.decref(o);
  this.mdescrCache.clear();
  safe(() => void h.gc.collect(2));
  const b = this.builtins;
  this.builtins = 0;
  h.decref(b);
  for (const o of this.keepAlive) h.decref(o);
  this.keepAlive = [];
  for (const o of this.interned.values()) h.decref(o);
  this.interned.clear();
  safe(() => void h.gc.collect(2));
};

proto.heapReport = function (this: VM, withCheck = true): HeapReport {
  const h = this.h as unknown as { walk(): number[]; check(): HeapReport["check"] };
  // objects owned by static types (their names) live as long as the interpreter
  const lifetime = new Set<number>();
  for (const ti of this.typeInfos) {
    if (ti.heap) continue;
    for (const off of [this.abi.TP_NAME, this.abi.TP_DICT, this.abi.TP_MRO, this.abi.TP_BASES]) {
      const v = this.h.getSlot(ti.obj, off);
      if (v) lifetime.add(v);
    }
  }
  const leaked = h.walk().filter((o) => !lifetime.has(o)).map((o) => {
    let type = "?";
    try {
      type = this.typeName(o);
    } catch {
      type = "?";
    }
    let repr = "";
    if (type === "str") repr = this.h.readStr(o).slice(0, 40);
    return { id: o, type, refcnt: this.h.refcnt(o), repr };
  });
  return { leaked, check: withCheck ? h.check() : { ok: true } };
};

export { PyErr };
