/**
 * The importable modules: `gc` and `sys` (natives over the heap's collector and the VM's state),
 * `weakref` (natives for references and proxies; the weak dictionaries and `finalize` are Python code
 * compiled at import), `copy` (Python code), `math` (natives, modules/math.ts), `random` (a Mersenne
 * Twister's natives and Python code, modules/random.ts), `warnings` (natives and Python code,
 * modules/warnings.ts), `collections`, `functools` and `itertools` (Python code, the first two with a
 * few natives: modules/collections.ts, functools.ts, itertools.ts), `heapq`, `bisect`, `dataclasses`, `json` and `enum` (Python code,
 * modules/course.ts; `time`: natives there; `re`: Python code and natives, modules/re-py.ts; `statistics`, `fractions`, `pprint`, `textwrap`: Python code, modules/NAME-py.ts; `collections.abc` and collections' UserDict/UserList/UserString: modules/abcs-py.ts), `string`, `operator`, `abc`, `contextlib` and `io` (Python code, modules/small.ts).
 */
import { abi } from "@pyheap/heap";
import type { Obj } from "../vm/heap-api.js";
import { Kind, type NativeFn } from "../vm/types.js";
import { PyRaise, type VM } from "../vm/vm.js";
import * as L from "../vm/layouts.js";
import { kwarg, nargs } from "../builtins/functions.js";
import { rarely } from "../vm/rarely.js";
import { WEAKREF_PY, COPY_PY } from "./pysrc.js";
import { mathModule } from "./math.js";
import { randomNatives, randomSource } from "./random.js";
import { sysInfo } from "./sys-info.js";
import { warningsNatives, warningsSource } from "./warnings.js";
import { collectionsAttr, collectionsNatives, collectionsSource } from "./collections.js";
import { typesNatives, typesSource, typingSource } from "./typing.js";
import { pyModule } from "./course.js";
import { smallModuleSource } from "./small.js";
import { functoolsNatives, functoolsSource } from "./functools.js";
import { itertoolsSource } from "./itertools.js";

/** The struct sequences of sys, sys.stdin and sys.set_int_max_str_digits, made on first use (modules/sys-info.ts, loaded on demand in the page). */
const SYS_INFO_NAMES = ["float_info", "int_info", "version_info", "flags", "hash_info", "stdin", "__stdin__", "set_int_max_str_digits", "implementation", "hexversion"];

function moduleWith(vm: VM, name: string, fns: Record<string, NativeFn>): Obj {
  const h = vm.h;
  const m = vm.newModule(name);
  const d = h.getSlot(m, L.MODULE_DICT);
  for (const [n, fn] of Object.entries(fns)) {
    const idx = vm.defineNative(n, fn, { module: name });
    const f = vm.newBuiltinFunction(idx);
    h.setSlot(f, L.CFUNC_MODULE, h.getSlot(m, L.MODULE_NAME));
    vm.dictSetStr(d, vm.name(n), f);
    h.decref(f);
  }
  return m;
}

function setAttrs(vm: VM, m: Obj, values: Record<string, Obj>): void {
  const d = vm.h.getSlot(m, L.MODULE_DICT);
  for (const [k, v] of Object.entries(values)) {
    vm.dictSetStr(d, vm.name(k), v);
    vm.h.decref(v);
  }
}

