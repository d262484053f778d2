/**
 * The bodies of bytes' and bytearray's methods, bytearray's constructor and iterator, the codecs and the
 * binary operations between bytes-like objects (see bytes.ts, which installs them at bootstrap). Results
 * follow CPython 3.11, including which results are the receiver itself, which go through the shared
 * one-byte objects and which are always new objects:
 *
 * - `shared(b)`: CPython fills the result from existing data (PyBytes_FromStringAndSize with a pointer):
 *   b'' and one byte are the static objects (split parts, strip, partition, removeprefix, fromhex).
 * - `fresh(b)`: CPython allocates the result and fills it afterwards: a new object even for one byte
 *   (upper/lower, replace, join, center, expandtabs, translate, bytes(n), bytes(tuple), bytes(buffer)).
 * - an exact bytes returns itself where nothing changes (strip with nothing to strip, ljust(n <= len)).
 *
 * Bytes are handled as latin-1 strings where searching is needed (one JS char per byte, so string search
 * is byte search). This module creates nothing at bootstrap, and reaches the VM only through the `vm`
 * its functions are given: a page's build loads it on demand (apps/web/src/python-sources.ts).
 */
import type { Obj } from "../vm/heap-api.js";
import { Kind, type KwArgs, type NativeFn } from "../vm/types.js";
import { PyRaise, type VM } from "../vm/vm.js";
import * as L from "../vm/layouts.js";
import { latin1, unlatin1 } from "../objects/byte-text.js";
import { BYTEARRAY_DATA, bufferOf } from "./bytes-buffer.js";

/** The VM's exception class, given by bytes.ts before any of these functions runs (see linkBytes). */
let PyRaiseClass: typeof PyRaise;

/** Called by bytes.ts at bootstrap: what this module needs of the VM's own modules. */
export function linkBytes(raise: typeof PyRaise): void {
  PyRaiseClass = raise;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c]);
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isAlpha = (c: number) => isUpper(c) || isLower(c);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

// Bytes to and from text without Node's Buffer, which the browsers the web component runs in lack.
/** UTF-8 of well-formed runs only (malformed bytes are found and reported first); keeps a leading BOM. */
const UTF8_IN = new TextDecoder("utf-8", { ignoreBOM: true });
const UTF8_OUT = new TextEncoder();


function needBuffer(vm: VM, o: Obj): Uint8Array {
  const b = bufferOf(vm, o);
  if (!b) vm.typeError(`a bytes-like object is required, not '${vm.typeName(o)}'`);
  return b;
}

/** A byte value from an int-like object: ValueError outside 0..255. */
function byteValue(vm: VM, o: Obj, noun = "byte"): number {
  const k = vm.kindOf(o);
  if (k !== Kind.INT && k !== Kind.BOOL && !(vm.typeInfo(o).heap && vm.lookupType(vm.typeInfo(o), "__index__"))) {
    vm.typeError(`'${vm.typeName(o)}' object cannot be interpreted as an integer`);
  }
  const v = vm.index(o);
  if (v < 0n || v > 255n) vm.raise("ValueError", `${noun} must be in range(0, 256)`);
  return Number(v);
}

/** The needle of find/count/index/`in`: an int (one byte) or a bytes-like object. */
function needle(vm: VM, o: Obj): string {
  const b = bufferOf(vm, o);
  if (b) return latin1(b);
  const k = vm.kindOf(o);
  if (k === Kind.INT || k === Kind.BOOL || (vm.typeInfo(o).heap && vm.lookupType(vm.typeInfo(o), "__index__"))) {
    return String.fromCharCode(byteValue(vm, o));
  }
  vm.typeError(`argument should be integer or bytes-like object, not '${vm.typeName(o)}'`);
}

function sliceArg(vm: VM, o: Obj | undefined, dflt: number): number {
  if (!o || o === vm.None) return dflt;
  const k = vm.kindOf(o);
  if (k !== Kind.INT && k !== Kind.BOOL && !(vm.typeInfo(o).heap && vm.lookupType(vm.typeInfo(o), "__index__"))) {
    vm.typeError("slice indices must be integers or None or have an __index__ method");
  }
  const v = vm.index(o);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : v < -BigInt(Number.MAX_SAFE_INTEGER) ? -Number.MAX_SAFE_INTEGER : Number(v);
}

/** start/end as CPython's ADJUST_INDICES: negative ones count from the end, end clamped to len. */
function adjust(start: number, end: number, len: number): [number, number] {
  if (end > len) end = len;
  else if (end < 0) end = Math.max(0, end + len);
  if (start < 0) start = Math.max(0, start + len);
  return [start, end];
}

function argCount(vm: VM, name: string, args: Obj[], min: number, max: number): void {
  const n = args.length - 1;
  if (n >= min && n <= max) return;
  if (min === max && min === 0) vm.typeError(`${name}() takes no arguments (${n} given)`);
  if (min === max && min === 1) vm.typeError(`${name}() takes exactly one argument (${n} given)`);
  const m = n < min ? min : max;
  vm.typeError(`${name} expected ${min === max ? "" : n < min ? "at least " : "at most "}${m} argument${m === 1 ? "" : "s"}, got ${n}`);
}

function noKeywords(vm: VM, name: string, kw: KwArgs | null): void {
  if (kw && kw.names.length) vm.typeError(`${name}() takes no keyword arguments`);
}

/** Positional-or-keyword arguments after self, by name (borrowed; undefined when absent). */
function params(vm: VM, name: string, args: Obj[], kw: KwArgs | null, names: string[]): (Obj | undefined)[] {
  const out: (Obj | undefined)[] = names.map((_, i) => args[i + 1]);
  if (args.length - 1 > names.length) {
    vm.typeError(`${name}() takes at most ${names.length} argument${names.length === 1 ? "" : "s"} (${args.length - 1} given)`);
  }
  if (kw) {
    for (let i = 0; i < kw.names.length; i++) {
      const j = names.indexOf(kw.names[i]!);
      if (j < 0) vm.typeError(`${name}() got an unexpected keyword argument '${kw.names[i]}'`);
      if (out[j] !== undefined) vm.typeError(`argument for ${name}() given by name ('${kw.names[i]}') and position (${j + 1})`);
      out[j] = kw.values[i];
    }
  }
  return out;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** bytes.fromhex's parsing: pairs of hex digits, ASCII whitespace allowed between pairs. */
function parseHex(vm: VM, s: string): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c) {
      i++;
      continue;
    }
    const hi = hexDigit(c);
    if (hi < 0) vm.raise("ValueError", `non-hexadecimal number found in fromhex() arg at position ${i}`);
    if (i + 1 >= s.length) vm.raise("ValueError", `non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    const lo = hexDigit(s.charCodeAt(i + 1));
    if (lo < 0) vm.raise("ValueError", `non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(hi * 16 + lo);
    i += 2;
  }
  return Uint8Array.from(out);
}

// a Map, not an object literal: a user's encoding name must never reach Object.prototype ("constructor")
const CODECS: ReadonlyMap<string, string> = new Map(Object.entries({
  "utf-8": "utf-8", utf8: "utf-8", u8: "utf-8", utf: "utf-8",
  ascii: "ascii", "us-ascii": "ascii", "646": "ascii",
  "latin-1": "latin-1", latin1: "latin-1", "iso-8859-1": "latin-1", "iso8859-1": "latin-1", l1: "latin-1", latin: "latin-1",
}));

