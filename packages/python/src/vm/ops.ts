/**
 * Operators: binary/unary arithmetic with CPython's dispatch (reflected operands, subclass priority,
 * NotImplemented), rich comparison, iteration and the item protocol. Native arithmetic on int, bool,
 * float and complex, and sequence operations on str, bytes, tuple and list.
 *
 * All results are NEW references; operands are borrowed.
 */
import { floatVia } from "./number-via.js";
import type { Obj } from "./heap-api.js";
import { Kind, type TypeInfo } from "./types.js";
import { INTERRUPT_POLL_ITEMS, PyRaise, VM } from "./vm.js";
import { Op } from "../compile/opcodes.js";
import * as L from "./layouts.js";
import type { Frame } from "./frame.js";
import { formatFloat, formatInt, formatStr } from "../objects/format-spec.js";
import { crCos, crPow, crSin } from "../objects/libm.js";
import { floatPow, intTrueDivide } from "../objects/numbers.js";
import { proxyTarget, unproxy } from "./weakrefs.js";
import { smallIntValue } from "./fast.js";
import { abi } from "@pyheap/heap";
import { bigRangeIter, bigRangeOf, makeRange, rangeBounds } from "./ranges.js";
import { containsInt, itemAt, rangesEqual, sliceOf } from "./bigrange.js";
import { bytesContain } from "../objects/byte-text.js";
import { warnStrictSubclass } from "../modules/warnings.js";
import { complexPow } from "../objects/complex-pow.js";
import { typeOr, typeSubscript } from "../modules/typing.js";
import { rarely } from "./rarely.js";

declare module "./vm.js" {
  interface VM {
    binaryOp(a: Obj, b: Obj, op: number, f?: Frame | null): Obj;
    divmod(a: Obj, b: Obj): Obj;
    unaryOp(v: Obj, op: number): Obj;
    richCompare(a: Obj, b: Obj, op: number): Obj;
    compareBool(a: Obj, b: Obj, op: number): boolean;
    eq(a: Obj, b: Obj): boolean;
    contains(c: Obj, x: Obj): boolean;
    getIter(o: Obj): Obj;
    iterNext(it: Obj): Obj;
    getItem(c: Obj, k: Obj): Obj;
    setItem(c: Obj, k: Obj, v: Obj): void;
    delItem(c: Obj, k: Obj): void;
    format(v: Obj, spec: Obj | string, lookup?: boolean): Obj;
    formatInner(v: Obj, s: string, ti: TypeInfo): Obj;
    newInt(v: bigint, spare?: number): Obj;
    intValue(o: Obj): bigint;
    index(o: Obj): bigint;
    /** A float's or an int's value as a double; `viaIndex`: any object's __index__ too. */
    toFloat(o: Obj, viaIndex?: boolean): number;
    numericBinary(a: Obj, b: Obj, op: number): Obj;
    /** A slice's start, stop, step and length for a sequence of `size` items (a list's read after the bounds'
     *  __index__, which may change it, as python3 does). */
    sliceIndices(sl: Obj, size: number | (() => number)): [number, number, number, number];
    newSliceSteal(start: Obj, stop: Obj, step: Obj): Obj;
    newComplex(re: number, im: number): Obj;
    // The operations' raw entry points: a builtin type's own code for `ti`'s kind (the object may be of a
    // subclass; its overrides are not looked up), what a builtin dunder such as dict.__setitem__ runs.
    // Results are NEW references; 0 from binaryRaw and compareRaw is NotImplemented.
    binaryRaw(a: Obj, b: Obj, op: number): Obj;
    compareRaw(a: Obj, b: Obj, op: number): Obj;
    containsRaw(c: Obj, x: Obj, ti: TypeInfo): boolean;
    iterRaw(o: Obj, ti: TypeInfo): Obj;
    getItemRaw(c: Obj, k: Obj, ti: TypeInfo): Obj;
    setItemRaw(c: Obj, k: Obj, v: Obj, ti: TypeInfo): void;
    delItemRaw(c: Obj, k: Obj, ti: TypeInfo): void;
    formatRaw(v: Obj, spec: string, ti: TypeInfo): Obj;
  }
}

const proto = VM.prototype;

const OP_NAMES = ["add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub", "truediv", "xor"];
const OP_SYMBOLS = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
const CMP_NAMES = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
const CMP_SWAP = [4, 5, 2, 3, 0, 1];
const MAX_SIZE = (1n << 63n) - 1n;
const CMP_SYMBOLS = ["<", "<=", "==", "!=", ">", ">="];

function isIntKind(k: Kind): boolean {
  return k === Kind.INT || k === Kind.BOOL;
}

/** int/bool 0, float 1, complex 2, -1 for the rest: a builtin number's own operator takes an operand of its
 *  rank or below (float + int), so it runs before a higher operand's reflected method */
function numRank(k: Kind): number {
  return isIntKind(k) ? 0 : k === Kind.FLOAT ? 1 : k === Kind.COMPLEX ? 2 : -1;
}
function ownSlotTakes(ka: Kind, kb: Kind): boolean {
  return numRank(kb) >= 0 && numRank(ka) >= numRank(kb);
}

proto.newInt = function (this: VM, v: bigint, spare = 0): Obj {
  if (v >= -5n && v <= 256n) return this.h.newInt(Number(v));
  if (spare > 0) return this.h.newIntDigits(v, spare);
  return this.h.newInt(v);
};

proto.intValue = function (this: VM, o: Obj): bigint {
  return this.h.readInt(o);
};

proto.index = function (this: VM, o: Obj): bigint {
  const ti = this.typeInfo(o);
  if (isIntKind(ti.kind)) return this.h.readInt(o);
  if (ti.heap) {
    const d = this.lookupType(ti, "__index__");
    if (d && d.obj) {
      const r = this.callSpecial(o, "__index__", []);
      try {
        const rt = this.typeInfo(r);
        if (!isIntKind(rt.kind)) this.typeError(`__index__ returned non-int (type ${rt.name})`);
        if (rt.heap || rt.kind === Kind.BOOL) warnStrictSubclass(this, "__index__", r, "int");
        return this.h.readInt(r);
      } finally {
        this.decref(r);
      }
    }
  }
  this.typeError(`'${ti.name}' object cannot be interpreted as an integer`);
};

proto.toFloat = function (this: VM, o: Obj, viaIndex?: boolean): number {
  const k = this.kindOf(o);
  if (k === Kind.FLOAT) return this.h.readFloat(o);
  const ti = this.typeInfo(o);
  // python3's PyFloat_AsDouble: __float__, else __index__
  if (!viaIndex && ti.heap && !isIntKind(k) && this.lookupType(ti, "__float__")) return floatVia(this, o, ti);
  if (viaIndex || isIntKind(k) || (ti.heap && this.lookupType(ti, "__index__"))) {
    const x = Number(this.index(o));
    if (!Number.isFinite(x)) this.raise("OverflowError", "int too large to convert to float");
    return x;
  }
  this.typeError(`must be real number, not ${this.typeName(o)}`);
};

function digits(v: bigint): number {
  if (v < 0n) v = -v;
  let n = 0;
  while (v > 0n) {
    v >>= 30n;
    n++;
  }
  return n;
}

/** CPython's long_rem test for "|a| < |b|": fewer digits, or as many with a smaller top digit. */
function remIsSelf(a: bigint, b: bigint, na: number, nb: number): boolean {
  if (na !== nb) return na < nb;
  if (na === 0) return false;
  const shift = BigInt(30 * (na - 1));
  return (a < 0n ? -a : a) >> shift < (b < 0n ? -b : b) >> shift;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floorMod(a: bigint, b: bigint): bigint {
  const m = a % b;
  return m !== 0n && (m < 0n) !== (b < 0n) ? m + b : m;
}

function pyFloatMod(a: number, b: number): number {
  let m = a % b;
  if (m !== 0) {
    if ((b < 0) !== (m < 0)) m += b;
  } else m = b < 0 ? -0 : 0;
  return m;
}

function pyFloatFloorDiv(a: number, b: number): number {
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod && (b < 0) !== (mod < 0)) div -= 1;
  if (div) {
    let fl = Math.floor(div);
    if (div - fl > 0.5) fl += 1;
    return fl;
  }
  return 0 * (a / b);
}

