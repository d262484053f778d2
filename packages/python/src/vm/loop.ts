/**
 * The eval loop: one `switch` over 3.11 opcodes. Python-to-Python calls push a frame and continue in the
 * same loop; RETURN_VALUE pops back to the caller. An exception unwinds through the exception table of
 * each frame, adding a traceback entry per frame (not for RERAISE), until a handler or the entry frame.
 */
import type { Obj } from "./heap-api.js";
import { CodeFlag } from "../compile/code.js";
import { Op } from "../compile/opcodes.js";
import { Frame } from "./frame.js";
import { Kind, type KwArgs } from "./types.js";
import { INTERRUPTED, LimitExceeded, PyRaise, VM } from "./vm.js";
import * as L from "./layouts.js";
import type { GenState } from "./eval.js";
import { binarySubscr, dictKeyIterNextIn, formatValue, instanceGetAttr, instanceSetAttr, intTruth, listIterNextIn, loadGlobalCached, loadMethodCached, newIntResult, rangeIterNextAt, smallIntBinary, smallIntValue, asObj, buildString, storeSubscr, strCallSite, strCall } from "./fast.js";
import { isAddThenStore, binaryAddStore, isIntAddSite } from "./inplace.js";
import { jitState, type JitHook } from "./jit-hook.js";
import { classInitAbort, classInitDone, classInitFrame, superCallMethod, superCallPush, superMethodPush } from "./classes.js";
import { abi } from "@pyheap/heap";
import { jsStackLow } from "./misc.js";
import { noteSlot, SLOT_LOAD, SLOT_METHOD, SLOT_STORE, slotLoad, slotMethod, slotStore } from "./protocol.js";
import { rarely } from "./rarely.js";

/** Marks a PyRaise whose __context__ is already set (where it was raised): one passed on out of a loop or
 *  a generator, or thrown into a generator. */
export class Chained extends PyRaise {}
/** Marks a PyRaise thrown by RERAISE (no new traceback entry, no new context). */
export class ReRaise extends Chained {}

const proto = VM.prototype;

const OB_TYPE = abi.OB_TYPE;
const TUPLE_ITEMS = abi.TUPLE_ITEMS;
const OB_SIZE = abi.OB_SIZE;
const INT_DIGITS = abi.INT_DIGITS;

function findHandler(table: readonly { start: number; end: number; target: number; depth: number; lasti: boolean }[], i: number) {
  for (const e of table) if (i >= e.start && i < e.end) return e;
  return null;
}

