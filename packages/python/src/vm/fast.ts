/**
 * Fast paths of the eval loop on exact ints of at most one 30-bit digit (CPython's "medium" ints): the
 * operands are read straight from the heap's memory as JS numbers, with no BigInt and no call. They give
 * the same values and make the same allocations as the general paths in ops.ts, which handle every other
 * case (bool, int subclasses, bigger ints, shifts, `**`, division by zero, results past 2^53).
 */
import { abi } from "@pyheap/heap";
import type { Obj } from "./heap-api.js";
import type { CodeInfo, Frame } from "./frame.js";
import type { VM } from "./vm.js";
import * as L from "./layouts.js";
import { Kind, type TypeInfo } from "./types.js";
import { typeState, typeStateValid } from "./protocol.js";
import { bigRangeNextOnHeap } from "./ranges.js";

const OB_TYPE = abi.OB_TYPE;
const OB_SIZE = abi.OB_SIZE;
const INT_DIGITS = abi.INT_DIGITS;
const DICT_VERSION = abi.DICT_VERSION;
const LIST_ITEMS = abi.LIST_ITEMS;

/** The value of o when it is an exact int of at most one digit; NaN otherwise. */
export function smallIntValue(m: Int32Array, intType: Obj, o: Obj): number {
  if (m[(o + OB_TYPE) >>> 2] !== (intType | 0)) return NaN;
  const size = m[(o + OB_SIZE) >>> 2]!;
  if (size === 0) return 0;
  if (size < -1 || size > 1) return NaN;
  return size * m[(o + INT_DIGITS) >>> 2]!;
}

/**
 * The value of `a <op> b` (BINARY_OP's argument; in-place forms too) when a and b are exact ints of at most
 * one digit and the operation is one of + - * // % & | ^ with an exact result below 2^53; NaN otherwise.
 */
export function smallIntBinary(m: Int32Array, intType: Obj, a: Obj, b: Obj, op: number): number {
  if (m[(a + OB_TYPE) >>> 2] !== (intType | 0) || m[(b + OB_TYPE) >>> 2] !== (intType | 0)) return NaN;
  const sa = m[(a + OB_SIZE) >>> 2]!;
  const sb = m[(b + OB_SIZE) >>> 2]!;
  if (sa < -1 || sa > 1 || sb < -1 || sb > 1) return sa >= -2 && sa <= 2 && sb >= -2 && sb <= 2 ? twoDigitBinary(m, a, b, sa, sb, op) : NaN;
  const x = sa === 0 ? 0 : sa * m[(a + INT_DIGITS) >>> 2]!;
  const y = sb === 0 ? 0 : sb * m[(b + INT_DIGITS) >>> 2]!;
  switch (op >= 13 ? op - 13 : op) {
    case 0:
      return x + y;
    case 10:
      return x - y;
    case 5: {
      const r = x * y;
      return r <= 9007199254740991 && r >= -9007199254740991 ? r : NaN;
    }
    case 2:
      return y === 0 ? NaN : Math.floor(x / y);
    case 6: {
      if (y === 0) return NaN;
      const r = x % y;
      if (r === 0) return 0;
      return (r < 0) !== (y < 0) ? r + y : r;
    }
    case 1:
      return x & y;
    case 7:
      return x | y;
    case 12:
      return x ^ y;
    default:
      return NaN;
  }
}

/** Spare digits the next int result is allocated with (set by twoDigitBinary, taken by newIntResult). */
let intSpare = 0;

/** An int of at most two digits as a number; NaN when it is 2^53 or more. */
function twoDigitValue(m: Int32Array, o: Obj, size: number): number {
  if (size === 0) return 0;
  let v = m[(o + INT_DIGITS) >>> 2]!;
  if (size === 2 || size === -2) {
    const hi = m[(o + INT_DIGITS + 4) >>> 2]!;
    if (hi >= 1 << 23) return NaN;
    v += hi * 1073741824;
  }
  return size < 0 ? -v : v;
}

