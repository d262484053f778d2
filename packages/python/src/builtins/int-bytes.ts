/**
 * int.from_bytes(bytes, byteorder='big', *, signed=False), on the class it is called on: its argument read
 * through bytes() as python3's PyObject_Bytes does. Kept apart so that the page loads it on demand.
 */
import type { Obj } from "../vm/heap-api.js";
import { Kind, type KwArgs } from "../vm/types.js";
import type { VM } from "../vm/vm.js";

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
