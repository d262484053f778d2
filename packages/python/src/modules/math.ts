/**
 * The `math` module: python3's functions over floats and ints, with its argument conversions (a float, an
 * int, or an object with `__float__` / `__index__`), its errors ("math domain error" where the result
 * would be NaN from a number, "math range error" where it would overflow) and its exact int arithmetic
 * (factorial, gcd, isqrt, comb, perm, the logarithm of an int too large for a float).
 * Exactly python3's results: everything but some transcendental functions. exp, exp2, log, log2, pow, sin,
 * cos and tan are correctly rounded (objects/libm.ts), as glibc's are but for rare inputs (about 7 in 10**4
 * for exp, 2 in 10**3 for sin); expm1, log1p, log10, the inverse trigonometric and hyperbolic ones and cbrt
 * use JavaScript's Math, whose fdlibm-derived expm1/log1p/log10 agree with glibc's (same algorithms)
 * more often than a correctly rounded result would; the others can differ from python3's C library in the
 * last digit. Not here: gamma, lgamma, erf, erfc, nextafter, ulp.
 */
import { floatVia } from "../vm/number-via.js";
import { crAcos, crAsin, crAtan, crAtan2, crCos, crExp, crExp2, crLog, crLog2, crPow, crSin, crTan } from "../objects/libm.js";
import type { Obj } from "../vm/heap-api.js";
import { Kind, type KwArgs, type NativeFn } from "../vm/types.js";
import type { VM } from "../vm/vm.js";
import { foldBinary } from "../builtins/functions.js";

const NB_MULTIPLY = 5;
const NB_TRUE_DIVIDE = 11;
const SSIZE_MAX = (1n << 63n) - 1n;
/** A float's sign bit, NaN's included (copysign). */
const SIGN = new Float64Array(1);
const SIGN_BYTES = new Uint8Array(SIGN.buffer);

/** PyFloat_AsDouble: a float, an int, or an object whose type has `__float__` (or `__index__`). */
function real(vm: VM, o: Obj): number {
  const ti = vm.typeInfo(o);
  const k = ti.kind;
  // any float, a subclass's own __float__ unread (PyFloat_AsDouble)
  if (k === Kind.FLOAT) return vm.h.readFloat(o);
  if (ti.heap) {
    if (vm.lookupType(ti, "__float__")) return floatVia(vm, o, ti);
    if (vm.lookupType(ti, "__index__")) return vm.toFloat(o, true);
  }
  return vm.toFloat(o);
}

const isIntObj = (vm: VM, o: Obj) => {
  const k = vm.kindOf(o);
  return k === Kind.INT || k === Kind.BOOL;
};

function one(vm: VM, name: string, args: Obj[]): Obj {
  if (args.length !== 1) vm.typeError(`math.${name}() takes exactly one argument (${args.length} given)`);
  return args[0];
}

function two(vm: VM, name: string, args: Obj[]): [Obj, Obj] {
  if (args.length !== 2) vm.typeError(`${name} expected 2 arguments, got ${args.length}`);
  return [args[0], args[1]];
}

function noKw(vm: VM, name: string, kw: KwArgs | null): void {
  if (kw && kw.names.length) vm.typeError(`math.${name}() takes no keyword arguments`);
}

/** A libm result as python3 checks it: NaN from a number is a domain error, an infinity from a finite
 *  number a range error (or a domain error where the function cannot overflow). */
function checked(vm: VM, x: number, r: number, canOverflow: boolean): number {
  if (Number.isNaN(r) && !Number.isNaN(x)) vm.raise("ValueError", "math domain error");
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) vm.raise(canOverflow ? "OverflowError" : "ValueError", canOverflow ? "math range error" : "math domain error");
  return r;
}

/** Bit length of a positive bigint. */
function bitLength(v: bigint): number {
  return v.toString(2).length;
}