/** Digits of |v| (v below 2^53). */
function ndigits(v: number): number {
  if (v < 0) v = -v;
  return v === 0 ? 0 : v < 1073741824 ? 1 : 2;
}

/**
 * + - * % when an operand has two digits (values below 2^53, exact in doubles): the value, with the
 * spare digits ops.ts's numericBinary gives a multi-digit result (CPython's x_add/x_sub/k_mul allocate for
 * the largest possible result and only shrink ob_size) left in intSpare; NaN for anything else.
 */
function twoDigitBinary(m: Int32Array, a: Obj, b: Obj, sa: number, sb: number, op: number): number {
  const x = twoDigitValue(m, a, sa);
  const y = twoDigitValue(m, b, sb);
  if (x !== x || y !== y) return NaN;
  const nx = sa < 0 ? -sa : sa;
  const ny = sb < 0 ? -sb : sb;
  const most = nx > ny ? nx : ny;
  switch (op >= 13 ? op - 13 : op) {
    case 0: {
      const r = x + y;
      if (r > 9007199254740991 || r < -9007199254740991) return NaN;
      const alloc = (x < 0) === (y < 0) ? most + 1 : most;
      intSpare = Math.max(0, alloc - ndigits(r));
      return r;
    }
    case 10: {
      const r = x - y;
      if (r > 9007199254740991 || r < -9007199254740991) return NaN;
      const alloc = (x < 0) !== (y < 0) ? most + 1 : most;
      intSpare = Math.max(0, alloc - ndigits(r));
      return r;
    }
    case 5: {
      const r = x * y;
      if (r > 9007199254740991 || r < -9007199254740991) return NaN;
      intSpare = Math.max(0, nx + ny - ndigits(r));
      return r;
    }
    case 6: {
      if (y === 0) return NaN;
      // a remainder that is the left operand itself (long_rem's |a| < |b|): ops.ts's numericBinary
      if ((x === 0 || (x < 0) === (y < 0)) && (nx < ny || (nx === ny && m[(a + INT_DIGITS + 4 * nx - 4) >>> 2]! < m[(b + INT_DIGITS + 4 * ny - 4) >>> 2]!))) return NaN;
      const r = x % y;
      if (r === 0) return 0;
      return (r < 0) !== (y < 0) ? r + y : r;
    }
    default:
      return NaN;
  }
}

/**
 * An object address computed in JS arithmetic (the heap's small-int cache: base + 32 * index), which V8 may
 * hold as a double, as a small integer: a double stored into the frames' value stack or locals would turn
 * those arrays (and, through V8's allocation sites, every new frame's) into double arrays, whose every
 * read then boxes a number. Addresses of 2^30 and above stay as they are (V8 stores them as doubles anyway).
 */
export function asObj(x: number): Obj {
  return x <= 0x3fffffff ? x | 0 : x;
}

/** The int for a value smallIntBinary computed: a new reference (with the spare digits it calls for). */
export function newIntResult(h: VM["h"], x: number): Obj {
  const spare = intSpare;
  if (spare === 0) return asObj(h.newIntValue(x));
  intSpare = 0;
  if (x >= -5 && x <= 256) return asObj(h.newIntValue(x));
  return asObj(h.newIntSpare(x, spare));
}

/** COMPARE_OP on two exact ints of at most two digits: 1 (true), 0 (false), or -1 when not applicable. */
export function smallIntCompare(m: Int32Array, intType: Obj, a: Obj, b: Obj, op: number): number {
  if (m[(a + OB_TYPE) >>> 2] !== (intType | 0) || m[(b + OB_TYPE) >>> 2] !== (intType | 0)) return -1;
  const sa = m[(a + OB_SIZE) >>> 2]!;
  const sb = m[(b + OB_SIZE) >>> 2]!;
  if (sa < -2 || sa > 2 || sb < -2 || sb > 2) return -1;
  const x = twoDigitValue(m, a, sa);
  const y = twoDigitValue(m, b, sb);
  if (x !== x || y !== y) return -1;
  let r: boolean;
  switch (op) {
    case 0:
      r = x < y;
      break;
    case 1:
      r = x <= y;
      break;
    case 2:
      r = x === y;
      break;
    case 3:
      r = x !== y;
      break;
    case 4:
      r = x > y;
      break;
    default:
      r = x >= y;
  }
  return r ? 1 : 0;
}

