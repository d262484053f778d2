/**
 * CALL in compiled code (compile.ts) for a callable that never gets a frame of its own: what the eval
 * loop's CALL case (`vm/loop.ts`) does for it, in the same order, through the same functions (the str(x)
 * site's state, super(), list.append / dict.get, a builtin of one argument, str(x), then the general path).
 * A Python function, a bound method, a class, a cached function or a call with keyword names is left to the
 * loop (`callByLoop` says so before anything is done).
 */
import type { Obj } from "../vm/heap-api.js";
import type { Frame } from "../vm/frame.js";
import type { VM } from "../vm/vm.js";
import { abi } from "@pyheap/heap";
import { strCall, strCallSite } from "../vm/fast.js";
import { superCallPush } from "../vm/classes.js";
import { builtinCall1, callGeneral, descrCall } from "../vm/loop.js";

const OB_TYPE = abi.OB_TYPE;

/** Whether CALL with `arg` arguments, whose two slots below them are a and b, is run by the eval loop. */
export function callByLoop(vm: VM, f: Frame, a: Obj, b: Obj): boolean {
  if (f.kwNames >= 0) return true;
  const target = a ? a : b;
  const tt = vm.h.i32[(target + OB_TYPE) >>> 2]! >>> 0;
  return tt === vm.tFunction || tt === vm.tMethod || (tt === vm.tType && target !== vm.tStr) || tt === vm.lruType;
}

/** The CALL at instruction i with `arg` arguments on the stack st (its top arg + 2 items), callByLoop false. */
export function callInline(vm: VM, f: Frame, st: Obj[], arg: number, i: number): void {
  const base = st.length - arg;
  const a = st[base - 2]!;
  const b = st[base - 1]!;
  const ss = f.info.strSites;
  const str1 = f.info.warmup >= 0 && (ss === null || ss[i] !== 0xffff) ? strCallSite(f.info, i, a === 0 && b === vm.tStr && arg === 1) : 0;
  const target = a ? a : b;
  if (target === vm.tSuper && arg === 0 && a === 0) {
    st.pop();
    st.pop();
    superCallPush(vm, st, target);
    return;
  }
  if (a !== 0 && (a === vm.listAppendDescr || a === vm.dictGetDescr) && descrCall(vm, st, a, b, arg)) return;
  if (arg === 1 && a === 0 && vm.h.i32[(target + OB_TYPE) >>> 2]! >>> 0 === vm.T.builtin_function_or_method && builtinCall1(vm, st, target)) return;
  if (target === vm.tStr && arg === 1 && a === 0 && strCall(vm, st, str1)) return;
  callGeneral(vm, f, st, arg, a, b, target, 0, null);
}