/** A positive int too large for a float as m * 2**e, m in [0.5, 1), rounded to nearest-even. */
function frexpInt(v: bigint): [number, number] {
  const n = bitLength(v);
  const shift = n - 55;
  let top = v >> BigInt(shift);
  if ((v & ((1n << BigInt(shift)) - 1n)) !== 0n) top |= 1n; // sticky bit: rounding below the 53 kept bits
  let m = Number(top) / 2 ** 55;
  let e = n;
  if (m === 1) {
    m = 0.5;
    e++;
  }
  return [m, e];
}

/** math.log / log2 / log10 of one argument: an int of any size by its own exponent. */
function logOf(vm: VM, o: Obj, f: (x: number) => number): number {
  if (isIntObj(vm, o)) {
    const v = vm.h.readInt(o);
    if (v <= 0n) vm.raise("ValueError", "math domain error");
    const x = Number(v);
    if (Number.isFinite(x)) return f(x);
    const [m, e] = frexpInt(v);
    return f(m) + f(2) * e;
  }
  const x = real(vm, o);
  let r: number;
  if (Number.isFinite(x)) r = x > 0 ? f(x) : x === 0 ? -Infinity : NaN;
  else r = Number.isNaN(x) || x > 0 ? x : NaN;
  return checked(vm, x, r, false);
}