/**
 * LOAD_GLOBAL of co_names[nameIndex] at instruction i: a new reference. As 3.11's specialised
 * LOAD_GLOBAL_MODULE / LOAD_GLOBAL_BUILTIN, the value found is kept with the version tags of the globals
 * dict (and of the builtins dict when found there); while they are unchanged, neither dict changed, so the
 * same object is still the answer. Versions are globally unique per change (PEP 509), so a freed dict
 * reused at the same address never matches an old entry.
 */
export function loadGlobalCached(vm: VM, f: Frame, i: number, nameIndex: number, m: Int32Array): Obj {
  const c = f.info.globalCache;
  const g = f.globals;
  const b = f.builtins;
  const k = 7 * i;
  if (c !== null && c[k] === g && c[k + 1] === m[(g + DICT_VERSION) >>> 2] && c[k + 2] === m[(g + DICT_VERSION + 4) >>> 2]) {
    const from = c[k + 3];
    if (from === 0 || (from === b && c[k + 4] === m[(b + DICT_VERSION) >>> 2] && c[k + 5] === m[(b + DICT_VERSION + 4) >>> 2])) {
      const v = c[k + 6];
      m[v >>> 2]!++;
      return v;
    }
  }
  return loadGlobalMiss(vm, f, i, nameIndex, m);
}

/** loadGlobalCached without a valid entry: the lookups, the entry written (out of line: the hit above is
 *  small enough for V8 to inline into the eval loop). */
function loadGlobalMiss(vm: VM, f: Frame, i: number, nameIndex: number, m: Int32Array): Obj {
  const h = vm.h;
  const info = f.info;
  let c = info.globalCache;
  if (c === null) c = info.globalCache = new Int32Array(7 * (info.code.co_code.length >> 1));
  const g = f.globals;
  const b = f.builtins;
  const k = 7 * i;
  // versions read before the lookups: a lookup that runs code leaves them stale, never wrong
  const gv0 = m[(g + DICT_VERSION) >>> 2]!;
  const gv1 = m[(g + DICT_VERSION + 4) >>> 2]!;
  const bv0 = m[(b + DICT_VERSION) >>> 2]!;
  const bv1 = m[(b + DICT_VERSION + 4) >>> 2]!;
  const key = info.names[nameIndex];
  let v = h.dictGet(g, key);
  let from = 0;
  if (!v) {
    v = h.dictGet(b, key);
    from = b;
  }
  if (!v) vm.nameError(info.code.co_names[nameIndex]);
  c[k] = g;
  c[k + 1] = gv0;
  c[k + 2] = gv1;
  c[k + 3] = from;
  c[k + 4] = bv0;
  c[k + 5] = bv1;
  c[k + 6] = v;
  h.incref(v);
  return v;
}

/**
 * LOAD_METHOD of co_names[...] = name at instruction i: what vm.loadMethod returns. When the object's type
 * is a builtin type (not a heap type: its dict and MRO never change) whose instances have no dict, and the
 * name is a method written natively (not a classmethod), the answer depends on the type only: the type and
 * the method descriptor (the one newMethodDescr keeps for the VM's life) are kept per instruction and the
 * next object of that type gets it without the lookup. Instances of classes: instanceMethod.
 */
