/**
 * Short reprs for trace records. Never runs Python code and never allocates heap objects (a trace must not
 * change what it observes): scalars and built-in descriptions come from the VM's native repr, containers are
 * written here with a character budget, anything else is `<type object at 0x…>`.
 */
import type { Obj } from "../vm/heap-api.js";
import type { VM } from "../vm/vm.js";
import { Kind } from "../vm/types.js";
import { dictItems } from "./dict-items.js";

/** Longest repr kept in a record; longer ones end with "…". */
export const MAX_REPR = 80;

/** Kinds whose native repr reads fields only (no Python call, no allocation). */
const NATIVE_SAFE = new Set<Kind>([
  Kind.NONE, Kind.ELLIPSIS, Kind.NOTIMPL, Kind.BOOL, Kind.FLOAT, Kind.COMPLEX, Kind.STR, Kind.BYTES, Kind.TYPE,
  Kind.FUNCTION, Kind.BUILTIN, Kind.MDESCR, Kind.CELL, Kind.CODE, Kind.MODULE, Kind.GENERATOR, Kind.TRACEBACK,
  Kind.FRAME, Kind.PROPERTY, Kind.GETSET, Kind.WEAKREF, Kind.RANGE,
]);

/** Immutable kinds whose repr never changes while the object lives (cacheable; a code object's name, file
 *  and first line are read-only). */
const SCALARS = new Set<Kind>([Kind.NONE, Kind.ELLIPSIS, Kind.NOTIMPL, Kind.BOOL, Kind.FLOAT, Kind.COMPLEX, Kind.STR, Kind.BYTES, Kind.CODE]);

function hexAddr(vm: VM, o: Obj): string {
  return "0x" + vm.h.idOf(o).toString(16).padStart(12, "0");
}

/**
 * Where the reprs of immutable scalars (ints, strs, floats…) may be kept between calls: the caller
 * promises to drop an object's text when the object is freed (its address may then hold another).
 */
export interface ReprCache {
  get(o: Obj): string | undefined;
  set(o: Obj, text: string): void;
}

/** A short repr of `o` (borrowed), at most MAX_REPR characters. */
export function shortRepr(vm: VM, o: Obj, cache?: ReprCache): string {
  const known = cache?.get(o);
  if (known !== undefined) return known.length > MAX_REPR ? known.slice(0, MAX_REPR - 1) + "…" : known;
  const out = { s: "" };
  write(vm, o, out, new Set(), MAX_REPR + 1, cache);
  return out.s.length > MAX_REPR ? out.s.slice(0, MAX_REPR - 1) + "…" : out.s;
}

function write(vm: VM, o: Obj, out: { s: string }, seen: Set<Obj>, budget: number, cache: ReprCache | undefined): void {
  if (out.s.length >= budget) return;
  const known = cache?.get(o);
  if (known !== undefined) {
    out.s += known;
    return;
  }
  const h = vm.h;
  let ti;
  try {
    ti = vm.typeInfo(o);
  } catch {
    out.s += `<object at ${hexAddr(vm, o)}>`;
    return;
  }
  if (!ti.heap && ti.kind === Kind.INT) {
    const v = h.readInt(o);
    const digits = v.toString();
    const text = digits.length > 40 ? `${digits.slice(0, 20)}…(${digits.length} digits)` : digits;
    cache?.set(o, text);
    out.s += text;
    return;
  }
  // a class made by a metaclass written in Python shows as a class (its metaclass's __repr__ would run code)
  if (ti.heap && ti.kind === Kind.TYPE) {
    out.s += vm.nativeRepr(o, vm.infoOfType(vm.T.type));
    return;
  }
  if (!ti.heap && NATIVE_SAFE.has(ti.kind)) {
    let text: string;
    if (ti.kind === Kind.STR && h.sizeOf(o) > 4096) text = JSON.stringify(h.readStr(o).slice(0, budget)).replace(/^"|"$/g, "'");
    else {
      try {
        text = vm.nativeRepr(o, ti);
        if (SCALARS.has(ti.kind)) cache?.set(o, text);
      } catch {
        text = `<${ti.name} object at ${hexAddr(vm, o)}>`;
      }
    }
    out.s += text;
    return;
  }
  const items = (open: string, close: string, list: Obj[], single = false): void => {
    if (seen.has(o)) {
      out.s += `${open}...${close}`;
      return;
    }
    seen.add(o);
    out.s += open;
    for (let i = 0; i < list.length && out.s.length < budget; i++) {
      if (i) out.s += ", ";
      write(vm, list[i]!, out, seen, budget, cache);
    }
    if (single && list.length === 1) out.s += ",";
    out.s += close;
    seen.delete(o);
  };
  const some = (n: number, get: (i: number) => Obj): Obj[] => {
    const list: Obj[] = [];
    for (let i = 0; i < n && list.length < budget; i++) list.push(get(i));
    return list;
  };
  switch (ti.kind) {
    case Kind.LIST:
      items(ti.heap ? `${ti.name}([` : "[", ti.heap ? "])" : "]", some(h.listLen(o), (i) => h.listGet(o, i)));
      return;
    case Kind.TUPLE:
      items("(", ")", some(h.getI32(o, 16), (i) => h.tupleGet(o, i)), true);
      return;
    case Kind.SET:
    case Kind.FROZENSET: {
      const keys: Obj[] = [];
      for (let p = h.setNext!(o, -1); p >= 0 && keys.length < budget; p = h.setNext!(o, p)) keys.push(h.setKeyAt!(o, p));
      const plain = ti.kind === Kind.SET && !ti.heap;
      if (!keys.length) out.s += `${ti.name}()`;
      else items(plain ? "{" : `${ti.name}({`, plain ? "}" : "})", keys);
      return;
    }
    case Kind.DICT: {
      if (seen.has(o)) {
        out.s += "{...}";
        return;
      }
      seen.add(o);
      out.s += "{";
      // at most `budget` items can show (each takes 4 characters or more)
      const ks: Obj[] = [];
      const vs: Obj[] = [];
      const n = dictItems(h.i32, o, budget, ks, vs);
      for (let i = 0; i < n && out.s.length < budget; i++) {
        if (i) out.s += ", ";
        write(vm, ks[i]!, out, seen, budget, cache);
        out.s += ": ";
        write(vm, vs[i]!, out, seen, budget, cache);
      }
      out.s += "}";
      seen.delete(o);
      return;
    }
    default:
      out.s += `<${ti.name} object at ${hexAddr(vm, o)}>`;
  }
}
