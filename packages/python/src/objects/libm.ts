/**
 * Correctly rounded exp, log and pow (and their relatives): the double nearest the exact value, as
 * python3's libm gives them (glibc's exp/log/pow are correctly rounded in practice), where the
 * engine's Math may be one unit off in the last place.
 *
 * How: each value is approximated in binary fixed point on BigInts at some precision p with a bound on
 * the error; when both ends of the error interval round to the same double, that double is the answer,
 * otherwise the precision is doubled (a result that is itself a double, or half-way between two, never
 * settles: those cases are found exactly first). Loaded on demand in the page (apps/web/bundler/lazy.ts).
 */

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
const FRAC = (1n << 52n) - 1n;

/** 2**n for n in [-1022, 1023], from its bits. */
function pow2(n: number): number {
  U64[0] = BigInt(n + 1023) << 52n;
  return F64[0]!;
}

/** |x| (finite, non-zero) as m * 2**e with m odd. */
function oddParts(x: number): [bigint, number] {
  F64[0] = Math.abs(x);
  const bits = U64[0]!;
  const biased = Number(bits >> 52n);
  const m = biased === 0 ? bits & FRAC : (bits & FRAC) | (1n << 52n);
  const e = biased === 0 ? -1074 : biased - 1075;
  // trailing zero bits, from the low and high 32-bit halves
  const lo = Number(m & 0xffffffffn);
  const hi = Number(m >> 32n);
  const tz = lo !== 0 ? 31 - Math.clz32(lo & -lo) : 63 - Math.clz32(hi & -hi);
  return [m >> BigInt(tz), e + tz];
}

/** Number of bits of a positive bigint. */
function bits(a: bigint): number {
  const s = a.toString(16);
  return (s.length - 1) * 4 + 32 - Math.clz32(parseInt(s[0]!, 16));
}

/** a * 2**e rounded to the nearest double, ties to even; Infinity past the range, 0 for a <= 0. */
function roundScaled(a: bigint, e: number): number {
  if (a <= 0n) return 0;
  const top = bits(a) + e - 1;
  if (top > 1023) return Infinity;
  const ulp = Math.max(top - 52, -1074);
  const shift = ulp - e;
  let q: bigint;
  if (shift <= 0) q = a << BigInt(-shift);
  else {
    const s = BigInt(shift);
    q = a >> s;
    const rem = a - (q << s);
    const half = 1n << (s - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  }
  // q <= 2**53: the product is exact (or the overflow to Infinity of a carry out of the top)
  return ulp >= -1022 ? Number(q) * (ulp > 1023 ? Infinity : pow2(ulp)) : Number(q) * pow2(ulp + 52) * pow2(-52);
}

const signedRound = (a: bigint, e: number) => (a < 0n ? -roundScaled(-a, e) : roundScaled(a, e));

/**
 * The double nearest a value f from approximations at rising precision: approx(p) gives [a, e, err] with
 * |f - a * 2**e| <= err * 2**e.
 */
function ziv(approx: (p: number) => [bigint, number, bigint], p = 96): number {
  for (;;) {
    const [a, e, err] = approx(p);
    const lo = signedRound(a - err, e);
    if (lo === signedRound(a + err, e) || p > 8000) return lo;
    p *= 2;
  }
}

/** x * 2**p truncated toward zero, for a finite double x. */
function fix(x: number, p: number): bigint {
  if (x === 0) return 0n;
  const [m, e] = oddParts(x);
  const s = e + p;
  const v = s >= 0 ? m << BigInt(s) : m >> BigInt(-s);
  return x < 0 ? -v : v;
}

/** Σ 1/((2i+1) k**(2i+1)) = atanh(1/k) at p bits (|error| < 1 + terms units), or with alternating signs atan(1/k). */
function atanhInv(k: bigint, p: number, alternate = false): bigint {
  let term = (1n << BigInt(p)) / k;
  const k2 = k * k;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += alternate && (i & 2n) !== 0n ? -(term / i) : term / i;
    term /= k2;
  }
  return sum;
}

let ln2Bits = 0;
let ln2Cache = 0n;
/** log(2) at p bits (error under 1 unit). */
function ln2(p: number): bigint {
  if (p > ln2Bits) {
    ln2Bits = Math.max(p, 2 * ln2Bits, 256);
    ln2Cache = (2n * atanhInv(3n, ln2Bits + 32)) >> 32n;
  }
  return ln2Cache >> BigInt(ln2Bits - p);
}

/** log(10) at p bits (error under 2 units). */
const ln10 = (p: number) => (logFix(5n, 1, p + 8) + 4n) >> 8n;

const GUARD = 24;

