/**
 * Weak references over the heap's weakref objects: `weakref.ref(obj, callback)`, calling a ref, the
 * list of refs of an object, and proxies (which forward attribute access to their referent).
 */
import type { Obj } from "./heap-api.js";
import { Kind } from "./types.js";
import { VM } from "./vm.js";

interface WeakHeap {
  newWeakref(o: Obj, cb?: Obj, type?: Obj): Obj;
  weakrefGet(wr: Obj): Obj;
  core: Record<string, (...a: number[]) => number>;
}

const proto = VM.prototype;

function wh(vm: VM): WeakHeap {
  return vm.h as unknown as WeakHeap;
}

function checkWeakable(vm: VM, o: Obj): void {
  const ti = vm.typeInfo(o);
  const ok = ti.weaklistOffset !== 0 || ti.kind === Kind.TYPE || ti.kind === Kind.SET || ti.kind === Kind.FROZENSET || ti.kind === Kind.CODE;
  if (!ok) vm.typeError(`cannot create weak reference to '${ti.name}' object`);
}

proto.weakrefTarget = function (this: VM, wr: Obj): Obj {
  return wh(this).weakrefGet(wr);
};

proto.weakrefsOf = function (this: VM, o: Obj): Obj[] {
  const ti = this.typeInfo(o);
  const off = ti.kind === Kind.TYPE ? 368 : ti.weaklistOffset;
  if (!off) return [];
  const out: Obj[] = [];
  for (let w = this.h.getI32(o, off) >>> 0; w; w = this.h.getI32(w, 48) >>> 0) out.push(w);
  return out;
};

proto.weakrefHead = function (this: VM, o: Obj): Obj {
  const refs = this.weakrefsOf(o);
  return this.newRef(refs[0] ?? this.None);
};

/** o itself, or the referent of the proxy o (borrowed; ReferenceError when it died). */
export function unproxy(vm: VM, o: Obj): Obj {
  return vm.kindOf(o) === Kind.WEAKPROXY ? proxyTarget(vm, o) : o;
}

/** The referent of a proxy (borrowed), or ReferenceError when it died. */
export function proxyTarget(vm: VM, p: Obj): Obj {
  const t = wh(vm).weakrefGet(p);
  if (!t) vm.raise("ReferenceError", "weakly-referenced object no longer exists");
  return t;
}

proto.newProxy = function (this: VM, o: Obj, cb: Obj): Obj {
  checkWeakable(this, o);
  const wr = wh(this).newWeakref(o, cb && cb !== this.None ? cb : 0, this.T.weakproxy);
  return wr;
};

/** Install the weakref type's constructor, call and proxy type (after bootstrap). */
export function installWeakrefs(vm: VM): void {
  const h = vm.h;
  if (!vm.T.weakref) return;
  vm.ctors.set(vm.T.weakref, (t, args) => {
    if (args.length < 1 || args.length > 2) vm.typeError(`__new__ expected at most 2 arguments, got ${args.length}`);
    checkWeakable(vm, args[0]);
    const cb = args[1] && args[1] !== vm.None ? args[1] : 0;
    return wh(vm).newWeakref(args[0], cb, t);
  });
  vm.methods("weakref", {
    __call__: (args) => vm.newRef(wh(vm).weakrefGet(args[0]) || vm.None),
    __eq__: (args) => vm.richCompare(args[0], args[1], 2),
    __hash__: (args) => vm.newInt(vm.hash(args[0])),
  });
  const pti = vm.nativeType("weakproxy", Kind.WEAKPROXY, { basicsize: 64, gc: true, refSlots: [24], layout: "weakref" } as never, "object");
  pti.name = pti.qualname = "ProxyType";
  pti.module = "weakref";
  pti.baseType = false;
  void h;
}
