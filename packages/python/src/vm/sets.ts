/**
 * The set algebra of CPython 3.11 (`|`, `&`, `-`, `^`, their in-place forms and the methods behind them)
 * over the core's set primitives. Each operation copies, resizes and iterates as CPython does (which
 * operand is copied, which is iterated, which of two equal keys is kept), so that table sizes
 * (`sys.getsizeof`), iteration order and `pop()` order come out the same.
 *
 * Operands that are sets or frozensets (subclasses too) and exact dicts go to the core with their stored
 * hashes (no `__hash__` call); any other iterable is iterated here, one key at a time.
 */
import { HeapError } from "@pyheap/heap";
import type { Obj } from "./heap-api.js";
import { Kind } from "./types.js";
import { VM } from "./vm.js";

declare module "./vm.js" {
  interface VM {
    isAnySet(o: Obj): boolean;
    /** set_copy: a new set (frozenset for a frozenset operand) with the members of `s`. NEW reference. */
    setCopy(s: Obj): Obj;
    /** set_update_internal: a set (merged), an exact dict (its keys) or any iterable into `s`. */
    setUpdateInternal(s: Obj, other: Obj): void;
    /** set_intersection: NEW reference. */
    setIntersection(s: Obj, other: Obj): Obj;
    /** set_intersection_multi: `s` when there is no other operand is copied. NEW reference. */
    setIntersectionMulti(s: Obj, others: Obj[]): Obj;
    /** set_intersection_update_multi: the intersection's table swapped into `s`. */
    setIntersectionUpdate(s: Obj, others: Obj[]): void;
    /** set_difference: NEW reference. */
    setDifference(s: Obj, other: Obj): Obj;
    /** set_difference_update_internal. */
    setDifferenceUpdate(s: Obj, other: Obj): void;
    /** set_symmetric_difference_update. */
    setXorUpdate(s: Obj, other: Obj): void;
    /** set_symmetric_difference: a copy of `other` updated with `s`. NEW reference. */
    setSymmetricDifference(s: Obj, other: Obj): Obj;
    /** The set operators `|`, `&`, `-`, `^` (in place when asked and `a` is a set); 0 when not both sets. */
    setOperator(a: Obj, b: Obj, op: number, inplace: boolean): Obj;
  }
}

type SetCore = Record<
  | "set_merge" | "set_merge_dict" | "set_xor_update" | "set_intersection" | "set_intersect_key" | "set_difference"
  | "set_difference_update" | "set_drop_dummies" | "set_swap_bodies" | "set_new" | "heap_last_status",
  (...a: number[]) => number
>;

const proto = VM.prototype;

function core(vm: VM): SetCore {
  return (vm.h as unknown as { core: SetCore }).core;
}

/** A core result: 0 means the operation failed with a status (a hook's exception is rethrown before). */
function must(vm: VM, r: number, what: string): number {
  if (r === 0) {
    const status = core(vm).heap_last_status();
    throw new HeapError(status === 1 ? "NO_MEMORY" : "ERROR", status, `${what} failed`);
  }
  return r >>> 0;
}

function isExactDict(vm: VM, o: Obj): boolean {
  return vm.kindOf(o) === Kind.DICT && !vm.typeInfo(o).heap;
}

function frozenFlag(vm: VM, s: Obj): number {
  return vm.kindOf(s) === Kind.FROZENSET ? 1 : 0;
}

proto.isAnySet = function (this: VM, o: Obj): boolean {
  const k = this.kindOf(o);
  return k === Kind.SET || k === Kind.FROZENSET;
};

proto.setCopy = function (this: VM, s: Obj): Obj {
  const c = core(this);
  const r = must(this, c.set_new(frozenFlag(this, s)), "set copy");
  try {
    must(this, c.set_merge(r, s), "set copy");
  } catch (e) {
    this.h.decref(r);
    throw e;
  }
  return r;
};

proto.setUpdateInternal = function (this: VM, s: Obj, other: Obj): void {
  if (this.isAnySet(other)) {
    must(this, core(this).set_merge(s, other), "set update");
    return;
  }
  if (isExactDict(this, other)) {
    must(this, core(this).set_merge_dict(s, other), "set update");
    return;
  }
  this.iterate(other, (x) => {
    this.setAddItem(s, x);
  });
};

