/**
 * The object protocol: attribute lookup and assignment (PyObject_GenericGetAttr and friends), calls,
 * truth, len, repr/str, hashing, rich comparison, iteration, subscription and containment.
 *
 * Every function returns a NEW reference (or nothing) and borrows its arguments, unless its name ends in
 * `Steal`. Errors are thrown as PyRaise.
 */
import { abi } from "@pyheap/heap";
import type { Obj } from "./heap-api.js";
import { Kind, type KwArgs, type TypeAttrEntry, type TypeInfo } from "./types.js";
import { PyRaise, VM } from "./vm.js";
import * as L from "./layouts.js";
import { suggest } from "./traceback.js";
import { proxyTarget } from "./weakrefs.js";
import { bigRangeOf } from "./ranges.js";
import { rangeLength } from "./bigrange.js";
import { assignClass } from "./classes.js";
import type { Frame } from "./frame.js";
import { warn } from "../modules/warnings.js";
import { rarely } from "./rarely.js";

/** Result of a type attribute lookup: a heap object (borrowed), a native method index, or nothing. */
export type Descr = { obj: Obj; native: -1 } | { obj: 0; native: number } | null;

declare module "./vm.js" {
  interface VM {
    lookupType(ti: TypeInfo, name: string): Descr;
    /** At the end of the set-up (sealTypes): the type caches are emptied (see settleTypeCaches). */
    settleTypeCaches(): void;
    instDict(o: Obj, create: boolean): Obj;
    getAttr(o: Obj, name: string): Obj;
    genericGetAttr(o: Obj, name: string, withGetattr: boolean): Obj;
    getAttrOrNull(o: Obj, name: string): Obj;
    hasAttr(o: Obj, name: string): boolean;
    setAttr(o: Obj, name: string, v: Obj): void;
    genericSetAttr(o: Obj, name: string, v: Obj): void;
    delAttr(o: Obj, name: string): void;
    genericDelAttr(o: Obj, name: string): void;
    attributeError(o: Obj, name: string): never;
    call(f: Obj, args: Obj[], kw?: KwArgs | null): Obj;
    callMethod(o: Obj, name: string, args: Obj[], kw?: KwArgs | null): Obj;
    callSpecial(o: Obj, name: string, args: Obj[]): Obj;
    lookupSpecial(o: Obj, name: string): Descr;
    bindDescr(d: Descr, o: Obj, owner: Obj): Obj;
    /** The strs of repr(False) and repr(True), once made (see boolStr). */
    boolNames?: [Obj, Obj];
    boolStr(b: boolean): Obj;
    newMethod(func: Obj, self: Obj): Obj;
    truthy(o: Obj): boolean;
    len(o: Obj): number;
    repr(o: Obj): string;
    strOf(o: Obj): string;
    reprObj(o: Obj, what?: string): Obj;
    strObj(o: Obj): Obj;
    hash(o: Obj): bigint;
    nativeAttr(o: Obj, ti: TypeInfo, name: string): Obj;
    nativeSetAttr(o: Obj, ti: TypeInfo, name: string, v: Obj | 0): boolean;
    dirNames(o: Obj): string[];
  }
}

const proto = VM.prototype;

const DICT_VERSION = abi.DICT_VERSION;

/** Bit 0 of a dict's version tag (the core's CLASS_DICT_MARK): the dict is a class namespace, and every
 *  change of it also counts in the core's word at `vm.classWrites`. */
const CLASS_DICT_MARK = 1;

/** The state lookupType's result depends on: per class of the MRO, its dict and the dict's version. The
 *  dicts are marked first (marking changes no content), so that from now on every change of one of them
 *  moves the core's count of class-namespace changes (see stampValid). */
export function typeState(m: Int32Array, mro: TypeInfo[]): number[] {
  const s: number[] = [];
  for (let k = 0; k < mro.length; k++) {
    const d = mro[k].dict;
    if (d) m[(d + DICT_VERSION) >>> 2] |= CLASS_DICT_MARK;
    s.push(d, d ? m[(d + DICT_VERSION) >>> 2] : 0, d ? m[(d + DICT_VERSION + 4) >>> 2] : 0);
  }
  return s;
}

export function typeStateValid(m: Int32Array, mro: TypeInfo[], s: number[]): boolean {
  for (let k = 0, j = 0; k < mro.length; k++, j += 3) {
    const d = mro[k].dict;
    if (d !== s[j]) return false;
    if (d && (m[(d + DICT_VERSION) >>> 2] !== s[j + 1] || m[(d + DICT_VERSION + 4) >>> 2] !== s[j + 2])) return false;
  }
  return true;
}

/**
 * What a cached answer about a type (an attribute found through its MRO, a slot site, an init plan, a
 * super() site) was found under: the MRO, the VM's type epoch, the MRO's typeState, and `w`, the core's
 * count of class-namespace changes when the answer was last known to hold (read with the state, before
 * the lookups: one that runs code leaves it stale, never wrong).
 */
export interface TypeStamp {
  mro: TypeInfo[];
  epoch: number;
  state: number[];
  w: number;
}

/**
 * Whether an answer stamped `e` still holds for a type whose MRO is now `mro` (3.11's tp_version_tag
 * check). The hit is one compare of `w` (and the epoch): every dict of the MRO was marked when the state
 * was read, so while no marked dict has changed anywhere, none of these has; a MRO is only ever replaced
 * with the epoch bumped (__bases__ assignment). After some class namespace changed, the state is compared
 * dict by dict; an answer that still holds is stamped with the new count (frozen entries are only
 * compared).
 */
export function stampValid(vm: VM, m: Int32Array, e: TypeStamp, mro: TypeInfo[]): boolean {
  return (e.w === m[vm.classWrites] && e.epoch === vm.typeEpoch) || stampRecheck(vm, m, e, mro);
}

/** stampValid after a class namespace changed (out of line: the hit above is small enough for V8 to
 *  inline into the eval loop's callers within its inlining budget). */