/**
 * exp(t) for t = T / 2**p (|t| < 2000) as [M, k]: exp(t) = M / 2**p * 2**k, M / 2**p in [0.7, 1.42],
 * with |error| <= 4 units of 2**-p (relative), plus 1.5 times T's own error.
 */
function expFix(T: bigint, p: number): [bigint, number] {
  const g = p + GUARD;
  const G = BigInt(g);
  const one = 1n << G;
  const k = Math.round(Number(T >> BigInt(p - 60)) / 2 ** 60 / Math.LN2);
  // r = t - k log 2, |r| <= 0.35, then r / 2**12 and exp(r) = exp(r / 2**12) ** (2**12)
  const r = ((T << BigInt(GUARD)) - BigInt(k) * ln2(g)) >> 12n;
  let sum = one;
  let term = one;
  for (let i = 1n; term !== 0n; i++) {
    term = ((term * r) >> G) / i;
    sum += term;
  }
  for (let i = 0; i < 12; i++) sum = (sum * sum) >> G;
  return [sum >> BigInt(GUARD), k];
}

/** log(m * 2**e) for m > 0 at p bits, |error| <= 2 units. */
function logFix(m: bigint, e: number, p: number): bigint {
  const g = p + GUARD;
  const G = BigInt(g);
  const one = 1n << G;
  const n = bits(m);
  // m * 2**e = u * 2**k with u in [0.7, 1.42)
  let u = n <= g ? m << BigInt(g - n) : m >> BigInt(n - g);
  let k = n + e;
  if (u < (one * 181n) / 256n) {
    u <<= 1n;
    k--;
  }
  // log(u) = 2 atanh(s), s = (u - 1) / (u + 1), |s| < 0.18
  const neg = u < one;
  const s = ((neg ? one - u : u - one) << G) / (u + one);
  const s2 = (s * s) >> G;
  let sum = 0n;
  let term = s;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += term / i;
    term = (term * s2) >> G;
  }
  return ((neg ? -2n : 2n) * sum + BigInt(k) * ln2(g)) >> BigInt(GUARD);
}

/** exp(x) correctly rounded (Infinity past the range). */
export function crExp(x: number): number {
  if (Number.isNaN(x) || x === 0) return x !== x ? x : 1;
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  if (Math.abs(x) < 2 ** -54) return 1; // 1 ± a tiny x is within half an ulp of 1
  return ziv((p) => {
    const q = p + 8;
    const [M, k] = expFix(fix(x, q), q);
    return [M, k - q, 8n];
  });
}

/** 2**x correctly rounded. */
export function crExp2(x: number): number {
  if (Number.isNaN(x)) return x;
  if (Number.isInteger(x)) return x > 1023 ? Infinity : x < -1074 ? 0 : x < -1022 ? pow2(x + 52) * pow2(-52) : pow2(x);
  if (x > 1024) return Infinity;
  if (x < -1076) return 0;
  return ziv((p) => {
    const q = p + 8;
    const [M, k] = expFix((fix(x, q + 12) * ln2(q + 12)) >> BigInt(q + 24), q);
    return [M, k - q, 8n];
  });
}

/** exp(x) - 1 correctly rounded. */
export function crExpm1(x: number): number {
  if (Number.isNaN(x) || x === 0) return x;
  if (x > 709.8) return Infinity;
  if (x < -40) return -1; // exp(x) is within half an ulp of -1's
  if (Math.abs(x) < 2 ** -54) return x;
  // fixed point relative to the size of the result (about x near 0)
  const extra = Math.max(0, -Math.floor(Math.log2(Math.abs(x))));
  return ziv((p) => {
    const q = p + 8 + extra;
    const [M, k] = expFix(fix(x, q), q);
    const v = (k >= 0 ? M << BigInt(k) : M >> BigInt(-k)) - (1n << BigInt(q));
    return [v, -q, 8n + (k > 0 ? 8n << BigInt(k) : 1n)];
  });
}

/** log(x) correctly rounded, for x > 0 finite. */
function logOfPositive(x: number, scale: (L: bigint, p: number) => bigint, exact: () => number | undefined): number {
  const [m, e] = oddParts(x);
  const ex = exact();
  if (ex !== undefined) return ex;
  // the result's size: a fixed point below it for x near 1
  const d = Math.abs(x - 1);
  const extra = d < 0.5 ? Math.max(0, -Math.floor(Math.log2(d))) : 0;
  return ziv((p) => {
    const q = p + extra;
    return [scale(logFix(m, e, q + 8), q + 8), -(q + 8), 16n];
  });
}