/** Native arithmetic on ints/floats/complex; 0 when the operand types are not supported. */
proto.numericBinary = function (this: VM, a: Obj, b: Obj, op: number): Obj {
  const ka = this.kindOf(a);
  const kb = this.kindOf(b);
  if (isIntKind(ka) && isIntKind(kb)) {
    const x = this.h.readInt(a);
    const y = this.h.readInt(b);
    const nx = digits(x);
    const ny = digits(y);
    const medium = nx <= 1 && ny <= 1;
    switch (op) {
      case 0: {
        const r = x + y;
        if (medium) return this.newInt(r);
        const alloc = (x < 0n) === (y < 0n) ? Math.max(nx, ny) + 1 : Math.max(nx, ny);
        return this.newInt(r, Math.max(0, alloc - digits(r)));
      }
      case 10: {
        const r = x - y;
        if (medium) return this.newInt(r);
        const alloc = (x < 0n) !== (y < 0n) ? Math.max(nx, ny) + 1 : Math.max(nx, ny);
        return this.newInt(r, Math.max(0, alloc - digits(r)));
      }
      case 5: {
        const r = x * y;
        if (medium) return this.newInt(r);
        return this.newInt(r, Math.max(0, nx + ny - digits(r)));
      }
      case 11: {
        if (y === 0n) this.raise("ZeroDivisionError", "division by zero");
        const r = intTrueDivide(x, y);
        if (r === null) this.raise("OverflowError", "integer division result too large for a float");
        return this.h.newFloat(r);
      }
      case 2:
        if (y === 0n) this.raise("ZeroDivisionError", "integer division or modulo by zero");
        return this.newInt(floorDiv(x, y));
      case 6:
        if (y === 0n) this.raise("ZeroDivisionError", "integer modulo by zero");
        // long_rem: unless both have exactly one digit, |a| < |b| by digit count and top digit gives the
        // remainder a itself (a new reference for an exact int); it is the result when no sign fix follows
        if (!(nx === 1 && ny === 1) && (x === 0n || (x < 0n) === (y < 0n)) && remIsSelf(x, y, nx, ny) && this.h.typeOf(a) === this.tInt) return this.newRef(a);
        return this.newInt(floorMod(x, y));
      case 8:
        if (y < 0n) {
          if (x === 0n) this.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
          const p = floatPow(Number(x), Number(y));
          if (p === null) powOverflow(this);
          return this.h.newFloat(p);
        }
        return this.newInt(x ** y);
      case 3:
        if (y < 0n) this.raise("ValueError", "negative shift count");
        return this.newInt(x << y, medium ? 0 : 1);
      case 9:
        if (y < 0n) this.raise("ValueError", "negative shift count");
        return this.newInt(x >> y);
      case 1:
        if (ka === Kind.BOOL && kb === Kind.BOOL) return this.bool((x & y) !== 0n);
        return this.newInt(x & y);
      case 7:
        if (ka === Kind.BOOL && kb === Kind.BOOL) return this.bool((x | y) !== 0n);
        return this.newInt(x | y);
      case 12:
        if (ka === Kind.BOOL && kb === Kind.BOOL) return this.bool((x ^ y) !== 0n);
        return this.newInt(x ^ y);
      default:
        return 0;
    }
  }
  const fa = ka === Kind.FLOAT || isIntKind(ka);
  const fb = kb === Kind.FLOAT || isIntKind(kb);
  if (fa && fb && (ka === Kind.FLOAT || kb === Kind.FLOAT)) {
    if (op === 1 || op === 7 || op === 12 || op === 3 || op === 9 || op === 4) return 0;
    const x = this.toFloat(a);
    const y = this.toFloat(b);
    switch (op) {
      case 0:
        return this.h.newFloat(x + y);
      case 10:
        return this.h.newFloat(x - y);
      case 5:
        return this.h.newFloat(x * y);
      case 11:
        if (y === 0) this.raise("ZeroDivisionError", "float division by zero");
        return this.h.newFloat(x / y);
      case 2:
        if (y === 0) this.raise("ZeroDivisionError", "float floor division by zero");
        return this.h.newFloat(pyFloatFloorDiv(x, y));
      case 6:
        if (y === 0) this.raise("ZeroDivisionError", "float modulo");
        return this.h.newFloat(pyFloatMod(x, y));
      case 8: {
        if (x === 0 && y < 0) this.raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        if (x < 0 && !Number.isInteger(y)) {
          // complex result, as CPython's float_pow delegates to complex
          const r = crPow(-x, y);
          const th = Math.PI * y;
          return this.newComplex(r * crCos(th), r * crSin(th));
        }
        const r = floatPow(x, y);
        if (r === null) powOverflow(this);
        return this.h.newFloat(r);
      }
      default:
        return 0;
    }
  }
  if ((ka === Kind.COMPLEX || kb === Kind.COMPLEX) && (ka === Kind.COMPLEX || fa) && (kb === Kind.COMPLEX || fb)) {
    const [ar, ai] = ka === Kind.COMPLEX ? [this.h.getF64(a, 16), this.h.getF64(a, 24)] : [this.toFloat(a), 0];
    const [br, bi] = kb === Kind.COMPLEX ? [this.h.getF64(b, 16), this.h.getF64(b, 24)] : [this.toFloat(b), 0];
    switch (op) {
      case 0:
        return this.newComplex(ar + br, ai + bi);
      case 10:
        return this.newComplex(ar - br, ai - bi);
      case 5:
        return this.newComplex(ar * br - ai * bi, ar * bi + ai * br);
      case 11: {
        const d = br * br + bi * bi;
        if (d === 0) this.raise("ZeroDivisionError", "complex division by zero");
        return this.newComplex((ar * br + ai * bi) / d, (ai * br - ar * bi) / d);
      }
      case 8:
        return complexPow(this, ar, ai, br, bi);
      default:
        return 0;
    }
  }
  return 0;
};

proto.newComplex = function (this: VM, re: number, im: number): Obj {
  const o = this.h.newObject(this.T.complex);
  this.h.setF64(o, 16, re);
  this.h.setF64(o, 24, im);
  return o;
};

/** A float power's overflow: OverflowError(34, 'Numerical result out of range'), two arguments as
 *  CPython's errno error has them. */
function powOverflow(vm: VM): never {
  const a = [vm.newInt(34n), vm.h.newStr("Numerical result out of range")];
  try {
    throw new PyRaise(vm.callType(vm.typesByName.OverflowError, a, null));
  } finally {
    for (const x of a) vm.decref(x);
  }
}