/** The canonical name of a supported codec (LookupError for others). */
export function codecName(vm: VM, o: Obj | undefined, dflt: string): string {
  if (!o) return dflt;
  if (vm.kindOf(o) !== Kind.STR) vm.typeError(`decode() argument 'encoding' must be str, not ${vm.typeName(o)}`);
  const raw = vm.str(o);
  const c = CODECS.get(raw.toLowerCase().replace(/[ _]/g, "-"));
  if (!c) vm.raise("LookupError", `unknown encoding: ${raw}`);
  return c;
}

/** Length of the valid UTF-8 sequence at i, or a negative CPython reason code: -1 invalid start byte,
 *  -2 invalid continuation byte (with the bad sequence's length in `bad`), -3 unexpected end of data. */
function utf8Seq(b: Uint8Array, i: number, bad: { n: number }): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return -1;
  for (let k = 1; k < n; k++) {
    if (i + k >= b.length) {
      bad.n = k;
      return -3;
    }
    const d = b[i + k]!;
    if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) {
      bad.n = k;
      return -2;
    }
  }
  return n;
}

/** The text of `b` in one of the supported codecs (utf-8, ascii, latin-1), errors strict/ignore/replace. */
export function decodeBytes(vm: VM, b: Uint8Array, codec: string, errors: string): string {
  const fail = (start: number, end: number, reason: string, name: string): never => raiseUnicodeError(vm, "UnicodeDecodeError", name, vm.h.newBytes(b), start, end, reason);
  if (codec === "latin-1") return latin1(b);
  let out = "";
  if (codec === "ascii") {
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (c < 0x80) out += String.fromCharCode(c);
      else if (errors === "ignore") continue;
      else if (errors === "replace") out += "\ufffd";
      else fail(i, i + 1, "ordinal not in range(128)", "ascii");
    }
    return out;
  }
  const bad = { n: 0 };
  let i = 0;
  let run = i;
  while (i < b.length) {
    const n = utf8Seq(b, i, bad);
    if (n > 0) {
      i += n;
      continue;
    }
    out += UTF8_IN.decode(b.subarray(run, i));
    if (errors !== "ignore" && errors !== "replace") {
      if (n === -1) fail(i, i + 1, "invalid start byte", "utf-8");
      if (n === -2) fail(i, i + bad.n, "invalid continuation byte", "utf-8");
      fail(i, b.length, "unexpected end of data", "utf-8");
    }
    if (errors === "replace") out += "\ufffd";
    i += n === -1 ? 1 : bad.n;
    run = i;
  }
  return out + UTF8_IN.decode(b.subarray(run, i));
}

/**
 * Install the methods of bytes (and the operations shared with bytearray) on the VM.

/** bytes.fromhex / bytearray.fromhex (bound to the type or an instance). */
export function fromhex(vm: VM, args: Obj[]): Obj {
  argCount(vm, "fromhex", args, 1, 1);
  if (vm.kindOf(args[1]!) !== Kind.STR) vm.typeError(`fromhex() argument must be str, not ${vm.typeName(args[1]!)}`);
  const data = parseHex(vm, vm.str(args[1]!));
  if (args[0] === vm.T.bytearray) return newBytearray(vm, data);
  const r = vm.h.newBytes(data);
  if (args[0] === vm.T.bytes) return r;
  try {
    return vm.call(args[0]!, [r]);
  } finally {
    vm.decref(r);
  }
}

/** bytes.maketrans (a static method in CPython: bound here to the type or instance, which it ignores). */
export function maketrans(vm: VM, args: Obj[]): Obj {
  argCount(vm, "maketrans", args, 2, 2);
  const from = needBuffer(vm, args[1]!);
  const to = needBuffer(vm, args[2]!);
  if (from.length !== to.length) vm.raise("ValueError", "maketrans arguments must have same length");
  const t = new Uint8Array(256);
  for (let i = 0; i < 256; i++) t[i] = i;
  from.forEach((c, i) => (t[c] = to[i]!));
  return vm.h.newBytesUncached!(t);
}

/** A new bytearray holding a copy of `data`: new reference. */
export function newBytearray(vm: VM, data: Uint8Array, t: Obj = vm.T.bytearray): Obj {
  const o = vm.h.newObject(t);
  setBytearray(vm, o, data);
  return o;
}

function setBytearray(vm: VM, o: Obj, data: Uint8Array): void {
  const old = vm.h.getSlot(o, BYTEARRAY_DATA);
  if ((old ? vm.h.readBytes(old).length : 0) !== data.length) vm.h.setI32(o, BYTEARRAY_ALLOC, bytearrayAlloc(vm.h.getI32(o, BYTEARRAY_ALLOC), data.length));
  vm.h.setSlotSteal(o, BYTEARRAY_DATA, data.length ? vm.h.newBytesUncached!(data) : vm.h.newBytes(data));
}

/** CPython's ob_alloc of a bytearray (sys.getsizeof reads it), at its offset. */
const BYTEARRAY_ALLOC = 16;

/** The ob_alloc PyByteArray_Resize leaves a bytearray of `alloc` bytes resized to n: the same room while
 *  n still fits in it and takes at least half of it, else n + 1; growing by at most an eighth, n + n/8 + 3
 *  (n < 9) or + 6. (CPython's start offset after a deletion at the front is not counted.) */
function bytearrayAlloc(alloc: number, n: number): number {
  if (n + 1 <= alloc) return n < Math.floor(alloc / 2) ? n + 1 : alloc;
  return n <= alloc * 1.125 ? n + (n >> 3) + (n < 9 ? 3 : 6) : n + 1;
}

/** The contents of a bytes-like object or of an iterable of ints (bytes(x), bytearray(x), extend). */
function bytesFromObject(vm: VM, x: Obj, what: string): Uint8Array {
  const b = bufferOf(vm, x);
  if (b) return b;
  const k = vm.kindOf(x);
  if (k === Kind.STR && what !== "extend") vm.typeError("string argument without an encoding");
  const items = vm.collect(x, what === "bytearray" ? 0 : 64);
  try {
    return Uint8Array.from(items.map((o) => byteValue(vm, o, what === "bytes" ? "bytes" : "byte")));
  } finally {
    for (const o of items) vm.decref(o);
  }
}

const ENC_ERRORS = ["ignore", "replace", "xmlcharrefreplace", "backslashreplace"];

/** str.encode / bytes(str, encoding[, errors]): utf-8, ascii and latin-1 with CPython's error messages;
 *  errors 'ignore', 'replace' ('?'), 'xmlcharrefreplace' ('&#252;') and 'backslashreplace' ('\\xfc')
 *  for ascii and latin-1. */
