/**
 * Parsing numbers from text as `int(s, base)` and `float(s)` do (underscores, prefixes, whitespace,
 * "inf"/"nan"), with CPython's error messages.
 */
import { crPow } from "./libm.js";
import { PyErr } from "./errors.js";
import { strRepr } from "./str-repr.js";

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * python3's ValueError for an int of more decimal digits than `m`, the limit of sys.set_int_max_str_digits
 * (VM.intMaxDigits; 0: none); `has`: the count, for int().
 */
export function overIntLimit(digits: number, m: number, has?: boolean): PyErr | null {
  return m && digits > m ? new PyErr("ValueError", `Exceeds the limit (${m} digits) for integer string conversion${has ? ": value has " + digits + " digits" : ""}; use sys.set_int_max_str_digits() to increase the limit`) : null;
}

/** `int(s, base)`; raises ValueError("invalid literal for int() with base N: 's'"). */
export function parseIntLiteral(text: string, base: number, max = 4300): bigint {
  if (base !== 0 && (base < 2 || base > 36)) throw new PyErr("ValueError", "int() base must be >= 2 and <= 36, or 0");
  // the text's repr is cut at 200 characters (CPython's %.200R)
  const bad = () => new PyErr("ValueError", `invalid literal for int() with base ${base}: ${Array.from(strRepr(text)).slice(0, 200).join("")}`);
  let s = text.trim().toLowerCase();
  let neg = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  let b = base;
  const pre = s.slice(0, 2);
  if ((b === 0 || b === 16) && pre === "0x") {
    b = 16;
    s = s.slice(2);
  } else if ((b === 0 || b === 8) && pre === "0o") {
    b = 8;
    s = s.slice(2);
  } else if ((b === 0 || b === 2) && pre === "0b") {
    b = 2;
    s = s.slice(2);
  } else if (b === 0) {
    b = 10;
    if (/^0+[1-9]/.test(s.replace(/_/g, ""))) throw bad();
  }
  // one underscore may follow a base prefix (0x_1f), never start the digits
  if (s.startsWith("_")) {
    if (pre !== "0x" && pre !== "0o" && pre !== "0b") throw bad();
    s = s.slice(1);
  }
  if (!s || s.endsWith("_") || s.includes("__")) throw bad();
  s = s.replace(/_/g, "");
  if (!s) throw bad();
  let v = 0n;
  const bb = BigInt(b);
  for (const ch of s) {
    const d = DIGITS.indexOf(ch);
    if (d < 0 || d >= b) throw bad();
    v = v * bb + BigInt(d);
  }
  const over = b & (b - 1) ? overIntLimit(s.length, max, true) : null;
  if (over) throw over;
  return neg ? -v : v;
}

/** `float(s)`; null when the text is not a float literal. */
export function parseFloatLiteral(text: string): number | null {
  let s = text.trim().toLowerCase();
  if (!s) return null;
  let sign = 1;
  if (s[0] === "+" || s[0] === "-") {
    if (s[0] === "-") sign = -1;
    s = s.slice(1);
  }
  if (s === "inf" || s === "infinity") return sign * Infinity;
  if (s === "nan") return NaN;
  if (/__|^_|_$|_\.|\._|_e|e_/.test(s)) return null;
  s = s.replace(/_/g, "");
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return null;
  return sign * Number(s);
}

const TWO53 = 1n << 53n;

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** m · 2^e for an integer m below 2^53 and any e, without overflowing or underflowing on the way. */
function scaleByPowerOfTwo(m: number, e: number): number {
  let r = m;
  while (e > 1000) {
    r *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    r *= 2 ** -1000;
    e += 1000;
  }
  return r * 2 ** e;
}

/**
 * int / int as long_true_divide: operands that are exact doubles (below 2^53) divide as doubles; any
 * other quotient is the exact one rounded once to the nearest double (ties to even, subnormals too).
 * null when the result is too large for a float (the caller raises OverflowError). `y` is not 0.
 */
export function intTrueDivide(x: bigint, y: bigint): number | null {
  const ax = x < 0n ? -x : x;
  const ay = y < 0n ? -y : y;
  const neg = (x < 0n) !== (y < 0n);
  if (ax <= TWO53 && ay <= TWO53) return Number(x) / Number(y);
  if (ax === 0n) return neg ? -0 : 0;
  // a quotient of 55 or 56 bits: 53 to keep, one to round on, the rest (with the remainder) sticky
  const shift = 55 - (bitLength(ax) - bitLength(ay));
  const n = shift >= 0 ? ax << BigInt(shift) : ax;
  const d = shift >= 0 ? ay : ay << BigInt(-shift);
  let q = n / d;
  const inexact = n % d !== 0n;
  const qbits = bitLength(q);
  // the value is q · 2^-shift, its exponent (of the leading bit) qbits − 1 − shift
  const exp = qbits - 1 - shift;
  if (exp > 1023) return null;
  // below half the smallest subnormal (2^-1075, a tie that goes to the even 0, included): zero
  if (exp < -1075 || (exp === -1075 && !inexact && q === 1n << BigInt(qbits - 1))) return neg ? -0 : 0;
  // bits kept: 53, fewer for a subnormal result (below 2^-1022)
  const keep = exp >= -1022 ? 53 : Math.max(0, 53 - (-1022 - exp));
  const drop = qbits - keep;
  if (drop > 0) {
    const half = 1n << BigInt(drop - 1);
    const low = q & ((1n << BigInt(drop)) - 1n);
    q >>= BigInt(drop);
    if (low > half || (low === half && (inexact || (q & 1n) === 1n))) q += 1n;
  }
  const r = scaleByPowerOfTwo(Number(q), drop - shift);
  if (!Number.isFinite(r)) return null;
  return neg ? -r : r;
}

/** x as m · 2^e with an integer m (the bits of a finite, nonzero double). */
function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const frac = bits & ((1n << 52n) - 1n);
  return biased === 0 ? [frac, -1074] : [frac | (1n << 52n), biased - 1075];
}

/**
 * float ** float as C's pow() gives it for float_pow: an integral exponent (|y| up to 1100) is the
 * exact power rounded once to the nearest double, as a correctly rounded pow() gives it; other exponents
 * go to libm.ts's correctly rounded crPow (loaded on demand in the page). null when the result is finite-operand overflow (the caller raises OverflowError).
 * Negative bases with fractional exponents and 0 ** negative are the caller's.
 */
export function floatPow(x: number, y: number): number | null {
  if (Number.isFinite(x) && x !== 0 && Number.isInteger(y) && y !== 0 && Math.abs(y) <= 1100) {
    const [m, e] = decompose(x);
    const n = Math.abs(y);
    const p = m ** BigInt(n);
    const e2 = e * n;
    let num: bigint;
    let den: bigint;
    if (y > 0) {
      num = e2 >= 0 ? p << BigInt(e2) : p;
      den = e2 >= 0 ? 1n : 1n << BigInt(-e2);
    } else {
      num = e2 <= 0 ? 1n << BigInt(-e2) : 1n;
      den = e2 <= 0 ? p : p << BigInt(e2);
    }
    const r = intTrueDivide(num, den);
    if (r === null) return null;
    return x < 0 && n % 2 === 1 ? -r : r;
  }
  const r = crPow(x, y);
  return !Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y) ? null : r;
}
