/**
 * The smaller pieces of the VM: name lookups and their errors, LOAD_METHOD, generators' state
 * save/restore, ranges, dict views, set algebra, the REPL echo, imports. %-formatting and str.format are
 * str-format.ts, exec/eval/compile exec-source.ts.
 */
import { abi, HeapError } from "@pyheap/heap";
import type { Obj } from "./heap-api.js";
import { Kind, type KwArgs } from "./types.js";
import { INTERRUPTED, LimitExceeded, PyRaise, VM } from "./vm.js";
import { Frame } from "./frame.js";
import * as L from "./layouts.js";
import type { GenState } from "./eval.js";
import { IMPORTERR_NAME } from "./natives.js";
import { Op } from "../compile/opcodes.js";
import { remakeModule } from "../modules/reimport.js";
import { PyErr } from "../objects/errors.js";
import "./str-format.js";
import "./exec-source.js";

const proto = VM.prototype;

/** Whether JavaScript's stack is close to running out (under about 100 KB left) where the eval loop
 *  starts on frame vm.frame: the loop checks it when native code calls back into Python, so that such a
 *  recursion ends in RecursionError raised where every frame can still release what it holds. An overflow
 *  can strike any call, even one in the middle of moving a reference, so it must not be reached.
 *  NOTE: a loop that calls back from the same frame and depth again (sorted's key, map) reaches the same
 *  height of the stack each time, so the last answer stands for it; any deeper nesting passes through new
 *  depths, which are checked. */
export function jsStackLow(vm: VM): boolean {
  const at = vm.frame!.back;
  if (vm.depth === stackOk.depth && at === stackOk.at) return false;
  try {
    if (stackProbe(600, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16) < 0) return true;
  } catch {
    return true;
  }
  stackOk.depth = vm.depth;
  stackOk.at = at;
  return false;
}

const stackOk: { depth: number; at: Frame | null } = { depth: 0, at: null };

// each level takes its seventeen arguments' slots of stack (about 190 bytes once compiled)
function stackProbe(n: number, a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number, j: number, k: number, l: number, m: number, o: number, p: number, q: number): number {
  return n === 0 ? 0 : stackProbe(n - 1, a, b, c, d, e, f, g, h, i, j, k, l, m, o, p, q) + 1;
}

proto.lastYield = false;

proto.takeStopValue = function (this: VM): Obj {
  const v = this.stopValue;
  this.stopValue = 0;
  return v;
};

proto.nameError = function (this: VM, name: string): never {
  const e = this.newException("NameError", `name '${name}' is not defined`);
  this.h.setSlotSteal(e, L.EXC_EXTRA, this.h.newStr(name));
  throw new PyRaise(e);
};

proto.unboundLocal = function (this: VM, f: Frame, i: number): never {
  const name = f.info.code.co_localsplusnames[i];
  const e = this.newException("UnboundLocalError", `cannot access local variable '${name}' where it is not associated with a value`);
  this.h.setSlotSteal(e, L.EXC_EXTRA, this.h.newStr(name));
  throw new PyRaise(e);
};

