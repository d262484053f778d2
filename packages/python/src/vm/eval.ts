/**
 * Calls and the eval loop (CPython 3.11's ceval): argument binding into fast locals, Python-to-Python
 * calls without JS recursion (the callee frame is pushed and the loop continues, as 3.11 inlines them),
 * the exception table, tracebacks, generators.
 *
 * Invariants: every value-stack slot and every local holds an owned reference (0 = NULL/unbound);
 * arguments of Python function calls are moved into the callee (`callFunctionSteal`), so a parameter
 * costs one reference, as in 3.11.
 */
import type { Obj } from "./heap-api.js";
import { CodeFlag, LocalKind, type CodeObject } from "../compile/code.js";
import { Op } from "../compile/opcodes.js";
import { Frame, type CodeInfo } from "./frame.js";
import { Kind, type KwArgs } from "./types.js";
import { LimitExceeded, PyRaise, VM } from "./vm.js";
import * as L from "./layouts.js";
import { PyErr } from "../objects/errors.js";
import { proxyTarget } from "./weakrefs.js";
import { isSlotWrapperName } from "./natives.js";
import { badKeywords } from "./rarely.js";

declare module "./vm.js" {
  interface VM {
    lastYield: boolean;
    gens: GenState[];
    call(f: Obj, args: Obj[], kw?: KwArgs | null): Obj;
    callSteal(f: Obj, args: Obj[], kwNames: string[] | null): Obj;
    callFunctionSteal(func: Obj, args: Obj[], kwNames: string[] | null, back: Frame | null): Frame;
    runFrame(frame: Frame): Obj;
    evalFrame(entry: Frame): Obj;
    codeInfo(codeObj: Obj): CodeInfo;
    leaveFrame(frame: Frame): void;
    frameObject(frame: Frame): Obj;
    frameLocals(fo: Obj): Obj;
    genOfFrame(fo: Obj): GenState | null;
    addTraceback(exc: Obj, frame: Frame): void;
    enterRecursive(where: string): void;
    callLevel<T>(fn: () => T): T;
    setContext(exc: Obj, cur?: Obj): void;
    topExc(): Obj;
    genResume(gen: Obj, value: Obj, throwExc: Obj): Obj;
  }
}

/** JS-side state of a generator object. */
export interface GenState {
  obj: Obj;
  frame: Frame;
  state: "created" | "suspended" | "running" | "closed";
}

const proto = VM.prototype;

proto.enterRecursive = function (this: VM, where: string): void {
  if (++this.depth > this.recursionLimit) {
    this.depth--;
    const e = this.newException("RecursionError", `maximum recursion depth exceeded${where}`);
    throw new PyRaise(e);
  }
};

/** fn() under the level CPython's call of a C function holds (its " while calling a Python object"
 *  check): a builtin that calls back into Python costs that level on top of the callee's frame. */
proto.callLevel = function <T>(this: VM, fn: () => T): T {
  this.enterRecursive(" while calling a Python object");
  try {
    return fn();
  } finally {
    this.depth--;
  }
};

/** The CodeInfo of a heap code object. */
proto.codeInfo = function (this: VM, codeObj: Obj): CodeInfo {
  return this.codes[this.h.getI32(codeObj, L.CODE_INDEX)];
};

/** The keywords of builtins often called with some, by qualified name: the parameters ("_" a positional-only
 *  one), or "*" and the keyword-only ones, or "**" for any keyword. The others are left to badKeywords (the
 *  page's on-demand chunk, which sorted(), round(), format(), exec()… load anyway). */
const KW_COMMON = "print * sep end file flush|min **|max **|dict **|dict.update **|enumerate _ start|str.split sep maxsplit";
let kwCommon: Map<string, string[]> | null = null;

/** A call of the builtin `name` with `nargs` positional arguments and the keywords `kw` (some): badKeywords'
 *  look unless KW_COMMON takes them as they are. `self`: a bound method's object. */
export function checkKeywords(vm: VM, name: string, nargs: number, kw: KwArgs, ctor = false, self: Obj = 0): void {
  kwCommon ??= new Map(KW_COMMON.split("|").map((e) => [e.slice(0, e.indexOf(" ")), e.split(" ").slice(1)]));
  const ps = kwCommon.get(name);
  if (!ps || (ps[0] === "_" && !nargs) || !kw.names.every((k) => ps[0] === "**" || (k !== "_" && ps.indexOf(k) >= (ps[0] === "*" ? 0 : nargs)))) {
    badKeywords(vm, name, nargs, kw, ctor, self);
  }
}

