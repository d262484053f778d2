/**
 * Untraced runs, when switched on (PYHEAP_JIT=1 or setJitEnabled; off by default, see below): each code
 * object, once the eval loop has run 500 of its instructions (jitThreshold), is translated into a
 * JavaScript function specialised to it (`new Function`). The function runs the frame's
 * instructions from `f.ip` on the frame's own value stack and fast locals, so the frame is at every moment
 * in the state the eval loop would leave it in; each instruction does what the loop's case for it does,
 * through the same helpers, in the same order (refcounts, allocations, events and errors are identical).
 *
 * What stays with the eval loop (`vm/loop.ts`): the function returns with `f.ip` at an instruction it does
 * not run itself and the loop runs that one instruction, then calls the function again:
 * - a call of a Python function (the loop pushes the new frame; its code has its own function), returns,
 *   generators (`RETURN_VALUE`, `RETURN_GENERATOR`, `YIELD_VALUE`, `SEND`);
 * - the instruction at which the step counter reaches `vm.stepCheckAt` (the loop checks the step and time
 *   limits there, so a run stops at the same instruction with or without this path).
 * Every instruction is a `case` of one `switch` in a loop, so the function can be entered at any index:
 * after a call returns, at an exception handler's target (the loop's unwinding sets `f.ip`), after the
 * loop ran a step-check instruction. Exceptions thrown inside propagate to the loop with `f.lasti` set,
 * exactly as from the loop's own cases.
 *
 * Generator code objects, code longer than 3000 instructions and every run with a tracing hook use the loop
 * only. Where `new Function` is refused (a page's content security policy), everything silently uses the
 * loop.
 *
 * Off by default: on the interpreter benchmark (tools/bench/README.md) these functions were not faster
 * than the optimised eval loop once V8 had optimised both (the time goes to the operations, allocation
 * and refcounting, not to dispatch), and V8's optimising compiler takes hundreds of ms of CPU per generated
 * function (several times per program as the phases of a program deoptimise it), so whole runs took more
 * CPU with them.
 */
import { CodeFlag, type CodeObject } from "../compile/code.js";
import { Op } from "../compile/opcodes.js";
import type { CodeInfo, Frame } from "../vm/frame.js";
import type { VM } from "../vm/vm.js";
import { jitState, type JitHook } from "../vm/jit-hook.js";
import { Kind } from "../vm/types.js";
import * as L from "../vm/layouts.js";
import { abi } from "@pyheap/heap";
import { asObj, loadGlobalCached } from "../vm/fast.js";
import { binaryAddStore } from "../vm/inplace.js";
import { callNotPython, isPythonCall } from "./call.js";
import * as O from "./ops.js";

/** A compiled code object: runs frame f from f.ip until an instruction it leaves to the eval loop. */
export type JitFn = (f: Frame) => void;
type Factory = (vm: VM, info: CodeInfo, R: Runtime) => JitFn;

const runtime = { asObj, loadGlobalCached, binaryAddStore, callNotPython, isPythonCall, O };
type Runtime = typeof runtime;

/** Set when `new Function` threw once: nothing is compiled afterwards. */
let unavailable = false;

/** Code objects compiled so far in this process (tests check that the compiled path really ran). */
export const jitCounts = { compiled: 0 };

const hook: JitHook = {
  compile: (vm, info) => jitCompile(vm, info),
  threshold: Math.max(1, Number((typeof process !== "undefined" && process.env && process.env.PYHEAP_JIT_THRESHOLD) || 500) || 500),
};

/** Switches the compiled path on or off for runs started afterwards (differential tests, benchmarks). */
export function setJitEnabled(on: boolean): void {
  jitState.hook = on && !unavailable ? hook : null;
}
export function jitEnabled(): boolean {
  return jitState.hook === hook;
}

/** Instructions the eval loop runs in a code object before it is compiled (differential tests use 1). */
export function setJitThreshold(n: number): void {
  hook.threshold = Math.max(1, n);
}
export function jitThreshold(): number {
  return hook.threshold;
}

// Off unless asked for (PYHEAP_JIT=1 when this module is loaded, or setJitEnabled): measured on the
// interpreter benchmark, the compiled functions are not faster than the optimised eval loop and V8 spends
// far longer compiling them (tools/bench/README.md, interpreter section). Nothing imports this module but
// the code that wants it (tests, tools/bench/interp-bench.mjs), so other bundles do not carry it.
if (typeof process !== "undefined" && process.env && process.env.PYHEAP_JIT === "1") setJitEnabled(true);