export function encodeStr(vm: VM, s: string, encO: Obj | undefined, fname: string, errO?: Obj): Uint8Array {
  if (encO !== undefined && vm.kindOf(encO) !== Kind.STR) vm.typeError(`${fname}() argument 'encoding' must be str, not ${vm.typeName(encO)}`);
  if (errO !== undefined && vm.kindOf(errO) !== Kind.STR) vm.typeError(`${fname}() argument 'errors' must be str, not ${vm.typeName(errO)}`);
  const raw = encO === undefined ? "utf-8" : vm.str(encO);
  const errors = errO === undefined ? "strict" : vm.str(errO);
  const c = CODECS.get(raw.toLowerCase().replace(/[ _]/g, "-"));
  if (!c) vm.raise("LookupError", `unknown encoding: ${raw}`);
  if (c === "utf-8") {
    if (/[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) {
      const cps = [...s];
      const p = cps.findIndex((ch) => ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff);
      raiseUnicodeError(vm, "UnicodeEncodeError", "utf-8", vm.h.newStr(s), p, p + 1, "surrogates not allowed");
    }
    return UTF8_OUT.encode(s);
  }
  const limit = c === "ascii" ? 0x80 : 0x100;
  const cps = [...s];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!.codePointAt(0)!;
    if (cp >= limit && ENC_ERRORS.includes(errors)) {
      let out = "";
      for (const ch of cps) {
        const v = ch.codePointAt(0)!;
        const x = v.toString(16).padStart(v < 0x100 ? 2 : v < 0x10000 ? 4 : 8, "0");
        out += v < limit ? ch : errors === "replace" ? "?" : errors === "xmlcharrefreplace" ? `&#${v};` : errors === "backslashreplace" ? (v < 0x100 ? "\\x" : v < 0x10000 ? "\\u" : "\\U") + x : "";
      }
      return unlatin1(out);
    }
    if (cp >= limit) {
      let j = i + 1;
      while (j < cps.length && cps[j]!.codePointAt(0)! >= limit) j++;
      raiseUnicodeError(vm, "UnicodeEncodeError", c === "ascii" ? "ascii" : "latin-1", vm.h.newStr(s), i, j, `ordinal not in range(${limit})`);
    }
  }
  return unlatin1(s);
}

/** Raise UnicodeEncodeError / UnicodeDecodeError(encoding, object, start, end, reason); `obj` is stolen. */
function raiseUnicodeError(vm: VM, cls: "UnicodeEncodeError" | "UnicodeDecodeError", encoding: string, obj: Obj, start: number, end: number, reason: string): never {
  const args = [vm.h.newStr(encoding), obj, vm.newInt(BigInt(start)), vm.newInt(BigInt(end)), vm.h.newStr(reason)];
  let e: Obj;
  try {
    e = vm.callType(vm.T[cls], args, null);
  } finally {
    for (const a of args) vm.decref(a);
  }
  throw new PyRaise(e);
}


/**
 * The count of zero bytes bytes(x) and bytearray(x) make of an int or of an instance of a class with an
 * __index__ of its own; null for anything else, or when that __index__ raises TypeError (a non-int result
 * too): python3 then reads x as an iterable. A count past the index-sized range is OverflowError.
 */
function byteCount(vm: VM, x: Obj, k: Kind): bigint | null {
  const ti = vm.typeInfo(x);
  if (k !== Kind.INT && k !== Kind.BOOL && !(ti.heap && vm.lookupType(ti, "__index__")?.obj)) return null;
  let n: bigint;
  try {
    n = vm.index(x);
  } catch (e) {
    if (k === Kind.INT || k === Kind.BOOL || !(e instanceof PyRaise) || !vm.isInstance(e.exc, vm.T.TypeError)) throw e;
    vm.decref(e.exc);
    return null;
  }
  if (n >= 1n << 63n || n < -(1n << 63n)) vm.raise("OverflowError", `cannot fit '${ti.name}' into an index-sized integer`);
  return n;
}

/**
 * bytes(x) / bytes(str, encoding[, errors]) for exact bytes: new reference. Shared or fresh objects as
 * CPython's constructor paths make them (see the file header).
 */
export function bytesNew(vm: VM, args: Obj[], kw: KwArgs | null): Obj {
  const h = vm.h;
  const [x, enc, errs] = params(vm, "bytes", [0, ...args], kw, ["source", "encoding", "errors"]);
  if (x === undefined) {
    if (enc !== undefined || errs !== undefined) vm.typeError(enc !== undefined ? "encoding without a string argument" : "errors without a string argument");
    return h.newBytes(new Uint8Array(0));
  }
  const k = vm.kindOf(x);
  if (enc !== undefined || errs !== undefined) {
    if (k !== Kind.STR) vm.typeError(enc !== undefined ? "encoding without a string argument" : "errors without a string argument");
    if (enc === undefined) vm.typeError("string argument without an encoding");
    return h.newBytes(encodeStr(vm, vm.str(x), enc, "bytes", errs));
  }
  // an object whose class defines __bytes__: what it returns (before the str and int cases, as python3)
  const own = vm.typeInfo(x).heap ? vm.lookupType(vm.typeInfo(x), "__bytes__") : null;
  if (own && own.obj) {
    const r = vm.callSpecial(x, "__bytes__", []);
    if (vm.kindOf(r) !== Kind.BYTES) {
      vm.decref(r);
      vm.typeError(`__bytes__ returned non-bytes (type ${vm.typeName(r)})`);
    }
    return r;
  }
  if (k === Kind.STR) vm.typeError("string argument without an encoding");
  if (k === Kind.BYTES) return vm.typeInfo(x).heap ? h.newBytes(h.readBytes(x)) : vm.newRef(x);
  if (k === Kind.BYTEARRAY) return fresh(vm, bufferOf(vm, x)!);
  const n = byteCount(vm, x, k);
  if (n !== null) {
    if (n < 0n) vm.raise("ValueError", "negative count");
    if (n > 1n << 28n) vm.raise("MemoryError");
    return fresh(vm, new Uint8Array(Number(n)));
  }
  const ti = vm.typeInfo(x);
  if (k === Kind.FLOAT || k === Kind.NONE || (!ti.heap && k !== Kind.LIST && k !== Kind.TUPLE && !isIterable(vm, x)) || iterSetToNone(vm, x)) {
    vm.typeError(`cannot convert '${ti.name}' object to bytes`);
  }
  const data = bytesFromObject(vm, x, "bytes");
  // a tuple is copied into a new object; a list or an iterator goes through the shared one-byte objects
  return k === Kind.TUPLE ? fresh(vm, data) : h.newBytes(data);
}

function isIterable(vm: VM, x: Obj): boolean {
  try {
    vm.decref(vm.getIter(x));
    return true;
  } catch (e) {
    if (e instanceof PyRaiseClass) {
      vm.decref(e.exc);
      return false;
    }
    throw e;
  }
}

function fresh(vm: VM, b: Uint8Array): Obj {
  return b.length ? vm.h.newBytesUncached!(b) : vm.h.newBytes(b);
}

/**
 * Methods shared by bytes and bytearray. `self` results: an exact bytes returns itself, a bytearray a
 * copy.
 */
