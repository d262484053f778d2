/**
 * The builtins module: functions (`print`, `len`, `sorted`, `isinstance`…) and the constructors of the
 * builtin types (`int(…)`, `list(…)`, `dict(…)`…) with CPython's results, free-list paths and messages.
 *
 * Natives borrow their arguments and return new references.
 */
import { sortItems } from "./timsort.js";
import { rareBuiltin, wideDigits } from "./rare-builtins.js";
import { rarely } from "../vm/rarely.js";
import type { Obj } from "../vm/heap-api.js";
import { Kind, type KwArgs, type NativeFn, type TypeInfo } from "../vm/types.js";
import { PyRaise, type VM } from "../vm/vm.js";
import * as L from "../vm/layouts.js";
import { abi } from "@pyheap/heap";
import { parseFloatLiteral, parseIntLiteral } from "../objects/numbers.js";
import { PyErr } from "../objects/errors.js";
import { bufferOf, bytesNew, codecName, decodeBytes } from "./bytes.js";
import { bigRangeIter, bigRangeOf, makeRange } from "../vm/ranges.js";
import { lenOrNull } from "../vm/bigrange.js";
import { IMPORTERR_MSG, IMPORTERR_NAME, IMPORTERR_PATH, OSERR_ERRNO, OSERR_FILENAME, OSERR_FILENAME2, OSERR_STRERROR } from "../vm/natives.js";
import { latin1 } from "../objects/byte-text.js";
import { warn, warnStrictSubclass } from "../modules/warnings.js";

/**
 * An exact str, bool, float or None, or an exact int far below the limit on digits str() converts: its
 * str() runs no Python code, makes no GC object and cannot raise.
 */
function plainStr(vm: VM, o: Obj): boolean {
  const h = vm.h;
  const t = h.typeOf(o);
  const T = vm.T;
  if (t === T.int) {
    const size = h.getI32(o, abi.OB_SIZE);
    return size >= -100 && size <= 100;
  }
  return t === T.str || t === T.float || t === T.bool || o === vm.None;
}

/** Keyword argument lookup (borrowed value or 0). */
export function kwarg(kw: KwArgs | null, name: string): Obj {
  if (!kw) return 0;
  const i = kw.names.indexOf(name);
  return i >= 0 ? kw.values[i] : 0;
}

/** `acc op x` over the items of `iterable` (sum(), math.prod()); takes `acc`, returns a new reference. */
export function foldBinary(vm: VM, acc: Obj, iterable: Obj, op: number): Obj {
  try {
    vm.iterate(iterable, (x) => {
      const r = vm.binaryOp(acc, x, op);
      vm.decref(acc);
      acc = r;
    });
  } catch (e) {
    vm.decref(acc);
    throw e;
  }
  return acc;
}

/** Reject keyword arguments other than `allowed`. */
export function onlyKw(vm: VM, fname: string, kw: KwArgs | null, allowed: string[]): void {
  if (!kw) return;
  for (const n of kw.names) if (!allowed.includes(n)) vm.typeError(`${fname}() got an unexpected keyword argument '${n}'`);
}

export function noKw(vm: VM, fname: string, kw: KwArgs | null): void {
  if (kw && kw.names.length) vm.typeError(`${fname}() takes no keyword arguments`);
}

export function nargs(vm: VM, fname: string, args: Obj[], min: number, max: number): void {
  const n = args.length;
  if (n >= min && n <= max) return;
  if (min === max) {
    if (min === 1) vm.typeError(`${fname}() takes exactly one argument (${n} given)`);
    if (min === 0) vm.typeError(`${fname}() takes no arguments (${n} given)`);
    vm.typeError(`${fname} expected ${min} arguments, got ${n}`);
  }
  if (n < min) vm.typeError(`${fname} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${n}`);
  vm.typeError(`${fname} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${n}`);
}

/** Sort a list object in place (list.sort and sorted()): the keys first (a key function that raises
 *  leaves the list as it was), then CPython's timsort on them, reversed before and after for
 *  reverse=True. A comparison that raises leaves the items in the order the sort had reached, as
 *  CPython does, and the exception propagates. */
export function sortList(vm: VM, l: Obj, key: Obj, reverse: boolean): void {
  // the call of list.sort (sorted() makes it too) holds a level while keys and comparisons run
  vm.callLevel(() => sortItems(vm, l, key, reverse));
}

function minmax(vm: VM, fname: string, args: Obj[], kw: KwArgs | null, op: number): Obj {
  // positional arguments are counted before the keywords are checked
  if (args.length === 0) vm.typeError(`${fname} expected at least 1 argument, got 0`);
  const names = kw?.names ?? [];
  if (names.length > 2) vm.typeError(`${fname}() takes at most 2 keyword arguments (${names.length} given)`);
  for (const n of names) if (n !== "key" && n !== "default") vm.typeError(`'${n}' is an invalid keyword argument for ${fname}()`);
  const key = kwarg(kw, "key");
  const dflt = kwarg(kw, "default");
  let items: Obj[];
  if (args.length === 1) items = vm.collect(args[0]);
  else {
    if (dflt) vm.typeError(`Cannot specify a default for ${fname}() with multiple positional arguments`);
    items = args.map((a) => vm.newRef(a));
  }
  try {
    if (!items.length) {
      if (dflt) return vm.newRef(dflt);
      vm.raise("ValueError", `${fname}() arg is an empty sequence`);
    }
    let best = items[0];
    let bestKey = key && key !== vm.None ? vm.call(key, [best]) : vm.newRef(best);
    for (let i = 1; i < items.length; i++) {
      let k: Obj;
      let better: boolean;
      try {
        k = key && key !== vm.None ? vm.call(key, [items[i]]) : vm.newRef(items[i]);
      } catch (e) {
        vm.decref(bestKey);
        throw e;
      }
      try {
        better = vm.compareBool(k, bestKey, op);
      } catch (e) {
        vm.decref(k);
        vm.decref(bestKey);
        throw e;
      }
      if (better) {
        vm.decref(bestKey);
        bestKey = k;
        best = items[i];
      } else vm.decref(k);
    }
    vm.decref(bestKey);
    return vm.newRef(best);
  } finally {
    for (const x of items) vm.decref(x);
  }
}