proto.setIntersection = function (this: VM, s: Obj, other: Obj): Obj {
  const c = core(this);
  if (this.isAnySet(other)) return must(this, c.set_intersection(s, other, frozenFlag(this, s)), "set intersection");
  const r = must(this, c.set_new(frozenFlag(this, s)), "set intersection");
  try {
    this.iterate(other, (x) => {
      this.checkHashable(x);
      if (c.set_intersect_key(r, s, x) < 0) must(this, 0, "set intersection");
    });
  } catch (e) {
    this.h.decref(r);
    throw e;
  }
  return r;
};

proto.setIntersectionMulti = function (this: VM, s: Obj, others: Obj[]): Obj {
  if (!others.length) return this.setCopy(s);
  let result = this.newRef(s);
  for (const o of others) {
    try {
      const next = this.setIntersection(result, o);
      this.h.decref(result);
      result = next;
    } catch (e) {
      this.h.decref(result);
      throw e;
    }
  }
  return result;
};

proto.setIntersectionUpdate = function (this: VM, s: Obj, others: Obj[]): void {
  const tmp = this.setIntersectionMulti(s, others);
  core(this).set_swap_bodies(s, tmp);
  this.h.decref(tmp);
};

proto.setDifferenceUpdate = function (this: VM, s: Obj, other: Obj): void {
  const c = core(this);
  if (this.isAnySet(other)) {
    must(this, c.set_difference_update(s, other), "set difference");
    return;
  }
  if (other === s) {
    this.h.setClear!(s);
    return;
  }
  this.iterate(other, (x) => {
    this.checkHashable(x);
    this.h.setDiscard!(s, x);
  });
  must(this, c.set_drop_dummies(s), "set difference");
};

proto.setDifference = function (this: VM, s: Obj, other: Obj): Obj {
  let otherSize: number;
  if (this.isAnySet(other)) otherSize = this.h.setLen!(other);
  else if (isExactDict(this, other)) otherSize = this.h.dictLen(other);
  else otherSize = -1;
  // a set four times larger than the other operand is copied, then the other's keys are discarded
  if (otherSize < 0 || this.h.setLen!(s) >> 2 > otherSize) {
    const r = this.setCopy(s);
    try {
      this.setDifferenceUpdate(r, other);
    } catch (e) {
      this.h.decref(r);
      throw e;
    }
    return r;
  }
  return must(this, core(this).set_difference(s, other, frozenFlag(this, s)), "set difference");
};

proto.setXorUpdate = function (this: VM, s: Obj, other: Obj): void {
  const c = core(this);
  if (this.isAnySet(other) || isExactDict(this, other)) {
    must(this, c.set_xor_update(s, other), "set symmetric difference");
    return;
  }
  const tmp = must(this, c.set_new(frozenFlag(this, s)), "set symmetric difference");
  try {
    this.setUpdateInternal(tmp, other);
    must(this, c.set_xor_update(s, tmp), "set symmetric difference");
  } finally {
    this.h.decref(tmp);
  }
};

proto.setSymmetricDifference = function (this: VM, s: Obj, other: Obj): Obj {
  const c = core(this);
  const r = must(this, c.set_new(frozenFlag(this, s)), "set symmetric difference");
  try {
    this.setUpdateInternal(r, other);
    must(this, c.set_xor_update(r, s), "set symmetric difference");
  } catch (e) {
    this.h.decref(r);
    throw e;
  }
  return r;
};

proto.setOperator = function (this: VM, a: Obj, b: Obj, op: number, inplace: boolean): Obj {
  if (!this.isAnySet(a) || !this.isAnySet(b)) return 0;
  const inPlace = inplace && this.kindOf(a) === Kind.SET;
  switch (op) {
    case 7: // |
      if (inPlace) {
        this.setUpdateInternal(a, b);
        return this.newRef(a);
      } else {
        const r = this.setCopy(a);
        if (a === b) return r;
        try {
          this.setUpdateInternal(r, b);
        } catch (e) {
          this.h.decref(r);
          throw e;
        }
        return r;
      }
    case 1: // &
      if (inPlace) {
        this.setIntersectionUpdate(a, [b]);
        return this.newRef(a);
      }
      return this.setIntersection(a, b);
    case 10: // -
      if (inPlace) {
        this.setDifferenceUpdate(a, b);
        return this.newRef(a);
      }
      return this.setDifference(a, b);
    case 12: // ^
      if (inPlace) {
        this.setXorUpdate(a, b);
        return this.newRef(a);
      }
      return this.setSymmetricDifference(a, b);
    default:
      return 0;
  }
};