function stampRecheck(vm: VM, m: Int32Array, e: TypeStamp, mro: TypeInfo[]): boolean {
  if (e.mro !== mro || e.epoch !== vm.typeEpoch || !typeStateValid(m, mro, e.state)) return false;
  if (!Object.isFrozen(e)) e.w = m[vm.classWrites]!;
  return true;
}

/** lookupType's cache entry (TypeInfo.attrCache) with its stamp. */
interface AttrEntry extends TypeAttrEntry, TypeStamp {}

/**
 * NOTE: an interpreter reused across runs gets the memory and the caches' containers of its set-up back
 * before each run, but not the fields of entries kept from the set-up: an entry re-stamped in one run
 * would carry that run's count into the next, where the same count can come after other changes. So no
 * entry is kept from the set-up (it makes none today: no class has a dict by then); entries made during a
 * run are gone after the restore.
 */
proto.settleTypeCaches = function (this: VM): void {
  for (const ti of this.typeInfos) {
    ti.attrCache.clear();
    ti.ownerCache.clear();
  }
  this.initPlans.clear();
  this.superSites.clear();
};

/** The attribute `name` of a type through its MRO (CPython's _PyType_Lookup), with a per-type cache as
 *  CPython's type attribute cache: an entry holds while no class dict of the MRO changed. */
proto.lookupType = function (this: VM, ti: TypeInfo, name: string): Descr {
  const m = this.h.i32;
  const e = ti.attrCache.get(name) as AttrEntry | undefined;
  if (e !== undefined && stampValid(this, m, e, ti.mro)) return e.descr as Descr;
  // the state is read first: a lookup that runs code (a str subclass key's __eq__) leaves it stale
  const state = typeState(m, ti.mro);
  const w = m[this.classWrites]!;
  const descr = lookupTypeUncached(this, ti, name);
  const entry: AttrEntry = { mro: ti.mro, state, epoch: this.typeEpoch, descr, w };
  ti.attrCache.set(name, entry);
  return descr;
};

function lookupTypeUncached(vm: VM, ti: TypeInfo, name: string): Descr {
  for (const t of ti.mro) {
    if (t.heap || t.dict) {
      if (t.dict) {
        const v = vm.dictGetStr(t.dict, name);
        if (v) return { obj: v, native: -1 };
      }
      if (t.heap) continue;
    }
    // list.__hash__ is None, as for the other mutable builtins
    if (name === "__hash__" && (t.kind === Kind.LIST || t.kind === Kind.DICT || t.kind === Kind.SET || t.kind === Kind.BYTEARRAY)) return { obj: vm.None, native: -1 };
    const i = t.methods.get(name);
    if (i !== undefined) return { obj: 0, native: i };
  }
  return null;
}

/** Borrowed: the instance's attribute dict (created when `create`), or 0. */
proto.instDict = function (this: VM, o: Obj, create: boolean): Obj {
  const ti = this.typeInfo(o);
  let off: number;
  switch (ti.kind) {
    case Kind.EXC:
      off = L.EXC_DICT;
      break;
    case Kind.FUNCTION:
      off = L.FUNC_DICT;
      break;
    case Kind.MODULE:
      off = L.MODULE_DICT;
      break;
    case Kind.TYPE:
      return this.infoOfType(o).dict;
    default:
      if (ti.managed) return create ? this.h.attrDict(o) : this.h.managedDict(o);
      if (!ti.hasDict) return 0;
      off = this.h.varDictOffset(o) || this.abi.MANAGED_DICT;
  }
  let d = this.h.getSlot(o, off);
  if (!d && create) {
    d = this.h.newDict("display");
    this.h.setSlotSteal(o, off, d);
  }
  return d;
};

function isDataDescr(vm: VM, o: Obj): boolean {
  const k = vm.kindOf(o);
  if (k === Kind.PROPERTY || k === Kind.GETSET || k === Kind.MEMBER) return true;
  if (k === Kind.OBJECT || vm.typeInfo(o).heap) {
    const ti = vm.typeInfo(o);
    return !!(vm.lookupType(ti, "__set__") || vm.lookupType(ti, "__delete__"));
  }
  return false;
}

/** Apply a found class attribute to an instance (function → bound method…): new reference. */
proto.bindDescr = function (this: VM, d: Descr, o: Obj, owner: Obj): Obj {
  if (!d) throw new Error("internal: bindDescr(null)");
  if (d.native >= 0) {
    if (o === 0) return this.newMethodDescr(owner, d.native);
    // a class method (dict.fromkeys, int.from_bytes...) found through an instance binds the instance's type
    if (this.classMethods?.has(d.native)) return this.newBuiltinFunction(d.native, this.h.typeOf(o));
    return this.newBoundNative(d.native, o);
  }
  const v = d.obj;
  switch (this.kindOf(v)) {
    case Kind.FUNCTION:
      return o === 0 ? this.newRef(v) : this.newMethod(v, o);
    case Kind.STATICMETHOD:
      if (this.typeInfo(v).heap) return heapGet(this, v, o, owner);
      return this.newRef(this.h.getSlot(v, L.NATIVE_A));
    case Kind.CLASSMETHOD:
      if (this.typeInfo(v).heap) return heapGet(this, v, o, owner);
      return this.newMethod(this.h.getSlot(v, L.NATIVE_A), owner);
    case Kind.MDESCR: {
      // a method descriptor kept in a class dict (__hash__ = object.__hash__) binds the instance
      if (o === 0) return this.newRef(v);
      const t = this.h.getSlot(v, L.MDESCR_TYPE);
      const n = this.natives[this.h.getI32(v, L.MDESCR_INDEX)];
      if (!this.isInstance(o, t)) this.typeError(`descriptor '${n.name}' for '${this.infoOfType(t).name}' objects doesn't apply to a '${this.typeName(o)}' object`);
      return this.newBoundNative(this.h.getI32(v, L.MDESCR_INDEX), o);
    }
    case Kind.PROPERTY: {
      if (o === 0) return this.newRef(v);
      const fget = this.h.getSlot(v, L.NATIVE_A);
      if (!fget) this.raise("AttributeError", "property object has no getter");
      return this.call(fget, [o]);
    }
    case Kind.MEMBER: {
      if (o === 0) return this.newRef(v);
      const off = memberOffset(this, v, o);
      // (a built-in type's, int.real kept in a class, or o not of its class: rarely.ts)
      if (!off) return rarely(this, 10, v, o);
      const val = this.h.getSlot(o, off);
      if (!val) {
        const nm = this.str(this.h.getSlot(v, L.DESCR_NAME));
        this.raise("AttributeError", `'${this.typeName(o)}' object has no attribute '${nm}'`);
      }
      return this.newRef(val);
    }
    case Kind.GETSET: {
      if (o === 0) return this.newRef(v);
      const nm = this.str(this.h.getSlot(v, L.DESCR_NAME));
      if (nm === "__dict__") return this.newRef(this.instDict(o, true));
      if (nm === "__weakref__") return this.weakrefHead(o);
      return rarely(this, 10, v, o);
    }
    default:
      // (an unbound super kept in a class binds as well: super(T).__get__(obj) is super(T, obj))
      return this.typeInfo(v).heap || this.kindOf(v) === Kind.SUPER ? heapGet(this, v, o, owner) : this.newRef(v);
  }
};

