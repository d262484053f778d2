/**
 * A dict's items read straight from heap memory, in iteration order, without a core call per entry (the
 * recorder reads the first items of every changed dict on every step that changes it).
 *
 * Layout (packages/core/assembly/object/dict.ts): the dict points to its keys object (DICT_KEYS); the keys
 * object holds dk_nentries entries after 2^dk_log2_index_bytes index bytes, each (key, value) in a
 * "unicode" table or (hash, key, value) in a general one, 8 bytes per field; an entry whose value is NULL
 * was deleted. A split dict (an instance's materialised __dict__, DICT_VALUES set) shares its class's
 * keys object and keeps its values in a values array indexed like those keys, in the insertion order the
 * bytes before the array record (count at -2, slot indexes from -3 downwards).
 */
import { abi } from "@pyheap/heap";
import type { Obj } from "../vm/heap-api.js";

/**
 * Fills `keys` and `values` with the first `max` items of dict `d` (borrowed) and returns how many it
 * wrote. `mem` is the heap memory as 32-bit words.
 */
export function dictItems(mem: Int32Array, d: Obj, max: number, keys: Obj[], values: Obj[]): number {
  const k = mem[(d + abi.DICT_KEYS) >>> 2]! >>> 0;
  if (!k) return 0;
  const n = mem[(k + abi.DK_NENTRIES) >>> 2]!;
  // dk_log2_index_bytes and dk_kind are bytes 9 and 10 of the keys object (little-endian word at +8)
  const flags = mem[(k + 8) >>> 2]!;
  const log2Index = (flags >>> (8 * (abi.DK_LOG2_INDEX_BYTES - 8))) & 0xff;
  const unicode = ((flags >>> (8 * (abi.DK_KIND - 8))) & 0xff) === abi.DK_KIND_UNICODE;
  const size = unicode ? 16 : 24;
  const keyAt = unicode ? 0 : 8;
  const valueAt = unicode ? 8 : 16;
  let entry = k + abi.DK_INDICES + (1 << log2Index);
  const split = mem[(d + abi.DICT_VALUES) >>> 2]! >>> 0;
  if (split) {
    const bytes = new Uint8Array(mem.buffer);
    const used = Math.min(bytes[split - 2]!, max);
    for (let j = 0; j < used; j++) {
      const ix = bytes[split - 3 - j]!;
      keys[j] = mem[(entry + size * ix + keyAt) >>> 2]! >>> 0;
      values[j] = mem[(split + 8 * ix) >>> 2]! >>> 0;
    }
    return used;
  }
  let count = 0;
  for (let ix = 0; ix < n && count < max; ix++, entry += size) {
    const v = mem[(entry + valueAt) >>> 2]! >>> 0;
    if (!v) continue;
    keys[count] = mem[(entry + keyAt) >>> 2]! >>> 0;
    values[count] = v;
    count++;
  }
  return count;
}