export function loadMethodCached(vm: VM, f: Frame, i: number, o: Obj, name: string, nameObj: Obj): Obj {
  const info = f.info;
  let c = info.methodCache;
  const t = vm.h.i32[(o + OB_TYPE) >>> 2]! >>> 0;
  if (c !== null && c[2 * i] === t && t !== 0) {
    // the method descriptor newMethodDescr keeps for the VM's life
    const md = c[2 * i + 1]! >>> 0;
    vm.h.incref(md);
    return md;
  }
  const ti = vm.typeInfo(o);
  if (ti.kind === Kind.OBJECT && ti.managed && ti.heap) {
    // an instance of a class: the function found on the class is kept per instruction (instanceMethod)
    const fm = instanceMethod(vm, f, i, o, ti, nameObj);
    if (fm !== 0) return fm;
    const state = typeState(vm.h.i32, ti.mro);
    const m = vm.loadMethod(o, name);
    if (m !== 0) noteInstanceMethod(vm, f, i, ti, state, name);
    return m;
  }
  const m = vm.loadMethod(o, name);
  if (m === 0) return 0;
  if (ti.heap || ti.managed || ti.hasDict) return m;
  const d = vm.lookupType(ti, name);
  if (d === null || d.native < 0 || vm.classMethods?.has(d.native)) return m;
  if (c === null) c = info.methodCache = new Int32Array(2 * (info.code.co_code.length >> 1));
  c[2 * i] = t;
  c[2 * i + 1] = m;
  return m;
}

/** next() of a range_iterator: a new reference, or 0 when exhausted (it then drops its range). */
export function rangeIterNext(h: VM["h"], self: Obj): Obj {
  const r = h.getSlot(self, L.NATIVE_A);
  if (!r) return 0;
  const i = h.getI32(self, L.NATIVE_I);
  const start = h.getF64(r, 16);
  const stop = h.getF64(r, 24);
  const step = h.getF64(r, 32);
  // a range past ±2**53 (step 0 here): its exact values
  if (step === 0) return bigRangeNextOnHeap(h, self);
  // len(range) as nativeLen computes it
  const n = step > 0 ? (start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0) : start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  if (i < n) {
    h.setI32(self, L.NATIVE_I, i + 1);
    // reversed(r) (NATIVE_J 1): the same walk from the last item back
    return asObj(h.newInt(h.getI32(self, L.NATIVE_J) ? start + (n - 1 - i) * step : start + i * step));
  }
  h.setSlot(self, L.NATIVE_A, 0);
  return 0;
}

/**
 * FOR_ITER at instruction i of f on the range_iterator it: rangeIterNext with the range's start, step and
 * length read once per loop (kept in the frame) instead of per item; the index and the range slot are read
 * each time (next(it) in the body advances the same iterator, and exhausts it).
 */
export function rangeIterNextAt(h: VM["h"], m: Int32Array, f: Frame, i: number, it: Obj): Obj {
  const r = m[(it + L.NATIVE_A) >>> 2]! >>> 0;
  if (f.rangeAt !== i || f.rangeIt !== it || f.rangeObj !== r) {
    if (r === 0) return 0;
    const start = h.getF64(r, 16);
    const stop = h.getF64(r, 24);
    const step = h.getF64(r, 32);
    // a range past ±2**53 (step 0 here): its exact values, never cached
    if (step === 0) return bigRangeNextOnHeap(h, it);
    f.rangeAt = i;
    f.rangeIt = it;
    f.rangeObj = r;
    // len(range) as nativeLen computes it
    const n = step > 0 ? (start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0) : start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
    f.rangeLen = n;
    // reversed(r) (NATIVE_J 1) walks from the last item back
    const back = m[(it + L.NATIVE_J) >>> 2] !== 0;
    f.rangeStart = back ? start + (n - 1) * step : start;
    f.rangeStep = back ? -step : step;
  }
  const k = m[(it + L.NATIVE_I) >>> 2]!;
  if (k < f.rangeLen) {
    m[(it + L.NATIVE_I) >>> 2] = k + 1;
    return asObj(h.newIntValue(f.rangeStart + k * f.rangeStep));
  }
  f.rangeAt = -1;
  h.setSlot(it, L.NATIVE_A, 0);
  return 0;
}

/** next() of a list_iterator: a new reference, or 0 when exhausted (it then drops its list). */
export function listIterNext(h: VM["h"], self: Obj): Obj {
  return listIterNextIn(h, h.i32, self);
}