proto.call = function (this: VM, f: Obj, args: Obj[], kw: KwArgs | null = null): Obj {
  const ti = this.typeInfo(f);
  switch (ti.kind) {
    case Kind.FUNCTION: {
      for (const a of args) this.h.incref(a);
      const kwNames = kw ? kw.names : null;
      const all = kw ? [...args, ...kw.values] : args.slice();
      if (kw) for (const v of kw.values) this.h.incref(v);
      const fr = this.callFunctionSteal(f, all, kwNames, this.frame);
      return this.runFrame(fr);
    }
    case Kind.METHOD: {
      const func = this.h.getSlot(f, L.METHOD_FUNC);
      const self = this.h.getSlot(f, L.METHOD_SELF);
      return this.call(func, [self, ...args], kw);
    }
    case Kind.BUILTIN: {
      const n = this.natives[this.h.getI32(f, L.CFUNC_INDEX)];
      const self = this.h.getSlot(f, L.CFUNC_SELF);
      if (kw !== null && kw.names.length && n.module === "builtins") checkKeywords(this, n.qualname, args.length, kw, false, self);
      try {
        return n.method ? n.fn([self, ...args], kw) : n.fn(args, kw);
      } catch (e) {
        throw this.wrapErr(e);
      }
    }
    case Kind.MDESCR: {
      const n = this.natives[this.h.getI32(f, L.MDESCR_INDEX)];
      if (args.length === 0) {
        if (isSlotWrapperName(n.name)) this.typeError(`descriptor '${n.name}' of '${this.infoOfType(this.h.getSlot(f, L.MDESCR_TYPE)).name}' object needs an argument`);
        this.typeError(`unbound method ${n.qualname}() needs an argument`);
      }
      this.checkDescrSelf(f, args[0]);
      if (kw !== null && kw.names.length && n.module === "builtins") checkKeywords(this, n.qualname, args.length - 1, kw);
      try {
        return n.fn(args, kw);
      } catch (e) {
        throw this.wrapErr(e);
      }
    }
    case Kind.TYPE:
      return this.callType(f, args, kw);
    case Kind.WEAKPROXY:
      return this.call(proxyTarget(this, f), args, kw);
    default: {
      const d = this.lookupType(ti, "__call__");
      if (!d) this.typeError(`'${ti.name}' object is not callable`);
      if (d.native >= 0) return this.natives[d.native].fn([f, ...args], kw);
      // an instance has no vectorcall: tp_call's recursion check, then __call__'s frame
      return this.callLevel(() => this.call(d.obj, [f, ...args], kw));
    }
  }
};

/** Call with owned arguments (the CALL instruction): Python functions take them over. */
proto.callSteal = function (this: VM, f: Obj, args: Obj[], kwNames: string[] | null): Obj {
  const ti = this.typeInfo(f);
  if (ti.kind === Kind.FUNCTION) {
    const fr = this.callFunctionSteal(f, args, kwNames, this.frame);
    return this.runFrame(fr);
  }
  if (ti.kind === Kind.METHOD) {
    const func = this.h.getSlot(f, L.METHOD_FUNC);
    if (this.kindOf(func) === Kind.FUNCTION) {
      const self = this.newRef(this.h.getSlot(f, L.METHOD_SELF));
      return this.callSteal(func, [self, ...args], kwNames);
    }
  }
  try {
    let kw: KwArgs | null = null;
    let pos = args;
    if (kwNames && kwNames.length) {
      pos = args.slice(0, args.length - kwNames.length);
      kw = { names: kwNames, values: args.slice(args.length - kwNames.length) };
    }
    return this.call(f, pos, kw);
  } finally {
    for (const a of args) this.h.decref(a);
  }
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
}

/** Bind owned arguments into a new frame for `func` (initialize_locals of 3.11). */
proto.callFunctionSteal = function (this: VM, func: Obj, args: Obj[], kwNames: string[] | null, back: Frame | null): Frame {
  const h = this.h;
  const info = this.codeInfo(h.getSlot(func, L.FUNC_CODE));
  const co = info.code;
  const globals = h.getSlot(func, L.FUNC_GLOBALS);
  let fr = info.spareFrame;
  if (fr !== null) {
    info.spareFrame = fr.back;
    fr.reuse(this.newRef(func), globals, this.builtins, back);
  } else fr = new Frame(info, this.newRef(func), globals, this.builtins, 0, back);
  if ((kwNames === null || kwNames.length === 0) && args.length === co.co_argcount && co.co_kwonlyargcount === 0 && (co.co_flags & (CodeFlag.VARARGS | CodeFlag.VARKEYWORDS)) === 0) {
    // the common call: exactly the positional parameters, nothing to check
    const ls = fr.localsplus;
    for (let i = 0; i < args.length; i++) {
      ls[i] = args[i];
      args[i] = 0;
    }
    return fr;
  }
  return bindArguments(this, fr, func, args, kwNames);
};