/** Register the module factories (modules are created on first import). */
export function installModules(vm: VM): void {
  // the built-in types registered since bootstrapTypes (with the builtins and their methods)
  vm.addStaticSubclassRefs();
  vm.moduleFactories = new Map();
  vm.intMaxDigits = 4300;
  vm.moduleFactories.set("gc", () => makeGc(vm));
  vm.moduleFactories.set("sys", () => makeSys(vm));
  vm.moduleLazyAttr = (m, module, name) => (module === "sys" && SYS_INFO_NAMES.includes(name) ? sysInfo(vm, m, name) : module === "collections" ? collectionsAttr(vm, m, name) : 0);
  vm.moduleFactories.set("weakref", () => makePyModule(vm, "weakref", WEAKREF_PY, weakrefNatives(vm)));
  vm.moduleFactories.set("copy", () => makePyModule(vm, "copy", COPY_PY, {}));
  // type hints: types (GenericAlias, UnionType…) and typing, Python code (modules/typing.ts)
  vm.moduleFactories.set("types", () => makePyModule(vm, "types", typesSource(), typesNatives(vm)));
  vm.moduleFactories.set("typing", () => makePyModule(vm, "typing", typingSource(), collectionsNatives(vm)));
  vm.moduleFactories.set("random", () => makePyModule(vm, "random", randomSource(), randomNatives(vm)));
  vm.moduleFactories.set("warnings", () => makePyModule(vm, "warnings", warningsSource(), warningsNatives(vm)));
  vm.moduleFactories.set("collections", () => makePyModule(vm, "collections", collectionsSource(), collectionsNatives(vm)));
  for (const n of ["heapq", "bisect", "dataclasses", "json", "enum", "time", "re", "statistics", "fractions", "pprint", "textwrap", "collections.abc"]) vm.moduleFactories.set(n, () => makePyModule(vm, n, ...pyModule(vm, n)));
  for (const n of ["string", "operator", "abc", "contextlib", "io"]) vm.moduleFactories.set(n, () => makePyModule(vm, n, smallModuleSource(n), {}));
  vm.moduleFactories.set("functools", () => makePyModule(vm, "functools", functoolsSource(), functoolsNatives(vm)));
  vm.moduleFactories.set("itertools", () => makePyModule(vm, "itertools", itertoolsSource(), {}));
  vm.moduleFactories.set("math", () => {
    const { fns, values } = mathModule(vm);
    const m = moduleWith(vm, "math", fns);
    setAttrs(vm, m, values);
    return m;
  });
}

function makePyModule(vm: VM, name: string, src: string, natives: Record<string, NativeFn>): Obj {
  const m = moduleWith(vm, name, natives);
  const d = vm.h.getSlot(m, L.MODULE_DICT);
  vm.dictSetStr(d, vm.name("__builtins__"), vm.builtins);
  if ((name === "weakref" || name === "copy") && vm.T.weakref) vm.dictSetStr(d, vm.name("__ref_type__"), vm.T.weakref);
  const unit = vm.host.compile(src, name, "exec");
  try {
    vm.h.decref(vm.runCode(unit.code, d, d, true));
  } catch (e) {
    // a limit (or an error) while the module's code runs: the module was never registered
    vm.h.decref(m);
    throw e;
  }
  return m;
}

/** A C int argument (gc.collect's generation, set_debug's flags): __index__, then the C int range. */
function cInt(vm: VM, o: Obj): number {
  const v = vm.index(o);
  if (v < -(2n ** 31n) || v >= 2n ** 31n) vm.raise("OverflowError", "Python int too large to convert to C int");
  return Number(v);
}

/** The gc functions' argument checks: how many positional arguments each takes (1: one; none listed: no
 *  argument; -1: any number, no keywords; 2: collect and get_objects, at most one, maybe `generation=`).
 *  A call they refuse gets its TypeError from vm/rarely.ts. */
const GC_ARGS: Record<string, number> = { is_tracked: 1, is_finalized: 1, set_debug: 1, set_threshold: -1, get_referents: -1, get_referrers: -1, collect: 2, get_objects: 2 };

function gcArgs(vm: VM, fns: Record<string, NativeFn>): Record<string, NativeFn> {
  for (const [name, fn] of Object.entries(fns)) {
    const n = GC_ARGS[name] ?? 0;
    fns[name] = (args, kw) => {
      const ks = kw?.names ?? [];
      const ok = n > 1 ? args.length + ks.length < 2 && (!ks.length || ks[0] === "generation") : !ks.length && (n < 0 || args.length === n);
      if (!ok) rarely(vm, 13, n, vm.name(name), args, kw);
      return fn(args, kw);
    };
  }
  return fns;
}