/** A class instance found on a class: what its type's __get__ gives (itself without one). */
function heapGet(vm: VM, v: Obj, o: Obj, owner: Obj): Obj {
  const ti = vm.typeInfo(v);
  const get = vm.lookupType(ti, "__get__");
  if (!get) return vm.newRef(v);
  const f = vm.bindDescr(get, v, ti.obj);
  try {
    return vm.call(f, [o || vm.None, owner]);
  } finally {
    vm.decref(f);
  }
}

proto.newMethod = function (this: VM, func: Obj, self: Obj): Obj {
  const m = this.h.newObject(this.tMethod);
  const mem = this.h.i32;
  initSlot(mem, m, L.METHOD_FUNC, func);
  initSlot(mem, m, L.METHOD_SELF, self);
  return m;
};

/** Stores v (borrowed: the object takes a reference; 0 leaves the slot empty) in the empty slot at `off` of
 *  the object o just made (its slots are zeroed, so no old value to release): what the core's obj_set_slot
 *  does then, without the call. */
export function initSlot(m: Int32Array, o: Obj, off: number, v: Obj): void {
  if (v === 0) return;
  m[v >>> 2]!++;
  m[(o + off) >>> 2] = v;
}

proto.getAttrOrNull = function (this: VM, o: Obj, name: string): Obj {
  try {
    return this.getAttr(o, name);
  } catch (e) {
    if (e instanceof PyRaise && this.isInstance(e.exc, this.T.AttributeError)) {
      this.decref(e.exc);
      return 0;
    }
    throw e;
  }
};

proto.hasAttr = function (this: VM, o: Obj, name: string): boolean {
  const v = this.getAttrOrNull(o, name);
  if (v) this.decref(v);
  return v !== 0;
};

proto.attributeError = function (this: VM, o: Obj, name: string): never {
  const ti = this.typeInfo(o);
  let msg: string;
  if (ti.kind === Kind.MODULE) {
    const mn = this.str(this.h.getSlot(o, L.MODULE_NAME));
    msg = `module '${mn}' has no attribute '${name}'`;
  } else if (ti.kind === Kind.TYPE) {
    msg = `type object '${this.infoOfType(o).name}' has no attribute '${name}'`;
  } else msg = `'${ti.name}' object has no attribute '${name}'`;
  const exc = this.newException("AttributeError", msg);
  const n = this.newStr(name);
  this.h.setSlotSteal(exc, L.EXC_EXTRA2, n);
  this.h.setSlot(exc, L.EXC_EXTRA, o);
  throw new PyRaise(exc);
};

/** The __getattribute__ written in Python that a heap class defines or inherits, or null. */
export function customGetattribute(vm: VM, ti: TypeInfo): Descr {
  if (!ti.heap) return null;
  const d = vm.lookupType(ti, "__getattribute__");
  return d && d.obj ? d : null;
}

proto.getAttr = function (this: VM, o: Obj, name: string): Obj {
  const ti = this.typeInfo(o);
  if (ti.heap) {
    const ga = customGetattribute(this, ti);
    if (ga) return hookedGetAttr(this, o, ti, ga, name);
  }
  return this.genericGetAttr(o, name, true);
};

/** A class's own __getattribute__; when it raises AttributeError, the class's __getattr__ if any. */
function hookedGetAttr(vm: VM, o: Obj, ti: TypeInfo, ga: NonNullable<Descr>, name: string): Obj {
  const n = vm.newStr(name);
  try {
    const f = vm.bindDescr(ga, o, ti.obj);
    try {
      return vm.call(f, [n]);
    } finally {
      vm.decref(f);
    }
  } catch (e) {
    if (!(e instanceof PyRaise) || !vm.isInstance(e.exc, vm.T.AttributeError)) throw e;
    const fb = vm.lookupType(ti, "__getattr__");
    if (!fb) throw e;
    vm.decref(e.exc);
    const f = vm.bindDescr(fb, o, ti.obj);
    try {
      return vm.call(f, [n]);
    } finally {
      vm.decref(f);
    }
  } finally {
    vm.decref(n);
  }
}

/** A class attribute applied to the instance; an AttributeError from it (a property's getter) goes on to the
 *  class's __getattr__ when there is one and `withGetattr`. */
function bindOrGetattr(vm: VM, descr: NonNullable<Descr>, o: Obj, ti: TypeInfo, name: string, withGetattr: boolean): Obj {
  const fb = withGetattr && ti.heap ? vm.lookupType(ti, "__getattr__") : null;
  if (!fb) return vm.bindDescr(descr, o, ti.obj);
  return readOrGetattr(vm, fb, o, ti, name, () => vm.bindDescr(descr, o, ti.obj));
}