proto.evalFrame = function (this: VM, entry: Frame): Obj {
  const h = this.h;
  let f = entry;
  this.frame = f;
  const enterDepth = this.depth;
  // past depth 99, JavaScript's stack is checked too (each entry here is native code calling into Python)
  if (!f.gen || f.ip === 0) {
    if (++this.depth > this.recursionLimit || (this.depth > 99 && jsStackLow(this))) {
      this.depth--;
      this.frame = f.back;
      this.leaveFrame(f);
      this.raise("RecursionError", "maximum recursion depth exceeded");
    }
  } else if (++this.depth > 99 && jsStackLow(this)) {
    this.depth--;
    this.frame = f.back;
    this.raise("RecursionError", "maximum recursion depth exceeded");
  }
  const host = this.host;
  // tracing hooks are set before a run starts
  const hooked = !!(host.onLine || host.onInstruction);
  const intType = this.tInt;
  const rangeIterType = this.tRangeIter;
  const listIterType = this.tListIter;
  const dictKeyIterType = this.tDictKeyIter;
  const superType = this.tSuper;
  const pyTrue = this.True;
  const pyFalse = this.False;
  // type words as read from memory (int32: a compare of two int32s, where a `>>> 0` read compared with a
  // number is a float64 compare in V8's optimised code)
  const functionTypeW = this.tFunction | 0;
  const methodTypeW = this.tMethod | 0;
  const superTypeW = superType | 0;
  const typeTypeW = this.tType | 0;
  const builtinTypeW = this.T.builtin_function_or_method | 0;
  // the heap's memory view, read again only when memory grew (a grown memory detaches the old view: length 0;
  // `(mem.length | 0) !== 0`: V8 reads a typed array's length as a float64 and checked it was an int32)
  let mem = h.i32;
  // loops compiled to JavaScript (jit/compile.ts) run there, entered where a jump back lands (at their
  // head: jumpedBack, called by the jumps back only), until an instruction they leave to this loop, which
  // goes on until the next jump back
  const jit = hooked ? null : jitState.hook;
  const jitOn = jit !== null;
  for (;;) {
    // the running frame's code, instructions and stack, read again whenever `f` changes (calls, returns,
    // an exception unwinding to a caller: each of those sets `f` and then these)
    let code = f.info.code;
    let ops = f.info.ops;
    let st = f.stack;
    // the running frame's next instruction: written to f.ip only where the frame is left (a call pushes a
    // frame, a yield, evalRare, the compiled path) and read back where it is entered again; f.lasti (read
    // by tracebacks, f_lineno, warnings, the step check's limit errors) is still stored per instruction
    let ip = f.ip;
    try {
      for (;;) {
        let i = ip++;
        // with tracing: did a jump back land here (sys.settrace reports a line after every one)
        const back = hooked && i < f.lasti;
        f.lasti = i;
        // opcode and argument in one load (CodeInfo.ops)
        const w = ops[i];
        const op = (w & 255) as Op;
        let arg = w >> 8;
        if (++this.steps >= this.stepCheckAt) this.checkStepLimits();
        if (hooked) {
          if (host.onLine) {
            // CPython 3.11's rule: a line event when the line differs from the previous instruction's
            // (f.lastLine), or after any backward jump except onto SEND
            const line = code.co_positions[4 * i];
            const prev = f.lastLine;
            f.lastLine = line;
            if (line > 0 && (line !== prev || (back && op !== Op.SEND))) host.onLine(f, line);
          }
          if (host.onInstruction) host.onInstruction(f);
        }
        switch (op) {
          case 9 /* Op.NOP */:
            break;
          case 151 /* Op.RESUME */:
            if (f.info.warmup < 0) f.info.warmup++;
            break;
          case 1 /* Op.POP_TOP */: {
            // h.decref inline: the call only when the count reaches 0
            const v = st.pop()!;
            const m = (mem.length | 0) !== 0 ? mem : (mem = h.i32);
            if (m[v >>> 2] === 1) h.decref(v);
            else m[v >>> 2]!--;
            break;
          }
          case 2 /* Op.PUSH_NULL */:
            st.push(0);
            break;
          case 120 /* Op.COPY */: {
            const v = st[st.length - arg];
            if (v) h.incref(v);
            st.push(v);
            break;
          }
          case 99 /* Op.SWAP */: {
            const a = st.length - 1;
            const b = st.length - arg;
            const t = st[a];
            st[a] = st[b];
            st[b] = t;
            break;
          }
          case 100 /* Op.LOAD_CONST */: {
            const v = f.info.consts[arg];
            ((mem.length | 0) !== 0 ? mem : (mem = h.i32))[v >>> 2]!++;
            st.push(v);
            break;
          }
          case 124 /* Op.LOAD_FAST */: {
            const v = f.localsplus[arg];
            if (!v) this.unboundLocal(f, arg);
            ((mem.length | 0) !== 0 ? mem : (mem = h.i32))[v >>> 2]!++;
            st.push(v);
            break;
          }
          case 125 /* Op.STORE_FAST */: {
            const ls = f.localsplus;
            const old = ls[arg];
            ls[arg] = st.pop()!;
            if (old) {
              const m = (mem.length | 0) !== 0 ? mem : (mem = h.i32);
              if (m[old >>> 2] === 1) h.decref(old);
              else m[old >>> 2]!--;
            }
            break;
          }
          case 137 /* Op.LOAD_DEREF */: {
            const v = h.getSlot(f.localsplus[arg], L.CELL_REF);
            if (!v) this.unboundDeref(f, arg);
            h.incref(v);
            st.push(v);
            break;
          }
          case 149 /* Op.COPY_FREE_VARS */:
            copyFreeVars(h, f, arg);
            break;
          case 116 /* Op.LOAD_GLOBAL */: {
            // (stores at st.length: as RETURN_VALUE's)
            if (arg & 1) st[st.length] = 0;
            st[st.length] = loadGlobalCached(this, f, i, arg >> 1, (mem.length | 0) !== 0 ? mem : (mem = h.i32));
            break;
          }
          case 106 /* Op.LOAD_ATTR */: {
            const o = st.pop()!;
            const m = (mem.length | 0) !== 0 ? mem : (mem = h.i32);
            const sv = slotLoad(this, m, f, i, o);
            if (sv !== 0) {
              st.push(sv);
              if (m[o >>> 2] === 1) h.decref(o);
              else m[o >>> 2]!--;
              break;
            }
            loadAttrNoting(this, f, i, st, o, arg);
            break;
          }
          case 95 /* Op.STORE_ATTR */:
            if (!slotStore(this, (mem.length | 0) !== 0 ? mem : (mem = h.i32), f, i, st, arg)) storeAttr(this, f, i, st, arg);
            break;
          case 160 /* Op.LOAD_METHOD */: {
            const o = st.pop()!;
            const name = code.co_names[arg];
            if ((mem = (mem.length | 0) !== 0 ? mem : h.i32)[(o + OB_TYPE) >>> 2] === superTypeW) {
              // super().name: NULL and the bound method (classes.ts superMethodPush)
              superMethodPush(this, st, o, name);
              break;
            }
            // the slot site's hit and a builtin type's kept descriptor (list.append's) called from here (both
            // small enough for V8 to inline), the rest out of line
            let m = slotMethod(this, mem, f, i, o);
            if (m === 0 && (m = methodCacheHit(mem, f, i, o)) === 0) m = loadMethodNoting(this, f, i, o, name, arg);
            if (m) {
              st.push(m);
              st.push(o);
            } else {
              st.push(0);
              pushAttrRelease(this, st, o, name);
            }
            break;
          }
          case 172 /* Op.KW_NAMES */:
            f.kwNames = arg;
            break;
          case 166 /* Op.PRECALL */:
          case 171 /* Op.CALL */: {
            if (op === 166) {
              // the CALL after PRECALL runs here (its step counted and f_lasti set as its own dispatch would)
              // when nothing could tell: untraced, not at the step where the limits are checked (compiled code
              // is never entered at a CALL)
              if (hooked || (ops[ip]! & 255) !== 171 /* Op.CALL */ || this.steps + 1 >= this.stepCheckAt) break;
              this.steps++;
              arg = ops[ip]! >> 8;
              f.lasti = i = ip++;
            }
            let kwNames: string[] | null = null;
            if (f.kwNames >= 0) {
              kwNames = this.tupleStrings(f.info.consts[f.kwNames]);
              f.kwNames = -1;
            }
            // the stack holds [NULL or callable] [callable or self] args...: the arguments are moved
            // into one array (a bound method's self first) without intermediate copies
            const base = st.length - arg;
            const a = st[base - 2];
            const b = st[base - 1];
            // what 3.11's PRECALL specialised to at this site (only str(x) without its tuple is modelled)
            // (a site past its first quickened call that was not str(x) answers 0 for good: read here, not called)
            const ss = f.info.strSites;
            const str1 = f.info.warmup >= 0 && (ss === null || ss[i] !== 0xffff) ? strCallSite(f.info, i, a === 0 && b === this.tStr && arg === 1 && kwNames === null) : 0;
            let target = a ? a : b;
            let mself = 0;
            // function and method are not subclassable: their kinds are these exact types
            let m = (mem = (mem.length | 0) !== 0 ? mem : h.i32);
            let tt = m[(target + OB_TYPE) >>> 2]!;
            if (tt === methodTypeW) {
              const func = m[(target + L.METHOD_FUNC) >>> 2]! >>> 0;
              if (m[(func + OB_TYPE) >>> 2] === functionTypeW) {
                mself = m[(target + L.METHOD_SELF) >>> 2]! >>> 0;
                m[mself >>> 2]!++;
                m[func >>> 2]!++;
                h.decref(target);
                m = mem = (mem.length | 0) !== 0 ? mem : h.i32;
                target = func;
                tt = functionTypeW;
              }
            }
            if (kwNames === null && tt === functionTypeW && this.depth + 1 <= this.recursionLimit) {
              // exactly the positional parameters (callFunctionSteal's common call): the arguments go from
              // the stack straight into the new (or reused) frame, which takes the reference to the function
              const ci = this.codes[m[(m[(target + L.FUNC_CODE) >>> 2]! >>> 0) + L.CODE_INDEX >>> 2]!];
              if (arg + (a ? 1 : 0) + (mself ? 1 : 0) === ci.posArgs) {
                const globals = m[(target + L.FUNC_GLOBALS) >>> 2]! >>> 0;
                let nf = ci.spareFrame;
                if (nf !== null) {
                  // the spare frames of a code are a list linked through `back`
                  ci.spareFrame = nf.back;
                  nf.reuse(target, globals, this.builtins, f);
                } else nf = new Frame(ci, target, globals, this.builtins, 0, f);
                const ls = nf.localsplus;
                let j = 0;
                if (mself) ls[j++] = mself;
                if (a) ls[j++] = b;
                for (let k = base; k < base + arg; k++) ls[j++] = st[k];
                // pops, not a store to `length` (a call into V8's runtime)
                for (let k = arg + 2; k > 0; k--) st.pop();
                this.depth++;
                f.ip = ip;
                f = nf;
                this.frame = f;
                code = f.info.code;
                ops = f.info.ops;
                st = f.stack;
                ip = 0;
                // its RESUME (the step and the quickening count) run here when nothing could tell: untraced, not
                // at the step where the limits are checked
                if (ops[0] === 151 /* Op.RESUME 0 */ && !hooked && this.steps + 1 < this.stepCheckAt) {
                  this.steps++;
                  if (f.info.warmup < 0) f.info.warmup++;
                  ip = 1;
                }
                break;
              }
            }
            if (target === superType && arg === 0 && a === 0 && kwNames === null) {
              // zero-argument super() (what callGeneral does for it, without the argument array)
              st.pop();
              st.pop();
              // super().name: with the LOAD_METHOD after it in one step when nothing could tell (untraced, not
              // at the step where the limits are checked): one core call (classes.ts superCallMethod)
              if (!hooked && (ops[ip]! & 255) === 160 /* Op.LOAD_METHOD */ && this.steps + 1 < this.stepCheckAt && superCallMethod(this, f, st, ip, target)) {
                ip++;
                break;
              }
              superCallPush(this, st, target);
              break;
            }
            // lst.append(v) on an exact list (3.11's PRECALL_NO_KW_LIST_APPEND), d.get(k[, default]) on an
            // exact dict: without the argument array and the native's dispatch
            // (a statement `lst.append(v)` in quickened code: its POP_TOP run here too and no None made, as 3.11's
            // PRECALL_NO_KW_LIST_APPEND skips both; untraced, not at the step where the limits are checked)
            const dc = a !== 0 && kwNames === null && (a === this.listAppendDescr || a === this.dictGetDescr) ? descrCall(this, st, a, b, arg, !hooked && f.info.warmup >= 0 && ops[ip] === 1 /* POP_TOP */ && this.steps + 1 < this.stepCheckAt) : 0;
            if (dc !== 0) {
              if (dc === 2) {
                this.steps++;
                f.lasti = ip++;
              }
              break;
            }
            if (arg === 1 && a === 0 && kwNames === null && tt === builtinTypeW && builtinCall1(this, st, target)) break;
            // str(x): an exact int's digits without callTypeDirect; at a STR_1 site any argument without the tuple
            if (target === this.tStr && arg === 1 && a === 0 && kwNames === null && strCall(this, st, str1)) break;
            // a plain class: its __init__ runs here, not in a nested loop (classes.ts classInitFrame); any
            // other call: out of line (a Python function's new frame comes back to run here)
            let nf = tt === typeTypeW && a === 0 && kwNames === null ? classInitFrame(this, f, st, arg, target) : null;
            if (nf === null) nf = callGeneral(this, f, st, arg, a, b, target, mself, kwNames);
            if (nf !== null) {
              this.depth++;
              f.ip = ip;
              f = nf;
              this.frame = f;
              code = f.info.code;
              ops = f.info.ops;
              st = f.stack;
              ip = f.ip;
            }
            break;
          }
          case 83 /* Op.RETURN_VALUE */: {
            const v = st.pop()!;
            const back = f.back;
            if (f.gen) {
              this.lastYield = false;
              this.depth--;
              this.frame = back;
              return v;
            }
            // unlinked before its locals go: a __del__ they run is called from the caller (python3's
            // sys._getframe(1) there is the caller), and never sees this frame half released
            this.frame = back;
            if (f.frameObj === 0 && f.locals === 0 && st.length === 0) {
              // leaveFrame's common case, inline: the locals in order, then the function
              // (h.decref inline, as POP_TOP's: a call only when a count reaches 0, which may run code that
              // grows the memory)
              const ls = f.localsplus;
              for (let k = 0; k < ls.length; k++) {
                const x = ls[k];
                if (x) {
                  ls[k] = 0;
                  const m = (mem.length | 0) !== 0 ? mem : (mem = h.i32);
                  if (m[x >>> 2] === 1) h.decref(x);
                  else m[x >>> 2]!--;
                }
              }
              const fn = f.func;
              f.func = 0;
              if (fn) {
                const m = (mem.length | 0) !== 0 ? mem : (mem = h.i32);
                if (m[fn >>> 2] === 1) h.decref(fn);
                else m[fn >>> 2]!--;
              }
            } else this.leaveFrame(f);
            this.depth--;
            if (f === entry) return v;
            // a frame the loop pushed, now holding nothing: kept for a later call of its code (never when
            // hooked: a trace may hold frames); a code's spare frames are linked through `back`
            const done = f;
            if (!hooked && f.isModule === false && f.locals === 0 && f.gen === 0 && f.initSelf === 0) {
              f.back = f.info.spareFrame;
              f.info.spareFrame = f;
            }
            f = back!;
            code = f.info.code;
            ops = f.info.ops;
            st = f.stack;
            ip = f.ip;
            // a class's __init__ run by CALL: the instance is the call's result (classInitDone keeps the frame)
            // (stored at st.length, not pushed: V8 inlines the store from its own feedback, where a push on a
            // stack just read from a frame, whose kind of array it cannot infer, is a call of its builtin)
            st[st.length] = done.initSelf !== 0 ? classInitDone(this, done, v, !hooked) : done.end === null ? v : frameEnd(done, v);
            break;
          }
          case 75 /* Op.RETURN_GENERATOR */: {
            // reached when a generator frame is run directly (callGeneral runs a new generator's frame so)
            f.ip = ip;
            const g = this.makeGenerator(f);
            this.depth--;
            this.frame = f.back;
            return g;
          }
          case 86 /* Op.YIELD_VALUE */: {
            const v = st.pop()!;
            f.ip = ip;
            this.lastYield = true;
            this.depth--;
            this.frame = f.back;
            return v;
          }
          case 122 /* Op.BINARY_OP */: {
            const m = (mem.length | 0) !== 0 ? mem : (mem = h.i32);
            const n = st.length;
            const b = st[n - 1];
            const a = st[n - 2];
            const ints = m[(a + OB_TYPE) >>> 2] === (intType | 0) && m[(b + OB_TYPE) >>> 2] === (intType | 0);
            // an add stored to a local (3.11's INPLACE_ADD_UNICODE site); once specialised to ADD_INT, two
            // exact ints skip it (binaryAddStore would only say no)
            if (f.info.warmup >= 0 && isAddThenStore(code.co_code, i, arg) && !(ints && isIntAddSite(f.info, i)) && binaryAddStore(this, f, i)) {
              // the STORE_FAST after it done too
              ip = i + 2;
              break;
            }
            if (ints) {
              // computed, made and released in one core call (one-digit operands, +/- of two digits)
              const r = h.intBinarySmall(a, b, arg);
              if (r !== 0) {
                st.pop();
                st[n - 2] = asObj(r);
                break;
              }
            }
            st.pop();
            st.pop();
            const x = ints ? smallIntBinary((mem.length | 0) !== 0 ? mem : (mem = h.i32), intType, a, b, arg) : NaN;
            // both exact ints: their release runs no hook
            if (x === x) pushIntResultRelease(h, st, x, a, b);
            else pushBinaryRelease(this, f, st, a, b, arg);
            break;
          }
          case 107 /* Op.COMPARE_OP */: {
            const m = (mem.length | 0) !== 0 ? mem : (mem = h.i32);
            const n = st.length;
            const b = st[n - 1];
            const a = st[n - 2];
            if (m[(a + OB_TYPE) >>> 2] === (intType | 0) && m[(b + OB_TYPE) >>> 2] === (intType | 0)) {
              // before a conditional jump, ints of at most one digit that stay alive: both done here, no bool
              if (!hooked) {
                const j = intCompareJump(this, m, f, st, ops, ip, a, b, arg);
                if (j >= 0) {
                  ip = jitOn && j <= i ? jumpedBack(this, jit!, f, j) : j;
                  break;
                }
              }
              // exact ints of at most two digits: compared and released in one core call
              const r = h.intCompareSmall(a, b, arg);
              if (r !== 0) {
                st.pop();
                st[n - 2] = r;
                break;
              }
            }
            st.pop();
            st.pop();
            pushCompareRelease(this, st, a, b, arg);
            break;
          }
          case 117 /* Op.IS_OP */: {
            const b = st.pop()!;
            const a = st.pop()!;
            st.push(this.bool((a === b) !== (arg === 1)));
            h.decref(a);
            h.decref(b);
            break;
          }
          case 25 /* Op.BINARY_SUBSCR */:
            binarySubscr(this, st);
            break;
          case 60 /* Op.STORE_SUBSCR */:
            storeSubscr(this, st);
            break;
          case 68 /* Op.GET_ITER */:
            getIter(this, f, st);
            break;
          case 93 /* Op.FOR_ITER */: {
            const it = st[st.length - 1];
            // range, list and dict key iterators without iterNext's dispatch (the same reads as their natives)
            const m = mem.length !== 0 ? mem : (mem = h.i32);
            const itType = m[(it + OB_TYPE) >>> 2]! >>> 0;
            let v = itType === rangeIterType ? rangeIterNextAt(h, m, f, i, it) : itType === listIterType ? listIterNextIn(h, m, it) : -1;
            if (v < 0 && (itType !== dictKeyIterType || (v = dictKeyIterNextIn(h, m, it)) < 0)) v = this.iterNext(it);
            if (v) st.push(v);
            else {
              st.pop();
              h.decref(it);
              ip = arg;
            }
            break;
          }
          case 140 /* Op.JUMP_BACKWARD */:
            if (f.info.warmup < 0) f.info.warmup++;
            ip = jitOn ? jumpedBack(this, jit!, f, arg) : arg;
            break;
          case 110 /* Op.JUMP_FORWARD */:
          // (only in generators, which are never compiled)
          case 134 /* Op.JUMP_BACKWARD_NO_INTERRUPT */:
            ip = arg;
            break;
          case 114 /* Op.POP_JUMP_FORWARD_IF_FALSE */:
          case 175 /* Op.POP_JUMP_BACKWARD_IF_FALSE */: {
            // True, False and exact ints decided here, released inline (a call only at a count of 0)
            const v = st.pop()!;
            const m = (mem.length | 0) !== 0 ? mem : (mem = h.i32);
            const iv = v === pyTrue ? 1 : v === pyFalse ? 0 : intTruth(m, intType, v);
            if (iv >= 0) {
              if (iv === 0) ip = arg;
              if (m[v >>> 2] === 1) h.decref(v);
              else m[v >>> 2]!--;
            } else if (!truthRelease(this, v)) ip = arg;
            if (jitOn && ip < i) ip = jumpedBack(this, jit!, f, ip);
            break;
          }
          case 115 /* Op.POP_JUMP_FORWARD_IF_TRUE */:
          case 176 /* Op.POP_JUMP_BACKWARD_IF_TRUE */: {
            const v = st.pop()!;
            const m = (mem.length | 0) !== 0 ? mem : (mem = h.i32);
            const iv = v === pyTrue ? 1 : v === pyFalse ? 0 : intTruth(m, intType, v);
            if (iv >= 0) {
              if (iv === 1) ip = arg;
              if (m[v >>> 2] === 1) h.decref(v);
              else m[v >>> 2]!--;
            } else if (truthRelease(this, v)) ip = arg;
            if (jitOn && ip < i) ip = jumpedBack(this, jit!, f, ip);
            break;
          }
          case 129 /* Op.POP_JUMP_FORWARD_IF_NONE */:
          case 174 /* Op.POP_JUMP_BACKWARD_IF_NONE */: {
            const v = st.pop()!;
            if (v === this.None) ip = arg;
            h.decref(v);
            if (jitOn && ip < i) ip = jumpedBack(this, jit!, f, ip);
            break;
          }
          case 128 /* Op.POP_JUMP_FORWARD_IF_NOT_NONE */:
          case 173 /* Op.POP_JUMP_BACKWARD_IF_NOT_NONE */: {
            const v = st.pop()!;
            if (v !== this.None) ip = arg;
            h.decref(v);
            if (jitOn && ip < i) ip = jumpedBack(this, jit!, f, ip);
            break;
          }
          case 145 /* Op.LIST_APPEND */: {
            h.listAppendSteal(st[st.length - 1 - arg], st.pop()!);
            break;
          }
          case 10 /* Op.UNARY_POSITIVE */:
          case 11 /* Op.UNARY_NEGATIVE */:
          case 12 /* Op.UNARY_NOT */:
          case 15 /* Op.UNARY_INVERT */:
          case 30 /* Op.GET_LEN */:
          case 31 /* Op.MATCH_MAPPING */:
          case 32 /* Op.MATCH_SEQUENCE */:
          case 33 /* Op.MATCH_KEYS */:
          case 35 /* Op.PUSH_EXC_INFO */:
          case 36 /* Op.CHECK_EXC_MATCH */:
          case 37 /* Op.CHECK_EG_MATCH */:
          case 49 /* Op.WITH_EXCEPT_START */:
          case 53 /* Op.BEFORE_WITH */:
          case 61 /* Op.DELETE_SUBSCR */:
          case 69 /* Op.GET_YIELD_FROM_ITER */:
          case 70 /* Op.PRINT_EXPR */:
          case 71 /* Op.LOAD_BUILD_CLASS */:
          case 74 /* Op.LOAD_ASSERTION_ERROR */:
          case 82 /* Op.LIST_TO_TUPLE */:
          case 84 /* Op.IMPORT_STAR */:
          case 85 /* Op.SETUP_ANNOTATIONS */:
          case 88 /* Op.PREP_RERAISE_STAR */:
          case 89 /* Op.POP_EXCEPT */:
          case 91 /* Op.DELETE_NAME */:
          case 94 /* Op.UNPACK_EX */:
          case 96 /* Op.DELETE_ATTR */:
          case 97 /* Op.STORE_GLOBAL */:
          case 98 /* Op.DELETE_GLOBAL */:
          case 104 /* Op.BUILD_SET */:
          case 105 /* Op.BUILD_MAP */:
          case 108 /* Op.IMPORT_NAME */:
          case 109 /* Op.IMPORT_FROM */:
          case 119 /* Op.RERAISE */:
          case 123 /* Op.SEND */:
          case 126 /* Op.DELETE_FAST */:
          case 130 /* Op.RAISE_VARARGS */:
          case 132 /* Op.MAKE_FUNCTION */:
          case 133 /* Op.BUILD_SLICE */:
          case 135 /* Op.MAKE_CELL */:
          case 139 /* Op.DELETE_DEREF */:
          case 142 /* Op.CALL_FUNCTION_EX */:
          case 146 /* Op.SET_ADD */:
          case 147 /* Op.MAP_ADD */:
          case 148 /* Op.LOAD_CLASSDEREF */:
          case 152 /* Op.MATCH_CLASS */:
          case 156 /* Op.BUILD_CONST_KEY_MAP */:
          case 162 /* Op.LIST_EXTEND */:
          case 163 /* Op.SET_UPDATE */:
          case 164 /* Op.DICT_MERGE */:
          case 165 /* Op.DICT_UPDATE */:
          default:
            // (its jumps set f.ip)
            f.ip = ip;
            this.evalRare(f, op, arg);
            ip = f.ip;
        }
      }
    } catch (e) {
      // unwinds to the frame whose handler takes the exception (or throws on past the entry frame)
      f = this.unwindFrames(e, f, entry, enterDepth);
    }
  }
};