/** listIterNext given the heap's current memory view m. */
export function listIterNextIn(h: VM["h"], m: Int32Array, self: Obj): Obj {
  const s = m[(self + L.NATIVE_A) >>> 2]! >>> 0;
  if (s === 0) return 0;
  const i = m[(self + L.NATIVE_I) >>> 2]!;
  if (i < m[(s + OB_SIZE) >>> 2]!) {
    m[(self + L.NATIVE_I) >>> 2] = i + 1;
    const v = m[((m[(s + LIST_ITEMS) >>> 2]! >>> 0) + 8 * i) >>> 2]! >>> 0;
    m[v >>> 2]!++;
    return v;
  }
  h.setSlot(self, L.NATIVE_A, 0);
  return 0;
}

/** The next key of a dict_keyiterator (a new reference) when its dict's table is combined and its size
 *  unchanged, read as the native (bootstrap.ts dictIter) reads it; -1 for anything else (the native decides). */
export function dictKeyIterNextIn(h: VM["h"], m: Int32Array, self: Obj): number {
  const d = m[(self + L.NATIVE_A) >>> 2]! >>> 0;
  if (d === 0 || m[(d + abi.DICT_VALUES) >>> 2] !== 0 || m[(d + abi.DICT_USED) >>> 2] !== m[(self + L.NATIVE_J) >>> 2]) return -1;
  const pos = h.dictNext(d, m[(self + L.NATIVE_I) >>> 2]!);
  const left = m[(self + L.NATIVE_D) >>> 2]!;
  if (pos < 0 || left === 0) return -1;
  m[(self + L.NATIVE_I) >>> 2] = pos;
  m[(self + L.NATIVE_D) >>> 2] = left - 1;
  const k = h.dictKeyAt(d, pos);
  m[k >>> 2]!++;
  return k;
}

/** Truth of an exact int (ints are normalised: zero has no digits): 1 or 0; -1 when o is not one. */
export function intTruth(m: Int32Array, intType: Obj, o: Obj): number {
  if (m[(o + OB_TYPE) >>> 2] !== (intType | 0)) return -1;
  return m[(o + OB_SIZE) >>> 2] === 0 ? 0 : 1;
}

const MANAGED_DICT = abi.MANAGED_DICT;

/**
 * What an attribute instruction learnt about the class of the objects it saw (CPython 3.11 keeps the same
 * per instruction, keyed by the type's version tag): it holds while the class's MRO, the VM's type epoch
 * and every class dict of the MRO (address and version tag, globally unique per change) are unchanged.
 * `value`: for LOAD_ATTR and STORE_ATTR, 1 when the fast path applies (no class of the MRO defines the name,
 * no __getattribute__ / __setattr__ written in Python); for LOAD_METHOD, the function found on the class
 * (borrowed: the class dict holds it while its version is unchanged).
 */
export interface AttrSite {
  ti: TypeInfo;
  mro: TypeInfo[];
  epoch: number;
  state: number[];
  value: Obj;
  /** The entry of a second class seen at the same instruction (a method called on instances of a class and
   *  of its subclass), or null: two at most. */
  next: AttrSite | null;
}

/** The valid entry for objects of ti at instruction i of f, or null. */
function siteFor(vm: VM, f: Frame | null, i: number, ti: TypeInfo): AttrSite | null {
  if (f === null) return null;
  const s = f.info.attrSites;
  if (s === null) return null;
  let c = s[i];
  if (c !== null && c.ti !== ti) c = c.next;
  if (c === null || c.ti !== ti || c.mro !== ti.mro || c.epoch !== vm.typeEpoch || !typeStateValid(vm.h.i32, c.mro, c.state)) return null;
  return c;
}

