// The core's own free lists (CPython 3.11 capacities): float 100, tuple 2000 per length 1..20 (lengths
// 1..19 are taken back, 20 only parked), list 80, dict 80, dict keys 80. Each list is (head u32, len i32).
import { sysAlloc } from "../mem/sys";
import { memFree } from "../mem/alloc";
import { flClear, flLen } from "./alloc";

export const FLOAT_MAXFREELIST: i32 = 100;
export const TUPLE_NFREELISTS: i32 = 20;
export const TUPLE_MAXSAVESIZE: i32 = 20;
export const TUPLE_MAXFREELIST: i32 = 2000;
export const LIST_MAXFREELIST: i32 = 80;
export const DICT_MAXFREELIST: i32 = 80;
export const KEYS_MAXFREELIST: i32 = 80;

export let flFloat: usize = 0;
export let flList: usize = 0;
export let flDict: usize = 0;
export let flKeys: usize = 0;
let flTuples: usize = 0;

export function freelistsInit(): void {
  const base = sysAlloc(8 * (4 + TUPLE_NFREELISTS));
  flFloat = base;
  flList = base + 8;
  flDict = base + 16;
  flKeys = base + 24;
  flTuples = base + 32;
}

/** The tuple free list for tuples of length n (1..20). */
@inline export function flTuple(n: i32): usize {
  return flTuples + (<usize>(n - 1) << 3);
}

/** What a full collection does to the free lists (the slice cache and registered KEEP lists survive). */
export function freelistsClearAll(): void {
  flClear(flFloat);
  for (let n = 1; n <= TUPLE_NFREELISTS; n++) flClear(flTuple(n));
  flClear(flList);
  flClear(flDict);
  // dict keys tables are not objects: released by their own function
  let k = <usize>load<u32>(flKeys);
  while (k != 0) {
    const next = <usize>load<u32>(k, 12);
    memFree(k);
    k = next;
  }
  store<u32>(flKeys, 0);
  store<i32>(flKeys, 0, 4);
}

export { flLen };