export function commonMethods(vm: VM, tname: "bytes" | "bytearray", _names?: readonly string[]): Record<string, NativeFn> {
  const h = vm.h;
  const isBa = tname === "bytearray";
  const data = (o: Obj): Uint8Array => bufferOf(vm, o)!;
  const shared = (b: Uint8Array): Obj => (isBa ? newBytearray(vm, b) : h.newBytes(b));
  const made = (b: Uint8Array): Obj => (isBa ? newBytearray(vm, b) : fresh(vm, b));
  const self = (o: Obj): Obj => (isBa ? newBytearray(vm, data(o)) : vm.typeInfo(o).heap ? h.newBytes(data(o)) : vm.newRef(o));
  const mapBytes = (fn: (b: Uint8Array) => Uint8Array) => (args: Obj[]) => {
    argCount(vm, "method", args, 0, 0);
    return made(fn(data(args[0]!)));
  };
  const pred = (name: string, fn: (b: Uint8Array) => boolean): NativeFn => (args) => {
    argCount(vm, name, args, 0, 0);
    return vm.bool(fn(data(args[0]!)));
  };
  const find = (name: string, rev: boolean, raise: boolean): NativeFn => (args, kw) => {
    noKeywords(vm, name, kw);
    argCount(vm, name, args, 1, 3);
    const hay = latin1(data(args[0]!));
    const sub = needle(vm, args[1]!);
    const [a, b] = adjust(sliceArg(vm, args[2], 0), sliceArg(vm, args[3], hay.length), hay.length);
    let r = -1;
    if (b - a >= sub.length) {
      if (rev) {
        const i = hay.lastIndexOf(sub, b - sub.length);
        if (i >= a) r = i;
      } else {
        const i = hay.indexOf(sub, a);
        if (i >= 0 && i + sub.length <= b) r = i;
      }
    }
    if (r < 0 && raise) vm.raise("ValueError", "subsection not found");
    return vm.newInt(BigInt(r));
  };
  const strip = (name: string, left: boolean, right: boolean): NativeFn => (args) => {
    argCount(vm, name, args, 0, 1);
    const b = data(args[0]!);
    let set: Set<number> = WS;
    if (args[1] !== undefined && args[1] !== vm.None) set = new Set(needBuffer(vm, args[1]!));
    let i = 0;
    let j = b.length;
    if (left) while (i < j && set.has(b[i]!)) i++;
    if (right) while (j > i && set.has(b[j - 1]!)) j--;
    if (i === 0 && j === b.length) return self(args[0]!);
    return shared(b.subarray(i, j));
  };
  const fillArg = (name: string, o: Obj | undefined): number => {
    if (o === undefined) return 0x20;
    const f = bufferOf(vm, o);
    if (!f || f.length !== 1) {
      vm.typeError(`${name}() argument 2 must be a byte string of length 1, not ${vm.typeName(o)}`);
    }
    return f[0]!;
  };
  const widthArg = (o: Obj): number => {
    const k = vm.kindOf(o);
    if (k !== Kind.INT && k !== Kind.BOOL && !(vm.typeInfo(o).heap && vm.lookupType(vm.typeInfo(o), "__index__"))) {
      vm.typeError(`'${vm.typeName(o)}' object cannot be interpreted as an integer`);
    }
    const v = vm.index(o);
    if (v > 1n << 28n) vm.raise("MemoryError");
    return Number(v);
  };
  const pad = (name: string, where: "l" | "r" | "c"): NativeFn => (args, kw) => {
    noKeywords(vm, name, kw);
    argCount(vm, name, args, 1, 2);
    const b = data(args[0]!);
    const width = widthArg(args[1]!);
    const fill = fillArg(name, args[2]);
    if (width <= b.length) return self(args[0]!);
    const total = width - b.length;
    const left = where === "l" ? 0 : where === "r" ? total : (total >> 1) + (total & width & 1);
    const r = new Uint8Array(width).fill(fill);
    r.set(b, left);
    return made(r);
  };
  const split = (name: string, rev: boolean): NativeFn => (args, kw) => {
    const [sepO, maxO] = params(vm, name, args, kw, ["sep", "maxsplit"]);
    const b = data(args[0]!);
    const s = latin1(b);
    let max = maxO === undefined ? -1 : widthArg(maxO);
    if (max < 0) max = Number.MAX_SAFE_INTEGER;
    const parts: [number, number][] = [];
    if (sepO === undefined || sepO === vm.None) {
      if (!rev) {
        let i = 0;
        while (i < b.length) {
          while (i < b.length && WS.has(b[i]!)) i++;
          if (i === b.length) break;
          if (parts.length === max) {
            parts.push([i, b.length]);
            break;
          }
          let j = i;
          while (j < b.length && !WS.has(b[j]!)) j++;
          parts.push([i, j]);
          i = j;
        }
      } else {
        let j = b.length;
        while (j > 0) {
          while (j > 0 && WS.has(b[j - 1]!)) j--;
          if (j === 0) break;
          if (parts.length === max) {
            parts.push([0, j]);
            break;
          }
          let i = j;
          while (i > 0 && !WS.has(b[i - 1]!)) i--;
          parts.push([i, j]);
          j = i;
        }
        parts.reverse();
      }
    } else {
      const sep = latin1(needBuffer(vm, sepO));
      if (!sep.length) vm.raise("ValueError", "empty separator");
      if (!rev) {
        let i = 0;
        let n = 0;
        for (;;) {
          const j = n < max ? s.indexOf(sep, i) : -1;
          if (j < 0) break;
          parts.push([i, j]);
          i = j + sep.length;
          n++;
        }
        parts.push([i, s.length]);
      } else {
        let j = s.length;
        let n = 0;
        for (;;) {
          const i = n < max && j - sep.length >= 0 ? s.lastIndexOf(sep, j - sep.length) : -1;
          if (i < 0) break;
          parts.push([i + sep.length, j]);
          j = i;
          n++;
        }
        parts.push([0, j]);
        parts.reverse();
      }
    }
    const items = parts.map(([i, j]) => (i === 0 && j === b.length ? self(args[0]!) : shared(b.subarray(i, j))));
    return vm.listRoom(items, max > 10 ? 12 : max + 1);
  };
  const partition = (name: string, rev: boolean): NativeFn => (args) => {
    argCount(vm, name, args, 1, 1);
    const b = data(args[0]!);
    const sep = needBuffer(vm, args[1]!);
    if (!sep.length) vm.raise("ValueError", "empty separator");
    const s = latin1(b);
    const t = latin1(sep);
    const i = rev ? s.lastIndexOf(t) : s.indexOf(t);
    const empty = () => shared(new Uint8Array(0));
    if (i < 0) return h.newTupleSteal(rev ? [empty(), empty(), self(args[0]!)] : [self(args[0]!), empty(), empty()]);
    return h.newTupleSteal([shared(b.subarray(0, i)), isBa ? newBytearray(vm, sep) : vm.kindOf(args[1]!) === Kind.BYTES && !vm.typeInfo(args[1]!).heap ? vm.newRef(args[1]!) : h.newBytes(sep), shared(b.subarray(i + sep.length))]);
  };
  const affix = (name: string, suffix: boolean): NativeFn => (args) => {
    argCount(vm, name, args, 1, 1);
    const b = data(args[0]!);
    const p = needBuffer(vm, args[1]!);
    const s = latin1(b);
    const t = latin1(p);
    if (t.length && (suffix ? s.endsWith(t) : s.startsWith(t))) return shared(suffix ? b.subarray(0, b.length - p.length) : b.subarray(p.length));
    return self(args[0]!);
  };
  const tailmatch = (name: string, end: boolean): NativeFn => (args, kw) => {
    noKeywords(vm, name, kw);
    argCount(vm, name, args, 1, 3);
    const s = latin1(data(args[0]!));
    const [a, b] = adjust(sliceArg(vm, args[2], 0), sliceArg(vm, args[3], s.length), s.length);
    const one = (o: Obj): boolean => {
      const p = latin1(bufferOf(vm, o)!);
      if (b - a < p.length || a > s.length) return false;
      return end ? s.slice(b - p.length, b) === p : s.startsWith(p, a);
    };
    const x = args[1]!;
    if (vm.kindOf(x) === Kind.TUPLE) {
      for (const o of vm.tupleItems(x)) {
        if (!bufferOf(vm, o)) vm.typeError(`a bytes-like object is required, not '${vm.typeName(o)}'`);
        if (one(o)) return vm.bool(true);
      }
      return vm.bool(false);
    }
    if (!bufferOf(vm, x)) vm.typeError(`${name} first arg must be bytes or a tuple of bytes, not ${vm.typeName(x)}`);
    return vm.bool(one(x));
  };
  const caseMap = (fn: (c: number, prevCased: boolean, i: number) => number) => (b: Uint8Array) => {
    const r = new Uint8Array(b.length);
    let prev = false;
    for (let i = 0; i < b.length; i++) {
      r[i] = fn(b[i]!, prev, i);
      prev = isAlpha(b[i]!);
    }
    return r;
  };
  const table: Record<string, NativeFn> = {
    lower: mapBytes(caseMap((c) => (isUpper(c) ? c + 32 : c))),
    upper: mapBytes(caseMap((c) => (isLower(c) ? c - 32 : c))),
    swapcase: mapBytes(caseMap((c) => (isUpper(c) ? c + 32 : isLower(c) ? c - 32 : c))),
    capitalize: mapBytes(caseMap((c, _p, i) => (i === 0 ? (isLower(c) ? c - 32 : c) : isUpper(c) ? c + 32 : c))),
    title: mapBytes(caseMap((c, prev) => (prev ? (isUpper(c) ? c + 32 : c) : isLower(c) ? c - 32 : c))),
    isalnum: pred("isalnum", (b) => b.length > 0 && b.every((c) => isAlpha(c) || isDigit(c))),
    isalpha: pred("isalpha", (b) => b.length > 0 && b.every(isAlpha)),
    isascii: pred("isascii", (b) => b.every((c) => c < 0x80)),
    isdigit: pred("isdigit", (b) => b.length > 0 && b.every(isDigit)),
    isspace: pred("isspace", (b) => b.length > 0 && b.every((c) => WS.has(c))),
    islower: pred("islower", (b) => b.some(isLower) && !b.some(isUpper)),
    isupper: pred("isupper", (b) => b.some(isUpper) && !b.some(isLower)),
    istitle: pred("istitle", (b) => {
      let cased = false;
      let prev = false;
      for (const c of b) {
        if (isUpper(c)) {
          if (prev) return false;
          prev = cased = true;
        } else if (isLower(c)) {
          if (!prev) return false;
          prev = cased = true;
        } else prev = false;
      }
      return cased;
    }),
    find: find("find", false, false),
    rfind: find("rfind", true, false),
    index: find("index", false, true),
    rindex: find("rindex", true, true),
    count: (args, kw) => {
      noKeywords(vm, "count", kw);
      argCount(vm, "count", args, 1, 3);
      const hay = latin1(data(args[0]!));
      const sub = needle(vm, args[1]!);
      const [a, b] = adjust(sliceArg(vm, args[2], 0), sliceArg(vm, args[3], hay.length), hay.length);
      if (b - a < sub.length) return vm.newInt(0n);
      if (!sub.length) return vm.newInt(BigInt(b - a + 1));
      let n = 0;
      for (let i = hay.indexOf(sub, a); i >= 0 && i + sub.length <= b; i = hay.indexOf(sub, i + sub.length)) n++;
      return vm.newInt(BigInt(n));
    },
    startswith: tailmatch("startswith", false),
    endswith: tailmatch("endswith", true),
    strip: strip("strip", true, true),
    lstrip: strip("lstrip", true, false),
    rstrip: strip("rstrip", false, true),
    ljust: pad("ljust", "l"),
    rjust: pad("rjust", "r"),
    center: pad("center", "c"),
    zfill: (args) => {
      argCount(vm, "zfill", args, 1, 1);
      const b = data(args[0]!);
      const width = widthArg(args[1]!);
      if (width <= b.length) return self(args[0]!);
      const r = new Uint8Array(width).fill(0x30);
      r.set(b, width - b.length);
      if (b.length && (b[0] === 0x2b || b[0] === 0x2d)) {
        r[0] = b[0]!;
        r[width - b.length] = 0x30;
      }
      return made(r);
    },
    split: split("split", false),
    rsplit: split("rsplit", true),
    splitlines: (args, kw) => {
      const [keepO] = params(vm, "splitlines", args, kw, ["keepends"]);
      const keep = keepO !== undefined && vm.truthy(keepO);
      const b = data(args[0]!);
      const items: Obj[] = [];
      let i = 0;
      while (i < b.length) {
        let j = i;
        while (j < b.length && b[j] !== 0x0a && b[j] !== 0x0d) j++;
        let eol = j;
        if (j < b.length) eol = b[j] === 0x0d && b[j + 1] === 0x0a ? j + 2 : j + 1;
        const end = keep ? eol : j;
        items.push(i === 0 && end === b.length ? self(args[0]!) : shared(b.subarray(i, end)));
        i = eol;
      }
      return vm.listRoom(items, 0);
    },
    partition: partition("partition", false),
    rpartition: partition("rpartition", true),
    removeprefix: affix("removeprefix", false),
    removesuffix: affix("removesuffix", true),
    join: (args) => {
      argCount(vm, "join", args, 1, 1);
      if (!isIterable(vm, args[1]!)) vm.typeError("can only join an iterable");
      const items = vm.collect(args[1]!);
      try {
        const bufs = items.map((o, i) => {
          const b = bufferOf(vm, o);
          if (!b) vm.typeError(`sequence item ${i}: expected a bytes-like object, ${vm.typeName(o)} found`);
          if ((i & 0xffff) === 0xffff) vm.pollInterrupt();
          return b;
        });
        if (!isBa && items.length === 1 && vm.kindOf(items[0]!) === Kind.BYTES && !vm.typeInfo(items[0]!).heap) return vm.newRef(items[0]!);
        const sep = data(args[0]!);
        const total = bufs.reduce((n, b) => n + b.length, 0) + sep.length * Math.max(0, bufs.length - 1);
        const r = new Uint8Array(total);
        let p = 0;
        bufs.forEach((b, i) => {
          if (i) {
            r.set(sep, p);
            p += sep.length;
          }
          r.set(b, p);
          p += b.length;
        });
        return made(r);
      } finally {
        for (const o of items) vm.decref(o);
      }
    },
    replace: (args) => {
      argCount(vm, "replace", args, 2, 3);
      const b = data(args[0]!);
      const from = latin1(needBuffer(vm, args[1]!));
      const to = latin1(needBuffer(vm, args[2]!));
      let max = args[3] === undefined ? -1 : widthArg(args[3]!);
      if (max < 0) max = Number.MAX_SAFE_INTEGER;
      const s = latin1(b);
      if (max === 0 || (!from.length && !to.length)) return self(args[0]!);
      let out = "";
      let n = 0;
      if (!from.length) {
        for (let i = 0; i <= s.length; i++) {
          if (n < max) {
            out += to;
            n++;
          }
          if (i < s.length) out += s[i];
        }
      } else {
        let i = 0;
        for (;;) {
          const j = n < max ? s.indexOf(from, i) : -1;
          if (j < 0) break;
          out += s.slice(i, j) + to;
          i = j + from.length;
          n++;
        }
        if (!n) return self(args[0]!);
        out += s.slice(i);
      }
      return made(unlatin1(out));
    },
    expandtabs: (args, kw) => {
      const [tabO] = params(vm, "expandtabs", args, kw, ["tabsize"]);
      const tab = tabO === undefined ? 8 : widthArg(tabO);
      const b = data(args[0]!);
      const out: number[] = [];
      let col = 0;
      for (const c of b) {
        if (c === 0x09) {
          if (tab > 0) {
            const n = tab - (col % tab);
            for (let k = 0; k < n; k++) out.push(0x20);
            col += n;
          }
        } else {
          out.push(c);
          col = c === 0x0a || c === 0x0d ? 0 : col + 1;
        }
      }
      return made(Uint8Array.from(out));
    },
    translate: (args, kw) => {
      const [tableO, delO] = params(vm, "translate", args, kw, ["table", "delete"]);
      if (tableO === undefined) vm.typeError("translate() takes at least 1 argument (0 given)");
      const b = data(args[0]!);
      let tbl: Uint8Array | null = null;
      if (tableO !== vm.None) {
        tbl = needBuffer(vm, tableO);
        if (tbl.length !== 256) vm.raise("ValueError", "translation table must be 256 characters long");
      }
      const del = delO === undefined ? new Set<number>() : new Set(needBuffer(vm, delO));
      const out: number[] = [];
      let changed = false;
      for (const c of b) {
        if (del.has(c)) {
          changed = true;
          continue;
        }
        const t = tbl ? tbl[c]! : c;
        if (t !== c) changed = true;
        out.push(t);
      }
      if (!changed && !isBa && !vm.typeInfo(args[0]!).heap) return vm.newRef(args[0]!);
      return made(Uint8Array.from(out));
    },
    decode: (args, kw) => {
      const [encO, errO] = params(vm, "decode", args, kw, ["encoding", "errors"]);
      const codec = codecName(vm, encO, "utf-8");
      if (errO !== undefined && vm.kindOf(errO) !== Kind.STR) vm.typeError(`decode() argument 'errors' must be str, not ${vm.typeName(errO)}`);
      const errors = errO === undefined ? "strict" : vm.str(errO);
      return h.newStr(decodeBytes(vm, data(args[0]!), codec, errors));
    },
    hex: (args, kw) => {
      const [sepO, perO] = params(vm, "hex", args, kw, ["sep", "bytes_per_sep"]);
      const b = data(args[0]!);
      const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
      if (sepO === undefined) return h.newStr(hex);
      const sepB = vm.kindOf(sepO) === Kind.STR ? vm.str(sepO) : bufferOf(vm, sepO) ? latin1(bufferOf(vm, sepO)!) : null;
      if (sepB === null) vm.typeError(`sep must be str or bytes.`);
      if (sepB.length !== 1) vm.raise("ValueError", "sep must be length 1.");
      const per = perO === undefined ? 1 : widthArg(perO);
      const n = Math.abs(per);
      if (!n || b.length <= n) return h.newStr(hex);
      const groups: string[] = [];
      if (per > 0) for (let j = b.length; j > 0; j -= n) groups.unshift(hex.slice(Math.max(0, j - n) * 2, j * 2));
      else for (let i = 0; i < b.length; i += n) groups.push(hex.slice(i * 2, Math.min(b.length, i + n) * 2));
      return h.newStr(groups.join(sepB));
    },
  };
  return table;
}