function setSite(vm: VM, f: Frame | null, i: number, ti: TypeInfo, state: number[], value: Obj): void {
  if (f === null) return;
  const info = f.info;
  let s = info.attrSites;
  if (s === null) {
    s = info.attrSites = [];
    for (let k = info.code.co_code.length >> 1; k > 0; k--) s.push(null);
  }
  const head = s[i];
  let c = head !== null && head.ti === ti ? head : head !== null && head.next !== null && head.next.ti === ti ? head.next : null;
  if (c === null) {
    if (head !== null) head.next = null;
    c = s[i] = { ti, mro: ti.mro, epoch: vm.typeEpoch, state, value, next: head };
    return;
  }
  c.mro = ti.mro;
  c.epoch = vm.typeEpoch;
  c.state = state;
  c.value = value;
}

/**
 * LOAD_ATTR (instruction i of f) on an instance of a plain class (kind OBJECT, attributes in a values array,
 * no __dict__ materialized yet) when no class of the MRO defines the name: the value from the values array,
 * as 3.11's LOAD_ATTR_INSTANCE_VALUE. A new reference, or 0 to take the general path (nothing was done
 * then: the lookup in the class's shared keys compares exact strs only and runs no code).
 */
export function instanceGetAttr(vm: VM, f: Frame | null, i: number, o: Obj, name: string, nameObj: Obj): Obj {
  const ti = vm.typeInfo(o);
  if (ti.kind !== 0 /* Kind.OBJECT */ || !ti.managed) return 0;
  const h = vm.h;
  if (h.i32[(o + MANAGED_DICT) >>> 2] !== 0) return 0;
  if (siteFor(vm, f, i, ti) === null) {
    // the state is read before the lookups: one that runs code leaves it stale, never wrong
    const state = typeState(h.i32, ti.mro);
    if (vm.lookupType(ti, name) !== null) return 0;
    // a __getattribute__ written in Python sees every read
    if (ti.heap) {
      const ga = vm.lookupType(ti, "__getattribute__");
      if (ga !== null && ga.obj !== 0) return 0;
    }
    setSite(vm, f, i, ti, state, 1);
  }
  const v = h.attrGet(o, nameObj);
  if (v !== 0) h.incref(v);
  return v;
}

/**
 * STORE_ATTR (instruction i of f) on an instance of a plain class (kind OBJECT with a managed dict) when no
 * class of the MRO defines the name and no __setattr__ written in Python is found: stored in the values
 * array or the __dict__ (as setAttr's last step). The value is borrowed. false when the general path must
 * do it.
 */
export function instanceSetAttr(vm: VM, f: Frame | null, i: number, o: Obj, name: string, nameObj: Obj, v: Obj): boolean {
  const ti = vm.typeInfo(o);
  // __class__ is object's data descriptor (its setter changes the instance's type)
  if (ti.kind !== 0 /* Kind.OBJECT */ || !ti.managed || name === "__class__") return false;
  if (siteFor(vm, f, i, ti) === null) {
    const state = typeState(vm.h.i32, ti.mro);
    if (vm.lookupType(ti, name) !== null) return false;
    if (ti.heap) {
      const sa = vm.lookupType(ti, "__setattr__");
      if (sa !== null && sa.obj !== 0) return false;
    }
    setSite(vm, f, i, ti, state, 1);
  }
  vm.h.attrSet(o, nameObj, v);
  return true;
}

/**
 * LOAD_METHOD (instruction i of f) on an instance of a class with a managed dict whose MRO gives a Python
 * function for the name (no __getattribute__ written in Python): a new reference to that function, as
 * 3.11's LOAD_METHOD_WITH_VALUES, when the instance has no attribute of that name; 0 when loadMethod must
 * decide. What the lookup found is kept per instruction.
 */
export function instanceMethod(vm: VM, f: Frame, i: number, o: Obj, ti: TypeInfo, nameObj: Obj): Obj {
  const c = siteFor(vm, f, i, ti);
  if (c === null) return 0;
  const h = vm.h;
  if (h.attrGet(o, nameObj) !== 0) return 0;
  const fn = c.value;
  h.incref(fn);
  return fn;
}

/** Records what loadMethod found for an instance of a plain class at instruction i of f (the state read
 *  before the lookup), for instanceMethod. */
