/**
 * Methods of the builtin types: str, bytes, list, tuple, dict (and its views), set/frozenset, int, float,
 * generators, exceptions and object. Results follow CPython 3.11, including when the very same object is
 * returned (`s.strip()` with nothing to strip) and which one-character results are the cached objects.
 */
import { intFromBytes, intToBytes } from "./int-bytes.js";
import { strRare } from "./str-rare.js";
import { floatFromHex, floatHex, floatRatio } from "./float-rare.js";
import type { Obj } from "../vm/heap-api.js";
import { Kind, type KwArgs, type NativeFn, type TypeInfo } from "../vm/types.js";
import { PyRaise, type VM } from "../vm/vm.js";
import { rarely } from "../vm/rarely.js";
import * as L from "../vm/layouts.js";
import { abi } from "@pyheap/heap";
import { checkExcKeywords, dictInitFrom, kwarg, nargs, onlyKw, setExcFields, sortList } from "./functions.js";
import { isPrintable } from "../objects/str-repr.js";
import { formatFloat } from "../objects/format-spec.js";
import { encodeStr, installBytes } from "./bytes.js";
import { installTypeMethods } from "../vm/classes.js";
import { rangeBounds } from "../vm/ranges.js";
import { deriveGroup } from "../vm/exc-group.js";

export function installMethods(vm: VM): void {
  installStr(vm);
  installList(vm);
  installTuple(vm);
  installDict(vm);
  installSet(vm);
  installNumbers(vm);
  installMisc(vm);
  installBytes(vm);
  installArity(vm);
  installSlots(vm);
}

const group = (k: Kind) => (k === Kind.BOOL ? Kind.INT : k === Kind.FROZENSET ? Kind.SET : k);
const sized = (k: Kind) => k !== Kind.INT && k !== Kind.FLOAT;
const CMP_NAMES = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
type Slot = [string, number, (k: Kind) => boolean, (vm: VM, o: Obj, x: Obj, ti: TypeInfo, k: Kind) => Obj];
/** The slots a builtin type below gets a method for where it defines none (name, argument count, the kinds
 *  that have it, the operation's raw entry point on the instance, so that a subclass's override that calls
 *  it is not re-entered); a comparison is NotImplemented unless the other operand is of a kind the type
 *  compares with. */
const PROTOCOL_SLOTS: Slot[] = [
  ...CMP_NAMES.map((n, op): Slot => [n, 1, () => true, (vm, o, x, _ti, k) => {
    const kb = group(vm.kindOf(x));
    const ok = (kb === k || (k === Kind.FLOAT && kb === Kind.INT)) && (k !== Kind.DICT || op === 2 || op === 3);
    return (ok && vm.compareRaw(o, x, op)) || vm.newRef(vm.NotImplemented);
  }]),
  ["__len__", 0, sized, (vm, o, _x, ti) => vm.newInt(BigInt(vm.nativeLen(o, ti)))],
  ["__contains__", 1, sized, (vm, o, x, ti) => vm.bool(vm.containsRaw(o, x, ti))],
  ["__iter__", 0, sized, (vm, o, _x, ti) => vm.iterRaw(o, ti)],
  ["__getitem__", 1, (k) => sized(k) && group(k) !== Kind.SET, (vm, o, x, ti) => vm.getItemRaw(o, x, ti)],
  // sq_repeat: the count is an index (__index__), whichever side the sequence is on
  ...["__mul__", "__rmul__", "__imul__"].map((n, i): Slot => [n, 1, (k) => k === Kind.LIST || (i < 2 && (k === Kind.STR || k === Kind.TUPLE || k === Kind.BYTES)), (vm, o, x) => {
    const c = vm.newInt(vm.index(x));
    try {
      return vm.binaryRaw(o, c, i > 1 ? 18 : 5);
    } finally {
      vm.decref(c);
    }
  }]),
  ...([["__add__", 0], ["__mod__", 6]] as const).map(([n, op]): Slot => [n, 1, (k) => k === Kind.BYTES, (vm, o, x) => vm.binaryRaw(o, x, op) || vm.newRef(vm.NotImplemented)]),
  // the operators of set, frozenset (not in place) and dict (| only); reflected: the operands swapped
  ...([["and", 1], ["or", 7], ["sub", 10], ["xor", 12]] as const).flatMap(([n, op]) => ["", "r", "i"].map((p): Slot => [`__${p}${n}__`, 1,
    (k) => (group(k) === Kind.SET && (p !== "i" || k === Kind.SET)) || (k === Kind.DICT && op === 7),
    (vm, o, x) => (p === "r" ? vm.binaryRaw(x, o, op) : vm.binaryRaw(o, x, p ? op + 13 : op)) || vm.newRef(vm.NotImplemented)])),
  // copy's and pickle's arguments for __new__: the value as an exact object of the builtin type
  ["__getnewargs__", 0, (k) => sized(k) ? k === Kind.STR || k === Kind.BYTES || k === Kind.TUPLE : true, (vm, o, _x, ti) => {
    const h = vm.h;
    const k = ti.kind;
    const v = k === Kind.TUPLE ? (ti.heap ? h.newTuple(vm.tupleItems(o)) : vm.newRef(o)) : k === Kind.FLOAT ? h.newFloat(h.readFloat(o)) : k === Kind.STR ? h.newStr(vm.str(o)) : k === Kind.BYTES ? h.newBytes(h.readBytes(o)) : vm.newInt(h.readInt(o));
    return vm.h.newTupleSteal([v]);
  }],
  // str % other with the operands swapped: only a format of the same kind
  ["__rmod__", 1, (k) => k === Kind.STR || k === Kind.BYTES, (vm, o, x, ti) => (vm.kindOf(x) === ti.kind && vm.binaryRaw(x, o, 6)) || vm.newRef(vm.NotImplemented)],
  // list, dict and set: lookupType finds None first
  ["__hash__", 0, () => true, (vm, o, _x, ti) => vm.newInt(vm.nativeHash(o, ti))],
  ["__repr__", 0, () => true, (vm, o, _x, ti) => {
    if (ti.kind === Kind.FLOAT) return vm.h.newStrUncached(vm.nativeRepr(o, ti));
    vm.enterRecursive(" while getting the repr of an object");
    try {
      return vm.h.newStr(vm.nativeRepr(o, ti));
    } finally {
      vm.depth--;
    }
  }],
];

/** Give the builtin types below the PROTOCOL_SLOTS methods they do not define themselves. */
function installSlots(vm: VM): void {
  for (const tn of ["int", "float", "str", "bytes", "tuple", "list", "dict", "set", "frozenset"]) {
    const base = vm.infoOfType(vm.T[tn]);
    const k = group(base.kind);
    for (const [name, argc, has, fn] of PROTOCOL_SLOTS) {
      if (base.methods.has(name) || !has(base.kind)) continue;
      const f: NativeFn = (args) => {
        if (args.length !== argc + 1) vm.typeError(`expected ${argc} argument${argc === 1 ? "" : "s"}, got ${args.length - 1}`);
        return fn(vm, args[0], args[1], vm.typeInfo(args[0]), k);
      };
      base.methods.set(name, vm.defineNative(name, f, { qualname: `${tn}.${name}`, method: true }));
    }
  }
  vm.typeEpoch++;
}

/** Give every builtin iterator type (once all exist) the generator's __iter__ (itself) and __next__ (the next
 *  item, or StopIteration). */
export function installIteratorMethods(vm: VM): void {
  const gen = vm.infoOfType(vm.T.generator).methods;
  for (const ti of vm.typeInfos) if (ti.kind === Kind.ITER && !ti.heap) for (const n of ["__iter__", "__next__"]) if (!ti.methods.has(n)) ti.methods.set(n, gen.get(n)!);
  vm.typeEpoch++;
}

/** A binary operation's raw entry point as a method: NotImplemented where the builtin does not handle it. */
const rawBinary = (vm: VM, op: number): NativeFn => (args) => vm.binaryRaw(args[0], args[1], op) || vm.newRef(vm.NotImplemented);

/**
 * How many positional arguments (after self) a method takes, and the message CPython gives otherwise:
 * "o" one (METH_O), "none" none (METH_NOARGS), [min, max] for Argument Clinic's "expected" messages,
 * ["va", min, max] for PyArg_ParseTuple's "takes at least/most" ones.
 */