function data(vm: VM, o: Obj): Uint8Array {
  return bufferOf(vm, o)!;
}

/**
 * bytes % args (PEP 461): %s/%b insert bytes-like objects (or __bytes__), %r/%a the ASCII repr, %c one
 * byte; the numeric conversions are those of str % args. Runs str's formatting over a latin-1 copy of
 * the template in which each bytes argument became the latin-1 str of its bytes.
 */
function bytesPercent(vm: VM, fmtBytes: Uint8Array, argsObj: Obj): Uint8Array {
  const h = vm.h;
  const fmt = latin1(fmtBytes);
  const isTuple = vm.kindOf(argsObj) === Kind.TUPLE;
  const args = isTuple ? vm.tupleItems(argsObj) : [argsObj];
  const made: Obj[] = [];
  const newArgs: Obj[] = [];
  let tpl = "";
  let ai = 0;
  const take = (): Obj => {
    if (ai >= args.length) vm.typeError("not enough arguments for format string");
    return args[ai++]!;
  };
  const asStr = (s: string): Obj => {
    const o = h.newStr(s);
    made.push(o);
    return o;
  };
  try {
    for (let i = 0; i < fmt.length; i++) {
      if (fmt[i] !== "%") {
        tpl += fmt[i];
        continue;
      }
      let j = i + 1;
      if (fmt[j] === "(") vm.typeError("format requires a mapping");
      while (j < fmt.length && "-+ #0".includes(fmt[j]!)) j++;
      if (fmt[j] === "*") {
        newArgs.push(take());
        j++;
      } else while (j < fmt.length && /\d/.test(fmt[j]!)) j++;
      if (fmt[j] === ".") {
        j++;
        if (fmt[j] === "*") {
          newArgs.push(take());
          j++;
        } else while (j < fmt.length && /\d/.test(fmt[j]!)) j++;
      }
      let spec = fmt.slice(i, j + 1);
      const conv = fmt[j];
      i = j;
      if (conv === "%") {
        tpl += "%%";
        continue;
      }
      if (conv === "s" || conv === "b") {
        const v = take();
        let b = bufferOf(vm, v);
        if (!b) {
          const ti = vm.typeInfo(v);
          if (!ti.heap || !vm.lookupType(ti, "__bytes__")) {
            vm.typeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${ti.name}'`);
          }
          const r = vm.callSpecial(v, "__bytes__", []);
          made.push(r);
          b = bufferOf(vm, r);
          if (!b) vm.typeError(`__bytes__ returned non-bytes (type ${vm.typeName(r)})`);
        }
        spec = spec.slice(0, -1) + "s";
        newArgs.push(asStr(latin1(b)));
      } else if (conv === "r" || conv === "a") {
        const r = vm.asciiObj(take());
        made.push(r);
        spec = spec.slice(0, -1) + "s";
        newArgs.push(r);
      } else if (conv === "c") {
        const v = take();
        const b = bufferOf(vm, v);
        if (b) {
          if (b.length !== 1) vm.typeError("%c requires an integer in range(256) or a single byte");
          newArgs.push(asStr(latin1(b)));
        } else {
          const k = vm.kindOf(v);
          if (k !== Kind.INT && k !== Kind.BOOL) vm.typeError("%c requires an integer in range(256) or a single byte");
          const n = vm.index(v);
          if (n < 0n || n > 255n) vm.raise("OverflowError", "%c arg not in range(256)");
          newArgs.push(asStr(String.fromCharCode(Number(n))));
        }
        spec = spec.slice(0, -1) + "s";
      } else newArgs.push(take());
      tpl += spec;
    }
    if (ai < args.length && !(vm.kindOf(argsObj) === Kind.DICT)) vm.typeError("not all arguments converted during bytes formatting");
    const t = asStr(tpl);
    const tup = h.newTuple(newArgs);
    made.push(tup);
    const r = vm.percentFormat(t, tup);
    made.push(r);
    return unlatin1(vm.str(r));
  } finally {
    for (const o of made) vm.decref(o);
  }
}

