/**
 * The instructions of compiled code (jit/compile.ts) that are not written inline: each function does what
 * the eval loop's case for the opcode does (`vm/loop.ts`), on the frame's value stack `st`, with the same
 * calls and releases in the same order. Kept out of the generated functions so that V8 compiles those
 * quickly (a generated function holds only the fast paths and calls of these).
 */
import type { Obj } from "../vm/heap-api.js";
import type { Frame } from "../vm/frame.js";
import type { VM } from "../vm/vm.js";
import { Kind } from "../vm/types.js";
import * as L from "../vm/layouts.js";
import { asObj, instanceGetAttr, instanceSetAttr, intTruth, listIterNext, newIntResult, rangeIterNext, smallIntBinary, smallIntCompare } from "../vm/fast.js";
export { buildString } from "../vm/fast.js";

/** BINARY_OP's general path (operands popped already): the result; both operands released. */
export function binaryGeneral(vm: VM, f: Frame, a: Obj, b: Obj, op: number): Obj {
  const h = vm.h;
  try {
    const x = smallIntBinary(h.i32, vm.T.int, a, b, op);
    return x === x ? newIntResult(h, x) : asObj(vm.binaryOp(a, b, op, f));
  } finally {
    h.decref(a);
    h.decref(b);
  }
}

/** COMPARE_OP's general path (operands popped already): the result; both operands released. */
export function compareGeneral(vm: VM, a: Obj, b: Obj, op: number): Obj {
  const h = vm.h;
  try {
    const c = smallIntCompare(h.i32, vm.T.int, a, b, op);
    return c >= 0 ? vm.bool(c === 1) : vm.richCompare(a, b, op);
  } finally {
    h.decref(a);
    h.decref(b);
  }
}

/** POP_JUMP_IF_*'s test of a popped value other than True and False: its truth; the value released. */
export function truthPop(vm: VM, v: Obj): boolean {
  const h = vm.h;
  const iv = intTruth(h.i32, vm.T.int, v);
  if (iv >= 0) {
    h.decref(v);
    return iv === 1;
  }
  try {
    return vm.truthy(v);
  } finally {
    h.decref(v);
  }
}

export function loadAttr(vm: VM, st: Obj[], name: string, nameObj: Obj): void {
  const h = vm.h;
  const o = st.pop()!;
  const fv = instanceGetAttr(vm, null, -1, o, name, nameObj);
  if (fv !== 0) {
    st.push(fv);
    h.decref(o);
    return;
  }
  try {
    st.push(asObj(vm.getAttr(o, name)));
  } finally {
    h.decref(o);
  }
}

export function storeAttr(vm: VM, st: Obj[], name: string, nameObj: Obj): void {
  const h = vm.h;
  const o = st.pop()!;
  const v = st.pop()!;
  try {
    if (!instanceSetAttr(vm, null, -1, o, name, nameObj, v)) vm.setAttr(o, name, v);
  } finally {
    h.decref(o);
    h.decref(v);
  }
}

export function loadMethod(vm: VM, st: Obj[], name: string): void {
  const h = vm.h;
  const o = st.pop()!;
  const m = vm.loadMethod(o, name);
  if (m) {
    st.push(m);
    st.push(o);
    return;
  }
  st.push(0);
  try {
    st.push(asObj(vm.getAttr(o, name)));
  } finally {
    h.decref(o);
  }
}

export function loadName(vm: VM, f: Frame, st: Obj[], name: string): void {
  const v = f.locals ? vm.dictGetStr(f.locals, name) : 0;
  if (v) {
    vm.h.incref(v);
    st.push(v);
  } else st.push(asObj(vm.loadGlobal(f, name)));
}

export function storeName(vm: VM, f: Frame, st: Obj[], nameObj: Obj): void {
  const v = st.pop()!;
  vm.dictSetStr(f.locals, nameObj, v);
  vm.h.decref(v);
}

export function loadDeref(vm: VM, f: Frame, st: Obj[], arg: number): void {
  const v = vm.h.getSlot(f.localsplus[arg], L.CELL_REF);
  if (!v) vm.unboundDeref(f, arg);
  vm.h.incref(v);
  st.push(v);
}

export function isOp(vm: VM, st: Obj[], invert: boolean): void {
  const h = vm.h;
  const b = st.pop()!;
  const a = st.pop()!;
  st.push(vm.bool((a === b) !== invert));
  h.decref(a);
  h.decref(b);
}

export function containsOp(vm: VM, st: Obj[], invert: boolean): void {
  const h = vm.h;
  const b = st.pop()!;
  const a = st.pop()!;
  try {
    st.push(vm.bool(vm.contains(b, a) !== invert));
  } finally {
    h.decref(a);
    h.decref(b);
  }
}



export function getIter(vm: VM, st: Obj[]): void {
  const v = st.pop()!;
  try {
    st.push(vm.getIter(v));
  } finally {
    vm.h.decref(v);
  }
}

/** FOR_ITER: the next item pushed (true), or the exhausted iterator popped and released (false). */
export function forIter(vm: VM, st: Obj[]): boolean {
  const h = vm.h;
  const it = st[st.length - 1];
  const itType = h.typeOf(it);
  const v = itType === vm.T.range_iterator ? rangeIterNext(h, it) : itType === vm.T.list_iterator ? listIterNext(h, it) : vm.iterNext(it);
  if (v) {
    st.push(asObj(v));
    return true;
  }
  st.pop();
  h.decref(it);
  return false;
}

export function buildTuple(vm: VM, st: Obj[], n: number): void {
  const items = st.splice(st.length - n, n);
  st.push(vm.h.newTupleSteal(items));
}

export function buildList(vm: VM, st: Obj[], n: number): void {
  const h = vm.h;
  const items = st.splice(st.length - n, n);
  const l = h.newList(items, "display");
  for (const x of items) h.decref(x);
  st.push(l);
}

export function listAppend(vm: VM, st: Obj[], n: number): void {
  const h = vm.h;
  const v = st.pop()!;
  h.listAppend(st[st.length - n], v);
  h.decref(v);
}

export function unpackSequence(vm: VM, st: Obj[], n: number): void {
  const seq = st.pop()!;
  try {
    const items = vm.unpack(seq, n, -1);
    for (let k = items.length - 1; k >= 0; k--) st.push(asObj(items[k]));
  } finally {
    vm.h.decref(seq);
  }
}

// FORMAT_VALUE's body is the eval loop's own (vm/fast.ts)
export { binarySubscr, formatValue, storeSubscr } from "../vm/fast.js";

/** JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP: true when the jump is taken (the value stays). */
export function jumpOrPop(vm: VM, st: Obj[], ifTrue: boolean): boolean {
  if (vm.truthy(st[st.length - 1]) === ifTrue) return true;
  vm.h.decref(st.pop()!);
  return false;
}