const ARITY: Record<string, "o" | "none" | [number, number] | ["va", number, number]> = {
  "list.append": "o", "list.index": [1, 3], "list.insert": [2, 2], "list.pop": [0, 1], "list.remove": "o", "list.count": "o", "list.extend": "o",
  "list.clear": "none", "list.copy": "none", "list.reverse": "none",
  "tuple.index": [1, 3], "tuple.count": "o",
  "dict.get": [1, 2], "dict.pop": [1, 2], "dict.setdefault": [1, 2], "dict.keys": "none", "dict.items": "none", "dict.values": "none",
  "dict.popitem": "none", "dict.clear": "none", "dict.copy": "none",
  "set.add": "o", "set.remove": "o", "set.discard": "o", "set.pop": "none", "set.clear": "none", "set.copy": "none",
  "set.issubset": "o", "set.issuperset": "o", "set.isdisjoint": "o", "frozenset.copy": "none", "frozenset.issubset": "o",
  "frozenset.issuperset": "o", "frozenset.isdisjoint": "o",
  "str.upper": "none", "str.lower": "none", "str.title": "none", "str.capitalize": "none", "str.swapcase": "none", "str.casefold": "none",
  "str.isdigit": "none", "str.isalpha": "none", "str.isalnum": "none", "str.isspace": "none", "str.islower": "none", "str.isupper": "none",
  "str.istitle": "none", "str.isdecimal": "none", "str.isnumeric": "none", "str.isidentifier": "none", "str.isascii": "none", "str.isprintable": "none",
  "str.find": ["va", 1, 3], "str.rfind": ["va", 1, 3], "str.index": ["va", 1, 3], "str.rindex": ["va", 1, 3], "str.count": ["va", 1, 3],
  "str.startswith": ["va", 1, 3], "str.endswith": ["va", 1, 3], "str.replace": [2, 3], "str.split": ["va", 0, 2], "str.rsplit": ["va", 0, 2],
  "str.join": "o", "str.center": [1, 2], "str.ljust": [1, 2], "str.rjust": [1, 2], "str.strip": [0, 1], "str.lstrip": [0, 1], "str.rstrip": [0, 1],
  "str.encode": ["va", 0, 2], "str.zfill": "o", "str.partition": "o", "str.rpartition": "o", "str.removeprefix": "o", "str.removesuffix": "o",
  "int.bit_length": "none", "int.bit_count": "none", "float.is_integer": "none", "float.hex": "none", "float.as_integer_ratio": "none",
};

/** Wrap the methods named in ARITY with CPython's argument-count check. */
function installArity(vm: VM): void {
  for (const n of vm.natives) {
    const spec = ARITY[n.qualname];
    if (!spec || !n.method) continue;
    const fn = n.fn;
    const qual = n.qualname;
    const name = n.name;
    const pl = (k: number) => (k === 1 ? "" : "s");
    // str.split, rsplit and encode (["va", 0, 2]) take keywords
    const kwOk = spec[1] === 0;
    n.fn = (args, kw) => {
      const c = args.length - 1;
      if (kw && kw.names.length && !kwOk) vm.typeError(`${qual}() takes no keyword arguments`);
      if (spec === "o") {
        if (c !== 1) vm.typeError(`${qual}() takes exactly one argument (${c} given)`);
      } else if (spec === "none") {
        if (c !== 0) vm.typeError(`${qual}() takes no arguments (${c} given)`);
      } else if (spec[0] === "va") {
        const [, lo, hi] = spec;
        if (c < lo) vm.typeError(`${name}() takes at least ${lo} argument${pl(lo)} (${c} given)`);
        if (c > hi) vm.typeError(`${name}() takes at most ${hi} argument${pl(hi)} (${c} given)`);
      } else {
        const [lo, hi] = spec;
        if (lo === hi && c !== lo) vm.typeError(`${name} expected ${lo} argument${pl(lo)}, got ${c}`);
        if (c < lo) vm.typeError(`${name} expected at least ${lo} argument${pl(lo)}, got ${c}`);
        if (c > hi) vm.typeError(`${name} expected at most ${hi} argument${pl(hi)}, got ${c}`);
      }
      return fn(args, kw);
    };
  }
}

function sArg(vm: VM, o: Obj, pre = "must be "): string {
  if (vm.kindOf(o) !== Kind.STR) vm.typeError(`${pre}str, not ${vm.typeName(o)}`);
  return vm.str(o);
}

function optInt(vm: VM, o: Obj | undefined, dflt: number): number {
  if (!o || o === vm.None) return dflt;
  return Number(vm.index(o));
}

/** The items of join's argument (new references): "can only join an iterable" for anything else. */
function collectJoin(vm: VM, o: Obj): Obj[] {
  let it: Obj;
  try {
    it = vm.getIter(o);
  } catch (e) {
    if (!(e instanceof PyRaise) || !vm.isInstance(e.exc, vm.T.TypeError)) throw e;
    vm.decref(e.exc);
    vm.typeError("can only join an iterable");
  }
  // as PySequence_Fast: the items of that iterator, read through iter() of it (an iterator's own
  // __iter__ runs again; o's own __iter__ once)
  try {
    return vm.collect(it);
  } finally {
    vm.decref(it);
  }
}

/** An int from an integral float value (float.__floor__/__ceil__), CPython's errors for inf and nan. */
function floatToInt(vm: VM, x: number): Obj {
  if (Number.isNaN(x)) vm.raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(x)) vm.raise("OverflowError", "cannot convert float infinity to integer");
  return vm.newInt(BigInt(x));
}

/** A NEW reference: `o`, or for an instance of a subclass of int or float an exact copy of its value, so that
 *  an operation on it runs the builtin's code, not the subclass's own dunders. */
function exactNum(vm: VM, o: Obj): Obj {
  if (!vm.typeInfo(o).heap) return vm.newRef(o);
  const k = vm.kindOf(o);
  return k === Kind.FLOAT ? vm.h.newFloat(vm.h.readFloat(o)) : k === Kind.INT ? vm.newInt(vm.h.readInt(o)) : vm.newRef(o);
}

/** `fn` on exact copies of `args` (exactNum); a NEW reference. */
function onExact(vm: VM, args: Obj[], fn: (xs: Obj[]) => Obj): Obj {
  const xs = args.map((o) => exactNum(vm, o));
  try {
    return fn(xs);
  } finally {
    for (const x of xs) vm.decref(x);
  }
}

/** The builtin function `name` on exact copies of the arguments. */
const viaExact = (vm: VM, name: string, args: Obj[]): Obj => onExact(vm, args, (xs) => vm.call(vm.dictGetItem(vm.builtins, vm.name(name)), xs));

/** A binary slot as a method on exact copies of the operands: NotImplemented unless `ok(other)`. */
const exactOp = (vm: VM, ok: (o: Obj) => boolean) => (code: number, reflected: boolean): NativeFn => (args) => {
  if (!ok(args[1])) return vm.newRef(vm.NotImplemented);
  return onExact(vm, [args[0], args[1]], ([a, b]) => (reflected ? vm.binaryOp(b, a, code) : vm.binaryOp(a, b, code)));
};

/** int's arithmetic, bitwise and conversion slots as methods: int or bool operands (exact copies, so a
 *  subclass's own dunders are not re-entered), NotImplemented otherwise. */
function intArith(vm: VM): Record<string, NativeFn> {
  const h = vm.h;
  const isI = (o: Obj) => vm.kindOf(o) === Kind.INT || vm.kindOf(o) === Kind.BOOL;
  const op = exactOp(vm, isI);
  // divmod and three-argument pow go through the builtins, which check the operands the same way
  const viaBuiltin = (name: string, reflected: boolean): NativeFn => (args) => {
    if (!isI(args[1]) || (args[2] !== undefined && args[2] !== vm.None && !isI(args[2]))) return vm.newRef(vm.NotImplemented);
    const rest = args.slice(2).filter((o) => o !== vm.None);
    return viaExact(vm, name, reflected ? [args[1], args[0], ...rest] : [args[0], args[1], ...rest]);
  };
  const out: Record<string, NativeFn> = {};
  const ops: [string, number][] = [["add", 0], ["sub", 10], ["mul", 5], ["truediv", 11], ["floordiv", 2], ["mod", 6], ["and", 1], ["or", 7], ["xor", 12], ["lshift", 3], ["rshift", 9]];
  for (const [name, code] of ops) {
    out[`__${name}__`] = op(code, false);
    out[`__r${name}__`] = op(code, true);
  }
  out.__pow__ = viaBuiltin("pow", false);
  out.__rpow__ = viaBuiltin("pow", true);
  out.__divmod__ = viaBuiltin("divmod", false);
  out.__rdivmod__ = viaBuiltin("divmod", true);
  out.__round__ = (args) => viaExact(vm, "round", args);
  out.__bool__ = (args) => vm.bool(h.readInt(args[0]) !== 0n);
  out.__neg__ = (args) => vm.newInt(-h.readInt(args[0]));
  out.__pos__ = (args) => vm.newInt(h.readInt(args[0]));
  out.__abs__ = (args) => viaExact(vm, "abs", [args[0]]);
  out.__invert__ = (args) => vm.newInt(~h.readInt(args[0]));
  out.__float__ = (args) => h.newFloat(vm.toFloat(args[0]));
  out.__trunc__ = out.__floor__ = out.__ceil__ = (args) => vm.newInt(h.readInt(args[0]));
  return out;
}

/** float's arithmetic slots as methods: int, bool or float operands (exact copies, so a
 *  subclass's own dunders are not re-entered), NotImplemented otherwise. */