/** The eval loop's exception path, out of evalFrame (which V8 then compiles faster): a PyRaise thrown in
 *  frame `f` unwinds through the exception tables of f and its callers up to `entry`; returns the frame
 *  whose handler runs next (this.frame set), or throws the exception on past the entry frame. Anything
 *  else (a limit, an internal error) releases every frame of the loop and is thrown on. */
proto.unwindFrames = function (this: VM, e: unknown, f: Frame, entry: Frame, enterDepth: number): Frame {
  const h = this.h;
  let reraise = false;
  let fresh = true;
  if (e instanceof RangeError && e.message.includes("call stack")) e = stackOverflowError(this, e);
  e = this.memoryError(e);
  if (!(e instanceof PyRaise)) releaseLoopFrames(this, f, entry, enterDepth, e);
  const exc = e.exc;
  reraise = e instanceof ReRaise;
  fresh = !(e instanceof Chained);
  for (;;) {
    if (fresh) this.setContext(exc);
    if (!reraise) this.addTraceback(exc, f);
    reraise = false;
    fresh = false;
    const hd = findHandler(f.info.code.co_exceptiontable, f.lasti);
    if (hd) {
      const st = f.stack;
      while (st.length > hd.depth) {
        const v = st.pop()!;
        if (v) h.decref(v);
      }
      if (hd.lasti) st.push(h.newInt(f.lasti));
      st.push(exc);
      f.ip = hd.target;
      return f;
    }
    const back = f.back;
    if (f.gen) {
      // (past the entry frame: the depth it was entered at, whatever a JavaScript stack overflow under it
      // left uncounted)
      this.depth = f === entry ? enterDepth : this.depth - 1;
      this.frame = back;
      throw e.constructor === Chained ? e : new Chained(exc);
    }
    this.leaveFrame(f);
    this.depth--;
    if (f.end !== null) {
      this.frame = back;
      frameEnd(f, 0);
    }
    if (f.initSelf !== 0) {
      // a class's __init__ run by CALL (classes.ts classInitFrame): released as the nested call released them
      this.frame = back;
      try {
        classInitAbort(this, f);
      } catch (x) {
        // releasing the instance ran a __del__ that hit a limit: the frames below are released and the
        // limit goes on, as it would from the caller's CALL
        if (f === entry || x instanceof PyRaise) throw x;
        releaseLoopFrames(this, back!, entry, enterDepth, x);
      }
    }
    if (f === entry) {
      this.depth = enterDepth;
      this.frame = back;
      throw e.constructor === Chained ? e : new Chained(exc);
    }
    f = back!;
    this.frame = f;
  }
};