/** callFunctionSteal's general binding (keywords, defaults, *args, **kwargs, errors), apart so that the
 *  common call allocates no closure context. */
function bindArguments(vm: VM, fr: Frame, func: Obj, args: Obj[], kwNames: string[] | null): Frame {
  const h = vm.h;
  const co = fr.info.code;
  const ls = fr.localsplus;
  const nkw = kwNames ? kwNames.length : 0;
  const nargs = args.length - nkw;
  const argcount = co.co_argcount;
  const totalArgs = argcount + co.co_kwonlyargcount;
  let kwdict = 0;
  const fail = (msg: string): never => {
    for (let i = 0; i < args.length; i++) if (args[i]) h.decref(args[i]);
    vm.leaveFrame(fr);
    vm.typeError(vm.cArgText?.(func, nargs, kwNames) ?? msg);
  };
  try {
    if (co.co_flags & CodeFlag.VARKEYWORDS) {
      kwdict = h.newDict("display");
      ls[totalArgs + (co.co_flags & CodeFlag.VARARGS ? 1 : 0)] = kwdict;
    }
    const j = Math.min(nargs, argcount);
    for (let i = 0; i < j; i++) {
      ls[i] = args[i];
      args[i] = 0;
    }
    if (co.co_flags & CodeFlag.VARARGS) {
      const rest = args.slice(j, nargs);
      for (let i = j; i < nargs; i++) args[i] = 0;
      ls[totalArgs] = h.newTupleSteal(rest);
    } else if (nargs > argcount) {
      const defs = h.getSlot(func, L.FUNC_DEFAULTS);
      const ndef = defs ? vm.tupleLen(defs) : 0;
      let kwonlyGiven = 0;
      for (let k = 0; k < nkw; k++) {
        const idx = co.co_varnames.indexOf(kwNames![k]);
        if (idx >= argcount && idx < totalArgs) kwonlyGiven++;
      }
      const takes = ndef ? `from ${argcount - ndef} to ${argcount}` : `${argcount}`;
      const word = ndef || argcount !== 1 ? "positional arguments" : "positional argument";
      const given = kwonlyGiven
        ? `${nargs} positional argument${nargs === 1 ? "" : "s"} (and ${plural(kwonlyGiven, "keyword-only argument")}) were given`
        : `${nargs} ${nargs === 1 ? "was" : "were"} given`;
      fail(`${vm.str(h.getSlot(func, L.FUNC_QUALNAME))}() takes ${takes} ${word} but ${given}`);
    }
    const posonlyAsKw: string[] = [];
    for (let k = 0; k < nkw; k++) {
      const name = kwNames![k];
      const v = args[nargs + k];
      let idx = -1;
      for (let i = co.co_posonlyargcount; i < totalArgs; i++) {
        if (co.co_varnames[i] === name) {
          idx = i;
          break;
        }
      }
      if (idx >= 0) {
        if (ls[idx]) fail(`${vm.str(h.getSlot(func, L.FUNC_QUALNAME))}() got multiple values for argument '${name}'`);
        ls[idx] = v;
        args[nargs + k] = 0;
        continue;
      }
      if (kwdict) {
        vm.dictSetStr(kwdict, vm.name(name), v);
        h.decref(v);
        args[nargs + k] = 0;
        continue;
      }
      if (co.co_varnames.slice(0, co.co_posonlyargcount).includes(name)) {
        posonlyAsKw.push(name);
        continue;
      }
      fail(`${vm.str(h.getSlot(func, L.FUNC_QUALNAME))}() got an unexpected keyword argument '${name}'`);
    }
    if (posonlyAsKw.length) fail(`${vm.str(h.getSlot(func, L.FUNC_QUALNAME))}() got some positional-only arguments passed as keyword arguments: '${posonlyAsKw.join(", ")}'`);
    if (nargs < argcount) {
      const defs = h.getSlot(func, L.FUNC_DEFAULTS);
      const ndef = defs ? vm.tupleLen(defs) : 0;
      const m = argcount - ndef;
      const missing: string[] = [];
      for (let i = nargs; i < m; i++) if (!ls[i]) missing.push(co.co_varnames[i]);
      if (missing.length) fail(`${vm.str(h.getSlot(func, L.FUNC_QUALNAME))}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${nameList(missing)}`);
      for (let i = Math.max(nargs, m); i < argcount; i++) {
        if (!ls[i]) ls[i] = vm.newRef(h.tupleGet(defs, i - m));
      }
    }
    if (co.co_kwonlyargcount > 0) {
      const kwdefs = h.getSlot(func, L.FUNC_KWDEFAULTS);
      const missing: string[] = [];
      for (let i = argcount; i < totalArgs; i++) {
        if (ls[i]) continue;
        const name = co.co_varnames[i];
        const dv = kwdefs ? vm.dictGetStr(kwdefs, name) : 0;
        if (dv) ls[i] = vm.newRef(dv);
        else missing.push(name);
      }
      if (missing.length) fail(`${vm.str(h.getSlot(func, L.FUNC_QUALNAME))}() missing ${missing.length} required keyword-only argument${missing.length === 1 ? "" : "s"}: ${nameList(missing)}`);
    }
  } catch (e) {
    throw e;
  }
  return fr;
}

