/**
 * Functions and classes: MAKE_FUNCTION, `__build_class__`, `type(name, bases, ns)` (heap types registered
 * with the heap so instances own a reference to their class), calling a type (`__new__` then
 * `__init__`), and `super()`.
 */
import { abi } from "@pyheap/heap";
import type { Obj, TypeDesc } from "./heap-api.js";
import { Kind, type KwArgs, type TypeInfo, type TypeOwnerEntry } from "./types.js";
import { PyRaise, VM } from "./vm.js";
import { Frame } from "./frame.js";
import * as L from "./layouts.js";
import { initSlot, stampValid, typeState, type TypeStamp } from "./protocol.js";
import { classWithEntries } from "../modules/typing.js";
import { checkKeywords } from "./eval.js";

/** What `__init__` returned (a new reference), released; anything but None is CPython's TypeError. */
function initReturned(vm: VM, r: Obj): void {
  if (r !== vm.None) {
    const tn = vm.typeName(r);
    vm.decref(r);
    vm.typeError(`__init__() should return None, not '${tn}'`);
  }
  vm.decref(r);
}

declare module "./vm.js" {
  interface VM {
    callType(t: Obj, args: Obj[], kw: KwArgs | null): Obj;
    typeNew(name: string, bases: Obj[], ns: Obj, meta?: Obj, kw?: KwArgs | null): Obj;
    /** orig: the bases as written, when some had __mro_entries__ (modules/typing.ts's classWithEntries) */
    buildClass(args: Obj[], kw: KwArgs | null, orig?: Obj): Obj;
    callTypeDirect(t: Obj, args: Obj[], kw: KwArgs | null): Obj;
    calculateMetaclass(meta: Obj, bases: Obj[]): Obj;
    nativeNew(ti: TypeInfo, t: Obj, args: Obj[], kw: KwArgs | null): Obj;
    nativeInit(ti: TypeInfo, o: Obj, args: Obj[], kw: KwArgs | null, userNew: boolean): void;
    listInitArgs(n: number, kw: KwArgs | null, type?: string): void;
    ctors: Map<Obj, (t: Obj, args: Obj[], kw: KwArgs | null) => Obj>;
    /** super's own lookup: 0 for a subclass's instance when it finds nothing (its class and dict come next). */
    superGetAttr(sup: Obj, name: string): Obj;
    newSuper(args: Obj[], t?: Obj): Obj;
  }
}

const proto = VM.prototype;
const OB_TYPE = abi.OB_TYPE;

/** The heap layout of subclasses of each builtin layout family (instances keep the base's fields). */
const LAYOUT_OF_KIND = new Map<Kind, TypeDesc["layout"]>([
  [Kind.LIST, "list"], [Kind.DICT, "dict"], [Kind.SET, "set"], [Kind.TUPLE, "tuple"], [Kind.WEAKREF, "weakref"],
  [Kind.STR, "str"], [Kind.INT, "int"], [Kind.FLOAT, "float"], [Kind.BYTES, "bytes"], [Kind.FROZENSET, "set"],
]);

/** Builtin types whose call builds an argument tuple (as the exceptions' do; the other builtin types are
 *  called through vectorcall in 3.11: bool, float, range, list, tuple, dict, set, frozenset, type,
 *  enumerate, reversed, map, filter, zip). */
const TUPLE_CALL_TYPES = new Set(["str", "int", "slice", "object", "bytes", "complex", "property", "staticmethod", "classmethod", "super", "bytearray"]);

proto.makeFunction = function (this: VM, f: Frame, flags: number): Obj {
  const h = this.h;
  const st = f.stack;
  const code = st.pop()!;
  const closure = flags & 8 ? st.pop()! : 0;
  const annotations = flags & 4 ? st.pop()! : 0;
  const kwdefaults = flags & 2 ? st.pop()! : 0;
  const defaults = flags & 1 ? st.pop()! : 0;
  const fn = h.newObject(this.T.function);
  const info = this.codeInfo(code);
  h.setSlotSteal(fn, L.FUNC_CODE, code);
  h.setSlot(fn, L.FUNC_GLOBALS, f.globals);
  h.setSlot(fn, L.FUNC_BUILTINS, f.builtins);
  h.setSlot(fn, L.FUNC_NAME, h.getSlot(code, L.CODE_NAME));
  h.setSlot(fn, L.FUNC_QUALNAME, h.getSlot(code, L.CODE_QUALNAME));
  if (defaults) h.setSlotSteal(fn, L.FUNC_DEFAULTS, defaults);
  if (kwdefaults) h.setSlotSteal(fn, L.FUNC_KWDEFAULTS, kwdefaults);
  if (closure) h.setSlotSteal(fn, L.FUNC_CLOSURE, closure);
  // the (name, value…) tuple as 3.11 keeps it: a dict made from it when __annotations__ is first read
  if (annotations) h.setSlotSteal(fn, L.FUNC_ANNOTATIONS, annotations);
  const c0 = info.consts[0];
  h.setSlot(fn, L.FUNC_DOC, c0 && this.kindOf(c0) === Kind.STR ? c0 : this.None);
  const modName = this.dictGetStr(f.globals, "__name__");
  if (modName) h.setSlot(fn, L.FUNC_MODULE, modName);
  return fn;
};

proto.buildClass = function (this: VM, args: Obj[], kw: KwArgs | null, orig = 0): Obj {
  const h = this.h;
  if (args.length < 2) this.typeError("__build_class__: not enough arguments");
  const func = args[0];
  const nameObj = args[1];
  const bases = args.slice(2);
  // a base that is no class (list[int], Generic[T]…): the bases its __mro_entries__ gives
  if (!orig && bases.some((b) => this.kindOf(b) !== Kind.TYPE)) return classWithEntries(this, args, kw);
  // the metaclass: the keyword, else the type of the first base (or type), then the most derived one
  let meta: Obj = 0;
  let rest: KwArgs | null = kw;
  if (kw) {
    const i = kw.names.indexOf("metaclass");
    if (i >= 0) {
      meta = kw.values[i];
      rest = { names: kw.names.filter((_, j) => j !== i), values: kw.values.filter((_, j) => j !== i) };
      if (!rest.names.length) rest = null;
    }
  }
  const isClass = !meta || this.kindOf(meta) === Kind.TYPE;
  if (!meta) meta = bases.length ? h.typeOf(bases[0]) : this.T.type;
  if (isClass) meta = this.calculateMetaclass(meta, bases);
  const basesTuple = h.newTuple(bases);
  let ns: Obj = 0;
  try {
    // the namespace: the metaclass's own __prepare__(name, bases, **kw), else a new dict
    const prep = meta !== this.T.type ? this.getAttrOrNull(meta, "__prepare__") : 0;
    if (prep) {
      try {
        ns = this.call(prep, [nameObj, basesTuple], rest);
      } finally {
        h.decref(prep);
      }
      if (!this.isInstance(ns, this.T.dict)) {
        const tn = this.typeName(ns);
        const mn = isClass ? this.infoOfType(meta).name : "<metaclass>";
        this.typeError(`${mn}.__prepare__() must return a mapping, not ${tn}`);
      }
    } else {
      // type.__prepare__ looked up on the metaclass: a bound builtin method (a GC object), called for the
      // new dict and freed
      const bound = h.newObject(this.T.builtin_function_or_method);
      try {
        ns = h.newDict("display");
      } finally {
        h.decref(bound);
      }
    }
    if (orig) this.dictSetStr(ns, this.name("__orig_bases__"), orig);
    const info = this.codeInfo(h.getSlot(func, L.FUNC_CODE));
    const fr = new Frame(info, this.newRef(func), h.getSlot(func, L.FUNC_GLOBALS), this.builtins, this.newRef(ns), this.frame);
    const r = this.evalFrame(fr);
    h.decref(r);
    if (meta === this.T.type) {
      // type's vectorcall passes three arguments on to tp_call as a tuple, freed when the call returns
      const callArgs = h.newTuple([nameObj, basesTuple, ns]);
      try {
        return this.typeNew(this.str(nameObj), bases, ns, meta, rest);
      } finally {
        h.decref(callArgs);
      }
    }
    return this.call(meta, [nameObj, basesTuple, ns], rest);
  } finally {
    h.decref(basesTuple);
    if (ns) h.decref(ns);
  }
};

