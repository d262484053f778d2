/**
 * Untraced runs in Node (on there by default, see below; PYHEAP_JIT=0 or setJitEnabled(false) turns it off): the innermost
 * loops of a code object (a loop holding no other loop) are translated into JavaScript functions specialised
 * to them (`new Function`). The eval loop looks for compiled code only where a jump back lands (a loop's
 * head: no cost per instruction elsewhere) and counts those jumps per code object; every 500 of them
 * (jitThreshold) it asks jitCompile, which compiles the innermost loop holding that head, if any and not done
 * yet. A compiled loop is entered at its head (`info.jit[ip]`, set at every block start); code
 * outside innermost loops stays with the eval loop (calls and returns leave compiled code anyway, and every
 * function V8 optimises costs compile time and deoptimisations as paths are first reached). A loop's
 * function is made once per process for its source and kept for later runs, with V8's optimised code: what
 * belongs to a run (the VM, the frame's code info, constants) is read at each entry. The first 64 entries of
 * a loop's function count its iterations; one entered about once per iteration (left at every call of a
 * Python function) is given back to the eval loop, in later runs too. A loop whose every iteration calls a
 * Python function or a class that the eval loop's caches of its first iterations name (callsPython) is not
 * translated at all.
 *
 * The value stack lives in the function's own variables (s0, s1, …: the depth before every instruction is
 * known, as the compiler's stack-depth walk finds it), the fast locals stay in the frame's array. The loop is
 * cut into blocks (straight runs of instructions between jump targets, handlers and the instructions the
 * function does not run itself); every block start is an entry: `switch (pc)` inside a loop, jumps are
 * `pc = target; continue`, a jump out of the loop or past its end returns to the eval loop there. A block
 * counts its instructions' steps at its start; when the step counter would reach `vm.stepCheckAt` inside it,
 * the function returns and the eval loop runs the block one instruction at a time (so the step and time
 * limits stop at the same instruction as without this path). Every way out (a step check, an instruction
 * left to the loop, a jump out) goes through one shared exit at the function's end, so that an exit first
 * taken after V8 optimised the function does not deoptimise it (each block's own exit did, at its first
 * step check: string_build's three loop functions were compiled 9 times in a first run, now 3).
 *
 * Each instruction does what the loop's case for it does, through the same helpers, in the same order
 * (refcounts, allocations, frees, events and errors are identical); a helper that works on the frame's stack
 * is given the stack slots it takes and gives back what it leaves. Left to the eval loop (the function puts its
 * stack slots back on the frame's stack, sets `f.ip` and returns; the loop runs that instruction and the rest
 * of the iteration, and calls the function again at the next jump back): calls of Python functions, bound
 * methods, classes and cached
 * functions, calls with keyword names, returns and generators. Opcodes the loop runs out of line
 * (`evalRare`) are run by evalRare from here on the frame's whole stack. An exception thrown inside leaves
 * the slots below what the throwing instruction took on the frame's stack and the steps not yet run
 * uncounted, and goes on to the loop's unwinding with `f.lasti` set.
 *
 * Generator code objects, loops longer than 3000 instructions and every run with a tracing hook use the loop
 * only. Where `new Function` is refused (a page's content security policy), everything silently uses the
 * loop.
 *
 * On by default in Node: the package's "node" export condition resolves to src/node.ts, which imports this
 * module, and loading it switches the path on unless PYHEAP_JIT=0 is set (so the server's workers, the CLI,
 * `run()` imported in Node and the corpus runner have it); the plain entry (src/index.ts, what a browser
 * bundle resolves) never imports it, so the web element does not carry it. Measured before the switch
 * (tools/bench/README.md, 28 Nov 01:37–02:50; cachegrind, a first run in a fresh process, off → on):
 * int_loop 5.68 → 4.51 G machine instructions, list_build 8.58 → 6.28 G, dict_insert 6.37 → 5.49 G,
 * string_build 5.74 → 5.69 G; the two programs that compile nothing cost more, method_calls 7.24 → 7.52 G
 * (+3.9 %), recursion 6.48 → 6.75 G (+4.2 %). Of recursion's, 2.9 % is the eval loop's with a hook
 * installed that is never called (the jump-back test at every instruction) and 1.3 % the warm-up's
 * (below). Earlier history: warm runs were faster with it (27 Nov 15:52–17:20),
 * the warm-up and the shared exit took its own deoptimisations out of first runs (19:05–20:30), loops
 * that call Python every iteration are not translated (callsPython, 23:00).
 * Calls of Python functions run from compiled loops in a nested eval loop (vm.evalFrame, as native code
 * calls Python) were tried and dropped: method_calls' loops then stay compiled, but its first run cost
 * 8.18 G (evalFrame, now called per Python call, is compiled by V8 six times instead of three) and warm
 * runs were no faster (CPU ms, best of runs 3-7: 376 and 385 against 356 and 407).
 */
