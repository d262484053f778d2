/**
 * int.from_bytes(bytes, byteorder='big', *, signed=False), on the class it is called on: its argument read
 * through bytes() as python3's PyObject_Bytes does; int.to_bytes. Kept apart so that the page loads them on
 * demand.
 */
import type { Obj } from "../vm/heap-api.js";
import { Kind, type KwArgs } from "../vm/types.js";
import type { VM } from "../vm/vm.js";
import { kwarg } from "./functions.js";

export function intFromBytes(vm: VM, args: Obj[], kw: KwArgs | null): Obj {
  const h = vm.h;
  if (args.length > 3) vm.typeError(`from_bytes() takes at most 2 positional arguments (${args.length - 1} given)`);
  let [cls, src, order] = args;
  let signed: Obj = 0;
  kw?.names.forEach((n, i) => {
    const v = kw.values[i];
    if (n === "signed") signed = v;
    else if ((n === "bytes" && !src) || (n === "byteorder" && !order)) n === "bytes" ? (src = v) : (order = v);
    else if (n === "bytes" || n === "byteorder") vm.typeError(`argument for from_bytes() given by name ('${n}') and position (${n === "bytes" ? 1 : 2})`);
    else vm.typeError(`from_bytes() got an unexpected keyword argument '${n}'`);
  });
  if (!src) vm.typeError("from_bytes() missing required argument 'bytes' (pos 1)");
  if (order && vm.kindOf(order) !== Kind.STR) vm.typeError(`from_bytes() argument 'byteorder' must be str, not ${vm.typeName(order)}`);
  const o = order ? vm.str(order) : "big";
  if (o !== "big" && o !== "little") vm.raise("ValueError", "byteorder must be either 'little' or 'big'");
  // PyObject_Bytes: bytes as they are, anything else through bytes() (not a str or an int)
  const k = vm.kindOf(src);
  let bts: Uint8Array;
  if (k === Kind.BYTES) bts = h.readBytes(src);
  else {
    if (k === Kind.STR || k === Kind.INT || k === Kind.BOOL) vm.typeError(`cannot convert '${vm.typeName(src)}' object to bytes`);
    const b = vm.call(vm.T.bytes, [src]);
    bts = h.readBytes(b);
    vm.decref(b);
  }
  let v = 0n;
  const arr = o === "big" ? [...bts] : [...bts].reverse();
  for (const b of arr) v = (v << 8n) | BigInt(b);
  if (signed && vm.truthy(signed) && arr.length && arr[0] >= 128) v -= 1n << BigInt(8 * arr.length);
  const r = vm.newInt(v);
  if (cls === vm.T.int) return r;
  try {
    return vm.call(cls, [r]);
  } finally {
    vm.decref(r);
  }
}

/** int.to_bytes(length=1, byteorder='big', *, signed=False). */
export function intToBytes(vm: VM, args: Obj[], kw: KwArgs | null): Obj {
  const h = vm.h;
  if (args.length > 3) vm.typeError(`to_bytes() takes at most 2 positional arguments (${args.length - 1} given)`);
  const v = h.readInt(args[0]);
  const lenO = args[1] ?? kwarg(kw, "length");
  const len = lenO ? Number(vm.index(lenO)) : 1;
  if (len < 0) vm.raise("ValueError", "length argument must be non-negative");
  const order = args[2] ?? kwarg(kw, "byteorder");
  const ord = order ? vm.str(order) : "big";
  if (ord !== "big" && ord !== "little") vm.raise("ValueError", "byteorder must be either 'little' or 'big'");
  const big = ord === "big";
  const signedO = kwarg(kw, "signed");
  const signed = !!signedO && vm.truthy(signedO);
  if (!signed && v < 0n) vm.raise("OverflowError", "can't convert negative int to unsigned");
  const bits = BigInt(8 * len);
  if (signed ? v >= 1n << (bits - 1n) || v < -(1n << (bits - 1n)) : v >= 1n << bits) {
    if (len > 0 || v !== 0n) vm.raise("OverflowError", "int too big to convert");
  }
  const out = new Uint8Array(len);
  let x = BigInt.asUintN(8 * len, v);
  for (let i = 0; i < len; i++) {
    out[big ? len - 1 - i : i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return h.newBytes(out);
}