/** Sequence + and * (str, bytes, tuple, list); 0 when not applicable. */
function sequenceBinary(vm: VM, a: Obj, b: Obj, op: number, inplace: boolean): Obj {
  const h = vm.h;
  const ta = vm.typeInfo(a);
  const tb = vm.typeInfo(b);
  const ka = ta.kind;
  const kb = tb.kind;
  if (op === 0) {
    if (ka === Kind.STR && kb === Kind.STR) {
      // PyUnicode_Concat: the shared '' on either side gives the other operand (an exact str itself, a
      // subclass instance's text as a new str); otherwise a new str of both, copied in the heap
      if (a === h.emptyStr) return tb.heap ? h.strJoin([b]) : vm.newRef(b);
      if (b === h.emptyStr) return ta.heap ? h.strJoin([a]) : vm.newRef(a);
      return h.strJoin([a, b]);
    }
    if (ka === Kind.STR && !tb.heap) vm.typeError(`can only concatenate str (not "${tb.name}") to str`);
    if (ka === Kind.LIST && kb === Kind.LIST) {
      if (inplace) {
        vm.listExtendFrom(a, b);
        return vm.newRef(a);
      }
      const items = [...vm.listItems(a), ...vm.listItems(b)];
      return h.newList(items, "display");
    }
    if (ka === Kind.LIST && inplace) {
      vm.listExtendFrom(a, b);
      return vm.newRef(a);
    }
    if (ka === Kind.LIST && !tb.heap) vm.typeError(`can only concatenate list (not "${tb.name}") to list`);
    if (ka === Kind.TUPLE && kb === Kind.TUPLE) {
      if (vm.tupleLen(b) === 0 && !ta.heap) return vm.newRef(a);
      if (vm.tupleLen(a) === 0 && !tb.heap) return vm.newRef(b);
      return h.newTuple([...vm.tupleItems(a), ...vm.tupleItems(b)]);
    }
    if (ka === Kind.TUPLE && !tb.heap) vm.typeError(`can only concatenate tuple (not "${tb.name}") to tuple`);
    if (ka === Kind.BYTES && kb === Kind.BYTES) {
      const x = h.readBytes(a);
      const y = h.readBytes(b);
      if (x.length === 0 && !tb.heap) return vm.newRef(b);
      if (y.length === 0 && !ta.heap) return vm.newRef(a);
      const r = new Uint8Array(x.length + y.length);
      r.set(x);
      r.set(y, x.length);
      return h.newBytes(r);
    }
  }
  if (op === 5) {
    // the left operand's repeat, else the right one's (in place only when the left type has no sequence
    // methods at all: a class always has them, so do bytearray to frozenset, range and dict views); the
    // count an int or an object with __index__
    const isSeq = (k: Kind) => k === Kind.STR || k === Kind.LIST || k === Kind.TUPLE || k === Kind.BYTES;
    const left = isSeq(ka) || (inplace && (ta.heap || (ka >= Kind.BYTEARRAY && ka <= Kind.FROZENSET) || ka === Kind.RANGE || ka === Kind.VIEW));
    const seq = left ? a : b;
    const n = left ? b : a;
    const tn = left ? tb : ta;
    const ks = left ? ka : kb;
    if (isSeq(ks)) {
      if (!isIntKind(tn.kind) && !(tn.heap && vm.lookupType(tn, "__index__")?.obj)) vm.typeError(`can't multiply sequence by non-int of type '${tn.name}'`);
      const big = vm.index(n);
      if (big > MAX_SIZE || big < -MAX_SIZE - 1n) vm.raise("OverflowError", "cannot fit 'int' into an index-sized integer");
      const count = big < 0n ? 0 : Number(big);
      const exact = !vm.typeInfo(seq).heap;
      // CPython's checks before it allocates: past sys.maxsize units an OverflowError for str and bytes, a
      // MemoryError for tuple and list; then (ours) a MemoryError for a size no heap limit allows
      const sizeCheck = (len: number, what: string, cap: number) => {
        if (len && BigInt(len) * big > MAX_SIZE) vm.raise(what ? "OverflowError" : "MemoryError", what ? `repeated ${what} too long` : undefined);
        if (len * count > cap) vm.raise("MemoryError");
      };
      if (ks === Kind.STR) {
        const s = vm.str(seq);
        if (count === 1 && exact) return vm.newRef(seq);
        sizeCheck(s.length, "string is", 1 << 28);
        return h.newStr(repeatStr(vm, s, count));
      }
      if (ks === Kind.TUPLE) {
        if (count === 1 && exact) return vm.newRef(seq);
        const items = vm.tupleItems(seq);
        sizeCheck(items.length, "", 1 << 26);
        const out: Obj[] = [];
        if (items.length > 0) repeatItems(vm, out, items, count);
        return h.newTuple(out);
      }
      if (ks === Kind.BYTES) {
        const x = h.readBytes(seq);
        if ((count === 1 || x.length === 0) && exact) return vm.newRef(seq);
        sizeCheck(x.length, "bytes are", 1 << 28);
        const r = new Uint8Array(x.length * count);
        const per = pollEvery(x.length);
        for (let i = 0; i < count && x.length > 0; i++) {
          if (i % per === per - 1) vm.pollInterrupt();
          r.set(x, i * x.length);
        }
        // bytes_repeat fills an object of its own: b'ab' * 0 is not b'', b'a' * 1 of a subclass not b'a'
        return h.newBytesUncached ? h.newBytesUncached(r) : h.newBytes(r);
      }
      const items = vm.listItems(seq);
      sizeCheck(items.length, "", 1 << 26);
      const out: Obj[] = [];
      if (items.length > 0) repeatItems(vm, out, items, count);
      if (inplace && seq === a) {
        if (count === 0) h.listClear(a);
        else if (count > 1) h.listExtend(a, out.slice(items.length));
        return vm.newRef(a);
      }
      return h.newList(out, "display");
    }
  }
  if (op === 6 && (ka === Kind.STR || ka === Kind.BYTES)) {
    return vm.percentFormat(a, b);
  }
  return 0;
}

/** Repetitions of a sequence of `len` items between two interrupt polls (at least one). */
function pollEvery(len: number): number {
  return Math.max(1, Math.floor(INTERRUPT_POLL_ITEMS / Math.max(1, len)));
}

/** `out` gets `items` (borrowed) `count` times, polling the interrupt every ~64K items. */
function repeatItems(vm: VM, out: Obj[], items: Obj[], count: number): void {
  const per = pollEvery(items.length);
  for (let i = 0; i < count; i++) {
    if (i % per === per - 1) vm.pollInterrupt();
    out.push(...items);
  }
}

/** `s * count`, built ~64K characters at a time with an interrupt poll between the pieces when long. */
function repeatStr(vm: VM, s: string, count: number): string {
  if (s.length * count <= INTERRUPT_POLL_ITEMS) return s.repeat(count);
  const per = pollEvery(s.length);
  const piece = s.repeat(per);
  let r = "";
  let done = 0;
  for (; done + per <= count; done += per) {
    vm.pollInterrupt();
    r += piece;
  }
  return r + s.repeat(count - done);
}

declare module "./vm.js" {
  interface VM {
    percentFormat(fmt: Obj, args: Obj): Obj;
    setBinary(a: Obj, b: Obj, op: number, inplace: boolean): Obj;
    dictBinary(a: Obj, b: Obj, op: number, inplace: boolean): Obj;
  }
}

function callDunder(vm: VM, o: Obj, d: { obj: Obj; native: number }, args: Obj[]): Obj {
  if (d.native >= 0) return vm.natives[d.native].fn([o, ...args], null);
  if (vm.kindOf(d.obj) === Kind.FUNCTION) return vm.call(d.obj, [o, ...args]);
  const f = vm.bindDescr(d as { obj: Obj; native: -1 }, o, vm.h.typeOf(o));
  try {
    return vm.call(f, args);
  } finally {
    vm.decref(f);
  }
}

function pyDunder(vm: VM, ti: TypeInfo, name: string): { obj: Obj; native: number } | null {
  if (!ti.heap) return null;
  const d = vm.lookupType(ti, name);
  if (!d || !d.obj) return null;
  return d as { obj: Obj; native: number };
}

/** a's __name__ and b's __rname__ in CPython's order (b's first when its type is a subclass of a's; a builtin
 *  number's own operator, own(), before a reflected method it can stand in for); 0 when all gave way */
function dunderPair(vm: VM, a: Obj, b: Obj, name: string, own: () => Obj): Obj {
  const ta = vm.typeInfo(a);
  const tb = vm.typeInfo(b);
  const da = pyDunder(vm, ta, `__${name}__`);
  const db = ta !== tb ? pyDunder(vm, tb, `__r${name}__`) : null;
  const sub = db && vm.isSubtype(tb, ta);
  return (sub && tryDunder(vm, db, b, a)) || (!da && db && ownSlotTakes(ta.kind, tb.kind) && own()) || tryDunder(vm, da, a, b) || (!sub && tryDunder(vm, db, b, a)) || 0;
}

/** d(x, y), or 0 for NotImplemented (or no d) */
function tryDunder(vm: VM, d: { obj: Obj; native: number } | null, x: Obj, y: Obj): Obj {
  if (!d) return 0;
  const r = callDunder(vm, x, d, [y]);
  if (r !== vm.NotImplemented) return r;
  vm.decref(r);
  return 0;
}

/** divmod(a, b): __divmod__/__rdivmod__, else a number pair's floor quotient and remainder */
proto.divmod = function (this: VM, a: Obj, b: Obj): Obj {
  const own = (): Obj => {
    const ka = this.kindOf(a);
    const kb = this.kindOf(b);
    if (!ownSlotTakes(Kind.FLOAT, ka) || !ownSlotTakes(Kind.FLOAT, kb)) return 0;
    if ((ka === Kind.FLOAT || kb === Kind.FLOAT) && this.toFloat(b) === 0) this.raise("ZeroDivisionError", "float divmod()");
    // the remainder cannot fail once the quotient has not
    return this.h.newTupleSteal([this.numericBinary(a, b, 2), this.numericBinary(a, b, 6)]);
  };
  const r = dunderPair(this, a, b, "divmod", own) || own();
  if (!r) this.typeError(`unsupported operand type(s) for divmod(): '${this.typeName(a)}' and '${this.typeName(b)}'`);
  return r;
};