/** Code objects longer than this stay with the eval loop (V8 does not optimise very large functions). */
const MAX_INSTRUCTIONS = 3000;

const factories = new WeakMap<CodeObject, Factory | null>();

/** The compiled function for info (made once per code object and VM), or null when it stays interpreted. */
export function jitCompile(vm: VM, info: CodeInfo): JitFn | null {
  info.jitWait = -1;
  if (unavailable) return null;
  const code = info.code;
  let fac = factories.get(code);
  if (fac === undefined) {
    fac = null;
    const src = translate(code);
    if (src !== null) {
      try {
        fac = new Function("vm", "info", "R", src) as Factory;
      } catch (e) {
        if (e instanceof SyntaxError) throw e;
        unavailable = true;
        setJitEnabled(false);
        return null;
      }
    }
    factories.set(code, fac);
  }
  if (fac === null) return null;
  jitCounts.compiled++;
  return fac(vm, info, runtime);
}

const j = JSON.stringify;

/** The opcodes run by the function itself; any other makes the whole code object stay interpreted. */
const RARE = new Set<number>([
  Op.UNARY_POSITIVE, Op.UNARY_NEGATIVE, Op.UNARY_NOT, Op.UNARY_INVERT, Op.GET_LEN, Op.MATCH_MAPPING,
  Op.MATCH_SEQUENCE, Op.MATCH_KEYS, Op.PUSH_EXC_INFO, Op.CHECK_EXC_MATCH, Op.CHECK_EG_MATCH,
  Op.WITH_EXCEPT_START, Op.BEFORE_WITH, Op.DELETE_SUBSCR, Op.GET_YIELD_FROM_ITER, Op.PRINT_EXPR,
  Op.LOAD_BUILD_CLASS, Op.LOAD_ASSERTION_ERROR, Op.LIST_TO_TUPLE, Op.IMPORT_STAR, Op.SETUP_ANNOTATIONS,
  Op.PREP_RERAISE_STAR, Op.POP_EXCEPT, Op.DELETE_NAME, Op.UNPACK_EX, Op.DELETE_ATTR, Op.STORE_GLOBAL,
  Op.DELETE_GLOBAL, Op.BUILD_SET, Op.BUILD_MAP, Op.IMPORT_NAME, Op.IMPORT_FROM, Op.RERAISE, Op.DELETE_FAST,
  Op.RAISE_VARARGS, Op.MAKE_FUNCTION, Op.BUILD_SLICE, Op.MAKE_CELL, Op.DELETE_DEREF, Op.CALL_FUNCTION_EX,
  Op.SET_ADD, Op.MAP_ADD, Op.LOAD_CLASSDEREF, Op.COPY_FREE_VARS, Op.MATCH_CLASS, Op.BUILD_CONST_KEY_MAP,
  Op.LIST_EXTEND, Op.SET_UPDATE, Op.DICT_MERGE, Op.DICT_UPDATE,
]);
/** Left to the eval loop, one instruction at a time. */
const LOOP = new Set<number>([Op.RETURN_VALUE, Op.RETURN_GENERATOR, Op.YIELD_VALUE, Op.SEND]);

/** The body of the factory for one code object, or null when it must stay interpreted. */
export function translate(code: CodeObject): string | null {
  if (code.co_flags & CodeFlag.GENERATOR) return null;
  const co = code.co_code;
  const n = co.length >> 1;
  if (n === 0 || n > MAX_INSTRUCTIONS) return null;
  const consts = new Set<number>();
  const names = new Set<number>();
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const op = co[2 * k]!;
    const a = co[2 * k + 1]!;
    const body = emit(code, op, k, a, consts, names);
    if (body === null) return null;
    out.push(`case ${k}:`, body);
  }
  const head: string[] = [
    `"use strict";`,
    `const h = vm.h, T = vm.T, intType = T.int, rangeIterType = T.range_iterator, listIterType = T.list_iterator;`,
    `const None = vm.None, True = vm.True, False = vm.False, smallIntBase = h.smallIntBase;`,
    // the heap's Int32Array view of memory, re-read when a growth of memory detached it (length 0)
    `let m = h._i32;`,
    `const {asObj, loadGlobalCached, binaryAddStore, callNotPython, isPythonCall, O} = R;`,
  ];
  for (const c of consts) head.push(`const c${c} = info.consts[${c}];`);
  for (const c of names) head.push(`const n${c} = info.names[${c}];`);
  head.push(
    `return function ${"py_" + code.co_name.replace(/[^A-Za-z0-9_]/g, "_")}(f) {`,
    `const st = f.stack, ls = f.localsplus;`,
    `let i = f.ip, cv = -1;`,
    `out: for (;;) switch (i) {`,
    ...out,
    `default: break out;`,
    `}`,
    // every exit: f.ip is the instruction the eval loop runs next
    `f.ip = i;`,
    `};`,
  );
  return head.join("\n");
}

