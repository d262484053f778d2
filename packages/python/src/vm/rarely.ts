/**
 * Rarely reached parts of the VM, behind one entry (`rarely(vm, what, …)`), kept in the page's on-demand
 * chunk (apps/web/bundler/lazy.ts):
 * 0. `T.__dict__` of a class: a mappingproxy of its dict; a built-in type, which keeps no dict, gets a new
 *    dict of its own methods. The proxy's reading methods call the dict's.
 * 1. `del o[k]` of an object that supports no item deletion: python3's TypeError, which reads "doesn't
 *    support" where an int key goes to a type with sequence slots (PySequence_DelItem: str, bytes, tuple,
 *    set, frozenset, range, dict views, mappingproxy, any class), else "does not support".
 */
import type { Obj } from "./heap-api.js";
import * as L from "./layouts.js";
import { Kind, type NativeFn } from "./types.js";
import type { VM } from "./vm.js";

export function rarely(vm: VM, what: number, o: Obj, k?: Obj): Obj {
  const h = vm.h;
  switch (what) {
    case 1: {
      const ti = vm.typeInfo(o);
      const kk = vm.kindOf(k!);
      const seq = ti.heap || (ti.kind >= Kind.STR && ti.kind <= Kind.FROZENSET) || ti.kind === Kind.RANGE || ti.kind === Kind.VIEW;
      vm.typeError(`'${ti.name}' object ${seq && (kk === Kind.INT || kk === Kind.BOOL) ? "doesn't" : "does not"} support item deletion`);
    }
    default: {
      const pt = vm.infoOfType(vm.T.mappingproxy!);
      if (!pt.methods.size) {
        const m: Record<string, NativeFn> = {};
        for (const n of ["get", "keys", "values", "items", "copy"]) m[n] = (a, kw) => vm.callMethod(h.getSlot(a[0], L.NATIVE_A), n, a.slice(1), kw);
        vm.methods("mappingproxy", m);
      }
      const ti = vm.infoOfType(o);
      let d = ti.dict;
      if (d) h.incref(d);
      else {
        d = h.newDict();
        for (const n of ti.methods.keys()) {
          const v = vm.typeGetAttr(o, n);
          vm.dictSetStr(d, vm.name(n), v);
          vm.decref(v);
        }
      }
      const p = h.newObject(vm.T.mappingproxy!);
      h.setSlotSteal(p, L.NATIVE_A, d);
      return p;
    }
  }
}