proto.binaryOp = function (this: VM, a: Obj, b: Obj, op: number, _f: Frame | null = null): Obj {
  const inplace = op >= 13;
  const base = inplace ? op - 13 : op;
  const ta = this.typeInfo(a);
  const tb = this.typeInfo(b);
  if (ta.heap || tb.heap) {
    const name = OP_NAMES[base];
    if (inplace) {
      const d = pyDunder(this, ta, `__i${name}__`);
      if (d) {
        const r = callDunder(this, a, d, [b]);
        if (r !== this.NotImplemented) return r;
        this.decref(r);
      }
      // dict's own |= never gives way to the other operand's __ror__
      if (base === 7 && ta.kind === Kind.DICT) return this.dictBinary(a, b, base, true);
    }
    const r = dunderPair(this, a, b, name, () => this.numericBinary(a, b, base));
    if (r) return r;
  }
  // a proxy's number slots (before a sequence's concatenation): the same operation on the referents
  // (each referent held for the call: a method of one may drop the last other reference to the other)
  if (ta.kind === Kind.WEAKPROXY || tb.kind === Kind.WEAKPROXY) return rarely(this, 16, a, b, [op as Obj]);
  const r = this.binaryRaw(a, b, op) || (base === 7 && (ta.kind === Kind.TYPE || tb.kind === Kind.TYPE) ? typeOr(this, a, b) : 0);
  if (r) return r;
  const sym = OP_SYMBOLS[base] + (inplace ? "=" : "");
  if (base === 8 && !inplace) this.typeError(`unsupported operand type(s) for ** or pow(): '${ta.name}' and '${tb.name}'`);
  this.typeError(`unsupported operand type(s) for ${sym}: '${ta.name}' and '${tb.name}'`);
};

proto.binaryRaw = function (this: VM, a: Obj, b: Obj, op: number): Obj {
  const inplace = op >= 13;
  const base = inplace ? op - 13 : op;
  const ta = this.typeInfo(a);
  const tb = this.typeInfo(b);
  // a bytearray operand, or bytes + something that is not bytes: concat/repeat of bytes-like objects
  if (this.bufferBinary && (ta.kind === Kind.BYTEARRAY || tb.kind === Kind.BYTEARRAY || (ta.kind === Kind.BYTES && ((base === 0 && tb.kind !== Kind.BYTES) || base === 6)))) {
    const r = this.bufferBinary(a, b, base, inplace);
    if (r) return r;
  }
  let r = this.numericBinary(a, b, base);
  if (r) return r;
  r = sequenceBinary(this, a, b, base, inplace);
  if (r) return r;
  // a mappingproxy is no set: its | is its dict's (a new dict), its other operators are unsupported
  const mp = this.T.mappingproxy;
  if (ta.obj === mp || (tb.obj === mp && !inplace))
    return base === 7 && !inplace ? this.binaryRaw(ta.obj === mp ? this.h.getSlot(a, L.NATIVE_A) : a, tb.obj === mp ? this.h.getSlot(b, L.NATIVE_A) : b, 7) : 0;
  const ka = ta.kind;
  if ((ka === Kind.SET || ka === Kind.FROZENSET) && (tb.kind === Kind.SET || tb.kind === Kind.FROZENSET || tb.kind === Kind.VIEW)) {
    r = this.setBinary(a, b, base, inplace);
    if (r) return r;
  }
  if (ka === Kind.VIEW) {
    r = this.setBinary(a, b, base, false);
    if (r) return r;
  }
  if (ka === Kind.DICT && (tb.kind === Kind.DICT || inplace) && base === 7) {
    r = this.dictBinary(a, b, base, inplace);
    if (r) return r;
  }
  return 0;
};

proto.unaryOp = function (this: VM, v: Obj, op: number): Obj {
  const h = this.h;
  if (h.typeOf(v) === h.types.int) {
    // an exact int of at most one digit: - and ~ computed as numbers, + is the int itself
    const size = h.getI32(v, abi.OB_SIZE);
    if (size >= -1 && size <= 1) {
      if (op === Op.UNARY_POSITIVE) return this.newRef(v);
      const x = size === 0 ? 0 : size * h.getI32(v, abi.INT_DIGITS);
      return h.newIntValue(op === Op.UNARY_NEGATIVE ? 0 - x : -1 - x);
    }
  }
  const ti = this.typeInfo(v);
  const name = op === Op.UNARY_NEGATIVE ? "__neg__" : op === Op.UNARY_POSITIVE ? "__pos__" : "__invert__";
  const d = pyDunder(this, ti, name);
  if (d) return callDunder(this, v, d, []);
  const k = ti.kind;
  if (isIntKind(k)) {
    const x = this.h.readInt(v);
    if (op === Op.UNARY_NEGATIVE) return this.newInt(-x);
    // long_pos: an exact int is itself, a bool or a subclass instance gives an exact copy
    if (op === Op.UNARY_POSITIVE) return k === Kind.BOOL || ti.heap ? this.newInt(x) : this.newRef(v);
    return this.newInt(~x);
  }
  if (k === Kind.FLOAT) {
    const x = this.h.readFloat(v);
    if (op === Op.UNARY_NEGATIVE) return this.h.newFloat(-x);
    if (op === Op.UNARY_POSITIVE) return this.newRef(v);
  }
  if (k === Kind.COMPLEX) {
    if (op === Op.UNARY_NEGATIVE) return this.newComplex(-this.h.getF64(v, 16), -this.h.getF64(v, 24));
    if (op === Op.UNARY_POSITIVE) return this.newRef(v);
  }
  const sym = op === Op.UNARY_NEGATIVE ? "unary -" : op === Op.UNARY_POSITIVE ? "unary +" : "unary ~";
  this.typeError(`bad operand type for ${sym}: '${ti.name}'`);
};

function cmpNum(x: number | bigint, y: number | bigint, op: number): boolean {
  switch (op) {
    case 0:
      return x < y;
    case 1:
      return x <= y;
    case 2:
      return x == y;
    case 3:
      return x != y;
    case 4:
      return x > y;
    default:
      return x >= y;
  }
}

function cmpIntFloat(i: bigint, x: number, op: number): boolean {
  if (Number.isNaN(x)) return op === 3;
  if (!Number.isFinite(x)) return cmpNum(0, x, op);
  if (Number.isInteger(x)) return cmpNum(i, BigInt(x), op);
  const fl = BigInt(Math.floor(x));
  // i vs x where x is between fl and fl+1
  if (op === 2) return false;
  if (op === 3) return true;
  return cmpNum(i <= fl ? -1 : 1, 0, op);
}

/** The contents of a bytes or bytearray (whose data is a bytes object in its slot at 24), else null. */
function bufData(vm: VM, o: Obj): Uint8Array | null {
  const k = vm.kindOf(o);
  if (k === Kind.BYTES) return vm.h.readBytes(o);
  if (k !== Kind.BYTEARRAY) return null;
  const d = vm.h.getSlot(o, 24);
  return d ? vm.h.readBytes(d) : new Uint8Array(0);
}