/** The special values of a log: NaN, -inf at 0, NaN below, inf at inf; undefined for x > 0 finite. */
function logSpecial(x: number): number | undefined {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  if (x === 1) return 0;
  return undefined;
}

export function crLog(x: number): number {
  return logSpecial(x) ?? logOfPositive(x, (L) => L, () => undefined);
}

/** log(x) / log(b) correctly rounded, lnB(p) being log(b) at p bits within 2 units; exact(x) gives the exact results. */
function logBase(x: number, lnB: (p: number) => bigint, exact: () => number | undefined): number {
  return logSpecial(x) ?? logOfPositive(x, (L, p) => (L << BigInt(p + 12)) / lnB(p + 12), exact);
}

export function crLog2(x: number): number {
  return logBase(x, ln2, () => {
    const [m, e] = oddParts(x);
    return m === 1n ? e : undefined;
  });
}

export function crLog10(x: number): number {
  return logBase(x, ln10, () => {
    const k = Math.round(Math.log10(x));
    return k >= 0 && k <= 22 && 10 ** k === x ? k : undefined;
  });
}

/** log(1 + x) correctly rounded. */
export function crLog1p(x: number): number {
  if (Number.isNaN(x) || x === Infinity || x === 0) return x;
  if (x === -1) return -Infinity;
  if (x < -1) return NaN;
  if (Math.abs(x) < 2 ** -54) return x;
  // 1 + x exactly, as m * 2**e
  const [mx, ex] = oddParts(x);
  const e = Math.min(ex, 0);
  const m = (x < 0 ? -mx : mx) * (1n << BigInt(ex - e)) + (1n << BigInt(-e));
  const extra = Math.abs(x) < 0.5 ? -Math.floor(Math.log2(Math.abs(x))) : 0;
  return ziv((p) => {
    const q = p + extra + 8;
    return [logFix(m, e, q), -q, 8n];
  });
}

/**
 * x ** y exactly, when it is a double or half-way between two (and then rounded), for x > 0 finite and y
 * finite and not an integer; undefined when it is neither (then it is not a rational with a power-of-two
 * denominator). With y = n / 2**k (n odd, k >= 1): x = m * 2**e must be a (2**k)-th power; for odd m > 1
 * the result's odd part r**n >= 3**n has at most 54 bits, so n <= 34 and k <= 5.
 */
function exactPow([m, e]: [bigint, number], [ny, ey]: [bigint, number], y: number): number | undefined {
  const k = -ey;
  const root = 2 ** k;
  if (k > 1100 || e % root !== 0) return undefined;
  if (m === 1n) {
    const t = (e / root) * Number(ny) * Math.sign(y);
    return t > 1023 ? Infinity : t < -1075 ? 0 : roundScaled(1n, t);
  }
  if (y < 0 || k > 5 || ny > 34n) return undefined;
  const r = BigInt(Math.round(Number(m) ** (1 / root)));
  if (r ** BigInt(root) !== m) return undefined;
  return roundScaled(r ** ny, (e / root) * Number(ny));
}

/**
 * x ** y correctly rounded for x > 0 finite, y finite (Infinity past the range).
 */
function powPositive(x: number, y: number): number {
  if (y === 0.5) return Math.sqrt(x);
  const t = y * Math.log(x);
  if (t > 710) return Infinity;
  if (t < -746) return 0;
  const xp = oddParts(x);
  const yp = oddParts(y);
  if (!Number.isInteger(y)) {
    const exact = exactPow(xp, yp, y);
    if (exact !== undefined) return exact;
  }
  const [mx, ex] = xp;
  const [my, ey] = yp;
  // y log x needs log x to |y|'s size more bits
  const yBits = Math.max(0, bits(my) + ey);
  const neg = y < 0;
  return ziv((p) => {
    const q = p + 8;
    const lq = q + 16 + yBits;
    const L = logFix(mx, ex, lq) * my;
    const shift = ey - lq + q;
    let T = shift >= 0 ? L << BigInt(shift) : L >> BigInt(-shift);
    if (neg) T = -T;
    const [M, k] = expFix(T, q);
    return [M, k - q, 8n];
  });
}

/**
 * C's pow(x, y) correctly rounded, for the cases of a real result (a negative x only with an integral y):
 * C99 Annex F's special values, Infinity past the range for finite operands.
 */
export function crPow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0) return x === -1 ? 1 : Math.pow(x, y);
  if (x < 0) {
    const r = powPositive(-x, y);
    return Number.isInteger(y) && y % 2 !== 0 ? -r : r;
  }
  return powPositive(x, y);
}