/** `read()`, and when it raises AttributeError, `fb` (the __getattr__ of o's class) called with the name
 *  instead. */
function readOrGetattr(vm: VM, fb: NonNullable<Descr>, o: Obj, ti: TypeInfo, name: string, read: () => Obj): Obj {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof PyRaise) || !vm.isInstance(e.exc, vm.T.AttributeError)) throw e;
    vm.decref(e.exc);
  }
  const f = vm.bindDescr(fb, o, ti.obj);
  const n = vm.newStr(name);
  try {
    return vm.call(f, [n]);
  } finally {
    vm.decref(f);
    vm.decref(n);
  }
}

/** object.__getattribute__: the generic lookup; `withGetattr` adds the class's __getattr__ fallback. */
proto.genericGetAttr = function (this: VM, o: Obj, name: string, withGetattr: boolean): Obj {
  const ti = this.typeInfo(o);
  if (ti.kind === Kind.TYPE) {
    // a metaclass's __getattr__ is the fallback of a class's attribute reads
    const fb = withGetattr && ti.heap ? this.lookupType(ti, "__getattr__") : null;
    if (!fb) return this.typeGetAttr(o, name);
    return readOrGetattr(this, fb, o, ti, name, () => this.typeGetAttr(o, name));
  }
  if (ti.kind === Kind.SUPER) {
    // (0: a subclass's instance, whose class and own attributes come next)
    const r = this.superGetAttr(o, name);
    if (r) return r;
  }
  if (ti.kind === Kind.WEAKPROXY) return this.getAttr(proxyTarget(this, o), name);
  if (ti.kind === Kind.MODULE) {
    const d = this.h.getSlot(o, L.MODULE_DICT);
    const v = d ? this.dictGetStr(d, name) : 0;
    if (v) return this.newRef(v);
    const nv = this.nativeAttr(o, ti, name);
    if (nv) return nv;
    this.attributeError(o, name);
  }
  const descr = this.lookupType(ti, name);
  if (descr && descr.obj && isDataDescr(this, descr.obj)) return bindOrGetattr(this, descr, o, ti, name, withGetattr);
  if (ti.managed) {
    const v = this.h.attrGet(o, this.name(name));
    if (v) return this.newRef(v);
  } else {
    const d = this.instDict(o, false);
    if (d) {
      const v = this.dictGetStr(d, name);
      if (v) return this.newRef(v);
    }
  }
  if (descr) return bindOrGetattr(this, descr, o, ti, name, withGetattr);
  const nv = this.nativeAttr(o, ti, name);
  if (nv) return nv;
  if (withGetattr && ti.heap) {
    const ga = this.lookupType(ti, "__getattr__");
    if (ga) {
      const f = this.bindDescr(ga, o, ti.obj);
      const n = this.newStr(name);
      try {
        return this.call(f, [n]);
      } finally {
        this.decref(f);
        this.decref(n);
      }
    }
  }
  this.attributeError(o, name);
};

proto.setAttr = function (this: VM, o: Obj, name: string, v: Obj): void {
  const ti = this.typeInfo(o);
  // a __setattr__ written in Python (a metaclass's too, for its classes) sees every assignment, before any
  // descriptor
  if (ti.heap) {
    const sa = this.lookupType(ti, "__setattr__");
    if (sa && sa.obj) {
      const f = this.bindDescr(sa, o, ti.obj);
      const n = this.newStr(name);
      try {
        this.decref(this.call(f, [n, v]));
      } finally {
        this.decref(f);
        this.decref(n);
      }
      return;
    }
  }
  this.genericSetAttr(o, name, v);
};

/** object.__setattr__: data descriptors, then the instance's attributes. */
proto.genericSetAttr = function (this: VM, o: Obj, name: string, v: Obj): void {
  const ti = this.typeInfo(o);
  if (ti.kind === Kind.TYPE) return this.typeSetAttr(o, name, v);
  if (ti.kind === Kind.WEAKPROXY) return this.setAttr(proxyTarget(this, o), name, v);
  if (name === "__class__") return assignClass(this, o, ti, v);
  const descr = this.lookupType(ti, name);
  if (descr && descr.obj) {
    const k = this.kindOf(descr.obj);
    if (k === Kind.PROPERTY) {
      const fset = this.h.getSlot(descr.obj, L.NATIVE_B);
      if (!fset) this.raise("AttributeError", `property '${name}' of '${ti.name}' object has no setter`);
      this.decref(this.call(fset, [o, v]));
      return;
    }
    if (k === Kind.MEMBER) {
      const off = memberOffset(this, descr.obj, o);
      if (off) this.h.setSlot(o, off, v);
      else rarely(this, 10, descr.obj, o, [v]);
      return;
    }
    if (k === Kind.GETSET && name === "__dict__" && this.str(this.h.getSlot(descr.obj, L.DESCR_NAME)) === "__dict__") {
      setInstDict(this, o, ti, v);
      return;
    }
    if (this.typeInfo(descr.obj).heap) {
      const set = this.lookupType(this.typeInfo(descr.obj), "__set__");
      if (set) {
        const f = this.bindDescr(set, descr.obj, this.h.typeOf(descr.obj));
        try {
          this.decref(this.call(f, [o, v]));
        } finally {
          this.decref(f);
        }
        return;
      }
    }
  }
  if (name === "__dict__" && (ti.kind === Kind.FUNCTION || ti.kind === Kind.EXC)) return setInstDict(this, o, ti, v);
  if (this.nativeSetAttr(o, ti, name, v)) return;
  if (ti.managed) {
    this.h.attrSet(o, this.name(name), v);
    return;
  }
  const d = this.instDict(o, true);
  if (d) {
    this.dictSetStr(d, this.name(name), v);
    return;
  }
  if (descr || this.nativeAttrExists(o, ti, name)) {
    this.raise("AttributeError", `attribute '${name}' of '${ti.name}' objects is not writable`);
  }
  if (ti.slots.size || ti.heap) this.raise("AttributeError", `'${ti.name}' object has no attribute '${name}'`);
  this.raise("AttributeError", `'${ti.name}' object has no attribute '${name}'`);
};