/** Native comparison; returns null when the types are not comparable natively. */
function nativeCompare(vm: VM, a: Obj, b: Obj, op: number): boolean | null {
  const h = vm.h;
  // a mappingproxy compares as its dict
  const mp = vm.T.mappingproxy;
  if (h.typeOf(a) === mp || h.typeOf(b) === mp) return vm.compareBool(h.typeOf(a) === mp ? h.getSlot(a, L.NATIVE_A) : a, h.typeOf(b) === mp ? h.getSlot(b, L.NATIVE_A) : b, op);
  const ka = vm.kindOf(a);
  const kb = vm.kindOf(b);
  // dict_keys / dict_items compare with sets (and each other) as the sets of their items
  const setLike = (k: Kind, o: Obj) => k === Kind.SET || k === Kind.FROZENSET || (k === Kind.VIEW && vm.typeName(o) !== "dict_values");
  if ((ka === Kind.VIEW || kb === Kind.VIEW) && setLike(ka, a) && setLike(kb, b)) {
    const x = ka === Kind.VIEW ? vm.callType(vm.T.set, [a], null) : vm.newRef(a);
    try {
      const y = kb === Kind.VIEW ? vm.callType(vm.T.set, [b], null) : vm.newRef(b);
      try {
        return vm.compareBool(x, y, op);
      } finally {
        vm.decref(y);
      }
    } finally {
      vm.decref(x);
    }
  }
  if (isIntKind(ka) && isIntKind(kb)) return cmpNum(h.readInt(a), h.readInt(b), op);
  if (ka === Kind.FLOAT && kb === Kind.FLOAT) return cmpNum(h.readFloat(a), h.readFloat(b), op);
  if (isIntKind(ka) && kb === Kind.FLOAT) return cmpIntFloat(h.readInt(a), h.readFloat(b), op);
  if (ka === Kind.FLOAT && isIntKind(kb)) return cmpIntFloat(h.readInt(b), h.readFloat(a), CMP_SWAP[op]);
  if (ka === Kind.STR && kb === Kind.STR) {
    const x = vm.str(a);
    const y = vm.str(b);
    if (op === 2) return x === y;
    if (op === 3) return x !== y;
    // compare by code points
    const c = cmpCodePoints(x, y);
    return cmpNum(c, 0, op);
  }
  if ((ka === Kind.BYTES || ka === Kind.BYTEARRAY) && (kb === Kind.BYTES || kb === Kind.BYTEARRAY)) {
    const x = bufData(vm, a)!;
    const y = bufData(vm, b)!;
    let c = 0;
    for (let i = 0; i < Math.min(x.length, y.length) && c === 0; i++) c = x[i] - y[i];
    if (c === 0) c = x.length - y.length;
    return cmpNum(c, 0, op);
  }
  if ((ka === Kind.LIST && kb === Kind.LIST) || (ka === Kind.TUPLE && kb === Kind.TUPLE)) {
    const xs = ka === Kind.LIST ? vm.listItems(a).slice() : vm.tupleItems(a);
    const ys = kb === Kind.LIST ? vm.listItems(b).slice() : vm.tupleItems(b);
    // each item compared is a PyObject_RichCompare of its own, with its recursion check
    vm.enterRecursive(" in comparison");
    for (const x of xs) h.incref(x);
    for (const y of ys) h.incref(y);
    try {
      if ((op === 2 || op === 3) && xs.length !== ys.length) return op === 3;
      let i = 0;
      for (; i < xs.length && i < ys.length; i++) {
        if (!vm.eq(xs[i], ys[i])) break;
      }
      if (i >= xs.length || i >= ys.length) return cmpNum(xs.length, ys.length, op);
      if (op === 2) return false;
      if (op === 3) return true;
      return vm.compareBool(xs[i], ys[i], op);
    } finally {
      vm.depth--;
      for (const x of xs) h.decref(x);
      for (const y of ys) h.decref(y);
    }
  }
  if (ka === Kind.DICT && kb === Kind.DICT) {
    if (op !== 2 && op !== 3) return null;
    if (h.dictLen(a) !== h.dictLen(b)) return op === 3;
    vm.enterRecursive(" in comparison");
    try {
      for (const [k, v] of vm.dictEntries(a)) {
        const w = vm.dictGetItem(b, k);
        if (!w || !vm.eq(v, w)) return op === 3;
      }
    } finally {
      vm.depth--;
    }
    return op === 2;
  }
  if ((ka === Kind.SET || ka === Kind.FROZENSET) && (kb === Kind.SET || kb === Kind.FROZENSET)) {
    const xs = vm.setItems(a);
    const ys = vm.setItems(b);
    const sub = (p: Obj[], q: Obj) => p.every((x) => h.setContains!(q, x));
    switch (op) {
      case 2:
        return xs.length === ys.length && sub(xs, b);
      case 3:
        return !(xs.length === ys.length && sub(xs, b));
      case 1:
        return xs.length <= ys.length && sub(xs, b);
      case 0:
        return xs.length < ys.length && sub(xs, b);
      case 5:
        return xs.length >= ys.length && sub(ys, a);
      default:
        return xs.length > ys.length && sub(ys, a);
    }
  }
  if ((ka === Kind.COMPLEX || kb === Kind.COMPLEX) && numRank(ka) >= 0 && numRank(kb) >= 0 && (op === 2 || op === 3)) {
    // complex == int/float: a zero imaginary part and the real part equal to the number
    const [c, o, ko] = ka === Kind.COMPLEX ? [a, b, kb] : [b, a, ka];
    const re = h.getF64(c, 16);
    const im = h.getF64(c, 24);
    const e = ko === Kind.COMPLEX ? re === h.getF64(o, 16) && im === h.getF64(o, 24) : im === 0 && (isIntKind(ko) ? cmpIntFloat(h.readInt(o), re, 2) : re === h.readFloat(o));
    return op === 2 ? e : !e;
  }
  if (ka === Kind.RANGE && kb === Kind.RANGE && (op === 2 || op === 3)) {
    // range_equals: the same items in the same order (range(0) == range(5, 5))
    const e = rangesEqual(rangeBounds(vm, a), rangeBounds(vm, b));
    return op === 2 ? e : !e;
  }
  if (ka === Kind.METHOD && kb === Kind.METHOD && (op === 2 || op === 3)) {
    const e = h.getSlot(a, L.METHOD_SELF) === h.getSlot(b, L.METHOD_SELF) && h.getSlot(a, L.METHOD_FUNC) === h.getSlot(b, L.METHOD_FUNC);
    return op === 2 ? e : !e;
  }
  if (ka === Kind.BUILTIN && kb === Kind.BUILTIN && (op === 2 || op === 3)) {
    const e = h.getSlot(a, L.CFUNC_SELF) === h.getSlot(b, L.CFUNC_SELF) && h.getI32(a, L.CFUNC_INDEX) === h.getI32(b, L.CFUNC_INDEX);
    return op === 2 ? e : !e;
  }
  if (ka === Kind.WEAKREF && kb === Kind.WEAKREF && (op === 2 || op === 3)) {
    const x = vm.weakrefTarget(a);
    const y = vm.weakrefTarget(b);
    const e = x && y ? vm.eq(x, y) : a === b;
    return op === 2 ? e : !e;
  }
  return null;
}

declare module "./vm.js" {
  interface VM {
    weakrefTarget(wr: Obj): Obj;
  }
}

function cmpCodePoints(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.codePointAt(i)!;
    const b = y.codePointAt(i)!;
    if (a !== b) return a - b;
    if (a > 0xffff) i++;
  }
  return x.length - y.length;
}

/** x's own comparison for op, or null (NotImplemented): a Python method; for != a builtin base's own __ne__
 *  (str.__ne__) or, when the class's __ne__ is object's, its __eq__ inverted. */
function cmpSide(vm: VM, x: Obj, y: Obj, tx: TypeInfo, op: number): Obj | null {
  const d = tx.heap ? vm.lookupType(tx, CMP_NAMES[op]) : null;
  if (!d) return null;
  let r: Obj;
  if (d.obj) r = callDunder(vm, x, d as { obj: Obj; native: number }, [y]);
  else if (op !== 3) return null;
  else if (d.native !== vm.infoOfType(vm.T.object).methods.get("__ne__")) {
    const n = nativeCompare(vm, x, y, op);
    return n === null ? null : vm.bool(n);
  } else {
    const de = pyDunder(vm, tx, "__eq__");
    if (!de) return null;
    r = callDunder(vm, x, de, [y]);
    if (r !== vm.NotImplemented) {
      const t = vm.truthy(r);
      vm.decref(r);
      return vm.bool(!t);
    }
  }
  if (r !== vm.NotImplemented) return r;
  vm.decref(r);
  return null;
}

/** richCompare's part for class instances: their dunders (the reflected one first for a subclass on the
 *  right), null when none of them answered. */
function heapCompare(vm: VM, a: Obj, b: Obj, ta: TypeInfo, tb: TypeInfo, op: number): Obj | null {
  let checkedReverse = false;
  if (ta !== tb && vm.isSubtype(tb, ta)) {
    const d = pyDunder(vm, tb, CMP_NAMES[CMP_SWAP[op]]);
    if (d) {
      checkedReverse = true;
      const r = callDunder(vm, b, d, [a]);
      if (r !== vm.NotImplemented) return r;
      vm.decref(r);
    }
  }
  if (!pyDunder(vm, ta, CMP_NAMES[op]) && ownSlotTakes(ta.kind, tb.kind) && (ta.kind !== Kind.COMPLEX || op === 2 || op === 3)) {
    const n = nativeCompare(vm, a, b, op);
    if (n !== null) return vm.bool(n);
  }
  const r = cmpSide(vm, a, b, ta, op);
  if (r) return r;
  if (!checkedReverse) {
    const r = cmpSide(vm, b, a, tb, CMP_SWAP[op]);
    if (r) return r;
  }
  return null;
}