/** Frame `f`'s end (Frame.end) with its result r, or 0 when an exception left it. */
function frameEnd(f: Frame, r: Obj): Obj {
  const end = f.end!;
  f.end = null;
  return end(r);
}

/** A limit or an internal error under frame `f`: releases every frame of the loop from `f` down to `entry`
 *  and throws `e` on. Releasing a frame or a class call's instance can run a __del__ that reaches the
 *  limit again; that second error is dropped so the frames below are still released. */
function releaseLoopFrames(vm: VM, f: Frame, entry: Frame, enterDepth: number, e: unknown): never {
  for (;;) {
    const back = f.back;
    try {
      if (!f.gen) vm.leaveFrame(f);
    } catch {
      // the first error is the one passed on
    }
    try {
      if (f.initSelf !== 0) classInitAbort(vm, f);
      if (f.end !== null) frameEnd(f, 0);
    } catch {
      // as above
    }
    if (f === entry) break;
    f = back!;
  }
  vm.depth = enterDepth;
  vm.frame = entry.back;
  throw e;
}

/** JavaScript's stack ran out under an instruction of this loop (native code calling back into Python
 *  nests a JavaScript call chain per level, so it can run out before the recursion limit does): the
 *  program gets a RecursionError there. When even making it runs out of stack, the overflow goes on to
 *  the next loop out (this one's frames released), which has more stack to make it with. */
function stackOverflowError(vm: VM, e: RangeError): unknown {
  try {
    return new PyRaise(vm.newException("RecursionError", "maximum recursion depth exceeded"));
  } catch (e2) {
    if (e2 instanceof RangeError) return e;
    throw e2;
  }
}

proto.genResume = function (this: VM, gen: Obj, value: Obj, throwExc: Obj): Obj {
  const st = this.gens[this.h.getI32(gen, L.GEN_INDEX)] as GenState;
  if (st.state === "running") this.raise("ValueError", "generator already executing");
  if (st.state === "closed") {
    if (throwExc) {
      this.h.incref(throwExc);
      throw new PyRaise(throwExc);
    }
    this.lastYield = false;
    return 0;
  }
  if (st.state === "created" && value !== this.None && !throwExc) {
    this.typeError("can't send non-None value to a just-started generator");
  }
  const fr = st.frame;
  this.genRestore(st);
  fr.back = this.frame;
  if (!throwExc) {
    this.h.incref(value);
    fr.stack.push(value);
  }
  st.state = "running";
  // the generator's handled exception lives in its object while suspended (so the collector sees it)
  const h = this.h;
  const savedExc = this.excInfo;
  this.excOuter.push(savedExc);
  this.excInfo = h.getSlot(gen, L.GEN_EXC_STATE);
  if (this.excInfo) h.incref(this.excInfo);
  h.setSlot(gen, L.GEN_EXC_STATE, 0);
  let threw = false;
  try {
    if (throwExc) {
      // raised at the yield it is suspended at (the instruction before ip), chained to the generator's own
      // handled exception only: unwound to its handler there (or on out of it), and run from that handler
      h.incref(throwExc);
      this.setContext(throwExc, this.excInfo);
      fr.lasti = fr.ip > 0 ? fr.ip - 1 : 0;
      const d = this.depth++;
      this.frame = fr;
      this.unwindFrames(new Chained(throwExc), fr, fr, d);
      this.depth = d;
    }
    const r = this.evalFrame(fr);
    return this.genAfter(st, r);
  } catch (e) {
    threw = true;
    st.state = "closed";
    const ex = this.excInfo;
    this.excInfo = savedExc;
    if (ex) h.decref(ex);
    this.genFinish(st);
    if (e instanceof PyRaise && this.isInstance(e.exc, this.T.StopIteration)) {
      // the StopIteration is both its cause and its context
      const r = this.newException("RuntimeError", "generator raised StopIteration");
      h.setSlot(r, L.EXC_CONTEXT, e.exc);
      h.setSlotSteal(r, L.EXC_CAUSE, e.exc);
      h.setI32(r, L.EXC_SUPPRESS, 1);
      throw new Chained(r);
    }
    throw e;
  } finally {
    this.excOuter.pop();
    if (!threw) {
      const ex = this.excInfo;
      this.excInfo = savedExc;
      if ((st.state as string) === "suspended") h.setSlotSteal(gen, L.GEN_EXC_STATE, ex);
      else if (ex) h.decref(ex);
    }
  }
};

/** gen.throw(exc), and close()'s GeneratorExit: a generator suspended in `yield from` hands the exception
 *  to the iterator it delegates to (for GeneratorExit: closes it) while marked running; when that one
 *  yields, so does the generator; when it ends, the generator goes on after its yield from with the value
 *  or the exception it ended with. `exc` borrowed; returns a new reference (this.lastYield: yielded). */
proto.genThrow = function (this: VM, gen: Obj, exc: Obj): Obj {
  const h = this.h;
  const st = this.gens[h.getI32(gen, L.GEN_INDEX)] as GenState;
  const yf = st.state === "suspended" ? this.genYieldFrom(gen) : this.None;
  const close = this.isInstance(exc, this.T.GeneratorExit);
  const sub = this.kindOf(yf) === Kind.GENERATOR && !close;
  const m = yf === this.None || sub ? 0 : this.getAttrOrNull(yf, close ? "close" : "throw");
  // no delegate, or one without throw() (close()): the exception goes into the generator itself
  if (!sub && !m) return this.genResume(gen, this.None, exc);
  h.incref(yf);
  st.state = "running";
  let r: Obj = 0;
  let err: Obj = 0;
  try {
    r = sub ? this.genThrow(yf, exc) : this.call(m, close ? [] : [exc]);
    if (!sub) this.lastYield = true;
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    err = e.exc;
  } finally {
    st.state = "suspended";
    h.decref(yf);
    if (m) h.decref(m);
  }
  if (close) {
    // GeneratorExit once the delegate is closed, or what closing it raised
    h.xdecref(r);
    return throwInto(this, gen, err || exc, err);
  }
  if (!err && this.lastYield) return r;
  // the delegate ended: off the stack, and on after the loop (the target of the SEND before the yield)
  const fr = st.frame;
  const depth = h.getI32(gen, L.GEN_INDEX + 4);
  h.setSlot(gen, L.GEN_BASICSIZE + 8 * (fr.localsplus.length + depth - 1), 0);
  h.setI32(gen, L.GEN_INDEX + 4, depth - 1);
  fr.ip = fr.info.code.co_code[2 * fr.ip - 3];
  if (err && this.isInstance(err, this.T.StopIteration)) {
    r = this.newRef(h.getSlot(err, L.EXC_EXTRA) || this.None);
    h.decref(err);
    err = 0;
  }
  if (err) return throwInto(this, gen, err, err);
  try {
    return this.genResume(gen, r, 0);
  } finally {
    h.decref(r);
  }
};

/** Throws `exc` into generator `gen` at its suspension point, then releases `owned` (0 or exc). */
function throwInto(vm: VM, gen: Obj, exc: Obj, owned: Obj): Obj {
  try {
    return vm.genResume(gen, vm.None, exc);
  } finally {
    if (owned) vm.h.decref(owned);
  }
}

declare module "./vm.js" {
  interface VM {
    egMatch(exc: Obj, t: Obj): [Obj, Obj];
    egSplit(eg: Obj, match: (e: Obj) => boolean, rest?: boolean): [Obj, Obj];
    prepReraiseStar(orig: Obj, list: Obj): Obj;
    genAfter(st: GenState, r: Obj): Obj;
    genThrow(gen: Obj, exc: Obj): Obj;
    genRestore(st: GenState): void;
    genSave(st: GenState): void;
    genFinish(st: GenState): void;
    makeGenerator(fr: Frame): Obj;
    unboundLocal(f: Frame, i: number): never;
    unboundDeref(f: Frame, i: number): never;
    nameError(name: string): never;
    loadGlobal(f: Frame, name: string): Obj;
    loadMethod(o: Obj, name: string): Obj;
    tupleStrings(t: Obj): string[];
    makeFunction(f: Frame, flags: number): Obj;
    doRaise(f: Frame, arg: number): never | void;
    excMatches(exc: Obj, t: Obj): boolean;
    getSpecialBound(o: Obj, name: string): Obj;
    printExpr(v: Obj): void;
    importModule(name: string): Obj;
    importFromError(m: Obj, name: string): never;
    takeStopValue(): Obj;
    stopValue: Obj;
    releaseFrameRefs(frame: Frame): void;
    checkStepLimits(): void;
    evalRare(f: Frame, op: Op, arg: number): void;
    unwindFrames(e: unknown, f: Frame, entry: Frame, enterDepth: number): Frame;
    lineOf(frame: Frame): number;
    lineAt(code: import("../compile/code.js").CodeObject, i: number): number;
  }
}

/** The opcodes a loop rarely runs, out of evalFrame so that V8 compiles a smaller hot function (and an
 *  opcode first met late deoptimises only this one). None of them changes the running frame. */