/** _PyType_CalculateMetaclass: of `meta` and the types of the bases, the one that is a subtype of all the
 *  others (borrowed), or a TypeError for a metaclass conflict. */
proto.calculateMetaclass = function (this: VM, meta: Obj, bases: Obj[]): Obj {
  let winner = meta;
  for (const b of bases) {
    const bt = this.h.typeOf(b);
    if (this.isSubtype(this.infoOfType(winner), this.infoOfType(bt))) continue;
    if (this.isSubtype(this.infoOfType(bt), this.infoOfType(winner))) {
      winner = bt;
      continue;
    }
    this.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
  }
  return winner;
};

/** The natives of `type` a metaclass reaches through super(): __call__ (make and initialise an instance,
 *  without the metaclass's own __call__), __new__ (a new class of the given metatype) and __init__. */
export function installTypeMethods(vm: VM): void {
  // object.__init_subclass__ is a class method that takes no keyword arguments (reached by
  // super().__init_subclass__(**kw) from a class's own)
  vm.methods("object", {
    // object.__repr__ names the object's own class (super().__repr__() from a class's own __repr__)
    __repr__: (args) => {
      const ti = vm.typeInfo(args[0]);
      const mod = ti.module === "builtins" ? "" : ti.module + ".";
      return vm.h.newStr(`<${mod}${ti.qualname} object at ${vm.addr(args[0])}>`);
    },
    __init_subclass__: (args, kw) => {
      if (kw && kw.names.length) vm.typeError(`${vm.infoOfType(args[0]).name}.__init_subclass__() takes no keyword arguments`);
      return vm.none();
    },
  });
  (vm.classMethods ??= new Set()).add(vm.infoOfType(vm.T.object).methods.get("__init_subclass__")!);
  vm.methods("type", {
    __call__: (args, kw) => {
      if (!args.length || vm.kindOf(args[0]) !== Kind.TYPE) vm.typeError("descriptor '__call__' requires a 'type' object");
      return vm.callTypeDirect(args[0], args.slice(1), kw);
    },
    __new__: (args, kw) => {
      if (!args.length || vm.kindOf(args[0]) !== Kind.TYPE) vm.typeError("type.__new__(X): X is not a type object");
      if (!vm.isSubtype(vm.infoOfType(args[0]), vm.infoOfType(vm.T.type))) {
        vm.typeError(`type.__new__(${vm.infoOfType(args[0]).name}): ${vm.infoOfType(args[0]).name} is not a subtype of type`);
      }
      return typeFromArgs(vm, args[0], args.slice(1), kw);
    },
    __init__: (args, kw) => {
      const n = args.length - 1;
      if (kw && kw.names.length && n === 1) vm.typeError("type.__init__() takes no keyword arguments");
      if (n !== 1 && n !== 3) vm.typeError("type.__init__() takes 1 or 3 arguments");
      return vm.none();
    },
  });
  // list.append.__get__(x): list.append bound to x, when x is a list (or of a subclass)
  vm.methods("method_descriptor", {
    __get__: (args) => {
      if (args.length < 2 || args.length > 3) vm.typeError(`expected 1 or 2 arguments, got ${args.length - 1}`);
      const d = args[0];
      const o = args[1];
      if (o === vm.None) {
        if (args.length < 3 || args[2] === vm.None) vm.typeError("__get__(None, None) is invalid");
        return vm.newRef(d);
      }
      if (!vm.isInstance(o, vm.h.getSlot(d, L.MDESCR_TYPE))) {
        const n = vm.natives[vm.h.getI32(d, L.MDESCR_INDEX)];
        vm.typeError(`descriptor '${n.name}' for '${vm.infoOfType(vm.h.getSlot(d, L.MDESCR_TYPE)).name}' objects doesn't apply to a '${vm.typeName(o)}' object`);
      }
      return vm.newBoundNative(vm.h.getI32(d, L.MDESCR_INDEX), o);
    },
  });
}

/** type.__new__(meta, name, bases, ns, **kw): checks the arguments, then a new class whose metatype is the
 *  most derived of meta and its bases' (a metaclass with its own __new__ makes it then). New reference. */
function typeFromArgs(vm: VM, meta: Obj, args: Obj[], kw: KwArgs | null): Obj {
  if (args.length !== 3) vm.typeError("type.__new__() takes exactly 3 arguments (" + args.length + " given)");
  const [nameObj, basesObj, nsObj] = args;
  if (vm.kindOf(nameObj) !== Kind.STR) vm.typeError(`type.__new__() argument 1 must be str, not ${vm.typeName(nameObj)}`);
  if (vm.kindOf(basesObj) !== Kind.TUPLE) vm.typeError(`type.__new__() argument 2 must be tuple, not ${vm.typeName(basesObj)}`);
  if (!vm.isInstance(nsObj, vm.T.dict)) vm.typeError(`type.__new__() argument 3 must be dict, not ${vm.typeName(nsObj)}`);
  const bases = vm.tupleItems(basesObj);
  const winner = vm.calculateMetaclass(meta, bases);
  if (winner !== meta) {
    const wi = vm.infoOfType(winner);
    const owner = vm.lookupTypeOwner(wi, "__new__");
    // a more derived metaclass with a __new__ of its own makes the class
    if (owner && owner.heap) return vm.callTypeDirect(winner, args, kw);
  }
  const ns = vm.h.newDict("display");
  try {
    vm.dictUpdateFrom(ns, nsObj, 0);
    if (!vm.dictGetStr(ns, "__module__")) {
      const g = vm.frame ? vm.dictGetStr(vm.frame.globals, "__name__") : 0;
      if (g) vm.dictSetStr(ns, vm.name("__module__"), g);
    }
    return vm.typeNew(vm.str(nameObj), bases, ns, winner, kw);
  } finally {
    vm.decref(ns);
  }
}

