/**
 * bytes and bytearray at bootstrap: their methods, bytearray's constructor and iterator type, and the binary
 * operations with a bytearray, installed on the VM. The bodies live in bytes-impl.ts; this file creates
 * everything bootstrap creates (the natives' entries, in this order, the iterator type) and hands each
 * call on. A page's build of the interpreter replaces bytes-impl.ts by forwarders that fetch it when a
 * program first needs it (apps/web/src/python-sources.ts): every name, table and type made here is the
 * same in both builds, so the heap after bootstrap is too.
 *
 * A bytearray is a non-GC object whose contents live in a bytes object in its slot at offset 24 (b'' when
 * empty); each mutation puts a new bytes object there.
 */
import type { Obj } from "../vm/heap-api.js";
import { Kind, type KwArgs } from "../vm/types.js";
import { PyRaise, type VM } from "../vm/vm.js";
import * as L from "../vm/layouts.js";
import {
  bufferBinary,
  bytearrayMethods,
  bytearrayNew,
  bytearrayNext,
  bytesNew as bytesNewImpl,
  codecName as codecNameImpl,
  commonMethods,
  decodeBytes as decodeBytesImpl,
  encodeStr as encodeStrImpl,
  fromhex,
  linkBytes,
  maketrans,
} from "./bytes-impl.js";

export { BYTEARRAY_DATA, bufferOf } from "./bytes-buffer.js";

declare module "../vm/vm.js" {
  interface VM {
    /** Binary operations with a bytearray or a bytes-like right operand (new reference, or 0). */
    bufferBinary?: (a: Obj, b: Obj, op: number, inplace: boolean) => Obj;
  }
}

/** The methods bytes and bytearray share, in the order they are installed (bytes-impl.ts's commonMethods). */
export const COMMON_METHODS = (
  "lower upper swapcase capitalize title isalnum isalpha isascii isdigit isspace islower isupper " +
  "istitle find rfind index rindex count startswith endswith strip lstrip rstrip ljust rjust center " +
  "zfill split rsplit splitlines partition rpartition removeprefix removesuffix join replace expandtabs " +
  "translate decode hex"
).split(" ");
/** bytearray's own methods, after the shared ones (bytes-impl.ts's bytearrayMethods). */
export const BYTEARRAY_METHODS = (
  "__len__ __sizeof__ __iter__ __getitem__ __setitem__ __delitem__ __contains__ __iadd__ " +
  "append extend insert pop remove reverse clear copy"
).split(" ");

/**
 * Install the methods of bytes (and the operations shared with bytearray) on the VM.
 */
export function installBytes(vm: VM): void {
  linkBytes(PyRaise);
  vm.methods("bytes", commonMethods(vm, "bytes", COMMON_METHODS));
  const fh = vm.defineNative("fromhex", (args) => fromhex(vm, args), { qualname: "bytes.fromhex", method: true });
  vm.infoOfType(vm.T.bytes).methods.set("fromhex", fh);
  vm.classMethods ??= new Set();
  vm.classMethods.add(fh);
  // a static method in CPython: bound here to the type (or instance), which it ignores
  const mt = vm.defineNative("maketrans", (args) => maketrans(vm, args), { qualname: "bytes.maketrans", method: true });
  vm.infoOfType(vm.T.bytes).methods.set("maketrans", mt);
  vm.classMethods.add(mt);
  vm.typeEpoch++;
  vm.bufferBinary = (a, b, op, inplace) => bufferBinary(vm, a, b, op, inplace);
}

/**
 * Install bytearray's constructor and methods (after its type exists).
 */
export function installBytearray(vm: VM): void {
  vm.ctors.set(vm.T.bytearray, (t, args, kw) => bytearrayNew(vm, t, args, kw));
  // bytearray_iterator: the bytearray at NATIVE_A, the position at NATIVE_I; it sees later mutations
  const iti = vm.nativeType("bytearray_iterator", Kind.ITER, { basicsize: 56, gc: true, refSlots: [L.NATIVE_A, L.NATIVE_B, L.NATIVE_C] }, "object", { baseType: false });
  iti.basicsize = 32;
  iti.nextFn = (self) => bytearrayNext(vm, self);
  vm.methods("bytearray", bytearrayMethods(vm, COMMON_METHODS, BYTEARRAY_METHODS));
  for (const n of ["fromhex", "maketrans"]) {
    const f = vm.infoOfType(vm.T.bytes).methods.get(n);
    if (f !== undefined) vm.infoOfType(vm.T.bytearray).methods.set(n, f);
  }
  vm.typeEpoch++;
}

/** str.encode / bytes(str, encoding[, errors]) (see bytes-impl.ts). */
export function encodeStr(vm: VM, s: string, encO: Obj | undefined, fname: string, errO?: Obj): Uint8Array {
  return encodeStrImpl(vm, s, encO, fname, errO);
}

/** bytes(x) / bytes(str, encoding[, errors]) for exact bytes: new reference (see bytes-impl.ts). */
export function bytesNew(vm: VM, args: Obj[], kw: KwArgs | null): Obj {
  return bytesNewImpl(vm, args, kw);
}

/** The codec an `encoding` argument names (see bytes-impl.ts). */
export function codecName(vm: VM, o: Obj | undefined, dflt: string): string {
  return codecNameImpl(vm, o, dflt);
}

/** `b` decoded by `codec` (see bytes-impl.ts). */
export function decodeBytes(vm: VM, b: Uint8Array, codec: string, errors: string): string {
  return decodeBytesImpl(vm, b, codec, errors);
}