/** Run a fresh frame to completion (or to its first suspension for generators): new reference. */
proto.runFrame = function (this: VM, frame: Frame): Obj {
  const r = this.evalFrame(frame);
  // returned holding nothing (evalFrame released it): kept for a later call of its code as the eval loop
  // keeps the frames it pushed (not a generator's, never when hooked: a trace may hold frames)
  const host = this.host;
  if (frame.gen === 0 && frame.isModule === false && frame.frameObj === 0 && (frame.info.code.co_flags & CodeFlag.GENERATOR) === 0 && !host.onLine && !host.onInstruction) {
    frame.back = frame.info.spareFrame;
    frame.info.spareFrame = frame;
  }
  return r;
};

/** Release a finished frame: take-ownership by its frame object or decref of the locals in order. */
proto.leaveFrame = function (this: VM, frame: Frame): void {
  const h = this.h;
  const fo = frame.frameObj;
  frame.frameObj = 0;
  if (fo) {
    if (h.refcnt(fo) > 1) {
      // the frame object outlives the frame: it takes over the locals (and links f_back), last first in
      // its slots, which the heap releases from the end: the locals go first to last, as in CPython
      const n = frame.localsplus.length;
      for (let i = 0; i < n; i++) {
        const v = frame.localsplus[i];
        if (v) h.setSlotSteal(fo, L.FRAME_BASICSIZE + 8 * (n - 1 - i), v);
        frame.localsplus[i] = 0;
      }
      h.setI32(fo, L.FRAME_NLOCALS, n);
      h.setI32(fo, L.FRAME_LINENO, this.lineOf(frame));
      // (a generator's frame is unlinked from its caller first: its f_back is None once finished)
      if (frame.back && !frame.gen && !h.getSlot(fo, L.FRAME_BACK)) {
        const b = this.frameObject(frame.back);
        h.setSlot(fo, L.FRAME_BACK, b);
      }
      for (const v of frame.stack) if (v) h.decref(v);
      frame.stack.length = 0;
      h.decref(fo);
      this.releaseFrameRefs(frame);
      return;
    }
    h.decref(fo);
  }
  const ls = frame.localsplus;
  for (let i = 0; i < ls.length; i++) {
    const v = ls[i];
    if (v) {
      ls[i] = 0;
      h.decref(v);
    }
  }
  const st = frame.stack;
  if (st.length !== 0) {
    // (a returning frame's stack is already empty: setting an array's length is a runtime call)
    for (let i = 0; i < st.length; i++) {
      const v = st[i];
      st[i] = 0;
      if (v) h.decref(v);
    }
    st.length = 0;
  }
  this.releaseFrameRefs(frame);
};

/** The heap frame object of a frame, created on first use: borrowed (the frame owns it). */
proto.frameObject = function (this: VM, frame: Frame): Obj {
  if (!frame.frameObj) {
    const fo = this.h.newObject(this.T.frame, frame.localsplus.length);
    this.h.setSlot(fo, L.FRAME_CODE, frame.info.obj);
    this.h.setI32(fo, L.FRAME_INDEX, frame.info.index);
    if (frame.gen) this.h.setI32(fo, L.FRAME_GEN, this.h.getI32(frame.gen, L.GEN_INDEX) + 1);
    this.h.setSlot(fo, L.FRAME_GLOBALS, frame.globals);
    frame.frameObj = fo;
  }
  return frame.frameObj;
};