/** o.__dict__ = v: the instance's attributes become the dict v (the previous ones are released); v = 0 for
 *  del o.__dict__ (a new empty dict is made when needed). */
function setInstDict(vm: VM, o: Obj, ti: TypeInfo, v: Obj | 0): void {
  if (v && !vm.isInstance(v, vm.T.dict)) vm.typeError(`__dict__ must be set to a dictionary, not a '${vm.typeName(v)}'`);
  if (ti.managed) {
    if (!vm.h.setManagedDict) throw new Error("internal: the heap cannot replace a managed __dict__");
    vm.h.setManagedDict(o, v);
    return;
  }
  const off = ti.kind === Kind.EXC ? L.EXC_DICT : ti.kind === Kind.FUNCTION ? L.FUNC_DICT : ti.hasDict ? vm.h.varDictOffset(o) || vm.abi.MANAGED_DICT : 0;
  if (!off) vm.attributeError(o, "__dict__");
  vm.h.setSlot(o, off, v);
}

proto.delAttr = function (this: VM, o: Obj, name: string): void {
  const ti = this.typeInfo(o);
  // a __delattr__ written in Python (a metaclass's too) sees every deletion (del o.x, delattr()), before
  // any descriptor
  if (ti.heap) {
    const da = this.lookupType(ti, "__delattr__");
    if (da && da.obj) {
      const f = this.bindDescr(da, o, ti.obj);
      const n = this.newStr(name);
      try {
        this.decref(this.call(f, [n]));
      } finally {
        this.decref(f);
        this.decref(n);
      }
      return;
    }
  }
  this.genericDelAttr(o, name);
};

/** object.__delattr__: data descriptors (__delete__, property deleters, members), then the instance's
 *  attributes. */
proto.genericDelAttr = function (this: VM, o: Obj, name: string): void {
  const ti = this.typeInfo(o);
  if (name === "__class__") {
    if (ti.kind === Kind.TYPE && !this.infoOfType(o).heap) this.typeError(`cannot set '__class__' attribute of immutable type '${this.infoOfType(o).name}'`);
    this.typeError("can't delete __class__ attribute");
  }
  if (ti.kind === Kind.TYPE) {
    const d = this.infoOfType(o).dict;
    // a built-in type, and type's own attributes (__name__…): rarely.ts
    if (!this.infoOfType(o).heap || name.startsWith("__")) rarely(this, 12, o, this.name(name));
    if (!d || !this.dictDelStr(d, name)) this.attributeError(o, name);
    return;
  }
  if (ti.kind === Kind.WEAKPROXY) return this.delAttr(proxyTarget(this, o), name);
  const descr = this.lookupType(ti, name);
  if (descr && descr.obj) {
    const k = this.kindOf(descr.obj);
    if (k === Kind.PROPERTY) {
      const fdel = this.h.getSlot(descr.obj, L.NATIVE_C);
      if (!fdel) this.raise("AttributeError", `property '${name}' of '${ti.name}' object has no deleter`);
      this.decref(this.call(fdel, [o]));
      return;
    }
    if (k === Kind.MEMBER) {
      const off = memberOffset(this, descr.obj, o);
      if (!off) return void rarely(this, 10, descr.obj, o, [0]);
      // a slot that holds nothing: the error names only the attribute (as CPython's member deletion does)
      if (!this.h.getSlot(o, off)) this.raise("AttributeError", name);
      this.h.setSlot(o, off, 0);
      return;
    }
    if (k === Kind.GETSET && name === "__dict__" && this.str(this.h.getSlot(descr.obj, L.DESCR_NAME)) === "__dict__") {
      setInstDict(this, o, ti, 0);
      return;
    }
    const dti = this.typeInfo(descr.obj);
    if (dti.heap) {
      const del = this.lookupType(dti, "__delete__");
      if (del) {
        const f = this.bindDescr(del, descr.obj, this.h.typeOf(descr.obj));
        try {
          this.decref(this.call(f, [o]));
        } finally {
          this.decref(f);
        }
        return;
      }
      // a descriptor with __set__ only cannot be deleted through the instance
      if (this.lookupType(dti, "__set__")) this.raise("AttributeError", "__delete__");
    }
  }
  if (ti.managed) {
    if (this.h.attrDel(o, this.name(name))) return;
  } else {
    const d = this.instDict(o, false);
    if (d && this.dictDelStr(d, name)) return;
  }
  if (this.nativeSetAttr(o, ti, name, 0)) return;
  this.attributeError(o, name);
};

/** Special-method lookup on the type (never the instance), as CPython's _PyObject_LookupSpecial. */
proto.lookupSpecial = function (this: VM, o: Obj, name: string): Descr {
  return this.lookupType(this.typeInfo(o), name);
};

/** Call `type(o).name(o, *args)`; raises AttributeError when missing. */
proto.callSpecial = function (this: VM, o: Obj, name: string, args: Obj[]): Obj {
  const d = this.lookupSpecial(o, name);
  if (!d) this.attributeError(o, name);
  if (d.native >= 0) return this.natives[d.native].fn([o, ...args], null);
  try {
    if (this.kindOf(d.obj) === Kind.FUNCTION) return this.call(d.obj, [o, ...args]);
    const f = this.bindDescr(d, o, this.h.typeOf(o));
    try {
      return this.call(f, args);
    } finally {
      this.decref(f);
    }
  } catch (e) {
    throw stackExhausted(this, e);
  }
};

/**
 * A special method that recurses through native code (__repr__ calling repr(self)) nests a JavaScript call
 * chain per level; when JavaScript's stack runs out before the recursion limit does, the program gets
 * CPython's RecursionError instead of a crash. Anything else is returned as it is, to be rethrown.
 */
