/**
 * Start-up: adopt the heap's built-in types, register the VM's own types (functions, code, cells,
 * methods, iterators, exceptions…) with their 64-bit CPython layouts, and wire the heap's hooks
 * (finalizers, weakref callbacks, gc callbacks, __eq__/__hash__ of Python classes).
 */
import { abi } from "@pyheap/heap";
import type { Obj, TypeDesc } from "./heap-api.js";
import { Kind } from "./types.js";
import { LimitExceeded, PyRaise, VM } from "./vm.js";
import * as L from "./layouts.js";
import { listIterNext, rangeIterNext } from "./fast.js";
import { bigRangeNext, installBigRanges } from "./ranges.js";

declare module "./vm.js" {
  interface VM {
    bootstrapTypes(): void;
    registerIterators(): void;
    registerExceptions(): void;
    runFinalizer(o: Obj): void;
    addStaticSubclassRefs(): void;
    /** The built-in types addStaticSubclassRefs has given their weakref. */
    staticSubclassRefs?: Set<Obj>;
  }
}

const proto = VM.prototype;

proto.bootstrapTypes = function (this: VM): void {
  const h = this.h;
  const ht = h.types;
  this.gens = [];
  this.ctors = new Map();
  this.stopValue = 0;
  this.hookError = null;
  installBigRanges(this);
  const obj = this.adoptType(ht.object, "object", Kind.OBJECT, null, { basicsize: 16 });
  const adopt = (name: string, kind: Kind, basicsize: number, base = obj, extra = {}) => {
    if (!ht[name]) throw new Error(`internal: the heap has no built-in type ${name}`);
    return this.adoptType(ht[name], name, kind, base, { basicsize, ...extra });
  };
  adopt("type", Kind.TYPE, 904, obj, { weaklistOffset: 368 });
  const int = adopt("int", Kind.INT, 24);
  adopt("bool", Kind.BOOL, 24, int, { baseType: false });
  adopt("float", Kind.FLOAT, 24);
  adopt("str", Kind.STR, 80);
  adopt("bytes", Kind.BYTES, 33);
  adopt("tuple", Kind.TUPLE, 24);
  adopt("list", Kind.LIST, 40);
  adopt("dict", Kind.DICT, 48);
  if (ht.set) adopt("set", Kind.SET, 200, obj, { weaklistOffset: 192 });
  if (ht.frozenset) adopt("frozenset", Kind.FROZENSET, 200, obj, { weaklistOffset: 192 });
  adopt("NoneType", Kind.NONE, 16, obj, { baseType: false });
  adopt("ellipsis", Kind.ELLIPSIS, 16, obj, { baseType: false });
  adopt("NotImplementedType", Kind.NOTIMPL, 16, obj, { baseType: false });
  if (ht.weakref) this.adoptType(ht.weakref, "weakref", Kind.WEAKREF, obj, { basicsize: 64, name: "ReferenceType", qualname: "ReferenceType", module: "weakref" });
  if (ht.weakref) this.T.weakref = ht.weakref;

  const reg = (name: string, kind: Kind, basicsize: number, refs: number[], opts: { gc?: boolean; itemsize?: number; varRefs?: boolean; weak?: number; freelist?: number; freelistKeep?: boolean; base?: string | null; baseType?: boolean; finalizer?: boolean; flags?: number } = {}) =>
    this.nativeType(name, kind, {
      basicsize,
      gc: opts.gc ?? true,
      refSlots: refs,
      itemsize: opts.itemsize,
      varRefs: opts.varRefs,
      weaklistOffset: opts.weak,
      freelist: opts.freelist,
      ...(opts.freelistKeep ? { freelistKeep: true } : {}),
      ...(opts.finalizer ? { finalizer: true } : {}),
      flags: opts.flags,
    } as Omit<TypeDesc, "name">, opts.base === undefined ? "object" : opts.base, { baseType: opts.baseType ?? false });

  reg("complex", Kind.COMPLEX, 32, [], { gc: false, baseType: true });
  reg("function", Kind.FUNCTION, L.FUNC_BASICSIZE, L.FUNC_REFS, { weak: L.FUNC_WEAKREFS });
  reg("code", Kind.CODE, L.CODE_BASICSIZE, [L.CODE_CONSTS, L.CODE_NAMES, L.CODE_LOCALSPLUSNAMES, L.CODE_FILENAME, L.CODE_NAME, L.CODE_QUALNAME], { gc: false });
  reg("cell", Kind.CELL, L.CELL_BASICSIZE, [L.CELL_REF]);
  reg("method", Kind.METHOD, L.METHOD_BASICSIZE, [L.METHOD_FUNC, L.METHOD_SELF], { weak: L.METHOD_WEAKREFS });
  // these two deallocate under the trashcan (as list, tuple, dict, set and most exceptions do)
  reg("builtin_function_or_method", Kind.BUILTIN, L.CFUNC_BASICSIZE, [L.CFUNC_SELF, L.CFUNC_MODULE], { weak: L.CFUNC_WEAKREFS, flags: abi.TPF_TRASHCAN });
  // CPython's method descriptors exist from start-up on; ours are made on first use, so they must not
  // move the GC counts: a non-GC type (they only reference their static type)
  reg("method_descriptor", Kind.MDESCR, L.MDESCR_BASICSIZE, [L.MDESCR_TYPE], { gc: false });
  // a slot's descriptor (int.__add__) and its bound form ((1).__add__): laid out as method_descriptor and
  // builtin_function_or_method are (the bound one without module and weakref fields, as CPython's
  // wrapperobject), sharing their native methods (__get__…)
  reg("wrapper_descriptor", Kind.MDESCR, L.MDESCR_BASICSIZE, [L.MDESCR_TYPE], { gc: false }).methods = this.infoOfType(this.T.method_descriptor).methods;
  reg("method-wrapper", Kind.BUILTIN, L.CFUNC_MODULE, [L.CFUNC_SELF], { flags: abi.TPF_TRASHCAN }).methods = this.infoOfType(this.T.builtin_function_or_method).methods;
  reg("getset_descriptor", Kind.GETSET, L.DESCR_BASICSIZE, [L.DESCR_TYPE, L.DESCR_NAME, L.DESCR_QUALNAME]);
  reg("member_descriptor", Kind.MEMBER, L.DESCR_BASICSIZE, [L.DESCR_TYPE, L.DESCR_NAME, L.DESCR_QUALNAME]);
  // (a subclass's instances keep their attributes in the module's own dict)
  reg("module", Kind.MODULE, L.MODULE_BASICSIZE, [L.MODULE_DICT, L.MODULE_NAME], { weak: L.MODULE_WEAKREFS, baseType: true }).hasDict = true;
  reg("generator", Kind.GENERATOR, L.GEN_BASICSIZE, [L.GEN_CODE, L.GEN_NAME, L.GEN_QUALNAME, L.GEN_FUNC_GLOBALS, L.GEN_EXC_STATE, L.GEN_FRAME_OBJ], { itemsize: 8, varRefs: true, weak: L.GEN_WEAKREFS, finalizer: true });
  reg("traceback", Kind.TRACEBACK, L.TB_BASICSIZE, [L.TB_NEXT, L.TB_FRAME]);
  reg("frame", Kind.FRAME, L.FRAME_BASICSIZE, [L.FRAME_BACK, L.FRAME_CODE, L.FRAME_GLOBALS, L.FRAME_LOCALS, L.FRAME_TRACE], { itemsize: 8, varRefs: true, flags: abi.TPF_TRASHCAN });
  reg("range", Kind.RANGE, 48, [], { gc: false });
  // the one-slot slice cache survives full collections (3.11 does not clear it in gc)
  reg("slice", Kind.SLICE, 40, [L.NATIVE_A, L.NATIVE_B, L.NATIVE_C], { freelist: 1, freelistKeep: true });
  reg("property", Kind.PROPERTY, 64, [L.NATIVE_A, L.NATIVE_B, L.NATIVE_C, L.NATIVE_D], { baseType: true });
  reg("staticmethod", Kind.STATICMETHOD, 32, [L.NATIVE_A, L.NATIVE_B], { baseType: true });
  reg("classmethod", Kind.CLASSMETHOD, 32, [L.NATIVE_A, L.NATIVE_B], { baseType: true });
  reg("super", Kind.SUPER, 40, [L.NATIVE_A, L.NATIVE_B, L.NATIVE_C], { baseType: true });
  reg("dict_keys", Kind.VIEW, 24, [L.NATIVE_A]);
  reg("dict_values", Kind.VIEW, 24, [L.NATIVE_A]);
  reg("dict_items", Kind.VIEW, 24, [L.NATIVE_A]);
  reg("mappingproxy", Kind.VIEW, 24, [L.NATIVE_A]);
  this.registerIterators();
  this.registerExceptions();
  this.addStaticSubclassRefs();
};