proto.evalRare = function (this: VM, f: Frame, op: Op, arg: number): void {
  const h = this.h;
  const code = f.info.code;
  const st = f.stack;
  switch (op) {
    case 136 /* Op.LOAD_CLOSURE */: {
      const v = f.localsplus[arg];
      h.incref(v);
      st.push(v);
      break;
    }
    case 138 /* Op.STORE_DEREF */:
      h.setSlotSteal(f.localsplus[arg], L.CELL_REF, st.pop()!);
      break;
    case 101 /* Op.LOAD_NAME */: {
      const name = code.co_names[arg];
      // (a namespace that is no dict: through its __getitem__, a KeyError going on to the globals)
      if (f.locals && h.typeOf(f.locals) !== this.T.dict) {
        st.push(rarely(this, 5, f.locals, this.name(name)) || this.loadGlobal(f, name));
        break;
      }
      let v = f.locals ? this.dictGetStr(f.locals, name) : 0;
      if (v) {
        h.incref(v);
        st.push(v);
      } else st.push(this.loadGlobal(f, name));
      break;
    }
    case 90 /* Op.STORE_NAME */: {
      const v = st.pop()!;
      try {
        // (a namespace that is a dict subclass, from a metaclass's __prepare__: its __setitem__, as python3's)
        if (this.typeInfo(f.locals).heap) this.setItem(f.locals, f.info.names[arg], v);
        else this.dictSetStr(f.locals, f.info.names[arg], v);
      } finally {
        h.decref(v);
      }
      break;
    }
    case 118 /* Op.CONTAINS_OP */: {
      const b = st.pop()!;
      const a = st.pop()!;
      try {
        st.push(this.bool(this.contains(b, a) !== (arg === 1)));
      } finally {
        h.decref(a);
        h.decref(b);
      }
      break;
    }
    case 111 /* Op.JUMP_IF_FALSE_OR_POP */: {
      const v = st[st.length - 1];
      if (!this.truthy(v)) f.ip = arg;
      else h.decref(st.pop()!);
      break;
    }
    case 112 /* Op.JUMP_IF_TRUE_OR_POP */: {
      const v = st[st.length - 1];
      if (this.truthy(v)) f.ip = arg;
      else h.decref(st.pop()!);
      break;
    }
    case 102 /* Op.BUILD_TUPLE */: {
      const items = st.splice(st.length - arg, arg);
      st.push(h.newTupleSteal(items));
      break;
    }
    case 103 /* Op.BUILD_LIST */: {
      const items = st.splice(st.length - arg, arg);
      const l = h.newList(items, "display");
      for (const x of items) h.decref(x);
      st.push(l);
      break;
    }
    case 157 /* Op.BUILD_STRING */:
      buildString(this, st, arg);
      break;
    case 92 /* Op.UNPACK_SEQUENCE */: {
      const seq = st.pop()!;
      try {
        const items = this.unpack(seq, arg, -1);
        for (let k = items.length - 1; k >= 0; k--) st.push(items[k]);
      } finally {
        h.decref(seq);
      }
      break;
    }
    case 155 /* Op.FORMAT_VALUE */:
      formatValue(this, st, arg);
      break;
    case 126 /* Op.DELETE_FAST */: {
      const old = f.localsplus[arg];
      if (!old) this.unboundLocal(f, arg);
      f.localsplus[arg] = 0;
      h.decref(old);
      break;
    }
    case 135 /* Op.MAKE_CELL */: {
      const cell = h.newObject(this.T.cell);
      const v = f.localsplus[arg];
      if (v) h.setSlotSteal(cell, L.CELL_REF, v);
      f.localsplus[arg] = cell;
      break;
    }
    case 149 /* Op.COPY_FREE_VARS */:
      // the eval loop runs it itself; compiled code (jit/compile.ts) leaves it here
      copyFreeVars(h, f, arg);
      break;
    case 148 /* Op.LOAD_CLASSDEREF */: {
      const name = code.co_localsplusnames[arg];
      const odd = f.locals && h.typeOf(f.locals) !== this.T.dict;
      let v = f.locals ? (odd ? rarely(this, 5, f.locals, this.name(name)) : this.dictGetStr(f.locals, name)) : 0;
      if (!v) {
        v = h.getSlot(f.localsplus[arg], L.CELL_REF);
        if (!v) this.unboundDeref(f, arg);
        h.incref(v);
      } else if (!odd) h.incref(v);
      st.push(v);
      break;
    }
    case 139 /* Op.DELETE_DEREF */: {
      const c = f.localsplus[arg];
      if (!h.getSlot(c, L.CELL_REF)) this.unboundDeref(f, arg);
      h.setSlot(c, L.CELL_REF, 0);
      break;
    }
    case 97 /* Op.STORE_GLOBAL */: {
      const v = st.pop()!;
      this.dictSetStr(f.globals, f.info.names[arg], v);
      h.decref(v);
      break;
    }
    case 98 /* Op.DELETE_GLOBAL */: {
      const name = code.co_names[arg];
      if (!this.dictDelStr(f.globals, name)) this.nameError(name);
      break;
    }
    case 91 /* Op.DELETE_NAME */: {
      const name = code.co_names[arg];
      if (h.typeOf(f.locals) !== this.T.dict) rarely(this, 6, f.locals, this.name(name));
      else if (!this.dictDelStr(f.locals, name)) this.nameError(name);
      break;
    }
    case 96 /* Op.DELETE_ATTR */: {
      const o = st.pop()!;
      try {
        this.delAttr(o, code.co_names[arg]);
      } finally {
        h.decref(o);
      }
      break;
    }
    case 142 /* Op.CALL_FUNCTION_EX */: {
      const kwargs = arg & 1 ? st.pop()! : 0;
      let argsT = st.pop()!;
      if (this.kindOf(argsT) !== Kind.TUPLE || this.typeInfo(argsT).heap) {
        let t: Obj;
        try {
          try {
            t = this.tupleFrom(argsT);
          } catch (e) {
            if (kwargs) h.decref(kwargs);
            // check_args_iterable: a TypeError for an operand with neither __iter__ nor __getitem__
            if (!(e instanceof PyRaise) || !this.isInstance(e.exc, this.T.TypeError) || this.hasAttr(argsT, "__iter__") || this.hasAttr(argsT, "__getitem__")) throw e;
            h.decref(e.exc);
            this.typeError(`${functionStr(this, st[st.length - 1])} argument after * must be an iterable, not ${this.typeName(argsT)}`);
          }
        } finally {
          h.decref(argsT);
        }
        argsT = t;
      }
      const fn = st.pop()!;
      const nul = st.pop()!;
      if (nul) h.decref(nul);
      try {
        const pos = this.tupleItems(argsT);
        let kw: KwArgs | null = null;
        if (kwargs) {
          kw = { names: [], values: [] };
          // min() and max() count their positional arguments before they look at the keywords
          const fname = this.kindOf(fn) === Kind.BUILTIN ? this.natives[h.getI32(fn, L.CFUNC_INDEX)].qualname : "";
          const check = !refusesAnyArgument(this, fn) && (pos.length > 0 || (fname !== "min" && fname !== "max"));
          for (const [kk, vv] of this.dictEntries(kwargs)) {
            // a str subclass is a str's kind too (PyUnicode_Check)
            const isStr = this.kindOf(kk) === Kind.STR;
            if (check && !isStr) this.typeError("keywords must be strings");
            // unchecked, a key that is no str reaches a callee that refuses before it reads a name
            kw.names.push(isStr ? this.str(kk) : "");
            kw.values.push(vv);
          }
        }
        st.push(this.call(fn, pos, kw));
      } finally {
        h.decref(fn);
        h.decref(argsT);
        if (kwargs) h.decref(kwargs);
      }
      break;
    }
    case 132 /* Op.MAKE_FUNCTION */:
      st.push(this.makeFunction(f, arg));
      break;
    case 10 /* Op.UNARY_POSITIVE */:
    case 11 /* Op.UNARY_NEGATIVE */:
    case 15 /* Op.UNARY_INVERT */: {
      const v = st.pop()!;
      if (op === Op.UNARY_NEGATIVE) {
        // an exact int of one digit: long_neg's medium-value path (a new int, or a cached small one)
        const x = smallIntValue(h.i32, this.tInt, v);
        if (x === x) {
          st.push(asObj(h.newIntValue(0 - x)));
          h.decrefInt(v);
          break;
        }
      }
      try {
        st.push(this.unaryOp(v, op));
      } finally {
        h.decref(v);
      }
      break;
    }
    case 12 /* Op.UNARY_NOT */: {
      const v = st.pop()!;
      try {
        st.push(this.bool(!this.truthy(v)));
      } finally {
        h.decref(v);
      }
      break;
    }
    case 61 /* Op.DELETE_SUBSCR */: {
      const k = st.pop()!;
      const c = st.pop()!;
      try {
        this.delItem(c, k);
      } finally {
        h.decref(c);
        h.decref(k);
      }
      break;
    }
    case 133 /* Op.BUILD_SLICE */: {
      const step = arg === 3 ? st.pop()! : 0;
      const stop = st.pop()!;
      const start = st.pop()!;
      st.push(this.newSliceSteal(start, stop, step || this.newRef(this.None)));
      break;
    }
    case 69 /* Op.GET_YIELD_FROM_ITER */: {
      const v = st[st.length - 1];
      if (this.kindOf(v) !== Kind.GENERATOR) {
        st.pop();
        try {
          st.push(this.getIter(v));
        } finally {
          h.decref(v);
        }
      }
      break;
    }
    case 123 /* Op.SEND */: {
      const v = st.pop()!;
      const it = st[st.length - 1];
      let r: Obj;
      let done = false;
      try {
        if (this.kindOf(it) === Kind.GENERATOR) {
          r = this.genResume(it, v, 0);
          done = !this.lastYield;
        } else if (v === this.None) {
          r = this.iterNext(it);
          if (!r) {
            done = true;
            r = this.takeStopValue();
          }
        } else {
          r = this.callMethod(it, "send", [v]);
        }
      } finally {
        h.decref(v);
      }
      if (done) {
        st.pop();
        h.decref(it);
        st.push(r);
        f.ip = arg;
      } else st.push(r);
      break;
    }
    case 104 /* Op.BUILD_SET */: {
      const items = st.splice(st.length - arg, arg);
      try {
        st.push(this.newSet(items, false));
      } finally {
        for (const x of items) h.decref(x);
      }
      break;
    }
    case 105 /* Op.BUILD_MAP */: {
      const items = st.splice(st.length - 2 * arg, 2 * arg);
      const d = h.newDict("display");
      st.push(d);
      try {
        for (let k = 0; k < arg; k++) this.dictSetItem(d, items[2 * k], items[2 * k + 1]);
      } finally {
        for (const x of items) h.decref(x);
      }
      break;
    }
    case 156 /* Op.BUILD_CONST_KEY_MAP */: {
      const keys = st.pop()!;
      const vals = st.splice(st.length - arg, arg);
      const d = h.newDict("display");
      st.push(d);
      try {
        for (let k = 0; k < arg; k++) this.dictSetItem(d, h.tupleGet(keys, k), vals[k]);
      } finally {
        for (const x of vals) h.decref(x);
        h.decref(keys);
      }
      break;
    }
    case 146 /* Op.SET_ADD */: {
      const v = st.pop()!;
      try {
        this.setAddItem(st[st.length - arg], v);
      } finally {
        h.decref(v);
      }
      break;
    }
    case 147 /* Op.MAP_ADD */: {
      const v = st.pop()!;
      const k = st.pop()!;
      try {
        this.dictSetItem(st[st.length - arg], k, v);
      } finally {
        h.decref(k);
        h.decref(v);
      }
      break;
    }
    case 162 /* Op.LIST_EXTEND */: {
      const it = st.pop()!;
      try {
        this.listExtendFrom(st[st.length - arg], it);
      } finally {
        h.decref(it);
      }
      break;
    }
    case 163 /* Op.SET_UPDATE */: {
      const it = st.pop()!;
      try {
        this.setUpdateFrom(st[st.length - arg], it);
      } finally {
        h.decref(it);
      }
      break;
    }
    case 165 /* Op.DICT_UPDATE */:
    case 164 /* Op.DICT_MERGE */: {
      const src = st.pop()!;
      try {
        if (op === Op.DICT_MERGE) dictMergeCheck(this, st[st.length - arg], src, st[st.length - arg - 2]);
        this.dictUpdateFrom(st[st.length - arg], src, op === Op.DICT_MERGE ? st[st.length - arg - 2] : 0);
      } finally {
        h.decref(src);
      }
      break;
    }
    case 82 /* Op.LIST_TO_TUPLE */: {
      const l = st.pop()!;
      const items = this.listItems(l);
      st.push(h.newTuple(items));
      h.decref(l);
      break;
    }
    case 94 /* Op.UNPACK_EX */: {
      const seq = st.pop()!;
      try {
        const before = arg & 0xff;
        const after = arg >> 8;
        const items = this.unpack(seq, before, after);
        for (let k = items.length - 1; k >= 0; k--) st.push(items[k]);
      } finally {
        h.decref(seq);
      }
      break;
    }
    case 71 /* Op.LOAD_BUILD_CLASS */:
      st.push(this.newRef(this.dictGetStr(this.builtins, "__build_class__")));
      break;
    case 74 /* Op.LOAD_ASSERTION_ERROR */:
      st.push(this.newRef(this.T.AssertionError));
      break;
    case 130 /* Op.RAISE_VARARGS */:
      this.doRaise(f, arg);
      break;
    case 35 /* Op.PUSH_EXC_INFO */: {
      const v = st.pop()!;
      st.push(this.excInfo || this.newRef(this.None));
      h.incref(v);
      this.excInfo = v;
      st.push(v);
      break;
    }
    case 89 /* Op.POP_EXCEPT */: {
      const prev = st.pop()!;
      const old = this.excInfo;
      if (prev === this.None) {
        h.decref(prev);
        this.excInfo = 0;
      } else this.excInfo = prev;
      if (old) h.decref(old);
      break;
    }
    case 36 /* Op.CHECK_EXC_MATCH */: {
      const t = st.pop()!;
      try {
        st.push(this.bool(this.excMatches(st[st.length - 1], t)));
      } finally {
        h.decref(t);
      }
      break;
    }
    case 37 /* Op.CHECK_EG_MATCH */: {
      const t = st.pop()!;
      const exc = st[st.length - 1];
      let match: Obj;
      let rest: Obj;
      try {
        [match, rest] = this.egMatch(exc, t);
      } finally {
        h.decref(t);
      }
      if (match === this.None) {
        h.decref(rest);
        st.push(match);
      } else {
        st[st.length - 1] = rest;
        st.push(match);
        h.incref(match);
        const old = this.excInfo;
        this.excInfo = match;
        if (old) h.decref(old);
        h.decref(exc);
      }
      break;
    }
    case 88 /* Op.PREP_RERAISE_STAR */: {
      const list = st.pop()!;
      const orig = st.pop()!;
      try {
        st.push(this.prepReraiseStar(orig, list));
      } finally {
        h.decref(list);
        h.decref(orig);
      }
      break;
    }
    case 119 /* Op.RERAISE */: {
      const exc = st.pop()!;
      // (the lasti saved below exc only matters for f_lineno; the handler search uses this instruction)
      throw new ReRaise(exc);
    }
    case 53 /* Op.BEFORE_WITH */: {
      const mgr = st.pop()!;
      try {
        const exit = this.getSpecialBound(mgr, "__exit__");
        st.push(exit);
        st.push(this.callSpecial(mgr, "__enter__", []));
      } finally {
        h.decref(mgr);
      }
      break;
    }
    case 49 /* Op.WITH_EXCEPT_START */: {
      const exc = st[st.length - 1];
      const exit = st[st.length - 4];
      const tb = h.getSlot(exc, L.EXC_TRACEBACK) || this.None;
      st.push(this.call(exit, [h.typeOf(exc), exc, tb]));
      break;
    }
    case 70 /* Op.PRINT_EXPR */: {
      const v = st.pop()!;
      try {
        this.printExpr(v);
      } finally {
        h.decref(v);
      }
      break;
    }
    case 108 /* Op.IMPORT_NAME */: {
      const fromlist = st.pop()!;
      const level = st.pop()!;
      const relative = h.readInt(level) > 0n;
      h.decref(fromlist);
      h.decref(level);
      // a script has no package for a relative import to start from
      if (relative) this.raise("ImportError", "attempted relative import with no known parent package");
      const name = code.co_names[arg];
      const m = this.importModule(name);
      // `import a.b` (no from list) binds its package, a
      const dot = name.indexOf(".");
      st.push(dot > 0 && fromlist === this.None ? (h.decref(m), this.importModule(name.slice(0, dot))) : m);
      break;
    }
    case 109 /* Op.IMPORT_FROM */: {
      const m = st[st.length - 1];
      const name = code.co_names[arg];
      const v = this.getAttrOrNull(m, name);
      if (!v) this.importFromError(m, name);
      st.push(v);
      break;
    }
    case 84 /* Op.IMPORT_STAR */: {
      const m = st.pop()!;
      try {
        const d = h.getSlot(m, L.MODULE_DICT);
        const all = this.dictGetStr(d, "__all__");
        // with __all__: its names, underscored or not, each read as the module's attribute
        if (all)
          this.iterate(all, (k) => {
            if (this.kindOf(k) !== Kind.STR) this.typeError(`Item in ${this.str(h.getSlot(m, L.MODULE_NAME))}.__all__ must be str, not ${this.typeInfo(k).name}`);
            const v = this.getAttr(m, this.str(k));
            try {
              this.dictSetItem(f.locals, k, v);
            } finally {
              h.decref(v);
            }
          });
        else
          for (const [k, v] of this.dictEntries(d)) {
            if (!this.str(k).startsWith("_")) this.dictSetItem(f.locals, k, v);
          }
      } finally {
        h.decref(m);
      }
      break;
    }
    case 85 /* Op.SETUP_ANNOTATIONS */:
      if (!this.dictGetStr(f.locals, "__annotations__")) {
        const d = h.newDict("display");
        this.dictSetStr(f.locals, this.name("__annotations__"), d);
        h.decref(d);
      }
      break;
    case 30 /* Op.GET_LEN */: {
      const n = this.len(st[st.length - 1]);
      st.push(this.newInt(BigInt(n)));
      break;
    }
    case 32 /* Op.MATCH_SEQUENCE */:
      st.push(this.newRef(this.isMatchSequence(st[st.length - 1]) ? this.True : this.False));
      break;
    case 31 /* Op.MATCH_MAPPING */:
      st.push(this.newRef(this.isMatchMapping(st[st.length - 1]) ? this.True : this.False));
      break;
    case 33 /* Op.MATCH_KEYS */:
      st.push(this.matchKeys(st[st.length - 2], st[st.length - 1]));
      break;
    case 152 /* Op.MATCH_CLASS */: {
      // subject, class, attribute names → the tuple of attributes, or None
      const names = st.pop()!;
      const type = st.pop()!;
      const subject = st[st.length - 1];
      let attrs: Obj;
      try {
        attrs = this.matchClass(subject, type, arg, names);
      } finally {
        h.decref(names);
        h.decref(type);
      }
      st[st.length - 1] = attrs || this.newRef(this.None);
      h.decref(subject);
      break;
    }
    default:
      throw new Error(`internal: opcode ${op} not implemented`);
  }
};