let halfPiBits = 0;
let halfPiCache = 0n;
/** pi / 2 at p bits (error under 1 unit), from Machin's formula pi / 4 = 4 atan(1/5) - atan(1/239). */
function halfPi(p: number): bigint {
  if (p > halfPiBits) {
    halfPiBits = Math.max(p, 2 * halfPiBits, 256);
    halfPiCache = (8n * atanhInv(5n, halfPiBits + 32, true) - 2n * atanhInv(239n, halfPiBits + 32, true)) >> 32n;
  }
  return halfPiCache >> BigInt(halfPiBits - p);
}

/**
 * sin and cos of x (finite) at w bits as [s, c] within 8 units: x reduced by the nearest multiple k of
 * pi / 2 (pi to x's size more bits), then the Taylor series of the rest (|r| <= pi / 4).
 */
function sinCosFix(x: number, p: number): [bigint, bigint, number] {
  const [, e] = oddParts(x);
  const w = p + 64 + Math.max(0, e + 53);
  const W = BigInt(w);
  const X = fix(x, w);
  const h = halfPi(w);
  let k = X / h;
  let r = X - k * h;
  if (2n * (r < 0n ? -r : r) > h) {
    const d = r < 0n ? -1n : 1n;
    k += d;
    r -= d * h;
  }
  const neg = r < 0n;
  if (neg) r = -r;
  let s = 0n;
  let c = 0n;
  let term = 1n << W; // r**n / n!
  for (let n = 0n; term !== 0n; n++) {
    const sign = (n & 2n) === 0n ? 1n : -1n;
    if ((n & 1n) === 0n) c += sign * term;
    else s += sign * term;
    term = (term * r) >> W;
    term /= n + 1n;
  }
  if (neg) s = -s;
  // x = k pi/2 + r: shift by the quadrant
  const q = Number(((k % 4n) + 4n) % 4n);
  const sc: [bigint, bigint] = q === 0 ? [s, c] : q === 1 ? [c, -s] : q === 2 ? [-s, -c] : [-c, s];
  return [sc[0], sc[1], w];
}

export function crSin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -26) return x;
  return ziv((p) => {
    const [s, , w] = sinCosFix(x, p);
    return [s, -w, 16n];
  });
}

export function crCos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return 1;
  return ziv((p) => {
    const [, c, w] = sinCosFix(x, p);
    return [c, -w, 16n];
  });
}

export function crTan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 2 ** -27) return x;
  return ziv((p) => {
    const [s, c, w] = sinCosFix(x, p);
    const abs = (v: bigint) => (v < 0n ? -v : v);
    if (abs(c) <= 64n) return [0n, -w, 1n << BigInt(w + 1100)];
    const W = BigInt(w);
    return [(s << W) / c, -w, (((abs(s) + abs(c)) * 16n) << W) / (c * c) + 2n];
  });
}

/**
 * Inverse sine, cosine and tangent (and atan2), correctly rounded in practice: one Newton step from the
 * engine's value y0 (a unit or two off at most) with y0's sine and cosine at ~220 bits. The step's error
 * is of the order of the square (cube for atan2) of y0's, under 2**-70 of the result's unit in the last
 * place, so the rounding can only go wrong for a result that close to half-way between two doubles.
 * f(s, c, w) gives f(y0) and f'(y0) from sin(y0) and cos(y0) scaled by 2**w.
 */
function newtonAngle(y0: number, f: (s: bigint, c: bigint, w: number) => [bigint, bigint]): number {
  const [s, c, w] = sinCosFix(y0, 160);
  const [v, d] = f(s, c, w);
  return d === 0n ? y0 : signedRound(fix(y0, w) - (v << BigInt(w)) / d, -w);
}

export function crAsin(x: number): number {
  if (!(Math.abs(x) < 1) || Math.abs(x) < 2 ** -26) return Math.asin(x);
  return newtonAngle(Math.asin(x), (s, c, w) => [s - fix(x, w), c]);
}

export function crAcos(x: number): number {
  if (!(Math.abs(x) < 1)) return Math.acos(x);
  return newtonAngle(Math.acos(x), (s, c, w) => [c - fix(x, w), -s]);
}

export function crAtan2(y: number, x: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0) return Math.atan2(y, x);
  // the angle t where x sin t - y cos t = 0, the point scaled so that the larger coordinate is about 1
  const k = Math.ceil(Math.log2(Math.max(Math.abs(x), Math.abs(y))));
  return newtonAngle(Math.atan2(y, x), (s, c, w) => {
    const X = fix(x, w - k);
    const Y = fix(y, w - k);
    return [X * s - Y * c, X * c + Y * s];
  });
}

export const crAtan = (x: number): number => (Math.abs(x) < 2 ** -27 ? x : crAtan2(x, 1));
