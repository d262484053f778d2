/**
 * Rarely reached parts of the VM, behind one entry (`rarely(vm, what, …)`), kept in the page's on-demand
 * chunk (apps/web/bundler/lazy.ts):
 * 0. `T.__dict__` of a class: a mappingproxy of its dict; a built-in type, which keeps no dict, gets a new
 *    dict of its own methods. The proxy's reading methods call the dict's.
 * 1. `del o[k]` of an object that supports no item deletion: python3's TypeError, which reads "doesn't
 *    support" where an int key goes to a type with sequence slots (PySequence_DelItem: str, bytes, tuple,
 *    set, frozenset, range, dict views, mappingproxy, any class), else "does not support".
 *    A weakref proxy deletes the item of its referent.
 * 2. `types.ModuleType(name, doc=None)` (o the type, `args` and `kw` the call's): a module with python3's
 *    five names in its dict. A subclass's own __init__ is left to fill it (module.__init__ does it, made
 *    here at the first call).
 * 3. PyObject_LengthHint(o, k) (k a number) of an instance whose class defines __len__ or __length_hint__
 *    in Python (list(), list.extend, tuple(), bytes(), bytearray.extend…): its len(), else (no len(), or a
 *    TypeError from it) its __length_hint__() (a TypeError or NotImplemented from it gives k), else k; with
 *    python3's errors for a hint that is no int, negative or past a Py_ssize_t. Returned as a number (not an
 *    object).
 * 4. An attribute of sys.stdout or sys.stderr that their type has no method for (k the name): encoding,
 *    errors, name, mode, line_buffering, write_through, closed and newlines as python3's for a script whose
 *    output goes to a pipe with the corpus's environment (PYTHONUNBUFFERED=1, PYTHONIOENCODING=utf-8);
 *    readable(), writable() and seekable() (made here at the first call). 0 for any other name. With `args`
 *    ([v], the attribute assigned or deleted): python3's AttributeError for those it has, else 0.
 * 5. LOAD_NAME's and LOAD_CLASSDEREF's read of a namespace that is no dict (a dict subclass from exec() or
 *    a metaclass's __prepare__): o[k] through its __getitem__ (and dict's __missing__), 0 for a KeyError.
 * 6. DELETE_NAME's `del o[k]` of such a namespace: any error from it becomes python3's NameError.
 * 7. `o.__subclasses__()` (o a class): a new list.
 * 8. repr() of the module o: a new str.
 * 9. An attribute `k` a built-in type has no method for (o the type: `int.real`, `types.FunctionType.__code__`):
 *    python3's getset or member descriptor of the type in o's MRO whose instances have that attribute
 *    natively (NATIVE_DESCRS), a new one at each read; 0 when none. With o a getset or member descriptor: its
 *    `__get__`, `__set__` or `__delete__` (made here at the first read), else 0.
 *    With o such a descriptor and k `__doc__`: python3's doc of it (a new str, or None).
 *    With o a built-in iterator of HINTED (or its type) and k `__length_hint__`: the method, installed on
 *    those types at the first such read.
 * 10. Such a descriptor o applied to the instance k: `args` empty reads it (`__get__`), `[v]` sets it, `[0]`
 *    deletes it (0 returned); python3's TypeError for an instance of another type and "readonly attribute" / "is not
 *    writable" for an attribute that cannot be set.
 * 11. `C.__name__`, `C.__qualname__` or `C.__module__` = args[0] (o the class, k the name): python3's TypeError
 *    for a name that is no str; a module that is no str shows as builtins' in the class's repr.
 * 12. `del C.k` (o the class) of a built-in type, or of a name type's own descriptors have: python3's TypeError
 *    or AttributeError (`__name__`, `__qualname__`, `__module__`, `__bases__` and `__doc__` cannot be deleted;
 *    `__dict__` and the members are read-only); returns 0 for a name the class's dict may lose.
 * 13. A call of the gc function named k with arguments `args` and `kw` it does not take (o: its GC_ARGS
 *    number, modules/index.ts): python3's TypeError.
 * 14. sys.excepthook(*args): the exception printed on stderr as an uncaught one is.
 * 15. object.__init__(o, …) (k 0) or object.__new__(o, …) (k 1, o the class) called with more than the
 *    instance or class: python3's TypeError, unless the class overrides the other one of the two only (a
 *    class with its own __new__ may leave __init__ its arguments, and the reverse); None then.
 * 16. `o <op> k` (args[0] the operator's number, as binaryOp's) where o or k is a weakref proxy: the same
 *    operation on the referents, each held for the call (a method of one may drop the last other reference
 *    to the other, whose reflected method then still runs on it).
 */
