/**
 * The parts of float-to-text that only formatting and `round()` need (float-format.ts keeps `repr()`, and
 * re-exports these): the exact decimal expansion of a double, exponent and general notation of the format
 * mini-language, and `round(x, ndigits)`. In the page's build this module is loaded on demand
 * (apps/web/bundler/lazy.ts).
 *
 * Relies on: BigInt for the exact decimal expansion of a double. Knows nothing about the heap.
 */
import { expString, fixedFromDigits, roundDigits, zeros, type Digits } from "./float-format.js";

/** The exact decimal expansion of a finite non-negative double. */
export function exactDigits(x: number): Digits {
  if (x === 0) return { digits: "0", decpt: 1 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = bexp - 1075;
  }
  // value = mant * 2^e2
  let intDigits: string;
  let decpt: number;
  if (e2 >= 0) {
    intDigits = (mant << BigInt(e2)).toString();
    decpt = intDigits.length;
  } else {
    // mant * 5^-e2 / 10^-e2
    const n = (mant * 5n ** BigInt(-e2)).toString();
    intDigits = n;
    decpt = n.length + e2;
  }
  const stripped = intDigits.replace(/0+$/, "");
  return { digits: stripped || "0", decpt };
}

/** Exponent notation with `prec` digits after the point. */
export function expFromDigits(d: Digits, prec: number): string {
  let r = d.digits === "0" ? { digits: "0", decpt: 1 } : roundDigits(d, prec + 1);
  const digits = (r.digits + zeros(prec + 1)).slice(0, prec + 1);
  const e = r.digits === "0" ? 0 : r.decpt - 1;
  r = { digits, decpt: r.decpt };
  const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits[0];
  return `${mant}e${expString(e)}`;
}

/**
 * Python's general format ('g' with a precision, or the default float format with alternate rules).
 * `prec` significant digits; strips trailing zeros unless `alt`.
 */
export function generalFromDigits(d: Digits, prec: number, alt: boolean): string {
  if (prec === 0) prec = 1;
  const r = d.digits === "0" ? { digits: "0", decpt: 1 } : roundDigits(d, prec);
  const exp = r.digits === "0" ? 0 : r.decpt - 1;
  let s: string;
  if (exp >= -4 && exp < prec) {
    s = fixedFromDigits(r, Math.max(prec - 1 - exp, 0));
  } else {
    s = expFromDigits(r, prec - 1);
  }
  if (!alt) {
    // strip trailing zeros of the fraction, and the point if nothing remains
    const m = /^([^e]*?)(e.*)?$/.exec(s)!;
    let mant = m[1];
    if (mant.includes(".")) mant = mant.replace(/0+$/, "").replace(/\.$/, "");
    s = mant + (m[2] ?? "");
  } else if (!s.includes(".")) {
    const m = /^([^e]*)(e.*)?$/.exec(s)!;
    s = m[1] + "." + (m[2] ?? "");
  }
  return s;
}

/** `round(x, ndigits)` for floats: correctly rounded, half to even on the exact value. */
export function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 330) return x;
  if (ndigits < -330) return 0 * x;
  const neg = x < 0;
  const d = exactDigits(Math.abs(x));
  const r = roundDigits(d, d.decpt + ndigits);
  if (r.digits === "0" || d.decpt + ndigits < 0) return neg ? -0 : 0;
  const text = `0.${r.digits}e${r.decpt}`;
  const v = Number(text);
  return neg ? -v : v;
}