/**
 * PyType_Ready's add_subclass for the built-in types: CPython readies every static type at start-up, and
 * each one's base keeps it in its subclass list through a weakref to it (object itself has no base). So
 * weakref.getweakrefcount(int) is 1, weakref.getweakrefs(bool)[0]() is bool, and weakref.ref(int) is that
 * same basic weakref. The interpreter holds these weakrefs for its life (released at shutdown); a type is
 * given one once, whenever it was registered before this runs. (CPython's start-up adds more weakrefs to
 * some types — abc registrations of list, dict, str… — which depend on what start-up imported and are not
 * made here.)
 */
proto.addStaticSubclassRefs = function (this: VM): void {
  const h = this.h as unknown as { newWeakref(o: Obj, cb?: Obj, type?: Obj): Obj };
  this.staticSubclassRefs ??= new Set();
  for (const ti of this.typeInfos) {
    if (ti.heap || !ti.base || this.staticSubclassRefs.has(ti.obj)) continue;
    this.keepAlive.push(h.newWeakref(ti.obj, 0));
    this.staticSubclassRefs.add(ti.obj);
  }
};

/** zip(strict=True) when argument k ran out: ValueError unless it is the first and all others ran out too. */
function zipStrictEnd(vm: VM, its: Obj, k: number): void {
  const plural = (j: number) => (j > 1 ? `arguments 1-${j}` : "argument 1");
  if (k > 0) vm.raise("ValueError", `zip() argument ${k + 1} is shorter than ${plural(k)}`);
  const n = vm.tupleLen(its);
  for (let j = 1; j < n; j++) {
    const v = vm.iterNext(vm.h.tupleGet(its, j));
    if (v) {
      vm.decref(v);
      vm.raise("ValueError", `zip() argument ${j + 1} is longer than ${plural(j)}`);
    }
  }
}