function floatArith(vm: VM): Record<string, NativeFn> {
  const h = vm.h;
  const num = (o: Obj) => {
    const k = vm.kindOf(o);
    return k === Kind.INT || k === Kind.BOOL || k === Kind.FLOAT;
  };
  const op = exactOp(vm, num);
  const out: Record<string, NativeFn> = {};
  const ops: [string, number][] = [["add", 0], ["sub", 10], ["mul", 5], ["truediv", 11], ["floordiv", 2], ["mod", 6], ["pow", 8]];
  for (const [name, code] of ops) {
    out[`__${name}__`] = op(code, false);
    out[`__r${name}__`] = op(code, true);
  }
  const divmod = (reflected: boolean): NativeFn => (args) => {
    if (!num(args[1])) return vm.newRef(vm.NotImplemented);
    return viaExact(vm, "divmod", reflected ? [args[1], args[0]] : [args[0], args[1]]);
  };
  out.__divmod__ = divmod(false);
  out.__rdivmod__ = divmod(true);
  return out;
}

// the characters whose titlecase differs from their uppercase: the DŽ, LJ, NJ and DZ digraphs
const TITLE_DIGRAPHS: Record<string, string> = {
  "\u01c4": "\u01c5", "\u01c5": "\u01c5", "\u01c6": "\u01c5", "\u01c7": "\u01c8", "\u01c8": "\u01c8", "\u01c9": "\u01c8",
  "\u01ca": "\u01cb", "\u01cb": "\u01cb", "\u01cc": "\u01cb", "\u01f1": "\u01f2", "\u01f2": "\u01f2", "\u01f3": "\u01f2",
};

/** The titlecase form of one character. */
function titleChar(c: string): string {
  return TITLE_DIGRAPHS[c] ?? c.toUpperCase();
}

/** Whether a start argument (counted from the end when negative) lies past the end: then find gives -1,
 *  count 0 and startswith False even for an empty needle. */
function pastEnd(vm: VM, startO: Obj | undefined, len: number): boolean {
  const st = optInt(vm, startO, 0);
  return (st < 0 ? Math.max(0, st + len) : st) > len;
}

/** A start or end argument as _PyEval_SliceIndex reads it (None the default where `noneOk`; a value past
 *  the index range clamped). */
function sliceIndex(vm: VM, o: Obj | undefined, dflt: number, noneOk: boolean): number {
  if (!o || (noneOk && o === vm.None)) return dflt;
  const k = vm.kindOf(o);
  if (k !== Kind.INT && k !== Kind.BOOL && !vm.lookupType(vm.typeInfo(o), "__index__")) {
    vm.typeError(`slice indices must be integers${noneOk ? " or None" : ""} or have an __index__ method`);
  }
  return Number(vm.index(o));
}

/** args[2] and args[3] as the start and end of a search in `len` items (str's accept None, list's and
 *  tuple's index do not), adjusted as a slice. */
function sliceArgs(vm: VM, args: Obj[], len: number, noneOk = true): [number, number] {
  return adjust(sliceIndex(vm, args[2], 0, noneOk), sliceIndex(vm, args[3], len, noneOk), len);
}

function adjust(start: number, end: number, len: number): [number, number] {
  if (start < 0) start = Math.max(0, start + len);
  if (end < 0) end = Math.max(0, end + len);
  return [Math.min(start, len), Math.min(end, len)];
}

