/**
 * Builtins a typical program never calls, behind one entry (`rareBuiltin(vm, what, args, kw)`), and the
 * digits of non-ASCII numerals (`wideDigits`); the page keeps this file in its on-demand chunk
 * (apps/web/bundler/lazy.ts):
 * 0. complex(a, b) (also by name: real, imag) and complex(str) (the type's constructor, around which functions.ts keeps `sub`).
 * 1. open(): there are no files to read, and none can be written: python3's OSError for each mode.
 * 2. pow(base, exp, mod) with a mod that is not None: modular exponentiation and inverse.
 * 3. round(x[, ndigits]).
 * 4. OSError(errno, strerror, …): the subclass its errno names (FileNotFoundError for 2), or 0.
 * 5, 6. UnicodeEncodeError (5) / UnicodeDecodeError (6)(encoding, object, start, end, reason): CPython's
 *    argument checks; with `e` (the new exception) also its fields.
 */
import type { Obj } from "../vm/heap-api.js";
import * as L from "../vm/layouts.js";
import { Kind, type KwArgs } from "../vm/types.js";
import { PyRaise, type VM } from "../vm/vm.js";
import { parseFloatLiteral } from "../objects/numbers.js";
import { roundFloat } from "../objects/float-exact.js";
import { complexVia } from "../vm/number-via.js";
import { setWord, UNIERR_END, UNIERR_START } from "../vm/natives.js";
import { bufferOf } from "./bytes.js";
import { asciiDigits, kwarg } from "./functions.js";