proto.unboundDeref = function (this: VM, f: Frame, i: number): never {
  const code = f.info.code;
  const name = code.co_localsplusnames[i];
  if (code.co_localspluskinds[i] & 0x80) {
    const e = this.newException("NameError", `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
    this.h.setSlotSteal(e, L.EXC_EXTRA, this.h.newStr(name));
    throw new PyRaise(e);
  }
  return this.unboundLocal(f, i);
};

proto.loadGlobal = function (this: VM, f: Frame, name: string): Obj {
  const key = this.name(name);
  let v = this.h.dictGet(f.globals, key);
  if (!v) v = this.h.dictGet(f.builtins, key);
  if (!v) this.nameError(name);
  this.h.incref(v);
  return v;
};

/** LOAD_METHOD: a new reference to an unbound method found on the type, or 0 (then getAttr is used). */
proto.loadMethod = function (this: VM, o: Obj, name: string): Obj {
  const ti = this.typeInfo(o);
  if (ti.kind === Kind.TYPE || ti.kind === Kind.MODULE || ti.kind === Kind.SUPER) return 0;
  const d = this.lookupType(ti, name);
  if (!d) return 0;
  // a __getattribute__ written in Python decides what the method is
  if (ti.heap) {
    const ga = this.lookupType(ti, "__getattribute__");
    if (ga && ga.obj) return 0;
  }
  if (d.native >= 0) {
    if (this.classMethods?.has(d.native)) return 0;
    if (ti.managed) {
      if (this.h.attrGet(o, this.name(name))) return 0;
    } else if (ti.hasDict) {
      const dict = this.instDict(o, false);
      if (dict && this.dictGetStr(dict, name)) return 0;
    }
    return this.newMethodDescr(ti.obj, d.native);
  }
  if (this.kindOf(d.obj) !== Kind.FUNCTION) return 0;
  if (ti.managed) {
    if (this.h.attrGet(o, this.name(name))) return 0;
  } else {
    const dict = this.instDict(o, false);
    if (dict && this.dictGetStr(dict, name)) return 0;
  }
  return this.newRef(d.obj);
};

proto.tupleStrings = function (this: VM, t: Obj): string[] {
  return this.tupleItems(t).map((o) => this.str(o));
};

proto.getSpecialBound = function (this: VM, o: Obj, name: string): Obj {
  const d = this.lookupSpecial(o, name);
  // (only `with` calls it, for __exit__: CPython looks __enter__ up first)
  const e = this.lookupSpecial(o, "__enter__");
  if (!d || !e) this.typeError(`'${this.typeName(o)}' object does not support the context manager protocol${e ? " (missed __exit__ method)" : ""}`);
  return this.bindDescr(d, o, this.h.typeOf(o));
};

proto.emptyTuple = function (this: VM): Obj {
  return this.h.newTuple([]);
};

proto.tupleFrom = function (this: VM, o: Obj): Obj {
  // PySequence_Tuple: an exact tuple as it is, anything else (a subclass too) iterated, after its length hint
  if (this.kindOf(o) === Kind.TUPLE && !this.typeInfo(o).heap) return this.newRef(o);
  return this.h.newTupleSteal(this.collect(o, 10));
};

// ───────────── generators ─────────────

proto.makeGenerator = function (this: VM, fr: Frame): Obj {
  const h = this.h;
  const info = fr.info;
  // CPython's gi_iframe: the frame's fixed part, then one slot per local, cell, free variable and value-stack
  // entry (sys.getsizeof((x for x in [])) is 200)
  const g = h.newObject(this.T.generator, info.nlocalsplus + info.code.co_stacksize);
  h.setSlot(g, L.GEN_CODE, info.obj);
  const fn = fr.func;
  if (fn) {
    h.setSlot(g, L.GEN_NAME, h.getSlot(fn, L.FUNC_NAME));
    h.setSlot(g, L.GEN_QUALNAME, h.getSlot(fn, L.FUNC_QUALNAME));
    h.setSlot(g, L.GEN_FUNC_GLOBALS, fn);
    fr.func = 0;
    h.decref(fn);
  }
  const st: GenState = { obj: g, frame: fr, state: "created" };
  h.setI32(g, L.GEN_INDEX, this.gens.length);
  this.gens.push(st);
  fr.gen = g;
  this.genSave(st);
  return g;
};

proto.genSave = function (this: VM, st: GenState): void {
  const h = this.h;
  const fr = st.frame;
  const n = fr.localsplus.length;
  for (let i = 0; i < n; i++) {
    const v = fr.localsplus[i];
    if (v) h.setSlotSteal(st.obj, L.GEN_BASICSIZE + 8 * i, v);
    fr.localsplus[i] = 0;
  }
  // a suspended frame's stack never holds more than co_stacksize entries (the yielded value is popped first)
  if (n + fr.stack.length > fr.info.nlocalsplus + fr.info.code.co_stacksize) throw new Error("internal: a generator's stack is deeper than its co_stacksize");
  for (let i = 0; i < fr.stack.length; i++) {
    const v = fr.stack[i];
    if (v) h.setSlotSteal(st.obj, L.GEN_BASICSIZE + 8 * (n + i), v);
  }
  h.setI32(st.obj, L.GEN_INDEX + 4, fr.stack.length);
  fr.stack.length = 0;
  // held by the generator, where the collector sees it (a traceback's frame links back to the globals)
  if (fr.frameObj) h.setSlotSteal(st.obj, L.GEN_FRAME_OBJ, fr.frameObj);
  fr.frameObj = 0;
};

proto.genRestore = function (this: VM, st: GenState): void {
  const h = this.h;
  const fr = st.frame;
  const n = fr.localsplus.length;
  const take = (off: number): Obj => {
    const v = h.getSlot(st.obj, off);
    if (v) {
      h.incref(v);
      h.setSlot(st.obj, off, 0);
    }
    return v;
  };
  for (let i = 0; i < n; i++) fr.localsplus[i] = take(L.GEN_BASICSIZE + 8 * i);
  const depth = h.getI32(st.obj, L.GEN_INDEX + 4);
  fr.stack.length = 0;
  for (let i = 0; i < depth; i++) fr.stack.push(take(L.GEN_BASICSIZE + 8 * (n + i)));
  h.setI32(st.obj, L.GEN_INDEX + 4, 0);
  fr.frameObj = take(L.GEN_FRAME_OBJ);
  fr.func = h.getSlot(st.obj, L.GEN_FUNC_GLOBALS);
  if (fr.func) h.incref(fr.func);
};

/** gi_frame: a generator's frame object (made on first use), None once it finished. Borrowed. */
proto.genFrame = function (this: VM, g: Obj): Obj {
  const h = this.h;
  const st = this.gens[h.getI32(g, L.GEN_INDEX)];
  if (st.state === "closed") return this.None;
  if (st.state === "running") return this.frameObject(st.frame);
  let fo = h.getSlot(g, L.GEN_FRAME_OBJ);
  if (!fo) {
    // held by the generator while it is suspended (as genSave keeps it)
    fo = this.frameObject(st.frame);
    st.frame.frameObj = 0;
    h.setSlotSteal(g, L.GEN_FRAME_OBJ, fo);
  }
  return fo;
};

/** gi_yieldfrom: the iterator a generator suspended in `yield from` delegates to (the top of its saved
 *  stack, when the instruction it resumes at is RESUME after a yield from), else None. Borrowed. */
proto.genYieldFrom = function (this: VM, g: Obj): Obj {
  const h = this.h;
  const fr = this.gens[h.getI32(g, L.GEN_INDEX)].frame;
  const co = fr.info.code.co_code;
  const depth = h.getI32(g, L.GEN_INDEX + 4);
  if (depth === 0 || co[2 * fr.ip] !== Op.RESUME || co[2 * fr.ip + 1] < 2) return this.None;
  return h.getSlot(g, L.GEN_BASICSIZE + 8 * (fr.localsplus.length + depth - 1));
};

proto.genFinish = function (this: VM, st: GenState): void {
  st.state = "closed";
  this.leaveFrame(st.frame);
};

proto.genAfter = function (this: VM, st: GenState, r: Obj): Obj {
  if (this.lastYield) {
    st.state = "suspended";
    if (st.frame.func) {
      const f = st.frame.func;
      st.frame.func = 0;
      this.h.decref(f);
    }
    this.genSave(st);
    return r;
  }
  this.genFinish(st);
  return r;
};

// ───────────── ranges and views ─────────────

proto.newRange = function (this: VM, start: number, stop: number, step: number): Obj {
  const o = this.h.newObject(this.T.range);
  this.h.setF64(o, 16, start);
  this.h.setF64(o, 24, stop);
  this.h.setF64(o, 32, step);
  return o;
};

proto.rangeFields = function (this: VM, r: Obj): [number, number, number] {
  return [this.h.getF64(r, 16), this.h.getF64(r, 24), this.h.getF64(r, 32)];
};

function viewKind(vm: VM, v: Obj): 0 | 1 | 2 {
  const t = vm.h.typeOf(v);
  return t === vm.T.dict_keys || t === vm.T.mappingproxy ? 0 : t === vm.T.dict_values ? 1 : 2;
}

proto.viewIter = function (this: VM, v: Obj): Obj {
  const names = ["dict_keyiterator", "dict_valueiterator", "dict_itemiterator"];
  return this.newNativeIter(names[viewKind(this, v)], this.h.getSlot(v, L.NATIVE_A));
};

proto.viewContains = function (this: VM, v: Obj, x: Obj): boolean {
  const d = this.h.getSlot(v, L.NATIVE_A);
  const k = viewKind(this, v);
  if (k === 0) return this.dictGetItem(d, x) !== 0;
  if (k === 1) return this.dictEntries(d).some(([, val]) => this.eq(val, x));
  if (this.kindOf(x) !== Kind.TUPLE || this.tupleLen(x) !== 2) return false;
  const val = this.dictGetItem(d, this.h.tupleGet(x, 0));
  return val !== 0 && this.eq(val, this.h.tupleGet(x, 1));
};

/** dictview_repr's text after its Py_ReprEnter: the repr of the view made a list (PySequence_List), as
 *  python3 allocates it (the list, the iterator, an items view's pairs). */
proto.viewRepr = function (this: VM, v: Obj): string {
  if (this.h.typeOf(v) === this.T.mappingproxy) return `mappingproxy(${this.repr(this.h.getSlot(v, L.NATIVE_A))})`;
  const l = this.h.newList([]);
  try {
    this.listExtendFrom(l, v);
    return `${["dict_keys", "dict_values", "dict_items"][viewKind(this, v)]}(${this.repr(l)})`;
  } finally {
    this.decref(l);
  }
};

proto.setBinary = function (this: VM, a: Obj, b: Obj, op: number, inplace: boolean): Obj {
  if (this.isAnySet(a) && this.isAnySet(b)) return this.setOperator(a, b, op, inplace);
  const h = this.h;
  const xs = this.collect(a);
  const ys = this.collect(b);
  try {
    const frozen = this.kindOf(a) === Kind.FROZENSET;
    const inB = (x: Obj) => ys.some((y) => this.eq(x, y));
    const inA = (y: Obj) => xs.some((x) => this.eq(x, y));
    let out: Obj[];
    switch (op) {
      case 7:
        out = [...xs, ...ys.filter((y) => !inA(y))];
        break;
      case 1:
        out = xs.filter(inB);
        break;
      case 10:
        out = xs.filter((x) => !inB(x));
        break;
      case 12:
        out = [...xs.filter((x) => !inB(x)), ...ys.filter((y) => !inA(y))];
        break;
      default:
        return 0;
    }
    if (inplace && this.kindOf(a) === Kind.SET) {
      for (const x of out) h.incref(x);
      h.setClear!(a);
      for (const x of out) {
        h.setAdd!(a, x);
        h.decref(x);
      }
      return this.newRef(a);
    }
    return this.newSet(out, frozen);
  } finally {
    for (const x of xs) h.decref(x);
    for (const y of ys) h.decref(y);
  }
};

proto.dictBinary = function (this: VM, a: Obj, b: Obj, _op: number, inplace: boolean): Obj {
  if (inplace) {
    // dict |= takes whatever dict.update takes (pairs too); dict | takes dicts only
    this.dictUpdateArg(a, b);
    return this.newRef(a);
  }
  const d = this.h.newDict("display");
  this.dictUpdateFrom(d, a, 0);
  this.dictUpdateFrom(d, b, 0);
  return d;
};

// ───────────── formatting ─────────────

proto.percentFormat = function (this: VM, fmtObj: Obj, argsObj: Obj): Obj {
  // a str's %-formatting is str-format.ts's (bytes' is theirs: 0 here)
  return this.kindOf(fmtObj) === Kind.STR ? this.strPercent(fmtObj, argsObj) : 0;
};

export type { FieldNumbering } from "./str-format.js";

// ───────────── REPL, imports, exec/eval ─────────────

proto.printExpr = function (this: VM, v: Obj): void {
  const key = this.name("_");
  if (v === this.None) return;
  this.h.dictSet(this.builtins, key, this.None);
  const r = this.repr(v);
  this.host.write("stdout", r + "\n");
  this.h.dictSet(this.builtins, key, v);
};

proto.importModule = function (this: VM, name: string): Obj {
  // what sys.modules holds under the name first: anything the program put there, None refusing the import
  const s = this.sysModules ? this.h.dictGet(this.sysModules, this.name(name)) : 0;
  if (s === this.None) notFound(this, name, `import of ${name} halted; None in sys.modules`);
  const m = s || this.modules.get(name);
  // one the program took out of sys.modules is made again (modules/reimport.ts)
  if (m && !s && this.sysModules && this.moduleFactories?.has(name)) return remakeModule(this, name, m);
  if (m) return this.newRef(m);
  const make = this.moduleFactories?.get(name);
  if (make) {
    const mod = make();
    this.modules.set(name, mod);
    if (this.sysModules) this.dictSetStr(this.sysModules, this.name(name), mod);
    return this.newRef(mod);
  }
  // a dotted name imports its package first, and no module here is a package
  const pkg = name.slice(0, Math.max(name.lastIndexOf("."), 0));
  if (pkg) this.decref(this.importModule(pkg));
  notFound(this, name, `No module named '${name}'${pkg ? `; '${pkg}' is not a package` : ""}`);
};

function notFound(vm: VM, name: string, msg: string): never {
  const e = vm.newException("ModuleNotFoundError", msg);
  vm.h.setSlotSteal(e, IMPORTERR_NAME, vm.h.newStr(name));
  throw new PyRaise(e);
}

/** `from m import name` where m has no such name: ImportError naming the module by its __name__ (a str; for
 *  what sys.modules held that has none, '<unknown module name>'). */
proto.importFromError = function (this: VM, m: Obj, name: string): never {
  let mn = this.getAttrOrNull(m, "__name__");
  if (mn && this.kindOf(mn) !== Kind.STR) mn = (this.decref(mn), 0);
  const e = this.newException("ImportError", `cannot import name '${name}' from '${mn ? this.str(mn) : "<unknown module name>"}' (unknown location)`);
  if (mn) this.h.setSlotSteal(e, IMPORTERR_NAME, mn);
  throw new PyRaise(e);
};

declare module "./vm.js" {
  interface VM {
    moduleFactories: Map<string, () => Obj>;
    /** sys.modules as the sys module made it (owned: the program may rebind the name; 0 before `import sys`
     *  and after shutdown emptied it): every imported module. */
    sysModules: Obj;
    newModule(name: string): Obj;
    genFrame(g: Obj): Obj;
    genYieldFrom(g: Obj): Obj;
    runCode(code: import("../compile/code.js").CodeObject, globals: Obj, locals: Obj, arena: boolean): Obj;
  }
}

proto.newModule = function (this: VM, name: string): Obj {
  const h = this.h;
  const m = h.newObject(this.T.module);
  const d = h.newDict("dict()");
  h.setSlotSteal(m, L.MODULE_DICT, d);
  const n = this.intern(name);
  h.setSlotSteal(m, L.MODULE_NAME, n);
  this.dictSetStr(d, this.name("__name__"), n);
  return m;
};


declare module "./vm.js" {
  interface VM {
    compileBuiltin(args: Obj[], kw?: KwArgs | null): Obj;
    listDelSlice(l: Obj, sl: Obj): void;
  }
}


export { PyErr };

/**
 * PySequence_Fast: an exact list or tuple itself, anything else iterable copied into a new list (a
 * TypeError from iter() becomes `message`). NEW reference.
 */
function sequenceFast(vm: VM, v: Obj, message: string): Obj {
  const k = vm.kindOf(v);
  if ((k === Kind.LIST || k === Kind.TUPLE) && !vm.typeInfo(v).heap) return vm.newRef(v);
  let it: Obj;
  try {
    it = vm.getIter(v);
  } catch (e) {
    if (e instanceof PyRaise && vm.isInstance(e.exc, vm.T.TypeError)) {
      vm.decref(e.exc);
      vm.typeError(message);
    }
    throw e;
  }
  try {
    const l = vm.h.newList([], "display");
    try {
      vm.listExtendFrom(l, it);
    } catch (e) {
      vm.decref(l);
      throw e;
    }
    return l;
  } finally {
    vm.decref(it);
  }
}

function listCore(vm: VM): Record<string, (...a: number[]) => number> {
  return (vm.h as unknown as { core: Record<string, (...a: number[]) => number> }).core;
}

/** del l[sl] as list_ass_subscript: a plain slice through list_ass_slice (released last to first), an
 *  extended one compacted in one pass (released first to last); one list_resize either way. */
proto.listDelSlice = function (this: VM, l: Obj, sl: Obj): void {
  const [start, stop, step, n] = this.sliceIndices(sl, () => this.h.listLen(l));
  const c = listCore(this);
  const ok = step === 1 ? c.list_ass_slice(l, start, stop, 0) : c.list_del_extended(l, start, step, n);
  if (!ok) throw new HeapError("NO_MEMORY", abi.STATUS_NO_MEMORY, "list slice deletion failed");
};

/** l[sl] = v as list_ass_subscript: a plain slice through list_ass_slice (one move, one resize), an
 *  extended one in place with the old items released first to last once all are replaced. */
proto.listSetSlice = function (this: VM, l: Obj, sl: Obj, v: Obj): void {
  const h = this.h;
  const [start, stop, step, n] = this.sliceIndices(sl, () => h.listLen(l));
  if (step === 1) {
    const src = v === l ? this.newRef(v) : sequenceFast(this, v, "can only assign an iterable");
    try {
      const ok = listCore(this).list_ass_slice(l, start, stop, src);
      if (!ok) throw new HeapError("NO_MEMORY", abi.STATUS_NO_MEMORY, "list slice assignment failed");
    } finally {
      this.decref(src);
    }
    return;
  }
  const seq = v === l ? h.newList(this.listItems(l), "display") : sequenceFast(this, v, "must assign iterable to extended slice");
  try {
    const repl = this.kindOf(seq) === Kind.LIST ? this.listItems(seq).slice() : this.tupleItems(seq);
    if (repl.length !== n) this.raise("ValueError", `attempt to assign sequence of size ${repl.length} to extended slice of size ${n}`);
    const garbage: Obj[] = [];
    for (let i = 0, j = start; i < n; i++, j += step) {
      const old = h.listGet(l, j);
      h.incref(old);
      garbage.push(old);
      h.listSet(l, j, repl[i]);
    }
    for (const x of garbage) h.decref(x);
  } finally {
    this.decref(seq);
  }
};

/** The instance of the builtin subclass t that holds the value of o (a new exact str/int/float/tuple,
 *  STOLEN), as the base type's subtype_new copies its temporary: new reference. */
proto.retype = function (this: VM, o: Obj, t: Obj): Obj {
  const h = this.h;
  let r: Obj;
  try {
    switch (this.kindOf(o)) {
      case Kind.STR:
        r = h.newStrSub(t, o);
        break;
      case Kind.INT:
      case Kind.BOOL:
        r = h.newIntSub(t, o);
        break;
      case Kind.FLOAT:
        r = h.newFloatSub(t, h.readFloat(o));
        break;
      case Kind.BYTES:
        r = h.newBytesSub(t, o);
        break;
      case Kind.COMPLEX:
        // complex_subtype_from_doubles: the subclass's own allocation (no values array), the two doubles
        r = h.newObject(t, 0, false);
        h.setF64(r, 16, h.getF64(o, 16));
        h.setF64(r, 24, h.getF64(o, 24));
        break;
      case Kind.TUPLE: {
        const items = this.tupleItems(o);
        r = h.newObject(t, items.length);
        for (let i = 0; i < items.length; i++) h.setSlot(r, abi.TUPLE_ITEMS + 8 * i, items[i]);
        break;
      }
      default:
        this.typeError(`subclasses of '${this.typeName(o)}' are not supported: cannot create '${this.infoOfType(t).name}' instances`);
    }
  } finally {
    this.decref(o);
  }
  return r;
};

declare module "./vm.js" {
  interface VM {
    /**
     * Ends the run as the eval loop does every 4096 steps when the interrupt flag is set or the wall time
     * is past (throws LimitExceeded "time"). For builtins that handle many items inside one instruction:
     * they call it every INTERRUPT_POLL_ITEMS items, and leave their owned references released on the way
     * out as for any exception.
     */
    pollInterrupt(): void;
  }
}

proto.pollInterrupt = function (this: VM): void {
  if (this.interrupt !== undefined && Atomics.load(this.interrupt, 0) !== 0) throw new LimitExceeded("time", INTERRUPTED);
  if (Date.now() > this.deadline) throw new LimitExceeded("time", "time limit exceeded");
};