function installStr(vm: VM): void {
  const h = vm.h;
  const S = (o: Obj) => vm.str(o);
  const same = (self: Obj, r: string, orig: string) => (r === orig && !vm.typeInfo(self).heap ? vm.newRef(self) : h.newStr(r));
  const fresh = (r: string) => (r.length === 1 ? h.newStrUncached(r) : h.newStr(r));
  const strip = (mode: 0 | 1 | 2) => (args: Obj[]) => {
    const s = S(args[0]);
    let r: string;
    if (args.length > 1 && args[1] !== vm.None) {
      if (vm.kindOf(args[1]) !== Kind.STR) vm.typeError(`${["strip", "lstrip", "rstrip"][mode]} arg must be None or str`);
      const chars = new Set([...sArg(vm, args[1])]);
      const cps = [...s];
      let a = 0;
      let b = cps.length;
      if (mode !== 2) while (a < b && chars.has(cps[a])) a++;
      if (mode !== 1) while (b > a && chars.has(cps[b - 1])) b--;
      r = cps.slice(a, b).join("");
    } else r = mode === 0 ? s.replace(/^\s+|\s+$/g, "") : mode === 1 ? s.replace(/^\s+/, "") : s.replace(/\s+$/, "");
    return same(args[0], r, s);
  };
  const splitWs = (s: string, max: number): string[] => {
    const out: string[] = [];
    let i = 0;
    const n = s.length;
    while (i < n) {
      while (i < n && /\s/.test(s[i])) i++;
      if (i >= n) break;
      if (max >= 0 && out.length === max) {
        out.push(s.slice(i).replace(/\s+$/, ""));
        return out;
      }
      let j = i;
      while (j < n && !/\s/.test(s[j])) j++;
      out.push(s.slice(i, j));
      i = j;
    }
    return out;
  };
  const strList = (self: Obj, orig: string, parts: string[], room = 0) =>
    vm.listRoom(parts.map((p) => (p === orig && !vm.typeInfo(self).heap ? vm.newRef(self) : h.newStr(p))), room);
  const room = (max: number, s = "", sep = "") => ([...s].length < [...sep].length ? 1 : max < 0 || max > 10 ? 12 : max + 1);
  const find = (rev: boolean, raise: boolean) => (args: Obj[]) => {
    const s = S(args[0]);
    const sub = sArg(vm, args[1]);
    const cps = [...s];
    const [a, b] = sliceArgs(vm, args, cps.length);
    if (pastEnd(vm, args[2], cps.length)) return raise ? (vm.raise("ValueError", "substring not found") as never) : vm.newInt(-1n);
    const hay = cps.slice(a, b).join("");
    let i = rev ? hay.lastIndexOf(sub) : hay.indexOf(sub);
    if (i >= 0) i = [...hay.slice(0, i)].length + a;
    if (i < 0 && raise) vm.raise("ValueError", "substring not found");
    if (b - a < [...sub].length) i = raise ? (vm.raise("ValueError", "substring not found") as never) : -1;
    return vm.newInt(BigInt(i));
  };
  const caseMap = (fn: (s: string) => string) => (args: Obj[]) => fresh(fn(S(args[0])));
  const pred = (fn: (s: string) => boolean) => (args: Obj[]) => vm.bool(fn(S(args[0])));
  const isCased = (c: string) => c.toLowerCase() !== c.toUpperCase();
  const table: Record<string, NativeFn> = {
    upper: caseMap((s) => s.toUpperCase()),
    lower: caseMap((s) => s.toLowerCase()),
    casefold: caseMap((s) => s.toLowerCase().replace(/ß/g, "ss")),
    swapcase: caseMap((s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("")),
    capitalize: caseMap((s) => (s ? titleChar([...s][0]) + [...s].slice(1).join("").toLowerCase() : s)),
    title: caseMap((s) => {
      let out = "";
      let prev = false;
      for (const c of s) {
        out += prev ? c.toLowerCase() : titleChar(c);
        prev = isCased(c) || /\p{L}|\p{N}/u.test(c) && isCased(c);
        prev = isCased(c);
      }
      return out;
    }),
    strip: strip(0),
    lstrip: strip(1),
    rstrip: strip(2),
    split: (args, kw) => {
      const s = S(args[0]);
      const sepO = args[1] ?? kwarg(kw, "sep");
      const max = optInt(vm, args[2] ?? kwarg(kw, "maxsplit"), -1);
      if (!sepO || sepO === vm.None) return strList(args[0], s, splitWs(s, max), room(max));
      if (vm.kindOf(sepO) !== Kind.STR) vm.typeError(`must be str or None, not ${vm.typeName(sepO)}`);
      const sep = sArg(vm, sepO);
      if (!sep) vm.raise("ValueError", "empty separator");
      const parts: string[] = [];
      let rest = s;
      while (max < 0 || parts.length < max) {
        const i = rest.indexOf(sep);
        if (i < 0) break;
        parts.push(rest.slice(0, i));
        rest = rest.slice(i + sep.length);
      }
      parts.push(rest);
      return strList(args[0], s, parts, room(max, s, sep));
    },
    rsplit: (args, kw) => {
      const s = S(args[0]);
      const sepO = args[1] ?? kwarg(kw, "sep");
      const max = optInt(vm, args[2] ?? kwarg(kw, "maxsplit"), -1);
      if (!sepO || sepO === vm.None) {
        if (max < 0) return strList(args[0], s, splitWs(s, -1), 12);
        const rev = splitWs([...s].reverse().join(""), max).map((p) => [...p].reverse().join("")).reverse();
        return strList(args[0], s, rev, room(max));
      }
      if (vm.kindOf(sepO) !== Kind.STR) vm.typeError(`must be str or None, not ${vm.typeName(sepO)}`);
      const sep = sArg(vm, sepO);
      const parts: string[] = [];
      let rest = s;
      while (max < 0 || parts.length < max) {
        const i = rest.lastIndexOf(sep);
        if (i < 0) break;
        parts.unshift(rest.slice(i + sep.length));
        rest = rest.slice(0, i);
      }
      parts.unshift(rest);
      return strList(args[0], s, parts, room(max, s, sep));
    },
    splitlines: (args, kw) => {
      const s = S(args[0]);
      const keep = args[1] ?? kwarg(kw, "keepends");
      const parts: string[] = [];
      const re = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
      let last = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s))) {
        parts.push(s.slice(last, keep && vm.truthy(keep) ? m.index + m[0].length : m.index));
        last = m.index + m[0].length;
      }
      if (last < s.length) parts.push(s.slice(last));
      return strList(args[0], s, parts);
    },
    join: (args) => {
      const src = args[1]!;
      // PySequence_Fast: an exact list or tuple is read as it is (no iterator, no copy); anything else
      // is collected first
      const st = h.typeOf(src);
      const fast = st === vm.T.list || st === vm.T.tuple;
      if (fast) {
        // joined in the core from the list's or tuple's own item array (it answers 0, nothing made, when
        // an item is no str: the loop below raises for the first such item)
        const n = h.getI32(src, abi.OB_SIZE);
        if (n !== 1) {
          // the loop below polls every 65536 items; the core's join takes a few ns an item, so once first
          if (n > 0xffff) vm.pollInterrupt();
          const arr = st === vm.T.list ? h.getI32(src, abi.LIST_ITEMS) >>> 0 : src + abi.TUPLE_ITEMS;
          const r = h.strJoinItems(arr, n, args[0]!);
          if (r !== 0) return r;
        }
      }
      const items = fast ? (st === vm.T.list ? vm.listItems(src) : vm.tupleItems(src)) : collectJoin(vm, src);
      try {
        for (let i = 0; i < items.length; i++) {
          const x = items[i]!;
          if (vm.kindOf(x) !== Kind.STR) vm.typeError(`sequence item ${i}: expected str instance, ${vm.typeName(x)} found`);
          if ((i & 0xffff) === 0xffff) vm.pollInterrupt();
        }
        if (items.length === 1 && !vm.typeInfo(items[0]).heap) return vm.newRef(items[0]);
        return h.strJoin(items, args[0]);
      } finally {
        if (!fast) for (const x of items) h.decref(x);
      }
    },
    replace: (args) => {
      const s = S(args[0]);
      const a = sArg(vm, args[1], "replace() argument 1 must be ");
      const b = sArg(vm, args[2], "replace() argument 2 must be ");
      const count = optInt(vm, args[3], -1);
      let r: string;
      if (count < 0) r = a === "" ? [...s].map((c) => b + c).join("") + b : s.split(a).join(b);
      else {
        r = s;
        let n = 0;
        let pos = 0;
        let out = "";
        while (n < count) {
          const i = r.indexOf(a, pos);
          if (i < 0) break;
          out += r.slice(pos, i) + b;
          pos = i + a.length;
          n++;
          if (a === "") {
            out += r[pos] ?? "";
            pos++;
          }
        }
        r = out + r.slice(pos);
      }
      if (r === s && !vm.typeInfo(args[0]).heap) return vm.newRef(args[0]);
      return r.length === 1 ? h.newStrUncached(r) : h.newStr(r);
    },
    find: find(false, false),
    rfind: find(true, false),
    index: find(false, true),
    rindex: find(true, true),
    count: (args) => {
      const s = S(args[0]);
      const sub = sArg(vm, args[1]);
      // without surrogate pairs, code points are UTF-16 units: no need to split the text
      const simple = !/[\ud800-\udfff]/.test(s);
      const cps = simple ? null : [...s];
      const len = simple ? s.length : cps!.length;
      const [a, b] = sliceArgs(vm, args, len);
      if (pastEnd(vm, args[2], len)) return vm.newInt(0n);
      const hay = simple ? s.slice(a, b) : cps!.slice(a, b).join("");
      if (sub === "") return vm.newInt(BigInt((simple ? hay.length : [...hay].length) + 1));
      let n = 0;
      let i = 0;
      while ((i = hay.indexOf(sub, i)) >= 0) {
        n++;
        i += sub.length;
      }
      return vm.newInt(BigInt(n));
    },
    startswith: (args) => {
      const s = S(args[0]);
      const [a, b] = sliceArgs(vm, args, s.length);
      const part = s.slice(a, b);
      const p = args[1];
      if (pastEnd(vm, args[2], s.length) && (vm.kindOf(p) === Kind.STR || vm.kindOf(p) === Kind.TUPLE)) return vm.bool(false);
      if (vm.kindOf(p) === Kind.TUPLE) return vm.bool(vm.tupleItems(p).some((x) => part.startsWith(sArg(vm, x, "tuple for startswith must only contain "))));
      if (vm.kindOf(p) !== Kind.STR) vm.typeError(`startswith first arg must be str or a tuple of str, not ${vm.typeName(p)}`);
      return vm.bool(part.startsWith(S(p)));
    },
    endswith: (args) => {
      const s = S(args[0]);
      const [a, b] = sliceArgs(vm, args, s.length);
      const part = s.slice(a, b);
      const p = args[1];
      if (pastEnd(vm, args[2], s.length) && (vm.kindOf(p) === Kind.STR || vm.kindOf(p) === Kind.TUPLE)) return vm.bool(false);
      if (vm.kindOf(p) === Kind.TUPLE) return vm.bool(vm.tupleItems(p).some((x) => part.endsWith(sArg(vm, x, "tuple for endswith must only contain "))));
      if (vm.kindOf(p) !== Kind.STR) vm.typeError(`endswith first arg must be str or a tuple of str, not ${vm.typeName(p)}`);
      return vm.bool(part.endsWith(S(p)));
    },
    partition: (args) => {
      const s = S(args[0]);
      const sep = sArg(vm, args[1]);
      if (!sep) vm.raise("ValueError", "empty separator");
      const i = s.indexOf(sep);
      if (i < 0) return h.newTupleSteal([vm.newRef(args[0]), h.newStr(""), h.newStr("")]);
      return h.newTupleSteal([h.newStr(s.slice(0, i)), vm.newRef(args[1]), h.newStr(s.slice(i + sep.length))]);
    },
    rpartition: (args) => {
      const s = S(args[0]);
      const sep = sArg(vm, args[1]);
      const i = s.lastIndexOf(sep);
      if (i < 0) return h.newTupleSteal([h.newStr(""), h.newStr(""), vm.newRef(args[0])]);
      return h.newTupleSteal([h.newStr(s.slice(0, i)), vm.newRef(args[1]), h.newStr(s.slice(i + sep.length))]);
    },
    center: (args) => padFn(vm, args, "center"),
    ljust: (args) => padFn(vm, args, "ljust"),
    rjust: (args) => padFn(vm, args, "rjust"),
    zfill: (args) => {
      const s = S(args[0]);
      const w = Number(vm.index(args[1]));
      const n = [...s].length;
      if (w <= n) return same(args[0], s, s);
      const sign = s[0] === "+" || s[0] === "-" ? s[0] : "";
      return h.newStr(sign + "0".repeat(w - n) + s.slice(sign.length));
    },
    removeprefix: (args) => {
      const s = S(args[0]);
      const p = sArg(vm, args[1], "removeprefix() argument must be ");
      return same(args[0], p && s.startsWith(p) ? s.slice(p.length) : s, s);
    },
    removesuffix: (args) => {
      const s = S(args[0]);
      const p = sArg(vm, args[1], "removesuffix() argument must be ");
      return same(args[0], p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s, s);
    },
    expandtabs: (args, kw) => strRare(vm, 0, args, kw),
    // decimal digits and the other Numeric_Type=Digit characters (superscripts, circled digits...)
    isdigit: pred((s) => s.length > 0 && /^[\p{Nd}\u{b2}-\u{b3}\u{b9}\u{1369}-\u{1371}\u{19da}\u{2070}\u{2074}-\u{2079}\u{2080}-\u{2089}\u{2460}-\u{2468}\u{2474}-\u{247c}\u{2488}-\u{2490}\u{24ea}\u{24f5}-\u{24fd}\u{24ff}\u{2776}-\u{277e}\u{2780}-\u{2788}\u{278a}-\u{2792}\u{10a40}-\u{10a43}\u{10e60}-\u{10e68}\u{11052}-\u{1105a}\u{1f100}-\u{1f10a}]+$/u.test(s)),
    isdecimal: pred((s) => s.length > 0 && /^\p{Nd}+$/u.test(s)),
    isnumeric: (args) => strRare(vm, 2, args),
    isalpha: pred((s) => s.length > 0 && /^\p{L}+$/u.test(s)),
    isalnum: pred((s) => s.length > 0 && /^[\p{L}\p{N}]+$/u.test(s)),
    isspace: pred((s) => s.length > 0 && /^\s+$/.test(s)),
    isascii: pred((s) => /^[\x00-\x7f]*$/.test(s)),
    isidentifier: pred((s) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(s)),
    isupper: pred((s) => [...s].some(isCased) && s === s.toUpperCase()),
    islower: pred((s) => [...s].some(isCased) && s === s.toLowerCase()),
    istitle: (args) => strRare(vm, 1, args),
    isprintable: pred((s) => [...s].every(isPrintable)),
    encode: (args, kw) => {
      const enc = args[1] ?? (kwarg(kw, "encoding") || undefined);
      const errs = args[2] ?? (kwarg(kw, "errors") || undefined);
      return h.newBytes(encodeStr(vm, S(args[0]), enc, "encode", errs));
    },
    format: (args, kw) => {
      // str.format is METH_VARARGS | METH_KEYWORDS: its call packs the arguments into a tuple (and the
      // keywords into a dict), both freed when it returns
      const packed = h.newTuple(args.slice(1));
      let kwd: Obj = 0;
      try {
        if (kw && kw.names.length) {
          kwd = h.newDict("display");
          for (let i = 0; i < kw.names.length; i++) h.dictSet(kwd, vm.name(kw.names[i]!), kw.values[i]!);
        }
        // the result is the template itself when it has no fields, or the argument itself when the
        // template is one plain field holding an exact str (what CPython's writer hands back unchanged)
        const tpl = S(args[0]);
        if (!/[{}]/.test(tpl) && !vm.typeInfo(args[0]).heap) return vm.newRef(args[0]);
        const one = /^\{(\d*|[A-Za-z_]\w*)(!s)?:?\}$/.exec(tpl);
        if (one) {
          const key = one[1]!;
          const v = key === "" ? args[1] : /^\d/.test(key) ? args[1 + Number(key)] : kwarg(kw, key);
          if (v && vm.kindOf(v) === Kind.STR && !vm.typeInfo(v).heap) return vm.newRef(v);
        }
        return vm.strFormat(args[0], args.slice(1), kw);
      } finally {
        if (kwd) h.decref(kwd);
        h.decref(packed);
      }
    },
    format_map: (args) => {
      if (/\{(?:[!:}])/.test(S(args[0]).replace(/\{\{/g, ""))) vm.raise("ValueError", "Format string contains positional fields");
      if (!/[{}]/.test(S(args[0])) && !vm.typeInfo(args[0]).heap) return vm.newRef(args[0]);
      return vm.strFormat(args[0], [], null, args[1]);
    },
    __format__: (args) => vm.formatRaw(args[0], vm.str(args[1]), vm.typeInfo(args[0])),
    __str__: (args) => (vm.typeInfo(args[0]).heap ? h.newStr(S(args[0])) : vm.newRef(args[0])),
    // sq_concat (unicode_concat): str operands only, never the subclass's own __add__/__radd__
    __add__: (args) => {
      const [a, b] = args;
      const tb = vm.typeInfo(b);
      if (tb.kind !== Kind.STR) vm.typeError(`can only concatenate str (not "${tb.name}") to str`);
      const sa = S(a);
      const sb = S(b);
      if (sb === "" && !vm.typeInfo(a).heap) return vm.newRef(a);
      if (sa === "" && !tb.heap) return vm.newRef(b);
      return h.newStr(sa + sb);
    },
    __mod__: (args) => vm.percentFormat(args[0], args[1]),
  };
  vm.methods("str", table);
  // a static method in CPython: bound here to the type (or instance), which it ignores
  const maketrans = vm.defineNative("maketrans", ([, ...args], kw) => strRare(vm, 4, args, kw), { qualname: "str.maketrans", method: true });
  vm.infoOfType(vm.T.str).methods.set("maketrans", maketrans);
  (vm.classMethods ??= new Set()).add(maketrans);
  vm.typeEpoch++;
  vm.methods("str", {
    translate: (args) => strRare(vm, 3, args),
  });
}