/** `a op b` where either side is a bytearray, or bytes with a bytearray (new reference, or 0). */
export function bufferBinary(vm: VM, a: Obj, b: Obj, op: number, inplace: boolean): Obj {
  const ka = vm.kindOf(a);
  if (op === 6) {
    if (ka !== Kind.BYTES && ka !== Kind.BYTEARRAY) return 0;
    const r = bytesPercent(vm, data(vm, a), b);
    return ka === Kind.BYTEARRAY ? newBytearray(vm, r) : vm.h.newBytes(r);
  }
  if (op === 0) {
    const x = bufferOf(vm, a);
    if (!x) return 0;
    const y = bufferOf(vm, b);
    if (!y) vm.typeError(`can't concat ${vm.typeName(b)} to ${vm.typeName(a)}`);
    const r = new Uint8Array(x.length + y.length);
    r.set(x);
    r.set(y, x.length);
    if (ka === Kind.BYTEARRAY) {
      if (inplace) {
        setBytearray(vm, a, r);
        return vm.newRef(a);
      }
      return newBytearray(vm, r);
    }
    return fresh(vm, r);
  }
  if (op === 5) {
    const seq = ka === Kind.BYTEARRAY ? a : b;
    const n = seq === a ? b : a;
    if (vm.kindOf(seq) !== Kind.BYTEARRAY) return 0;
    const tn = vm.typeInfo(n);
    // a class on the left of *= has sequence methods (none repeat): the right operand is left alone
    if (inplace && n === a && tn.heap) return 0;
    if (tn.kind !== Kind.INT && tn.kind !== Kind.BOOL) {
      // the count an int or, as for str, bytes, tuple and list, an object with __index__
      if (!(tn.heap && vm.lookupType(tn, "__index__")?.obj)) vm.typeError(`can't multiply sequence by non-int of type '${tn.name}'`);
    }
    let count = Number(vm.index(n));
    if (count < 0) count = 0;
    const x = bufferOf(vm, seq)!;
    if (x.length * count > 1 << 28) vm.raise("MemoryError");
    const r = new Uint8Array(x.length * count);
    for (let i = 0; i < count; i++) r.set(x, i * x.length);
    if (inplace && seq === a) {
      setBytearray(vm, a, r);
      return vm.newRef(a);
    }
    return newBytearray(vm, r);
  }
  return 0;
}

