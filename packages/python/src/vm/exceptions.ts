/**
 * Raising and reporting exceptions: RAISE_VARARGS, `except` matching and the "Exception ignored in:"
 * report of __del__ and callbacks. The printing of an uncaught exception is exc-format.ts.
 */
import { HeapError } from "@pyheap/heap";
import type { Obj } from "./heap-api.js";
import { Kind } from "./types.js";
import { LimitExceeded, PyRaise, VM } from "./vm.js";
import type { Frame } from "./frame.js";
import * as L from "./layouts.js";
import { formatTraceback } from "./traceback.js";
import { ReRaise } from "./loop.js";
import "./exc-format.js";

declare module "./vm.js" {
  interface VM {
    writeUnraisable(exc: Obj, obj: Obj | string): void;
    /** Set once shutdown has emptied sys.modules: python3 can no longer import what shows a traceback's
     *  source lines, so "Exception ignored" reports from then on have none. */
    sourceLinesGone: boolean;
    /** Set when an allocation past the heap limit became a MemoryError in this run (see memoryError). */
    heapLimitHit?: boolean;
    /** The run's heap limit once memoryError has lent the reserve above it, else 0. */
    heapReserve?: number;
    memoryError(e: unknown): unknown;
  }
}

const proto = VM.prototype;

/** The bytes above the heap limit that the handling of a MemoryError may use (its traceback, the frames'
 *  unwinding, the `except` clause and its handler). */
const HEAP_RESERVE = 64 << 10;

type HeapCore = { heap_limit(): number; heap_set_limit(n: number): void; heap_bytes_in_use(): number };
const heapCore = (vm: VM) => (vm.h as unknown as { core: HeapCore }).core;

/**
 * An allocation the heap refused (past the heap limit) as the MemoryError a Python program can catch, as
 * CPython's PyErr_NoMemory raises it where malloc fails: a PyRaise of a new MemoryError(), or `e` itself
 * when it is anything else or when even the exception cannot be made (the run then stops at the limit).
 * NOTE: CPython keeps MemoryError instances made at start-up for this, and a real heap has no edge at
 * the byte: its handler can still run. Ours lends HEAP_RESERVE bytes above the limit for the exception
 * and its traceback; the `except` that takes it leaves half of that to its handler (see excMatches).
 */
proto.memoryError = function (this: VM, e: unknown): unknown {
  if (!(e instanceof HeapError) || e.code !== "NO_MEMORY") return e;
  const core = heapCore(this);
  const limit = this.heapReserve || core.heap_limit();
  this.heapReserve = limit;
  core.heap_set_limit(limit + HEAP_RESERVE);
  try {
    const r = new PyRaise(this.newException("MemoryError"));
    this.heapLimitHit = true;
    return r;
  } catch (e2) {
    if (e2 instanceof HeapError) return e;
    throw e2;
  }
};

proto.doRaise = function (this: VM, f: Frame, arg: number): void {
  const h = this.h;
  const st = f.stack;
  if (arg === 0) {
    const cur = this.topExc();
    if (!cur) this.raise("RuntimeError", "No active exception to reraise");
    h.incref(cur);
    throw new ReRaise(cur);
  }
  const cause = arg === 2 ? st.pop()! : 0;
  let exc = st.pop()!;
  try {
    const k = this.kindOf(exc);
    if (k === Kind.TYPE) {
      const ti = this.infoOfType(exc);
      if (!this.isSubtype(ti, this.infoOfType(this.T.BaseException))) this.typeError("exceptions must derive from BaseException");
      const inst = this.callType(exc, [], null);
      h.decref(exc);
      exc = inst;
    } else if (k !== Kind.EXC) this.typeError("exceptions must derive from BaseException");
    if (arg === 2) {
      let c = cause;
      if (c === this.None) h.setSlot(exc, L.EXC_CAUSE, 0);
      else {
        const ck = this.kindOf(c);
        if (ck === Kind.TYPE && this.isSubtype(this.infoOfType(c), this.infoOfType(this.T.BaseException))) {
          c = this.callType(c, [], null);
          h.setSlotSteal(exc, L.EXC_CAUSE, c);
        } else if (ck === Kind.EXC) h.setSlot(exc, L.EXC_CAUSE, c);
        else this.typeError("exception causes must derive from BaseException");
      }
      h.setI32(exc, L.EXC_SUPPRESS, 1);
    }
  } catch (e) {
    h.decref(exc);
    if (cause) h.decref(cause);
    throw e;
  }
  if (cause) h.decref(cause);
  throw new PyRaise(exc);
};