function padFn(vm: VM, args: Obj[], how: "center" | "ljust" | "rjust"): Obj {
  const s = vm.str(args[0]);
  const w = Number(vm.index(args[1]));
  if (args[2] && vm.kindOf(args[2]) !== Kind.STR) vm.typeError(`The fill character must be a unicode character, not ${vm.typeName(args[2])}`);
  const fill = args[2] ? vm.str(args[2]) : " ";
  if (args[2] && [...fill].length !== 1) vm.typeError(`The fill character must be exactly one character long`);
  const n = [...s].length;
  if (w <= n) return vm.typeInfo(args[0]).heap ? vm.h.newStr(s) : vm.newRef(args[0]);
  const total = w - n;
  let left = 0;
  if (how === "rjust") left = total;
  else if (how === "center") left = Math.floor(total / 2) + (total & w & 1);
  return vm.h.newStr(fill.repeat(left) + s + fill.repeat(total - left));
}

function installList(vm: VM): void {
  const h = vm.h;
  vm.methods("list", {
    __reversed__: (args) => vm.newNativeIter("list_reverseiterator", args[0], 0, h.listLen(args[0]) - 1),
    append: (args) => {
      h.listAppend(args[0], args[1]);
      return vm.none();
    },
    extend: (args) => {
      vm.listExtendFrom(args[0], args[1]);
      return vm.none();
    },
    insert: (args) => {
      const n = h.listLen(args[0]);
      let i = Number(vm.index(args[1]));
      if (i < 0) i = Math.max(0, i + n);
      h.listInsert(args[0], Math.min(i, n), args[2]);
      return vm.none();
    },
    pop: (args) => {
      const n = h.listLen(args[0]);
      if (n === 0) vm.raise("IndexError", "pop from empty list");
      let i = args.length > 1 ? Number(vm.index(args[1])) : n - 1;
      if (i < 0) i += n;
      if (i < 0 || i >= n) vm.raise("IndexError", "pop index out of range");
      return h.listPop(args[0], i);
    },
    remove: (args) => {
      const items = vm.listItems(args[0]);
      for (let i = 0; i < items.length; i++) {
        const x = items[i];
        h.incref(x);
        try {
          if (vm.eq(x, args[1])) {
            h.decref(h.listPop(args[0], i));
            return vm.none();
          }
        } finally {
          h.decref(x);
        }
      }
      vm.raise("ValueError", "list.remove(x): x not in list");
    },
    index: (args) => {
      const items = vm.listItems(args[0]);
      const [a, b] = sliceArgs(vm, args, items.length, false);
      for (let i = a; i < b; i++) if (vm.eq(items[i], args[1])) return vm.newInt(BigInt(i));
      vm.raise("ValueError", `${vm.repr(args[1])} is not in list`);
    },
    count: (args) => {
      let n = 0;
      for (const x of vm.listItems(args[0])) if (vm.eq(x, args[1])) n++;
      return vm.newInt(BigInt(n));
    },
    clear: (args) => {
      h.listClear(args[0]);
      return vm.none();
    },
    copy: (args) => h.newList(vm.listItems(args[0]), "display"),
    reverse: (args) => {
      const items = vm.listItems(args[0]).slice();
      for (const x of items) h.incref(x);
      items.reverse().forEach((x, i) => h.listSet(args[0], i, x));
      for (const x of items) h.decref(x);
      return vm.none();
    },
    sort: (args, kw) => {
      onlyKw(vm, "sort", kw, ["key", "reverse"]);
      if (args.length > 1) vm.typeError("sort() takes no positional arguments");
      const rev = kwarg(kw, "reverse");
      // reverse is read as an int (PyArg "i"), so None or a str is a TypeError
      sortList(vm, args[0], kwarg(kw, "key"), rev ? vm.index(rev) !== 0n : false);
      return vm.none();
    },
    __setitem__: (args) => (vm.setItemRaw(args[0], args[1], args[2], vm.typeInfo(args[0])), vm.none()),
    __delitem__: (args) => (vm.delItemRaw(args[0], args[1], vm.typeInfo(args[0])), vm.none()),
    __init__: (args, kw) => {
      vm.listInitArgs(args.length - 1, kw);
      h.listClear(args[0]);
      if (args[1]) vm.listExtendFrom(args[0], args[1]);
      return vm.none();
    },
    __add__: rawBinary(vm, 0),
    __iadd__: rawBinary(vm, 13),
  });
}

