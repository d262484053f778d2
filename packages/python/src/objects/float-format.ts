/**
 * Float to text, as CPython 3.11 prints floats: `repr()` (shortest round-trip digits, switching to
 * exponent notation outside 1e-4 <= |x| < 1e16), and the fixed/exponent/general presentation types of
 * the format mini-language, rounded half-to-even on the exact binary value (so `round(2.675, 2)` is 2.67
 * and `f"{0.5:.0f}"` is "0"). The exact expansion, exponent and general notation and `round()` are in
 * float-exact.ts (re-exported here).
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

/** `n` zeros ("" for n <= 0). */
export function zeros(n: number): string {
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

/** An exponent as Python writes it: a sign and at least two digits. */
export function expString(e: number): string {
  const a = Math.abs(e);
  return (e < 0 ? "-" : "+") + (a < 10 ? "0" + a : String(a));
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

// exact expansions, exponent and general notation, round(): their own module (the page loads it on demand)
export { exactDigits, expFromDigits, generalFromDigits, roundFloat } from "./float-exact.js";