function stackExhausted(vm: VM, e: unknown): unknown {
  if (!(e instanceof RangeError) || !/call stack/.test(e.message)) return e;
  return new PyRaise(vm.newException("RecursionError", "maximum recursion depth exceeded while calling a Python object"));
}

proto.callMethod = function (this: VM, o: Obj, name: string, args: Obj[], kw: KwArgs | null = null): Obj {
  const f = this.getAttr(o, name);
  try {
    return this.call(f, args, kw);
  } finally {
    this.decref(f);
  }
};

proto.truthy = function (this: VM, o: Obj): boolean {
  if (o === this.True) return true;
  if (o === this.False || o === this.None) return false;
  const ti = this.typeInfo(o);
  if (ti.heap) {
    const b = this.lookupType(ti, "__bool__");
    if (b && b.obj) {
      const r = this.callSpecial(o, "__bool__", []);
      try {
        if (r !== this.True && r !== this.False) this.typeError(`__bool__ should return bool, returned ${this.typeName(r)}`);
        return r === this.True;
      } finally {
        this.decref(r);
      }
    }
    const l = this.lookupType(ti, "__len__");
    if (l && l.obj) return this.len(o) > 0;
  }
  switch (ti.kind) {
    case Kind.INT:
    case Kind.BOOL:
      // ints are normalised: zero has no digits
      return this.h.getI32(o, abi.OB_SIZE) !== 0;
    case Kind.FLOAT:
      return this.h.readFloat(o) !== 0;
    case Kind.STR:
    case Kind.BYTES:
    case Kind.BYTEARRAY:
    case Kind.TUPLE:
    case Kind.LIST:
    case Kind.DICT:
    case Kind.SET:
    case Kind.FROZENSET:
    case Kind.VIEW:
      return this.len(o) > 0;
    case Kind.RANGE: {
      // range_bool: its length is not 0 (no len(), which a range past a Py_ssize_t overflows)
      const big = bigRangeOf(this, o);
      return big ? rangeLength(big) > 0n : this.len(o) > 0;
    }
    case Kind.COMPLEX:
      return this.h.getF64(o, 16) !== 0 || this.h.getF64(o, 24) !== 0;
    case Kind.WEAKPROXY:
      return this.truthy(proxyTarget(this, o));
    case Kind.NOTIMPL:
      warn(this, "DeprecationWarning", "NotImplemented should not be used in a boolean context");
      return true;
    default:
      return true;
  }
};

proto.len = function (this: VM, o: Obj): number {
  const ti = this.typeInfo(o);
  if (ti.kind === Kind.WEAKPROXY) return this.len(proxyTarget(this, o));
  if (ti.heap) {
    const l = this.lookupType(ti, "__len__");
    if (l && l.obj) {
      const r = this.callSpecial(o, "__len__", []);
      try {
        // (an object with __index__ too, as python3's slot)
        const b = this.index(r);
        if (b >= 1n << 63n) this.raise("OverflowError", "cannot fit 'int' into an index-sized integer");
        const n = Number(b);
        if (n < 0) this.raise("ValueError", "__len__() should return >= 0");
        return n;
      } finally {
        this.decref(r);
      }
    }
  }
  const n = this.nativeLen(o, ti);
  if (n < 0) this.typeError(`object of type '${ti.name}' has no len()`);
  return n;
};

/** `what` names the method in the error of a result that is no str (str() of an object without __str__ says '__str__'). */
proto.reprObj = function (this: VM, o: Obj, what = "__repr__"): Obj {
  const ti = this.typeInfo(o);
  if (ti.heap) {
    const d = this.lookupType(ti, "__repr__");
    if (d && d.obj) {
      // PyObject_Repr's recursion check (repr() adds its call's: a __repr__ calling repr() takes three
      // levels of the limit per round, as in CPython)
      this.enterRecursive(" while getting the repr of an object");
      let r: Obj;
      try {
        r = this.callSpecial(o, "__repr__", []);
      } finally {
        this.depth--;
      }
      if (this.kindOf(r) !== Kind.STR) {
        const tn = this.typeName(r);
        this.decref(r);
        this.typeError(`${what} returned non-string (type ${tn})`);
      }
      return r;
    }
  }
  if (ti.kind === Kind.INT || ti.kind === Kind.FLOAT) return this.h.newStrUncached(this.nativeRepr(o, ti));
  if (ti.kind === Kind.BOOL) return this.newRef(this.boolStr(o === this.True));
  this.enterRecursive(" while getting the repr of an object");
  try {
    return this.h.newStr(this.nativeRepr(o, ti));
  } finally {
    this.depth--;
  }
};

/**
 * Borrowed: the str repr(True) / repr(False) returns. CPython's are the runtime's static 'True' and 'False'
 * strings, the same object every time (str(True) is str(True)) and not the interned str a 'True' literal
 * becomes; ours is made on first use, kept for the run, and never interned.
 */
proto.boolStr = function (this: VM, b: boolean): Obj {
  const names = (this.boolNames ??= [0, 0]);
  const k = b ? 1 : 0;
  if (!names[k]) {
    names[k] = this.h.newStrUncached(b ? "True" : "False");
    this.keepAlive.push(names[k]);
  }
  return names[k];
};

proto.repr = function (this: VM, o: Obj): string {
  const r = this.reprObj(o);
  try {
    return this.str(r);
  } finally {
    this.decref(r);
  }
};

proto.strObj = function (this: VM, o: Obj): Obj {
  const ti = this.typeInfo(o);
  if (ti.kind === Kind.STR && !ti.heap) return this.newRef(o);
  if (ti.heap) {
    const d = this.lookupType(ti, "__str__");
    if (d && d.obj) {
      this.enterRecursive(" while getting the str of an object");
      let r: Obj;
      try {
        r = this.callSpecial(o, "__str__", []);
      } finally {
        this.depth--;
      }
      if (this.kindOf(r) !== Kind.STR) {
        const tn = this.typeName(r);
        this.decref(r);
        this.typeError(`__str__ returned non-string (type ${tn})`);
      }
      return r;
    }
    if (ti.kind === Kind.STR) return this.h.newStr(this.str(o));
  }
  if (ti.kind === Kind.BOOL) return this.newRef(this.boolStr(o === this.True));
  // a mappingproxy's str is its dict's
  if (ti.obj === this.T.mappingproxy) return this.strObj(this.h.getSlot(o, L.NATIVE_A));
  if (ti.kind === Kind.WEAKPROXY) return this.strObj(proxyTarget(this, o));
  const s = this.nativeStr(o, ti);
  if (s !== null) return this.h.newStr(s);
  return this.reprObj(o, "__str__");
};