import { CodeFlag, type CodeObject } from "../compile/code.js";
import { Op, isJump } from "../compile/opcodes.js";
import { stackEffect } from "../compile/stack-effect.js";
import type { CodeInfo, Frame } from "../vm/frame.js";
import type { VM } from "../vm/vm.js";
import { jitState, type JitHook } from "../vm/jit-hook.js";
import * as L from "../vm/layouts.js";
import { abi } from "@pyheap/heap";
import { asObj, binarySubscr, dictKeyIterNextIn, intTruth, listIterNextIn, loadGlobalCached, rangeIterNextAt, smallIntBinary, storeSubscr } from "../vm/fast.js";
import { binaryAddStore, isAddThenStore, isIntAddSite } from "../vm/inplace.js";
import { slotLoad, slotMethod, slotStore } from "../vm/protocol.js";
import { superMethodPush } from "../vm/classes.js";
import { callByLoop, callInline } from "./call.js";
import { copyFreeVars, getIter, loadAttrNoting, loadMethodNoting, methodCacheHit, pushAttrRelease, pushBinaryRelease, pushCompareRelease, pushIntResultRelease, storeAttr, truthRelease } from "../vm/loop.js";

/** A compiled loop: runs frame f from f.ip until an instruction it leaves to the eval loop. */
export type JitFn = (f: Frame, vm: VM) => void;

const runtime = {
  asObj, binarySubscr, dictKeyIterNextIn, intTruth, listIterNextIn, loadGlobalCached, rangeIterNextAt, smallIntBinary, storeSubscr,
  binaryAddStore, isIntAddSite, slotLoad, slotMethod, slotStore, superMethodPush, copyFreeVars, getIter,
  loadAttrNoting, loadMethodNoting, methodCacheHit, pushAttrRelease, pushBinaryRelease, pushCompareRelease, pushIntResultRelease,
  storeAttr, truthRelease, callByLoop, callInline, dropLoop,
};
type Runtime = typeof runtime;

/** Entries of a compiled loop (over all runs) after which it is given back to the eval loop when it ran
 *  fewer than two iterations per entry. */
const PROBE = 64;
/** Compiled loops given back to the eval loop (jitCompile installs them no more). */
const dropped = new WeakSet<JitFn>();
function dropLoop(info: CodeInfo, fn: JitFn): void {
  dropped.add(fn);
  const jit = info.jit;
  if (jit !== null) for (let x = 0; x < jit.length; x++) if (jit[x] === fn) jit[x] = undefined;
}

/**
 * The eval loop's two calls of this path (`jit.compile.call(...)`, `jf.call(...)`) run before V8 first
 * optimises the loop: a call without feedback in optimised code deoptimises it when first reached (and the
 * loop, one large function, is compiled again: 100-500 ms of CPU in a first run). V8 gives the loop its
 * feedback only after it ran a while (lazy feedback allocation), so the process's first WARM_CALLS jumps back
 * (in any code object) are a warm-up: every one calls the hook (`threshold` is 1 then: CodeInfo.jitWait) and
 * puts `warmFn` at the instruction the jump landed on when nothing is there (called at the next jump landing
 * there, it removes itself). Jumps back are counted per code object meanwhile, and a loop is compiled at the
 * same count as afterwards.
 */
const WARM_CALLS = 20_000;
let warmCalls = 0;
/** Made as the compiled loops' functions are (the same kind of function: the loop reads `.call` of both). */
let warmFn: JitFn | null = null;
/** Jumps back per code object counted in the warm-up. */
const warmCounts = new WeakMap<CodeInfo, number>();
function warmCompile(info: CodeInfo, ip: number, vm: VM): void {
  if (++warmCalls >= WARM_CALLS) {
    hook.compile = mainCompile;
    hook.threshold = every;
  }
  if (warmFn === null && !unavailable) {
    try {
      warmFn = new Function("R", `"use strict";\nreturn function py_warm(f, vm) { f.info.jit[f.ip] = undefined; };`)(runtime) as JitFn;
    } catch {
      unavailable = true;
      setJitEnabled(false);
    }
  }
  const jit = info.jit ?? (info.jit = new Array<JitFn | undefined>(info.code.co_code.length >> 1).fill(undefined));
  if (jit[ip] === undefined && warmFn !== null) jit[ip] = warmFn;
  const n = (warmCounts.get(info) ?? 0) + 1;
  if (n < every) {
    warmCounts.set(info, n);
    info.jitWait = 1;
    return;
  }
  warmCounts.set(info, 0);
  jitCompile(info, ip, vm);
  if (info.jitWait > 0) info.jitWait = 1;
}
/** After the warm-up: a code object counted in it is called next after the rest of its count. */
function mainCompile(info: CodeInfo, ip: number, vm: VM): void {
  const n = warmCounts.get(info);
  if (n !== undefined) {
    warmCounts.delete(info);
    if (n + 1 < every) {
      info.jitWait = every - n - 1;
      return;
    }
  }
  jitCompile(info, ip, vm);
}

/** Set when `new Function` threw once: nothing is compiled afterwards. */
let unavailable = false;

/** Code objects compiled so far in this process (tests check that the compiled path really ran). */
export const jitCounts = { compiled: 0 };

/** Jumps back in a code object before its loop is compiled. */
let every = Math.max(1, Number((typeof process !== "undefined" && process.env && process.env.PYHEAP_JIT_THRESHOLD) || 500) || 500);
const hook: JitHook = { compile: warmCompile, threshold: 1 };

// the field takes another function after the warm-up: written twice now, V8 keeps it a plain (mutable)
// field from the start (made mutable later, the object's shape could change under the loop's feedback)
hook.compile = mainCompile;
hook.compile = warmCompile;