/**

/** x's class sets __iter__ = None, or is a plain class with neither __iter__ nor __getitem__, and x is no
 *  bytes or bytearray: no conversion to bytes (an instance of a bytes or bytearray subclass is read through
 *  its buffer, as in python3, whatever its __iter__). */
function iterSetToNone(vm: VM, x: Obj): boolean {
  const ti = vm.typeInfo(x);
  if (!ti.heap || ti.kind === Kind.BYTES || ti.kind === Kind.BYTEARRAY) return false;
  const it = vm.lookupType(ti, "__iter__");
  return it ? it.obj === vm.None : ti.kind === Kind.OBJECT && !vm.lookupType(ti, "__getitem__");
}

/** bytearray(...) for bytearray and its subclasses `t`: new reference. */
export function bytearrayNew(vm: VM, t: Obj, args: Obj[], kw: KwArgs | null): Obj {
    const [x, enc, errs] = params(vm, "bytearray", [0, ...args], kw, ["source", "encoding", "errors"]);
    let d: Uint8Array = new Uint8Array(0);
    let n: bigint | null;
    if (x !== undefined) {
      const k = vm.kindOf(x);
      if (enc !== undefined || errs !== undefined) {
        if (k !== Kind.STR) vm.typeError(enc !== undefined ? "encoding without a string argument" : "errors without a string argument");
        if (enc === undefined) vm.typeError("string argument without an encoding");
        d = encodeStr(vm, vm.str(x), enc, "bytearray", errs);
      } else if (k === Kind.STR) vm.typeError("string argument without an encoding");
      else if ((n = byteCount(vm, x, k)) !== null) {
        if (n < 0n) vm.raise("ValueError", "negative count");
        if (n > 1n << 28n) vm.raise("MemoryError");
        d = new Uint8Array(Number(n));
      } else if (k === Kind.FLOAT || k === Kind.NONE || iterSetToNone(vm, x)) vm.typeError(`cannot convert '${vm.typeName(x)}' object to bytearray`);
      else {
        d = bytesFromObject(vm, x, "bytearray");
        // python3 appends the items of an iterable one by one (but for an exact list or tuple): its room grows
        // as append's
        if (!bufferOf(vm, x) && vm.h.typeOf(x) !== vm.T.list && vm.h.typeOf(x) !== vm.T.tuple) {
          const o = newBytearray(vm, new Uint8Array(0), t);
          let a = 0;
          for (let i = 1; i <= d.length; i++) if (i >= a) a = bytearrayAlloc(a, i);
          setBytearray(vm, o, d);
          vm.h.setI32(o, BYTEARRAY_ALLOC, a);
          return o;
        }
      }
    } else if (enc !== undefined || errs !== undefined) {
      vm.typeError(enc !== undefined ? "encoding without a string argument" : "errors without a string argument");
    }
    return newBytearray(vm, d, t);
}

/** next() of a bytearray_iterator: the bytearray at NATIVE_A, the position at NATIVE_I; it sees later
 *  mutations. New reference, or 0 at the end. */
export function bytearrayNext(vm: VM, self: Obj): Obj {
  const h = vm.h;
    const ba = h.getSlot(self, L.NATIVE_A);
    if (!ba) return 0;
    const i = h.getI32(self, L.NATIVE_I);
    const b = data(vm, ba);
    if (i < b.length) {
      h.setI32(self, L.NATIVE_I, i + 1);
      return vm.newInt(BigInt(b[i]!));
    }
    h.setSlot(self, L.NATIVE_A, 0);
    return 0;
}