/** Iterators: one registered type each, refs at NATIVE_A/B/C, counters at NATIVE_I/J. */
proto.registerIterators = function (this: VM): void {
  const h = this.h;
  const it = (name: string, basicsize: number, gc: boolean, next: (self: Obj) => Obj) => {
    const ti = this.nativeType(name, Kind.ITER, { basicsize: Math.max(basicsize, 56), gc, refSlots: [L.NATIVE_A, L.NATIVE_B, L.NATIVE_C] }, "object", { baseType: false });
    ti.nextFn = next;
    ti.basicsize = basicsize;
  };
  const seqNext = (getLen: (s: Obj) => number, getItem: (s: Obj, i: number) => Obj) => (self: Obj): Obj => {
    const s = h.getSlot(self, L.NATIVE_A);
    if (!s) return 0;
    const i = h.getI32(self, L.NATIVE_I);
    if (i < getLen(s)) {
      h.setI32(self, L.NATIVE_I, i + 1);
      return getItem(s, i);
    }
    h.setSlot(self, L.NATIVE_A, 0);
    return 0;
  };
  it("list_iterator", 32, true, (self) => listIterNext(h, self));
  it("list_reverseiterator", 32, true, (self) => {
    const s = h.getSlot(self, L.NATIVE_A);
    if (!s) return 0;
    const i = h.getI32(self, L.NATIVE_I);
    if (i >= 0 && i < h.listLen(s)) {
      h.setI32(self, L.NATIVE_I, i - 1);
      return this.newRef(h.listGet(s, i));
    }
    h.setSlot(self, L.NATIVE_A, 0);
    return 0;
  });
  it("tuple_iterator", 32, true, seqNext((s) => this.tupleLen(s), (s, i) => this.newRef(h.tupleGet(s, i))));
  it("str_ascii_iterator", 32, true, (self) => {
    const s = h.getSlot(self, L.NATIVE_A);
    if (!s) return 0;
    const i = h.getI32(self, L.NATIVE_I);
    if (i < h.strLength(s)) {
      h.setI32(self, L.NATIVE_I, i + 1);
      return h.newStr(h.strPart(s, i, 1, 1));
    }
    h.setSlot(self, L.NATIVE_A, 0);
    return 0;
  });
  it("bytes_iterator", 32, true, seqNext((s) => h.readBytes(s).length, (s, i) => this.newInt(BigInt(h.readBytes(s)[i]))));
  it("range_iterator", 48, false, (self) => rangeIterNext(h, self));
  // iter() of a range past what a C long holds
  it("longrange_iterator", 48, false, (self) => bigRangeNext(this, self));
  // forward: NATIVE_I the entry last given, NATIVE_D (no reference slot) how many more entries the dict
  // had for it (a key found past them: the keys changed); back (reversed()): the entry to look at next,
  // walking down
  const dictIter = (which: number, back?: boolean) => (self: Obj): Obj => {
    const d = h.getSlot(self, L.NATIVE_A);
    if (!d) return 0;
    if (h.dictLen(d) !== h.getI32(self, L.NATIVE_J)) {
      h.setI32(self, L.NATIVE_J, -1);
      this.raise("RuntimeError", "dictionary changed size during iteration");
    }
    let pos = h.getI32(self, L.NATIVE_I);
    if (back) while (pos >= 0 && !h.dictValueAt(d, pos)) pos--;
    else pos = h.dictNext(d, pos);
    if (pos < 0) {
      h.setSlot(self, L.NATIVE_A, 0);
      return 0;
    }
    if (!back) {
      const left = h.getI32(self, L.NATIVE_D);
      if (left === 0) {
        h.setSlot(self, L.NATIVE_A, 0);
        this.raise("RuntimeError", "dictionary keys changed during iteration");
      }
      h.setI32(self, L.NATIVE_D, left - 1);
    }
    h.setI32(self, L.NATIVE_I, back ? pos - 1 : pos);
    if (which === 0) return this.newRef(h.dictKeyAt(d, pos));
    if (which === 1) return this.newRef(h.dictValueAt(d, pos));
    return h.newTuple([h.dictKeyAt(d, pos), h.dictValueAt(d, pos)]);
  };
  it("dict_keyiterator", 56, true, dictIter(0));
  it("dict_valueiterator", 56, true, dictIter(1));
  it("dict_itemiterator", 56, true, dictIter(2));
  ["key", "value", "item"].forEach((w, i) => it(`dict_reverse${w}iterator`, 56, true, dictIter(i, true)));
  it("set_iterator", 48, true, (self) => {
    const s = h.getSlot(self, L.NATIVE_A);
    if (!s) return 0;
    if (h.setLen!(s) !== h.getI32(self, L.NATIVE_J)) {
      h.setI32(self, L.NATIVE_J, -1);
      this.raise("RuntimeError", "Set changed size during iteration");
    }
    const pos = h.setNext!(s, h.getI32(self, L.NATIVE_I));
    if (pos < 0) {
      h.setSlot(self, L.NATIVE_A, 0);
      return 0;
    }
    h.setI32(self, L.NATIVE_I, pos);
    return this.newRef(h.setKeyAt!(s, pos));
  });
  it("iterator", 32, true, (self) => {
    const s = h.getSlot(self, L.NATIVE_A);
    if (!s) return 0;
    const i = h.getI32(self, L.NATIVE_I);
    const idx = this.newInt(BigInt(i));
    try {
      const v = this.getItem(s, idx);
      h.setI32(self, L.NATIVE_I, i + 1);
      return v;
    } catch (e) {
      if (e instanceof PyRaise && (this.isInstance(e.exc, this.T.IndexError) || this.isInstance(e.exc, this.T.StopIteration))) {
        this.decref(e.exc);
        h.setSlot(self, L.NATIVE_A, 0);
        return 0;
      }
      throw e;
    } finally {
      this.decref(idx);
    }
  });
  it("enumerate", 56, true, (self) => {
    const src = h.getSlot(self, L.NATIVE_A);
    const v = this.iterNext(src);
    if (!v) return 0;
    const i = h.getI32(self, L.NATIVE_I);
    h.setI32(self, L.NATIVE_I, i + 1);
    const n = this.newInt(BigInt(i));
    return h.newTupleSteal([n, v]);
  });
  it("zip", 48, true, (self) => {
    const its = h.getSlot(self, L.NATIVE_A);
    const n = this.tupleLen(its);
    if (n === 0) return 0;
    const out: Obj[] = [];
    for (let k = 0; k < n; k++) {
      const v = this.iterNext(h.tupleGet(its, k));
      if (!v) {
        for (const x of out) h.decref(x);
        if (h.getI32(self, L.NATIVE_J) === 1) zipStrictEnd(this, its, k);
        return 0;
      }
      out.push(v);
    }
    return h.newTupleSteal(out);
  });
  it("map", 32, true, (self) => {
    const fn = h.getSlot(self, L.NATIVE_B);
    const its = h.getSlot(self, L.NATIVE_A);
    const n = this.tupleLen(its);
    const args: Obj[] = [];
    for (let k = 0; k < n; k++) {
      const v = this.iterNext(h.tupleGet(its, k));
      if (!v) {
        for (const x of args) h.decref(x);
        return 0;
      }
      args.push(v);
    }
    try {
      return this.call(fn, args);
    } finally {
      for (const x of args) h.decref(x);
    }
  });
  it("filter", 32, true, (self) => {
    const fn = h.getSlot(self, L.NATIVE_B);
    const src = h.getSlot(self, L.NATIVE_A);
    for (;;) {
      const v = this.iterNext(src);
      if (!v) return 0;
      let ok: boolean;
      try {
        if (fn === this.None) ok = this.truthy(v);
        else {
          const r = this.call(fn, [v]);
          try {
            ok = this.truthy(r);
          } finally {
            h.decref(r);
          }
        }
      } catch (e) {
        h.decref(v);
        throw e;
      }
      if (ok) return v;
      h.decref(v);
    }
  });
  it("reversed", 32, true, (self) => {
    const s = h.getSlot(self, L.NATIVE_A);
    if (!s) return 0;
    const i = h.getI32(self, L.NATIVE_I);
    if (i < 0) {
      h.setSlot(self, L.NATIVE_A, 0);
      return 0;
    }
    const idx = this.newInt(BigInt(i));
    try {
      const v = this.getItem(s, idx);
      h.setI32(self, L.NATIVE_I, i - 1);
      return v;
    } catch (e) {
      // any error from the item ends it, as python3's reversed does; an IndexError or StopIteration quietly
      h.setI32(self, L.NATIVE_I, -1);
      if (!(e instanceof PyRaise && (this.isInstance(e.exc, this.T.IndexError) || this.isInstance(e.exc, this.T.StopIteration)))) throw e;
      this.decref(e.exc);
      return 0;
    } finally {
      this.decref(idx);
    }
  });
};