/** Switches the compiled path on or off for runs started afterwards (differential tests, benchmarks). */
export function setJitEnabled(on: boolean): void {
  jitState.hook = on && !unavailable ? hook : null;
}
export function jitEnabled(): boolean {
  return jitState.hook === hook;
}

/** Jumps back in a code object before its loop is compiled (differential tests use 1). */
export function setJitThreshold(n: number): void {
  every = Math.max(1, n);
  if (hook.compile === mainCompile) hook.threshold = every;
}
export function jitThreshold(): number {
  return every;
}

// On once this module is loaded, unless PYHEAP_JIT=0 is set then (setJitEnabled changes it later). Node
// loads it with the package (src/node.ts, the "node" export condition); the plain entry does not import
// it, so browser bundles do not carry it.
// ("0", "false", "off" or "no", in any case, mean off: a value meant as off must not leave it on)
const asked = typeof process !== "undefined" && process.env ? process.env.PYHEAP_JIT : undefined;
if (!(asked !== undefined && /^\s*(0|false|off|no)\s*$/i.test(asked))) setJitEnabled(true);

/** Code objects longer than this stay with the eval loop (V8 does not optimise very large functions). */
const MAX_INSTRUCTIONS = 3000;

/** Compiled loops by code object and loop start (null: that loop stays interpreted). */
const compiled = new WeakMap<CodeObject, Map<number, { fn: JitFn; entries: number[] } | null>>();
/** Functions by their source: a program run again (a new CodeObject each time) gets the same function, with
 *  V8's feedback and optimised code from the earlier runs (bounded: oldest dropped). */
const bySource = new Map<string, JitFn>();
const MAX_SOURCES = 2000;

/** A code object's innermost loops (holding no other loop): [first, last] instruction of each. */
type Loop = { lo: number; hi: number };
const loopsOf = new WeakMap<CodeObject, Loop[]>();
/** Per code object of a run: which of its loops were compiled (or refused). */
const done = new WeakMap<CodeInfo, Uint8Array>();

/** The innermost loops of code: a backward jump to t from k makes [t, k] (the last such jump to t); a loop
 *  holding another one is left out (its own instructions run once per inner loop, and V8 deoptimises and
 *  recompiles a larger function more often as its paths are first reached). */
export function loopsIn(code: CodeObject): Loop[] {
  let loops = loopsOf.get(code);
  if (loops !== undefined) return loops;
  const co = code.co_code;
  const last = new Map<number, number>();
  for (let k = 0; k < co.length >> 1; k++) {
    const o = co[2 * k]!;
    if ((o === Op.JUMP_BACKWARD || o === Op.JUMP_BACKWARD_NO_INTERRUPT || o === Op.POP_JUMP_BACKWARD_IF_TRUE || o === Op.POP_JUMP_BACKWARD_IF_FALSE ||
      o === Op.POP_JUMP_BACKWARD_IF_NONE || o === Op.POP_JUMP_BACKWARD_IF_NOT_NONE) && co[2 * k + 1]! <= k) last.set(co[2 * k + 1]!, k);
  }
  const all = [...last].map(([lo, hi]) => ({ lo, hi }));
  loops = all.filter((l) => !all.some((o) => o !== l && l.lo <= o.lo && o.hi <= l.hi));
  loopsOf.set(code, loops);
  return loops;
}

/**
 * Called by the eval loop every `threshold` jumps back in a code object, at the instruction ip a jump
 * landed on: compiles the innermost loop holding ip (when not done yet, and when it holds no other loop)
 * into a function set at its blocks' starts (info.jit[entry]). Code outside loops stays with the eval loop: there the compiled path gains
 * nothing (calls and returns leave it) and each function V8 compiles costs tens of milliseconds or more.
 */
export function jitCompile(info: CodeInfo, ip: number, vm: VM): void {
  const code = info.code;
  let d = done.get(info);
  const loops = unavailable || info.isGenerator ? [] : loopsIn(code);
  if (d === undefined) done.set(info, (d = new Uint8Array(loops.length)));
  info.jitWait = every;
  let x = 0;
  while (x < loops.length && !(loops[x]!.lo <= ip && ip <= loops[x]!.hi)) x++;
  if (x < loops.length && d[x] === 0) {
    d[x] = 1;
    const fn = callsPython(vm, info, loops[x]!) ? null : compileRegion(code, loops[x]!);
    if (fn !== null) {
      const jit = info.jit ?? (info.jit = new Array<JitFn | undefined>(code.co_code.length >> 1).fill(undefined));
      for (const e of fn.entries) jit[e] = fn.fn;
    }
  }
  if (d.every((v) => v === 1)) info.jitWait = -1;
}

/**
 * Whether every iteration of the loop calls a Python function or a class, as far as the eval loop's caches
 * of its first iterations tell: a LOAD_METHOD whose slot site found a function on the class, a LOAD_GLOBAL
 * of a callable (one that pushes the NULL of a call) whose cached value is a function or a class made by a
 * class statement (a heap type whose type is `type`; str(), int() or list() run no Python code), or such a
 * LOAD_NAME after PUSH_NULL whose name the running frame's namespace holds now, on the path every iteration
 * runs (no jump before it in the loop lands past it inside the loop). Such a loop would be left at that CALL
 * every iteration and given back after PROBE entries: it is not translated at all (the translation and V8's
 * compile of its function cost a first run more than it gains). Lookups only: nothing is allocated or run
 * (the namespace is looked in only while all its keys are exact str, whose compares call no __eq__).
 */
