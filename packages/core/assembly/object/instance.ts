// Instances of classes without __slots__ (Py_TPFLAGS_MANAGED_DICT): two pre-header words before the GC
// head. MANAGED_VALUES points to a values array (attribute values in the order of the class's shared
// keys, which the interpreter keeps); MANAGED_DICT holds the __dict__ once it is materialized. The values
// array is a PyMem block laid out like CPython's: `prefix` bytes (the last one holds the prefix size; we
// keep the capacity in the first word) then `capacity` 8-byte slots.
import { MANAGED_VALUES, MANAGED_DICT } from "../../abi/abi";
import { memAlloc } from "../mem/alloc";
import { tooBig } from "../common";
import { getRef, setRef, incref } from "./header";
import { decref, valuesCapacity, valuesFree } from "../refcount";

/** Gives o a values array of `size` NULL slots (replacing none); false on no memory. */
export function valuesNew(o: usize, size: u32): bool {
  if (tooBig(size, 8)) return false;
  const prefix = (<usize>size + 2 + 7) & ~(<usize>7);
  const mem = memAlloc(prefix + (<usize>size << 3));
  if (mem == 0) return false;
  memory.fill(mem, 0, prefix + (<usize>size << 3));
  store<u32>(mem, size);
  store<u8>(mem + prefix - 1, <u8>prefix);
  setRef(o + MANAGED_VALUES, mem + prefix);
  return true;
}

/** Value slot i (borrowed; 0 if empty or no values array). */
export function valuesGet(o: usize, i: u32): usize {
  const v = getRef(o + MANAGED_VALUES);
  if (v == 0 || i >= valuesCapacity(v)) return 0;
  return getRef(v + (<usize>i << 3));
}

/** Stores value (borrowed; 0 clears) in slot i, releasing the previous one. false if out of range. */
export function valuesSet(o: usize, i: u32, value: usize): bool {
  const v = getRef(o + MANAGED_VALUES);
  if (v == 0 || i >= valuesCapacity(v)) return false;
  const p = v + (<usize>i << 3);
  const old = getRef(p);
  if (value != 0) incref(value);
  setRef(p, value);
  if (old != 0) decref(old);
  return true;
}

/** Frees the values array without releasing its values (the interpreter moved them into a dict). */
export function valuesDetach(o: usize): void {
  const v = getRef(o + MANAGED_VALUES);
  if (v == 0) return;
  setRef(o + MANAGED_VALUES, 0);
  valuesFree(v);
}

export function valuesCap(o: usize): u32 {
  const v = getRef(o + MANAGED_VALUES);
  return v == 0 ? 0 : valuesCapacity(v);
}

/** The materialized __dict__ (borrowed, 0 if none). */
export function managedDictGet(o: usize): usize {
  return getRef(o + MANAGED_DICT);
}
/** Sets the materialized __dict__ (borrowed; the instance takes a reference), releasing the previous. */
export function managedDictSet(o: usize, d: usize): void {
  const old = getRef(o + MANAGED_DICT);
  if (d != 0) incref(d);
  setRef(o + MANAGED_DICT, d);
  if (old != 0) decref(old);
}