/** incref / decref / the int type test on the memory view `m`, as the heap's own accessors do them. */
const MEM = "if (m.length === 0) m = h.i32;";
function inc(v: string): string {
  return `${MEM} m[${v} >>> 2]++;`;
}
function dec(v: string): string {
  return `${MEM} if (m[${v} >>> 2] === 1) h.decref(${v}); else m[${v} >>> 2]--;`;
}
const OB_TYPE = abi.OB_TYPE;
const OB_SIZE = abi.OB_SIZE;
const INT_DIGITS = abi.INT_DIGITS;
/** JS for: x = the value of the exact int of at most one digit held in variable v, else NaN (m fresh). */
function small(v: string, x: string): string {
  return `if (m[(${v} + ${OB_TYPE}) >>> 2] >>> 0 === intType) { const z = m[(${v} + ${OB_SIZE}) >>> 2]; ${x} = z === 0 ? 0 : z === 1 ? m[(${v} + ${INT_DIGITS}) >>> 2] : z === -1 ? -m[(${v} + ${INT_DIGITS}) >>> 2] | 0 : NaN; } else ${x} = NaN;`;
}
/** JS for the new int of value x (a safe integer): the small-int cache or a new object. */
function newSmall(x: string): string {
  // (| 0: the stack and the locals hold int32 values only, so their arrays keep small-integer elements)
  return `(${x} >= -5 && ${x} <= 256 ? (m.length === 0 && (m = h.i32), m[(smallIntBase + (${x} + 5) * 32) >>> 2]++, (smallIntBase + (${x} + 5) * 32) | 0) : asObj(h.newInt(${x})))`;
}

/** The one-digit int operations inlined by BINARY_OP (argument without the in-place offset 13): the
 *  expressions smallIntBinary computes on x and y, NaN where it gives up. */
const SMALL_BINARY: (string | undefined)[] = [];
SMALL_BINARY[0] = "x + y";
SMALL_BINARY[10] = "x - y";
SMALL_BINARY[5] = "(r = x * y, r <= 9007199254740991 && r >= -9007199254740991 ? r : NaN)";
SMALL_BINARY[2] = "(y === 0 ? NaN : Math.floor(x / y))";
SMALL_BINARY[6] = "(y === 0 ? NaN : (r = x % y, r === 0 ? 0 : (r < 0) !== (y < 0) ? r + y : r))";
SMALL_BINARY[1] = "x & y";
SMALL_BINARY[7] = "x | y";
SMALL_BINARY[12] = "x ^ y";

/**
 * A POP_JUMP_IF_FALSE/TRUE right after a COMPARE_OP on one-digit ints: the compare left its result in cv
 * (1 true, 0 false; -1 otherwise, and always on entry through the switch) instead of pushing a bool. This
 * instruction is counted and checked as usual; when the step check is due the bool is pushed first, so the
 * loop finds the stack as after the COMPARE_OP.
 */
function fused(k: number, jumpIf: number, target: number): string {
  return `if (cv >= 0) { const c = cv; cv = -1;
    if (vm.steps + 1 >= vm.stepCheckAt) { const o = c ? True : False; ${inc("o")} st.push(o); i = ${k}; break out; }
    vm.steps++; f.lasti = ${k}; if (c === ${jumpIf}) { i = ${target}; continue; } } else`;
}

/** Counts the instruction (or leaves it to the loop when the step check is due) and sets f.lasti. */
function pro(k: number): string {
  return `if (vm.steps + 1 >= vm.stepCheckAt) { i = ${k}; break out; } vm.steps++; f.lasti = ${k};`;
}

