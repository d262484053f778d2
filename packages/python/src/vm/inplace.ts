/**
 * `v += t` / `v = v + t` on a function's local str, as CPython 3.11 runs it once the code is quickened:
 * a BINARY_OP `+` (or `+=`) followed by STORE_FAST is an adaptive instruction that may specialise to
 * BINARY_OP_INPLACE_ADD_UNICODE, which appends to the local's string in place when nothing else holds it.
 *
 * The model of one such instruction (3.11's counters):
 * - after quickening it is adaptive with a counter of 0: the next execution tries to specialise;
 * - specialising: operands of different types fail; an exact str whose STORE_FAST target holds the left
 *   operand gives INPLACE_ADD_UNICODE, any other exact str ADD_UNICODE, exact int ADD_INT, exact float
 *   ADD_FLOAT; anything else fails;
 * - a failure backs off exponentially: 2^k − 1 executions run the generic instruction before the next try
 *   (k = 1, 2, … 12), the first of them at once;
 * - a specialised instruction whose guard fails (a "miss") runs the generic instruction; 53 misses
 *   send it back to the adaptive form, which then waits 31 executions before specialising again.
 * Only INPLACE_ADD_UNICODE behaves differently from the generic instruction; the other forms are kept so
 * that a site which saw ints or another target first does not append in place.
 */
import { Op } from "../compile/opcodes.js";
import type { Obj } from "./heap-api.js";
import type { CodeInfo, Frame } from "./frame.js";
import type { VM } from "./vm.js";

const enum Form {
  ADAPTIVE,
  INPLACE_ADD_UNICODE,
  ADD_UNICODE,
  ADD_INT,
  ADD_FLOAT,
}

interface Site {
  form: Form;
  /** Adaptive: executions left before the next specialisation attempt. Specialised: misses left. */
  counter: number;
  /** Exponent of the adaptive backoff. */
  backoff: number;
}

const MISS_COUNTER_START = 53;
const BACKOFF_START = 5;
const MAX_BACKOFF = 12;

/** The state of the instruction at index i of a quickened code object. */
function siteAt(info: CodeInfo, i: number): Site {
  let sites = info.addSites as (Site | undefined)[] | null;
  if (sites === null) info.addSites = sites = [];
  let s = sites[i];
  if (!s) sites[i] = s = { form: Form.ADAPTIVE, counter: 0, backoff: 0 };
  return s;
}

/** True when a BINARY_OP with this argument at index i of `code` is a candidate (its next instruction
 *  stores a fast local): the caller checks this before calling binaryAddStore. */
export function isAddThenStore(co: ArrayLike<number>, i: number, arg: number): boolean {
  return (arg === 0 || arg === 13) && co[2 * i + 2] === Op.STORE_FAST;
}

/** True when the candidate at index i has specialised to ADD_INT: with two exact int operands its guard
 *  holds and binaryAddStore would change nothing and return false, so the caller may skip it. */
export function isIntAddSite(info: CodeInfo, i: number): boolean {
  const sites = info.addSites as (Site | undefined)[] | null;
  if (sites === null) return false;
  const s = sites[i];
  return s !== undefined && s.form === Form.ADD_INT;
}

/**
 * Runs the BINARY_OP at index i of frame f (whose code is quickened and which isAddThenStore accepted) when
 * it executes as INPLACE_ADD_UNICODE: pops both operands, stores the result in the STORE_FAST target,
 * skips that STORE_FAST and returns true. Returns false, with the stack untouched, when the instruction
 * runs as the generic BINARY_OP (the caller then does that); the site's counters are updated either way.
 */
export function binaryAddStore(vm: VM, f: Frame, i: number): boolean {
  const h = vm.h;
  const st = f.stack;
  const a = st[st.length - 2]!;
  const b = st[st.length - 1]!;
  const co = f.info.code.co_code;
  const target = co[2 * i + 3]!;
  const s = siteAt(f.info, i);
  const ta = h.typeOf(a);
  const same = ta === h.typeOf(b);
  if (s.form === Form.ADAPTIVE) {
    if (s.counter > 0) {
      s.counter--;
      return false;
    }
    let form = Form.ADAPTIVE;
    if (same) {
      if (ta === vm.tStr) form = f.localsplus[target] === a ? Form.INPLACE_ADD_UNICODE : Form.ADD_UNICODE;
      else if (ta === vm.tInt) form = Form.ADD_INT;
      else if (ta === vm.tFloat) form = Form.ADD_FLOAT;
    }
    if (form === Form.ADAPTIVE) {
      s.backoff = Math.min(s.backoff + 1, MAX_BACKOFF);
      // the failed attempt is followed at once by a deferred execution of the generic instruction
      s.counter = (1 << s.backoff) - 2;
      return false;
    }
    s.form = form;
    s.counter = MISS_COUNTER_START;
  }
  const guard =
    s.form === Form.INPLACE_ADD_UNICODE
      ? same && ta === vm.tStr && f.localsplus[target] === a
      : same && ta === (s.form === Form.ADD_INT ? vm.tInt : s.form === Form.ADD_FLOAT ? vm.tFloat : vm.tStr);
  if (!guard) {
    if (--s.counter === 0) {
      s.form = Form.ADAPTIVE;
      s.backoff = BACKOFF_START;
      s.counter = (1 << BACKOFF_START) - 1;
    }
    return false;
  }
  if (s.form !== Form.INPLACE_ADD_UNICODE) return false;
  // pops, not a store to `length` (a call into V8's runtime)
  st.pop();
  st.pop();
  // The stack's reference to the left string goes (the local still holds it), so that a string held only
  // by the local has refcount 1 and may be grown in place.
  h.decref(a);
  try {
    const r = h.strAppendInPlace(a, b);
    if (r !== 0) f.localsplus[target] = r;
    else {
      f.localsplus[target] = vm.binaryOp(a, b, co[2 * i + 1]!, f);
      h.decref(a);
    }
  } finally {
    h.decref(b);
  }
  f.ip = i + 2;
  return true;
}