proto.excMatches = function (this: VM, exc: Obj, t: Obj): boolean {
  const check = (x: Obj) => {
    if (this.kindOf(x) !== Kind.TYPE || !this.isSubtype(this.infoOfType(x), this.infoOfType(this.T.BaseException))) {
      this.typeError("catching classes that do not inherit from BaseException is not allowed");
    }
  };
  if (this.kindOf(t) === Kind.TUPLE) {
    const items = this.tupleItems(t);
    for (const x of items) check(x);
    return items.some((x) => this.excMatches(exc, x));
  }
  check(t);
  const r = this.isInstance(exc, t);
  const limit = this.heapReserve;
  if (r && limit) {
    // the exception is taken: its handler may use up to half the reserve more than is live now
    const core = heapCore(this);
    core.heap_set_limit(Math.min(limit + HEAP_RESERVE, Math.max(limit, core.heap_bytes_in_use() + HEAP_RESERVE / 2)));
  }
  return r;
};

/** The exception's type as printed: its qualified name, with its module unless builtins or __main__. */
export function qualifiedName(vm: VM, exc: Obj): string {
  const ti = vm.typeInfo(exc);
  if (ti.module === "builtins" || ti.module === "__main__") return ti.qualname;
  return `${ti.module}.${ti.qualname}`;
}

/** str() of the exception; a str() that raises gives "<exception str() failed>". */
export function excStr(vm: VM, exc: Obj): string {
  try {
    return vm.strOf(exc);
  } catch (e) {
    // only a Python exception is reported this way; a limit or the page's load-and-run-again signal stops the run
    if (!(e instanceof PyRaise)) throw e;
    vm.decref(e.exc);
    return "<exception str() failed>";
  }
}

proto.writeUnraisable = function (this: VM, exc: Obj, obj: Obj | string): void {
  // late in shutdown, once the modules (sys among them) are wiped, sys.stderr is None: nothing is written
  if (this.modules.size === 0) return;
  let head: string;
  if (typeof obj === "string") head = obj;
  else {
    try {
      head = `Exception ignored in: ${this.repr(obj)}`;
    } catch (e) {
      // a limit reached in a __repr__ or __str__ here stops the program at its next step, nothing written
      if (e instanceof LimitExceeded) return this.deferLimit(e);
      if (!(e instanceof PyRaise)) throw e;
      this.decref(e.exc);
      head = "Exception ignored in: <object repr() failed>";
    }
  }
  let text = head + "\n";
  try {
    // the exception's own traceback and "Type: str" only: no chain, notes, suggestions or group tree
    const tb = this.h.getSlot(exc, L.EXC_TRACEBACK);
    if (tb) text += formatTraceback(this.tracebackEntries(tb), (f, l) => (this.sourceLinesGone ? null : this.host.sourceLine(f, l)));
    text += `${qualifiedName(this, exc)}: ${excStr(this, exc)}\n`;
  } catch (e) {
    if (e instanceof LimitExceeded) return this.deferLimit(e);
    if (!(e instanceof PyRaise)) throw e;
    this.decref(e.exc);
  }
  // on sys.stderr: nothing when it is None, through its write() when it is another object
  const sys = this.modules.get("sys");
  const err = sys ? this.getAttrOrNull(sys, "stderr") : 0;
  if (!err) return this.host.write("stderr", text);
  try {
    if (err !== this.None) this.writeTo(err, text);
  } catch (e) {
    if (e instanceof LimitExceeded) return this.deferLimit(e);
    if (!(e instanceof PyRaise)) throw e;
    this.decref(e.exc);
  } finally {
    this.decref(err);
  }
};