import type { Obj } from "./heap-api.js";
import * as L from "./layouts.js";
import { Kind, type KwArgs, type NativeFn, type TypeInfo } from "./types.js";
import { PyRaise, type VM } from "./vm.js";
import { isSlotWrapperName } from "./natives.js";
import { proxyTarget, unproxy } from "./weakrefs.js";

const streamStrs = new WeakMap<VM, Map<string, Obj>>();

/** Per built-in type: the names of its getset descriptors, then after "|" its member descriptors' (python3's
 *  kinds), for attributes its instances have natively (natives.ts's nativeAttr and nativeSetAttr). */
const NATIVE_DESCRS: Record<string, string> = {
  int: "real imag numerator denominator|",
  float: "real imag|",
  complex: "|real imag",
  function: "__code__ __defaults__ __kwdefaults__ __annotations__ __dict__ __name__ __qualname__|__closure__ __doc__ __globals__ __module__",
  range: "|start stop step",
  slice: "|start stop step",
  property: "|fget fset fdel __doc__",
  staticmethod: "|__func__",
  classmethod: "|__func__",
};

/** The built-in iterators with a `__length_hint__` in python3. */
const HINTED = "list_iterator list_reverseiterator tuple_iterator str_ascii_iterator bytes_iterator bytearray_iterator range_iterator longrange_iterator dict_keyiterator dict_valueiterator dict_itemiterator dict_reversekeyiterator dict_reversevalueiterator dict_reverseitemiterator set_iterator iterator reversed".split(" ");

/** it.__length_hint__() of a built-in iterator: the items it has left (0 once exhausted, and for a dict or
 *  set that changed size), NotImplemented for a sequence iterator over an object with no len(). */
function iterHint(vm: VM, it: Obj): Obj {
  const h = vm.h;
  const s = h.getSlot(it, L.NATIVE_A);
  const i = h.getI32(it, L.NATIVE_I);
  const tn = vm.typeInfo(it).name;
  let n: number | bigint = 0;
  if (!s) n = 0;
  else if (tn.startsWith("dict_") || tn === "set_iterator") {
    const set = tn[0] === "s";
    if (h.getI32(it, L.NATIVE_J) !== (set ? h.setLen!(s) : h.dictLen(s))) n = 0;
    else if (set) for (let p = i; (p = h.setNext!(s, p)) >= 0; ) n++;
    else if (tn.includes("reverse")) for (let p = i; p >= 0; p--) n += h.dictValueAt(s, p) ? 1 : 0;
    else n = h.getI32(it, L.NATIVE_D);
  } else if (tn.includes("range_")) n = vm.bigRangeIters.get(it)?.left ?? vm.nativeLen(s, vm.typeInfo(s)) - i;
  else if (tn === "iterator" || tn === "reversed") {
    let len: number;
    try {
      len = vm.len(s);
    } catch (e) {
      if (!(e instanceof PyRaise && tn === "iterator" && vm.isInstance(e.exc, vm.T.TypeError))) throw e;
      vm.decref(e.exc);
      return vm.newRef(vm.NotImplemented);
    }
    n = tn === "iterator" ? len - i : i < len ? i + 1 : 0;
  } else {
    // a list's, tuple's, str's or bytes' own size, not a subclass's __len__
    const len = vm.nativeLen(s, vm.typeInfo(s));
    n = tn === "list_reverseiterator" ? (i < len ? i + 1 : 0) : len - i;
  }
  return vm.newInt(BigInt(n > 0 ? n : 0));
}

/** The descriptor of attribute n of built-in type ti (not through its bases), or 0. */
function nativeDescr(vm: VM, ti: TypeInfo, n: string): Obj {
  const kinds = NATIVE_DESCRS[ti.name]?.split("|");
  const i = kinds ? kinds.findIndex((ns) => ns.split(" ").includes(n)) : -1;
  if (ti.heap || i < 0) return 0;
  // one per type and name for the VM's life, as in python3 (int.real is int.real): kept with the method
  // descriptors, under a negative key
  const key = -1 - vm.typeInfos.indexOf(ti) * 64 - kinds![i]!.split(" ").indexOf(n) * 2 - i;
  let d = vm.mdescrCache.get(key);
  if (!d) {
    d = vm.h.newObject(i ? vm.T.member_descriptor : vm.T.getset_descriptor);
    vm.h.setSlot(d, L.DESCR_TYPE, ti.obj);
    vm.h.setSlotSteal(d, L.DESCR_NAME, vm.intern(n));
    vm.mdescrCache.set(key, d);
  }
  return vm.newRef(d);
}