/** The step limit and (every 4096 steps) the interrupt flag and the time limit; says when to be called next. */
proto.checkStepLimits = function (this: VM): void {
  if (this.pendingLimit) throw this.pendingLimit;
  const n = this.steps;
  if (n > this.maxSteps) throw new LimitExceeded("steps", `step limit of ${this.maxSteps} exceeded`);
  if ((n & 4095) === 0 && this.interrupt !== undefined && Atomics.load(this.interrupt, 0) !== 0) throw new LimitExceeded("time", INTERRUPTED);
  if ((n & 4095) === 0 && Date.now() > this.deadline) throw new LimitExceeded("time", "time limit exceeded");
  this.stepCheckAt = Math.min(this.maxSteps + 1, (n | 4095) + 1);
};

proto.releaseFrameRefs = function (this: VM, frame: Frame): void {
  if (frame.locals) {
    const l = frame.locals;
    frame.locals = 0;
    this.h.decref(l);
  }
  if (frame.func) {
    const fn = frame.func;
    frame.func = 0;
    this.h.decref(fn);
  }
};

proto.lineOf = function (this: VM, frame: Frame): number {
  return this.lineAt(frame.info.code, frame.lasti);
};

proto.lineAt = function (this: VM, code, i): number {
  for (let k = i; k >= 0; k--) {
    const l = code.co_positions[4 * k];
    if (l > 0) return l;
  }
  return code.co_firstlineno;
};

export { LimitExceeded };

function newGroupLike(vm: VM, like: Obj, items: Obj[]): Obj {
  // like.derive(items), sharing the original's traceback, cause, context and notes
  const h = vm.h;
  const lst = h.newList(items, "display");
  let g: Obj;
  try {
    g = vm.callMethod(like, "derive", [lst]);
  } finally {
    h.decref(lst);
  }
  for (const off of [L.EXC_TRACEBACK, L.EXC_CAUSE, L.EXC_CONTEXT, L.EXC_NOTES]) {
    const v = h.getSlot(like, off);
    if (v) h.setSlot(g, off, v);
  }
  return g;
}

