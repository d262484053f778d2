/**
 * A number through a class's conversion methods, as python3 converts it: float() of a number-like object
 * (PyFloat_AsDouble) through __float__, which must give a float; complex(x) through x's __complex__,
 * which must give a complex. The interpreter only comes here for a class with such a method (rare: the page
 * loads this on demand).
 */
import type { Obj } from "./heap-api.js";
import { Kind, type TypeInfo } from "./types.js";
import type { VM } from "./vm.js";

/** float(o) of an instance of a class with __float__ */
export function floatVia(vm: VM, o: Obj, ti: TypeInfo): number {
  const r = vm.callSpecial(o, "__float__", []);
  try {
    if (vm.kindOf(r) !== Kind.FLOAT) vm.typeError(`${ti.name}.__float__ returned non-float (type ${vm.typeName(r)})`);
    return vm.h.readFloat(r);
  } finally {
    vm.decref(r);
  }
}

/** The real and imaginary parts of o.__complex__() */
export function complexVia(vm: VM, o: Obj): [number, number] {
  const r = vm.callSpecial(o, "__complex__", []);
  try {
    if (vm.kindOf(r) !== Kind.COMPLEX) vm.typeError(`__complex__ returned non-complex (type ${vm.typeName(r)})`);
    return [vm.h.getF64(r, 16), vm.h.getF64(r, 24)];
  } finally {
    vm.decref(r);
  }
}