/** Descriptor d (a getset or member descriptor) applied to the instance o: read (`v` undefined), set or
 *  deleted (v 0). */
function descrApply(vm: VM, d: Obj, o: Obj, v?: Obj): Obj {
  const h = vm.h;
  const t = h.getSlot(d, L.DESCR_TYPE);
  const n = vm.str(h.getSlot(d, L.DESCR_NAME));
  const tn = vm.infoOfType(t).name;
  if (!vm.isInstance(o, t)) vm.typeError(`descriptor '${n}' for '${tn}' objects doesn't apply to a '${vm.typeName(o)}' object`);
  const ti = vm.typeInfo(o);
  const member = vm.kindOf(d) === Kind.MEMBER;
  // a class's own: a slot's member, __dict__ and __weakref__
  const own = member ? h.getI32(d, L.DESCR_OFFSET) : n === "__dict__" || n === "__weakref__";
  if (v === undefined) return own ? vm.bindDescr({ native: -1, obj: d }, o, ti.obj) : vm.nativeAttr(o, ti, n) || vm.attributeError(o, n);
  if (member && own) {
    // the slot itself (not whatever a subclass of its class keeps under that name)
    if (!v && !h.getSlot(o, own as number)) vm.raise("AttributeError", n);
    h.setSlot(o, own as number, v);
  } else if (!v && n === "__dict__" && vm.kindOf(o) === Kind.FUNCTION) vm.typeError("cannot delete __dict__");
  else if (own || (member && (n === "__doc__" || n === "__module__"))) vm.genericSetAttr(o, n, v);
  else if (member || !vm.nativeSetAttr(o, ti, n, v)) vm.raise("AttributeError", member ? "readonly attribute" : `attribute '${n}' of '${tn}' objects is not writable`);
  return 0;
}

