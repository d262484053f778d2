/**
 * Float to text, as CPython 3.11 prints floats: `repr()` (shortest round-trip digits, switching to
 * exponent notation outside 1e-4 <= |x| < 1e16), and the fixed/exponent/general presentation types of
 * the format mini-language, rounded half-to-even on the exact binary value (so `round(2.675, 2)` is 2.67
 * and `f"{0.5:.0f}"` is "0").
 *
 * Relies on: BigInt for the exact decimal expansion of a double. Knows nothing about the heap.
 */

/** Decimal digits of a finite non-negative double: value = 0.d1d2d3… × 10^decpt. */
export interface Digits {
  digits: string;
  decpt: number;
}

/** Shortest digits that round-trip (what `repr` shows). `x` must be finite and non-negative. */
export function shortestDigits(x: number): Digits {
  if (x === 0) return { digits: "0", decpt: 1 };
  const s = x.toExponential(); // shortest round-trip digits, "d.ddde±n"
  const [mant, exp] = s.split("e");
  const digits = mant.replace(".", "");
  return { digits: digits.replace(/0+$/, "") || "0", decpt: Number(exp) + 1 };
}

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

/**
 * Round the digit string `d` (value 0.d × 10^decpt) to keep `keep` digits, half to even.
 * Returns new digits (possibly with carry increasing decpt). `keep` may be <= 0.
 */
export function roundDigits(d: Digits, keep: number): Digits {
  const { digits, decpt } = d;
  if (keep >= digits.length) return d;
  if (keep < 0) return { digits: "0", decpt: decpt };
  const head = digits.slice(0, keep);
  const next = digits.charCodeAt(keep) - 48;
  const rest = digits.slice(keep + 1);
  let up = false;
  if (next > 5) up = true;
  else if (next === 5) {
    if (/[1-9]/.test(rest)) up = true;
    else {
      const last = keep > 0 ? head.charCodeAt(keep - 1) - 48 : 0;
      up = last % 2 === 1;
    }
  }
  if (!up) return { digits: head.replace(/0+$/, "") || "0", decpt: head.length === 0 ? decpt : decpt };
  // increment head
  const arr = head.split("").map((c) => c.charCodeAt(0) - 48);
  let i = arr.length - 1;
  while (i >= 0) {
    if (arr[i] === 9) {
      arr[i] = 0;
      i--;
    } else {
      arr[i]++;
      break;
    }
  }
  if (i < 0) {
    arr.unshift(1);
    return { digits: arr.join("").replace(/0+$/, "") || "0", decpt: decpt + 1 };
  }
  return { digits: arr.join("").replace(/0+$/, "") || "0", decpt };
}

function zeros(n: number): string {
  return n > 0 ? "0".repeat(n) : "";
}

/** Fixed notation with `prec` digits after the point (no sign handling). */
export function fixedFromDigits(d: Digits, prec: number): string {
  const r = d.digits === "0" ? d : roundDigits(d, d.decpt + prec);
  let { digits, decpt } = r;
  if (digits === "0") decpt = 1;
  let intPart: string;
  let frac: string;
  if (decpt <= 0) {
    intPart = "0";
    frac = zeros(-decpt) + digits;
  } else if (decpt >= digits.length) {
    intPart = digits + zeros(decpt - digits.length);
    frac = "";
  } else {
    intPart = digits.slice(0, decpt);
    frac = digits.slice(decpt);
  }
  if (digits === "0") intPart = "0";
  frac = (frac + zeros(prec)).slice(0, prec);
  return prec > 0 ? `${intPart}.${frac}` : intPart;
}

function expString(e: number): string {
  const a = Math.abs(e);
  return (e < 0 ? "-" : "+") + (a < 10 ? "0" + a : String(a));
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

/** Python's `repr(float)`. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const neg = x < 0 || Object.is(x, -0);
  const d = shortestDigits(Math.abs(x));
  let body: string;
  if (d.decpt > -4 && d.decpt <= 16) {
    const prec = Math.max(d.digits.length - d.decpt, 1);
    body = fixedFromDigits(d, prec);
    // repr keeps all shortest digits; fixedFromDigits pads to prec which is exact here
  } else {
    const mant = d.digits.length > 1 ? `${d.digits[0]}.${d.digits.slice(1)}` : d.digits;
    body = `${mant}e${expString(d.decpt - 1)}`;
  }
  return (neg ? "-" : "") + body;
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