/** bytearray's methods (bytes' shared ones first), in the order bytes.ts installs them. */
export function bytearrayMethods(vm: VM, _common?: readonly string[], _own?: readonly string[]): Record<string, NativeFn> {
  const h = vm.h;
  const data = (o: Obj): Uint8Array => bufferOf(vm, o)!;
  // An index's or a slice's bounds are read first (their __index__ may resize the bytearray), then the
  // bytearray: its contents and length as they are after them, as python3 reads them.
  const idx = (self: Obj, o: Obj): [number, Uint8Array] => {
    const k = vm.kindOf(o);
    if (k !== Kind.INT && k !== Kind.BOOL && !(vm.typeInfo(o).heap && vm.lookupType(vm.typeInfo(o), "__index__"))) {
      vm.typeError(`bytearray indices must be integers or slices, not ${vm.typeName(o)}`);
    }
    let i = Number(vm.index(o));
    const b = data(self);
    if (i < 0) i += b.length;
    if (i < 0 || i >= b.length) vm.raise("IndexError", "bytearray index out of range");
    return [i, b];
  };
  const isSlice = (o: Obj) => h.typeOf(o) === vm.T.slice;
  const sliceIdx = (self: Obj, sl: Obj): [number[], Uint8Array] => {
    const [start, , step, cnt] = vm.sliceIndices(sl, () => data(self).length);
    const out: number[] = [];
    for (let i = 0, j = start; i < cnt; i++, j += step) out.push(j);
    return [out, data(self)];
  };
  return {
    ...commonMethods(vm, "bytearray"),
    __len__: (args) => vm.newInt(BigInt(data(args[0]!).length)),
    __sizeof__: (args) => vm.newInt(BigInt(vm.typeInfo(args[0]!).basicsize + h.getI32(args[0]!, BYTEARRAY_ALLOC))),
    __iter__: (args) => vm.iterRaw(args[0]!, vm.typeInfo(args[0]!)),
    __getitem__: (args) => {
      if (isSlice(args[1]!)) {
        const [where, b] = sliceIdx(args[0]!, args[1]!);
        return newBytearray(vm, Uint8Array.from(where.map((j) => b[j]!)));
      }
      const [i, b] = idx(args[0]!, args[1]!);
      return vm.newInt(BigInt(b[i]!));
    },
    __setitem__: (args) => {
      const self = args[0]!;
      const v = args[2]!;
      if (isSlice(args[1]!)) {
        // a value other than another bytearray is converted after the bounds are read, and the bounds are
        // read again after it (python3 converts it, then assigns it as a bytearray from the start)
        if (vm.kindOf(v) !== Kind.BYTEARRAY || v === self) vm.sliceIndices(args[1]!, () => data(self).length);
        if (vm.kindOf(v) === Kind.INT || vm.kindOf(v) === Kind.BOOL) vm.typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        const src = bytesFromObject(vm, v, "bytearray");
        const [start, stop, step, cnt] = vm.sliceIndices(args[1]!, () => data(self).length);
        const b = data(self);
        if (step === 1) {
          const lo = start;
          const hi = Math.max(start, stop);
          const r = new Uint8Array(b.length - (hi - lo) + src.length);
          r.set(b.subarray(0, lo));
          r.set(src, lo);
          r.set(b.subarray(hi), lo + src.length);
          setBytearray(vm, self, r);
          return vm.none();
        }
        if (cnt !== src.length) vm.raise("ValueError", `attempt to assign bytes of size ${src.length} to extended slice of size ${cnt}`);
        const r = b.slice();
        for (let n = 0; n < cnt; n++) r[start + n * step] = src[n]!;
        setBytearray(vm, self, r);
        return vm.none();
      }
      const [i, b] = idx(self, args[1]!);
      const r = b.slice();
      r[i] = byteValue(vm, v);
      setBytearray(vm, self, r);
      return vm.none();
    },
    __delitem__: (args) => {
      if (isSlice(args[1]!)) {
        const [where, b] = sliceIdx(args[0]!, args[1]!);
        const gone = new Set(where);
        setBytearray(vm, args[0]!, b.filter((_, j) => !gone.has(j)));
        return vm.none();
      }
      const [i, b] = idx(args[0]!, args[1]!);
      setBytearray(vm, args[0]!, b.filter((_, j) => j !== i));
      return vm.none();
    },
    __contains__: (args) => {
      const hay = latin1(data(args[0]!));
      return vm.bool(hay.includes(needle(vm, args[1]!)));
    },
    __iadd__: (args) => {
      const y = bufferOf(vm, args[1]!);
      if (!y) vm.typeError(`can't concat ${vm.typeName(args[1]!)} to bytearray`);
      const x = data(args[0]!);
      const r = new Uint8Array(x.length + y.length);
      r.set(x);
      r.set(y, x.length);
      setBytearray(vm, args[0]!, r);
      return vm.newRef(args[0]!);
    },
    append: (args) => {
      argCount(vm, "append", args, 1, 1);
      const v = byteValue(vm, args[1]!);
      const x = data(args[0]!);
      const r = new Uint8Array(x.length + 1);
      r.set(x);
      r[x.length] = v;
      setBytearray(vm, args[0]!, r);
      return vm.none();
    },
    extend: (args) => {
      argCount(vm, "extend", args, 1, 1);
      if (vm.kindOf(args[1]!) === Kind.INT || iterSetToNone(vm, args[1]!)) vm.typeError(`can't extend bytearray with ${vm.typeName(args[1]!)}`);
      const y = bytesFromObject(vm, args[1]!, "extend");
      const x = data(args[0]!);
      const r = new Uint8Array(x.length + y.length);
      r.set(x);
      r.set(y, x.length);
      setBytearray(vm, args[0]!, r);
      return vm.none();
    },
    insert: (args) => {
      argCount(vm, "insert", args, 2, 2);
      const x = data(args[0]!);
      let i = Number(vm.index(args[1]!));
      const v = byteValue(vm, args[2]!);
      if (i < 0) i = Math.max(0, i + x.length);
      if (i > x.length) i = x.length;
      const r = new Uint8Array(x.length + 1);
      r.set(x.subarray(0, i));
      r[i] = v;
      r.set(x.subarray(i), i + 1);
      setBytearray(vm, args[0]!, r);
      return vm.none();
    },
    pop: (args) => {
      argCount(vm, "pop", args, 0, 1);
      const x = data(args[0]!);
      if (!x.length) vm.raise("IndexError", "pop from empty bytearray");
      let i = args[1] === undefined ? -1 : Number(vm.index(args[1]!));
      if (i < 0) i += x.length;
      if (i < 0 || i >= x.length) vm.raise("IndexError", "pop index out of range");
      const v = x[i]!;
      setBytearray(vm, args[0]!, x.filter((_, j) => j !== i));
      return vm.newInt(BigInt(v));
    },
    remove: (args) => {
      argCount(vm, "remove", args, 1, 1);
      const v = byteValue(vm, args[1]!);
      const x = data(args[0]!);
      const i = x.indexOf(v);
      if (i < 0) vm.raise("ValueError", "value not found in bytearray");
      setBytearray(vm, args[0]!, x.filter((_, j) => j !== i));
      return vm.none();
    },
    reverse: (args) => {
      argCount(vm, "reverse", args, 0, 0);
      setBytearray(vm, args[0]!, data(args[0]!).slice().reverse());
      return vm.none();
    },
    clear: (args) => {
      argCount(vm, "clear", args, 0, 0);
      setBytearray(vm, args[0]!, new Uint8Array(0));
      return vm.none();
    },
    copy: (args) => {
      argCount(vm, "copy", args, 0, 0);
      return newBytearray(vm, data(args[0]!));
    },
  };
}