export function rarely(vm: VM, what: number, o: Obj, k?: Obj, args: Obj[] = [], kw: KwArgs | null = null): Obj {
  const h = vm.h;
  switch (what) {
    case 9: {
      const n = vm.str(k!);
      const hinted = n === "__length_hint__" && HINTED.includes((vm.kindOf(o) === Kind.TYPE ? vm.infoOfType(o) : vm.typeInfo(o)).name);
      if (hinted) {
        for (const tn of HINTED) vm.methods(tn, { __length_hint__: (a) => iterHint(vm, a[0]!) });
        return vm.getAttr(o, n);
      }
      if (vm.kindOf(o) === Kind.TYPE) {
        // (type's own __annotations__ comes first: an AttributeError for a built-in type, a new dict kept in the
        // dict of a class that has none)
        if (n === "__annotations__") {
          if (!vm.infoOfType(o).heap) return 0;
          const d = h.newDict();
          vm.dictSetStr(vm.infoOfType(o).dict, k!, d);
          return d;
        }
        for (const ti of vm.infoOfType(o).mro) {
          const d = nativeDescr(vm, ti, n);
          if (d) return d;
        }
        return 0;
      }
      if (n === "__doc__" && vm.kindOf(o) !== Kind.ITER) {
        // python3's text for the number types' parts and a class's __dict__ and __weakref__, else None
        const dn = vm.str(h.getSlot(o, L.DESCR_NAME));
        const owner = vm.infoOfType(h.getSlot(o, L.DESCR_TYPE));
        const part = { real: "the real part of a complex number", imag: "the imaginary part of a complex number", numerator: "the numerator of a rational number in lowest terms", denominator: "the denominator of a rational number in lowest terms" }[dn];
        const doc = owner.heap ? { __dict__: "dictionary for instance variables", __weakref__: "list of weak references to the object" }[dn] : ["int", "float", "complex"].includes(owner.name) && part;
        return doc ? h.newStr(doc) : vm.none();
      }
      if (vm.kindOf(o) === Kind.ITER || !["__get__", "__set__", "__delete__"].includes(n)) return 0;
      for (const tn of ["getset_descriptor", "member_descriptor"]) {
        if (!vm.infoOfType(vm.T[tn]!).methods.has(n)) {
          // python3's words (a space first for __get__ and __set__)
          const arity = (a: Obj[], lo: number, hi: number, pre: string) => {
            const c = a.length - 1;
            if (c < lo || c > hi) vm.typeError(`${pre}expected ${lo === hi ? "" : c < lo ? "at least " : "at most "}${c < lo ? lo : hi} argument${(c < lo ? lo : hi) > 1 ? "s" : ""}, got ${c}`);
          };
          vm.methods(tn, {
            __get__: (a) => {
              arity(a, 1, 2, " ");
              const [d, x, c] = a;
              if (x !== vm.None) return descrApply(vm, d!, x!);
              return c && c !== vm.None ? vm.newRef(d!) : vm.typeError("__get__(None, None) is invalid");
            },
            __set__: (a) => (arity(a, 2, 2, " "), descrApply(vm, a[0]!, a[1]!, a[2]!), vm.none()),
            __delete__: (a) => (arity(a, 1, 1, ""), descrApply(vm, a[0]!, a[1]!, 0), vm.none()),
          });
        }
      }
      return vm.getAttr(o, n);
    }
    case 10:
      return descrApply(vm, o, k!, ...args);
    case 12: {
      const ti = vm.infoOfType(o);
      const n = vm.str(k!);
      if (!ti.heap) vm.typeError(`cannot set '${n}' attribute of immutable type '${ti.name}'`);
      if (["__name__", "__qualname__", "__bases__", "__module__", "__doc__"].includes(n)) vm.typeError(`cannot delete '${n}' attribute of immutable type '${ti.name}'`);
      if (n === "__dict__" || n === "__text_signature__") vm.raise("AttributeError", `attribute '${n}' of 'type' objects is not writable`);
      if (" __basicsize__ __itemsize__ __flags__ __weakrefoffset__ __base__ __dictoffset__ __mro__ ".includes(` ${n} `)) vm.raise("AttributeError", "readonly attribute");
      // (type's __annotations__ and __abstractmethods__ look in the class's own dict only)
      if ((n === "__annotations__" || n === "__abstractmethods__") && !vm.dictGetStr(ti.dict, n)) vm.raise("AttributeError", n);
      return 0;
    }
    case 11: {
      const ti = vm.infoOfType(o);
      const n = vm.str(k!);
      const v = args[0]!;
      const isStr = vm.isInstance(v, vm.T.str);
      if (n === "__module__") {
        ti.module = isStr ? vm.str(v) : "builtins";
        vm.dictSetStr(ti.dict, k!, v);
      } else if (!isStr) vm.typeError(`can only assign string to ${ti.name}.${n}, not '${vm.typeName(v)}'`);
      else if (n === "__name__") {
        if (vm.str(v).includes("\0")) vm.raise("ValueError", "type name must not contain null characters");
        ti.name = vm.str(v);
      }
      else ti.qualname = vm.str(v);
      return 0;
    }
    case 7: {
      // every live class that has o among its bases (under each base of a multiple inheritance), in the order
      // the classes were made
      const ti = vm.infoOfType(o);
      const subs = vm.typeInfos.filter((t) => (t.heap ? vm.typeAlive(t) && vm.tupleItems(h.getSlot(t.obj, vm.abi.TP_BASES)).includes(o) : t.base === ti)).map((t) => t.obj);
      return h.newList(subs, "list()");
    }
    case 8: {
      // python3's for a module with no spec: from its __file__, else (no loader) its name alone; a built-in
      // module's, and __main__'s at a prompt, (built-in). With __spec__ None (__main__, types.ModuleType's)
      // the name is __name__'s repr as it is now ('?' once deleted)
      const n = h.getSlot(o, L.MODULE_NAME);
      const d = h.getSlot(o, L.MODULE_DICT);
      const f = vm.dictGetStr(d, "__file__");
      const spec = vm.dictGetStr(d, "__spec__");
      const v = spec === vm.None ? vm.dictGetStr(d, "__name__") : n;
      return h.newStr(`<module ${v ? vm.repr(v) : "'?'"}${f ? ` from ${vm.repr(f)}` : spec && vm.str(n) !== "__main__" ? "" : " (built-in)"}>`);
    }
    case 5:
      // LOAD_NAME, LOAD_CLASSDEREF: o[k] (its __getitem__, dict's calling __missing__), 0 for a KeyError
      try {
        return vm.getItem(o, k!);
      } catch (e) {
        if (!(e instanceof PyRaise && vm.isInstance(e.exc, vm.T.KeyError))) throw e;
        vm.decref(e.exc);
        return 0;
      }
    case 6:
      // DELETE_NAME: del o[k]; any error becomes the NameError
      try {
        vm.delItem(o, k!);
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        vm.decref(e.exc);
        vm.nameError(vm.str(k!));
      }
      return 0;
    case 4: {
      const n = vm.str(k!);
      if (args.length) {
        // assigned (or deleted): python3's members are read-only, its getsets not writable
        if (["encoding", "line_buffering", "write_through", "buffer"].includes(n)) vm.raise("AttributeError", "readonly attribute");
        if (["errors", "name", "closed", "newlines"].includes(n)) vm.raise("AttributeError", `attribute '${n}' of '_io.TextIOWrapper' objects is not writable`);
        return 0;
      }
      const err = h.getI32(o, L.NATIVE_I) === 2;
      const ti = vm.infoOfType(vm.T.TextIOWrapper);
      if (!ti.methods.has("readable")) vm.methods("TextIOWrapper", { readable: () => vm.newRef(vm.False), writable: () => vm.newRef(vm.True), seekable: () => vm.newRef(vm.False) });
      if (ti.methods.has(n)) return vm.getAttr(o, n);
      const flag = { line_buffering: vm.False, write_through: vm.True, closed: vm.False, newlines: vm.None }[n];
      if (flag) return vm.newRef(flag);
      const s = { encoding: "utf-8", errors: err ? "backslashreplace" : "strict", name: err ? "<stderr>" : "<stdout>", mode: "w" }[n];
      if (!s) return 0;
      // the same str each time, as python3's attributes are
      let v = streamStrs.get(vm)?.get(n + err);
      // (only while the run that made it keeps it: a reused interpreter is put back as it was before its run)
      if (!v || !vm.keepAlive.includes(v)) {
        v = h.newStr(s);
        vm.keepAlive.push(v);
        streamStrs.set(vm, (streamStrs.get(vm) ?? new Map()).set(n + err, v));
      }
      return vm.newRef(v);
    }
    case 3: {
      const dflt = k!;
      const typeErr = (e: unknown) => {
        if (!(e instanceof PyRaise && vm.isInstance(e.exc, vm.T.TypeError))) throw e;
        vm.decref(e.exc);
      };
      try {
        return vm.len(o);
      } catch (e) {
        typeErr(e);
      }
      if (!vm.lookupType(vm.typeInfo(o), "__length_hint__")) return dflt;
      let r: Obj;
      try {
        r = vm.callSpecial(o, "__length_hint__", []);
      } catch (e) {
        typeErr(e);
        return dflt;
      }
      try {
        if (r === vm.NotImplemented) return dflt;
        if (!vm.isInstance(r, vm.T.int)) vm.typeError(`__length_hint__ must be an integer, not ${vm.typeName(r)}`);
        const n = h.readInt(r);
        if (n >= 1n << 63n || n < -(1n << 63n)) vm.raise("OverflowError", "Python int too large to convert to C ssize_t");
        if (n < 0n) vm.raise("ValueError", "__length_hint__() should return >= 0");
        return Number(n);
      } finally {
        vm.decref(r);
      }
    }
    case 2: {
      const init = (a: Obj[], kn: KwArgs | null) => {
        const m = a[0]!;
        const v = a.slice(1);
        const c = v.length + (kn ? kn.names.length : 0);
        if (c > 2) vm.typeError(`module() takes at most 2 arguments (${c} given)`);
        kn?.names.forEach((n, i) => {
          const j = ["name", "doc"].indexOf(n);
          if (j < 0) vm.typeError(`'${n}' is an invalid keyword argument for module()`);
          if (v[j]) vm.typeError(`argument for module() given by name ('${n}') and position (${j + 1})`);
          v[j] = kn.values[i]!;
        });
        if (!v[0]) vm.typeError("module() missing required argument 'name' (pos 1)");
        if (vm.kindOf(v[0]) !== Kind.STR) vm.typeError(`module() argument 'name' must be str, not ${vm.typeName(v[0])}`);
        const d = h.getSlot(m, L.MODULE_DICT);
        h.setSlot(m, L.MODULE_NAME, v[0]);
        ["__name__", "__doc__", "__package__", "__loader__", "__spec__"].forEach((n, i) => vm.dictSetStr(d, vm.name(n), v[i] ?? vm.None));
        return vm.none();
      };
      if (!vm.infoOfType(vm.T.module).methods.has("__init__")) vm.methods("module", { __init__: init });
      const m = h.newObject(o);
      h.setSlotSteal(m, L.MODULE_DICT, h.newDict());
      try {
        if (!vm.lookupTypeOwner(vm.infoOfType(o), "__init__")?.heap) init([m, ...args], kw);
      } catch (e) {
        h.decref(m);
        throw e;
      }
      return m;
    }
    case 13: {
      // a gc function's call its argument check refused (modules/index.ts's gcArgs): python3's TypeError
      const name = vm.str(k!);
      const ks = kw?.names ?? [];
      if (o === 2) {
        if (args.length + ks.length > 1) vm.typeError(`${name}() takes at most 1 argument (${args.length + ks.length} given)`);
        vm.typeError(`'${ks[0]}' is an invalid keyword argument for ${name}()`);
      }
      const q = o === -1 ? name : `gc.${name}`;
      if (ks.length) vm.typeError(`${q}() takes no keyword arguments`);
      vm.typeError(`${q}() takes ${o ? "exactly one argument" : "no arguments"} (${args.length} given)`);
    }
    case 14: {
      // sys.excepthook(type, value, traceback)
      if (args.length !== 3) vm.typeError(`excepthook expected 3 arguments, got ${args.length}`);
      const [, e, tb] = args;
      if (!vm.isInstance(e!, vm.T.BaseException)) {
        vm.host.write("stderr", `TypeError: print_exception(): Exception expected for value, ${vm.typeName(e!)} found\n`);
        return vm.none();
      }
      // the traceback given is used only by an exception that has none (and it keeps it)
      if (!h.getSlot(e!, L.EXC_TRACEBACK) && vm.typeName(tb!) === "traceback") h.setSlot(e!, L.EXC_TRACEBACK, tb!);
      vm.host.write("stderr", vm.formatException(e!));
      return vm.none();
    }
    case 15: {
      const ti = k ? vm.infoOfType(o) : vm.typeInfo(o);
      const base = vm.infoOfType(vm.T.object);
      let solid = ti;
      while (solid.heap && solid.base) solid = solid.base;
      // these built-in types have an __init__ in python3 that is their constructor's second step here: a
      // subclass's super().__init__(…) reaches object's, and it took the arguments already
      if (!k && (solid.kind === Kind.WEAKREF || "bytearray classmethod staticmethod property super module".split(" ").includes(solid.name))) return vm.none();
      const ownInit = vm.lookupTypeOwner(ti, "__init__") !== base;
      const ownNew = solid !== base || !!vm.lookupTypeOwner(ti, "__new__")?.heap;
      if (k ? ownNew : ownInit) vm.typeError(k ? "object.__new__() takes exactly one argument (the type to instantiate)" : "object.__init__() takes exactly one argument (the instance to initialize)");
      if (!(k ? ownInit : ownNew)) vm.typeError(`${ti.name}${k ? "()" : ".__init__()"} takes ${k ? "no arguments" : "exactly one argument (the instance to initialize)"}`);
      return vm.none();
    }
    case 16: {
      const x = vm.newRef(unproxy(vm, o));
      try {
        const y = vm.newRef(unproxy(vm, k!));
        try {
          return vm.binaryOp(x, y, args[0] as number);
        } finally {
          vm.decref(y);
        }
      } finally {
        vm.decref(x);
      }
    }
    case 1: {
      const ti = vm.typeInfo(o);
      if (ti.kind === Kind.WEAKPROXY) {
        vm.delItem(proxyTarget(vm, o), k!);
        return 0;
      }
      const kk = vm.kindOf(k!);
      const seq = ti.heap || (ti.kind >= Kind.STR && ti.kind <= Kind.FROZENSET) || ti.kind === Kind.RANGE || ti.kind === Kind.VIEW;
      vm.typeError(`'${ti.name}' object ${seq && (kk === Kind.INT || kk === Kind.BOOL) ? "doesn't" : "does not"} support item deletion`);
    }
    default: {
      const pt = vm.infoOfType(vm.T.mappingproxy!);
      if (!pt.methods.size) {
        const m: Record<string, NativeFn> = {};
        for (const n of ["get", "keys", "values", "items", "copy"]) m[n] = (a, kw) => vm.callMethod(h.getSlot(a[0], L.NATIVE_A), n, a.slice(1), kw);
        vm.methods("mappingproxy", m);
      }
      const ti = vm.infoOfType(o);
      let d = ti.dict;
      if (d) h.incref(d);
      else {
        d = h.newDict();
        for (const n of [...ti.methods.keys(), ...(NATIVE_DESCRS[ti.name]?.split(/[ |]/).filter(Boolean) ?? [])]) {
          const v = nativeDescr(vm, ti, n) || vm.typeGetAttr(o, n);
          vm.dictSetStr(d, vm.name(n), v);
          vm.decref(v);
        }
      }
      const p = h.newObject(vm.T.mappingproxy!);
      h.setSlotSteal(p, L.NATIVE_A, d);
      return p;
    }
  }
}

