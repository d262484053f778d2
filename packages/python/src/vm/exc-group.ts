/**
 * BaseExceptionGroup's subgroup(), split() and derive(): the condition an exception type, a tuple of them
 * or a predicate, tried on the group itself first, then on each leaf and nested group (VM.egSplit, which
 * builds each part through the group's derive(), as except* does). Rarely used: the page loads it on demand.
 */
import type { Obj } from "./heap-api.js";
import { Kind } from "./types.js";
import { VM } from "./vm.js";
import * as L from "./layouts.js";
import { isCallable } from "../builtins/functions.js";

declare module "./vm.js" {
  interface VM {
    /** eg.split(condition) (`rest`), eg.subgroup(condition) */
    egPart(args: Obj[], rest: boolean): Obj;
  }
}

VM.prototype.egPart = function (this: VM, args: Obj[], rest: boolean): Obj {
  const [eg, cond] = args as [Obj, Obj];
  if (args.length !== 2) this.typeError(`${rest ? "split" : "subgroup"}() takes exactly one argument (${args.length - 1} given)`);
  const isExcType = (x: Obj) => this.kindOf(x) === Kind.TYPE && this.isSubtype(this.infoOfType(x), this.infoOfType(this.T.BaseException));
  const k = this.kindOf(cond);
  let match: (e: Obj) => boolean;
  if (k === Kind.TUPLE ? this.tupleItems(cond).every(isExcType) : isExcType(cond)) match = (e) => this.excMatches(e, cond);
  else if (k !== Kind.TUPLE && isCallable(this, cond)) {
    match = (e) => {
      const r = this.call(cond, [e]);
      try {
        return this.truthy(r);
      } finally {
        this.decref(r);
      }
    };
  } else this.typeError("expected a function, exception type or tuple of exception types");
  const [m, r] = match(eg) ? [this.newRef(eg), this.newRef(this.None)] : this.egSplit(eg, match, rest);
  if (rest) return this.h.newTupleSteal([m, r]);
  this.decref(r);
  return m;
};

/** BaseExceptionGroup.derive(excs): a group of the same message (an ExceptionGroup if all are Exceptions). */
export function deriveGroup(vm: VM, like: Obj, excs: Obj): Obj {
  const items = vm.collect(excs);
  const t = items.every((x) => vm.isInstance(x, vm.T.Exception)) ? vm.T.ExceptionGroup : vm.T.BaseExceptionGroup;
  for (const x of items) vm.decref(x);
  return vm.callType(t, [vm.h.getSlot(like, L.EXC_EXTRA) || vm.None, excs], null);
}
