/**
 * The contents of bytes and bytearray objects, for the interpreter's own code (bytes.ts, the builtins)
 * and for bytes-impl.ts alike.
 */
import type { Obj } from "../vm/heap-api.js";
import { Kind } from "../vm/types.js";
import type { VM } from "../vm/vm.js";

/** The slot of a bytearray that holds its contents (a bytes object, or 0 for none). */
export const BYTEARRAY_DATA = 24;

/** The contents of a bytes or bytearray object, or null for anything else. */
export function bufferOf(vm: VM, o: Obj): Uint8Array | null {
  const k = vm.kindOf(o);
  if (k === Kind.BYTES) return vm.h.readBytes(o);
  if (k === Kind.BYTEARRAY) {
    const d = vm.h.getSlot(o, BYTEARRAY_DATA);
    return d ? vm.h.readBytes(d) : new Uint8Array(0);
  }
  return null;
}