function makeGc(vm: VM): Obj {
  const h = vm.h;
  const g = h.gc;
  const m = moduleWith(vm, "gc", gcArgs(vm, {
    collect: (args, kw) => {
      const go = args[0] ?? kwarg(kw, "generation");
      let gen = 2;
      if (go) {
        gen = cInt(vm, go);
        if (gen < 0 || gen > 2) vm.raise("ValueError", "invalid generation");
      }
      const r = vm.gcCollect(gen);
      return vm.newInt(BigInt(r));
    },
    enable: () => (g.enable(), vm.none()),
    disable: () => (g.disable(), vm.none()),
    isenabled: () => vm.bool(g.isEnabled()),
    get_count: () => {
      const c = g.getCount();
      return h.newTupleSteal(c.map((x) => vm.newInt(BigInt(x))));
    },
    get_threshold: () => {
      const c = g.getThreshold();
      return h.newTupleSteal(c.map((x) => vm.newInt(BigInt(x))));
    },
    set_threshold: (args) => {
      // a METH_VARARGS function: CPython packs the arguments into a tuple (a GC allocation, then parked)
      h.decref(h.newTuple(args));
      if (args.length < 1) vm.typeError(`set_threshold() takes at least 1 argument (${args.length} given)`);
      if (args.length > 3) vm.typeError(`set_threshold() takes at most 3 arguments (${args.length} given)`);
      const vals = args.map((a) => {
        const v = vm.index(a);
        if (v < -(2n ** 31n) || v >= 2n ** 31n) vm.raise("OverflowError", `signed integer is ${v < 0n ? "less than minimum" : "greater than maximum"}`);
        return Number(v);
      });
      g.setThreshold(vals[0], vals[1], vals[2]);
      return vm.none();
    },
    get_objects: (args, kw) => {
      const go = args[0] ?? kwarg(kw, "generation");
      let gen: number | undefined;
      if (go && go !== vm.None) {
        const k = vm.kindOf(go);
        if (k !== Kind.INT && k !== Kind.BOOL && !vm.lookupType(vm.typeInfo(go), "__index__")) vm.typeError(`argument should be integer or None, not '${vm.typeName(go)}'`);
        gen = Number(vm.index(go));
        if (gen >= 3) vm.raise("ValueError", "generation parameter must be less than the number of available generations (3)");
        if (gen < 0) gen = undefined;
      }
      const objs = g.getObjects(gen);
      return h.newList(objs, "display");
    },
    is_tracked: (args) => vm.bool(g.isTracked(args[0])),
    is_finalized: (args) => vm.bool(g.isFinalized(args[0])),
    get_stats: () => {
      const st = g.getStats();
      const items = st.map((s) => {
        const d = h.newDict("display");
        for (const [k, v] of [["collections", s.collections], ["collected", s.collected], ["uncollectable", s.uncollectable]] as const) {
          const n = vm.newInt(BigInt(v));
          vm.dictSetStr(d, vm.name(k), n);
          h.decref(n);
        }
        return d;
      });
      const l = h.newList(items, "display");
      for (const x of items) h.decref(x);
      return l;
    },
    get_referents: (args) => {
      const out: Obj[] = [];
      for (const a of args) if (g.getReferents) out.push(...g.getReferents(a));
      return h.newList(out, "display");
    },
    get_referrers: (args) => {
      const out = g.getReferrers ? g.getReferrers(args) : [];
      return h.newList(out, "display");
    },
    freeze: () => (g.freeze(), vm.none()),
    unfreeze: () => (g.unfreeze(), vm.none()),
    get_freeze_count: () => vm.newInt(BigInt(g.getFreezeCount())),
    set_debug: (args) => {
      const f = cInt(vm, args[0]);
      vm.gcDebug = f;
      g.setDebug(f);
      return vm.none();
    },
    get_debug: () => vm.newInt(BigInt(vm.gcDebug ?? 0)),
  }));
  const callbacks = h.newList([], "display");
  const garbage = h.newList([], "display");
  vm.gcCallbacks = callbacks;
  g.setGarbageList(garbage);
  setAttrs(vm, m, {
    callbacks,
    garbage,
    DEBUG_STATS: vm.newInt(1n),
    DEBUG_COLLECTABLE: vm.newInt(2n),
    DEBUG_UNCOLLECTABLE: vm.newInt(4n),
    DEBUG_SAVEALL: vm.newInt(32n),
    DEBUG_LEAK: vm.newInt(38n),
  });
  return m;
}

