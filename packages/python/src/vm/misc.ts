/**
 * The smaller pieces of the VM: name lookups and their errors, LOAD_METHOD, generators' state
 * save/restore, ranges, dict views, set algebra, %-formatting and str.format, the REPL echo, imports,
 * exec/eval.
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
import { formatFloat, formatInt } from "../objects/format-spec.js";
import { PyErr } from "../objects/errors.js";
import { PySyntaxError } from "../parse/errors.js";

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
  if (!d) {
    this.typeError(`'${this.typeName(o)}' object does not support the context manager protocol`);
  }
  return this.bindDescr(d, o, this.h.typeOf(o));
};

proto.emptyTuple = function (this: VM): Obj {
  return this.h.newTuple([]);
};

proto.tupleFrom = function (this: VM, o: Obj): Obj {
  if (this.kindOf(o) === Kind.TUPLE) return this.newRef(o);
  return this.h.newTupleSteal(this.collect(o));
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
  return t === vm.T.dict_keys ? 0 : t === vm.T.dict_values ? 1 : 2;
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

proto.viewRepr = function (this: VM, v: Obj): string {
  const d = this.h.getSlot(v, L.NATIVE_A);
  const k = viewKind(this, v);
  const names = ["dict_keys", "dict_values", "dict_items"];
  const parts = this.dictEntries(d).map(([key, val]) => (k === 0 ? this.repr(key) : k === 1 ? this.repr(val) : `(${this.repr(key)}, ${this.repr(val)})`));
  return `${names[k]}([${parts.join(", ")}])`;
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
  const h = this.h;
  if (this.kindOf(fmtObj) !== Kind.STR) return 0;
  const fmt = this.str(fmtObj);
  const isTuple = this.kindOf(argsObj) === Kind.TUPLE;
  const args = isTuple ? this.tupleItems(argsObj) : [argsObj];
  const isMap = !isTuple && (this.kindOf(argsObj) === Kind.DICT || (this.typeInfo(argsObj).heap && !!this.lookupType(this.typeInfo(argsObj), "__getitem__")));
  let ai = 0;
  let out = "";
  let usedMap = false;
  const next = (): Obj => {
    if (ai >= args.length) this.typeError("not enough arguments for format string");
    return args[ai++];
  };
  let single: Obj = 0;
  let pieces = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    i++;
    let key: string | null = null;
    if (fmt[i] === "(") {
      const j = fmt.indexOf(")", i);
      key = fmt.slice(i + 1, j);
      i = j + 1;
    }
    let flags = "";
    while ("-+ #0".includes(fmt[i])) flags += fmt[i++];
    let width = "";
    if (fmt[i] === "*") {
      width = String(this.index(next()));
      i++;
    } else while (/\d/.test(fmt[i])) width += fmt[i++];
    let prec = "";
    if (fmt[i] === ".") {
      i++;
      prec = ".";
      if (fmt[i] === "*") {
        prec += String(this.index(next()));
        i++;
      } else while (/\d/.test(fmt[i])) prec += fmt[i++];
      if (prec === ".") prec = ".0";
    }
    const conv = fmt[i];
    if (conv === "%") {
      out += "%";
      continue;
    }
    let v: Obj;
    let owned = false;
    if (key !== null) {
      if (!isMap) this.typeError("format requires a mapping");
      const k = h.newStr(key);
      try {
        v = this.getItem(argsObj, k);
      } finally {
        h.decref(k);
      }
      owned = true;
      usedMap = true;
    } else v = next();
    pieces++;
    try {
      const align = flags.includes("-") ? "<" : "";
      const zero = flags.includes("0") && !flags.includes("-") ? "0" : "";
      const sign = flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
      const alt = flags.includes("#") ? "#" : "";
      let piece: string;
      switch (conv) {
        case "s":
        case "r":
        case "a": {
          let s: string;
          if (conv === "s") {
            if (!width && !prec && this.kindOf(v) === Kind.STR && !this.typeInfo(v).heap) single = v;
            s = this.strOf(v);
          } else if (conv === "r") s = this.repr(v);
          else {
            const r = this.asciiObj(v);
            s = this.str(r);
            h.decref(r);
          }
          // a lone %s / %r of a bool is the bool's one static str
          if (conv !== "a" && !width && !prec && this.kindOf(v) === Kind.BOOL) single = this.boolStr(v === this.True);
          if (prec) s = s.slice(0, Number(prec.slice(1)));
          piece = width ? (align ? s.padEnd(Number(width)) : s.padStart(Number(width))) : s;
          break;
        }
        case "d":
        case "i":
        case "u": {
          const k = this.kindOf(v);
          let n: bigint;
          if (k === Kind.FLOAT) n = BigInt(Math.trunc(h.readFloat(v)));
          else if (k === Kind.INT || k === Kind.BOOL) n = h.readInt(v);
          else this.typeError(`%${conv} format: a real number is required, not ${this.typeName(v)}`);
          piece = formatInt(n, `${align}${sign}${zero}${width}d`);
          break;
        }
        case "x":
        case "X":
        case "o": {
          const kv = this.kindOf(v);
          if (kv !== Kind.INT && kv !== Kind.BOOL && !(this.typeInfo(v).heap && this.lookupType(this.typeInfo(v), "__index__"))) {
            this.typeError(`%${conv} format: an integer is required, not ${this.typeName(v)}`);
          }
          const n = this.index(v);
          piece = formatInt(n, `${align}${sign}${alt}${zero}${width}${conv}`);
          break;
        }
        case "e":
        case "E":
        case "f":
        case "F":
        case "g":
        case "G":
          piece = formatFloat(this.toFloat(v), `${align}${sign}${alt}${zero}${width}${prec || ".6"}${conv}`);
          break;
        case "c": {
          const k = this.kindOf(v);
          if (k === Kind.STR && [...this.str(v)].length !== 1) this.typeError("%c requires int or char");
          piece = k === Kind.STR ? this.str(v) : String.fromCodePoint(Number(this.index(v)));
          if (width) piece = align ? piece.padEnd(Number(width)) : piece.padStart(Number(width));
          break;
        }
        default:
          this.raise("ValueError", `unsupported format character '${conv}' (0x${(conv ?? "").charCodeAt(0).toString(16)}) at index ${i}`);
      }
      out += piece;
    } catch (e) {
      throw this.wrapErr(e);
    } finally {
      if (owned) h.decref(v);
    }
  }
  if (!usedMap && !isMap && ai < args.length) this.typeError("not all arguments converted during string formatting");
  if (single && pieces === 1 && out === this.str(single)) return this.newRef(single);
  if ([...out].length === 1) return h.newStr(out);
  return h.newStr(out);
};

proto.strFormat = function (this: VM, fmtObj: Obj, args: Obj[], kw: KwArgs | null, mapping?: Obj, numbering?: FieldNumbering): Obj {
  // the first field's value is held while later fields are formatted: released if one of them raises
  const held: Obj[] = [];
  try {
    return strFormatFields.call(this, fmtObj, args, kw, mapping, held, numbering ?? { auto: 0, manual: false });
  } catch (e) {
    for (const o of held) this.h.decref(o);
    throw e;
  }
};

/** The automatic field numbering of one str.format call, shared with the fields nested in its specs
 *  ('{:>{}}'.format('x', 4) takes 'x' then 4). */
