// Descriptors of CPython 3.11's own object types, ready for heap.registerType: basicsize, itemsize, GC
// flag, weakref slot and which fields are owned references, with the 64-bit field offsets of the C
// structs (Include/cpython/*.h, Objects/*.c). Sizes were checked against python3 3.11.7
// (`__basicsize__`, `__itemsize__`, `__weakrefoffset__`, `__dictoffset__`). The interpreter stores its
// own data in these fields through getSlot/setSlot/getI32/setI32 and the offsets below.
import type { TypeDesc } from "./index.js";

export interface CpythonTypeDesc extends TypeDesc {
  /** Byte offsets of the C struct fields (owned references and plain values alike). */
  fields: Record<string, number>;
}

// (no side effects: bundlers drop the table below from a program that does not read it, as the page does not)
/*#__NO_SIDE_EFFECTS__*/
function desc(name: string, basicsize: number, gc: boolean, fields: Record<string, number>, refs: string[],
  extra: Partial<TypeDesc> = {}): CpythonTypeDesc {
  return { name, basicsize, gc, refSlots: refs.map((f) => fields[f]!), fields, ...extra };
}

export const CPYTHON_311_TYPES = {
  function: desc("function", 136, true, {
    func_globals: 16, func_builtins: 24, func_name: 32, func_qualname: 40, func_code: 48, func_defaults: 56,
    func_kwdefaults: 64, func_closure: 72, func_doc: 80, func_dict: 88, func_weakreflist: 96, func_module: 104,
    func_annotations: 112, func_version: 120,
  }, ["func_globals", "func_builtins", "func_name", "func_qualname", "func_code", "func_defaults",
    "func_kwdefaults", "func_closure", "func_doc", "func_dict", "func_module", "func_annotations"], { weaklistOffset: 96 }),
  method: desc("method", 48, true, { im_func: 16, im_self: 24, im_weakreflist: 32 }, ["im_func", "im_self"], { weaklistOffset: 32 }),
  cell: desc("cell", 24, true, { ob_ref: 16 }, ["ob_ref"]),
  slice: desc("slice", 40, true, { start: 16, stop: 24, step: 32 }, ["start", "stop", "step"], { freelist: 1, freelistKeep: true }),
  range: desc("range", 48, false, { start: 16, stop: 24, step: 32, length: 40 }, ["start", "stop", "step", "length"]),
  property: desc("property", 64, true, { prop_get: 16, prop_set: 24, prop_del: 32, prop_doc: 40, prop_name: 48, getter_doc: 56 },
    ["prop_get", "prop_set", "prop_del", "prop_doc", "prop_name"]),
  staticmethod: desc("staticmethod", 32, true, { sm_callable: 16, sm_dict: 24 }, ["sm_callable", "sm_dict"]),
  classmethod: desc("classmethod", 32, true, { cm_callable: 16, cm_dict: 24 }, ["cm_callable", "cm_dict"]),
  module: desc("module", 56, true, { md_dict: 16, md_def: 24, md_state: 32, md_weaklist: 40, md_name: 48 }, ["md_dict", "md_name"],
    { weaklistOffset: 40 }),
  BaseException: desc("BaseException", 72, true, { dict: 16, args: 24, notes: 32, traceback: 40, context: 48, cause: 56, suppress_context: 64 },
    ["dict", "args", "notes", "traceback", "context", "cause"]),
  list_iterator: desc("list_iterator", 32, true, { it_index: 16, it_seq: 24 }, ["it_seq"]),
  tuple_iterator: desc("tuple_iterator", 32, true, { it_index: 16, it_seq: 24 }, ["it_seq"]),
  range_iterator: desc("range_iterator", 48, false, { index: 16, start: 24, step: 32, len: 40 }, []),
  dict_keyiterator: desc("dict_keyiterator", 56, true, { di_dict: 16, di_used: 24, di_pos: 32, di_result: 40, len: 48 }, ["di_dict", "di_result"]),
  map: desc("map", 32, true, { iters: 16, func: 24 }, ["iters", "func"]),
  zip: desc("zip", 48, true, { tuplesize: 16, ittuple: 24, result: 32, strict: 40 }, ["ittuple", "result"]),
  enumerate: desc("enumerate", 56, true, { en_index: 16, en_sit: 24, en_result: 32, en_longindex: 40, one: 48 },
    ["en_sit", "en_result", "en_longindex", "one"]),
} satisfies Record<string, CpythonTypeDesc>;