function installTuple(vm: VM): void {
  vm.methods("tuple", {
    index: (args) => {
      const items = vm.tupleItems(args[0]);
      const [a, b] = sliceArgs(vm, args, items.length, false);
      for (let i = a; i < b; i++) if (vm.eq(items[i], args[1])) return vm.newInt(BigInt(i));
      vm.raise("ValueError", "tuple.index(x): x not in tuple");
    },
    // sq_concat: tuples only, the result a plain tuple (the operand itself when the other is empty)
    __add__: (args) => {
      if (args.length !== 2) vm.typeError(`expected 1 argument, got ${args.length - 1}`);
      const [a, b] = args;
      if (vm.kindOf(b) !== Kind.TUPLE) vm.typeError(`can only concatenate tuple (not "${vm.typeName(b)}") to tuple`);
      if (vm.tupleLen(b) === 0 && !vm.typeInfo(a).heap) return vm.newRef(a);
      if (vm.tupleLen(a) === 0 && !vm.typeInfo(b).heap) return vm.newRef(b);
      return vm.h.newTuple([...vm.tupleItems(a), ...vm.tupleItems(b)]);
    },
    count: (args) => {
      let n = 0;
      for (const x of vm.tupleItems(args[0])) if (vm.eq(x, args[1])) n++;
      return vm.newInt(BigInt(n));
    },
  });
}

function installDict(vm: VM): void {
  const h = vm.h;
  const view = (name: string) => (args: Obj[]) => {
    const v = h.newObject(vm.T[name]);
    h.setSlot(v, L.NATIVE_A, args[0]);
    return v;
  };
  vm.methods("dict", {
    get: (args) => {
      nargs(vm, "get", args, 2, 3);
      const v = vm.dictGetItem(args[0], args[1]);
      return vm.newRef(v || args[2] || vm.None);
    },
    setdefault: (args) => {
      const v = vm.dictGetItem(args[0], args[1]);
      if (v) return vm.newRef(v);
      const d = args[2] ?? vm.None;
      vm.dictSetItem(args[0], args[1], d);
      return vm.newRef(d);
    },
    pop: (args) => {
      nargs(vm, "pop", args, 2, 3);
      const v = vm.dictGetItem(args[0], args[1]);
      if (!v) {
        if (args.length > 2) return vm.newRef(args[2]);
        vm.keyError(args[1]);
      }
      h.incref(v);
      vm.dictDelItem(args[0], args[1]);
      return v;
    },
    popitem: (args) => {
      const ents = vm.dictEntries(args[0]);
      if (!ents.length) vm.raise("KeyError", "popitem(): dictionary is empty");
      // a split table (an instance's __dict__) becomes combined first, as in CPython
      if (!(h as unknown as { core: { dict_combine(d: Obj): number } }).core.dict_combine(args[0])) vm.raise("MemoryError", "");
      const [k, v] = ents[ents.length - 1];
      const t = h.newTuple([k, v]);
      vm.dictDelItem(args[0], k);
      return t;
    },
    keys: view("dict_keys"),
    values: view("dict_values"),
    items: view("dict_items"),
    update: (args, kw) => {
      // a METH_VARARGS | METH_KEYWORDS method: its positional arguments come packed in a tuple (and its
      // keywords in a dict), freed when it returns
      const packed = h.newTuple(args.slice(1));
      const kwDict = kw && kw.names.length ? h.newDict("display") : 0;
      try {
        if (args.length > 2) vm.typeError(`update expected at most 1 argument, got ${args.length - 1}`);
        if (args[1]) dictInitFrom(vm, args[0], args[1]);
        if (kw) kw.names.forEach((n, i) => vm.dictSetStr(args[0], vm.name(n), kw.values[i]));
      } finally {
        if (kwDict) h.decref(kwDict);
        h.decref(packed);
      }
      return vm.none();
    },
    clear: (args) => {
      h.dictClear(args[0]);
      return vm.none();
    },
    copy: (args) => {
      if (h.dictCopy) return h.dictCopy(args[0]);
      const d = h.newDict("display");
      for (const [k, v] of vm.dictEntries(args[0])) h.dictSet(d, k, v);
      return d;
    },
    __setitem__: (args) => (vm.setItemRaw(args[0], args[1], args[2], vm.typeInfo(args[0])), vm.none()),
    __delitem__: (args) => (vm.delItemRaw(args[0], args[1], vm.typeInfo(args[0])), vm.none()),
    __init__: (args, kw) => {
      if (args[1]) vm.dictUpdateArg(args[0], args[1]);
      if (kw) kw.names.forEach((n, i) => vm.dictSetStr(args[0], vm.name(n), kw.values[i]));
      return vm.none();
    },
  });
  const fromkeys = vm.defineNative("fromkeys", (args) => {
    const cls = args[0];
    const d = cls === vm.T.dict ? h.newDict("dict()") : vm.callType(cls, [], null);
    const v = args[2] ?? vm.None;
    try {
      vm.iterate(args[1], (k) => vm.setItem(d, k, v));
    } catch (e) {
      // an unhashable key: the half-filled dict is released
      vm.decref(d);
      throw e;
    }
    return d;
  }, { qualname: "dict.fromkeys", method: true });
  vm.infoOfType(vm.T.dict).methods.set("fromkeys", fromkeys);
  vm.typeEpoch++;
  vm.classMethods ??= new Set();
  vm.classMethods.add(fromkeys);
}

declare module "../vm/vm.js" {
  interface VM {
    classMethods: Set<number>;
  }
}

function installSet(vm: VM): void {
  const h = vm.h;
  const withItems = <T>(o: Obj, fn: (items: Obj[]) => T): T => {
    if (vm.kindOf(o) === Kind.SET || vm.kindOf(o) === Kind.FROZENSET) return fn(vm.setItems(o));
    const items = vm.collect(o);
    try {
      return fn(items);
    } finally {
      for (const x of items) h.decref(x);
    }
  };
  const has = (s: Obj, x: Obj) => h.setContains!(s, x);
  const common: Record<string, NativeFn> = {
    union: (args) => {
      const s = vm.setCopy(args[0]);
      try {
        for (const o of args.slice(1)) if (o !== args[0]) vm.setUpdateInternal(s, o);
      } catch (e) {
        h.decref(s);
        throw e;
      }
      return s;
    },
    intersection: (args) => vm.setIntersectionMulti(args[0], args.slice(1)),
    difference: (args) => {
      if (args.length === 1) return vm.setCopy(args[0]);
      const s = vm.setDifference(args[0], args[1]);
      try {
        for (const o of args.slice(2)) vm.setDifferenceUpdate(s, o);
      } catch (e) {
        h.decref(s);
        throw e;
      }
      return s;
    },
    symmetric_difference: (args) => vm.setSymmetricDifference(args[0], args[1]),
    issubset: (args) => withItems(args[1], (items) => vm.bool(vm.setItems(args[0]).every((x) => items.some((y) => vm.eq(x, y))))),
    issuperset: (args) => withItems(args[1], (items) => vm.bool(items.every((y) => has(args[0], y)))),
    isdisjoint: (args) => withItems(args[1], (items) => vm.bool(!items.some((y) => has(args[0], y)))),
    copy: (args) => (vm.kindOf(args[0]) === Kind.FROZENSET && !vm.typeInfo(args[0]).heap ? vm.newRef(args[0]) : vm.setCopy(args[0])),
  };
  if (vm.T.frozenset) vm.methods("frozenset", common);
  if (!vm.T.set) return;
  vm.methods("set", {
    ...common,
    add: (args) => {
      vm.setAddItem(args[0], args[1]);
      return vm.none();
    },
    discard: (args) => {
      vm.checkHashable(args[1]);
      h.setDiscard!(args[0], args[1]);
      return vm.none();
    },
    remove: (args) => {
      vm.checkHashable(args[1]);
      if (!h.setDiscard!(args[0], args[1])) vm.keyError(args[1]);
      return vm.none();
    },
    pop: (args) => {
      if (!h.setLen!(args[0])) vm.raise("KeyError", "pop from an empty set");
      return (h as unknown as { setPop(s: Obj): Obj }).setPop(args[0]);
    },
    clear: (args) => {
      h.setClear!(args[0]);
      return vm.none();
    },
    __init__: (args, kw) => {
      vm.listInitArgs(args.length - 1, kw, "set");
      h.setClear!(args[0]);
      if (args[1]) vm.setUpdateFrom(args[0], args[1]);
      return vm.none();
    },
    update: (args) => {
      // METH_VARARGS: the arguments come packed in a tuple, freed when it returns
      const packed = h.newTuple(args.slice(1));
      try {
        for (const o of args.slice(1)) vm.setUpdateInternal(args[0], o);
      } finally {
        h.decref(packed);
      }
      return vm.none();
    },
    intersection_update: (args) => {
      vm.setIntersectionUpdate(args[0], args.slice(1));
      return vm.none();
    },
    difference_update: (args) => {
      for (const o of args.slice(1)) vm.setDifferenceUpdate(args[0], o);
      return vm.none();
    },
    symmetric_difference_update: (args) => {
      if (args.length !== 2) vm.typeError(`set.symmetric_difference_update() takes exactly one argument (${args.length - 1} given)`);
      vm.setXorUpdate(args[0], args[1]);
      return vm.none();
    },
  });
}