export interface FieldNumbering {
  auto: number;
  manual: boolean;
}

function strFormatFields(this: VM, fmtObj: Obj, args: Obj[], kw: KwArgs | null, mapping: Obj | undefined, held: Obj[], num: FieldNumbering): Obj {
  const h = this.h;
  const fmt = this.str(fmtObj);
  let out = "";
  let onlyValue: Obj = 0;
  let pieces = 0;
  let literal = false;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === "{" && fmt[i + 1] === "{") {
      out += "{";
      i++;
      literal = true;
      continue;
    }
    if (c === "}" && fmt[i + 1] === "}") {
      out += "}";
      i++;
      literal = true;
      continue;
    }
    if (c !== "{") {
      if (c === "}") this.raise("ValueError", "Single '}' encountered in format string");
      out += c;
      literal = true;
      continue;
    }
    let depth = 1;
    let j = i + 1;
    while (j < fmt.length && depth) {
      if (fmt[j] === "{") depth++;
      else if (fmt[j] === "}") depth--;
      if (depth) j++;
    }
    if (depth) this.raise("ValueError", i + 1 === fmt.length ? "Single '{' encountered in format string" : "expected '}' before end of string");
    const field = fmt.slice(i + 1, j);
    i = j;
    let spec = "";
    let conv = "";
    let name = field;
    const colon = field.indexOf(":");
    if (colon >= 0) {
      spec = field.slice(colon + 1);
      name = field.slice(0, colon);
    }
    const bang = name.indexOf("!");
    if (bang >= 0) {
      conv = name.slice(bang + 1);
      name = name.slice(0, bang);
    }
    const m = /^([^.[]*)(.*)$/.exec(name)!;
    let v: Obj;
    const first = m[1];
    if (first === "" && num.manual) this.raise("ValueError", "cannot switch from manual field specification to automatic field numbering");
    if (/^\d+$/.test(first) && num.auto > 0) this.raise("ValueError", "cannot switch from automatic field numbering to manual field specification");
    if (/^\d+$/.test(first)) num.manual = true;
    if (first === "") {
      if (num.auto >= args.length) this.raise("IndexError", `Replacement index ${num.auto} out of range for positional args tuple`);
      v = this.newRef(args[num.auto++]);
    } else if (/^\d+$/.test(first)) {
      const n = Number(first);
      if (n >= args.length) this.raise("IndexError", `Replacement index ${n} out of range for positional args tuple`);
      v = this.newRef(args[n]);
    } else {
      let found: Obj = 0;
      if (mapping) {
        const k = h.newStr(first);
        try {
          found = this.getItem(mapping, k);
        } finally {
          h.decref(k);
        }
      } else {
        const idx = kw ? kw.names.indexOf(first) : -1;
        if (idx < 0) this.keyError(h.newStr(first));
        found = this.newRef(kw!.values[idx]);
      }
      v = found;
    }
    let rest = m[2];
    while (rest) {
      const am = /^\.(\w+)/.exec(rest);
      if (am) {
        const nv = this.getAttr(v, am[1]);
        h.decref(v);
        v = nv;
        rest = rest.slice(am[0].length);
        continue;
      }
      const im = /^\[([^\]]*)\]/.exec(rest);
      if (im) {
        const key = /^\d+$/.test(im[1]) ? this.newInt(BigInt(im[1])) : h.newStr(im[1]);
        try {
          const nv = this.getItem(v, key);
          h.decref(v);
          v = nv;
        } finally {
          h.decref(key);
        }
        rest = rest.slice(im[0].length);
        continue;
      }
      break;
    }
    try {
      if (conv) {
        const c = conv === "r" ? this.reprObj(v) : conv === "s" ? this.strObj(v) : this.asciiObj(v);
        h.decref(v);
        v = c;
      }
      if (spec.includes("{")) {
        const inner = h.newStr(spec);
        try {
          const r = this.strFormat(inner, args, kw, mapping, num);
          spec = this.str(r);
          h.decref(r);
        } finally {
          h.decref(inner);
        }
      }
      // str.format calls the formatter of an exact str, int, float or complex itself (no __format__ lookup)
      const vt = this.typeInfo(v);
      const direct = !vt.heap && (vt.kind === Kind.STR || vt.kind === Kind.INT || vt.kind === Kind.FLOAT || vt.kind === Kind.COMPLEX);
      const r = this.format(v, spec, !direct);
      pieces++;
      out += this.str(r);
      if (onlyValue) {
        h.decref(onlyValue);
        onlyValue = 0;
        held.length = 0;
      }
      if (pieces === 1 && !spec) held[0] = onlyValue = r;
      else h.decref(r);
    } finally {
      h.decref(v);
    }
  }
  held.length = 0;
  if (pieces === 1 && onlyValue && !literal) return onlyValue;
  if (onlyValue) h.decref(onlyValue);
  return h.newStr(out);
}

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
  const m = this.modules.get(name);
  if (m) return this.newRef(m);
  const make = this.moduleFactories?.get(name);
  if (make) {
    const mod = make();
    this.modules.set(name, mod);
    return this.newRef(mod);
  }
  // a dotted name imports its package first, and no module here is a package
  const pkg = name.slice(0, Math.max(name.lastIndexOf("."), 0));
  if (pkg) this.decref(this.importModule(pkg));
  const e = this.newException("ModuleNotFoundError", `No module named '${name}'${pkg ? `; '${pkg}' is not a package` : ""}`);
  this.h.setSlotSteal(e, IMPORTERR_NAME, this.h.newStr(name));
  throw new PyRaise(e);
};

