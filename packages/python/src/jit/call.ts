/**
 * CALL as the eval loop runs it (`vm/loop.ts`) when the callable is not a Python function nor a bound
 * method of one (those get a new frame from the loop): builtins and method descriptors called directly
 * with positional arguments, everything else through `callSteal`. Same argument order, same releases.
 */
import type { Obj } from "../vm/heap-api.js";
import type { Frame } from "../vm/frame.js";
import type { VM } from "../vm/vm.js";
import { Kind } from "../vm/types.js";
import * as L from "../vm/layouts.js";
import { asObj } from "../vm/fast.js";

/** True when CALL with this argument count calls a Python function or a bound method of one, or a
 *  cached function (functools.ts: the loop runs its function's frame) (peeked). */
export function isPythonCall(vm: VM, st: Obj[], arg: number): boolean {
  const b = st.length - arg;
  let t = st[b - 2];
  if (!t) t = st[b - 1];
  if (vm.h.typeOf(t) === vm.lruType) return true;
  let kt = vm.kindOf(t);
  if (kt === Kind.METHOD) kt = vm.kindOf(vm.h.getSlot(t, L.METHOD_FUNC));
  return kt === Kind.FUNCTION;
}

export function callNotPython(vm: VM, f: Frame, st: Obj[], arg: number): void {
  const h = vm.h;
  let kwNames: string[] | null = null;
  if (f.kwNames >= 0) {
    kwNames = vm.tupleStrings(f.info.consts[f.kwNames]);
    f.kwNames = -1;
  }
  const base = st.length - arg;
  const a = st[base - 2];
  const b = st[base - 1];
  const target = a ? a : b;
  const callArgs: Obj[] = new Array(arg + (a ? 1 : 0));
  let j = 0;
  if (a) callArgs[j++] = b;
  for (let k = base; k < base + arg; k++) callArgs[j++] = st[k];
  st.length = base - 2;
  const kt = vm.kindOf(target);
  if (kwNames === null && (kt === Kind.BUILTIN || (kt === Kind.MDESCR && callArgs.length > 0))) {
    try {
      let r: Obj;
      try {
        if (kt === Kind.MDESCR) {
          // called through the type (list.append(x, 1)): the first argument is not known to be a list
          if (!a) vm.checkDescrSelf(target, callArgs[0]);
          r = vm.natives[h.getI32(target, L.MDESCR_INDEX)].fn(callArgs, null);
        }
        else {
          const n = vm.natives[h.getI32(target, L.CFUNC_INDEX)];
          r = n.method ? n.fn([h.getSlot(target, L.CFUNC_SELF), ...callArgs], null) : n.fn(callArgs, null);
        }
      } catch (e) {
        throw vm.wrapErr(e);
      } finally {
        for (let k = 0; k < callArgs.length; k++) h.decref(callArgs[k]);
      }
      st.push(asObj(r));
    } finally {
      h.decref(target);
    }
    return;
  }
  try {
    st.push(vm.callSteal(target, callArgs, kwNames));
  } finally {
    h.decref(target);
  }
}