declare module "../vm/vm.js" {
  interface VM {
    strFormat(fmt: Obj, args: Obj[], kw: KwArgs | null, mapping?: Obj, numbering?: import("../vm/misc.js").FieldNumbering): Obj;
  }
}

function installNumbers(vm: VM): void {
  const h = vm.h;
  // long_long: an exact int is returned itself, a bool or a subclass instance as a plain int
  const intSelf = (o: Obj) => (vm.kindOf(o) === Kind.INT && !vm.typeInfo(o).heap ? vm.newRef(o) : vm.newInt(h.readInt(o)));
  vm.methods("int", {
    ...intArith(vm),
    bit_length: (args) => {
      const v = h.readInt(args[0]);
      return vm.newInt(BigInt((v < 0n ? -v : v).toString(2).replace(/^0$/, "").length));
    },
    bit_count: (args) => {
      const v = h.readInt(args[0]);
      return vm.newInt(BigInt([...(v < 0n ? -v : v).toString(2)].filter((c) => c === "1").length));
    },
    to_bytes: (args, kw) => intToBytes(vm, args, kw),
    conjugate: (args) => intSelf(args[0]),
    as_integer_ratio: (args) => h.newTupleSteal([vm.newInt(h.readInt(args[0])), vm.newInt(1n)]),
    __index__: (args) => intSelf(args[0]),
    __int__: (args) => intSelf(args[0]),
    __repr__: (args) => h.newStr(vm.intStr(h.readInt(args[0]))),
    __format__: (args) => vm.formatRaw(args[0], vm.str(args[1]), vm.typeInfo(args[0])),
  });
  const fromBytes = vm.defineNative("from_bytes", (args, kw) => intFromBytes(vm, args, kw), { qualname: "int.from_bytes", method: true });
  vm.infoOfType(vm.T.int).methods.set("from_bytes", fromBytes);
  vm.typeEpoch++;
  vm.classMethods ??= new Set();
  vm.classMethods.add(fromBytes);
  const fromHex = vm.defineNative("fromhex", (args) => {
    if (args.length !== 2) vm.typeError(`float.fromhex() takes exactly one argument (${args.length - 1} given)`);
    if (vm.kindOf(args[1]) !== Kind.STR) vm.typeError(`fromhex() argument must be str, not ${vm.typeName(args[1])}`);
    const f = h.newFloat(floatFromHex(vm, vm.str(args[1])));
    if (args[0] === vm.T.float) return f;
    try {
      return vm.call(args[0], [f]);
    } finally {
      vm.decref(f);
    }
  }, { qualname: "float.fromhex", method: true });
  vm.infoOfType(vm.T.float).methods.set("fromhex", fromHex);
  vm.classMethods.add(fromHex);
  vm.methods("float", {
    is_integer: (args) => vm.bool(Number.isInteger(h.readFloat(args[0]))),
    as_integer_ratio: (args) => floatRatio(vm, h.readFloat(args[0])),
    hex: (args) => h.newStr(floatHex(h.readFloat(args[0]))),
    conjugate: (args) => vm.newRef(args[0]),
    __trunc__: (args) => viaExact(vm, "int", [args[0]]),
    __int__: (args) => viaExact(vm, "int", [args[0]]),
    __float__: (args) => h.newFloat(h.readFloat(args[0])),
    __floor__: (args) => floatToInt(vm, Math.floor(h.readFloat(args[0]))),
    __ceil__: (args) => floatToInt(vm, Math.ceil(h.readFloat(args[0]))),
    __round__: (args) => viaExact(vm, "round", args),
    __abs__: (args) => h.newFloat(Math.abs(h.readFloat(args[0]))),
    __neg__: (args) => h.newFloat(-h.readFloat(args[0])),
    __pos__: (args) => h.newFloat(h.readFloat(args[0])),
    __bool__: (args) => vm.bool(h.readFloat(args[0]) !== 0),
    ...floatArith(vm),
    __format__: (args) => h.newStr(formatFloat(h.readFloat(args[0]), vm.str(args[1]))),
  });
}