declare module "../vm/vm.js" {
  interface VM {
    gcCallbacks: Obj;
    gcDebug: number;
    gcCollect(gen: number): number;
    noGcCallbacks: boolean;
    inCollect: boolean;
    /** When the running collection started (gc.DEBUG_STATS's elapsed time). */
    gcStatsT0: number;
    runGcCallbacks(phase: "start" | "stop", info: { generation: number; collected: number; uncollectable: number }): void;
    stdoutObj: Obj;
    stderrObj: Obj;
  }
}

function makeSys(vm: VM): Obj {
  const h = vm.h;
  const m = moduleWith(vm, "sys", {
    getrefcount: (args) => {
      nargs(vm, "getrefcount", args, 1, 1);
      return vm.newInt(BigInt(h.refcnt(args[0])));
    },
    getsizeof: (args) => {
      nargs(vm, "getsizeof", args, 1, 2);
      const ti = vm.typeInfo(args[0]);
      if (ti.heap) {
        const d = vm.lookupType(ti, "__sizeof__");
        if (d && d.obj) {
          let r: Obj;
          try {
            r = vm.callSpecial(args[0], "__sizeof__", []);
            if (!vm.isInstance(r, vm.T.int)) {
              h.decref(r);
              vm.typeError("an integer is required");
            }
          } catch (e) {
            // getsizeof(o, default): a TypeError from __sizeof__ (or its result) gives the default
            if (args.length < 2 || !(e instanceof PyRaise && vm.isInstance(e.exc, vm.T.TypeError))) throw e;
            vm.decref(e.exc);
            return vm.newRef(args[1]);
          }
          const n = h.readInt(r);
          h.decref(r);
          if (n >= 1n << 63n || n < -(1n << 63n)) vm.raise("OverflowError", "Python int too large to convert to C ssize_t");
          if (n < 0n) vm.raise("ValueError", "__sizeof__() should return >= 0");
          return vm.newInt(n + BigInt(h.preHeaderSize(ti.obj)));
        }
      }
      if (vm.kindOf(args[0]) === Kind.BYTEARRAY) {
        // its type's basicsize and ob_alloc (bytes-impl.ts), at least the exact n + 1; a subclass's GC header
        // and managed dict before it
        const n = vm.len(args[0]);
        return vm.newInt(BigInt(ti.basicsize + Math.max(h.getI32(args[0], 16), n && n + 1) + h.preHeaderSize(ti.obj)));
      }
      if (!ti.heap && ti.kind === Kind.ITER) {
        // a built-in iterator's object is laid out wider than CPython's (the VM's counters past its
        // fields): its size is its type's CPython basicsize, plus the GC header where it has one
        return vm.newInt(BigInt(h.sizeOf(args[0]) - h.getI32(ti.obj, abi.TP_BASICSIZE) + ti.basicsize));
      }
      return vm.newInt(BigInt(h.sizeOf(args[0])));
    },
    intern: (args) => {
      if (vm.kindOf(args[0]) !== Kind.STR) vm.typeError(`intern() argument must be str, not ${vm.typeName(args[0])}`);
      if (vm.typeInfo(args[0]).heap) vm.typeError(`can't intern ${vm.typeName(args[0])}`);
      return vm.newRef(vm.internStr(args[0]));
    },
    getrecursionlimit: () => vm.newInt(BigInt(vm.recursionLimit)),
    setrecursionlimit: (args) => {
      const n = Number(vm.index(args[0]));
      if (n < 1) vm.raise("ValueError", "recursion limit must be greater or equal than 1");
      vm.recursionLimit = n;
      return vm.none();
    },
    exit: (args) => {
      const e = vm.newException("SystemExit", args.length ? args[0] : null);
      throw new PyRaise(e);
    },
    exc_info: () => {
      const e = vm.topExc();
      if (!e) return h.newTuple([vm.None, vm.None, vm.None]);
      return h.newTuple([h.typeOf(e), e, h.getSlot(e, L.EXC_TRACEBACK) || vm.None]);
    },
    exception: () => vm.newRef(vm.topExc() || vm.None),
    excepthook: (args) => rarely(vm, 14, 0, 0, args),
    getdefaultencoding: () => h.newStr("utf-8"),
    get_int_max_str_digits: () => vm.newInt(BigInt(vm.intMaxDigits)),
    _getframe: (args) => {
      nargs(vm, "_getframe", args, 0, 1);
      let f = vm.frame;
      for (let depth = args.length ? Number(vm.index(args[0]!)) : 0; depth > 0 && f; depth--) f = f.back;
      if (!f) vm.raise("ValueError", "call stack is not deep enough");
      return vm.newRef(vm.frameObject(f));
    },
  });
  const stream = (name: string, which: "stdout" | "stderr") => {
    const o = h.newObject(vm.T.TextIOWrapper);
    h.setI32(o, L.NATIVE_I, which === "stdout" ? 1 : 2);
    void name;
    return o;
  };
  const out = stream("stdout", "stdout");
  const err = stream("stderr", "stderr");
  vm.stdoutObj = out;
  vm.stderrObj = err;
  const argv = h.newList([], "display");
  const a0 = h.newStr(vm.scriptName ?? "");
  h.listAppend(argv, a0);
  h.decref(a0);
  setAttrs(vm, m, {
    stdout: out,
    stderr: err,
    __stdout__: vm.newRef(out),
    __stderr__: vm.newRef(err),
    argv,
    maxsize: vm.newInt((1n << 63n) - 1n),
    platform: h.newStr("linux"),
    byteorder: h.newStr("little"),
    version: h.newStr("3.11.7 (pyheap)"),
    modules: h.newDict("display"),
    __excepthook__: vm.newRef(vm.dictGetStr(h.getSlot(m, L.MODULE_DICT), "excepthook")),
  });
  // the modules imported so far, the main module and sys itself (added as importModule registers it)
  const mods = vm.dictGetStr(h.getSlot(m, L.MODULE_DICT), "modules");
  for (const [name, mod] of vm.modules) vm.dictSetStr(mods, vm.name(name), mod);
  if (vm.mainModule) vm.dictSetStr(mods, vm.name("__main__"), vm.mainModule);
  vm.sysModules = vm.newRef(mods);
  return m;
}