function callsPython(vm: VM, info: CodeInfo, loop: Loop): boolean {
  const co = info.code.co_code;
  const sites = info.slotSites;
  const globals = info.globalCache;
  const f = vm.frame!;
  // (the eval loop calls the hook in the frame running the loop)
  const own = f !== null && f.info === info;
  const m = vm.h.i32;
  let skip = -1;
  for (let k = loop.lo; k <= loop.hi; k++) {
    const o = co[2 * k]!;
    const a = co[2 * k + 1]!;
    if (k > skip) {
      if (o === Op.LOAD_METHOD && sites !== null) {
        const c = sites[k];
        if (c !== null && c !== undefined && c.fn !== 0) return true;
      } else {
        // the callable pushed after a NULL: LOAD_GLOBAL's cached value, or what LOAD_NAME finds now in the
        // running frame's locals (a module's or a class body's namespace, when a dict)
        let v = 0;
        if (o === Op.LOAD_GLOBAL && (a & 1) === 1 && globals !== null && own && globalCached(m, globals, 7 * k, f)) v = globals[7 * k + 6]! >>> 0;
        else if (o === Op.LOAD_NAME && k > 0 && co[2 * k - 2] === Op.PUSH_NULL && own && f.locals !== 0 && vm.h.typeOf(f.locals) === vm.T.dict && strKeysOnly(vm, f.locals)) {
          try {
            v = vm.h.dictGet(f.locals, info.names[a]!);
          } catch {
            v = 0;
          }
        }
        if (v !== 0) {
          const t = m[(v + OB_TYPE) >>> 2]! >>> 0;
          if (t === vm.tFunction || (t === vm.tType && (m[(v + TP_FLAGS) >>> 2]! & TPF_HEAPTYPE) !== 0)) return true;
        }
      }
    }
    // a forward jump landing inside the loop: what lies before its target is not run every iteration
    if (isJump(o) && o !== Op.FOR_ITER && a > k && a <= loop.hi && a - 1 > skip) skip = a - 1;
  }
  return false;
}

/** Whether every key of dict d is an exact str (its keys table is of the unicode kind): a lookup of a str
 *  in it then compares strings only, and runs no Python __eq__. */
function strKeysOnly(vm: VM, d: number): boolean {
  const m = vm.h.i32;
  const keys = m[(d + abi.DICT_KEYS) >>> 2]! >>> 0;
  // (DK_KIND is one byte: read from the word that holds it, little-endian)
  const at = keys + abi.DK_KIND;
  return keys !== 0 && ((m[at >>> 2]! >>> ((at & 3) * 8)) & 0xff) === abi.DK_KIND_UNICODE;
}

/** Whether LOAD_GLOBAL's cache entry at k (7 words) still holds for frame f, as loadGlobalCached checks it:
 *  the dicts' versions unchanged, so the value it names is alive and is what the name finds now. */
function globalCached(m: Int32Array, c: Int32Array, k: number, f: Frame): boolean {
  const g = f.globals;
  const b = f.builtins;
  if (c[k] !== g || c[k + 1] !== m[(g + DICT_VERSION) >>> 2] || c[k + 2] !== m[(g + DICT_VERSION + 4) >>> 2]) return false;
  const from = c[k + 3];
  return from === 0 || (from === b && c[k + 4] === m[(b + DICT_VERSION) >>> 2] && c[k + 5] === m[(b + DICT_VERSION + 4) >>> 2]);
}

function compileRegion(code: CodeObject, loop: Loop): { fn: JitFn; entries: number[] } | null {
  let byLoop = compiled.get(code);
  if (byLoop === undefined) compiled.set(code, (byLoop = new Map()));
  let c = byLoop.get(loop.lo);
  if (c === undefined) {
    c = null;
    const t = translate(code, loop.lo, loop.hi);
    if (t !== null) {
      try {
        let fn = bySource.get(t.src);
        if (fn === undefined) {
          fn = new Function("R", t.src)(runtime) as JitFn;
          if (bySource.size >= MAX_SOURCES) bySource.delete(bySource.keys().next().value!);
          bySource.set(t.src, fn);
        }
        c = { fn, entries: t.entries };
      } catch (e) {
        if (e instanceof SyntaxError) throw e;
        unavailable = true;
        setJitEnabled(false);
      }
    }
    byLoop.set(loop.lo, c);
  }
  if (c === null || dropped.has(c.fn)) return null;
  jitCounts.compiled++;
  return c;
}

const OB_TYPE = abi.OB_TYPE;
const DICT_VERSION = abi.DICT_VERSION;
const TP_FLAGS = abi.TP_FLAGS;
const TPF_HEAPTYPE = abi.TPF_HEAPTYPE;
const j = JSON.stringify;

/** The body of the factory for instructions lo..hi of a code object (see the file's head) and the
 *  instructions it is entered at, or null when they stay interpreted. */