export function noteInstanceMethod(vm: VM, f: Frame, i: number, ti: TypeInfo, state: number[], name: string): void {
  const d = vm.lookupType(ti, name);
  if (d === null || d.obj === 0 || vm.kindOf(d.obj) !== Kind.FUNCTION) return;
  setSite(vm, f, i, ti, state, d.obj);
}

/**
 * BUILD_STRING: the top n stack items (strs from FORMAT_VALUE or constants) replaced by one new str copied
 * inside the heap, as _PyUnicode_JoinArray makes it: a fresh object even when the text equals a cached one
 * (one character, a piece itself), the shared '' when empty, and a lone exact str piece as it is.
 */
export function buildString(vm: VM, st: Obj[], n: number): void {
  const h = vm.h;
  if (n > 1) {
    // made in the core from the stack's pieces, which it releases (0: it does not join them here)
    const r = h.strJoinPop(st, n);
    if (r !== 0) {
      st.push(r);
      return;
    }
  }
  const parts = st.splice(st.length - n, n);
  let r: Obj = 0;
  try {
    if (n === 1 && !vm.typeInfo(parts[0]!).heap) {
      r = parts[0]!;
      parts.length = 0;
    } else r = h.strJoin(parts);
  } finally {
    // popped off the stack one by one: the last piece is released first
    for (let i = parts.length - 1; i >= 0; i--) h.decref(parts[i]!);
  }
  st.push(r);
}

/** FORMAT_VALUE: the value (and the spec when `arg & 4`) from the stack, converted by `arg & 3` (str, repr,
 *  ascii), formatted unless it is an exact str with no spec; one body for the eval loop and the translator. */
export function formatValue(vm: VM, st: Obj[], arg: number): void {
  const h = vm.h;
  if (arg === 0) {
    // neither conversion nor spec: an exact str stays as it is, an exact int's digits are made in the core
    const n = st.length;
    const v = st[n - 1]!;
    const t = h.i32[(v + OB_TYPE) >>> 2]! >>> 0;
    if (t === vm.tStr) return;
    if (t === vm.tInt) {
      const r = h.intDecimalStr(v);
      if (r !== 0) {
        st[n - 1] = asObj(r);
        h.decrefInt(v);
        return;
      }
    }
  }
  const spec = arg & 4 ? st.pop()! : 0;
  let v = st.pop()!;
  try {
    const conv = arg & 3;
    if (conv) {
      const c = conv === 1 ? vm.strObj(v) : conv === 2 ? vm.reprObj(v) : vm.asciiObj(v);
      h.decref(v);
      v = c;
    }
    if (!spec && vm.typeInfo(v).kind === Kind.STR && !vm.typeInfo(v).heap) {
      st.push(v);
      v = 0;
    } else st.push(vm.format(v, spec));
  } finally {
    if (v) h.decref(v);
    if (spec) h.decref(spec);
  }
}

/** BINARY_SUBSCR: container and key popped, the item pushed, both released; one body for the eval loop and
 *  the translator. */