declare module "../vm/vm.js" {
  interface VM {
    /** sys.set_int_max_str_digits's limit (0: none) */
    intMaxDigits: number;
    /** An attribute a module makes on first use (sys.float_info…): a new reference, or 0. */
    moduleLazyAttr?: (m: Obj, module: string, name: string) => Obj;
    scriptName: string;
  }
}

/** Natives of the weakref module (the rest is Python in pysrc.ts). */
function weakrefNatives(vm: VM): Record<string, NativeFn> {
  const h = vm.h;
  return {
    getweakrefcount: (args) => vm.newInt(BigInt(vm.weakrefsOf(args[0]).length)),
    getweakrefs: (args) => h.newList(vm.weakrefsOf(args[0]), "display"),
    proxy: (args) => vm.newProxy(args[0], args[1] ?? 0),
    _remove_dead_weakref: (args) => {
      const d = args[0];
      const k = args[1];
      const v = vm.dictGetItem(d, k);
      if (v && vm.kindOf(v) === Kind.WEAKREF && !vm.weakrefTarget(v)) vm.dictDelItem(d, k);
      return vm.none();
    },
  };
}

declare module "../vm/vm.js" {
  interface VM {
    weakrefsOf(o: Obj): Obj[];
    newProxy(o: Obj, cb: Obj): Obj;
  }
}