export function translate(code: CodeObject, lo = 0, hi = (code.co_code.length >> 1) - 1): { src: string; entries: number[] } | null {
  if (code.co_flags & CodeFlag.GENERATOR) return null;
  const co = code.co_code;
  const n = co.length >> 1;
  if (n === 0 || hi - lo + 1 > MAX_INSTRUCTIONS) return null;
  const op = (k: number) => co[2 * k]! as Op;
  const argOf = (k: number) => co[2 * k + 1]!;
  // the value stack's depth before each instruction (-1: never reached), as the compiler's stack-depth walk
  const depth = new Int32Array(n).fill(-1);
  const work: number[] = [];
  const visit = (k: number, d: number) => {
    if (k >= n || depth[k] >= 0) return;
    depth[k] = d;
    work.push(k);
  };
  const leader = new Uint8Array(n + 1);
  leader[0] = 1;
  visit(0, 0);
  for (const e of code.co_exceptiontable) {
    leader[e.target] = 1;
    visit(e.target, e.depth + (e.lasti ? 1 : 0) + 1);
  }
  while (work.length) {
    const k = work.pop()!;
    const o = op(k);
    const a = argOf(k);
    const d = depth[k];
    if (isJump(o)) {
      leader[a] = 1;
      visit(a, d + stackEffect(o, a, true));
    }
    const ends = o === Op.RETURN_VALUE || o === Op.RERAISE || o === Op.RAISE_VARARGS || o === Op.JUMP_FORWARD || o === Op.JUMP_BACKWARD || o === Op.JUMP_BACKWARD_NO_INTERRUPT;
    if (!ends) visit(k + 1, d + stackEffect(o, a, false));
  }
  // blocks: straight runs of instructions; every block start is an entry of the function
  for (let k = 0; k < n; k++) {
    const o = op(k);
    if (isJump(o) || !INLINE.has(o)) leader[k + 1] = 1;
  }
  leader[lo] = leader[hi + 1] = 1;
  // the `+=` of a str into the STORE_FAST after it (inplace.ts) runs both: that STORE_FAST must not start a block
  for (let k = lo; k <= hi; k++) if (depth[k] >= 0 && op(k) === Op.BINARY_OP && isAddThenStore(co, k, argOf(k)) && leader[k + 1]) return null;
  // slots for the region's instructions and for where it is left (a jump out, or past its end)
  let maxDepth = 1;
  for (let k = lo; k <= hi + 1 && k < n; k++) if (depth[k] + 2 > maxDepth) maxDepth = depth[k] + 2;
  for (let k = lo; k <= hi; k++) if (isJump(op(k)) && depth[argOf(k)] + 2 > maxDepth) maxDepth = depth[argOf(k)] + 2;
  // per instruction: how many of the stack's slots below what it took a throw leaves to the loop's
  // unwinding (LOW), and the instructions of its block after it (REM), counted ahead at the block's start
  const low = new Int32Array(n);
  const rem = new Int32Array(n);
  const out: string[] = [];
  const consts = new Set<number>();
  const names = new Set<number>();
  let k = lo;
  while (k <= hi) {
    if (depth[k] < 0) {
      k++;
      continue;
    }
    // a block from k to end (exclusive)
    let end = k + 1;
    while (end <= hi && !leader[end] && depth[end] >= 0) end++;
    const len = end - k;
    out.push(`case ${k}: if ((vm.steps += ${len}) >= vm.stepCheckAt) ${leave(k, len)}`);
    for (let j = k; j < end; j++) {
      rem[j] = end - 1 - j;
      if (j > k && op(j - 1) === Op.BINARY_OP && isAddThenStore(co, j - 1, argOf(j - 1))) continue;
      const body = emit(code, op(j), j, argOf(j), depth[j], low, consts, names);
      if (body === null) return null;
      out.push(body);
    }
    // a block that falls through into the next one: the switch's next case
    k = end;
  }
  const slots: string[] = [];
  for (let s = 0; s < maxDepth; s++) slots.push(`s${s} = 0`);
  const reload: string[] = [];
  for (let s = maxDepth; s > 0; s--) reload.push(`case ${s}: s${s - 1} = st.pop();`);
  const unshift: string[] = [];
  for (let s = 1; s <= maxDepth; s++) unshift.push(`case ${s}: st.unshift(${Array.from({ length: s }, (_, x) => `s${x}`).join(", ")}); break;`);
  // the slots pushed back where the function is left, shared by every exit: all of them in one call, the
  // frame's stack then cut to the depth there (one path for every depth)
  const push = `const b = st.length; st.push(${Array.from({ length: maxDepth }, (_, x) => `s${x}`).join(", ")}); st.length = b + (DEPTH[pc] | 0);`;
  const entries: number[] = [];
  for (let j = lo; j <= hi; j++) if (leader[j] && depth[j] >= 0) entries.push(j);
  // one function for all runs (its optimised code is kept): what belongs to a run is read at each entry
  const fn = "py_" + code.co_name.replace(/[^A-Za-z0-9_]/g, "_");
  const head: string[] = [
    `"use strict";`,
    `const R_ = R;`,
    `const E = new Uint8Array(${n + 1}); for (const x of ${j(entries)}) E[x] = 1;`,
    // the first PROBE entries (in any run) count the loop's iterations: a loop left about once an iteration
    // (a call of a Python function in it) gains nothing here and is given back to the eval loop
    `let ENTRIES = 0, ITERS = 0;`,
    `const LOW = new Int32Array(${j(Array.from(low))}), REM = new Int32Array(${j(Array.from(rem))}), DEPTH = new Int32Array(${j(Array.from(depth))});`,
  ];
  const perRun = [
    `const info = f.info, h = vm.h, T = vm.T, intType = T.int, intTypeW = T.int | 0, rangeIterType = T.range_iterator, listIterType = T.list_iterator;`,
    `const superTypeW = vm.tSuper | 0, dictKeyIterType = vm.tDictKeyIter, None = vm.None, True = vm.True, False = vm.False;`,
  ];
  for (const c of consts) perRun.push(`const c${c} = info.consts[${c}];`);
  for (const c of names) perRun.push(`const n${c} = info.names[${c}];`);
  head.push(
    `return function ${fn}(f, vm) {`,
    `let pc = f.ip;`,
    `if (E[pc] === 0) return;`,
    // (the compare runs at every entry counted: reached first after V8 optimised the function, it would
    // deoptimise it)
    `if (ENTRIES < ${PROBE} && ++ENTRIES + (ITERS < ${2 * PROBE} ? 0 : ${PROBE}) === ${PROBE}) R_.dropLoop(f.info, ${fn});`,
    ...perRun,
    `const st = f.stack, ls = f.localsplus;`,
    `let ${slots.join(", ")}, m = h.i32, t = 0, give = 0;`,
    `switch (st.length) { ${reload.join(" ")} }`,
    `try {`,
    `out: for (;;) switch (pc) {`,
    ...out,
    // past the region's end or a jump out of it: the eval loop goes on from there
    `pc = ${hi + 1};`,
    `default: break out;`,
    `}`,
    // every exit: the steps not run given back, the slots pushed back on the frame's stack, the eval loop
    // goes on at pc (one path for all: an exit taken first after V8 optimised the function, e.g. a step
    // check in a block where none came before, does not deoptimise it)
    `vm.steps -= give; { ${push} }`,
    `f.ip = pc; return;`,
    `} catch (e) {`,
    `const k = f.lasti;`,
    `vm.steps -= REM[k];`,
    `switch (LOW[k]) { ${unshift.join(" ")} }`,
    `throw e;`,
    `}`,
    `};`,
  );
  return { src: head.join("\n").replace(/__RELOAD__/g, reload.join(" ")), entries };
}