export function binarySubscr(vm: VM, st: Obj[]): void {
  const h = vm.h;
  const n = st.length;
  const k = st[n - 1]!;
  const c = st[n - 2]!;
  const m = h.i32;
  // an exact list indexed by an exact int of at most one digit (3.11's BINARY_SUBSCR_LIST_INT, which also
  // takes negative indexes here as list_subscript does): the item read from memory, then the list and the
  // index released in BINARY_SUBSCR's order
  if (m[(c + OB_TYPE) >>> 2]! >>> 0 === h.types.list && m[(k + OB_TYPE) >>> 2]! >>> 0 === vm.tInt) {
    const size = m[(k + OB_SIZE) >>> 2]!;
    if (size >= -1 && size <= 1) {
      const len = m[(c + OB_SIZE) >>> 2]!;
      const i = size === 0 ? 0 : size * m[(k + INT_DIGITS) >>> 2]!;
      const j = i < 0 ? i + len : i;
      if (j >= 0 && j < len) {
        const v = m[((m[(c + LIST_ITEMS) >>> 2]! >>> 0) + 8 * j) >>> 2]! >>> 0;
        m[v >>> 2]!++;
        st.pop();
        st[n - 2] = asObj(v);
        h.decref(c);
        h.decrefInt(k);
        return;
      }
    }
  }
  st.pop();
  st.pop();
  try {
    // an exact dict with an exact str or int key (hashable: no check): its lookup without getItem's dispatch
    const kt = m[(k + OB_TYPE) >>> 2];
    let v: number;
    if (m[(c + OB_TYPE) >>> 2] === (h.types.dict | 0) && (kt === (vm.tStr | 0) || kt === (vm.tInt | 0))) {
      if ((v = h.dictGet(c, k)) === 0) vm.keyError(k);
      h.incref(v);
    } else v = vm.getItem(c, k);
    st.push(asObj(v));
  } finally {
    h.decref(c);
    h.decref(k);
  }
}

/** STORE_SUBSCR: key, container and value popped and released after the store. */
export function storeSubscr(vm: VM, st: Obj[]): void {
  const h = vm.h;
  const k = st.pop()!;
  const c = st.pop()!;
  const v = st.pop()!;
  try {
    vm.setItem(c, k, v);
  } finally {
    h.decref(c);
    h.decref(k);
    h.decref(v);
  }
}

/**
 * Whether CALL at index i of quickened code runs as 3.11's PRECALL_NO_KW_STR_1 (str(x) without the argument
 * tuple; `str1`: NULL and str on the stack, one positional argument). The site's state, per instruction:
 * 0 before its first call since quickening, which specialises it when that call is str1; 1–53 specialised,
 * the misses left (a call that is not str1 runs the general path; the last miss makes it adaptive again);
 * 0x100 + k adaptive, k calls before the next try; 0xffff a site whose try met another callable (3.11 may
 * have specialised it to another form: not modelled, the general path from then on). 1 for STR_1, else 0.
 */
export function strCallSite(info: CodeInfo, i: number, str1: boolean): number {
  let s = info.strSites;
  if (s === null) s = info.strSites = new Uint16Array(info.code.co_code.length >> 1);
  let k = s[i]!;
  if (k === 0xffff) return 0;
  if (k > 0x100) {
    s[i] = k - 1;
    return 0;
  }
  if (k === 0x100) k = 0;
  if (k === 0) {
    s[i] = str1 ? 53 : 0xffff;
    return str1 ? 1 : 0;
  }
  if (str1) return 1;
  s[i] = k === 1 ? 0x100 + 31 : k - 1;
  return 0;
}

/** CALL of str with one positional argument and no keywords (NULL, str and the argument on the stack): what
 *  callGeneral → callTypeDirect → str's constructor do for it — the argument tuple 3.11's type_call packs,
 *  made and released before the constructor runs, except at a STR_1 site (`str1` 1); the str of the
 *  argument (an exact int of at most two digits: its digits from the core); then the argument and str
 *  released — without the argument array and the dispatch. False (nothing done) for other arguments
 *  outside STR_1 sites. */
export function strCall(vm: VM, st: Obj[], str1: number): boolean {
  const h = vm.h;
  const m = h.i32;
  const n = st.length;
  const x = st[n - 1]!;
  const size = m[(x + OB_SIZE) >>> 2]!;
  const small = m[(x + OB_TYPE) >>> 2] === (vm.tInt | 0) && size <= 2 && size >= -2;
  if (!small && str1 === 0) return false;
  const target = st[n - 2]!;
  st.pop();
  st.pop();
  st.pop();
  try {
    try {
      if (!small) st.push(vm.ctors.get(target)!(target, [x], null));
      else {
        if (str1 === 0) h.decref(h.newTuple([x]));
        st.push(asObj(h.intDecimalStr(x)));
      }
    } finally {
      h.decref(x);
    }
  } finally {
    h.decref(target);
  }
  return true;
}