export function c3(vm: VM, bases: TypeInfo[], mroOf: (b: TypeInfo) => TypeInfo[] = (b) => b.mro): TypeInfo[] {
  for (let i = 0; i < bases.length; i++) if (bases.indexOf(bases[i]) !== i) vm.typeError(`duplicate base class ${bases[i].name}`);
  const seqs = [...bases.map((b) => mroOf(b).slice()), bases.slice()];
  const out: TypeInfo[] = [];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length);
    if (!nonEmpty.length) return out;
    let cand: TypeInfo | null = null;
    for (const s of nonEmpty) {
      const c = s[0];
      if (!nonEmpty.some((t) => t.indexOf(c) > 0)) {
        cand = c;
        break;
      }
    }
    if (!cand) {
      const heads = [...new Set(nonEmpty.map((q) => q[0].name))];
      vm.typeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${heads.join(", ")}`);
    }
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

proto.typeNew = function (this: VM, name: string, basesIn: Obj[], ns: Obj, meta: Obj = 0, kw: KwArgs | null = null): Obj {
  const h = this.h;
  if (!meta) meta = this.T.type;
  const objectTi = this.infoOfType(this.T.object);
  const bases = basesIn.length ? basesIn.map((b) => {
    if (this.kindOf(b) !== Kind.TYPE) this.typeError("bases must be types");
    return this.infoOfType(b);
  }) : [objectTi];
  for (const b of bases) if (!b.baseType) this.typeError(`type '${b.name}' is not an acceptable base type`);
  // the "solid" base decides the layout: the first base with a non-object layout
  const base = bases.find((b) => b.kind !== Kind.OBJECT || b.heap) ?? bases[0];
  let slotNames: string[] | null = null;
  const slotsObj = this.dictGetStr(ns, "__slots__");
  if (slotsObj) {
    slotNames = this.kindOf(slotsObj) === Kind.STR ? [this.str(slotsObj)] : this.collect(slotsObj).map((o) => {
      const s = this.str(o);
      h.decref(o);
      return s;
    });
  }
  const varSized = base.kind === Kind.INT || base.kind === Kind.BOOL || base.kind === Kind.TUPLE || base.kind === Kind.BYTES;
  if (varSized && slotNames && slotNames.some((s) => s !== "__dict__" && s !== "__weakref__")) {
    this.typeError(`nonempty __slots__ not supported for subtype of '${base.name}'`);
  }
  // a metaclass (a subclass of type): its instances are classes, with the type object's own layout
  const isMeta = base.kind === Kind.TYPE;
  const baseHasDict = isMeta || bases.some((b) => b.hasDict || b.kind === Kind.EXC);
  const wantDict = slotNames ? slotNames.includes("__dict__") : true;
  const addDict = wantDict && !baseHasDict && base.kind !== Kind.EXC;
  const baseHasWeak = bases.some((b) => b.weaklistOffset !== 0);
  const wantWeak = slotNames ? slotNames.includes("__weakref__") : true;
  const addWeak = wantWeak && !baseHasWeak && !varSized;
  let size = base.basicsize;
  const slotMap = new Map(base.slots);
  // a subclass's instances keep the base layout's owned references (the heap reads the type's own map)
  // (a builtin base with a layout of its own — list, dict, str… — is released by that layout; the others,
  // bytearray, property, staticmethod…, by their reference fields, which the subclass's map must list)
  const refSlots: number[] = isMeta ? typeRefSlots(this) : base.heap || !LAYOUT_OF_KIND.has(base.kind) ? [...(base.refSlots ?? [])] : [];
  // the slots' fields (and their member descriptors in the class dict) in sorted name order, as CPython lays them out
  for (const s of [...(slotNames ?? [])].sort()) {
    if (s === "__dict__" || s === "__weakref__") continue;
    slotMap.set(s, size);
    refSlots.push(size);
    size += 8;
  }
  // a variable-size base keeps the dict in the body's last word (tp_dictoffset −8), not before the GC head
  const baseVarDict = bases.some((b) => b.heap && (this.h.getI32(b.obj, abi.TP_FLAGS) & abi.TPF_VAR_DICT) !== 0);
  const varDict = (addDict && varSized) || baseVarDict;
  if (addDict && varSized) size += 8;
  let weakOff = base.weaklistOffset;
  if (addWeak) {
    weakOff = size;
    size += 8;
  }
  const hasDel = !!this.dictGetStr(ns, "__del__") || bases.some((b) => b.hasFinalizer);
  const managed = (addDict && !varSized) || bases.some((b) => !!b.managed);
  const layout = LAYOUT_OF_KIND.get(base.kind);
  // the MRO (or its TypeError) before anything is made
  const mroInfos = bases.length === 1 ? bases[0].mro : c3(this, bases);
  const t = (h.registerType as (d: object) => Obj)({
    name,
    layout,
    basicsize: size,
    itemsize: base.kind === Kind.INT ? 4 : base.kind === Kind.TUPLE ? 8 : base.kind === Kind.BYTES ? 1 : 0,
    varDict,
    gc: true,
    managedDict: managed,
    refSlots,
    heapType: true,
    base: base.obj,
    finalizer: hasDel,
    weaklistOffset: weakOff,
    meta,
    ...(isMeta ? { itemsize: 40, flags: abi.TPF_TYPE_SUBCLASS | abi.TPF_BASETYPE } : {}),
  });
  const dict = h.newDict("display");
  for (const [k, v] of this.dictEntries(ns)) {
    const ks = this.kindOf(k) === Kind.STR ? this.str(k) : "";
    if (ks === "__qualname__" || ks === "__classcell__") continue;
    h.dictSet(dict, k, v);
  }
  const qualObj = this.dictGetStr(ns, "__qualname__");
  const ti = this.adoptType(t, name, base.kind, base, {
    heap: true,
    qualname: qualObj ? this.str(qualObj) : name,
    module: "__main__",
    dict,
    hasDict: addDict || baseHasDict,
    managed,
    refSlots,
    slots: slotMap,
    weaklistOffset: weakOff,
    basicsize: size,
    hasFinalizer: hasDel,
    methods: new Map(),
    nextFn: undefined,
  });
  ti.mro = [ti, ...mroInfos];
  const modObj = this.dictGetStr(ns, "__module__");
  if (modObj && this.kindOf(modObj) === Kind.STR) ti.module = this.str(modObj);
  h.setSlotSteal(t, this.abi.TP_DICT, dict);
  const basesTuple = h.newTuple(bases.map((b) => b.obj));
  h.setSlotSteal(t, this.abi.TP_BASES, basesTuple);
  const mroTuple = h.newTuple(ti.mro.map((x) => x.obj));
  h.setSlotSteal(t, this.abi.TP_MRO, mroTuple);
  h.setSlotSteal(t, this.abi.TP_NAME, h.newStr(name));
  // __new__ is a static method, __init_subclass__ and __class_getitem__ class methods
  for (const [nm, wrap] of [["__new__", "staticmethod"], ["__init_subclass__", "classmethod"], ["__class_getitem__", "classmethod"]] as const) {
    const v = this.dictGetStr(dict, nm);
    if (v && this.kindOf(v) === Kind.FUNCTION) {
      const w = h.newObject(this.T[wrap]);
      h.setSlot(w, L.NATIVE_A, v);
      this.dictSetStr(dict, this.name(nm), w);
      h.decref(w);
    }
  }
  for (const [s, off] of slotMap) {
    if (base.slots.has(s)) continue;
    const m = h.newObject(this.T.member_descriptor);
    h.setSlot(m, L.DESCR_TYPE, t);
    const sn = this.intern(s);
    h.setSlotSteal(m, L.DESCR_NAME, sn);
    h.setI32(m, L.DESCR_OFFSET, off);
    this.dictSetStr(dict, this.name(s), m);
    h.decref(m);
  }
  if (addDict) {
    const g = h.newObject(this.T.getset_descriptor);
    h.setSlot(g, L.DESCR_TYPE, t);
    h.setSlotSteal(g, L.DESCR_NAME, this.intern("__dict__"));
    this.dictSetStr(dict, this.name("__dict__"), g);
    h.decref(g);
  }
  if (addWeak) {
    const g = h.newObject(this.T.getset_descriptor);
    h.setSlot(g, L.DESCR_TYPE, t);
    h.setSlotSteal(g, L.DESCR_NAME, this.intern("__weakref__"));
    this.dictSetStr(dict, this.name("__weakref__"), g);
    h.decref(g);
  }
  // type_ready: __doc__ after the __dict__/__weakref__ getsets, then __hash__ = None when the class defines
  // __eq__ but not __hash__
  if (!this.dictGetStr(dict, "__doc__")) this.dictSetStr(dict, this.name("__doc__"), this.None);
  if (this.dictGetStr(dict, "__eq__") && !this.dictGetStr(dict, "__hash__")) this.dictSetStr(dict, this.name("__hash__"), this.None);
  // type_ready's add_subclass: the bases' subclass lists hold the basic weakref to the class
  if (!(h as unknown as { core: { obj_type_add_subclass(t: Obj, n: number): number } }).core.obj_type_add_subclass(t, bases.length)) this.raise("MemoryError", "");
  // the __class__ cell of methods using super()
  const cell = this.dictGetStr(ns, "__classcell__");
  if (cell && this.kindOf(cell) === Kind.CELL) h.setSlot(cell, L.CELL_REF, t);
  // __set_name__ of descriptors, read from a copy of the class dict (type_new_set_names)
  const namesToSet = h.dictCopy ? h.dictCopy(dict) : 0;
  try {
    for (const [k, v] of this.dictEntries(namesToSet || dict)) {
      const vti = this.typeInfo(v);
      if (vti.heap && this.lookupType(vti, "__set_name__")) {
        h.incref(v);
        try {
          this.decref(this.callSpecial(v, "__set_name__", [t, k]));
        } catch (e) {
          if (!(e instanceof PyRaise)) throw e;
          // 3.11 reports it as a RuntimeError caused by the original exception
          const err = this.newException("RuntimeError", `Error calling __set_name__ on '${vti.name}' instance ${this.repr(k)} in '${name}'`);
          h.setSlot(err, L.EXC_CONTEXT, e.exc);
          h.setSlotSteal(err, L.EXC_CAUSE, e.exc);
          h.setI32(err, L.EXC_SUPPRESS, 1);
          throw new PyRaise(err);
        } finally {
          h.decref(v);
        }
      }
    }
  } catch (e) {
    // the class is not made: it is released (its cycles go to the collector)
    h.decref(t);
    throw e;
  } finally {
    if (namesToSet) h.decref(namesToSet);
  }
  // __init_subclass__(**kw) of the first base that has one (object's takes no keyword arguments)
  for (const b of mroInfos) {
    const d = b.heap && b.dict ? this.dictGetStr(b.dict, "__init_subclass__") : 0;
    if (d) {
      const f = this.typeGetAttr(b.obj, "__init_subclass__");
      const fn = this.kindOf(f) === Kind.METHOD ? this.newMethod(h.getSlot(f, L.METHOD_FUNC), t) : this.newRef(f);
      h.decref(f);
      try {
        h.decref(this.call(fn, [], kw && kw.names.length ? kw : null));
      } catch (e) {
        h.decref(t);
        throw e;
      } finally {
        h.decref(fn);
      }
      break;
    }
    if (!b.heap || b.methods.has("__init_subclass__")) {
      // type_new_init_subclass: super(type, type), its bound __init_subclass__ (object's: a bound builtin
      // method), the super object freed, the call, the bound method freed
      const sup = h.newObject(this.T.super);
      const bound = h.newObject(this.T.builtin_function_or_method);
      h.decref(sup);
      h.decref(bound);
      if (kw && kw.names.length) {
        h.decref(t);
        this.typeError(`${name}.__init_subclass__() takes no keyword arguments`);
      }
      break;
    }
  }
  return t;
};

/** A class's instance layout as a __bases__ assignment compares it: up the bases while a class adds
 *  nothing to its base's layout (no __slots__ entry, dict or weakref field of its own). */
function layoutBase(ti: TypeInfo): TypeInfo {
  let b = ti;
  while (b.heap && b.base && b.basicsize === b.base.basicsize && b.weaklistOffset === b.base.weaklistOffset && b.hasDict === b.base.hasDict) b = b.base;
  return b;
}

/** Whether two classes add the same fields to the same base: a weakref field alike, the same __slots__
 *  names and nothing else (a dict at the end of a variable-size body is not one of them). */
function sameFieldsAdded(vm: VM, a: TypeInfo, b: TypeInfo): boolean {
  if (a.base !== b.base || !a.base) return false;
  const varDict = (x: TypeInfo) => (vm.h.getI32(x.obj, abi.TP_FLAGS) & abi.TPF_VAR_DICT) !== 0;
  if (varDict(a) || varDict(b)) return false;
  const sa = addedSlotNames(a);
  const sb = addedSlotNames(b);
  return a.basicsize === b.basicsize && a.weaklistOffset === b.weaklistOffset && a.hasDict === b.hasDict && sa.length === sb.length && sa.every((n, i) => n === sb[i]);
}

/** The __slots__ names a class adds to its base's, sorted. */
function addedSlotNames(t: TypeInfo): string[] {
  return [...t.slots.keys()].filter((n) => !t.base!.slots.has(n)).sort();
}

/** Whether instances of `to` are laid out as those of `from` for a __class__ or __bases__ assignment. */
export function sameLayout(vm: VM, to: TypeInfo, from: TypeInfo): boolean {
  const nl = layoutBase(to);
  const ol = layoutBase(from);
  return nl === ol || sameFieldsAdded(vm, nl, ol);
}

/** The owned-reference slots of a type object (the `type` type's own map), for a metaclass's instances. */
function typeRefSlots(vm: VM): number[] {
  const out: number[] = [];
  const lo = vm.h.getI32(vm.T.type, abi.TP_REFMAP_LO) >>> 0;
  const hi = vm.h.getI32(vm.T.type, abi.TP_REFMAP_HI) >>> 0;
  for (let b = 0; b < 32; b++) if (lo & (1 << b)) out.push(b * 8);
  for (let b = 0; b < 32; b++) if (hi & (1 << b)) out.push((b + 32) * 8);
  return out;
}

proto.callType = function (this: VM, t: Obj, args: Obj[], kw: KwArgs | null): Obj {
  // a class whose metaclass defines __call__: that method makes the instance
  const meta = this.typeInfo(t);
  if (meta.heap) {
    const d = this.lookupType(meta, "__call__");
    if (d && d.obj) {
      // slot_tp_call is reached through tp_call, which packs the arguments into a tuple
      if (args.length) this.h.decref(this.h.newTuple(args));
      const f = this.bindDescr(d, t, meta.obj);
      try {
        return this.call(f, args, kw);
      } finally {
        this.decref(f);
      }
    }
  }
  return this.callTypeDirect(t, args, kw);
};

/**
 * What calling a class without keywords does when its instances are plain objects (no __new__ written in
 * Python, no builtin base but object) and its __init__ is a Python function: the tuple CPython packs the
 * arguments into (when it does), a new object, then __init__. Kept per class while the MRO, the type epoch
 * and every class dict of the MRO (address and version tag) are unchanged.
 */
export interface InitPlan extends TypeStamp {
  /** __init__ (borrowed: a class dict holds it while its version is unchanged), BARE, or 0: the general
   *  path. */
  init: Obj;
}

/** InitPlan.init of a class whose __new__ and __init__ are object's: called without arguments, its instance
 *  is made and nothing else runs (object_new, then object_init, neither with anything to check). */
const BARE = -1;

/** The __init__ function (borrowed) of a plain class (see InitPlan), BARE, or 0 when calling the class must
 *  take its general path; either answer is kept under the plan's validity. */
function plainClassInit(vm: VM, ti: TypeInfo): Obj {
  const m = vm.h.i32;
  const p = vm.initPlans.get(ti);
  if (p !== undefined && stampValid(vm, m, p, ti.mro)) return p.init;
  // what callTypeDirect and nativeNew look up, read after the state (a lookup that runs code leaves it stale)
  const state = typeState(m, ti.mro);
  const w = m[vm.classWrites]!;
  const init = planInit(vm, ti);
  vm.initPlans.set(ti, { mro: ti.mro, epoch: vm.typeEpoch, state, w, init });
  return init;
}

function planInit(vm: VM, ti: TypeInfo): Obj {
  let solid = ti;
  while (solid.heap && solid.base) solid = solid.base;
  if (solid.kind !== Kind.OBJECT) return 0;
  // any __new__ a class of the MRO holds (a staticmethod, or a function assigned after the class was made)
  const newD = vm.lookupType(ti, "__new__");
  const newOwner = vm.lookupTypeOwner(ti, "__new__");
  if (newD && newD.obj && newOwner?.heap) return 0;
  const initD = vm.lookupType(ti, "__init__");
  const owner = vm.lookupTypeOwner(ti, "__init__");
  const objectTi = vm.infoOfType(vm.T.object);
  if (initD && !initD.obj && owner === objectTi && newOwner === objectTi) return BARE;
  if (!initD || !initD.obj || !owner || !owner.heap || vm.kindOf(initD.obj) !== Kind.FUNCTION) return 0;
  return initD.obj;
}

/** callTypeDirect for a plain class (see InitPlan), or 0 when its general path must run (nothing done). */
function callPlainClass(vm: VM, ti: TypeInfo, t: Obj, args: Obj[]): Obj {
  const init = plainClassInit(vm, ti);
  if (init === 0) return 0;
  // object's __new__ and __init__: arguments are an error (the general path raises it)
  if (init === BARE) return args.length === 0 ? vm.h.newObject(t) : 0;
  const h = vm.h;
  // a class has no vectorcall: tp_call gets its arguments in a tuple (whatever the class is named), which
  // lives until the instance is made and initialised (it is released after __init__, or after the instance
  // when __init__ raises)
  const argt = args.length ? h.newTuple(args) : 0;
  let o = 0;
  try {
    o = h.newObject(t);
    // vm.call(init, [o, ...args]) without its copies
    const all: Obj[] = new Array(args.length + 1);
    all[0] = o;
    h.incref(o);
    for (let k = 0; k < args.length; k++) {
      const a = args[k];
      h.incref(a);
      all[k + 1] = a;
    }
    initReturned(vm, vm.runFrame(vm.callFunctionSteal(init, all, null, vm.frame)));
  } catch (e) {
    if (o) vm.decref(o);
    throw e;
  } finally {
    if (argt) h.decref(argt);
  }
  return o;
}

/** type.__call__(t, *args, **kw): __new__, then __init__ when the result is an instance of t. */
proto.callTypeDirect = function (this: VM, t: Obj, args: Obj[], kw: KwArgs | null): Obj {
  const ti = this.infoOfType(t);
  if (!ti.heap) return typeCall.call(this, ti, t, args, kw);
  // a class has no vectorcall: tp_call's recursion check holds a level while __new__ and __init__ run
  this.enterRecursive(" while calling a Python object");
  try {
    return typeCall.call(this, ti, t, args, kw);
  } finally {
    this.depth--;
  }
};

const typeCall = function (this: VM, ti: TypeInfo, t: Obj, args: Obj[], kw: KwArgs | null): Obj {
  if (ti.heap && kw === null) {
    const o = callPlainClass(this, ti, t, args);
    if (o !== 0) return o;
  }
  if (t === this.tType) {
    if (args.length === 1 && !kw) return this.newRef(this.h.typeOf(args[0]));
    if (args.length === 3) {
      // type(name, bases, ns) reaches tp_call with its arguments in a tuple
      this.h.decref(this.h.newTuple(args));
      const o = typeFromArgs(this, t, args, kw);
      // type_call initialises through the new class's own metatype (a metaclass among the bases)
      const mi = this.typeInfo(o);
      const owner = mi.heap ? this.lookupTypeOwner(mi, "__init__") : null;
      if (owner && owner.heap) {
        try {
          this.decref(this.callSpecial(o, "__init__", args));
        } catch (e) {
          this.decref(o);
          throw e;
        }
      }
      return o;
    }
    this.typeError("type() takes 1 or 3 arguments");
  }
  // type calls without vectorcall in 3.11 pack their arguments into a tuple (parked when freed); a class's
  // lives until its instance is made and initialised
  let argt = args.length && (ti.heap || ti.kind === Kind.EXC || TUPLE_CALL_TYPES.has(ti.name)) ? this.h.newTuple(args) : 0;
  // BaseException's __new__ keeps the call's tuple itself as the exception's args: for a subclass without
  // a __new__ of its own, the tuple is released just before the constructor packs the arguments again,
  // which puts them in the same block (as for the builtin exception types below)
  if (argt && ti.heap && ti.kind === Kind.EXC && !this.lookupTypeOwner(ti, "__new__")?.heap) {
    this.h.decref(argt);
    argt = 0;
  }
  if (!ti.heap) {
    if (argt) this.h.decref(argt);
    const ctor = this.ctors.get(t) ?? (ti.kind === Kind.EXC ? this.ctors.get(this.T.BaseException) : undefined);
    if (!ctor) this.typeError(`cannot create '${ti.name}' instances`);
    if (kw !== null && kw.names.length && ti.kind !== Kind.EXC) checkKeywords(this, ti.name, args.length, kw, true);
    return ctor(t, args, kw);
  }
  try {
    return newHeapInstance(this, ti, t, args, kw);
  } finally {
    if (argt) this.h.decref(argt);
  }
};

/** callTypeDirect for a class: __new__ (the class's own, or its builtin base's), then __init__ when the
 *  result is an instance of the class. */
function newHeapInstance(vm: VM, ti: TypeInfo, t: Obj, args: Obj[], kw: KwArgs | null): Obj {
  const newD = vm.lookupType(ti, "__new__");
  let o: Obj;
  let userNew = false;
  if (newD && newD.obj && vm.lookupTypeOwner(ti, "__new__")?.heap) {
    userNew = true;
    if (vm.typeInfo(newD.obj).kind === Kind.STATICMETHOD) o = vm.call(vm.h.getSlot(newD.obj, L.NATIVE_A), [t, ...args], kw);
    else {
      // slot_tp_new: __new__ read from the class (a function assigned after the class was made stays
      // unbound, a classmethod binds the class), then called with the class first
      const fn = vm.getAttr(t, "__new__");
      try {
        o = vm.call(fn, [t, ...args], kw);
      } finally {
        vm.decref(fn);
      }
    }
  } else o = vm.nativeNew(ti, t, args, kw);
  if (!vm.isInstance(o, t)) return o;
  const initD = vm.lookupType(ti, "__init__");
  const owner = vm.lookupTypeOwner(ti, "__init__");
  if (initD && initD.obj && owner && owner.heap) {
    try {
      initReturned(vm, vm.kindOf(initD.obj) === Kind.FUNCTION ? vm.call(initD.obj, [o, ...args], kw) : vm.callSpecial(o, "__init__", args));
    } catch (e) {
      vm.decref(o);
      throw e;
    }
  } else {
    try {
      vm.nativeInit(ti, o, args, kw, userNew);
    } catch (e) {
      vm.decref(o);
      throw e;
    }
  }
  return o;
}

declare module "./vm.js" {
  interface VM {
    lookupTypeOwner(ti: TypeInfo, name: string): TypeInfo | null;
  }
}

proto.lookupTypeOwner = function (this: VM, ti: TypeInfo, name: string): TypeInfo | null {
  // cached as lookupType's results are (protocol.ts)
  const m = this.h.i32;
  const e = ti.ownerCache.get(name) as OwnerEntry | undefined;
  if (e !== undefined && stampValid(this, m, e, ti.mro)) return e.owner;
  const state = typeState(m, ti.mro);
  const w = m[this.classWrites]!;
  let owner: TypeInfo | null = null;
  for (const t of ti.mro) {
    if (t.dict && this.dictGetStr(t.dict, name)) {
      owner = t;
      break;
    }
    if (!t.heap && t.methods.has(name)) {
      owner = t;
      break;
    }
  }
  const entry: OwnerEntry = { mro: ti.mro, state, epoch: this.typeEpoch, w, owner };
  ti.ownerCache.set(name, entry);
  return owner;
};

/** lookupTypeOwner's cache entry (TypeInfo.ownerCache) with its stamp. */
interface OwnerEntry extends TypeOwnerEntry, TypeStamp {}

proto.nativeNew = function (this: VM, ti: TypeInfo, t: Obj, args: Obj[], kw: KwArgs | null): Obj {
  // the builtin base's constructor makes the object, then the class is swapped in by the heap
  let solid = ti;
  while (solid.heap && solid.base) solid = solid.base;
  // a metaclass without a __new__ of its own: type.__new__(t, name, bases, ns, **kw)
  if (solid.kind === Kind.TYPE) return typeFromArgs(this, t, args, kw);
  if (solid.kind === Kind.OBJECT) {
    const initOwner = this.lookupTypeOwner(ti, "__init__");
    if ((args.length || (kw && kw.names.length)) && (!initOwner || !initOwner.heap)) {
      this.typeError(`${ti.name}() takes no arguments`);
    }
    return this.h.newObject(t);
  }
  const ctor = this.ctors.get(solid.kind === Kind.EXC ? this.T.BaseException : solid.obj);
  if (!ctor) this.typeError(`cannot create '${ti.name}' instances`);
  if (solid.kind === Kind.EXC) return ctor(t, args, kw);
  // frozenset's own check, which a class with an __init__ of its own skips
  if (solid.kind === Kind.FROZENSET && kw?.names.length && !this.lookupTypeOwner(ti, "__init__")?.heap) this.typeError("frozenset() takes no keyword arguments");
  if (solid.kind === Kind.LIST || solid.kind === Kind.DICT || solid.kind === Kind.SET) return ctor(t, [], null);
  // str/int/float/tuple: the base constructor sees the call's keywords too (and rejects unknown ones)
  return ctor(t, args, kw);
};

/** list.__init__'s and set.__init__'s check of their arguments: at most one, no keywords. */
proto.listInitArgs = function (this: VM, n: number, kw: KwArgs | null, type = "list"): void {
  if (kw?.names.length) this.typeError(`${type}() takes no keyword arguments`);
  if (n > 1) this.typeError(`${type} expected at most 1 argument, got ${n}`);
};

proto.nativeInit = function (this: VM, ti: TypeInfo, o: Obj, args: Obj[], kw: KwArgs | null, _userNew: boolean): void {
  let solid = ti;
  while (solid.heap && solid.base) solid = solid.base;
  switch (solid.kind) {
    case Kind.LIST:
      this.listInitArgs(args.length, kw);
      if (args.length) this.listExtendFrom(o, args[0]);
      return;
    case Kind.DICT:
      if (args.length) this.dictUpdateArg(o, args[0]);
      if (kw) for (let i = 0; i < kw.names.length; i++) this.dictSetStr(o, this.name(kw.names[i]), kw.values[i]);
      return;
    case Kind.SET:
      this.listInitArgs(args.length, kw, "set");
      if (args.length) this.setUpdateFrom(o, args[0]);
      return;
  }
};

proto.newSuper = function (this: VM, args: Obj[], t: Obj = this.tSuper): Obj {
  const h = this.h;
  let type: Obj;
  let obj: Obj;
  if (args.length >= 1) {
    type = args[0];
    obj = args[1] ?? 0;
  } else {
    const f = this.frame;
    if (!f || !f.info.code.co_argcount) this.raise("RuntimeError", "super(): no arguments");
    const info = f.info;
    if (info.superClassAt === -2) {
      // looked up once per code object
      const code = info.code;
      info.superSelfCell = code.co_cellvars.includes(code.co_localsplusnames[0]);
      // only a free variable named __class__ (a local or cell of that name is none: "not found")
      info.superClassAt = code.co_freevars.includes("__class__") ? code.co_localsplusnames.lastIndexOf("__class__") : -1;
    }
    let self = f.localsplus[0];
    if (self && info.superSelfCell && this.kindOf(self) === Kind.CELL) self = h.getSlot(self, L.CELL_REF);
    if (!self) this.raise("RuntimeError", "super(): arg[0] deleted");
    const ci = info.superClassAt;
    if (ci < 0) this.raise("RuntimeError", "super(): __class__ cell not found");
    type = h.getSlot(f.localsplus[ci], L.CELL_REF);
    if (!type) this.raise("RuntimeError", "super(): empty __class__ cell");
    if (this.kindOf(type) !== Kind.TYPE) this.raise("RuntimeError", `super(): __class__ is not a type (${this.typeName(type)})`);
    obj = self;
  }
  if (this.kindOf(type) !== Kind.TYPE) this.typeError(`super() argument 1 must be a type, not ${this.typeName(type)}`);
  // super(list, ()) would run list's natives on a tuple
  // obj is a class (super in a classmethod) or an instance of type
  const asClass = obj !== 0 && this.kindOf(obj) === Kind.TYPE && this.isSubtype(this.infoOfType(obj), this.infoOfType(type));
  if (obj && !asClass && !this.isInstance(obj, type)) {
    this.typeError("super(type, obj): obj must be an instance or subtype of type");
  }
  const s = h.newObject(t);
  const m = h.i32;
  initSlot(m, s, L.NATIVE_A, type);
  if (obj) {
    initSlot(m, s, L.NATIVE_B, obj);
    initSlot(m, s, L.NATIVE_C, asClass ? obj : h.typeOf(obj));
  }
  return s;
};

proto.superGetAttr = function (this: VM, sup: Obj, name: string): Obj {
  const h = this.h;
  const type = h.getSlot(sup, L.NATIVE_A);
  const obj = h.getSlot(sup, L.NATIVE_B);
  const objType = h.getSlot(sup, L.NATIVE_C);
  if (name === "__class__") return this.newRef(h.typeOf(sup));
  if (objType) {
    const mro = this.infoOfType(objType).mro;
    const start = mro.indexOf(this.infoOfType(type));
    for (let i = start + 1; i < mro.length; i++) {
      const t = mro[i];
      let d: { obj: Obj; native: number } | null = null;
      if (t.dict) {
        const v = this.dictGetStr(t.dict, name);
        if (v) d = { obj: v, native: -1 };
      }
      if (!d && !t.heap) {
        const n = t.methods.get(name);
        if (n !== undefined) d = { obj: 0, native: n };
      }
      if (d) {
        const isClass = obj === objType;
        if (d.native >= 0) {
          // a class method (object.__init_subclass__, dict.fromkeys…) binds the class
          if (this.classMethods?.has(d.native)) return this.newBuiltinFunction(d.native, objType);
          return isClass ? this.newMethodDescr(t.obj, d.native) : this.newBoundNative(d.native, obj);
        }
        return this.bindDescr(d as { obj: Obj; native: -1 }, isClass ? 0 : obj, objType);
      }
    }
  }
  // then super's own attributes (__thisclass__…; its methods, __get__…, in genericGetAttr), and for a
  // subclass's instance its own class's attributes and its dict (genericGetAttr)
  const ti = this.typeInfo(sup);
  return ti.heap ? 0 : this.nativeAttr(sup, ti, name);
};

export { PyRaise };

/**
 * What `super().name` found for instances of one class: the function of a class after `__class__` in the
 * instance's MRO (borrowed: that class's dict holds it while its version tag is unchanged), valid while
 * the instance class's MRO, the type epoch and every class dict of the MRO (address and version tag) are.
 * Entries for other instance classes or names are chained through `next`.
 */
export interface SuperSite extends TypeStamp {
  objTi: TypeInfo;
  name: string;
  func: Obj;
  next: SuperSite | null;
}

const NO_ARGS: Obj[] = [];

/** CALL of `super` with no arguments (what callGeneral does for it: super's constructor, then the callable
 *  released), the new super object pushed. */
export function superCallPush(vm: VM, st: Obj[], target: Obj): void {
  try {
    const s = zeroArgSuper(vm);
    // (stored at st.length: as the eval loop's RETURN_VALUE)
    st[st.length] = s !== 0 ? s : vm.newSuper(NO_ARGS);
  } finally {
    vm.h.decref(target);
  }
}

/** newSuper without arguments in a method whose `__class__` cell was found before (superClassAt) and whose
 *  first argument is no cell: an instance of the cell's class (metaclass exactly `type`) or of a subclass
 *  gets its super object without the general checks; 0 (nothing done) for everything else. */
function zeroArgSuper(vm: VM): Obj {
  const f = vm.frame;
  if (f === null) return 0;
  const type = zeroArgSuperType(vm, f);
  if (type === 0) return 0;
  const h = vm.h;
  const self = f.localsplus[0];
  const s = h.newObject(vm.tSuper);
  const m = h.i32;
  initSlot(m, s, L.NATIVE_A, type);
  initSlot(m, s, L.NATIVE_B, self);
  initSlot(m, s, L.NATIVE_C, m[(self + OB_TYPE) >>> 2]! >>> 0);
  return s;
}

/** The class zeroArgSuper makes the super object for in frame f (its `__class__` cell's class; the
 *  instance is f's first local), or 0 when the general checks must run. */
function zeroArgSuperType(vm: VM, f: Frame): Obj {
  const info = f.info;
  const ci = info.superClassAt;
  if (ci < 0 || info.superSelfCell) return 0;
  const m = vm.h.i32;
  const self = f.localsplus[0];
  const cell = f.localsplus[ci];
  if (!self || !cell) return 0;
  const type = m[(cell + L.CELL_REF) >>> 2]! >>> 0;
  if (type === 0 || m[(type + OB_TYPE) >>> 2]! >>> 0 !== vm.tType) return 0;
  const objType = m[(self + OB_TYPE) >>> 2]! >>> 0;
  const oti = vm.infoOfType(objType);
  if (oti.kind === Kind.TYPE || (objType !== type && !vm.isSubtype(oti, vm.infoOfType(type)))) return 0;
  return type;
}

/**
 * CALL of `super` (`target`, already popped with its NULL) without arguments in frame f, the LOAD_METHOD
 * at ops[ip] after it, when nothing can tell the two apart (the caller checked: untraced, not at the step
 * where the limits are checked). When zeroArgSuper would make the super object and the class's SuperSite
 * holds for the name, both run here: the super object made, the method bound and the super object
 * released in one core call (the same allocations and releases in the same order as the two
 * instructions), the LOAD_METHOD's step counted, NULL and the method pushed: true. false with nothing done.
 */
export function superCallMethod(vm: VM, f: Frame, st: Obj[], ip: number, target: Obj): boolean {
  const type = zeroArgSuperType(vm, f);
  if (type === 0) return false;
  const name = f.info.code.co_names[f.info.ops[ip]! >> 8];
  if (name === "__class__") return false;
  const h = vm.h;
  const m = h.i32;
  const self = f.localsplus[0];
  const func = superSiteFunc(vm, m, vm.infoOfType(type), vm.infoOfType(m[(self + OB_TYPE) >>> 2]! >>> 0), name);
  if (func === 0) return false;
  const callAt = f.lasti;
  vm.steps++;
  f.lasti = ip;
  let r = 0;
  try {
    r = h.superBind(vm.tSuper, vm.tMethod, type, self, func);
  } catch (e) {
    h.decref(target);
    throw e;
  }
  if (r === 0) {
    vm.steps--;
    f.lasti = callAt;
    return false;
  }
  h.decref(target);
  st.push(0);
  st.push(r);
  return true;
}

/** The function the SuperSite of (typeTi, objTi, name) holds while it is valid, else 0. */
function superSiteFunc(vm: VM, m: Int32Array, typeTi: TypeInfo, objTi: TypeInfo, name: string): Obj {
  const head = vm.superSites.get(typeTi);
  let c = head === undefined ? null : head;
  while (c !== null && (c.objTi !== objTi || c.name !== name)) c = c.next;
  return c !== null && stampValid(vm, m, c, objTi.mro) ? c.func : 0;
}

/**
 * LOAD_METHOD on an exact super object (popped, released after the lookup): NULL and getattr(sup, name)
 * pushed, as the general path does. A Python function found for an instance (not a class) is bound
 * without superGetAttr's walk when the class's SuperSite holds.
 */
export function superMethodPush(vm: VM, st: Obj[], sup: Obj, name: string): void {
  st.push(0);
  try {
    st.push(superMethod(vm, sup, name));
  } finally {
    vm.h.decref(sup);
  }
}

function superMethod(vm: VM, sup: Obj, name: string): Obj {
  const m = vm.h.i32;
  const type = m[(sup + L.NATIVE_A) >>> 2]! >>> 0;
  const obj = m[(sup + L.NATIVE_B) >>> 2]! >>> 0;
  const objType = m[(sup + L.NATIVE_C) >>> 2]! >>> 0;
  if (obj === 0 || objType === 0 || obj === objType || name === "__class__") return vm.getAttr(sup, name);
  const typeTi = vm.infoOfType(type);
  const objTi = vm.infoOfType(objType);
  const head = vm.superSites.get(typeTi);
  let c = head === undefined ? null : head;
  while (c !== null && (c.objTi !== objTi || c.name !== name)) c = c.next;
  if (c === null || !stampValid(vm, m, c, objTi.mro)) {
    // superGetAttr's walk, kept when it ends at a Python function in a class dict
    const state = typeState(m, objTi.mro);
    const w = m[vm.classWrites]!;
    const mro = objTi.mro;
    let func = 0;
    for (let i = mro.indexOf(typeTi) + 1; i < mro.length; i++) {
      const t = mro[i];
      const v = t.dict ? vm.dictGetStr(t.dict, name) : 0;
      if (v) {
        if (vm.kindOf(v) === Kind.FUNCTION) func = v;
        break;
      }
      if (!t.heap && t.methods.has(name)) break;
    }
    if (func === 0) return vm.getAttr(sup, name);
    if (c === null) {
      c = { objTi, name, mro, epoch: vm.typeEpoch, state, w, func, next: head === undefined ? null : head };
      vm.superSites.set(typeTi, c);
    } else {
      c.mro = mro;
      c.epoch = vm.typeEpoch;
      c.state = state;
      c.w = w;
      c.func = func;
    }
  }
  return vm.newMethod(c.func, obj);
}

/**
 * CALL of a plain class (see InitPlan; its metaclass exactly `type`, no keywords, the stack holding NULL,
 * the class and `arg` arguments) whose __init__ takes exactly those arguments positionally: what
 * callPlainClass does up to running __init__ — the argument tuple, the instance, a frame for __init__ with
 * the instance and the arguments — but the frame is returned for the eval loop to run in place of a nested
 * evalFrame (the loop adds the depth). The frame keeps the instance, the tuple, the arguments and the class
 * until __init__ returns (classInitDone) or an exception leaves it (classInitAbort), which release them in
 * the order the nested call did. null when the general path must run (nothing done).
 */
export function classInitFrame(vm: VM, f: Frame, st: Obj[], arg: number, t: Obj): Frame | null {
  const ti = vm.infoOfType(t);
  // two levels: tp_call's recursion check (held until endInitCall) and the frame's
  if (!ti.heap || vm.depth + 2 > vm.recursionLimit) return null;
  const init = plainClassInit(vm, ti);
  if (init === 0 || init === BARE) return null;
  const h = vm.h;
  const m = h.i32;
  const ci = vm.codes[m[((m[(init + L.FUNC_CODE) >>> 2]! >>> 0) + L.CODE_INDEX) >>> 2]!];
  if (ci.posArgs !== arg + 1) return null;
  let nf = ci.spareFrame;
  if (nf !== null) ci.spareFrame = nf.back;
  else nf = new Frame(ci, 0, 0, vm.builtins, 0, f);
  // the arguments and the class leave the stack (callGeneral's order: they are released after the call)
  let args = nf.initArgs;
  if (args === null) args = nf.initArgs = [];
  const base = st.length - arg;
  for (let k = base; k < base + arg; k++) args.push(st[k]);
  // pops, not a store to `length` (a call into V8's runtime)
  for (let k = arg + 2; k > 0; k--) st.pop();
  let argt = 0;
  let o = 0;
  try {
    argt = arg ? h.newTuple(args) : 0;
    o = h.newObject(t);
  } catch (e) {
    if (argt) h.decref(argt);
    for (let k = 0; k < args.length; k++) h.decref(args[k]);
    while (args.length) args.pop();
    h.decref(t);
    throw e;
  }
  h.incref(init);
  nf.reuse(init, m[(init + L.FUNC_GLOBALS) >>> 2]! >>> 0, vm.builtins, f);
  const ls = nf.localsplus;
  ls[0] = o;
  h.incref(o);
  for (let k = 0; k < arg; k++) {
    const a = args[k];
    h.incref(a);
    ls[k + 1] = a;
  }
  nf.initSelf = o;
  nf.initTuple = argt;
  nf.initClass = t;
  vm.depth++;
  return nf;
}

/** __init__ run by classInitFrame's frame `fr` returned r (a new reference): what callPlainClass and its
 *  callers do then — r checked and released, the tuple, the arguments in order and the class released —
 *  and the instance to push (a new reference). `fr` (released by the loop) is then kept for reuse when
 *  `spare` (untraced: a trace may hold frames). */
export function classInitDone(vm: VM, fr: Frame, r: Obj, spare: boolean): Obj {
  const o = fr.initSelf;
  endInitCall(vm, fr, r);
  if (spare) {
    fr.back = fr.info.spareFrame;
    fr.info.spareFrame = fr;
  }
  return o;
}

/** An exception (or a limit) leaves classInitFrame's frame `fr` (its locals already released): the instance,
 *  the tuple, the arguments in order and the class are released, as when it left the nested call. */
export function classInitAbort(vm: VM, fr: Frame): void {
  endInitCall(vm, fr, -1);
}

/** The releases after __init__'s frame `fr` ended: with what it returned (r), or by an exception (r -1:
 *  the instance is released too). */
function endInitCall(vm: VM, fr: Frame, r: Obj): void {
  const h = vm.h;
  const o = fr.initSelf;
  const argt = fr.initTuple;
  const args = fr.initArgs!;
  const t = fr.initClass;
  fr.initSelf = 0;
  fr.initTuple = 0;
  fr.initClass = 0;
  vm.depth--;
  try {
    try {
      if (r === -1) vm.decref(o);
      else {
        try {
          initReturned(vm, r);
        } catch (e) {
          vm.decref(o);
          throw e;
        }
      }
    } finally {
      if (argt) h.decref(argt);
    }
  } finally {
    try {
      for (let k = 0; k < args.length; k++) h.decref(args[k]);
    } finally {
      while (args.length) args.pop();
      h.decref(t);
    }
  }
}

/**
 * `o.__class__ = v` (object's __class__ setter): v must be a class, both classes defined in Python, with
 * compatible layouts; a managed dict is materialized first (its values were keyed by the old class), then
 * the instance's type word changes and it holds a reference to the new class instead of the old one.
 */
export function assignClass(vm: VM, o: Obj, ti: TypeInfo, v: Obj): void {
  if (vm.kindOf(v) !== Kind.TYPE) vm.typeError(`__class__ must be set to a class, not '${vm.typeName(v)}' object`);
  const to = vm.infoOfType(v);
  if (!ti.heap || !to.heap) vm.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
  if (!sameLayout(vm, to, ti) || !!ti.managed !== !!to.managed) {
    vm.typeError(`__class__ assignment: '${to.name}' object layout differs from '${ti.name}'`);
  }
  const h = vm.h;
  if (ti.managed && !h.managedDict(o)) h.attrDict(o);
  const old = h.typeOf(o);
  h.incref(v);
  h.setI32(o, abi.OB_TYPE, v);
  h.decref(old);
}