/** The opcodes compiled in line; every other one runs as the eval loop runs it (its rare path, or the loop itself). */
const INLINE = new Set<number>([
  Op.NOP, Op.PRECALL, Op.RESUME, Op.POP_TOP, Op.PUSH_NULL, Op.COPY, Op.SWAP, Op.LOAD_CONST, Op.LOAD_FAST,
  Op.STORE_FAST, Op.LOAD_DEREF, Op.LOAD_GLOBAL, Op.LOAD_ATTR, Op.STORE_ATTR, Op.LOAD_METHOD, Op.KW_NAMES,
  Op.BINARY_OP, Op.COMPARE_OP, Op.IS_OP, Op.BINARY_SUBSCR, Op.STORE_SUBSCR, Op.LIST_APPEND, Op.COPY_FREE_VARS,
  Op.GET_ITER,
]);
/** Run by the eval loop itself (the function returns before them): calls, returns, generators. */
const LOOP = new Set<number>([Op.RETURN_VALUE, Op.RETURN_GENERATOR, Op.YIELD_VALUE, Op.SEND]);

/** Leaves the function at instruction k, `give` steps counted ahead not run: the shared exit at the
 *  function's end pushes the slots (DEPTH[k]) back and the eval loop goes on at k. */
function leave(k: number, give: number): string {
  return `{ give = ${give}; pc = ${k}; break out; }`;
}
/** Pushes the first d stack slots onto the frame's stack (before the eval loop takes the frame). */
function spill(d: number): string {
  if (d === 0) return "";
  return `st.push(${Array.from({ length: d }, (_, x) => `s${x}`).join(", ")});`;
}
/** The memory view, fresh (a grown memory detaches the old one: length 0). */
const MEM = "if ((m.length | 0) === 0) m = h.i32;";
function inc(v: string): string {
  return `${MEM} m[${v} >>> 2]++;`;
}
/** h.decref inline: the call (which may run a __del__: f.lasti set for it) only when the count reaches 0. */
function dec(v: string, k: number): string {
  return `${MEM} if (m[${v} >>> 2] === 1) { f.lasti = ${k}; h.decref(${v}); } else m[${v} >>> 2]--;`;
}

