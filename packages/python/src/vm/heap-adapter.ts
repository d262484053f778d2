/**
 * Adapts a loaded `@pyheap/heap` Heap to the VM's HeapApi: positional dict/set iteration and the other
 * raw core exports the typed binding does not wrap, translated to the VM's names.
 */
import { abi, type Heap } from "@pyheap/heap";
import type { HeapApi, Obj } from "./heap-api.js";
import { missingHeapFunctions } from "./heap-api.js";

/** Wrap a Heap; throws when the heap lacks a function the VM needs. */
export function adaptHeap(heap: Heap): HeapApi {
  const core = heap.core as unknown as Record<string, (...a: number[]) => number>;
  const h = heap as unknown as HeapApi & Record<string, unknown>;
  const missing = missingHeapFunctions(h as unknown as Record<string, unknown>);
  if (missing.length) throw new Error(`the heap lacks ${missing.join(", ")}`);
  const extra: Partial<HeapApi> = {
    dictNext: (d: Obj, pos: number) => core.dict_next(d, pos + 1),
    dictKeyAt: (d: Obj, pos: number) => core.dict_key_at(d, pos) >>> 0,
    dictValueAt: (d: Obj, pos: number) => core.dict_value_at(d, pos) >>> 0,
    dictClear: (d: Obj) => void core.dict_clear(d),
    dictCopy: (d: Obj) => core.dict_copy(d) >>> 0,
    setNext: (s: Obj, pos: number) => core.set_next(s, pos + 1),
    setKeyAt: (s: Obj, pos: number) => core.set_key_at(s, pos) >>> 0,
    setLen: (s: Obj) => core.set_len(s),
    setClear: (s: Obj) => void core.set_clear(s),
  };
  for (const [k, v] of Object.entries(extra)) {
    if (typeof (h as Record<string, unknown>)[k] !== "function") (h as Record<string, unknown>)[k] = v;
  }
  return h;
}

/** The type-object offsets the VM uses, from the shared ABI. */
export function abiOffsets() {
  return {
    TP_NAME: abi.TP_NAME,
    TP_BASE: abi.TP_BASE,
    TP_BASES: abi.TP_BASES,
    TP_MRO: abi.TP_MRO,
    TP_DICT: abi.TP_DICT,
    TP_VM0: abi.TP_VM0,
    TP_VMI0: abi.TP_VMI0,
    MANAGED_DICT: abi.MANAGED_DICT,
  };
}