/** `from m import name` where m has no such name: ImportError naming the module (its __name__). */
proto.importFromError = function (this: VM, m: Obj, name: string): never {
  const mn = this.h.getSlot(m, L.MODULE_NAME);
  const e = this.newException("ImportError", `cannot import name '${name}' from '${this.str(mn)}' (unknown location)`);
  this.h.setSlot(e, IMPORTERR_NAME, mn);
  throw new PyRaise(e);
};

declare module "./vm.js" {
  interface VM {
    moduleFactories: Map<string, () => Obj>;
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

proto.evalSource = function (this: VM, args: Obj[], mode: "eval" | "exec"): Obj {
  const h = this.h;
  const src = args[0];
  const f = this.frame!;
  const globals = args[1] && args[1] !== this.None ? args[1] : f.globals;
  const locals = args[2] && args[2] !== this.None ? args[2] : args[1] && args[1] !== this.None ? globals : f.locals || f.globals;
  if (this.kindOf(globals) === Kind.DICT && !this.dictGetStr(globals, "__builtins__")) this.dictSetStr(globals, this.name("__builtins__"), this.builtinsModule);
  if (this.kindOf(src) === Kind.CODE) {
    const fr = new Frame(this.codeInfo(src), 0, globals, this.builtins, this.newRef(locals), this.frame);
    const r = this.evalFrame(fr);
    if (mode === "exec") {
      h.decref(r);
      return this.none();
    }
    return r;
  }
  if (this.kindOf(src) !== Kind.STR) this.typeError(`${mode}() arg 1 must be a string, bytes or code object`);
  let text = this.str(src);
  if (mode === "eval") text = text.replace(/^[ \t]+/, "");
  let unit: { code: import("../compile/code.js").CodeObject };
  try {
    unit = this.host.compile(text, "<string>", mode);
  } catch (e) {
    throw compileError(this, e, text, mode);
  }
  // the source's parse tree holds one more reference to each constant while it runs
  const outer = this.arena;
  this.arena = [];
  const co = this.materialize(unit.code, true);
  try {
    const fr = new Frame(this.codeInfo(co), 0, globals, this.builtins, this.newRef(locals), this.frame);
    const r = this.evalFrame(fr);
    if (mode === "exec") {
      h.decref(r);
      return this.none();
    }
    return r;
  } finally {
    h.decref(co);
    this.releaseArena();
    this.arena = outer;
  }
};

declare module "./vm.js" {
  interface VM {
    compileBuiltin(args: Obj[]): Obj;
    listDelSlice(l: Obj, sl: Obj): void;
  }
}

proto.compileBuiltin = function (this: VM, args: Obj[]): Obj {
  if (args.length < 3) this.typeError(`compile() missing required argument 'mode' (pos 3)`);
  const text = this.str(args[0]);
  const fname = this.str(args[1]);
  const mode = this.str(args[2]);
  if (mode !== "exec" && mode !== "eval" && mode !== "single") this.raise("ValueError", "compile() mode must be 'exec', 'eval' or 'single'");
  let unit: { code: import("../compile/code.js").CodeObject };
  try {
    unit = this.host.compile(mode === "eval" ? text.replace(/^[ \t]+/, "") : text, fname, mode === "eval" ? "eval" : "exec");
  } catch (e) {
    throw compileError(this, e, text, mode);
  }
  return this.materialize(unit.code, false);
};

/** The SyntaxError (IndentationError, TabError) a parse error of `source` raises in compile(), exec() and eval(),
 *  made by its class from (msg, (filename, lineno, offset, text, end_lineno, end_offset)); text is the source's
 *  line with a newline (none on an eval()'s last line), as CPython's. Anything else as wrapErr does. */
function compileError(vm: VM, e: unknown, source: string, mode: string): unknown {
  if (!(e instanceof PySyntaxError)) return vm.wrapErr(e);
  const i = e.info;
  const h = vm.h;
  const lines = source.split("\n");
  const text = i.lineno <= lines.length ? lines[i.lineno - 1] + (i.lineno < lines.length || mode !== "eval" ? "\n" : "") : i.text;
  // CPython's parser gives these errors no end column (-1, stored plus one)
  const end = i.msg === "unexpected indent" ? -1 : i.msg.endsWith("was never closed") ? 0 : i.end_offset;
  const n = (x: number) => vm.newInt(BigInt(x));
  const args = [h.newStr(i.msg), h.newTupleSteal([h.newStr(i.filename), n(i.lineno), n(i.offset), h.newStr(text), n(i.end_lineno), n(end)])];
  try {
    return new PyRaise(vm.callType(vm.T[i.type], args, null));
  } finally {
    for (const a of args) h.decref(a);
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
  const [start, stop, step, n] = this.sliceIndices(sl, this.h.listLen(l));
  const c = listCore(this);
  const ok = step === 1 ? c.list_ass_slice(l, start, stop, 0) : c.list_del_extended(l, start, step, n);
  if (!ok) throw new HeapError("NO_MEMORY", abi.STATUS_NO_MEMORY, "list slice deletion failed");
};

/** l[sl] = v as list_ass_subscript: a plain slice through list_ass_slice (one move, one resize), an
 *  extended one in place with the old items released first to last once all are replaced. */
proto.listSetSlice = function (this: VM, l: Obj, sl: Obj, v: Obj): void {
  const h = this.h;
  const len = h.listLen(l);
  const [start, stop, step, n] = this.sliceIndices(sl, len);
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