proto.strOf = function (this: VM, o: Obj): string {
  const r = this.strObj(o);
  try {
    return this.str(r);
  } finally {
    this.decref(r);
  }
};

proto.hash = function (this: VM, o: Obj): bigint {
  const ti = this.typeInfo(o);
  if (ti.heap) {
    const d = this.lookupType(ti, "__hash__");
    if (d && d.obj) {
      if (d.obj === this.None) this.typeError(`unhashable type: '${ti.name}'`);
      const r = this.callSpecial(o, "__hash__", []);
      try {
        if (this.kindOf(r) !== Kind.INT && this.kindOf(r) !== Kind.BOOL) this.typeError("__hash__ method should return an integer");
        let v = this.h.readInt(r);
        v = BigInt.asIntN(64, v);
        return v === -1n ? -2n : v;
      } finally {
        this.decref(r);
      }
    }
  }
  return this.nativeHash(o, ti);
};

proto.dirNames = function (this: VM, o: Obj): string[] {
  const names = new Set<string>();
  const ti = this.typeInfo(o);
  const d = ti.kind === Kind.TYPE ? 0 : this.instDict(o, true);
  if (d) for (const k of this.dictKeysStr(d)) names.add(k);
  // module.__dir__: the names of the module's own namespace only
  if (ti.kind === Kind.MODULE && !ti.heap) return [...names].sort();
  const tis = ti.kind === Kind.TYPE ? this.infoOfType(o).mro : ti.mro;
  for (const t of tis) {
    if (t.dict) for (const k of this.dictKeysStr(t.dict)) names.add(k);
    for (const k of t.methods.keys()) names.add(k);
  }
  for (const k of this.nativeAttrNames(ti)) names.add(k);
  return [...names].sort();
};

export { suggest };

// ── instance attributes by slot, per instruction ─────────────────────────────────────────────────────

const OB_TYPE = abi.OB_TYPE;
const MANAGED_VALUES = abi.MANAGED_VALUES;
const MANAGED_DICT = abi.MANAGED_DICT;
const TP_CACHED_KEYS = abi.TP_CACHED_KEYS;
const DK_NENTRIES = abi.DK_NENTRIES;
const DK_INDICES = abi.DK_INDICES;
const DK_LOG2_INDEX_BYTES = abi.DK_LOG2_INDEX_BYTES;
const DK_KIND = abi.DK_KIND;
const DK_KIND_UNICODE = abi.DK_KIND_UNICODE;

/**
 * What LOAD_ATTR, STORE_ATTR or LOAD_METHOD at one instruction learnt about the instances of one class
 * (CPython 3.11's LOAD_ATTR_INSTANCE_VALUE / STORE_ATTR_INSTANCE_VALUE / LOAD_METHOD_WITH_VALUES keep the
 * same: the type's version and an index into the instance's values). It holds while the class's MRO, the
 * VM's type epoch and every class dict of the MRO (address and version tag) are unchanged and the class
 * keeps the same shared keys (a class's shared keys are made once and only ever gain names, so an index
 * found there stays that name's index). A hit reads or writes the instance's values array directly: no
 * core call, no hash probe.
 */
export interface SlotSite {
  /** The class whose instances this entry is for: its address as the int32 word memory holds (compared
   *  with a type word read as it is: an int32 compare, where a `>>> 0` read is a float64 one in V8). */
  t: number;
  ti: TypeInfo;
  mro: TypeInfo[];
  epoch: number;
  state: number[];
  w: number;
  /** The class's shared keys (TP_CACHED_KEYS), as the int32 word memory holds. */
  keys: number;
  /** LOAD_ATTR / STORE_ATTR: the name's entry in the shared keys, i.e. its slot in a values array.
   *  LOAD_METHOD: the keys' entry count when the name was not among them. */
  ix: number;
  /** LOAD_METHOD: the function found on the class (borrowed: the class dict holds it while its version is
   *  unchanged); 0 for the other two. */
  fn: Obj;
  /** The entry of a second class seen at the same instruction, or null: two at most. */
  next: SlotSite | null;
}

/** The valid entry of instruction i of f for o (no materialized __dict__, the class's keys unchanged). */
function slotSite(vm: VM, m: Int32Array, f: Frame, i: number, o: Obj): SlotSite | null {
  const s = f.info.slotSites;
  let c = s === null ? null : s[i];
  if (c === null) return null;
  const t = m[(o + OB_TYPE) >>> 2]!;
  if (c.t !== t && ((c = c.next) === null || c.t !== t)) return null;
  return m[(o + MANAGED_DICT) >>> 2] === 0 && m[(t + TP_CACHED_KEYS) >>> 2] === c.keys && stampValid(vm, m, c, c.ti.mro) ? c : null;
}

/** The address of o's value slot ix when that attribute is set (its index is in the values array's
 *  insertion order, so ix is within the array), else 0. */
function setSlotAddr(m: Int32Array, o: Obj, ix: number): number {
  const v = m[(o + MANAGED_VALUES) >>> 2]! >>> 0;
  // below the values: the prefix size, the count of attributes set, then their slots in insertion order
  if (v !== 0) for (let j = 0, n = byteAt(m, v - 2); j < n; j++) if (byteAt(m, v - 3 - j) === ix) return v + 8 * ix;
  return 0;
}

