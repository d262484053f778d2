/**
 * `K.__bases__ = …` and `del K.__bases__` (vm/natives.ts's typeSetAttr), which few programs do: kept out of
 * vm/classes.ts so that the page can leave it in its on-demand chunk (apps/web/bundler/lazy.ts).
 */
import { abi } from "@pyheap/heap";
import type { Obj } from "./heap-api.js";
import { Kind, type TypeInfo } from "./types.js";
import type { VM } from "./vm.js";
import { c3, sameLayout } from "./classes.js";

/**
 * type_set_bases: `K.__bases__ = bases` (v 0: a delete). The checks and TypeErrors of CPython 3.11 (a tuple
 * of classes, no inheritance cycle, an instance layout and deallocator like the old base's), then the new
 * bases, base and MRO for the class and every class below it (an MRO that cannot be made leaves them all
 * unchanged); the type epoch moves, so every lookup cache and instance-creation plan is made again.
 */
export function setTypeBases(vm: VM, t: Obj, v: Obj | 0): void {
  const h = vm.h;
  const ti = vm.infoOfType(t);
  if (!ti.heap) vm.typeError(`cannot set '__bases__' attribute of immutable type '${ti.name}'`);
  if (!v) vm.typeError(`cannot delete '__bases__' attribute of immutable type '${ti.name}'`);
  if (vm.kindOf(v) !== Kind.TUPLE) vm.typeError(`can only assign tuple to ${ti.name}.__bases__, not ${vm.typeName(v)}`);
  const items = vm.tupleItems(v);
  if (!items.length) vm.typeError(`can only assign non-empty tuple to ${ti.name}.__bases__, not ()`);
  const bases: TypeInfo[] = [];
  for (const b of items) {
    if (vm.kindOf(b) !== Kind.TYPE) vm.typeError(`${ti.name}.__bases__ must be tuple of classes, not '${vm.typeName(b)}'`);
    const bi = vm.infoOfType(b);
    if (vm.isSubtype(bi, ti)) vm.typeError("a __bases__ item causes an inheritance cycle");
    bases.push(bi);
  }
  const newBase = bases.find((b) => b.kind !== Kind.OBJECT || b.heap) ?? bases[0];
  const oldBase = ti.base!;
  const gc = (x: TypeInfo) => (h.getI32(x.obj, abi.TP_FLAGS) & abi.TPF_HAVE_GC) !== 0;
  if (gc(newBase) !== gc(oldBase)) vm.typeError(`__bases__ assignment: '${newBase.name}' deallocator differs from '${oldBase.name}'`);
  if (!sameLayout(vm, newBase, oldBase)) vm.typeError(`__bases__ assignment: '${newBase.name}' object layout differs from '${oldBase.name}'`);
  // the new MROs, the class's first, then the classes below it in the order they were made (each after
  // its bases); none is stored until all are made
  const mros = new Map<TypeInfo, TypeInfo[]>();
  const basesOf = (x: TypeInfo): TypeInfo[] => (x === ti ? bases : vm.tupleItems(h.getSlot(x.obj, vm.abi.TP_BASES)).map((b) => vm.infoOfType(b)));
  const mroOf = (x: TypeInfo): TypeInfo[] => mros.get(x) ?? x.mro;
  const make = (x: TypeInfo): void => {
    const bs = basesOf(x);
    mros.set(x, [x, ...(bs.length === 1 ? mroOf(bs[0]) : c3(vm, bs, mroOf))]);
  };
  make(ti);
  for (const x of vm.typeInfos) if (x !== ti && x.heap && x.mro.includes(ti)) make(x);
  ti.base = newBase;
  h.setSlot(t, vm.abi.TP_BASE, newBase.obj);
  h.setSlotSteal(t, vm.abi.TP_BASES, h.newTuple(bases.map((b) => b.obj)));
  for (const [x, mro] of mros) {
    x.mro = mro;
    h.setSlotSteal(x.obj, vm.abi.TP_MRO, h.newTuple(mro.map((m) => m.obj)));
  }
  vm.typeEpoch++;
}