function emit(code: CodeObject, op: number, k: number, a: number, consts: Set<number>, names: Set<number>): string | null {
  const p = pro(k);
  const jump = (t: number) => `{ i = ${t}; continue; }`;
  const name = (x: number) => {
    names.add(x);
    return `n${x}`;
  };
  const str = (x: number) => j(code.co_names[x]);
  switch (op) {
    case Op.NOP:
    case Op.PRECALL:
      return p;
    case Op.RESUME:
      return `${p} if (info.warmup < 0) info.warmup++;`;
    case Op.POP_TOP:
      return `${p} { const v = st.pop(); ${dec("v")} }`;
    case Op.PUSH_NULL:
      return `${p} st.push(0);`;
    case Op.COPY:
      return `${p} { const v = st[st.length - ${a}]; if (v) h.incref(v); st.push(v); }`;
    case Op.SWAP:
      return `${p} { const x = st.length - 1, y = st.length - ${a}; const t = st[x]; st[x] = st[y]; st[y] = t; }`;
    case Op.LOAD_CONST:
      consts.add(a);
      return `${p} ${inc(`c${a}`)} st.push(c${a});`;
    case Op.LOAD_FAST:
      return `${p} { const v = ls[${a}]; if (!v) vm.unboundLocal(f, ${a}); ${inc("v")} st.push(v); }`;
    case Op.STORE_FAST:
      return `${p} { const old = ls[${a}]; ls[${a}] = st.pop(); if (old) { ${dec("old")} } }`;
    case Op.LOAD_CLOSURE:
      return `${p} { const v = ls[${a}]; h.incref(v); st.push(v); }`;
    case Op.LOAD_DEREF:
      return `${p} O.loadDeref(vm, f, st, ${a});`;
    case Op.STORE_DEREF:
      return `${p} h.setSlotSteal(ls[${a}], ${L.CELL_REF}, st.pop());`;
    case Op.LOAD_GLOBAL:
      return `${p} ${a & 1 ? "st.push(0);" : ""} st.push(loadGlobalCached(vm, f, ${k}, ${a >> 1}, vm.h.i32));`;
    case Op.LOAD_NAME:
      return `${p} O.loadName(vm, f, st, ${str(a)});`;
    case Op.STORE_NAME:
      return `${p} O.storeName(vm, f, st, ${name(a)});`;
    case Op.LOAD_ATTR:
      return `${p} O.loadAttr(vm, st, ${str(a)}, ${name(a)});`;
    case Op.STORE_ATTR:
      return `${p} O.storeAttr(vm, st, ${str(a)}, ${name(a)});`;
    case Op.LOAD_METHOD:
      return `${p} O.loadMethod(vm, st, ${str(a)});`;
    case Op.KW_NAMES:
      return `${p} f.kwNames = ${a};`;
    case Op.CALL:
      // a Python function (or a bound method of one) gets its frame from the loop
      return `if (vm.steps + 1 >= vm.stepCheckAt || isPythonCall(vm, st, ${a})) { i = ${k}; break out; }
        vm.steps++; f.lasti = ${k}; callNotPython(vm, f, st, ${a});`;
    case Op.BINARY_OP: {
      const store = (a === 0 || a === 13) && code.co_code[2 * k + 2] === Op.STORE_FAST;
      const e = SMALL_BINARY[a >= 13 ? a - 13 : a];
      // one-digit ints inline (the values and allocations of smallIntBinary + newIntResult), else as the loop
      const body =
        e === undefined
          ? `st.push(O.binaryGeneral(vm, f, a, b, ${a}));`
          : `${MEM} let x, y, r = NaN; ${small("a", "x")} ${small("b", "y")} if (x === x && y === y) r = ${e};
          if (r === r) { st.push(${newSmall("r")}); ${dec("a")} ${dec("b")} }
          else st.push(O.binaryGeneral(vm, f, a, b, ${a}));`;
      return `${p} ${store ? `if (info.warmup >= 0 && binaryAddStore(vm, f, ${k})) ${jump(k + 2)}` : ""}
        { const b = st.pop(); const a = st.pop(); ${body} }`;
    }
    case Op.COMPARE_OP: {
      const cmp = ["<", "<=", "===", "!==", ">", ">="][a];
      if (cmp === undefined) return `${p} { const b = st.pop(); const a = st.pop(); st.push(O.compareGeneral(vm, a, b, ${a})); }`;
      const next = code.co_code[2 * k + 2];
      // followed by a POP_JUMP_IF_FALSE/TRUE: the result goes to it in cv (0/1) instead of the stack
      const fuse = next === Op.POP_JUMP_FORWARD_IF_FALSE || next === Op.POP_JUMP_BACKWARD_IF_FALSE || next === Op.POP_JUMP_FORWARD_IF_TRUE || next === Op.POP_JUMP_BACKWARD_IF_TRUE;
      return `${p} { const b = st.pop(); const a = st.pop(); ${MEM} let x, y; ${small("a", "x")} ${small("b", "y")}
        if (x === x && y === y) { const c = x ${cmp} y;
          ${fuse ? "cv = c ? 1 : 0;" : `const o = c ? True : False; ${inc("o")} st.push(o);`} ${dec("a")} ${dec("b")} }
        else st.push(O.compareGeneral(vm, a, b, ${a})); }`;
    }
    case Op.IS_OP:
      return `${p} O.isOp(vm, st, ${a === 1});`;
    case Op.CONTAINS_OP:
      return `${p} O.containsOp(vm, st, ${a === 1});`;
    case Op.BINARY_SUBSCR:
      return `${p} O.binarySubscr(vm, st);`;
    case Op.STORE_SUBSCR:
      return `${p} O.storeSubscr(vm, st);`;
    case Op.GET_ITER:
      return `${p} f.rangeAt = -1; O.getIter(vm, st);`;
    case Op.FOR_ITER:
      return `${p} if (!O.forIter(vm, st)) ${jump(a)}`;
    case Op.JUMP_FORWARD:
    case Op.JUMP_BACKWARD_NO_INTERRUPT:
      return `${p} ${jump(a)}`;
    case Op.JUMP_BACKWARD:
      return `${p} if (info.warmup < 0) info.warmup++; ${jump(a)}`;
    case Op.POP_JUMP_FORWARD_IF_FALSE:
    case Op.POP_JUMP_BACKWARD_IF_FALSE:
      return `${fused(k, 0, a)} { ${p} { const v = st.pop();
        if (v === False) { ${dec("v")} ${jump(a)} }
        if (v === True) { ${dec("v")} } else if (!O.truthPop(vm, v)) ${jump(a)} } }`;
    case Op.POP_JUMP_FORWARD_IF_TRUE:
    case Op.POP_JUMP_BACKWARD_IF_TRUE:
      return `${fused(k, 1, a)} { ${p} { const v = st.pop();
        if (v === True) { ${dec("v")} ${jump(a)} }
        if (v === False) { ${dec("v")} } else if (O.truthPop(vm, v)) ${jump(a)} } }`;
    case Op.POP_JUMP_FORWARD_IF_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NONE:
      return `${p} { const v = st.pop(); h.decref(v); if (v === None) ${jump(a)} }`;
    case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NOT_NONE:
      return `${p} { const v = st.pop(); h.decref(v); if (v !== None) ${jump(a)} }`;
    case Op.JUMP_IF_FALSE_OR_POP:
      return `${p} if (O.jumpOrPop(vm, st, false)) ${jump(a)}`;
    case Op.JUMP_IF_TRUE_OR_POP:
      return `${p} if (O.jumpOrPop(vm, st, true)) ${jump(a)}`;
    case Op.BUILD_TUPLE:
      return `${p} O.buildTuple(vm, st, ${a});`;
    case Op.BUILD_LIST:
      return `${p} O.buildList(vm, st, ${a});`;
    case Op.BUILD_STRING:
      return `${p} O.buildString(vm, st, ${a});`;
    case Op.LIST_APPEND:
      return `${p} O.listAppend(vm, st, ${a});`;
    case Op.UNPACK_SEQUENCE:
      return `${p} O.unpackSequence(vm, st, ${a});`;
    case Op.FORMAT_VALUE:
      return `${p} O.formatValue(vm, st, ${a});`;
    default:
      if (LOOP.has(op)) return `i = ${k}; break out;`;
      if (RARE.has(op)) return `${p} vm.evalRare(f, ${op}, ${a});`;
      return null;
  }
}