proto.richCompare = function (this: VM, a: Obj, b: Obj, op: number): Obj {
  const ta = this.typeInfo(a);
  const tb = this.typeInfo(b);
  if (ta.heap || tb.heap) {
    // PyObject_RichCompare's recursion check: a dunder comparing again takes two levels a round
    this.enterRecursive(" in comparison");
    try {
      const r = heapCompare(this, a, b, ta, tb, op);
      if (r !== null) return r;
    } finally {
      this.depth--;
    }
  }
  if (ta.kind === Kind.WEAKPROXY || tb.kind === Kind.WEAKPROXY) return this.richCompare(unproxy(this, a), unproxy(this, b), op);
  const n = nativeCompare(this, a, b, op);
  if (n !== null) return this.bool(n);
  if (op === 2) return this.bool(a === b);
  if (op === 3) return this.bool(a !== b);
  this.typeError(`'${CMP_SYMBOLS[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
};

proto.compareRaw = function (this: VM, a: Obj, b: Obj, op: number): Obj {
  const n = nativeCompare(this, a, b, op);
  return n === null ? 0 : this.bool(n);
};

proto.compareBool = function (this: VM, a: Obj, b: Obj, op: number): boolean {
  const r = this.richCompare(a, b, op);
  try {
    if (r === this.True) return true;
    if (r === this.False) return false;
    return this.truthy(r);
  } finally {
    this.decref(r);
  }
};

/** PyObject_RichCompareBool(a, b, Py_EQ): identity first. */
proto.eq = function (this: VM, a: Obj, b: Obj): boolean {
  if (a === b) return true;
  return this.compareBool(a, b, 2);
};

proto.contains = function (this: VM, c: Obj, x: Obj): boolean {
  const ti = this.typeInfo(c);
  const d = pyDunder(this, ti, "__contains__");
  if (d) {
    if (d.obj === this.None) this.typeError(`'${ti.name}' object is not a container`);
    const r = callDunder(this, c, d, [x]);
    try {
      return this.truthy(r);
    } finally {
      this.decref(r);
    }
  }
  return this.containsRaw(c, x, ti);
};

proto.containsRaw = function (this: VM, c: Obj, x: Obj, ti: TypeInfo): boolean {
  switch (ti.kind) {
    case Kind.DICT:
      return this.dictGetItem(c, x) !== 0;
    case Kind.SET:
    case Kind.FROZENSET:
      this.checkHashable(x);
      return this.h.setContains!(c, x);
    case Kind.LIST:
    case Kind.TUPLE: {
      const items = ti.kind === Kind.LIST ? this.listItems(c) : this.tupleItems(c);
      for (const it of items) {
        if (it === x) return true;
        this.h.incref(it);
        try {
          if (this.compareBool(it, x, 2)) return true;
        } finally {
          this.h.decref(it);
        }
      }
      return false;
    }
    case Kind.STR:
      if (this.kindOf(x) !== Kind.STR) this.typeError(`'in <string>' requires string as left operand, not ${this.typeName(x)}`);
      return this.str(c).includes(this.str(x));
    case Kind.BYTES:
    case Kind.BYTEARRAY: {
      const hay = bufData(this, c)!;
      const kx = this.kindOf(x);
      if (isIntKind(kx)) {
        const v = this.h.readInt(x);
        if (v < 0n || v > 255n) this.raise("ValueError", "byte must be in range(0, 256)");
        return hay.includes(Number(v));
      }
      const needle = bufData(this, x);
      if (!needle) this.typeError(`a bytes-like object is required, not '${this.typeName(x)}'`);
      return bytesContain(hay, needle);
    }
    case Kind.RANGE: {
      if (!isIntKind(this.kindOf(x))) break;
      const big = bigRangeOf(this, c);
      if (big) return containsInt(big, this.h.readInt(x));
      const v = Number(this.h.readInt(x));
      const [start, stop, step] = this.rangeFields(c);
      if (step > 0 ? v < start || v >= stop : v > start || v <= stop) return false;
      return (v - start) % step === 0;
    }
    case Kind.VIEW:
      return this.viewContains(c, x);
  }
  let found = false;
  let iterable = true;
  try {
    const it = this.getIter(c);
    this.decref(it);
  } catch (e) {
    if (e instanceof PyRaise && this.isInstance(e.exc, this.T.TypeError)) {
      this.decref(e.exc);
      iterable = false;
    } else throw e;
  }
  if (!iterable) this.typeError(`argument of type '${ti.name}' is not iterable`);
  this.iterate(c, (item) => {
    if (this.eq(item, x)) {
      found = true;
      return true;
    }
  });
  return found;
};

declare module "./vm.js" {
  interface VM {
    rangeFields(r: Obj): [number, number, number];
    viewContains(v: Obj, x: Obj): boolean;
    newNativeIter(typeName: string, a: Obj, b?: Obj, i?: number): Obj;
  }
}

proto.getIter = function (this: VM, o: Obj): Obj {
  const ti = this.typeInfo(o);
  if (ti.heap) {
    const d = pyDunder(this, ti, "__iter__");
    if (d) {
      if (d.obj === this.None) this.typeError(`'${ti.name}' object is not iterable`);
      const r = callDunder(this, o, d, []);
      const rt = this.typeInfo(r);
      if (!rt.nextFn && rt.kind !== Kind.GENERATOR && !this.lookupType(rt, "__next__")) {
        this.decref(r);
        this.typeError(`iter() returned non-iterator of type '${rt.name}'`);
      }
      return r;
    }
  }
  return this.iterRaw(o, ti);
};

proto.iterRaw = function (this: VM, o: Obj, ti: TypeInfo): Obj {
  switch (ti.kind) {
    case Kind.LIST:
      return this.newNativeIter("list_iterator", o);
    case Kind.TUPLE:
      return this.newNativeIter("tuple_iterator", o);
    case Kind.STR:
      return this.newNativeIter("str_ascii_iterator", o);
    case Kind.BYTES:
      return this.newNativeIter("bytes_iterator", o);
    case Kind.BYTEARRAY:
      return this.newNativeIter("bytearray_iterator", o);
    case Kind.DICT:
      return this.newNativeIter("dict_keyiterator", o, 0, 0);
    case Kind.SET:
    case Kind.FROZENSET:
      return this.newNativeIter("set_iterator", o);
    case Kind.RANGE: {
      const big = bigRangeOf(this, o);
      return big ? bigRangeIter(this, o, big, false) : this.newNativeIter("range_iterator", o);
    }
    case Kind.GENERATOR:
      return this.newRef(o);
    case Kind.VIEW:
      return this.viewIter(o);
  }
  if (ti.nextFn) return this.newRef(o);
  if (ti.heap && pyDunder(this, ti, "__next__")) return this.newRef(o);
  if (ti.heap && pyDunder(this, ti, "__getitem__")) return this.newNativeIter("iterator", o);
  if (ti.kind === Kind.WEAKPROXY) return this.getIter(proxyTarget(this, o));
  this.typeError(`'${ti.name}' object is not iterable`);
};

declare module "./vm.js" {
  interface VM {
    viewIter(v: Obj): Obj;
  }
}

/** Next item (new reference), or 0 when exhausted. */
proto.iterNext = function (this: VM, it: Obj): Obj {
  const ti = this.typeInfo(it);
  if (ti.nextFn && !ti.heap) return ti.nextFn(it);
  if (ti.kind === Kind.GENERATOR) {
    const r = this.genResume(it, this.None, 0);
    if (this.lastYield) return r;
    if (r) {
      this.xdecref(this.stopValue);
      this.stopValue = r;
    }
    return 0;
  }
  const d = this.lookupType(ti, "__next__");
  if (!d) {
    if (ti.nextFn) return ti.nextFn(it);
    this.typeError(`'${ti.name}' object is not an iterator`);
  }
  try {
    return callDunder(this, it, d as { obj: Obj; native: number }, []);
  } catch (e) {
    if (e instanceof PyRaise && this.isInstance(e.exc, this.T.StopIteration)) {
      const v = this.h.getSlot(e.exc, L.EXC_EXTRA);
      this.xdecref(this.stopValue);
      this.stopValue = v ? this.newRef(v) : 0;
      this.decref(e.exc);
      return 0;
    }
    throw e;
  }
};

proto.sliceIndices = function (this: VM, sl: Obj, size: number | (() => number)): [number, number, number, number] {
  const h = this.h;
  const so = h.getSlot(sl, L.NATIVE_A);
  const eo = h.getSlot(sl, L.NATIVE_B);
  const po = h.getSlot(sl, L.NATIVE_C);
  const num = (o: Obj): number | null => {
    if (o === this.None) return null;
    // an exact int of at most one digit read from memory
    const small = smallIntValue(h.i32, h.types.int, o);
    if (small === small) return small;
    const k = this.kindOf(o);
    if (k !== Kind.INT && k !== Kind.BOOL && !this.lookupType(this.typeInfo(o), "__index__")) {
      this.typeError("slice indices must be integers or None or have an __index__ method");
    }
    const v = this.index(o);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : v < -BigInt(Number.MAX_SAFE_INTEGER) ? -Number.MAX_SAFE_INTEGER : Number(v);
  };
  let step = num(po) ?? 1;
  if (step === 0) this.raise("ValueError", "slice step cannot be zero");
  let start = num(so);
  let stop = num(eo);
  const len = typeof size === "number" ? size : size();
  if (start === null) start = step < 0 ? len - 1 : 0;
  else {
    if (start < 0) start += len;
    if (start < 0) start = step < 0 ? -1 : 0;
    else if (start >= len) start = step < 0 ? len - 1 : len;
  }
  if (stop === null) stop = step < 0 ? -1 : len;
  else {
    if (stop < 0) stop += len;
    if (stop < 0) stop = step < 0 ? -1 : 0;
    else if (stop >= len) stop = step < 0 ? len - 1 : len;
  }
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  step = step || 1;
  return [start, stop, step, n];
};

proto.newSliceSteal = function (this: VM, start: Obj, stop: Obj, step: Obj): Obj {
  const s = this.h.newObject(this.T.slice);
  this.h.setSlotSteal(s, L.NATIVE_A, start);
  this.h.setSlotSteal(s, L.NATIVE_B, stop);
  this.h.setSlotSteal(s, L.NATIVE_C, step);
  return s;
};

/** The index k of a sequence of `size` items (a list's read after k's __index__, which may change it). */
function normIndex(vm: VM, k: Obj, size: number | (() => number), what: string, kindName: string): number {
  let i = smallIntValue(vm.h.i32, vm.T.int, k);
  if (i !== i) {
    const kk = vm.kindOf(k);
    if (!isIntKind(kk) && !(vm.typeInfo(k).heap && vm.lookupType(vm.typeInfo(k), "__index__"))) {
      if (kindName === "string") vm.typeError(`string indices must be integers, not '${vm.typeName(k)}'`);
      vm.typeError(`${kindName} indices must be integers or slices, not ${vm.typeName(k)}`);
    }
    const big = vm.index(k);
    // as PyNumber_AsSsize_t(k, IndexError): an index past the 64-bit range is not "out of range"
    if (big < -(2n ** 63n) || big >= 2n ** 63n) vm.raise("IndexError", `cannot fit '${vm.typeName(k)}' into an index-sized integer`);
    i = Number(big);
  }
  const len = typeof size === "number" ? size : size();
  if (i < 0) i += len;
  if (i < 0 || i >= len) vm.raise("IndexError", what ? `${what} index out of range` : "index out of range");
  return i;
}

/** The `n` items at start, start + step, … read with `get` (only those: a slice of a long list, not a copy of it). */
function sliceSelect<T>(get: (j: number) => T, start: number, step: number, n: number): T[] {
  const out: T[] = [];
  for (let i = 0, j = start; i < n; i++, j += step) out.push(get(j));
  return out;
}

proto.getItem = function (this: VM, c: Obj, k: Obj): Obj {
  const h = this.h;
  // an exact list indexed by a small exact int, an exact dict: without the type dispatch
  const ct = h.typeOf(c);
  if (ct === h.types.list) {
    const i = smallIntValue(h.i32, h.types.int, k);
    if (i === i) {
      const n = h.listLen(c);
      const j = i < 0 ? i + n : i;
      if (j >= 0 && j < n) return this.newRef(h.listGet(c, j));
    }
  } else if (ct === h.types.dict) {
    const v = this.dictGetItem(c, k);
    if (v) return this.newRef(v);
    this.keyError(k);
  }
  const ti = this.typeInfo(c);
  if (ti.heap) {
    const d = pyDunder(this, ti, "__getitem__");
    if (d) return callDunder(this, c, d, [k]);
  }
  return this.getItemRaw(c, k, ti);
};

proto.getItemRaw = function (this: VM, c: Obj, k: Obj, ti: TypeInfo): Obj {
  const h = this.h;
  const isSlice = h.typeOf(k) === this.T.slice;
  switch (ti.kind) {
    case Kind.LIST: {
      if (isSlice) {
        const [start, , step, cnt] = this.sliceIndices(k, () => h.listLen(c));
        return h.newList(sliceSelect((j) => h.listGet(c, j), start, step, cnt), "display");
      }
      return this.newRef(h.listGet(c, normIndex(this, k, () => h.listLen(c), "list", "list")));
    }
    case Kind.TUPLE: {
      const n = this.tupleLen(c);
      if (isSlice) {
        const [start, , step, cnt] = this.sliceIndices(k, n);
        if (cnt === n && step === 1 && !ti.heap) return this.newRef(c);
        return h.newTuple(sliceSelect((j) => h.tupleGet(c, j), start, step, cnt));
      }
      return this.newRef(h.tupleGet(c, normIndex(this, k, n, "tuple", "tuple")));
    }
    case Kind.STR: {
      // only the characters taken are read from the str's data
      const n = h.strLength(c);
      if (isSlice) {
        const [start, , step, cnt] = this.sliceIndices(k, n);
        if (cnt === n && step === 1 && !ti.heap) return this.newRef(c);
        return h.newStr(h.strPart(c, start, step, cnt));
      }
      return h.newStr(h.strPart(c, normIndex(this, k, n, "string", "string"), 1, 1));
    }
    case Kind.BYTES: {
      const b = h.readBytes(c);
      if (isSlice) {
        const [start, , step, cnt] = this.sliceIndices(k, b.length);
        // as bytes_subscript: the whole object itself, a contiguous slice through the one-byte cache, a
        // stepped slice always a fresh object
        if (cnt === b.length && step === 1 && !ti.heap) return this.newRef(c);
        const part = Uint8Array.from(sliceSelect((j) => b[j]!, start, step, cnt));
        return step === 1 || cnt === 0 || !h.newBytesUncached ? h.newBytes(part) : h.newBytesUncached(part);
      }
      return this.newInt(BigInt(b[normIndex(this, k, b.length, "", "byte")]));
    }
    case Kind.BYTEARRAY:
      return this.natives[this.findNative(ti, "__getitem__")].fn([c, k], null);
    case Kind.DICT: {
      const v = this.dictGetItem(c, k);
      if (v) return this.newRef(v);
      if (ti.heap) {
        const m = pyDunder(this, ti, "__missing__");
        // dict's subscript calls __missing__ as a C caller: a level on top of its frame
        if (m) return this.callLevel(() => callDunder(this, c, m, [k]));
      }
      this.keyError(k);
    }
    // falls through (keyError never returns)
    case Kind.RANGE: {
      const big = bigRangeOf(this, c);
      if (big || (isSlice ? sliceHasBigPart(this, k) : isIntKind(this.kindOf(k)) && bigIndex(this, k))) {
        // exact: a range past ±2**53, or a slice or index of one that is
        const r = big ?? rangeBounds(this, c);
        if (isSlice) {
          const part = (o: Obj) => (o === this.None ? null : this.index(o));
          const sub = sliceOf(r, { start: part(h.getSlot(k, L.NATIVE_A)), stop: part(h.getSlot(k, L.NATIVE_B)), step: part(h.getSlot(k, L.NATIVE_C)) });
          if (!sub) this.raise("ValueError", "slice step cannot be zero");
          return makeRange(this, sub);
        }
        const v = itemAt(r, this.index(k));
        if (v === null) this.raise("IndexError", "range object index out of range");
        return this.newInt(v);
      }
      const [start, , step] = this.rangeFields(c);
      const n = this.len(c);
      if (isSlice) {
        const [s2, e2, st2] = this.sliceIndices(k, n);
        return this.newRange(start + s2 * step, start + e2 * step, step * st2);
      }
      return this.newInt(BigInt(start + normIndex(this, k, n, "range object", "range") * step));
    }
    case Kind.TYPE: {
      // A[x] is A.__class_getitem__(x) when the class has one (an implicit class method)
      const cg = this.lookupType(this.infoOfType(c), "__class_getitem__");
      if (cg && cg.obj) {
        const f = this.typeGetAttr(c, "__class_getitem__");
        try {
          return this.call(f, [k]);
        } finally {
          this.decref(f);
        }
      }
      // list[int] (a types.GenericAlias), else "type 'int' is not subscriptable" (modules/typing.ts)
      return typeSubscript(this, c, k);
    }
    case Kind.VIEW:
      if (h.typeOf(c) === this.T.mappingproxy) return this.getItem(h.getSlot(c, L.NATIVE_A), k);
  }
  if (ti.kind === Kind.WEAKPROXY) return this.getItem(proxyTarget(this, c), k);
  this.typeError(`'${ti.name}' object is not subscriptable`);
};

declare module "./vm.js" {
  interface VM {
    newRange(start: number, stop: number, step: number): Obj;
    listSetSlice(l: Obj, sl: Obj, v: Obj): void;
  }
}

proto.setItem = function (this: VM, c: Obj, k: Obj, v: Obj): void {
  const h = this.h;
  const ct = h.typeOf(c);
  if (ct === h.types.dict) {
    this.dictSetItem(c, k, v);
    return;
  }
  if (ct === h.types.list) {
    const i = smallIntValue(h.i32, h.types.int, k);
    if (i === i) {
      const n = h.listLen(c);
      const j = i < 0 ? i + n : i;
      if (j >= 0 && j < n) {
        h.listSet(c, j, v);
        return;
      }
    }
  }
  const ti = this.typeInfo(c);
  if (ti.heap) {
    const d = pyDunder(this, ti, "__setitem__");
    if (d) {
      this.decref(callDunder(this, c, d, [k, v]));
      return;
    }
  }
  this.setItemRaw(c, k, v, ti);
};

proto.setItemRaw = function (this: VM, c: Obj, k: Obj, v: Obj, ti: TypeInfo): void {
  switch (ti.kind) {
    case Kind.LIST:
      if (this.h.typeOf(k) === this.T.slice) return this.listSetSlice(c, k, v);
      this.h.listSet(c, normIndex(this, k, () => this.h.listLen(c), "list assignment", "list"), v);
      return;
    case Kind.DICT:
      this.dictSetItem(c, k, v);
      return;
    case Kind.BYTEARRAY:
      this.decref(this.natives[this.findNative(ti, "__setitem__")].fn([c, k, v], null));
      return;
    case Kind.WEAKPROXY:
      return this.setItem(proxyTarget(this, c), k, v);
  }
  this.typeError(`'${ti.name}' object does not support item assignment`);
};

proto.delItem = function (this: VM, c: Obj, k: Obj): void {
  const ti = this.typeInfo(c);
  if (ti.heap) {
    const d = pyDunder(this, ti, "__delitem__");
    if (d) {
      this.decref(callDunder(this, c, d, [k]));
      return;
    }
  }
  this.delItemRaw(c, k, ti);
};

proto.delItemRaw = function (this: VM, c: Obj, k: Obj, ti: TypeInfo): void {
  switch (ti.kind) {
    case Kind.LIST: {
      if (this.h.typeOf(k) === this.T.slice) return this.listDelSlice(c, k);
      const i = normIndex(this, k, () => this.h.listLen(c), "list assignment", "list");
      this.decref(this.h.listPop(c, i));
      return;
    }
    case Kind.DICT:
      if (!this.dictDelItem(c, k)) this.keyError(k);
      return;
    case Kind.BYTEARRAY:
      this.decref(this.natives[this.findNative(ti, "__delitem__")].fn([c, k], null));
      return;
  }
  rarely(this, 1, c, k);
};

/**
 * format(v, spec) as PyObject_Format: a NEW reference to the formatted str. `lookup` false when the
 * caller already is a `__format__` method or, like str.format, calls the formatter of an exact str, int,
 * float or complex directly.
 */
proto.format = function (this: VM, v: Obj, spec: Obj | string, lookup = true): Obj {
  if (spec === 0 || spec === "") {
    // PyObject_Format's fast paths: an exact str is itself, an exact int its str()
    const h = this.h;
    const t = h.typeOf(v);
    if (t === h.types.str) return this.newRef(v);
    if (t === h.types.int) {
      const r = h.intDecimalStr(v);
      if (r !== 0) return r;
      const s = h.intDecimal(v);
      if (s.length <= 640) return h.newStrUncached(s);
    }
  }
  const s = typeof spec === "string" ? spec : spec ? this.str(spec) : "";
  const ti = this.typeInfo(v);
  // NOTE: outside its fast path (an exact str or int with an empty spec), PyObject_Format binds
  // type(v).__format__ before calling it: a bound method, a GC object allocated before the call and
  // freed after it. The allocation moves gc counts and can start an automatic collection right there.
  let bound: Obj = 0;
  let native = false;
  if (lookup && !(s === "" && !ti.heap && (ti.kind === Kind.STR || ti.kind === Kind.INT))) {
    const d = this.lookupType(ti, "__format__");
    if (d && (d.native >= 0 || d.obj)) bound = this.bindDescr(d, v, ti.obj);
    native = !!d && d.native >= 0;
  }
  try {
    // a builtin __format__ (METH_O) is called holding a level
    return native ? this.callLevel(() => this.formatInner(v, s, ti)) : this.formatInner(v, s, ti);
  } finally {
    if (bound) this.decref(bound);
  }
};

/** format() once `__format__` is found: a NEW reference. */
proto.formatInner = function (this: VM, v: Obj, s: string, ti: TypeInfo): Obj {
  if (ti.heap) {
    const d = pyDunder(this, ti, "__format__");
    if (d) {
      const so = this.h.newStr(s);
      try {
        const r = callDunder(this, v, d, [so]);
        if (this.kindOf(r) !== Kind.STR) {
          const tn = this.typeName(r);
          this.decref(r);
          this.typeError(`__format__ must return a str, not ${tn}`);
        }
        return r;
      } finally {
        this.decref(so);
      }
    }
  }
  return this.formatRaw(v, s, ti);
};

proto.formatRaw = function (this: VM, v: Obj, s: string, ti: TypeInfo): Obj {
  try {
    switch (ti.kind) {
      case Kind.BOOL:
        if (s === "") return this.strObj(v);
        return this.h.newStr(formatInt(this.h.readInt(v), s, ti.name));
      case Kind.INT:
        // int.__format__ with an empty spec is str(self): a subclass's __str__ runs
        if (s === "") return this.strObj(v);
        return this.h.newStr(formatInt(this.h.readInt(v), s, ti.name, this.intMaxDigits));
      case Kind.FLOAT:
        if (s === "") return this.strObj(v);
        return this.h.newStr(formatFloat(this.h.readFloat(v), s, ti.name));
      case Kind.STR: {
        const str = this.str(v);
        const r = formatStr(str, s, ti.name);
        if (r === str && !ti.heap) return this.newRef(v);
        return this.h.newStr(r);
      }
    }
  } catch (e) {
    throw this.wrapErr(e);
  }
  if (s !== "") this.typeError(`unsupported format string passed to ${ti.name}.__format__`);
  return this.strObj(v);
};

/** A slice with a part past ±2**53 (a range sliced by it is computed exactly). */
function sliceHasBigPart(vm: VM, s: Obj): boolean {
  for (const off of [L.NATIVE_A, L.NATIVE_B, L.NATIVE_C]) {
    const o = vm.h.getSlot(s, off);
    if (o !== vm.None && isIntKind(vm.kindOf(o)) && bigIndex(vm, o)) return true;
  }
  return false;
}

/** An int index past ±2**53 (an int of at most one 30-bit digit never is: no BigInt for it). */
function bigIndex(vm: VM, o: Obj): boolean {
  const size = vm.h.getI32(o, abi.OB_SIZE);
  if (size >= -1 && size <= 1) return false;
  const v = vm.h.readInt(o);
  return v > 2n ** 53n || v < -(2n ** 53n);
}