/** The generator whose frame object `fo` is, while that frame is suspended or not yet started; else null. */
proto.genOfFrame = function (this: VM, fo: Obj): GenState | null {
  const st = this.gens[this.h.getI32(fo, L.FRAME_GEN) - 1];
  return st && (st.state === "suspended" || st.state === "created") ? st : null;
};

/**
 * frame.f_locals (PyFrame_FastToLocals): a module or class body's own namespace; for a function's frame a
 * dict kept in the frame object (the same dict each time), brought up to date with the fast locals (a cell's
 * contents, unbound names taken out) from the running frame or, once it finished, the frame object's copy.
 * New reference.
 */
proto.frameLocals = function (this: VM, fo: Obj): Obj {
  const h = this.h;
  let frame: Frame | null = this.frame;
  while (frame !== null && frame.frameObj !== fo) frame = frame.back;
  if (frame !== null && frame.locals) return this.newRef(frame.locals);
  const code = this.codeInfo(h.getSlot(fo, L.FRAME_CODE)).code;
  if (!(code.co_flags & CodeFlag.OPTIMIZED)) {
    const own = h.getSlot(fo, L.FRAME_LOCALS);
    return this.newRef(own || h.getSlot(fo, L.FRAME_GLOBALS));
  }
  let d = h.getSlot(fo, L.FRAME_LOCALS);
  if (!d) {
    d = h.newDict("display");
    h.setSlotSteal(fo, L.FRAME_LOCALS, d);
  }
  const names = code.co_localsplusnames;
  const kinds = code.co_localspluskinds;
  // a suspended generator's locals are in the generator object
  const gen = frame === null ? this.genOfFrame(fo)?.obj : 0;
  const kept = h.getI32(fo, L.FRAME_NLOCALS);
  const n = frame !== null || gen ? names.length : Math.min(names.length, kept);
  for (let i = 0; i < names.length; i++) {
    let v: Obj = i >= n ? 0 : frame !== null ? frame.localsplus[i] : gen ? h.getSlot(gen, L.GEN_BASICSIZE + 8 * i) : h.getSlot(fo, L.FRAME_BASICSIZE + 8 * (kept - 1 - i));
    if (v && kinds[i] & (LocalKind.CELL | LocalKind.FREE) && this.kindOf(v) === Kind.CELL) v = h.getSlot(v, L.CELL_REF);
    const key = this.name(names[i]);
    if (v) this.dictSetStr(d, key, v);
    else this.dictDelStr(d, names[i]);
  }
  return this.newRef(d);
};

/** PyTraceBack_Here: push a traceback entry for `frame` onto the exception. */
proto.addTraceback = function (this: VM, exc: Obj, frame: Frame): void {
  const h = this.h;
  const fo = this.frameObject(frame);
  const tb = h.newObject(this.T.traceback);
  const old = h.getSlot(exc, L.EXC_TRACEBACK);
  if (old) h.setSlot(tb, L.TB_NEXT, old);
  h.setSlot(tb, L.TB_FRAME, fo);
  h.setI32(tb, L.TB_LASTI, frame.lasti);
  h.setI32(tb, L.TB_LINENO, this.lineAt(frame.info.code, frame.lasti));
  h.setSlotSteal(exc, L.EXC_TRACEBACK, tb);
};

/** The exception being handled (sys.exception()): the running frame's, else that of the nearest caller of
 *  a running generator that handles one; 0 when none. Borrowed. */
proto.topExc = function (this: VM): Obj {
  let e = this.excInfo;
  for (let i = this.excOuter.length; !e && i > 0; ) e = this.excOuter[--i];
  return e;
};

/** Implicit chaining: the exception being handled (`cur`) becomes __context__ of a new one. */
proto.setContext = function (this: VM, exc: Obj, cur = this.topExc()): void {
  if (!cur || cur === exc || cur === this.None) return;
  // avoid creating a cycle through the context chain
  let o = cur;
  let n = 0;
  while (o && n++ < 1000) {
    const c = this.h.getSlot(o, L.EXC_CONTEXT);
    if (c === exc) {
      this.h.setSlot(o, L.EXC_CONTEXT, 0);
      break;
    }
    o = c;
  }
  this.h.setSlot(exc, L.EXC_CONTEXT, cur);
};

export { LimitExceeded, PyErr, Op };
export type { CodeObject };