function installMisc(vm: VM): void {
  const h = vm.h;
  const notImpl = () => vm.newRef(vm.NotImplemented);
  vm.methods("object", {
    // arguments past the instance: python3's TypeError unless the class has a __new__ of its own and no __init__
    __init__: (args, kw) => (args.length > 1 || kw?.names.length ? rarely(vm, 15, args[0]) : vm.none()),
    __eq__: (args) => vm.newRef(args[0] === args[1] ? vm.True : vm.NotImplemented),
    __lt__: notImpl,
    __le__: notImpl,
    __gt__: notImpl,
    __ge__: notImpl,
    __ne__: (args) => {
      const r = vm.richCompare(args[0], args[1], 2);
      const t = r === vm.NotImplemented ? r : vm.bool(!vm.truthy(r));
      if (r !== t) vm.decref(r);
      return t;
    },
    __hash__: (args) => vm.newInt(vm.nativeHash(args[0], vm.infoOfType(vm.T.object))),
    __repr__: (args) => h.newStr(vm.nativeRepr(args[0], vm.infoOfType(vm.T.object))),
    __str__: (args) => vm.reprObj(args[0]),
    __format__: (args) => {
      if (vm.str(args[1])) vm.typeError(`unsupported format string passed to ${vm.typeName(args[0])}.__format__`);
      return vm.strObj(args[0]);
    },
    __setattr__: (args) => (vm.genericSetAttr(args[0], vm.str(args[1]), args[2]), vm.none()),
    __getattribute__: (args) => vm.genericGetAttr(args[0], vm.str(args[1]), false),
    __delattr__: (args) => (vm.genericDelAttr(args[0], vm.str(args[1])), vm.none()),
    __dir__: (args) => {
      const names = vm.dirNames(args[0]).map((s) => vm.intern(s));
      const l = h.newList(names, "list()");
      for (const o of names) h.decref(o);
      return l;
    },
    __sizeof__: (args) => {
      // a built-in iterator: its type's CPython basicsize (its block is laid out wider, see sys.getsizeof)
      const ti = vm.typeInfo(args[0]);
      if (!ti.heap && ti.kind === Kind.ITER) return vm.newInt(BigInt(ti.basicsize));
      return vm.newInt(BigInt(h.sizeOf(args[0]) - h.preHeaderSize(ti.obj)));
    },
    __reduce_ex__: () => vm.none(),
    // the instance's attributes (its __dict__) when it has any, else None; with the values of the __slots__
    // that are set (MRO order, each class's own order) as (that, {name: value})
    __getstate__: (args) => {
      const o = args[0];
      let d = vm.getAttrOrNull(o, "__dict__");
      if (!d || vm.kindOf(d) !== Kind.DICT || !h.dictLen(d)) {
        if (d) vm.decref(d);
        d = vm.none();
      }
      const slots = h.newDict("dict()");
      try {
        for (const c of vm.typeInfo(o).mro) {
          const names = c.heap ? vm.dictGetStr(c.dict, "__slots__") : 0;
          if (!names) continue;
          const items = vm.kindOf(names) === Kind.STR ? [vm.newRef(names)] : vm.collect(names);
          const strs = items.map((x) => vm.str(x));
          for (const x of items) vm.decref(x);
          for (const n of strs) {
            const v = n === "__dict__" || n === "__weakref__" ? 0 : vm.getAttrOrNull(o, n);
            if (v) h.dictSet(slots, vm.name(n), v), vm.decref(v);
          }
        }
        if (!h.dictLen(slots)) return vm.newRef(d);
        return h.newTuple([d, slots]);
      } finally {
        vm.decref(d);
        vm.decref(slots);
      }
    },
    __init_subclass__: () => vm.none(),
    // a class method: issubclass() defers to it when a class defines its own
    __subclasshook__: notImpl,
  });
  (vm.classMethods ??= new Set()).add(vm.infoOfType(vm.T.object).methods.get("__subclasshook__")!);
  // bool.__repr__ is its own slot (int.__repr__(True) is '1'): the static 'True' / 'False'
  vm.methods("bool", {
    __repr__: (args) => vm.newRef(vm.boolStr(args[0] === vm.True)),
  });
  // an exception class's __init__: args, and the fields that class keeps (SystemExit.__init__ sets code)
  const excInit = (cls: TypeInfo): NativeFn => (args, kw) => {
    checkExcKeywords(vm, vm.typeInfo(args[0]), kw);
    h.setSlotSteal(args[0], L.EXC_ARGS, h.newTuple(args.slice(1)));
    setExcFields(vm, args[0], cls, args.slice(1), kw);
    return vm.none();
  };
  vm.methods("BaseException", {
    __init__: excInit(vm.infoOfType(vm.T.BaseException)),
    add_note: (args) => {
      if (vm.kindOf(args[1]) !== Kind.STR) vm.typeError(`note must be a str, not '${vm.typeName(args[1])}'`);
      let notes = h.getSlot(args[0], L.EXC_NOTES);
      if (!notes) {
        notes = h.newList([], "display");
        h.setSlotSteal(args[0], L.EXC_NOTES, notes);
      }
      h.listAppend(notes, args[1]);
      return vm.none();
    },
    with_traceback: (args) => {
      h.setSlot(args[0], L.EXC_TRACEBACK, args[1] === vm.None ? 0 : args[1]);
      return vm.newRef(args[0]);
    },
    __str__: (args) => h.newStr(vm.nativeStr(args[0], vm.infoOfType(vm.T.BaseException)) ?? ""),
    __repr__: (args) => h.newStr(vm.nativeRepr(args[0], vm.typeInfo(args[0]))),
  });
  // each built-in exception class has an __init__ slot wrapper of its own (Exception.__init__ is not
  // BaseException.__init__): one native each, so a wrong self names the class it was reached through
  for (const ti of vm.typeInfos) {
    if (!ti.heap && ti.kind === Kind.EXC && ti.obj !== vm.T.BaseException && !ti.methods.has("__init__")) vm.methods(ti.name, { __init__: excInit(ti) });
  }
  vm.methods("generator", {
    send: (args) => {
      const r = vm.genResume(args[0], args[1], 0);
      if (vm.lastYield) return r;
      const e = vm.newException("StopIteration", r && r !== vm.None ? r : null);
      if (r) vm.decref(r);
      throw new PyRaise(e);
    },
    throw: (args) => {
      let exc = args[1];
      const val = args[2] && args[2] !== vm.None ? args[2] : 0;
      const notExc = () => vm.typeError(`exceptions must be classes or instances deriving from BaseException, not ${vm.typeName(exc)}`);
      let owned = false;
      if (vm.kindOf(exc) === Kind.TYPE) {
        // a class: its instance `val` as it is, else called with val's items (a tuple), val or nothing
        if (!vm.isSubtype(vm.infoOfType(exc), vm.infoOfType(vm.T.BaseException))) notExc();
        if (val && vm.isInstance(val, exc)) exc = vm.newRef(val);
        else exc = vm.callType(exc, !val ? [] : vm.kindOf(val) === Kind.TUPLE ? vm.tupleItems(val) : [val], null);
        owned = true;
      } else if (!vm.isInstance(exc, vm.T.BaseException)) notExc();
      else if (val) vm.typeError("instance exception may not have a separate value");
      try {
        const r = vm.genThrow(args[0], exc);
        if (vm.lastYield) return r;
        const e = vm.newException("StopIteration", r && r !== vm.None ? r : null);
        if (r) vm.decref(r);
        throw new PyRaise(e);
      } finally {
        if (owned) vm.decref(exc);
      }
    },
    close: (args) => {
      const st = vm.gens[h.getI32(args[0], L.GEN_INDEX)];
      if (st.state === "created" || st.state === "closed") {
        if (st.state === "created") {
          st.state = "closed";
          vm.genRestore(st);
          vm.genFinish(st);
        }
        return vm.none();
      }
      const ge = vm.newException("GeneratorExit");
      try {
        const r = vm.genThrow(args[0], ge);
        if (vm.lastYield) {
          vm.decref(r);
          vm.raise("RuntimeError", "generator ignored GeneratorExit");
        }
        vm.xdecref(r);
      } catch (e) {
        if (e instanceof PyRaise && (vm.isInstance(e.exc, vm.T.GeneratorExit) || vm.isInstance(e.exc, vm.T.StopIteration))) vm.decref(e.exc);
        else throw e;
      } finally {
        vm.decref(ge);
      }
      return vm.none();
    },
    __next__: (args) => {
      const r = vm.iterNext(args[0]);
      if (r) return r;
      const sv = vm.takeStopValue();
      const e = vm.newException("StopIteration", sv || null);
      vm.xdecref(sv);
      throw new PyRaise(e);
    },
    __iter__: (args) => vm.newRef(args[0]),
  });
  vm.methods("type", {
    // type.__repr__(5): the slot wrapper's self check rejects what is not a type
    __repr__: (args) => h.newStr(vm.nativeRepr(args[0], vm.infoOfType(vm.T.type))),
    mro: (args) => {
      const items = vm.infoOfType(args[0]).mro.map((t) => t.obj);
      return h.newList(items, "list()");
    },
    __subclasses__: (args) => rarely(vm, 7, args[0]),
  });
  installTypeMethods(vm);
  for (const v of ["dict_keys", "dict_values", "dict_items"]) {
    vm.methods(v, {
      __len__: (args) => vm.newInt(BigInt(h.dictLen(h.getSlot(args[0], L.NATIVE_A)))),
      isdisjoint: (args) => {
        let r = true;
        vm.iterate(args[1], (x) => {
          if (vm.viewContains(args[0], x)) {
            r = false;
            return true;
          }
        });
        return vm.bool(r);
      },
    });
  }
  vm.methods("property", {
    setter: (args) => {
      const p = h.newObject(h.typeOf(args[0]));
      h.setSlot(p, L.NATIVE_A, h.getSlot(args[0], L.NATIVE_A));
      h.setSlot(p, L.NATIVE_B, args[1]);
      h.setSlot(p, L.NATIVE_C, h.getSlot(args[0], L.NATIVE_C));
      return p;
    },
    deleter: (args) => {
      const p = h.newObject(h.typeOf(args[0]));
      h.setSlot(p, L.NATIVE_A, h.getSlot(args[0], L.NATIVE_A));
      h.setSlot(p, L.NATIVE_B, h.getSlot(args[0], L.NATIVE_B));
      h.setSlot(p, L.NATIVE_C, args[1]);
      return p;
    },
    getter: (args) => {
      const p = h.newObject(h.typeOf(args[0]));
      h.setSlot(p, L.NATIVE_A, args[1]);
      h.setSlot(p, L.NATIVE_B, h.getSlot(args[0], L.NATIVE_B));
      return p;
    },
    __get__: (args) => {
      if (args[1] === vm.None) return vm.newRef(args[0]);
      return vm.call(h.getSlot(args[0], L.NATIVE_A), [args[1]]);
    },
  });
  // (what a subclass's own __get__ reaches through super(); the type's own instances bind without them)
  vm.methods("staticmethod", {
    __get__: (args) => vm.newRef(h.getSlot(args[0], L.NATIVE_A)),
    // callable as the function it holds (3.10)
    __call__: (args, kw) => vm.call(h.getSlot(args[0], L.NATIVE_A), args.slice(1), kw),
  });
  vm.methods("BaseExceptionGroup", {
    derive: (a) => {
      if (a.length !== 2) vm.typeError(`BaseExceptionGroup.derive() takes exactly one argument (${a.length - 1} given)`);
      return deriveGroup(vm, a[0]!, a[1]!);
    },
    split: (a) => vm.egPart(a, true),
    subgroup: (a) => vm.egPart(a, false),
  });
  // f.__get__(obj) binds f to obj (None: f itself), as python3's functions do
  vm.methods("function", {
    __get__: (args) => {
      const n = args.length - 1;
      if (n < 1 || n > 2) vm.typeError(` expected ${n ? "at most 2 arguments" : "at least 1 argument"}, got ${n}`);
      return args[1] === vm.None ? vm.newRef(args[0]) : vm.newMethod(args[0], args[1]);
    },
  });
  vm.methods("classmethod", { __get__: (args) => vm.newMethod(h.getSlot(args[0], L.NATIVE_A), args[2] && args[2] !== vm.None ? args[2] : h.typeOf(args[1])) });
  vm.methods("super", {
    // super(T).__get__(obj) is super(T, obj); a bound super (or obj None) stays itself
    __get__: (args) =>
      args[1] === vm.None || h.getSlot(args[0], L.NATIVE_B) ? vm.newRef(args[0]) : vm.call(h.typeOf(args[0]), [h.getSlot(args[0], L.NATIVE_A), args[1]]),
  });
  vm.methods("range", {
    index: (args) => {
      const r = rangeBounds(vm, args[0]);
      if (!vm.contains(args[0], args[1])) vm.raise("ValueError", `${vm.repr(args[1])} is not in range`);
      return vm.newInt((h.readInt(args[1]) - r.start) / r.step);
    },
    count: (args) => vm.newInt(vm.contains(args[0], args[1]) ? 1n : 0n),
  });
  vm.methods("slice", {
    indices: (args) => {
      const [a, b, c] = vm.sliceIndices(args[0], Number(vm.index(args[1])));
      return h.newTupleSteal([vm.newInt(BigInt(a)), vm.newInt(BigInt(b)), vm.newInt(BigInt(c))]);
    },
  });
  vm.methods("bytes", {
    decode: (args) => h.newStr(new TextDecoder().decode(h.readBytes(args[0]))),
    hex: (args) => h.newStr(Array.from(h.readBytes(args[0]), (b) => b.toString(16).padStart(2, "0")).join("")),
  });
  vm.methods("complex", {
    conjugate: (args) => vm.newComplex(h.getF64(args[0], 16), -h.getF64(args[0], 24)),
  });
}