/** An int from a float for floor/ceil: python3's errors for NaN and the infinities. */
function toInt(vm: VM, x: number): Obj {
  if (Number.isNaN(x)) vm.raise("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(x)) vm.raise("OverflowError", "cannot convert float infinity to integer");
  return vm.newInt(BigInt(x));
}

/** floor / ceil / trunc: the type's own method where it has one (an int is its own floor), else the float's. */
function rounding(vm: VM, name: string, dunder: string, f: (x: number) => number): NativeFn {
  return (args, kw) => {
    noKw(vm, name, kw);
    const o = one(vm, name, args);
    const ti = vm.typeInfo(o);
    if (ti.kind === Kind.FLOAT && !ti.heap) return toInt(vm, f(vm.h.readFloat(o)));
    if (!ti.heap && (ti.kind === Kind.INT || ti.kind === Kind.BOOL)) return ti.kind === Kind.INT ? vm.newRef(o) : vm.newInt(vm.h.readInt(o));
    if (vm.lookupType(ti, dunder)) return vm.callSpecial(o, dunder, []);
    if (name === "trunc") vm.typeError(`type ${ti.name} doesn't define __trunc__ method`);
    return toInt(vm, f(real(vm, o)));
  };
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

const gcd2 = (a: bigint, b: bigint) => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

/** n * (n-1) * ... * (n-k+1), by halves so that the products stay balanced. */
function fallingProduct(n: bigint, k: bigint): bigint {
  if (k <= 0n) return 1n;
  if (k <= 16n) {
    let r = 1n;
    for (let i = 0n; i < k; i++) r *= n - i;
    return r;
  }
  const h = k >> 1n;
  return fallingProduct(n, h) * fallingProduct(n - h, k - h);
}

/** The exactly rounded sum of floats: partial sums kept without rounding error (each non-zero), added from
 *  the largest down once the items are in, with half-even rounding carried across partials. */
function fsum(vm: VM, xs: number[]): number {
  const p: number[] = [];
  let special = 0;
  let infSum = 0;
  for (const item of xs) {
    let x = item;
    let i = 0;
    for (let y of p) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    if (x === 0) continue;
    if (Number.isFinite(x)) p.push(x);
    else {
      // an infinity or a NaN among the items (their sum is the result), or a finite sum that overflowed
      if (Number.isFinite(item)) vm.raise("OverflowError", "intermediate overflow in fsum");
      if (!Number.isNaN(item)) infSum += item;
      special += item;
      p.length = 0;
    }
  }
  if (special !== 0) {
    if (Number.isNaN(infSum)) vm.raise("ValueError", "-inf + inf in fsum");
    return special;
  }
  let n = p.length;
  if (n === 0) return 0;
  let hi = p[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = p[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/** a = hi + lo exactly, hi of 26 significant bits (Veltkamp's split). */
function split(a: number): [number, number] {
  const t = a * 134217729; // 2 ** 27 + 1
  const hi = t - (t - a);
  return [hi, a - hi];
}

/** x * y exactly as hi + lo (Dekker's product). */
function dlMul(x: number, y: number): [number, number] {
  const [xh, xl] = split(x);
  const [yh, yl] = split(y);
  const p = xh * yh;
  const q = xh * yl + xl * yh;
  const z = p + q;
  return [z, p - z + q + xl * yl];
}

/** The Euclidean norm of non-negative values whose largest is `max`, as python3 computes it: scaled by a
 *  power of two, the squares summed with their rounding errors kept apart, one correction step after the
 *  square root. */
function norm(xs: number[], max: number, nan: boolean): number {
  if (max === Infinity) return max;
  if (nan) return NaN;
  if (max === 0 || xs.length <= 1) return max;
  // max = m * 2 ** e with m in [0.5, 1)
  let e = Math.floor(Math.log2(max)) + 1;
  if (2 ** (e - 1) > max) e--;
  else if (2 ** e <= max) e++;
  if (e < -1023) {
    const MIN = 2.2250738585072014e-308;
    return MIN * norm(xs.map((x) => x / MIN), max / MIN, nan);
  }
  const scale = 2 ** -e;
  let csum = 1;
  let frac1 = 0;
  let frac2 = 0;
  const add = ([hi, lo]: [number, number]) => {
    const s = csum + hi;
    frac2 += csum - s + hi;
    csum = s;
    frac1 += lo;
  };
  for (const x of xs) add(dlMul(x * scale, x * scale));
  let h = Math.sqrt(csum - 1 + (frac1 + frac2));
  add(dlMul(-h, h));
  h += (csum - 1 + (frac1 + frac2)) / (2 * h);
  return h / scale;
}

function normOf(vm: VM, values: number[]): number {
  let max = 0;
  let nan = false;
  const xs = values.map((v) => {
    const a = Math.abs(v);
    if (Number.isNaN(a)) nan = true;
    else if (a > max) max = a;
    return a;
  });
  return norm(xs, max, nan);
}

/** The module's functions and constants. */
export function mathModule(vm: VM): { fns: Record<string, NativeFn>; values: Record<string, Obj> } {
  const h = vm.h;
  const F = (x: number) => h.newFloat(x);
  /** A 2-tuple of two new references (taken). */
  const pair = (a: Obj, b: Obj) => {
    const t = h.newTuple([a, b]);
    vm.decref(a);
    vm.decref(b);
    return t;
  };
  const f1 = (name: string, f: (x: number) => number, canOverflow = false): [string, NativeFn] => [
    name,
    (args, kw) => {
      noKw(vm, name, kw);
      const x = real(vm, one(vm, name, args));
      return F(checked(vm, x, f(x), canOverflow));
    },
  ];
  const intArgs = (name: string, args: Obj[], kw: KwArgs | null) => {
    noKw(vm, name, kw);
    return args.map((a) => vm.index(a));
  };
  const fns: Record<string, NativeFn> = Object.fromEntries([
    f1("sqrt", Math.sqrt),
    f1("cbrt", Math.cbrt),
    f1("exp", crExp, true),
    f1("exp2", crExp2, true),
    f1("expm1", Math.expm1, true),
    f1("log1p", Math.log1p),
    f1("sin", crSin),
    f1("cos", crCos),
    f1("tan", crTan),
    f1("asin", crAsin),
    f1("acos", crAcos),
    f1("atan", crAtan),
    f1("sinh", Math.sinh, true),
    f1("cosh", Math.cosh, true),
    f1("tanh", Math.tanh),
    f1("asinh", Math.asinh),
    f1("acosh", Math.acosh),
    f1("atanh", Math.atanh),
    f1("fabs", Math.abs),
  ]);
  // plain products: an infinity from a finite angle is no error
  fns.degrees = (args, kw) => (noKw(vm, "degrees", kw), F(real(vm, one(vm, "degrees", args)) * (180 / Math.PI)));
  fns.radians = (args, kw) => (noKw(vm, "radians", kw), F(real(vm, one(vm, "radians", args)) * (Math.PI / 180)));
  Object.assign(fns, {
    floor: rounding(vm, "floor", "__floor__", Math.floor),
    ceil: rounding(vm, "ceil", "__ceil__", Math.ceil),
    trunc: rounding(vm, "trunc", "__trunc__", Math.trunc),
    isfinite: (args, kw) => (noKw(vm, "isfinite", kw), vm.bool(Number.isFinite(real(vm, one(vm, "isfinite", args))))),
    isinf: (args, kw) => {
      noKw(vm, "isinf", kw);
      const x = real(vm, one(vm, "isinf", args));
      return vm.bool(x === Infinity || x === -Infinity);
    },
    isnan: (args, kw) => (noKw(vm, "isnan", kw), vm.bool(Number.isNaN(real(vm, one(vm, "isnan", args))))),
    log: (args, kw) => {
      noKw(vm, "log", kw);
      if (args.length < 1 || args.length > 2) vm.typeError("math.log requires 1 to 2 arguments");
      const num = logOf(vm, args[0], crLog);
      if (args.length === 1) return F(num);
      const den = logOf(vm, args[1], crLog);
      const a = F(num);
      const b = F(den);
      try {
        return vm.binaryOp(a, b, NB_TRUE_DIVIDE);
      } finally {
        vm.decref(a);
        vm.decref(b);
      }
    },
    log2: (args, kw) => (noKw(vm, "log2", kw), F(logOf(vm, one(vm, "log2", args), crLog2))),
    log10: (args, kw) => (noKw(vm, "log10", kw), F(logOf(vm, one(vm, "log10", args), Math.log10))),
    pow: (args, kw) => {
      noKw(vm, "pow", kw);
      const [a, b] = two(vm, "pow", args);
      const x = real(vm, a);
      const y = real(vm, b);
      if (x === 1 || y === 0) return F(1); // 1 ** nan and nan ** 0 are 1
      if (Number.isNaN(x) || Number.isNaN(y)) return F(NaN);
      if (Number.isFinite(x) && Number.isFinite(y)) {
        if (x === 0 && y < 0) vm.raise("ValueError", "math domain error");
        if (x < 0 && !Number.isInteger(y)) vm.raise("ValueError", "math domain error");
        const r = crPow(x, y);
        if (!Number.isFinite(r)) vm.raise("OverflowError", "math range error");
        return F(r);
      }
      // an infinity: x ** y of C99's Annex F (-1 ** ±inf is 1, handled above with x === 1's mirror)
      if (x === -1 && !Number.isFinite(y)) return F(1);
      return F(x ** y);
    },
    atan2: (args, kw) => {
      noKw(vm, "atan2", kw);
      const [a, b] = two(vm, "atan2", args);
      return F(crAtan2(real(vm, a), real(vm, b)));
    },
    copysign: (args, kw) => {
      noKw(vm, "copysign", kw);
      const [a, b] = two(vm, "copysign", args);
      const x = Math.abs(real(vm, a));
      SIGN[0] = real(vm, b);
      return F(SIGN_BYTES[7] & 0x80 ? -x : x);
    },
    fmod: (args, kw) => {
      noKw(vm, "fmod", kw);
      const [a, b] = two(vm, "fmod", args);
      const x = real(vm, a);
      const y = real(vm, b);
      if (!Number.isFinite(y) && Number.isFinite(x)) return F(Number.isNaN(y) ? y : x);
      const r = x % y;
      return F(checked(vm, Number.isNaN(y) ? y : x, r, false));
    },
    modf: (args, kw) => {
      noKw(vm, "modf", kw);
      const x = real(vm, one(vm, "modf", args));
      const i = Number.isFinite(x) ? Math.trunc(x) : x;
      const fr = Number.isFinite(x) ? x - i : Number.isNaN(x) ? x : Object.is(Math.sign(x), -1) ? -0 : 0;
      return pair(F(fr === 0 && (x < 0 || Object.is(x, -0)) ? -0 : fr), F(Object.is(i, 0) && x < 0 ? -0 : i));
    },
    frexp: (args, kw) => {
      noKw(vm, "frexp", kw);
      const x = real(vm, one(vm, "frexp", args));
      let m = x;
      let e = 0;
      if (x !== 0 && Number.isFinite(x)) {
        e = Math.floor(Math.log2(Math.abs(x))) + 1;
        m = x * 2 ** -e;
        // log2 is not exact near powers of two, and 2 ** -e underflows for subnormals
        if (!Number.isFinite(m) || Math.abs(m) >= 1 || Math.abs(m) < 0.5) {
          [m, e] = [x, 0];
          while (Math.abs(m) >= 1) [m, e] = [m / 2, e + 1];
          while (Math.abs(m) < 0.5) [m, e] = [m * 2, e - 1];
        }
      }
      return pair(F(m), vm.newInt(BigInt(e)));
    },
    ldexp: (args, kw) => {
      noKw(vm, "ldexp", kw);
      const [a, b] = two(vm, "ldexp", args);
      const x = real(vm, a);
      if (!isIntObj(vm, b)) vm.typeError("Expected an int as second argument to ldexp.");
      const e = vm.h.readInt(b);
      if (x === 0 || !Number.isFinite(x)) return F(x);
      if (e > 2100n) vm.raise("OverflowError", "math range error");
      if (e < -2200n) return F(x < 0 ? -0 : 0);
      // in steps, so that no intermediate power of two over- or underflows before the product does
      let r = x;
      let k = Number(e);
      while (k > 1000) [r, k] = [r * 2 ** 1000, k - 1000];
      while (k < -1000) [r, k] = [r * 2 ** -1000, k + 1000];
      r *= 2 ** k;
      if (!Number.isFinite(r)) vm.raise("OverflowError", "math range error");
      return F(r);
    },
    hypot: (args, kw) => {
      noKw(vm, "hypot", kw);
      return F(normOf(vm, args.map((a) => real(vm, a))));
    },
    dist: (args, kw) => {
      noKw(vm, "dist", kw);
      const [p, q] = two(vm, "dist", args);
      const seq = (o: Obj) => {
        const k = vm.kindOf(o);
        if (k !== Kind.TUPLE && k !== Kind.LIST) {
          const t = vm.callSpecial(vm.T.tuple, "__call__", [o]);
          try {
            return vm.tupleItems(t).map((x) => real(vm, x));
          } finally {
            vm.decref(t);
          }
        }
        return (k === Kind.TUPLE ? vm.tupleItems(o) : vm.listItems(o)).map((x) => real(vm, x));
      };
      const a = seq(p);
      const b = seq(q);
      if (a.length !== b.length) vm.raise("ValueError", "both points must have the same number of dimensions");
      return F(normOf(vm, a.map((x, i) => x - b[i])));
    },
    isclose: (args, kw) => {
      if (args.length > 2) vm.typeError(`isclose() takes exactly 2 positional arguments (${args.length} given)`);
      let rel = 1e-9;
      let abs = 0;
      const got = [...args];
      if (kw) {
        kw.names.forEach((n, i) => {
          const v = kw.values[i];
          if (n === "a" || n === "b") {
            const at = n === "a" ? 0 : 1;
            if (got[at] !== undefined) vm.typeError(`argument for isclose() given by name ('${n}') and position (${at + 1})`);
            got[at] = v;
          } else if (n === "rel_tol") rel = real(vm, v);
          else if (n === "abs_tol") abs = real(vm, v);
          else vm.typeError(`isclose() got an unexpected keyword argument '${n}'`);
        });
      }
      if (got[0] === undefined) vm.typeError("isclose() missing required argument 'a' (pos 1)");
      if (got[1] === undefined) vm.typeError("isclose() missing required argument 'b' (pos 2)");
      const a = real(vm, got[0]);
      const b = real(vm, got[1]);
      if (rel < 0 || abs < 0) vm.raise("ValueError", "tolerances must be non-negative");
      if (a === b) return vm.bool(true);
      if (!Number.isFinite(a) || !Number.isFinite(b)) return vm.bool(false);
      const d = Math.abs(b - a);
      return vm.bool(d <= Math.abs(rel * b) || d <= Math.abs(rel * a) || d <= abs);
    },
    fsum: (args, kw) => {
      noKw(vm, "fsum", kw);
      const xs: number[] = [];
      vm.iterate(one(vm, "fsum", args), (x) => void xs.push(real(vm, x)));
      return F(fsum(vm, xs));
    },
    prod: (args, kw) => {
      if (args.length !== 1) vm.typeError(`prod() takes exactly 1 positional argument (${args.length} given)`);
      let start = 0;
      kw?.names.forEach((n, i) => {
        if (n !== "start") vm.typeError(`prod() got an unexpected keyword argument '${n}'`);
        start = kw.values[i];
      });
      return foldBinary(vm, start ? vm.newRef(start) : vm.newInt(1n), args[0], NB_MULTIPLY);
    },
    factorial: (args, kw) => {
      noKw(vm, "factorial", kw);
      const n = vm.index(one(vm, "factorial", args));
      if (n > SSIZE_MAX) vm.raise("OverflowError", `factorial() argument should not exceed ${SSIZE_MAX}`);
      if (n < 0n) vm.raise("ValueError", "factorial() not defined for negative values");
      return vm.newInt(fallingProduct(n, n));
    },
    gcd: (args, kw) => vm.newInt(intArgs("gcd", args, kw).reduce(gcd2, 0n)),
    lcm: (args, kw) =>
      vm.newInt(
        intArgs("lcm", args, kw).reduce((a, b) => {
          if (a === 0n || b === 0n) return 0n;
          const r = (a / gcd2(a, b)) * b;
          return r < 0n ? -r : r;
        }, 1n),
      ),
    isqrt: (args, kw) => {
      noKw(vm, "isqrt", kw);
      const n = vm.index(one(vm, "isqrt", args));
      if (n < 0n) vm.raise("ValueError", "isqrt() argument must be nonnegative");
      return vm.newInt(isqrt(n));
    },
    comb: (args, kw) => {
      noKw(vm, "comb", kw);
      const [a, b] = two(vm, "comb", args);
      const n = vm.index(a);
      let k = vm.index(b);
      if (n < 0n) vm.raise("ValueError", "n must be a non-negative integer");
      if (k < 0n) vm.raise("ValueError", "k must be a non-negative integer");
      if (k > n) return vm.newInt(0n);
      if (n - k < k) k = n - k;
      return vm.newInt(fallingProduct(n, k) / fallingProduct(k, k));
    },
    perm: (args, kw) => {
      noKw(vm, "perm", kw);
      if (args.length < 1 || args.length > 2) vm.typeError(`perm expected ${args.length ? "at most 2 arguments" : "at least 1 argument"}, got ${args.length}`);
      const n = vm.index(args[0]);
      if (args.length === 1 || args[1] === vm.None) {
        if (n < 0n) vm.raise("ValueError", "factorial() not defined for negative values");
        return vm.newInt(fallingProduct(n, n));
      }
      const k = vm.index(args[1]);
      if (n < 0n) vm.raise("ValueError", "n must be a non-negative integer");
      if (k < 0n) vm.raise("ValueError", "k must be a non-negative integer");
      return vm.newInt(k > n ? 0n : fallingProduct(n, k));
    },
  } satisfies Record<string, NativeFn>);
  const values: Record<string, Obj> = {
    pi: F(Math.PI),
    e: F(Math.E),
    tau: F(2 * Math.PI),
    inf: F(Infinity),
    nan: F(NaN),
  };
  return { fns, values };
}