/**
 * Python3's keywords of the builtins that take some, by qualified name (a constructor by its type's name),
 * after the count of required parameters: "/" ends the positional-only ones, "*" starts the keyword-only
 * ones, "**" stands for any keyword; ">name" the name the messages give (the bare method name otherwise).
 * print(), zip() and sorted() parse their keywords apart from their positional arguments.
 */
const KW_PARAMS: Record<string, string> = {
  print: "0 * sep end file flush", sorted: "0 * key reverse >sort", "list.sort": "0 * key reverse", round: "1 number ndigits",
  pow: "2 base exp mod", sum: "1 iterable / start", open: "1 file mode buffering encoding errors newline closefd opener",
  compile: "3 source filename mode flags dont_inherit optimize * _feature_version", exec: "1 source globals locals / * closure",
  __import__: "1 name globals locals fromlist level", "str.split": "0 sep maxsplit", "str.rsplit": "0 sep maxsplit",
  "str.splitlines": "0 keepends", "str.expandtabs": "0 tabsize", "str.encode": "0 encoding errors", "bytes.decode": "0 encoding errors",
  "bytes.split": "0 sep maxsplit", "bytes.rsplit": "0 sep maxsplit", "bytes.splitlines": "0 keepends", "bytes.expandtabs": "0 tabsize",
  "bytes.translate": "1 table / delete", "bytes.hex": "0 sep bytes_per_sep", "int.to_bytes": "0 length byteorder * signed",
  "int.from_bytes": "1 bytes byteorder * signed", int: "0 x / base", str: "0 object encoding errors", bytes: "0 source encoding errors",
  bytearray: "0 source encoding errors", complex: "0 real imag", enumerate: "1 iterable start", zip: "0 * strict",
  min: "**", max: "**", "str.format": "**", "dict.update": "**", dict: "**", "dict.__init__": "**",
};