function emit(code: CodeObject, op: number, k: number, a: number, d: number, low: Int32Array, consts: Set<number>, names: Set<number>): string | null {
  const s = (x: number) => `s${x}`;
  const top = s(d - 1);
  const jump = (t: number) => `{ pc = ${t}; continue; }`;
  const name = (x: number) => {
    names.add(x);
    return `n${x}`;
  };
  const str = (x: number) => j(code.co_names[x]);
  // a helper working on the frame's stack as the loop's does: the top `take` slots pushed for it, `give`
  // slots popped back after it; a throw inside leaves the slots below them to the unwinding
  const viaStack = (take: number, give: number, call: string) => {
    low[k] = d - take;
    const pops: string[] = [];
    for (let x = d - take + give - 1; x >= d - take; x--) pops.push(`${s(x)} = st.pop();`);
    return `f.lasti = ${k}; ${take ? `st.push(${Array.from({ length: take }, (_, x) => s(d - take + x)).join(", ")});` : ""} ${call}; ${pops.join(" ")}`;
  };
  low[k] = d;
  switch (op) {
    case Op.NOP:
    case Op.PRECALL:
      return "";
    case Op.RESUME:
      return `if (info.warmup < 0) info.warmup++;`;
    case Op.POP_TOP:
      low[k] = d - 1;
      return `${dec(top, k)}`;
    case Op.PUSH_NULL:
      return `${s(d)} = 0;`;
    case Op.COPY:
      return `${s(d)} = ${s(d - a)}; if (${s(d)}) { ${inc(s(d))} }`;
    case Op.SWAP:
      return `t = ${top}; ${top} = ${s(d - a)}; ${s(d - a)} = t;`;
    case Op.LOAD_CONST:
      consts.add(a);
      return `${s(d)} = c${a}; ${inc(s(d))}`;
    case Op.LOAD_FAST:
      return `${s(d)} = ls[${a}]; if (!${s(d)}) { f.lasti = ${k}; vm.unboundLocal(f, ${a}); } ${inc(s(d))}`;
    case Op.STORE_FAST:
      low[k] = d - 1;
      return `t = ls[${a}]; ls[${a}] = ${top}; if (t) { ${dec("t", k)} }`;
    case Op.LOAD_DEREF:
      return `f.lasti = ${k}; ${s(d)} = h.getSlot(ls[${a}], ${L.CELL_REF}); if (!${s(d)}) vm.unboundDeref(f, ${a}); h.incref(${s(d)});`;
    case Op.COPY_FREE_VARS:
      return `R_.copyFreeVars(h, f, ${a});`;
    case Op.LOAD_GLOBAL:
      return `f.lasti = ${k}; ${a & 1 ? `${s(d)} = 0; ${s(d + 1)}` : s(d)} = R_.loadGlobalCached(vm, f, ${k}, ${a >> 1}, (m.length | 0) !== 0 ? m : (m = h.i32));`;
    case Op.LOAD_ATTR:
      low[k] = d - 1;
      return `f.lasti = ${k}; ${MEM} t = R_.slotLoad(vm, m, f, ${k}, ${top});
        if (t !== 0) { const o = ${top}; ${top} = t; ${dec("o", k)} }
        else { R_.loadAttrNoting(vm, f, ${k}, st, ${top}, ${a}); ${top} = st.pop(); }`;
    case Op.STORE_ATTR:
      return viaStack(2, 0, `${MEM} if (!R_.slotStore(vm, m, f, ${k}, st, ${a})) R_.storeAttr(vm, f, ${k}, st, ${a})`);
    case Op.LOAD_METHOD: {
      low[k] = d - 1;
      return `f.lasti = ${k}; { const o = ${top}; ${MEM}
        if (m[(o + ${OB_TYPE}) >>> 2] === superTypeW) { R_.superMethodPush(vm, st, o, ${str(a)}); ${s(d)} = st.pop(); ${top} = st.pop(); }
        else { t = R_.slotMethod(vm, m, f, ${k}, o); if (t === 0 && (t = R_.methodCacheHit(m, f, ${k}, o)) === 0) t = R_.loadMethodNoting(vm, f, ${k}, o, ${str(a)}, ${a});
          if (t !== 0) { ${top} = t; ${s(d)} = o; } else { ${top} = 0; R_.pushAttrRelease(vm, st, o, ${str(a)}); ${s(d)} = st.pop(); } } }`;
    }
    case Op.KW_NAMES:
      return `f.kwNames = ${a};`;
    case Op.CALL: {
      // a callable without a frame of its own here, as the loop's CALL; any other: the loop runs the CALL
      const base = d - a;
      low[k] = base - 2;
      return `if (R_.callByLoop(vm, f, ${s(base - 2)}, ${s(base - 1)})) ${leave(k, 1)}
        f.lasti = ${k}; st.push(${Array.from({ length: a + 2 }, (_, x) => s(base - 2 + x)).join(", ")}); R_.callInline(vm, f, st, ${a}, ${k}); ${s(base - 2)} = st.pop();`;
    }
    case Op.BINARY_OP: {
      low[k] = d - 2;
      const store = isAddThenStore(code.co_code, k, a);
      const a_ = s(d - 2);
      const b_ = s(d - 1);
      // as the loop: the `+=` site of a str stored to a local first, then exact ints in one core call, then
      // smallIntBinary's values, then the general operation
      const general = `{ const x = ints ? R_.smallIntBinary(m, intType, ${a_}, ${b_}, ${a}) : NaN;
          if (x === x) R_.pushIntResultRelease(h, st, x, ${a_}, ${b_}); else R_.pushBinaryRelease(vm, f, st, ${a_}, ${b_}, ${a});
          ${a_} = st.pop(); }`;
      const body = `f.lasti = ${k}; ${MEM} { const ints = m[(${a_} + ${OB_TYPE}) >>> 2] === intTypeW && m[(${b_} + ${OB_TYPE}) >>> 2] === intTypeW;
        if (ints && (t = h.intBinarySmall(${a_}, ${b_}, ${a})) !== 0) ${a_} = R_.asObj(t);
        else { ${MEM} ${general} } }`;
      if (!store) return body;
      const target = code.co_code[2 * k + 3]!;
      // a throw in the STORE_FAST's release leaves the stack below both operands
      low[k + 1] = d - 2;
      // the STORE_FAST after it, unless the site stored the str itself (its step then not run)
      return `f.lasti = ${k}; ${MEM} if (info.warmup >= 0 && !(m[(${a_} + ${OB_TYPE}) >>> 2] === intTypeW && m[(${b_} + ${OB_TYPE}) >>> 2] === intTypeW && R_.isIntAddSite(info, ${k}))) {
          st.push(${a_}, ${b_}); t = R_.binaryAddStore(vm, f, ${k}) ? 1 : 0; if (t === 0) { ${b_} = st.pop(); ${a_} = st.pop(); } } else t = 0;
        if (t === 1) vm.steps--;
        else { ${body} t = ls[${target}]; ls[${target}] = ${a_}; if (t) { ${dec("t", k + 1)} } }`;
    }
    case Op.COMPARE_OP: {
      low[k] = d - 2;
      const a_ = s(d - 2);
      const b_ = s(d - 1);
      return `f.lasti = ${k}; ${MEM} if (m[(${a_} + ${OB_TYPE}) >>> 2] === intTypeW && m[(${b_} + ${OB_TYPE}) >>> 2] === intTypeW && (t = h.intCompareSmall(${a_}, ${b_}, ${a})) !== 0) ${a_} = t;
        else { R_.pushCompareRelease(vm, st, ${a_}, ${b_}, ${a}); ${a_} = st.pop(); }`;
    }
    case Op.IS_OP: {
      low[k] = d - 1;
      const a_ = s(d - 2);
      const b_ = s(d - 1);
      return `f.lasti = ${k}; { const x = ${a_}, y = ${b_}; ${a_} = vm.bool((x === y) !== ${a === 1}); h.decref(x); h.decref(y); }`;
    }
    case Op.BINARY_SUBSCR:
      return viaStack(2, 1, `R_.binarySubscr(vm, st)`);
    case Op.STORE_SUBSCR:
      return viaStack(3, 0, `R_.storeSubscr(vm, st)`);
    case Op.LIST_APPEND:
      low[k] = d - 1;
      return `f.lasti = ${k}; h.listAppendSteal(${s(d - 1 - a)}, ${top});`;
    case Op.GET_ITER:
      return viaStack(1, 1, `R_.getIter(vm, f, st)`);
    case Op.FOR_ITER:
      return `f.lasti = ${k}; { const it = ${top}; ${MEM} const tw = m[(it + ${OB_TYPE}) >>> 2] >>> 0;
        let v = tw === rangeIterType ? R_.rangeIterNextAt(h, m, f, ${k}, it) : tw === listIterType ? R_.listIterNextIn(h, m, it) : -1;
        if (v < 0 && (tw !== dictKeyIterType || (v = R_.dictKeyIterNextIn(h, m, it)) < 0)) v = vm.iterNext(it);
        if (v) ${s(d)} = v; else { h.decref(it); ${jump(a)} } }`;
    case Op.JUMP_FORWARD:
    case Op.JUMP_BACKWARD_NO_INTERRUPT:
      return jump(a);
    case Op.JUMP_BACKWARD:
      return `if (info.warmup < 0) info.warmup++; if (ENTRIES < ${PROBE}) ITERS++; ${jump(a)}`;
    case Op.POP_JUMP_FORWARD_IF_FALSE:
    case Op.POP_JUMP_BACKWARD_IF_FALSE:
    case Op.POP_JUMP_FORWARD_IF_TRUE:
    case Op.POP_JUMP_BACKWARD_IF_TRUE: {
      low[k] = d - 1;
      const t = op === Op.POP_JUMP_FORWARD_IF_TRUE || op === Op.POP_JUMP_BACKWARD_IF_TRUE ? 1 : 0;
      const go = a <= k ? `{ if (ENTRIES < ${PROBE}) ITERS++; ${jump(a)} }` : jump(a);
      return `{ const v = ${top}; ${MEM} const iv = v === True ? 1 : v === False ? 0 : R_.intTruth(m, intType, v);
        if (iv < 0) { f.lasti = ${k}; if (R_.truthRelease(vm, v) === ${t === 1}) ${go} }
        else { ${dec("v", k)} if (iv === ${t}) ${go} } }`;
    }
    case Op.POP_JUMP_FORWARD_IF_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NONE:
    case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NOT_NONE: {
      low[k] = d - 1;
      const isNone = op === Op.POP_JUMP_FORWARD_IF_NONE || op === Op.POP_JUMP_BACKWARD_IF_NONE;
      return `f.lasti = ${k}; h.decref(${top}); if (${top} ${isNone ? "===" : "!=="} None) ${jump(a)}`;
    }
    default:
      if (LOOP.has(op)) {
        // the eval loop runs it (it counts its step itself)
        return leave(k, 1);
      }
      // as the loop's rare path: on the frame's whole stack, then on from where it left f.ip
      low[k] = 0;
      return `${spill(d)} f.lasti = ${k}; f.ip = ${k + 1}; vm.evalRare(f, ${op}, ${a}); switch (st.length) { __RELOAD__ } pc = f.ip; continue;`;
  }
}