declare module "./vm.js" {
  interface VM {
    newNativeIter(typeName: string, a: Obj, b?: Obj, i?: number): Obj;
  }
}

proto.newNativeIter = function (this: VM, typeName: string, a: Obj, b: Obj = 0, i = 0): Obj {
  const h = this.h;
  const o = h.newObject(this.typesByName[typeName]);
  h.setSlot(o, L.NATIVE_A, a);
  if (b) h.setSlot(o, L.NATIVE_B, b);
  h.setI32(o, L.NATIVE_I, i);
  if (typeName.startsWith("dict_")) {
    h.setI32(o, L.NATIVE_I, -1);
    h.setI32(o, L.NATIVE_J, h.dictLen(a));
    h.setI32(o, L.NATIVE_D, h.dictLen(a));
  }
  if (typeName === "set_iterator") {
    h.setI32(o, L.NATIVE_I, -1);
    h.setI32(o, L.NATIVE_J, h.setLen!(a));
  }
  return o;
};

/**
 * The built-in exception classes in CPython's order, each with its base and the words its C struct adds to
 * BaseException's (StopIteration's value, OSError's errno, strerror, filename, filename2 and written,
 * SyntaxError's eight fields…), which make its basic size.
 */
const EXC_TREE: [string, string, number?][] = [
  ["BaseException", ""],
  ["BaseExceptionGroup", "BaseException", 2],
  ["GeneratorExit", "BaseException"],
  ["KeyboardInterrupt", "BaseException"],
  ["SystemExit", "BaseException", 1],
  ["Exception", "BaseException"],
  ["ArithmeticError", "Exception"],
  ["FloatingPointError", "ArithmeticError"],
  ["OverflowError", "ArithmeticError"],
  ["ZeroDivisionError", "ArithmeticError"],
  ["AssertionError", "Exception"],
  ["AttributeError", "Exception", 2],
  ["BufferError", "Exception"],
  ["EOFError", "Exception"],
  ["ExceptionGroup", "BaseExceptionGroup", 2],
  ["ImportError", "Exception", 3],
  ["ModuleNotFoundError", "ImportError", 3],
  ["LookupError", "Exception"],
  ["IndexError", "LookupError"],
  ["KeyError", "LookupError"],
  ["MemoryError", "Exception"],
  ["NameError", "Exception", 1],
  ["UnboundLocalError", "NameError", 1],
  ["OSError", "Exception", 5],
  ["BlockingIOError", "OSError", 5],
  ["ChildProcessError", "OSError", 5],
  ["ConnectionError", "OSError", 5],
  ["BrokenPipeError", "ConnectionError", 5],
  ["ConnectionAbortedError", "ConnectionError", 5],
  ["ConnectionRefusedError", "ConnectionError", 5],
  ["ConnectionResetError", "ConnectionError", 5],
  ["FileExistsError", "OSError", 5],
  ["FileNotFoundError", "OSError", 5],
  ["InterruptedError", "OSError", 5],
  ["IsADirectoryError", "OSError", 5],
  ["NotADirectoryError", "OSError", 5],
  ["PermissionError", "OSError", 5],
  ["ProcessLookupError", "OSError", 5],
  ["TimeoutError", "OSError", 5],
  ["ReferenceError", "Exception"],
  ["RuntimeError", "Exception"],
  ["NotImplementedError", "RuntimeError"],
  ["RecursionError", "RuntimeError"],
  ["StopAsyncIteration", "Exception"],
  ["StopIteration", "Exception", 1],
  ["SyntaxError", "Exception", 8],
  ["IndentationError", "SyntaxError", 8],
  ["TabError", "IndentationError", 8],
  ["SystemError", "Exception"],
  ["TypeError", "Exception"],
  ["ValueError", "Exception"],
  ["UnicodeError", "ValueError"],
  ["UnicodeDecodeError", "UnicodeError", 5],
  ["UnicodeEncodeError", "UnicodeError", 5],
  ["Warning", "Exception"],
  ["DeprecationWarning", "Warning"],
  ["FutureWarning", "Warning"],
  ["ResourceWarning", "Warning"],
  ["RuntimeWarning", "Warning"],
  ["SyntaxWarning", "Warning"],
  ["UserWarning", "Warning"],
];