/** The builtin types whose methods (but those named here) and constructors take no keywords. */
const KW_NONE_TYPES = "str bytes bytearray list tuple dict set frozenset int float complex bool range slice map filter reversed super".split(" ");

/** The builtin functions that take keywords or are not python3's (the others take none). */
const KW_FUNCS = "print sorted round pow sum open compile exec __import__ min max __build_class__ breakpoint exit quit help".split(" ");

/**
 * A call of the builtin `name` (a constructor: `ctor`) with `nargs` positional arguments and the keywords
 * `kw`, which checkKeywords (vm/eval.ts) did not pass: python3's TypeError for a builtin that takes no
 * keywords, too many arguments, a missing required one, one given by name and position, or an unknown
 * keyword, in the order its argument parser checks them. Returns for a call it finds nothing wrong with
 * and for a function or type it does not know. A method bound to `self` is named after self's class (self
 * itself when a class) in "takes no keyword arguments", as python3's bound builtin methods are.
 */
export function badKeywords(vm: VM, name: string, nargs: number, kw: KwArgs, ctor = false, self: Obj = 0): void {
  const dot = name.indexOf(".");
  const spec = KW_PARAMS[name.startsWith("bytearray.") ? `bytes${name.slice(9)}` : name];
  // object(x=1); int(base=2), its parser's own check
  if (ctor && name === "object") vm.typeError("object() takes no arguments");
  if (ctor && name === "int" && !nargs && kw.names.length === 1 && kw.names[0] === "base") vm.typeError("int() missing string argument");
  if (!spec) {
    // a slot wrapper, bound or not (int.__add__, (1).__lt__): none take keywords but __init__ and __call__ (__init_subclass__ and __class_getitem__ are methods with their own)
    // (its native would read a missing argument); dict's, list's and set's __getitem__/__contains__ are methods
    const m = name.slice(dot + 1);
    const shown = self && dot > 0 ? `${vm.kindOf(self) === Kind.TYPE ? vm.infoOfType(self).name : vm.typeName(self)}.${m}` : name;
    // the other dunders are methods taking none (__round__, __format__, __reduce_ex__…); dict's and list's
    // __getitem__ and dict's and the sets' __contains__ are methods too
    const dunder = dot > 0 && m.startsWith("__") && m.endsWith("__") && !["__init__", "__new__", "__call__", "__init_subclass__", "__class_getitem__", "__prepare__"].includes(m);
    if (dunder && (isSlotWrapperName(m) || m === "__getitem__" || m === "__contains__") && !/^(dict|list)\.__getitem__$|^(dict|set|frozenset)\.__contains__$/.test(name)) vm.typeError(`wrapper ${m}() takes no keyword arguments`);
    if (dunder || (dot > 0 ? KW_NONE_TYPES.includes(name.slice(0, dot)) && !name.startsWith("__", dot + 1) : ctor ? KW_NONE_TYPES.includes(name) : !KW_FUNCS.includes(name))) {
      vm.typeError(`${shown}() takes no keyword arguments`);
    }
    return;
  }
  if (spec === "**") return;
  const toks = spec.split(" ");
  const required = Number(toks.shift());
  const shown = toks[toks.length - 1]!.startsWith(">") ? toks.pop()!.slice(1) : name.slice(dot + 1);
  const f = `${shown}()`;
  if (name === "sorted" && nargs !== 1) vm.typeError(`sorted expected 1 argument, got ${nargs}`);
  if (name === "sorted" || name === "print" || name === "zip") nargs = 0;
  const star = toks.indexOf("*");
  const isName = (t: string) => t !== "/" && t !== "*";
  const params = toks.filter(isName);
  const posonly = Math.max(0, toks.indexOf("/"));
  const posCap = (star < 0 ? toks : toks.slice(0, star)).filter(isName).length;
  const pl = (k: number) => (k === 1 ? "" : "s");
  const given = (p: string) => kw.names.includes(p);
  const nkw = kw.names.length;
  // enumerate's own parser: the iterable and one keyword, which must be start; no iterable by position or name
  if (name === "enumerate" && ((nargs === 1 && nkw === 1 && kw.names[0] !== "start") || (nargs === 0 && !given("iterable")))) {
    vm.typeError(`'${kw.names.find((k) => k !== "start") ?? "start"}' is an invalid keyword argument for ${f}`);
  }
  if (nargs + nkw > params.length) {
    vm.typeError(`${f} takes at most ${params.length} ${nargs === 0 ? "keyword " : ""}argument${pl(params.length)} (${nargs + nkw} given)`);
  }
  if (nargs > posCap) {
    if (posCap === 0) vm.typeError(`${f} takes no positional arguments`);
    vm.typeError(`${f} takes ${required < posCap ? "at most" : "exactly"} ${posCap} positional argument${pl(posCap)} (${nargs} given)`);
  }
  const minPosonly = Math.min(posonly, required);
  if (nargs < minPosonly) {
    vm.typeError(`${f} takes ${minPosonly < posCap ? "at least" : "exactly"} ${minPosonly} positional argument${pl(minPosonly)} (${nargs} given)`);
  }
  for (let i = Math.max(nargs, posonly); i < required; i++) {
    if (!given(params[i]!)) vm.typeError(`${f} missing required argument '${params[i]}' (pos ${i + 1})`);
  }
  // the keywords that name a parameter no positional argument filled
  const taken = params.filter((p, i) => i >= posonly && (i >= nargs || i >= posCap) && given(p)).length;
  if (taken < nkw) {
    for (let i = posonly; i < Math.min(nargs, posCap); i++) if (given(params[i]!)) vm.typeError(`argument for ${f} given by name ('${params[i]}') and position (${i + 1})`);
    const bad = kw.names.find((k) => params.indexOf(k) < posonly);
    vm.typeError(`'${bad}' is an invalid keyword argument for ${f}`);
  }
}
