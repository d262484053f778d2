// Instances of classes without __slots__ (Py_TPFLAGS_MANAGED_DICT): two pre-header words before the GC
// head. MANAGED_VALUES points to a values array indexed like the class's shared keys (TP_CACHED_KEYS);
// MANAGED_DICT holds the __dict__ once it is materialized (a split dict that took over the values array).
//
// Values array (a PyMem block, laid out as CPython's): `prefix` = round8(size + 2) bytes before the
// values; the last prefix byte holds the prefix size, the one before it the number of attributes set,
// and the bytes before that the slot indexes in insertion order (for __dict__ order). The capacity is
// what the block holds after the prefix (slack slots stay NULL). Deallocation, traversal and clearing go
// in slot order, as CPython's do.
import { MANAGED_VALUES, MANAGED_DICT, TP_CACHED_KEYS, STATUS_NO_MEMORY, STATUS_NOT_FOUND } from "../../abi/abi";
import { memAlloc, memBlockSize } from "../mem/alloc";
import { tooBig, setStatus, zero8 } from "../common";
import { getRef, setRef, incref, typeOf } from "./header";
import { decref, valuesCapacity, valuesFree } from "../refcount";
import { tStr } from "./types";
import {
  sharedKeysNew, keysLookupStr, keysInsertStr, keysNentries, keysUsable, keysSetUsable, keysNameAt,
  dictNewDisplay, dictNewSplit, dictSetItem, dictGetItem, dictDelItem,
} from "./dict";

@inline function prefixOf(values: usize): usize {
  return <usize>load<u8>(values - 1);
}
@inline function orderCount(values: usize): u32 {
  return load<u8>(values - 2);
}
@inline function orderAt(values: usize, i: u32): u32 {
  return load<u8>(values - 3 - <usize>i);
}

/** Gives o a values array of `size` NULL slots; false on no memory. */
export function valuesNew(o: usize, size: u32): bool {
  if (tooBig(size, 8) || size > 250) {
    setStatus(STATUS_NO_MEMORY);
    return false;
  }
  const old = getRef(o + MANAGED_VALUES);
  if (old != 0) {
    // replacing an array: release what it holds first
    setRef(o + MANAGED_VALUES, 0);
    const cap = valuesCapacity(old);
    for (let i: u32 = 0; i < cap; i++) {
      const x = getRef(old + (<usize>i << 3));
      if (x != 0) decref(x);
    }
    valuesFree(old);
  }
  const prefix = (<usize>size + 2 + 7) & ~(<usize>7);
  const mem = memAlloc(prefix + (<usize>size << 3));
  if (mem == 0) return false;
  zero8(mem, memBlockSize(mem));
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

/** Stores value (borrowed; 0 clears) in slot i, releasing the previous one and keeping the insertion
 *  order. false if out of range. */
export function valuesSet(o: usize, i: u32, value: usize): bool {
  const v = getRef(o + MANAGED_VALUES);
  if (v == 0 || i >= valuesCapacity(v)) return false;
  const p = v + (<usize>i << 3);
  const old = getRef(p);
  if (value != 0) incref(value);
  setRef(p, value);
  const n = orderCount(v);
  if (old == 0 && value != 0) {
    store<u8>(v - 3 - <usize>n, <u8>i);
    store<u8>(v - 2, <u8>(n + 1));
  } else if (old != 0 && value == 0) {
    let j: u32 = 0;
    while (j < n && orderAt(v, j) != i) j++;
    for (; j + 1 < n; j++) store<u8>(v - 3 - <usize>j, <u8>orderAt(v, j + 1));
    store<u8>(v - 2, <u8>(n - 1));
  }
  if (old != 0) decref(old);
  return true;
}

/** Frees the values array without releasing its values (they were moved into a dict). */
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
  // a materialized dict replaces the values array (whatever is left in it is released)
  const v = getRef(o + MANAGED_VALUES);
  if (v != 0) {
    setRef(o + MANAGED_VALUES, 0);
    const cap = valuesCapacity(v);
    for (let i: u32 = 0; i < cap; i++) {
      const x = getRef(v + (<usize>i << 3));
      if (x != 0) decref(x);
    }
    valuesFree(v);
  }
  const old = getRef(o + MANAGED_DICT);
  if (d != 0) incref(d);
  setRef(o + MANAGED_DICT, d);
  if (old != 0) decref(old);
}