proto.registerExceptions = function (this: VM): void {
  const refs = [L.EXC_DICT, L.EXC_ARGS, L.EXC_NOTES, L.EXC_TRACEBACK, L.EXC_CONTEXT, L.EXC_CAUSE];
  for (const [name, base, extra] of EXC_TREE) {
    const n = extra ?? 0;
    // every extra word is a reference but OSError's fifth (its `written` count) and the Unicode errors'
    // third and fourth (start and end); UnicodeError itself adds none
    const words = n === 5 && name.startsWith("Unicode") ? [0, 8, 32] : Array.from({ length: n === 5 ? 4 : n }, (_, i) => 8 * i);
    const r = [...refs, ...words.map((x) => L.EXC_EXTRA + x)];
    // BaseException's deallocator, under the trashcan, serves the classes without fields of their own but
    // MemoryError, and the exception groups; the others have their own, without it
    const trash = !n !== (name === "MemoryError") || name.endsWith("Group") ? abi.TPF_TRASHCAN : 0;
    const ti = this.nativeType(name, Kind.EXC, { basicsize: L.EXC_BASICSIZE + 8 * n, gc: true, refSlots: r, flags: trash }, base || "object", { baseType: true, hasDict: true });
    if (name === "ExceptionGroup") {
      const exc = this.infoOfType(this.T.Exception);
      ti.mro = [ti, this.infoOfType(this.T.BaseExceptionGroup), ...exc.mro];
    }
  }
};