/** Install the builtins into a fresh dict held by the VM. */
export function installBuiltins(vm: VM): void {
  const h = vm.h;
  const b = h.newDict("dict()");
  vm.builtins = b;
  const def = (name: string, fn: NativeFn) => {
    const idx = vm.defineNative(name, fn);
    const f = vm.newBuiltinFunction(idx);
    h.dictSet(b, vm.name(name), f);
    h.decref(f);
  };
  const put = (name: string, o: Obj) => h.dictSet(b, vm.name(name), o);
  for (const n of ["object", "int", "bool", "float", "complex", "str", "bytes", "tuple", "list", "dict", "set", "frozenset", "type", "range", "slice", "property", "staticmethod", "classmethod", "super", "enumerate", "zip", "map", "filter", "reversed"]) {
    if (vm.T[n]) put(n, vm.T[n]);
  }
  for (const n of Object.keys(vm.T)) {
    const ti = vm.infoOfType(vm.T[n]);
    if (ti.kind === Kind.EXC && !ti.heap) put(n, vm.T[n]);
  }
  // the old names of OSError
  put("EnvironmentError", vm.T.OSError);
  put("IOError", vm.T.OSError);
  put("None", vm.None);
  put("True", vm.True);
  put("False", vm.False);
  put("Ellipsis", vm.Ellipsis);
  put("NotImplemented", vm.NotImplemented);
  const nm = h.newStr("builtins");
  put("__name__", nm);
  h.decref(nm);

  def("__build_class__", (args, kw) => vm.buildClass(args, kw));
  vm.printKwNames = 0;
  def("print", (args, kw) => {
    onlyKw(vm, "print", kw, ["sep", "end", "file", "flush"]);
    const sepO = kwarg(kw, "sep");
    const endO = kwarg(kw, "end");
    let file = kwarg(kw, "file");
    // flush= is read as a truth value before anything is written; a stream of the program's is then flushed
    const flushO = kwarg(kw, "flush");
    const flush = !!flushO && vm.truthy(flushO);
    if (sepO && sepO !== vm.None && vm.kindOf(sepO) !== Kind.STR) vm.typeError(`sep must be None or a string, not ${vm.typeName(sepO)}`);
    if (endO && endO !== vm.None && vm.kindOf(endO) !== Kind.STR) vm.typeError(`end must be None or a string, not ${vm.typeName(endO)}`);
    const sep = sepO && sepO !== vm.None ? vm.str(sepO) : " ";
    const end = endO && endO !== vm.None ? vm.str(endO) : "\n";
    // NOTE: 3.11's print is an Argument Clinic function with *args. Its first call builds the parser's
    // tuple of keyword names, ('sep', 'end', 'file', 'flush'), kept for the interpreter's life; every call
    // packs the positional arguments into a tuple, freed at the end (parked on the tuple free list, so
    // only the first call after the free list was emptied counts as a GC allocation).
    if (!vm.printKwNames) {
      vm.printKwNames = h.newTuple(["sep", "end", "file", "flush"].map((n) => vm.name(n)));
      vm.keepAlive.push(vm.printKwNames);
    }
    const packed = h.newTuple(args);
    // without a file: sys.stdout once sys exists (nothing when it is None), the process's stdout before
    const sys = !file || file === vm.None ? vm.modules.get("sys") : 0;
    const out = sys ? vm.getAttrOrNull(sys, "stdout") : 0;
    try {
      if (sys && !out) vm.raise("RuntimeError", "lost sys.stdout");
      if (out === vm.None) return vm.none();
      if (out) file = out;
      const toFile = !!file && file !== vm.None;
      // PyFile_WriteObject, once per argument, separator and end: on sys.stdout or another text stream it
      // gets the bound method `write` (a builtin method, a GC object freed after the call), then str() of
      // the piece, then writes it; what was written stays written if a later str() raises
      const bound = !toFile || h.typeOf(file) === vm.T.TextIOWrapper;
      if (bound && args.every((a) => plainStr(vm, a))) {
        // every piece's str() is made without a GC object or Python code: the bound methods of the later
        // pieces are made and freed with nothing between them that a GC count could see (the first may start
        // a collection, after which count0 is back where it was), so one stands for all, and the text is
        // written at once
        h.decref(h.newObject(vm.T.builtin_function_or_method));
        const text = (args.length === 1 ? vm.strOf(args[0]) : args.map((a) => vm.strOf(a)).join(sep)) + end;
        if (toFile) vm.writeTo(file, text);
        else vm.host.write("stdout", text);
        return vm.none();
      }
      const piece = (text: () => string) => {
        const w = bound ? h.newObject(vm.T.builtin_function_or_method) : 0;
        try {
          const s = text();
          if (toFile) vm.writeTo(file, s);
          else vm.host.write("stdout", s);
        } finally {
          if (w) h.decref(w);
        }
      };
      args.forEach((a, i) => {
        if (i > 0) piece(() => sep);
        piece(() => vm.strOf(a));
      });
      piece(() => end);
      if (flush && toFile && h.typeOf(file) !== vm.T.TextIOWrapper) vm.decref(vm.callMethod(file, "flush", []));
    } finally {
      if (out) h.decref(out);
      h.decref(packed);
    }
    return vm.none();
  });
  def("len", (args, kw) => {
    if (kw === null && args.length === 1) {
      // an exact str, list, tuple or dict: the length field read from memory
      const o = args[0]!;
      const t = h.typeOf(o);
      const T = h.types;
      if (t === T.str) return h.newIntValue(h.getI32(o, abi.STR_LENGTH));
      if (t === T.list || t === T.tuple) return h.newIntValue(h.getI32(o, abi.OB_SIZE));
      if (t === T.dict) return h.newIntValue(h.dictLen(o));
    }
    noKw(vm, "len", kw);
    nargs(vm, "len", args, 1, 1);
    // a range past ±2**53: its exact length (len() of one past a Py_ssize_t overflows, as in CPython)
    const big = vm.kindOf(args[0]) === Kind.RANGE ? bigRangeOf(vm, args[0]) : null;
    if (big) {
      const n = lenOrNull(big);
      if (n === null) vm.raise("OverflowError", "Python int too large to convert to C ssize_t");
      return vm.newInt(n);
    }
    return vm.h.newInt(vm.len(args[0]));
  });
  def("repr", (args) => {
    nargs(vm, "repr", args, 1, 1);
    return vm.callLevel(() => vm.reprObj(args[0]));
  });
  def("ascii", (args) => vm.asciiObj(args[0]));
  def("id", (args) => {
    nargs(vm, "id", args, 1, 1);
    return vm.newInt(BigInt(h.idOf(args[0])));
  });
  def("hash", (args) => {
    nargs(vm, "hash", args, 1, 1);
    // a METH_O builtin: its call holds a level
    return vm.newInt(vm.callLevel(() => vm.hash(args[0])));
  });
  def("abs", (args) => {
    nargs(vm, "abs", args, 1, 1);
    const a = args[0];
    if (h.typeOf(a) === h.types.int) {
      // an exact int of at most one digit: its value read from memory
      const size = h.getI32(a, abi.OB_SIZE);
      if (size >= 0) return vm.newRef(a);
      if (size === -1) return h.newIntValue(h.getI32(a, abi.INT_DIGITS));
    }
    // a class's own __abs__ comes before its builtin base's
    const ti = vm.typeInfo(a);
    if (ti.heap) {
      const d = vm.lookupType(ti, "__abs__");
      if (d && d.obj) return vm.callSpecial(a, "__abs__", []);
    }
    const k = vm.kindOf(a);
    if (k === Kind.INT || k === Kind.BOOL) {
      const v = h.readInt(a);
      // long_abs: a non-negative exact int is returned itself
      if (v >= 0n && k === Kind.INT && !vm.typeInfo(a).heap) return vm.newRef(a);
      return vm.newInt(v < 0n ? -v : v);
    }
    if (k === Kind.FLOAT) return h.newFloat(Math.abs(h.readFloat(a)));
    if (k === Kind.COMPLEX) return h.newFloat(Math.hypot(h.getF64(a, 16), h.getF64(a, 24)));
    if (vm.typeInfo(a).heap && vm.lookupType(vm.typeInfo(a), "__abs__")) return vm.callSpecial(a, "__abs__", []);
    vm.typeError(`bad operand type for abs(): '${vm.typeName(a)}'`);
  });
  /** cls's __instancecheck__ / __subclasscheck__ (a Python class's: a metaclass, a union…): its truth, or null */
  const checkHook = (cls: Obj, name: string, o: Obj): boolean | null => {
    const ti = vm.typeInfo(cls);
    if (!ti.heap || !vm.lookupType(ti, name)?.obj) return null;
    const r = vm.callSpecial(cls, name, [o]);
    try {
      return vm.truthy(r);
    } finally {
      vm.decref(r);
    }
  };
  def("isinstance", (args) => {
    nargs(vm, "isinstance", args, 2, 2);
    const check = (t: Obj): boolean => {
      const k = vm.kindOf(t);
      if (h.typeOf(args[0]) === t) return true;
      if (k === Kind.TUPLE) return vm.tupleItems(t).some(check);
      const r = checkHook(t, "__instancecheck__", args[0]);
      if (r !== null) return r;
      if (k !== Kind.TYPE) vm.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
      if (vm.isInstance(args[0], t)) return true;
      // a proxy forwards __class__
      const cls = vm.kindOf(args[0]) === Kind.WEAKPROXY ? vm.getAttrOrNull(args[0], "__class__") : 0;
      if (cls) {
        const r = vm.kindOf(cls) === Kind.TYPE && vm.isSubtype(vm.infoOfType(cls), vm.infoOfType(t));
        vm.decref(cls);
        return r;
      }
      return false;
    };
    return vm.bool(check(args[1]));
  });
  def("issubclass", (args) => {
    nargs(vm, "issubclass", args, 2, 2);
    if (vm.kindOf(args[0]) !== Kind.TYPE) vm.typeError("issubclass() arg 1 must be a class");
    const check = (t: Obj): boolean => {
      if (vm.kindOf(t) === Kind.TUPLE) return vm.tupleItems(t).some(check);
      const r = checkHook(t, "__subclasscheck__", args[0]);
      if (r !== null) return r;
      if (vm.kindOf(t) !== Kind.TYPE) vm.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
      return vm.isSubtype(vm.infoOfType(args[0]), vm.infoOfType(t));
    };
    return vm.bool(check(args[1]));
  });
  def("callable", (args) => vm.bool(isCallable(vm, args[0]!)));
  def("getattr", (args) => {
    nargs(vm, "getattr", args, 2, 3);
    if (vm.kindOf(args[1]) !== Kind.STR) vm.typeError(`attribute name must be string, not '${vm.typeName(args[1])}'`);
    if (args.length === 3) {
      const v = vm.getAttrOrNull(args[0], vm.str(args[1]));
      return v || vm.newRef(args[2]);
    }
    return vm.getAttr(args[0], vm.str(args[1]));
  });
  def("setattr", (args) => {
    nargs(vm, "setattr", args, 3, 3);
    const nameTi = vm.typeInfo(args[1]);
    if (nameTi.kind !== Kind.STR) vm.typeError(`attribute name must be string, not '${nameTi.name}'`);
    const name = vm.str(args[1]);
    // PyObject_SetAttr interns the name in place: an exact str not interned yet becomes the interned one
    if (!nameTi.heap) vm.internStr(args[1]);
    vm.setAttr(args[0], name, args[2]);
    return vm.none();
  });
  def("delattr", (args) => {
    nargs(vm, "delattr", args, 2, 2);
    if (vm.kindOf(args[1]) !== Kind.STR) vm.typeError(`attribute name must be string, not '${vm.typeName(args[1])}'`);
    if (!vm.typeInfo(args[1]).heap) vm.internStr(args[1]);
    vm.delAttr(args[0], vm.str(args[1]));
    return vm.none();
  });
  def("hasattr", (args) => {
    nargs(vm, "hasattr", args, 2, 2);
    return vm.bool(vm.hasAttr(args[0], vm.str(args[1])));
  });
  def("vars", (args) => {
    if (!args.length) return localsDict(vm);
    const d = vm.getAttrOrNull(args[0], "__dict__");
    if (!d) vm.typeError("vars() argument must have __dict__ attribute");
    return d;
  });
  def("dir", (args) => {
    if (!args.length) {
      const f = vm.frame!;
      const names = f.locals ? vm.dictKeysStr(f.locals) : f.info.code.co_varnames.filter((_, i) => f.localsplus[i]);
      return h.newList(names.sort().map((s) => vm.intern(s)).map((o) => (h.decref(o), o)), "list()");
    }
    // a class's own __dir__: its result, as a sorted list
    const own = vm.lookupSpecial(args[0], "__dir__");
    const r = own && own.native < 0 ? vm.callSpecial(args[0], "__dir__", []) : 0;
    const objs = r ? vm.collect(r) : vm.dirNames(args[0]).map((s) => vm.intern(s));
    if (r) h.decref(r);
    const l = h.newList(objs, "list()");
    for (const o of objs) h.decref(o);
    if (r) {
      try {
        sortList(vm, l, 0, false);
      } catch (e) {
        h.decref(l);
        throw e;
      }
    }
    return l;
  });
  def("globals", () => vm.newRef(vm.frame!.globals));
  def("locals", () => localsDict(vm));
  def("chr", (args) => {
    nargs(vm, "chr", args, 1, 1);
    const x = args[0]!;
    if (h.typeOf(x) === h.types.int) {
      // an exact int of at most one digit below 0x110000
      const size = h.getI32(x, abi.OB_SIZE);
      const c = size === 0 ? 0 : size === 1 ? h.getI32(x, abi.INT_DIGITS) : -1;
      if (c >= 0 && c <= 0x10ffff) return h.newStr(String.fromCodePoint(c));
    }
    const v = vm.index(args[0]);
    // the argument is a C int first: past 32 bits the error is an OverflowError
    if (v < -(2n ** 31n) || v >= 2n ** 31n) vm.raise("OverflowError", "Python int too large to convert to C int");
    if (v < 0n || v > 0x10ffffn) vm.raise("ValueError", "chr() arg not in range(0x110000)");
    return h.newStr(String.fromCodePoint(Number(v)));
  });
  def("ord", (args) => {
    nargs(vm, "ord", args, 1, 1);
    const k = vm.kindOf(args[0]);
    if (k === Kind.STR) {
      const cps = [...vm.str(args[0])];
      if (cps.length !== 1) vm.typeError(`ord() expected a character, but string of length ${cps.length} found`);
      return vm.newInt(BigInt(cps[0].codePointAt(0)!));
    }
    if (k === Kind.BYTES) {
      const bts = h.readBytes(args[0]);
      if (bts.length !== 1) vm.typeError(`ord() expected a character, but string of length ${bts.length} found`);
      return vm.newInt(BigInt(bts[0]));
    }
    vm.typeError(`ord() expected string of length 1, but ${vm.typeName(args[0])} found`);
  });
  const radix = (name: string, base: number, prefix: string) =>
    def(name, (args) => {
      nargs(vm, name, args, 1, 1);
      const v = vm.index(args[0]);
      return h.newStr((v < 0n ? "-" : "") + prefix + (v < 0n ? -v : v).toString(base));
    });
  radix("bin", 2, "0b");
  radix("oct", 8, "0o");
  radix("hex", 16, "0x");
  def("format", (args) => {
    nargs(vm, "format", args, 1, 2);
    return vm.format(args[0], args.length > 1 ? args[1] : "");
  });
  def("iter", (args) => {
    nargs(vm, "iter", args, 1, 2);
    if (args.length === 2) {
      const ti = vm.typeInfo(args[0]);
      const k = ti.kind;
      const callable = k === Kind.FUNCTION || k === Kind.BUILTIN || k === Kind.METHOD || k === Kind.TYPE || k === Kind.MDESCR || !!vm.lookupType(ti, "__call__");
      if (!callable) vm.typeError("iter(v, w): v must be callable");
      return vm.newNativeIter("callable_iterator", args[0], args[1]);
    }
    return vm.getIter(args[0]);
  });
  def("next", (args) => {
    nargs(vm, "next", args, 1, 2);
    const it = args[0];
    const ti = vm.typeInfo(it);
    if (!ti.nextFn && ti.kind !== Kind.GENERATOR && !vm.lookupType(ti, "__next__")) vm.typeError(`'${ti.name}' object is not an iterator`);
    const v = vm.iterNext(it);
    if (v) return v;
    if (args.length === 2) {
      vm.xdecref(vm.takeStopValue());
      return vm.newRef(args[1]);
    }
    let sv = vm.takeStopValue();
    // a None return value raises StopIteration without arguments
    if (sv === vm.None) {
      vm.decref(sv);
      sv = 0;
    }
    if (sv) {
      const e = vm.newException("StopIteration", sv);
      vm.decref(sv);
      throw new PyRaise(e);
    }
    vm.raise("StopIteration");
  });
  def("sorted", (args, kw) => {
    onlyKw(vm, "sorted", kw, ["key", "reverse"]);
    if (args.length !== 1) vm.typeError(`sorted expected 1 argument, got ${args.length}`);
    const l = h.newList([], "list()");
    try {
      vm.listExtendFrom(l, args[0]);
      const rev = kwarg(kw, "reverse");
      sortList(vm, l, kwarg(kw, "key"), rev ? vm.truthy(rev) : false);
    } catch (e) {
      h.decref(l);
      throw e;
    }
    return l;
  });
  def("sum", (args, kw) => {
    onlyKw(vm, "sum", kw, ["start"]);
    nargs(vm, "sum", args, 1, 2);
    let acc = args.length > 1 ? vm.newRef(args[1]) : kwarg(kw, "start") ? vm.newRef(kwarg(kw, "start")) : vm.newInt(0n);
    const ak = vm.kindOf(acc);
    if (ak === Kind.STR) {
      vm.decref(acc);
      vm.typeError("sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (ak === Kind.BYTES) {
      vm.decref(acc);
      vm.typeError("sum() can't sum bytes [use b''.join(seq) instead]");
    }
    return foldBinary(vm, acc, args[0], 0);
  });
  // METH_VARARGS builtins: called through tp_call, which holds a level
  def("min", (args, kw) => vm.callLevel(() => minmax(vm, "min", args, kw, 0)));
  def("max", (args, kw) => vm.callLevel(() => minmax(vm, "max", args, kw, 4)));
  def("any", (args) => {
    let r = false;
    vm.iterate(args[0], (x) => {
      if (vm.truthy(x)) return (r = true);
    });
    return vm.bool(r);
  });
  def("all", (args) => {
    let r = true;
    vm.iterate(args[0], (x) => {
      if (!vm.truthy(x)) {
        r = false;
        return true;
      }
    });
    return vm.bool(r);
  });
  def("divmod", (args) => {
    nargs(vm, "divmod", args, 2, 2);
    return vm.divmod(args[0], args[1]);
  });
  def("pow", (args, kw) => {
    const base = args[0] ?? kwarg(kw, "base");
    const exp = args[1] ?? kwarg(kw, "exp");
    const mod = args[2] ?? kwarg(kw, "mod");
    if (mod && mod !== vm.None) return rareBuiltin(vm, 2, [base, exp, mod]);
    return vm.binaryOp(base, exp, 8);
  });
  def("round", (args, kw) => rareBuiltin(vm, 3, args, kw));
  // input(): str() of the prompt to stdout, then one line of the run's stdin without its "\n"; EOFError past its end
  def("input", (args, kw) => {
    noKw(vm, "input", kw);
    nargs(vm, "input", args, 0, 1);
    if (args.length) vm.host.write("stdout", vm.strOf(args[0]));
    const line = vm.host.readLine?.();
    if (!line) vm.raise("EOFError", "EOF when reading a line");
    return vm.newStr(line.endsWith("\n") ? line.slice(0, -1) : line);
  });
  // exit() and quit(): SystemExit with the given code (CPython's site module adds them)
  for (const name of ["exit", "quit"]) {
    def(name, (args) => {
      nargs(vm, name, args, 0, 1);
      throw new PyRaise(vm.newException("SystemExit", args[0] ?? vm.None));
    });
  }
  // open(): there are no files to read, and none can be written
  def("open", (args, kw) => rareBuiltin(vm, 1, args, kw));
  def("eval", (args) => vm.evalSource(args, "eval"));
  def("exec", (args) => vm.evalSource(args, "exec"));
  def("compile", (args, kw) => vm.compileBuiltin(args, kw));
  def("__import__", (args) => vm.importModule(vm.str(args[0])));
  registerConstructors(vm);
  installBuiltinArity(vm);
}

type Arity = "o" | [number, number] | ["va", number, number] | ["req", string[], number] | ["pos", number, number];

/**
 * How many positional arguments each builtin takes, with CPython's message otherwise: "o" exactly one
 * (METH_O), [min, max] Argument Clinic's "expected" messages, ["va", min, max] PyArg_ParseTuple's "takes
 * at most", ["req", names, required] the "missing required argument" of keyword-capable parsers,
 * ["pos", min, max] sum()'s "positional argument" wording.
 */
const BUILTIN_ARITY: Record<string, Arity> = {
  len: "o", abs: "o", chr: "o", ord: "o", hex: "o", oct: "o", bin: "o", repr: "o", hash: "o", id: "o", callable: "o", all: "o",
  any: "o", ascii: "o", sorted: [1, 1], isinstance: [2, 2], issubclass: [2, 2], getattr: [2, 3], setattr: [3, 3], hasattr: [2, 2],
  delattr: [2, 2], divmod: [2, 2], min: [1, Infinity], max: [1, Infinity], iter: [1, 2], next: [1, 2], dir: [0, 1], vars: [0, 1],
  format: [1, 2], input: [0, 1], pow: ["req", ["base", "exp", "mod"], 2], round: ["req", ["number", "ndigits"], 1], sum: ["pos", 1, 2],
};

/** The same for constructors called on the exact builtin type (a subclass's own __init__ may take more). */
const CTOR_ARITY: Record<string, Arity> = {
  range: [1, 3], slice: [1, 3], float: [0, 1], list: [0, 1], tuple: [0, 1], dict: [0, 1], set: [0, 1], frozenset: [0, 1], bool: [0, 1],
  int: ["va", 0, 2], str: ["va", 0, 3], bytes: ["va", 0, 3], bytearray: ["va", 0, 3], filter: [2, 2], reversed: [1, 1],
  enumerate: ["req", ["iterable", "start"], 1], zip: [0, Infinity], map: [0, Infinity],
};

function arityCheck(vm: VM, name: string, spec: Arity, c: number, kw: KwArgs | null): void {
  const pl = (k: number) => (k === 1 ? "" : "s");
  if (spec === "o") {
    if (c !== 1) vm.typeError(`${name}() takes exactly one argument (${c} given)`);
    return;
  }
  if (spec[0] === "req") {
    const [, names, need] = spec;
    if (c > names.length) vm.typeError(`${name}() takes at most ${names.length} argument${pl(names.length)} (${c} given)`);
    for (let i = c; i < need; i++) {
      if (!kw || !kw.names.includes(names[i]!)) vm.typeError(`${name}() missing required argument '${names[i]}'${name === "enumerate" ? "" : ` (pos ${i + 1})`}`);
    }
    return;
  }
  if (spec[0] === "va" || spec[0] === "pos") {
    const [kind, lo, hi] = spec;
    if (c < lo) vm.typeError(`${name}() takes at least ${lo} ${kind === "pos" ? "positional " : ""}argument${pl(lo)} (${c} given)`);
    if (c > hi) vm.typeError(`${name}() takes at most ${hi} argument${pl(hi)} (${c} given)`);
    return;
  }
  const [lo, hi] = spec;
  if (lo === hi && c !== lo) vm.typeError(`${name} expected ${lo} argument${pl(lo)}, got ${c}`);
  if (c < lo) vm.typeError(`${name} expected at least ${lo} argument${pl(lo)}, got ${c}`);
  if (c > hi) vm.typeError(`${name} expected at most ${hi} argument${pl(hi)}, got ${c}`);
}

/** Wrap the builtins and constructors named in BUILTIN_ARITY / CTOR_ARITY with their argument-count check. */
function installBuiltinArity(vm: VM): void {
  for (const n of vm.natives) {
    const spec = BUILTIN_ARITY[n.name];
    if (!spec || n.method || n.module !== "builtins") continue;
    const fn = n.fn;
    const name = n.name;
    n.fn = (args, kw) => {
      arityCheck(vm, name, spec, args.length, kw);
      return fn(args, kw);
    };
  }
  for (const [name, spec] of Object.entries(CTOR_ARITY)) {
    const t = vm.T[name];
    const fn = t ? vm.ctors.get(t) : undefined;
    if (!t || !fn) continue;
    vm.ctors.set(t, (ty, args, kw) => {
      if (ty === t) arityCheck(vm, name, spec, args.length, kw);
      return fn(ty, args, kw);
    });
  }
}

declare module "../vm/vm.js" {
  interface VM {
    /** print's tuple of keyword names, made on its first call (kept alive by keepAlive): a VM field, not a
     *  closure variable, so that an interpreter restored to its start-up state makes it again. */
    printKwNames: Obj;
    writeTo(file: Obj, text: string): void;
    evalSource(args: Obj[], mode: "eval" | "exec"): Obj;
    takeStopValue(): Obj;
  }
}

/** callable(o) */
export function isCallable(vm: VM, o: Obj): boolean {
  const ti = vm.typeInfo(o);
  const k = ti.kind;
  return k === Kind.FUNCTION || k === Kind.BUILTIN || k === Kind.METHOD || k === Kind.TYPE || k === Kind.MDESCR || !!vm.lookupType(ti, "__call__");
}

function strArg(vm: VM, o: Obj): string {
  return vm.str(o);
}

/** Constructors of builtin types. */
function registerConstructors(vm: VM): void {
  const h = vm.h;
  const C = (name: string, fn: (t: Obj, args: Obj[], kw: KwArgs | null) => Obj) => {
    if (vm.T[name]) vm.ctors.set(vm.T[name], fn);
  };
  // the heap object of a subclass of a builtin type: the builtin value wrapped by the heap's subtype
  const sub = (t: Obj, base: string, make: () => Obj): Obj => {
    if (t === vm.typesByName[base]) return make();
    const o = make();
    const r = vm.retype(o, t);
    return r;
  };
  C("module", (t, args, kw) => rarely(vm, 2, t, 0, args, kw));
  C("NoneType", (_t, args) => {
    if (args.length) vm.typeError("NoneType takes no arguments");
    return vm.none();
  });
  C("ellipsis", () => vm.newRef(vm.Ellipsis));
  C("NotImplementedType", () => vm.newRef(vm.NotImplemented));
  C("object", (t, args) => {
    if (args.length) vm.typeError("object() takes no arguments");
    return h.newObject(t);
  });
  // keyword arguments the constructors accept (a class deriving from them passes its call's keywords on)
  const onlyKeywords = (kw: KwArgs | null, type: string, allowed: string[]): void => {
    if (!kw || !kw.names.length) return;
    if (!allowed.length) vm.typeError(`${type}() takes no keyword arguments`);
    for (const n of kw.names) if (!allowed.includes(n)) vm.typeError(`'${n}' is an invalid keyword argument for ${type}()`);
  };
  C("int", (t, args, kw) => {
    const given = args.length + (kw ? kw.names.length : 0);
    if (given > 2) vm.typeError(`int() takes at most 2 arguments (${given} given)`);
    onlyKeywords(kw, "int", ["base"]);
    const base = args[1] ?? kwarg(kw, "base");
    return sub(t, "int", () => {
      if (!args.length) return vm.newInt(0n);
      const x = args[0];
      const k = vm.kindOf(x);
      if (base) {
        if (k !== Kind.STR && k !== Kind.BYTES) vm.typeError("int() can't convert non-string with explicit base");
        const b = Number(vm.index(base));
        const s = k === Kind.STR ? vm.str(x) : latin1(h.readBytes(x));
        try {
          return vm.newInt(parseIntUnicode(s, b, vm.intMaxDigits));
        } catch (e) {
          throw vm.wrapErr(e);
        }
      }
      const ti = vm.typeInfo(x);
      if (k === Kind.INT && !ti.heap) return vm.newRef(x);
      // a subclass's own __int__ comes before the builtin conversion it inherits
      if (ti.heap && vm.lookupType(ti, "__int__")?.obj) return intResult(x, "__int__");
      if (k === Kind.INT || k === Kind.BOOL) return vm.newInt(h.readInt(x));
      if (k === Kind.FLOAT) {
        const v = h.readFloat(x);
        if (Number.isNaN(v)) vm.raise("ValueError", "cannot convert float NaN to integer");
        if (!Number.isFinite(v)) vm.raise("OverflowError", "cannot convert float infinity to integer");
        return vm.newInt(BigInt(Math.trunc(v)));
      }
      if (k === Kind.STR || k === Kind.BYTES) {
        const s = k === Kind.STR ? vm.str(x) : latin1(h.readBytes(x));
        try {
          return vm.newInt(parseIntUnicode(s, 10, vm.intMaxDigits));
        } catch (e) {
          throw vm.wrapErr(e);
        }
      }
      for (const m of ["__int__", "__index__", "__trunc__"]) if (vm.lookupType(ti, m)) return intResult(x, m);
      vm.typeError(`int() argument must be a string, a bytes-like object or a real number, not '${ti.name}'`);
    });
  });
  // int(x) through x's __int__, __index__ or __trunc__: an int (a subclass's as an exact int), or for
  // __trunc__ anything with __index__
  const intResult = (x: Obj, m: string): Obj => {
    if (m === "__trunc__") warn(vm, "DeprecationWarning", "The delegation of int() to __trunc__ is deprecated.");
    const r = vm.callSpecial(x, m, []);
    const t = vm.typeInfo(r);
    if (t.kind === Kind.INT && !t.heap) return r;
    try {
      if (t.kind === Kind.INT || t.kind === Kind.BOOL) {
        if (m !== "__trunc__") warnStrictSubclass(vm, m, r, "int");
        return vm.newInt(h.readInt(r));
      }
      if (m === "__trunc__" && vm.lookupType(t, "__index__")) return vm.newInt(vm.index(r));
      vm.typeError(`${m} returned non-${m === "__trunc__" ? "Integral" : "int"} (type ${t.name})`);
    } finally {
      vm.decref(r);
    }
  };
  C("bool", (_t, args) => {
    if (args.length > 1) vm.typeError(`bool expected at most 1 argument, got ${args.length}`);
    return vm.bool(args.length ? vm.truthy(args[0]) : false);
  });
  C("float", (t, args, kw) =>
    sub(t, "float", () => {
      onlyKeywords(kw, "float", []);
      if (!args.length) return h.newFloat(0);
      const x = args[0];
      const ti = vm.typeInfo(x);
      const k = ti.kind;
      if (k === Kind.FLOAT && !ti.heap) return vm.newRef(x);
      // a class's own __float__ first (a float subclass's too), then the value, a string, __index__
      if (ti.heap && vm.lookupType(ti, "__float__")) {
        // an exact float, or a strict subclass's value (with python3's DeprecationWarning)
        const r = vm.callSpecial(x, "__float__", []);
        const rt = vm.typeInfo(r);
        if (rt.kind === Kind.FLOAT && !rt.heap) return r;
        try {
          const who = `${ti.name}.__float__`;
          if (rt.kind !== Kind.FLOAT) vm.typeError(`${who} returned non-float (type ${rt.name})`);
          warnStrictSubclass(vm, who, r, "float");
          return h.newFloat(h.readFloat(r));
        } finally {
          vm.decref(r);
        }
      }
      if (k === Kind.FLOAT || k === Kind.INT || k === Kind.BOOL) return h.newFloat(vm.toFloat(x));
      const buf = k === Kind.STR ? null : bufferOf(vm, x);
      if (k === Kind.STR || buf) {
        // a bytes-like object's text is ASCII, stripped of ASCII whitespace only
        const t = buf ? latin1(buf) : "";
        const v = /[^\0-\x7f]/.test(t) ? null : parseFloatLiteral(buf ? t : asciiDigits(vm.str(x)));
        if (v === null) vm.raise("ValueError", `could not convert string to float: ${vm.repr(x)}`);
        return h.newFloat(v);
      }
      if (vm.lookupType(ti, "__index__")) return h.newFloat(vm.toFloat(x, true));
      vm.typeError(`float() argument must be a string or a real number, not '${ti.name}'`);
    }),
  );
  C("complex", (t, args, kw) => sub(t, "complex", () => rareBuiltin(vm, 0, args, kw)));
  const strType = vm.T.str;
  const intType = vm.T.int;
  C("str", (t, args, kw) => {
    // str(x) of an exact int or str, the common call: no keyword parsing, the digits read from memory
    if (t === strType && kw === null && args.length === 1) {
      const x = args[0]!;
      const xt = h.typeOf(x);
      if (xt === intType) {
        const r = h.intDecimalStr(x);
        if (r !== 0) return r;
        const s = h.intDecimal(x);
        if (s.length <= 640) return h.newStrUncached(s);
      } else if (xt === strType) return vm.newRef(x);
    }
    return strCall(t, args, kw);
  });
  const strCall = (t: Obj, args: Obj[], kw: KwArgs | null): Obj =>
    sub(t, "str", () => {
      onlyKeywords(kw, "str", ["object", "encoding", "errors"]);
      const x = args[0] ?? kwarg(kw, "object");
      if (!x) return h.newStr("");
      const enc = args[1] ?? kwarg(kw, "encoding");
      const errs = args[2] ?? kwarg(kw, "errors");
      if (enc || errs) {
        const b = bufferOf(vm, x);
        if (!b) vm.typeError(vm.kindOf(x) === Kind.STR ? "decoding str is not supported" : `decoding to str: need a bytes-like object, ${vm.typeName(x)} found`);
        if (errs && vm.kindOf(errs) !== Kind.STR) vm.typeError(`str() argument 'errors' must be str, not ${vm.typeName(errs)}`);
        if (enc && vm.kindOf(enc) !== Kind.STR) vm.typeError(`str() argument 'encoding' must be str, not ${vm.typeName(enc)}`);
        return h.newStr(decodeBytes(vm, b, codecName(vm, enc || undefined, "utf-8"), errs ? vm.str(errs) : "strict"));
      }
      const ti = vm.typeInfo(x);
      if ((ti.kind === Kind.INT || ti.kind === Kind.FLOAT) && !ti.heap) return h.newStrUncached(vm.nativeRepr(x, ti));
      return vm.strObj(x);
    });
  C("bytes", (t, args, kw) => sub(t, "bytes", () => bytesNew(vm, args, kw)));
  C("tuple", (t, args, kw) =>
    sub(t, "tuple", () => {
      onlyKeywords(kw, "tuple", []);
      if (!args.length) return h.newTuple([]);
      const x = args[0];
      if (vm.kindOf(x) === Kind.TUPLE && !vm.typeInfo(x).heap) return vm.newRef(x);
      if (vm.kindOf(x) === Kind.LIST && !vm.typeInfo(x).heap) return h.newTuple(vm.listItems(x));
      const items = vm.collect(x, 10);
      return h.newTupleSteal(items);
    }),
  );
  C("list", (t, args) => {
    if (args.length > 1) vm.typeError(`list expected at most 1 argument, got ${args.length}`);
    if (t !== vm.T.list) return h.newObject(t);
    if (!args.length) return h.newList([], "list()");
    const x = args[0];
    // as list_new then list___init__: the list object comes first (an automatic collection started by its
    // allocation may run finalizers that change the argument), then the items are read and copied
    const l = h.newList([], "list()");
    try {
      vm.listExtendFrom(l, x);
      return l;
    } catch (e) {
      h.decref(l);
      throw e;
    }
  });
  C("dict", (t, args, kw) => {
    const d = t === vm.T.dict ? h.newDict("dict()") : h.newObject(t);
    try {
      if (t === vm.T.dict) {
        if (args.length > 1) vm.typeError(`dict expected at most 1 argument, got ${args.length}`);
        if (args.length) dictInitFrom(vm, d, args[0]);
        if (kw) for (let i = 0; i < kw.names.length; i++) vm.dictSetStr(d, vm.name(kw.names[i]), kw.values[i]);
      }
    } catch (e) {
      h.decref(d);
      throw e;
    }
    return d;
  });
  C("set", (t, args) => {
    if (t !== vm.T.set) return h.newObject(t);
    const s = vm.newSet([], false);
    try {
      if (args.length) vm.setUpdateFrom(s, args[0]);
    } catch (e) {
      h.decref(s);
      throw e;
    }
    return s;
  });
  C("frozenset", (t, args) => {
    if (args.length && vm.kindOf(args[0]) === Kind.FROZENSET && t === vm.T.frozenset && !vm.typeInfo(args[0]).heap) return vm.newRef(args[0]);
    // make_new_set(type, iterable): the new set first, then set_update_internal (a set or dict merged whole)
    const s = t !== vm.T.frozenset ? h.newObject(t) : vm.newSet([], true);
    try {
      if (args.length) vm.setUpdateFrom(s, args[0]);
    } catch (e) {
      h.decref(s);
      throw e;
    }
    return s;
  });
  C("range", (_t, args) => {
    nargs(vm, "range", args, 1, 3);
    const n = args.map((a) => vm.index(a));
    if (n.length === 1) return makeRange(vm, { start: 0n, stop: n[0], step: 1n });
    if (n.length === 3 && n[2] === 0n) vm.raise("ValueError", "range() arg 3 must not be zero");
    return makeRange(vm, { start: n[0], stop: n[1], step: n[2] ?? 1n });
  });
  C("slice", (_t, args) => {
    nargs(vm, "slice", args, 1, 3);
    if (args.length === 1) return vm.newSliceSteal(vm.none(), vm.newRef(args[0]), vm.none());
    return vm.newSliceSteal(vm.newRef(args[0]), vm.newRef(args[1]), vm.newRef(args[2] ?? vm.None));
  });
  C("property", (t, args, kw) => {
    const p = h.newObject(t);
    const fget = args[0] ?? kwarg(kw, "fget");
    const fset = args[1] ?? kwarg(kw, "fset");
    const fdel = args[2] ?? kwarg(kw, "fdel");
    const doc = args[3] ?? kwarg(kw, "doc");
    if (fget && fget !== vm.None) h.setSlot(p, L.NATIVE_A, fget);
    if (fset && fset !== vm.None) h.setSlot(p, L.NATIVE_B, fset);
    if (fdel && fdel !== vm.None) h.setSlot(p, L.NATIVE_C, fdel);
    if (doc && doc !== vm.None) h.setSlot(p, L.NATIVE_D, doc);
    return p;
  });
  const wrapper = (name: string) =>
    C(name, (t, args) => {
      // its __init__'s check (a subclass's own __init__ takes what it takes)
      if (!vm.lookupType(vm.infoOfType(t), "__init__")?.obj && args.length !== 1) vm.typeError(`${name} expected 1 argument, got ${args.length}`);
      const o = h.newObject(t);
      if (args[0]) h.setSlot(o, L.NATIVE_A, args[0]);
      return o;
    });
  wrapper("staticmethod");
  wrapper("classmethod");
  C("super", (t, args) => {
    if (args.length > 2) vm.typeError(`super() expected at most 2 arguments, got ${args.length}`);
    if (args.length && vm.kindOf(args[0]) !== Kind.TYPE) vm.typeError(`super() argument 1 must be a type, not ${vm.typeName(args[0])}`);
    return vm.newSuper(args, t);
  });
  C("enumerate", (_t, args, kw) => {
    const start = args[1] ?? kwarg(kw, "start");
    const it = vm.getIter(args[0] ?? kwarg(kw, "iterable"));
    try {
      return vm.newNativeIter("enumerate", it, 0, start ? Number(vm.index(start)) : 0);
    } finally {
      vm.decref(it);
    }
  });
  /** iter() of each argument: new references, released again if one of them fails. */
  const iters = (xs: Obj[]): Obj[] => {
    const out: Obj[] = [];
    try {
      for (const a of xs) out.push(vm.getIter(a));
    } catch (e) {
      for (const o of out) h.decref(o);
      throw e;
    }
    return out;
  };
  C("zip", (_t, args, kw) => {
    onlyKw(vm, "zip", kw, ["strict"]);
    const its = iters(args);
    const tup = h.newTupleSteal(its);
    const strict = kwarg(kw, "strict");
    try {
      const z = vm.newNativeIter("zip", tup);
      // zip(..., strict=True): NATIVE_J = 1, read by the zip iterator when an argument runs out
      if (strict && vm.truthy(strict)) h.setI32(z, L.NATIVE_J, 1);
      return z;
    } finally {
      vm.decref(tup);
    }
  });
  C("map", (_t, args) => {
    if (args.length < 2) vm.typeError("map() must have at least two arguments.");
    const its = iters(args.slice(1));
    const tup = h.newTupleSteal(its);
    try {
      return vm.newNativeIter("map", tup, args[0]);
    } finally {
      vm.decref(tup);
    }
  });
  C("filter", (_t, args) => {
    nargs(vm, "filter", args, 2, 2);
    const it = vm.getIter(args[1]);
    try {
      return vm.newNativeIter("filter", it, args[0]);
    } finally {
      vm.decref(it);
    }
  });
  C("reversed", (_t, args) => {
    nargs(vm, "reversed", args, 1, 1);
    const x = args[0];
    const ti = vm.typeInfo(x);
    const rv = ti.heap && vm.lookupType(ti, "__reversed__");
    // __reversed__ = None: not reversible (collections.abc.Mapping's)
    if (rv) return rv.obj === vm.None ? vm.typeError(`'${ti.name}' object is not reversible`) : vm.callSpecial(x, "__reversed__", []);
    if (ti.kind === Kind.LIST) return vm.newNativeIter("list_reverseiterator", x, 0, h.listLen(x) - 1);
    const big = ti.kind === Kind.RANGE ? bigRangeOf(vm, x) : null;
    if (big) return bigRangeIter(vm, x, big, true);
    if (ti.kind === Kind.RANGE) {
      // range_reverse: a range_iterator (the bounds fit a double, so a C long) walking back
      const it = vm.newNativeIter("range_iterator", x);
      h.setI32(it, L.NATIVE_J, 1);
      return it;
    }
    if (ti.kind === Kind.DICT || ti.kind === Kind.VIEW) {
      // a dict, one of its views or a mappingproxy (as its dict): its keys, values or (key, value) pairs,
      // from the last entry back
      const d = ti.kind === Kind.DICT ? x : h.getSlot(x, L.NATIVE_A);
      const w = ti.name === "dict_values" ? "value" : ti.name === "dict_items" ? "item" : "key";
      const it = vm.newNativeIter(`dict_reverse${w}iterator`, d);
      for (let p = -1; (p = h.dictNext(d, p)) >= 0; ) h.setI32(it, L.NATIVE_I, p);
      return it;
    }
    if (!vm.lookupType(ti, "__getitem__") && ti.kind !== Kind.TUPLE && ti.kind !== Kind.STR && ti.kind !== Kind.BYTES) {
      vm.typeError(`'${ti.name}' object is not reversible`);
    }
    return vm.newNativeIter("reversed", x, 0, vm.len(x) - 1);
  });
  vm.ctors.set(vm.T.BaseException, (t, args, kw) => {
    // OSError(errno, strerror, ...) becomes the subclass its errno names (FileNotFoundError for 2)
    if (t === vm.T.OSError && args.length >= 2 && args.length <= 5 && vm.kindOf(args[0]) === Kind.INT) {
      t = rareBuiltin(vm, 4, args) || t;
    }
    const ti = vm.infoOfType(t);
    const isa = (n: string) => vm.isSubtype(ti, vm.infoOfType(vm.T[n]));
    // a class's own __init__ gets the keywords and sets the fields (BaseException.__new__ only keeps args)
    const nativeInit = !vm.lookupTypeOwner(ti, "__init__")?.heap;
    if (nativeInit) checkExcKeywords(vm, ti, kw);
    if (nativeInit && (isa("UnicodeEncodeError") || isa("UnicodeDecodeError"))) rareBuiltin(vm, isa("UnicodeDecodeError") ? 6 : 5, args);
    const e = h.newObject(t);
    h.setSlotSteal(e, L.EXC_ARGS, h.newTuple(args));
    if (nativeInit) {
      try {
        setExcFields(vm, e, ti, args, kw);
      } catch (x) {
        h.decref(e);
        throw x;
      }
    }
    if (isa("OSError") && args.length >= 2 && args.length <= 5) {
      // OSError(errno, strerror[, filename[, winerror[, filename2]]]): with a file name, args keeps only
      // errno and strerror
      h.setSlot(e, OSERR_ERRNO, args[0]);
      h.setSlot(e, OSERR_STRERROR, args[1]);
      if (args.length >= 3 && args[2] !== vm.None) {
        h.setSlot(e, OSERR_FILENAME, args[2]);
        if (args.length === 5) h.setSlot(e, OSERR_FILENAME2, args[4]);
        h.setSlotSteal(e, L.EXC_ARGS, h.newTuple(args.slice(0, 2)));
      }
    }
    if (isa("BaseExceptionGroup")) {
      if (args.length !== 2) vm.typeError(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${args.length} given)`);
      h.setSlot(e, L.EXC_EXTRA, args[0]);
      const items = vm.collect(args[1]);
      h.setSlotSteal(e, L.EXC_EXTRA2, h.newTupleSteal(items));
    }
    return e;
  });
}

/** The keywords an exception's __init__ takes: NameError's, AttributeError's and ImportError's fields. */
export function checkExcKeywords(vm: VM, ti: TypeInfo, kw: KwArgs | null): void {
  if (!kw || !kw.names.length) return;
  const isa = (n: string) => vm.isSubtype(ti, vm.infoOfType(vm.T[n]));
  const base = ["NameError", "AttributeError", "ImportError"].find(isa);
  if (!base) vm.typeError(`${ti.name}() takes no keyword arguments`);
  // the message names the class whose __init__ takes them (ImportError's for ModuleNotFoundError)
  const allowed = base === "NameError" ? ["name"] : base === "AttributeError" ? ["name", "obj"] : ["name", "path"];
  for (const n of kw.names) if (!allowed.includes(n)) vm.typeError(`'${n}' is an invalid keyword argument for ${base}()`);
}

/** What an exception class's __init__ sets besides args: StopIteration's value, SystemExit's code (kept
 *  when there are no arguments), the name (and obj, path) keywords and ImportError's msg (its one argument). */
export function setExcFields(vm: VM, e: Obj, ti: TypeInfo, args: Obj[], kw: KwArgs | null): void {
  const h = vm.h;
  const isa = (n: string) => vm.isSubtype(ti, vm.infoOfType(vm.T[n]));
  if (isa("StopIteration")) h.setSlot(e, L.EXC_EXTRA, args[0] ?? vm.None);
  if (isa("SystemExit") && args.length) h.setSlot(e, L.EXC_EXTRA, args.length === 1 ? args[0]! : h.getSlot(e, L.EXC_ARGS));
  if (isa("NameError")) h.setSlot(e, L.EXC_EXTRA, kwarg(kw, "name"));
  if (isa("AttributeError")) {
    h.setSlot(e, L.EXC_EXTRA2, kwarg(kw, "name"));
    h.setSlot(e, L.EXC_EXTRA, kwarg(kw, "obj"));
  }
  // encoding, object, start, end, reason
  if (isa("UnicodeEncodeError") || isa("UnicodeDecodeError")) rareBuiltin(vm, isa("UnicodeDecodeError") ? 6 : 5, args, null, e);
  if (isa("SyntaxError") && args.length) {
    // SyntaxError(msg[, (filename, lineno, offset, text[, end_lineno, end_offset])])
    h.setSlot(e, L.EXC_EXTRA, args[0]!);
    const info = args.length === 2 ? vm.collect(args[1]!) : [];
    try {
      if (args.length === 2 && (info.length < 4 || info.length > 6)) vm.typeError(`function takes ${info.length < 4 ? "at least 4" : "at most 6"} arguments (${info.length} given)`);
      if (info.length === 5) vm.typeError("end_offset must be provided when end_lineno is provided");
      // into the words of filename, lineno, offset, text, end_lineno and end_offset (SYNERR_FIELDS)
      info.forEach((v, i) => h.setSlot(e, L.EXC_EXTRA + 8 * [1, 2, 3, 6, 4, 5][i]!, v));
    } finally {
      for (const v of info) h.decref(v);
    }
  }
  if (isa("ImportError")) {
    h.setSlot(e, IMPORTERR_MSG, args.length === 1 ? args[0]! : 0);
    h.setSlot(e, IMPORTERR_NAME, kwarg(kw, "name"));
    h.setSlot(e, IMPORTERR_PATH, kwarg(kw, "path"));
  }
}

/** locals() (and vars() without an argument): a module or class body's namespace, else a new dict of the
 *  running function's bound locals (a cell's contents). New reference. */
function localsDict(vm: VM): Obj {
  const h = vm.h;
  const f = vm.frame!;
  if (f.locals) return vm.newRef(f.locals);
  const d = h.newDict("dict()");
  const co = f.info.code;
  co.co_localsplusnames.forEach((n, i) => {
    let v = f.localsplus[i];
    if (v && co.co_localspluskinds[i] & 0xc0 && vm.kindOf(v) === Kind.CELL) v = h.getSlot(v, L.CELL_REF);
    if (v) vm.dictSetStr(d, vm.name(n), v);
  });
  return d;
}

declare module "../vm/vm.js" {
  interface VM {
    retype(o: Obj, t: Obj): Obj;
  }
}

/** The text with Unicode decimal digits replaced by ASCII ones and Unicode spaces by ' ' (int() and
 *  float() accept both, as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII does). */
export function asciiDigits(s: string): string {
  return /^[\x00-\x7f]*$/.test(s) ? s : wideDigits(s);
}

/** parseIntLiteral over asciiDigits(s); an invalid text raises with the original text in its message. */
function parseIntUnicode(s: string, base: number, max: number): bigint {
  const t = asciiDigits(s);
  if (t === s) return parseIntLiteral(s, base, max);
  try {
    return parseIntLiteral(t, base, max);
  } catch {
    return parseIntLiteral(s, base, max);
  }
}

/** dict(src) / dict.update(src): a mapping's items, or an iterable of pairs (with CPython's errors);
 *  the same rule as `d |= src`, so both go through the VM's one implementation. */
export function dictInitFrom(vm: VM, d: Obj, src: Obj): void {
  vm.dictUpdateArg(d, src);
}

export { strArg, PyErr };