proto.egSplit = function (this: VM, eg: Obj, match: (e: Obj) => boolean, rest = true): [Obj, Obj] {
  const h = this.h;
  const excs = h.getSlot(eg, L.EXC_EXTRA2);
  const items = excs ? this.tupleItems(excs) : [];
  const m: Obj[] = [];
  const r: Obj[] = [];
  const owned: Obj[] = [];
  for (const e of items) {
    if (this.isInstance(e, this.T.BaseExceptionGroup)) {
      if (match(e)) {
        m.push(e);
        continue;
      }
      const [sm, sr] = this.egSplit(e, match, rest);
      if (sm !== this.None) m.push(sm);
      if (sr !== this.None) r.push(sr);
      owned.push(sm, sr);
    } else if (match(e)) m.push(e);
    else r.push(e);
  }
  try {
    const mg = m.length ? newGroupLike(this, eg, m) : this.newRef(this.None);
    const rg = rest && r.length ? newGroupLike(this, eg, r) : this.newRef(this.None);
    return [mg, rg];
  } finally {
    for (const o of owned) h.decref(o);
  }
};

proto.egMatch = function (this: VM, exc: Obj, t: Obj): [Obj, Obj] {
  const h = this.h;
  if (exc === this.None) return [this.newRef(this.None), this.newRef(this.None)];
  if (this.excMatches(exc, t)) {
    if (this.isInstance(exc, this.T.BaseExceptionGroup)) return [this.newRef(exc), this.newRef(this.None)];
    const lst = h.newList([exc], "display");
    const empty = h.newStr("");
    let g: Obj;
    try {
      g = this.callType(this.isInstance(exc, this.T.Exception) ? this.T.ExceptionGroup : this.T.BaseExceptionGroup, [empty, lst], null);
    } finally {
      h.decref(lst);
      h.decref(empty);
    }
    const tb = h.getSlot(exc, L.EXC_TRACEBACK);
    if (tb) h.setSlot(g, L.EXC_TRACEBACK, tb);
    return [g, this.newRef(this.None)];
  }
  if (this.isInstance(exc, this.T.BaseExceptionGroup)) {
    const [m, r] = this.egSplit(exc, (e) => this.excMatches(e, t));
    if (m === this.None) {
      h.decref(r);
      return [m, this.newRef(this.None)];
    }
    return [m, r];
  }
  return [this.newRef(this.None), this.newRef(this.None)];
};

proto.prepReraiseStar = function (this: VM, orig: Obj, list: Obj): Obj {
  const h = this.h;
  const items = this.listItems(list).filter((x) => x !== this.None);
  if (!items.length) return this.newRef(this.None);
  if (!this.isInstance(orig, this.T.BaseExceptionGroup) || items.length === 1) return this.newRef(items[0]);
  const empty = h.newStr("");
  const lst = h.newList(items, "display");
  try {
    return this.callType(items.every((x) => this.isInstance(x, this.T.Exception)) ? this.T.ExceptionGroup : this.T.BaseExceptionGroup, [empty, lst], null);
  } finally {
    h.decref(lst);
    h.decref(empty);
  }
};

/** How a call's errors name the callable (_PyObject_FunctionStr): `module.qualname()`, the module left
 *  out for builtins; the callable's repr when it has no __qualname__. */
export function functionStr(vm: VM, func: Obj): string {
  const qn = vm.getAttrOrNull(func, "__qualname__");
  if (!qn) return vm.repr(func);
  try {
    const q = vm.kindOf(qn) === Kind.STR ? vm.str(qn) : null;
    if (q === null) return vm.repr(func);
    const mod = vm.getAttrOrNull(func, "__module__");
    if (!mod) return `${q}()`;
    try {
      const m = vm.kindOf(mod) === Kind.STR ? vm.str(mod) : null;
      return m !== null && m !== "builtins" ? `${m}.${q}()` : `${q}()`;
    } finally {
      vm.h.decref(mod);
    }
  } finally {
    vm.h.decref(qn);
  }
}

/** A class written in Python with object's __new__ and __init__: called with a keywords dict (not
 *  through vectorcall), it refuses any argument before a key's type is looked at. */
function refusesAnyArgument(vm: VM, fn: Obj): boolean {
  if (vm.kindOf(fn) !== Kind.TYPE || vm.h.typeOf(fn) !== vm.tType) return false;
  const ti = vm.infoOfType(fn);
  if (!ti.heap) return false;
  let solid = ti;
  while (solid.heap && solid.base) solid = solid.base;
  if (solid.kind !== Kind.OBJECT) return false;
  const initOwner = vm.lookupTypeOwner(ti, "__init__");
  const newOwner = vm.lookupTypeOwner(ti, "__new__");
  return (!initOwner || !initOwner.heap) && (!newOwner || !newOwner.heap);
}

/** DICT_MERGE's errors before the merge (format_kwargs_error): a `**` operand that is no mapping, and a
 *  keyword given twice, each naming the callable. */
function dictMergeCheck(vm: VM, d: Obj, src: Obj, func: Obj): void {
  if (vm.kindOf(src) !== Kind.DICT) {
    if (!vm.hasAttr(src, "keys")) vm.typeError(`${functionStr(vm, func)} argument after ** must be a mapping, not ${vm.typeName(src)}`);
    return;
  }
  for (const [kk] of vm.dictEntries(src)) {
    if (vm.h.dictGet(d, kk)) {
      if (vm.kindOf(kk) !== Kind.STR) vm.typeError("keywords must be strings");
      vm.typeError(`${functionStr(vm, func)} got multiple values for keyword argument '${vm.str(kk)}'`);
    }
  }
}

// ── the eval loop's slow paths, out of evalFrame: V8 compiles (and, after a deoptimisation, recompiles) a
// smaller evalFrame much faster, and each of these keeps the release order of the code it replaces ──────

/** CALL of anything but a Python function taking exactly its positional parameters (those run in
 *  evalFrame): the arguments leave the stack (a bound method's self first) and the callable is released
 *  after the call. Returns the new frame of a Python function for evalFrame to run (the caller adds the
 *  depth), or null when the result was pushed (builtins, classes, generators, …). */