/** The finalize hook: call __del__ (errors become "Exception ignored in"). */
proto.runFinalizer = function (this: VM, o: Obj): void {
  if (this.programStopped) return;
  const ti = this.typeInfo(o);
  if (ti.kind === Kind.GENERATOR && !ti.heap) {
    // a suspended generator that dies is closed: GeneratorExit at its yield runs its finally blocks
    const st = this.gens[this.h.getI32(o, L.GEN_INDEX)];
    if (!st || st.state !== "suspended") {
      // one never started ends: its arguments go first to last (to its frame object if one outlives it)
      if (st?.state === "created") {
        this.genRestore(st);
        this.genFinish(st);
      }
      return;
    }
    // closed from the frame running now (a frame is unlinked before its locals go: never one half released)
    const saved = this.frame;
    try {
      this.decref(this.callMethod(o, "close", []));
    } catch (e) {
      this.frame = saved;
      if (e instanceof LimitExceeded) return this.deferLimit(e);
      if (!(e instanceof PyRaise)) throw e;
      this.writeUnraisable(e.exc, o);
      this.decref(e.exc);
    }
    this.frame = saved;
    return;
  }
  const d = this.lookupType(ti, "__del__");
  if (!d || !d.obj) return;
  const saved = this.frame;
  let target: Obj = 0;
  try {
    const k = this.kindOf(d.obj);
    if (k === Kind.FUNCTION) {
      target = this.newRef(d.obj);
      this.decref(this.call(d.obj, [o]));
    } else {
      target = this.bindDescr(d, o, ti.obj);
      this.decref(this.call(target, []));
    }
  } catch (e) {
    this.frame = saved;
    if (e instanceof PyRaise) {
      this.writeUnraisable(e.exc, target || d.obj);
      this.decref(e.exc);
    } else {
      if (target) this.decref(target);
      if (e instanceof LimitExceeded) return this.deferLimit(e);
      throw e;
    }
  }
  if (target) this.decref(target);
  this.frame = saved;
};