/** The byte at address a, read through the 32-bit view (little-endian). */
function byteAt(m: Int32Array, a: number): number {
  return (m[a >>> 2]! >>> ((a & 3) << 3)) & 255;
}

/** The slot offset of member descriptor d in o, or 0 when d is a built-in type's or o is not an instance of
 *  d's class (a descriptor copied into another class: rarely.ts raises python3's TypeError, never touching
 *  memory past o's layout). */
function memberOffset(vm: VM, d: Obj, o: Obj): number {
  const t = vm.h.getSlot(d, L.DESCR_TYPE);
  return vm.h.typeOf(o) === t || vm.isInstance(o, t) ? vm.h.getI32(d, L.DESCR_OFFSET) : 0;
}

/** LOAD_ATTR at instruction i of f through its slot site: a new reference, or 0 to take the other paths
 *  (nothing done then). */
export function slotLoad(vm: VM, m: Int32Array, f: Frame, i: number, o: Obj): Obj {
  const c = slotSite(vm, m, f, i, o);
  if (c === null) return 0;
  const p = setSlotAddr(m, o, c.ix);
  if (p === 0) return 0;
  const x = m[p >>> 2]! >>> 0;
  m[x >>> 2]!++;
  return x;
}

/** STORE_ATTR at instruction i of f through its slot site, the object on top of the stack and the value
 *  below it: both popped, the value's reference moves into o's slot and the old value, then o, are
 *  released, or, when o lacks the attribute, the core adds it. false without a valid
 *  site (nothing done then). */
export function slotStore(vm: VM, m: Int32Array, f: Frame, i: number, st: Obj[], arg: number): boolean {
  const o = st[st.length - 1];
  const c = slotSite(vm, m, f, i, o);
  if (c === null) return false;
  st.pop();
  const v = st.pop()!;
  const p = setSlotAddr(m, o, c.ix);
  if (p === 0) {
    // a first assignment: the site stands for instanceSetAttr's checks
    try {
      vm.h.attrSet(o, f.info.names[arg], v);
    } finally {
      vm.h.decref(o);
      vm.h.decref(v);
    }
    return true;
  }
  const old = m[p >>> 2]! >>> 0;
  m[p >>> 2] = v;
  vm.h.decref(old);
  vm.h.decref(o);
  return true;
}

/** LOAD_METHOD at instruction i of f through its slot site: a new reference to the class's function when
 *  the class's keys still lack the name (so o has no such attribute), or 0. */
export function slotMethod(vm: VM, m: Int32Array, f: Frame, i: number, o: Obj): Obj {
  const c = slotSite(vm, m, f, i, o);
  if (c === null || m[(c.keys + DK_NENTRIES) >>> 2] !== c.ix) return 0;
  m[c.fn >>> 2]!++;
  return c.fn;
}

/** The entry of `name` in the shared keys k (an exact-str table, compared by text), or -1. */
function keysIndex(vm: VM, m: Int32Array, k: Obj, name: string): number {
  if (byteAt(m, k + DK_KIND) !== DK_KIND_UNICODE) return -1;
  const n = m[(k + DK_NENTRIES) >>> 2]!;
  const entries = k + DK_INDICES + (1 << byteAt(m, k + DK_LOG2_INDEX_BYTES));
  for (let ix = 0; ix < n; ix++) {
    const key = m[(entries + 16 * ix) >>> 2]! >>> 0;
    if (key !== 0 && vm.str(key) === name) return ix;
  }
  return -1;
}

/** Which instruction a slot site is recorded for (noteSlot's `use`). */
export const SLOT_LOAD = 0;
export const SLOT_STORE = 1;
export const SLOT_METHOD = 2;

/**
 * Records a slot site for instruction i of f once the attribute paths handled o's `name` on the class's
 * instance fast path (instanceGetAttr / instanceSetAttr succeeded, or loadMethodCached gave the function
 * `fn`). The class state is read first, then the conditions of those fast paths are checked again against
 * it: o a plain instance without a __dict__; for LOAD and STORE no class of the MRO defines the name and
 * no __getattribute__ (LOAD) / __setattr__ (STORE) written in Python is found, and the name is among the
 * class's instance attribute names; for METHOD `fn` is the class's function for the name, which is no
 * instance attribute name of the class.
 */
export function noteSlot(vm: VM, f: Frame, i: number, o: Obj, name: string, use: number, fn: Obj): void {
  const m = vm.h.i32;
  const t = m[(o + OB_TYPE) >>> 2]! >>> 0;
  const ti = vm.typeInfo(o);
  if (ti.kind !== Kind.OBJECT || !ti.managed || !ti.heap || m[(o + MANAGED_DICT) >>> 2] !== 0) return;
  const keys = m[(t + TP_CACHED_KEYS) >>> 2]! >>> 0;
  if (keys === 0) return;
  // the state is read before the lookups: one that runs code leaves it stale, never wrong
  const state = typeState(m, ti.mro);
  const w = m[vm.classWrites]!;
  const d = vm.lookupType(ti, name);
  const hook = vm.lookupType(ti, use === SLOT_STORE ? "__setattr__" : "__getattribute__");
  if (hook !== null && hook.obj !== 0) return;
  let ix = keysIndex(vm, m, keys, name);
  if (use === SLOT_METHOD) {
    if (ix >= 0 || d === null || d.obj !== fn) return;
    ix = m[(keys + DK_NENTRIES) >>> 2]!;
  } else if (ix < 0 || d !== null || name === "__class__") return;
  const info = f.info;
  let s = info.slotSites;
  if (s === null) {
    s = info.slotSites = [];
    for (let k = info.code.co_code.length >> 1; k > 0; k--) s.push(null);
  }
  const head = s[i];
  // two classes per instruction at most: the newest first, the one before it second
  const next = head === null ? null : head.t === (t | 0) ? head.next : head;
  if (next !== null) next.next = null;
  s[i] = { t: t | 0, ti, mro: ti.mro, epoch: vm.typeEpoch, state, w, keys: keys | 0, ix, fn, next };
}