export function callGeneral(vm: VM, f: Frame, st: Obj[], arg: number, a: Obj, b: Obj, target: Obj, mself: Obj, kwNames: string[] | null): Frame | null {
  const h = vm.h;
  const base = st.length - arg;
  const callArgs: Obj[] = new Array(arg + (a ? 1 : 0) + (mself ? 1 : 0));
  let j = 0;
  if (mself) callArgs[j++] = mself;
  if (a) callArgs[j++] = b;
  for (let k = base; k < base + arg; k++) callArgs[j++] = st[k];
  for (let k = arg + 2; k > 0; k--) st.pop();
  const kt = vm.kindOf(target);
  if (kt === Kind.FUNCTION) {
    if (vm.depth + 1 > vm.recursionLimit) {
      for (const x of callArgs) h.decref(x);
      h.decref(target);
      vm.raise("RecursionError", "maximum recursion depth exceeded");
    }
    let nf: Frame;
    try {
      nf = vm.callFunctionSteal(target, callArgs, kwNames, f);
    } finally {
      h.decref(target);
    }
    if (nf.info.code.co_flags & CodeFlag.GENERATOR) {
      // runs MAKE_CELL/COPY_FREE_VARS, then RETURN_GENERATOR hands back the generator
      st.push(vm.evalFrame(nf));
      vm.frame = f;
      return null;
    }
    return nf;
  }
  if (kwNames === null && (kt === Kind.BUILTIN || (kt === Kind.MDESCR && callArgs.length > 0))) {
    // a builtin function or method descriptor called with positional arguments: what
    // callSteal → call do for them, without their dispatch (same order of releases)
    try {
      let r: Obj;
      try {
        if (kt === Kind.MDESCR) {
          const idx = h.getI32(target, L.MDESCR_INDEX);
          const n = vm.natives[idx];
          if (vm.listAppendDescr === 0 || vm.dictGetDescr === 0) noteDescr(vm, idx, target);
          // list.append(x, 1) through the type: its first argument is not known to be a list
          if (a === 0 || mself !== 0) vm.checkDescrSelf(target, callArgs[0]);
          r = n.fn(callArgs, null);
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
      st.push(r);
    } finally {
      h.decref(target);
    }
    return null;
  }
  if (h.typeOf(target) === vm.lruType && vm.lruCall !== null) {
    try {
      return vm.lruCall(f, st, target, callArgs, kwNames);
    } finally {
      h.decref(target);
    }
  }
  try {
    // super() in a method: what callSteal reaches through type.__call__ and super's constructor
    if (target === vm.tSuper && callArgs.length === 0 && kwNames === null) st.push(vm.newSuper(callArgs));
    // a class whose metaclass is exactly type, positional arguments: what callSteal → call → callType reach
    else if (kt === Kind.TYPE && kwNames === null && h.typeOf(target) === vm.tType) {
      try {
        st.push(vm.callTypeDirect(target, callArgs, null));
      } finally {
        for (let k = 0; k < callArgs.length; k++) h.decref(callArgs[k]);
      }
    }
    else st.push(vm.callSteal(target, callArgs, kwNames));
  } finally {
    h.decref(target);
  }
  return null;
}

/** CALL of a builtin function with one positional argument (3.11's PRECALL_BUILTIN_O): what callGeneral
 *  does for it, without its dispatch (the argument, then the function released after the call); false
 *  (nothing done) for a builtin bound to an object. */
export function builtinCall1(vm: VM, st: Obj[], target: Obj): boolean {
  const h = vm.h;
  const n = vm.natives[h.i32[(target + L.CFUNC_INDEX) >>> 2]!];
  if (n.method) return false;
  const x = st.pop()!;
  st.pop();
  st.pop();
  try {
    let r: Obj;
    try {
      r = n.fn([x], null);
    } catch (e) {
      throw vm.wrapErr(e);
    } finally {
      h.decref(x);
    }
    st.push(r);
  } finally {
    h.decref(target);
  }
  return true;
}

/** LOAD_ATTR / LOAD_METHOD without a cached answer: getattr(o, name) pushed, o released either way. */
export function pushAttrRelease(vm: VM, st: Obj[], o: Obj, name: string): void {
  try {
    st.push(vm.getAttr(o, name));
  } finally {
    vm.h.decref(o);
  }
}

/** LOAD_ATTR at instruction i without a slot site's answer: the instance fast path (recording a slot site
 *  when it applied) or getattr; o released either way. */
export function loadAttrNoting(vm: VM, f: Frame, i: number, st: Obj[], o: Obj, arg: number): void {
  const name = f.info.code.co_names[arg];
  const fv = instanceGetAttr(vm, f, i, o, name, f.info.names[arg]);
  if (fv !== 0) {
    st.push(fv);
    noteSlot(vm, f, i, o, name, SLOT_LOAD, 0);
    vm.h.decref(o);
    return;
  }
  pushAttrRelease(vm, st, o, name);
}

/** LOAD_METHOD at instruction i of f on an instance of the builtin type loadMethodCached kept for it (its
 *  method descriptor, lasting as long as the VM): a new reference to the descriptor, or 0. */
export function methodCacheHit(m: Int32Array, f: Frame, i: number, o: Obj): Obj {
  const c = f.info.methodCache;
  if (c === null) return 0;
  const t = m[(o + OB_TYPE) >>> 2]!;
  if (c[2 * i] !== t || t === 0) return 0;
  const md = c[2 * i + 1]!;
  m[md >>> 2]!++;
  return md >>> 0;
}

/** LOAD_METHOD on anything but a super object without the slot site's answer: loadMethodCached (recording
 *  a slot site for an instance of a class). */
export function loadMethodNoting(vm: VM, f: Frame, i: number, o: Obj, name: string, arg: number): Obj {
  const r = loadMethodCached(vm, f, i, o, name, f.info.names[arg]);
  if (r !== 0 && vm.h.i32[(r + OB_TYPE) >>> 2]! >>> 0 === vm.tFunction) noteSlot(vm, f, i, o, name, SLOT_METHOD, r);
  return r;
}

/** STORE_ATTR at instruction i without a slot site: the object and the value are popped and released
 *  after the store. */
export function storeAttr(vm: VM, f: Frame, i: number, st: Obj[], arg: number): void {
  const h = vm.h;
  const o = st.pop()!;
  const v = st.pop()!;
  try {
    const name = f.info.code.co_names[arg];
    if (!instanceSetAttr(vm, f, i, o, name, f.info.names[arg], v)) vm.setAttr(o, name, v);
    else noteSlot(vm, f, i, o, name, SLOT_STORE, 0);
  } finally {
    h.decref(o);
    h.decref(v);
  }
}

/** BINARY_OP's general path: both operands released after the operation. */
export function pushBinaryRelease(vm: VM, f: Frame, st: Obj[], a: Obj, b: Obj, arg: number): void {
  try {
    st.push(vm.binaryOp(a, b, arg, f));
  } finally {
    vm.h.decref(a);
    vm.h.decref(b);
  }
}

/** BINARY_OP on two exact ints whose result x is a safe integer: the result made, then both released
 *  (an exact int's release runs no hook). */
export function pushIntResultRelease(h: VM["h"], st: Obj[], x: number, a: Obj, b: Obj): void {
  let r = 0;
  try {
    r = newIntResult(h, x);
  } finally {
    h.decrefInt(a);
    h.decrefInt(b);
  }
  st.push(r);
}

/** A jump back in frame f landed on ip (compiled path on): the loop compiled there, if any, runs until
 *  an instruction it leaves to the eval loop, and the jump counts toward compiling f's code. Returns the
 *  instruction to run next. Called only at jumps back, so no instruction pays for the test. */
function jumpedBack(vm: VM, jit: JitHook, f: Frame, ip: number): number {
  const ji = f.info;
  const jf = ji.jit !== null ? ji.jit[ip] : undefined;
  // both calls through `.call`: V8 speculates on no target there (a loop optimised after one target
  // deoptimised at the next)
  if (jf !== undefined) {
    f.ip = ip;
    jf.call(undefined, f, vm);
    ip = f.ip;
  }
  if (ji.jitWait > 0 && --ji.jitWait === 0) jit.compile.call(jit, ji, ip, vm);
  return ip;
}

/** COMPARE_OP on exact ints a and b (the top two of the stack) followed by a POP_JUMP_IF_TRUE/FALSE
 *  (3.11's COMPARE_OP_INT_JUMP; untraced, below the step check): when both have at most one digit and
 *  neither dies here, both instructions run here without making the bool, the jump counting its step and
 *  setting f_lasti. Returns the instruction to run next, or -1 with nothing changed. */
function intCompareJump(vm: VM, m: Int32Array, f: Frame, st: Obj[], ops: Int32Array, ip: number, a: Obj, b: Obj, cmp: number): number {
  const w = ops[ip];
  const op = w & 255;
  // 0: POP_JUMP_FORWARD_IF_FALSE (114) or POP_JUMP_BACKWARD_IF_FALSE (175), 1: their IF_TRUE (115, 176)
  const k = op - (op > 150 ? 175 : 114);
  const sa = m[(a + OB_SIZE) >>> 2]!;
  const sb = m[(b + OB_SIZE) >>> 2]!;
  if (k >>> 0 > 1 || vm.steps + 1 >= vm.stepCheckAt || (sa + 1) >>> 0 > 2 || (sb + 1) >>> 0 > 2 || a === b || m[a >>> 2]! < 2 || m[b >>> 2]! < 2) return -1;
  // (an int of size 0 is zero whatever its digit holds)
  const d = sa * m[(a + INT_DIGITS) >>> 2]! - sb * m[(b + INT_DIGITS) >>> 2]!;
  // bit 3 * cmp + (the sign of d, + 1) of this word says whether `a cmp b` (cmp: < <= == != > >=)
  const t = (0o645231 >> (3 * cmp + (d > 0 ? 2 : d === 0 ? 1 : 0))) & 1;
  m[a >>> 2]!--;
  m[b >>> 2]!--;
  st.pop();
  st.pop();
  vm.steps++;
  f.lasti = ip;
  return t === k ? w >> 8 : ip + 1;
}

/** COMPARE_OP's general path: both operands released after the comparison. */
export function pushCompareRelease(vm: VM, st: Obj[], a: Obj, b: Obj, arg: number): void {
  try {
    st.push(vm.richCompare(a, b, arg));
  } finally {
    vm.h.decref(a);
    vm.h.decref(b);
  }
}

/** GET_ITER: the iterable replaced by its iterator (released after iter()). */
export function getIter(vm: VM, f: Frame, st: Obj[]): void {
  f.rangeAt = -1;
  const v = st.pop()!;
  try {
    st.push(vm.getIter(v));
  } finally {
    vm.h.decref(v);
  }
}

/** The truth of v for a conditional jump (bool() of anything but True, False and exact ints), v released. */
export function truthRelease(vm: VM, v: Obj): boolean {
  try {
    return vm.truthy(v);
  } finally {
    vm.h.decref(v);
  }
}

/** COPY_FREE_VARS: the function's closure cells (new references) into the last n fast locals. */
export function copyFreeVars(h: VM["h"], f: Frame, n: number): void {
  // the function's closure tuple and its cells read on the memory view (getSlot, tupleGet)
  const m = h.i32;
  const closure = m[(f.func + L.FUNC_CLOSURE) >>> 2]! >>> 0;
  const ls = f.localsplus;
  const base = ls.length - n;
  for (let k = 0; k < n; k++) {
    const c = m[(closure + TUPLE_ITEMS + 8 * k) >>> 2]! >>> 0;
    m[c >>> 2]!++;
    ls[base + k] = asObj(c);
  }
}

/** CALL of list.append (its method descriptor, the list, one argument on the stack) on an exact list: what
 *  callGeneral does for it, without the argument array and the native's dispatch (the stack's reference
 *  to the item moves into the list; the list released after the append, then the descriptor). */
function listAppendCall(vm: VM, st: Obj[], pop: boolean): void {
  const h = vm.h;
  const v = st.pop()!;
  const self = st.pop()!;
  const target = st.pop()!;
  try {
    let r: Obj = 0;
    try {
      // the stack's reference to v goes to the list
      h.listAppendSteal(self, v);
      if (!pop) r = vm.none();
    } catch (e) {
      throw vm.wrapErr(e);
    } finally {
      h.decref(self);
    }
    if (!pop) st.push(r);
  } finally {
    h.decref(target);
  }
}

/** The method descriptor `target` of native `idx` met by the general path: kept when it is list.append's or
 *  dict.get's (their indexes among the VM's natives looked up once per VM). */
function noteDescr(vm: VM, idx: number, target: Obj): void {
  if (vm.listAppendNative === -2) {
    vm.listAppendNative = vm.natives.findIndex((n) => n.qualname === "list.append");
    vm.dictGetNative = vm.natives.findIndex((n) => n.qualname === "dict.get");
  }
  if (idx === vm.listAppendNative) vm.listAppendDescr = target;
  else if (idx === vm.dictGetNative) vm.dictGetDescr = target;
}

/** CALL of list.append's or dict.get's method descriptor `a` with `b` (the receiver LOAD_METHOD pushed)
 *  and `arg` arguments: done without the general path when b is an exact list (one argument) or an exact
 *  dict (one or two): 1, or 2 when the append left no result because `pop` (a POP_TOP follows that the
 *  caller then skips); 0 (nothing done) otherwise. */
export function descrCall(vm: VM, st: Obj[], a: Obj, b: Obj, arg: number, pop = false): number {
  const t = vm.h.i32[(b + OB_TYPE) >>> 2]! >>> 0;
  if (a === vm.listAppendDescr) {
    if (arg !== 1 || t !== vm.h.types.list) return 0;
    listAppendCall(vm, st, pop);
    return pop ? 2 : 1;
  }
  if (arg < 1 || arg > 2 || t !== vm.tDict) return 0;
  dictGetCall(vm, st, arg);
  return 1;
}

/** CALL of dict.get (its method descriptor, an exact dict, the key and maybe a default on the stack): what
 *  callGeneral does for it, without the argument array and the native's dispatch (same releases, same
 *  order: the dict, the key and the default after the lookup, then the descriptor). */
function dictGetCall(vm: VM, st: Obj[], arg: number): void {
  const h = vm.h;
  const dflt = arg === 2 ? st.pop()! : 0;
  const key = st.pop()!;
  const d = st.pop()!;
  const target = st.pop()!;
  try {
    let r: Obj;
    try {
      const v = vm.dictGetItem(d, key);
      r = vm.newRef(v || dflt || vm.None);
    } catch (e) {
      throw vm.wrapErr(e);
    } finally {
      h.decref(d);
      h.decref(key);
      if (dflt) h.decref(dflt);
    }
    st.push(r);
  } finally {
    h.decref(target);
  }
}