// ── attributes through the class's shared keys (CPython 3.11's managed dicts) ───────────────

/** The class's shared keys, created on first use. */
function cachedKeys(t: usize): usize {
  let k = <usize>load<u32>(t + TP_CACHED_KEYS);
  if (k == 0) {
    k = sharedKeysNew();
    store<u32>(t + TP_CACHED_KEYS, <u32>k);
  }
  return k;
}

/** init_inline_values: a new instance takes one usable entry from its class's shared keys (while more
 *  than one is left) and gets a values array of nentries + usable slots. */
export function instInitValues(o: usize): bool {
  const k = cachedKeys(typeOf(o));
  if (k == 0) return false;
  if (keysUsable(k) > 1) keysSetUsable(k, keysUsable(k) - 1);
  return valuesNew(o, <u32>(keysNentries(k) + keysUsable(k)));
}

/** The __dict__, materialized on first use (make_dict_from_instance_attributes): a split dict over the
 *  class's shared keys that takes the instance's values array, so sys.getsizeof counts the values the
 *  shared keys have room for (not the keys); BORROWED. 0 on no memory. */
export function instMaterializeDict(o: usize): usize {
  const d0 = getRef(o + MANAGED_DICT);
  if (d0 != 0) return d0;
  const v = getRef(o + MANAGED_VALUES);
  let d: usize;
  if (v != 0) {
    d = dictNewSplit(cachedKeys(typeOf(o)), v, <i32>orderCount(v));
    if (d == 0) return 0;
    setRef(o + MANAGED_VALUES, 0);
  } else {
    d = dictNewDisplay();
    if (d == 0) return 0;
  }
  setRef(o + MANAGED_DICT, d);
  return d;
}

/** o.name: BORROWED value, or 0 with STATUS_NOT_FOUND (or an error status from the dict). */
export function instAttrGet(o: usize, name: usize): usize {
  const d = getRef(o + MANAGED_DICT);
  if (d != 0) return dictGetItem(d, name);
  const v = getRef(o + MANAGED_VALUES);
  if (v != 0 && typeOf(name) == tStr) {
    const k = <usize>load<u32>(typeOf(o) + TP_CACHED_KEYS);
    if (k != 0) {
      const ix = keysLookupStr(k, name);
      if (ix >= 0 && <u32>ix < valuesCapacity(v)) {
        const x = getRef(v + (<usize>ix << 3));
        if (x != 0) return x;
      }
    }
  }
  setStatus(STATUS_NOT_FOUND);
  return 0;
}

/** o.name = value (value borrowed) or, with value 0, del o.name. true, or false with STATUS_NOT_FOUND
 *  (deleting a missing attribute), STATUS_NO_MEMORY or an error status. The name joins the class's
 *  shared keys while they have room; otherwise the __dict__ is materialized (as CPython does). */
export function instAttrSet(o: usize, name: usize, value: usize): bool {
  let d = getRef(o + MANAGED_DICT);
  if (d == 0) {
    const v = getRef(o + MANAGED_VALUES);
    if (v != 0) {
      let ix: i32 = -1;
      if (typeOf(name) == tStr) {
        const k = cachedKeys(typeOf(o));
        ix = value != 0 ? keysInsertStr(k, name) : keysLookupStr(k, name);
        if (ix >= 0 && <u32>ix >= valuesCapacity(v)) ix = -1;
      }
      if (ix >= 0) {
        if (value == 0 && getRef(v + (<usize>ix << 3)) == 0) {
          setStatus(STATUS_NOT_FOUND);
          return false;
        }
        valuesSet(o, <u32>ix, value);
        return true;
      }
      if (value == 0) {
        setStatus(STATUS_NOT_FOUND);
        return false;
      }
    }
    d = instMaterializeDict(o);
    if (d == 0) return false;
  }
  if (value == 0) return dictDelItem(d, name);
  return dictSetItem(d, name, value);
}