export function rareBuiltin(vm: VM, what: number, args: Obj[], kw: KwArgs | null = null, e: Obj = 0): Obj {
  const h = vm.h;
  switch (what) {
    case 0: {
      const [a, b] = kw ? [args[0] ?? kwarg(kw, "real"), args[1] ?? kwarg(kw, "imag")] : args;
      if (a && vm.kindOf(a) === Kind.STR) {
        if (b) vm.typeError("complex() can't take second arg if first is a string");
        const [re, im] = parseComplex(vm, asciiDigits(vm.str(a)));
        return vm.newComplex(re, im);
      }
      if (b && vm.kindOf(b) === Kind.STR) vm.typeError("complex() second arg can't be a string");
      const part = (o: Obj | undefined, which: string): [number, number] => {
        if (!o) return [0, 0];
        const k = vm.kindOf(o);
        if (k === Kind.COMPLEX) return [h.getF64(o, 16), h.getF64(o, 24)];
        if (k !== Kind.INT && k !== Kind.BOOL && k !== Kind.FLOAT && !(vm.typeInfo(o).heap && (vm.lookupType(vm.typeInfo(o), "__float__") || vm.lookupType(vm.typeInfo(o), "__index__")))) {
          vm.typeError(`complex() ${which} argument must be a string or a number, not '${vm.typeName(o)}'`);
        }
        return [vm.toFloat(o), 0];
      };
      // a class's __complex__ comes first
      const [ar, ai] = a && vm.typeInfo(a).heap && vm.lookupType(vm.typeInfo(a), "__complex__") ? complexVia(vm, a) : part(a, "first");
      const [br, bi] = part(b, "second");
      return vm.newComplex(ar - bi, ai + br);
    }
    case 1: {
      const file = args[0] ?? kwarg(kw, "file");
      if (!file) vm.typeError("open() missing required argument 'file' (pos 1)");
      const modeObj = args[1] ?? kwarg(kw, "mode");
      if (modeObj && vm.kindOf(modeObj) !== Kind.STR) vm.typeError(`open() argument 'mode' must be str, not ${vm.typeName(modeObj)}`);
      const mode = modeObj ? vm.str(modeObj) : "r";
      checkOpenMode(vm, mode);
      const fk = vm.kindOf(file);
      if (fk === Kind.INT || fk === Kind.BOOL) vm.raise("OSError", "[Errno 9] Bad file descriptor");
      if (fk !== Kind.STR && fk !== Kind.BYTES) vm.typeError(`expected str, bytes or os.PathLike object, not ${vm.typeName(file)}`);
      const err = /[wax]/.test(mode) ? ([30, "Read-only file system"] as const) : ([2, "No such file or directory"] as const);
      const errno = vm.newInt(BigInt(err[0]));
      const msg = h.newStr(err[1]);
      try {
        throw new PyRaise(vm.callType(vm.T.OSError, [errno, msg, file], null));
      } finally {
        vm.decref(errno);
        vm.decref(msg);
      }
    }
    case 2: {
      const [base, exp, mod] = args as [Obj, Obj, Obj];
      const isI = (o: Obj) => vm.kindOf(o) === Kind.INT || vm.kindOf(o) === Kind.BOOL;
      if (!isI(base) || !isI(exp) || !isI(mod)) {
        const nums = [base, exp, mod].every((o) => isI(o) || vm.kindOf(o) === Kind.FLOAT || vm.kindOf(o) === Kind.COMPLEX);
        // the first operand not an int picks the pow that answers: complex's, or float's (the TypeError)
        if (nums && vm.kindOf([base, exp, mod].find((o) => !isI(o))!) === Kind.COMPLEX) vm.raise("ValueError", "complex modulo");
        if (nums) vm.typeError("pow() 3rd argument not allowed unless all arguments are integers");
        vm.typeError(`unsupported operand type(s) for ** or pow(): '${vm.typeName(base)}', '${vm.typeName(exp)}', '${vm.typeName(mod)}'`);
      }
      let b0 = vm.index(base);
      let n = vm.index(exp);
      const m = vm.index(mod);
      if (m === 0n) vm.raise("ValueError", "pow() 3rd argument cannot be 0");
      const am = m < 0n ? -m : m;
      let r = 1n % am;
      b0 = ((b0 % am) + am) % am;
      if (n < 0n) {
        // modular inverse by the extended Euclidean algorithm
        let [r0, r1, s0, s1] = [b0, am, 1n, 0n];
        while (r1 !== 0n) {
          const q = r0 / r1;
          [r0, r1] = [r1, r0 - q * r1];
          [s0, s1] = [s1, s0 - q * s1];
        }
        if (r0 !== 1n) vm.raise("ValueError", "base is not invertible for the given modulus");
        b0 = ((s0 % am) + am) % am;
        n = -n;
      }
      while (n > 0n) {
        if (n & 1n) r = (r * b0) % am;
        b0 = (b0 * b0) % am;
        n >>= 1n;
      }
      if (m < 0n && r > 0n) r += m;
      return vm.newInt(r);
    }
    case 3: {
      const x = (args[0] ?? kwarg(kw, "number"))!;
      const nd = args[1] ?? kwarg(kw, "ndigits");
      const ti = vm.typeInfo(x);
      // a class's own __round__ (int's and float's are the native rounding below)
      const own = ti.heap ? vm.lookupType(ti, "__round__") : null;
      if (own && own.obj) return vm.callSpecial(x, "__round__", nd ? [nd] : []);
      if (ti.kind === Kind.FLOAT) {
        const v = h.readFloat(x);
        if (!nd || nd === vm.None) {
          if (!Number.isFinite(v)) vm.raise(Number.isNaN(v) ? "ValueError" : "OverflowError", Number.isNaN(v) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
          let r = Math.round(v);
          if (Math.abs(v - Math.trunc(v)) === 0.5) r = 2 * Math.round(v / 2);
          return vm.newInt(BigInt(r));
        }
        return h.newFloat(roundFloat(v, Number(vm.index(nd))));
      }
      if (ti.kind === Kind.INT || ti.kind === Kind.BOOL) {
        if (!nd || nd === vm.None) return vm.newInt(h.readInt(x));
        const n = vm.index(nd);
        if (n >= 0n) return vm.newInt(h.readInt(x));
        const p = 10n ** -n;
        const v = h.readInt(x);
        let q = v / p;
        let r = v % p;
        if (r < 0n) {
          r += p;
          q -= 1n;
        }
        if (2n * r > p || (2n * r === p && q % 2n !== 0n)) q += 1n;
        return vm.newInt(q * p);
      }
      vm.typeError(`type ${ti.name} doesn't define __round__ method`);
    }
    case 4: {
      const sub = OS_ERRNO_CLASSES.get(Number(h.readInt(args[0]!)));
      return sub ? vm.T[sub]! : 0;
    }
    default: {
      checkUnicodeErrorArgs(vm, what === 6, args);
      if (e) {
        // encoding, object (a bytearray becomes bytes), start, end, reason
        const obj = vm.kindOf(args[1]!) === Kind.BYTEARRAY ? h.newBytes(bufferOf(vm, args[1]!)!) : vm.newRef(args[1]!);
        h.setSlot(e, L.EXC_EXTRA, args[0]!);
        h.setSlotSteal(e, L.EXC_EXTRA + 8, obj);
        setWord(vm, e, UNIERR_START, args[2]!);
        setWord(vm, e, UNIERR_END, args[3]!);
        h.setSlot(e, L.EXC_EXTRA + 32, args[4]!);
      }
      return 0;
    }
  }
}

/** io.open's checks of a mode string, with its messages. */
function checkOpenMode(vm: VM, mode: string): void {
  const seen = new Set<string>();
  for (const c of mode) {
    if (!"axrwb+t".includes(c) || seen.has(c)) vm.raise("ValueError", `invalid mode: '${mode}'`);
    seen.add(c);
  }
  const kinds = ["x", "r", "w", "a"].filter((c) => seen.has(c)).length;
  if (seen.has("t") && seen.has("b")) vm.raise("ValueError", "can't have text and binary mode at once");
  if (kinds > 1) vm.raise("ValueError", "must have exactly one of create/read/write/append mode");
  if (kinds === 0) vm.raise("ValueError", "Must have exactly one of create/read/write/append mode and at most one plus");
}

/** UnicodeEncodeError / UnicodeDecodeError(encoding, object, start, end, reason): CPython's argument checks. */
function checkUnicodeErrorArgs(vm: VM, decode: boolean, args: Obj[]): void {
  if (args.length !== 5) vm.typeError(`function takes exactly 5 arguments (${args.length} given)`);
  const mustBeStr = (i: number) => {
    if (vm.kindOf(args[i]!) !== Kind.STR) vm.typeError(`argument ${i + 1} must be str, not ${vm.typeName(args[i]!)}`);
  };
  mustBeStr(0);
  if (!decode) mustBeStr(1);
  else if (vm.kindOf(args[1]!) !== Kind.BYTES && vm.kindOf(args[1]!) !== Kind.BYTEARRAY) vm.typeError(`a bytes-like object is required, not '${vm.typeName(args[1]!)}'`);
  vm.index(args[2]!);
  vm.index(args[3]!);
  mustBeStr(4);
}

/** The OSError subclass each errno (Linux numbering) selects, among the classes defined here. */
const OS_ERRNO_CLASSES: ReadonlyMap<number, string> = new Map([
  [32, "BrokenPipeError"], [108, "BrokenPipeError"], [103, "ConnectionAbortedError"], [111, "ConnectionRefusedError"],
  [104, "ConnectionResetError"], [17, "FileExistsError"], [2, "FileNotFoundError"], [13, "PermissionError"],
  [1, "PermissionError"], [110, "TimeoutError"], [11, "BlockingIOError"], [114, "BlockingIOError"],
  [115, "BlockingIOError"], [10, "ChildProcessError"], [4, "InterruptedError"], [21, "IsADirectoryError"],
  [20, "NotADirectoryError"], [3, "ProcessLookupError"],
]);

/** complex(str): "a", "bj", "a+bj" (j or J, the imaginary digits optional), optionally in parentheses. */
function parseComplex(vm: VM, text: string): [number, number] {
  let s = text.trim();
  if (s.startsWith("(") && s.endsWith(")")) s = s.slice(1, -1).trim();
  const num = "(?:(?:\\d[\\d_]*)?\\.?\\d[\\d_]*(?:[eE][+-]?\\d+)?|\\d[\\d_]*\\.|inf(?:inity)?|nan)";
  const m = new RegExp(`^([+-]?${num})?(?:([+-]?)(${num})?([jJ]))?$`, "i").exec(s);
  const bad = () => vm.raise("ValueError", "complex() arg is a malformed string");
  if (!s || !m || (!m[1] && !m[4])) bad();
  const val = (t: string) => {
    const v = parseFloatLiteral(t);
    if (v === null) bad();
    return v as number;
  };
  if (!m![4]) return [val(m![1]!), 0];
  if (m![1] && !m![2] && m![3]) bad();
  const imag = m![3] ? val(m![3]) : 1;
  if (!m![1]) return [0, m![2] === "-" ? -imag : imag];
  // "1j" alone: the leading number is the imaginary part
  if (!m![2] && !m![3]) return [0, val(m![1])];
  return [val(m![1]), m![2] === "-" ? -imag : imag];
}

// the code points of the Unicode decimal digits zero outside ASCII: each begins a run of ten (0..9)
const DIGIT_ZEROS = [0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0];

/** asciiDigits (functions.ts) of a text with a character past ASCII. */
export function wideDigits(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out += ch;
      continue;
    }
    if (/\s/u.test(ch)) {
      out += " ";
      continue;
    }
    let lo = 0;
    let hi = DIGIT_ZEROS.length - 1;
    let z = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (DIGIT_ZEROS[mid]! <= cp) {
        z = DIGIT_ZEROS[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    out += z >= 0 && cp - z < 10 ? String(cp - z) : ch;
  }
  return out;
}
