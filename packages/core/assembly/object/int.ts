// int: PyLongObject, ob_size = signed number of 30-bit digits (u32 each, least significant first), at
// least one digit allocated. −5..256 are static objects (a contiguous array, 32 bytes apart, as CPython's).
// The interpreter does arithmetic on its side; the core allocates ints with the right digit count.
import { INT_DIGITS, INT_SHIFT, SMALL_INT_MIN, SMALL_INT_MAX, OB_SIZE, OB_REFCNT, OB_TYPE, EV_ALLOC } from "../../abi/abi";
import { memAlloc, memAllocInline } from "../mem/alloc";
import { objMark, objMarkInline } from "../inspect";
import { ev, evOn } from "../events";
import { objAlloc, staticAlloc, isStatic, plainFreeMemory, plainFreeMemoryInline } from "./alloc";
import { setRefcnt, setType, incref, obSize, setObSize, tpBasicsize, typeOf } from "./header";
import { tInt, STATIC_REFCNT, oTrue, oFalse } from "./types";
import { tooBig } from "../common";
import { strNew } from "./str";
import { STR_ASCII_DATA } from "../../abi/abi";

const SMALL_COUNT: i32 = SMALL_INT_MAX - SMALL_INT_MIN + 1;
let smallInts: usize = 0;
const MASK: u32 = (1 << INT_SHIFT) - 1;

export function intInit(): void {
  smallInts = staticAlloc(<usize>SMALL_COUNT * 32);
  for (let i = 0; i < SMALL_COUNT; i++) {
    const o = smallInts + <usize>i * 32;
    const v = i + SMALL_INT_MIN;
    setRefcnt(o, STATIC_REFCNT);
    setType(o, tInt);
    setObSize(o, v == 0 ? 0 : v < 0 ? -1 : 1);
    store<u32>(o + INT_DIGITS, <u32>(v < 0 ? -v : v));
  }
}

@inline export function smallInt(v: i32): usize {
  return smallInts + <usize>(v - SMALL_INT_MIN) * 32;
}
@inline export function isSmallIntObject(o: usize): bool {
  return o >= smallInts && o < smallInts + <usize>SMALL_COUNT * 32;
}

/** A new int with |ndigits| digits (sign = sign of ndigits; 0 = zero) and room for `alloc` digits
 *  (alloc ≥ |ndigits|; CPython allocates one spare digit for some results). Digits zeroed. */
export function intNew(ndigits: i32, alloc: i32): usize {
  if (tooBig(alloc, 4) || tooBig(ndigits < 0 ? -<i64>ndigits : ndigits, 4)) return 0;
  const n = ndigits < 0 ? -ndigits : ndigits;
  if (alloc < n) alloc = n;
  if (alloc < 1) alloc = 1;
  const o = objAlloc(tInt, <usize>INT_DIGITS + (<usize>alloc << 2));
  if (o == 0) return 0;
  setObSize(o, ndigits);
  return o;
}

/** A new reference to the int with value v (exact for integral |v| < 2^53); small ints are shared. */
export function intFromF64(v: f64): usize {
  if (v >= <f64>SMALL_INT_MIN && v <= <f64>SMALL_INT_MAX) {
    const o = smallInt(<i32>v);
    incref(o);
    return o;
  }
  const neg = v < 0;
  let m: u64 = <u64>(neg ? -v : v);
  let n = 0;
  let t = m;
  while (t != 0) {
    n++;
    t >>= INT_SHIFT;
  }
  if (ASC_SHRINK_LEVEL == 0 && n <= 2) return intAlloc32(neg ? -n : n, <u32>(m & MASK), <u32>(m >> INT_SHIFT));
  // what intNew(±n, n) makes, without its checks
  const o = objAlloc(tInt, <usize>INT_DIGITS + (<usize>n << 2));
  if (o == 0) return 0;
  setObSize(o, neg ? -n : n);
  for (let i = 0; i < n; i++) {
    store<u32>(o + INT_DIGITS + (<usize>i << 2), <u32>(m & MASK));
    m >>= INT_SHIFT;
  }
  return o;
}

/** An int of one or two digits (ob_size `size`, ±1 or ±2; d1 is 0 for one digit), exactly as
 *  objAlloc(tInt, INT_DIGITS + 4·|size|) + the digits make it: its request (28 or 32 bytes) is always the
 *  32-byte class and counts 32 bytes, so the release build asks for a constant 32 (the size class, the
 *  limit test and the pool lookup fold); int is neither a GC type nor a heap type and has no pre-header.
 *  Inlined into its two callers (no call per int made). */
@inline function intAlloc32(size: i32, d0: u32, d1: u32): usize {
  const o = ASC_SHRINK_LEVEL > 0 ? memAlloc(<usize>INT_DIGITS + (<usize>(size < 0 ? -size : size) << 2)) : memAllocInline(32);
  if (o == 0) return 0;
  store<u64>(o + OB_REFCNT, 1);
  store<u64>(o + OB_TYPE, <u64>tInt);
  store<i64>(o + OB_SIZE, <i64>size);
  store<u32>(o + INT_DIGITS, d0);
  store<u32>(o + INT_DIGITS + 4, d1);
  if (ASC_SHRINK_LEVEL > 0) objMark(o);
  else objMarkInline(o);
  if (evOn) ev(EV_ALLOC, <u32>o, <u32>tInt, 32);
  return o;
}

/** 2^53 − 1: results at most this large are the ones the interpreter's own paths make from doubles. */
const SAFE_INT: i64 = 9007199254740991;

/** An int of at most two digits as i64 (ob_size `size`, −2..2). */
@inline function twoDigitValue(o: usize, size: i32): i64 {
  if (size == 0) return 0;
  const n = size < 0 ? -size : size;
  let v = <i64>load<u32>(o + INT_DIGITS);
  if (n == 2) v |= <i64>load<u32>(o + INT_DIGITS + 4) << INT_SHIFT;
  return size < 0 ? -v : v;
}

/** Drops the caller's reference to an exact int: at 0 its block goes back (an exact int owns nothing and
 *  runs no hook; what int_dealloc does). Static ints never reach 0. */
@inline function releaseExactInt(o: usize): void {
  const n = load<i32>(o + OB_REFCNT) - 1;
  store<i32>(o + OB_REFCNT, n);
  if (n == 0 && !isStatic(o)) {
    if (ASC_SHRINK_LEVEL > 0) plainFreeMemory(o, tInt);
    else plainFreeMemoryInline(o, tInt);
  }
}

/** Digits of |v| for |v| < 2^60 (0 for zero). */
@inline function digitCount(v: i64): i32 {
  const m = <u64>(v < 0 ? -v : v);
  return m == 0 ? 0 : m < (<u64>1 << INT_SHIFT) ? 1 : 2;
}

/**
 * BINARY_OP (its oparg, the in-place forms too) on two exact ints, when the result is below 2^53: + - * //
 * % & | ^ of ints of at most one digit (CPython's medium ints: the result has exactly its digits, as
 * _PyLong_FromSTwoDigits makes it; a `%` is fast_mod's new int, never the left operand), and + − where an
 * operand has two digits (below 2^53): x_add allocates one digit more than the longer operand, x_sub as
 * many, and the result keeps the allocation whatever digits it needs. The result is made first (a NEW
 * reference; a result in −5..256 is the shared small int), then the caller's references to a and then b
 * are dropped (an int that dies is freed), the order of CPython's BINARY_OP. 0 when it does not apply
 * (another type, more digits, another operator, a zero divisor, a result past 2^53) or on no memory,
 * with nothing changed (the caller's general path then does the operation, and raises).
 * NOTE: the size-optimised build (the web page's, shrinkLevel > 0) always answers 0 and leaves the
 * operation to the caller: the body would add ~0.5 KB gzipped to a build kept under a size budget.
 */
@inline export function intBinarySmall(a: usize, b: usize, op: i32): usize {
  if (ASC_SHRINK_LEVEL > 0 || typeOf(a) != tInt || typeOf(b) != tInt) return 0;
  const sa = obSize(a);
  const sb = obSize(b);
  if (<u32>(sa + 2) > 4 || <u32>(sb + 2) > 4) return 0;
  const k = op >= 13 ? op - 13 : op;
  let r: i64 = 0;
  let spare: i32 = 0;
  if (<u32>(sa + 1) > 2 || <u32>(sb + 1) > 2) {
    if (k != 0 && k != 10) return 0;
    const x = twoDigitValue(a, sa);
    const y = twoDigitValue(b, sb);
    if (x > SAFE_INT || x < -SAFE_INT || y > SAFE_INT || y < -SAFE_INT) return 0;
    r = k == 0 ? x + y : x - y;
    if (r > SAFE_INT || r < -SAFE_INT) return 0;
    const na = sa < 0 ? -sa : sa;
    const nb = sb < 0 ? -sb : sb;
    const most = na > nb ? na : nb;
    // magnitudes added (x_add) when the signs agree for +, differ for −; else subtracted (x_sub)
    const adds = k == 0 ? (x < 0) == (y < 0) : (x < 0) != (y < 0);
    spare = (adds ? most + 1 : most) - digitCount(r);
  } else {
    // |x|, |y| < 2^30: every result but a product fits in 32 bits
    const x: i32 = sa == 0 ? 0 : sa * <i32>load<u32>(a + INT_DIGITS);
    const y: i32 = sb == 0 ? 0 : sb * <i32>load<u32>(b + INT_DIGITS);
    let q: i32 = 0;
    switch (k) {
      case 0:
        q = x + y;
        break;
      case 10:
        q = x - y;
        break;
      case 5:
        r = <i64>x * <i64>y;
        if (r > SAFE_INT || r < -SAFE_INT) return 0;
        break;
      case 2:
        if (y == 0) return 0;
        q = x / y;
        if (q * y != x && (x ^ y) < 0) q--;
        break;
      case 6:
        if (y == 0) return 0;
        q = x % y;
        if (q != 0 && (q ^ y) < 0) q += y;
        break;
      case 1:
        q = x & y;
        break;
      case 7:
        q = x | y;
        break;
      case 12:
        q = x ^ y;
        break;
      default:
        return 0;
    }
    if (k != 5) r = <i64>q;
  }
  let o: usize;
  if (r >= SMALL_INT_MIN && r <= SMALL_INT_MAX) {
    o = smallInt(<i32>r);
    incref(o);
  } else {
    const m = <u64>(r < 0 ? -r : r);
    const hi = <u32>(m >> INT_SHIFT);
    const n = hi == 0 ? 1 : 2;
    if (spare <= 0) o = intAlloc32(r < 0 ? -n : n, <u32>(m & MASK), hi);
    else {
      o = intNew(r < 0 ? -n : n, n + spare);
      if (o != 0) {
        store<u32>(o + INT_DIGITS, <u32>(m & MASK));
        if (n == 2) store<u32>(o + INT_DIGITS + 4, hi);
      }
    }
    if (o == 0) return 0;
  }
  releaseExactInt(a);
  releaseExactInt(b);
  return o;
}

/**
 * COMPARE_OP (its oparg: < <= == != > >=) on two exact ints of at most two digits: True or False (a NEW
 * reference), after which the caller's references to a and then b are dropped (an int that dies is
 * freed), as CPython's COMPARE_OP orders them. 0 when it does not apply, with nothing changed (always in
 * the size-optimised build, as intBinarySmall).
 */
@inline export function intCompareTwoDigit(a: usize, b: usize, op: i32): usize {
  if (ASC_SHRINK_LEVEL > 0 || typeOf(a) != tInt || typeOf(b) != tInt) return 0;
  const sa = obSize(a);
  const sb = obSize(b);
  if (<u32>(sa + 2) > 4 || <u32>(sb + 2) > 4 || <u32>op > 5) return 0;
  const x = twoDigitValue(a, sa);
  const y = twoDigitValue(b, sb);
  let c: bool;
  switch (op) {
    case 0:
      c = x < y;
      break;
    case 1:
      c = x <= y;
      break;
    case 2:
      c = x == y;
      break;
    case 3:
      c = x != y;
      break;
    case 4:
      c = x > y;
      break;
    default:
      c = x >= y;
  }
  const o = c ? oTrue : oFalse;
  incref(o);
  releaseExactInt(a);
  releaseExactInt(b);
  return o;
}

/** A new int with the value v (integral, |v| < 2^53) and `spare` more digits allocated than it needs, as
 *  intNew(±n, n + spare) with the digits written (CPython's x_add / x_mul results keep their spare
 *  digit). With spare 0, intFromF64 (small ints shared); with spare > 0 always a fresh object. */
export function intFromF64Spare(v: f64, spare: i32): usize {
  if (spare <= 0) return intFromF64(v);
  const neg = v < 0;
  let m: u64 = <u64>(neg ? -v : v);
  let n = 0;
  for (let t = m; t != 0; t >>= INT_SHIFT) n++;
  const o = intNew(neg ? -n : n, n + spare);
  if (o == 0) return 0;
  for (let i = 0; i < n; i++) {
    store<u32>(o + INT_DIGITS + (<usize>i << 2), <u32>(m & MASK));
    m >>= INT_SHIFT;
  }
  return o;
}

/** Value as f64 (exact below 2^53). */
export function intToF64(o: usize): f64 {
  const size = obSize(o);
  const n = size < 0 ? -size : size;
  let x: f64 = 0;
  for (let i = n - 1; i >= 0; i--) x = x * <f64>(1 << INT_SHIFT) + <f64>load<u32>(o + INT_DIGITS + (<usize>i << 2));
  return size < 0 ? -x : x;
}

/** Value of an int of at most two digits as i64. */
export function intToI64(o: usize): i64 {
  const size = obSize(o);
  const n = size < 0 ? -size : size;
  let x: i64 = 0;
  for (let i = n - 1; i >= 0; i--) x = (x << INT_SHIFT) | <i64>load<u32>(o + INT_DIGITS + (<usize>i << 2));
  return size < 0 ? -x : x;
}

/** Exact comparison of an int with an integral, finite float. */
export function intEqIntegralFloat(o: usize, f: f64): bool {
  const size = obSize(o);
  if ((size < 0) != (f < 0)) return false;
  let m = Math.abs(f);
  const n = size < 0 ? -size : size;
  const B: f64 = <f64>(1 << INT_SHIFT);
  for (let i = 0; i < n; i++) {
    const q = Math.floor(m / B);
    const d = m - q * B;
    if (<u32>d != load<u32>(o + INT_DIGITS + (<usize>i << 2))) return false;
    m = q;
  }
  return m == 0;
}

/** hash(int) exactly as CPython (reduction modulo 2^61 − 1). */
export function intHash(o: usize): i64 {
  const MOD: u64 = (<u64>1 << 61) - 1;
  const size = obSize(o);
  const n = size < 0 ? -size : size;
  let x: u64 = 0;
  for (let i = n - 1; i >= 0; i--) {
    x = ((x << INT_SHIFT) & MOD) | (x >> (61 - INT_SHIFT));
    x += <u64>load<u32>(o + INT_DIGITS + (<usize>i << 2));
    if (x >= MOD) x -= MOD;
  }
  let h = <i64>x;
  if (size < 0) h = -h;
  if (h == -1) h = -2;
  return h;
}

/** Value equality of two ints. */
export function intEq(a: usize, b: usize): bool {
  const sa = obSize(a);
  if (sa != obSize(b)) return false;
  const n = sa < 0 ? -sa : sa;
  return memory.compare(a + INT_DIGITS, b + INT_DIGITS, <usize>n << 2) == 0;
}

/** sys.getsizeof of an int: 24 + 4 · max(1, digits). */
export function intSizeof(o: usize): usize {
  const size = obSize(o);
  const n = size < 0 ? -size : size;
  return <usize>INT_DIGITS + (<usize>(n < 1 ? 1 : n) << 2);
}


// ── int subclasses ──────────────────────────────────────────────────────────────────────────────
// An instance of `class I(int)` keeps the digits where an int has them; the subclass adds only its
// instance dict pointer (basicsize 32), which sits in the LAST 8-byte word of the variable-size body
// (CPython's tp_dictoffset −8, resolved per object from |ob_size|: header.ts varDictPtr). The object is allocated as
// PyType_GenericAlloc does: basicsize + (n + 1) digits rounded up to 8, n = max(1, |ob_size|).
//
//   +0 ob_refcnt  +8 ob_type  +16 ob_size  +24 digits …  [dict at round8(basicsize + 4·|ob_size|) − 8]

/** A new instance of the int subclass `t` (a heap type with the int layout) with the value of the int
 *  `src` (borrowed), as long_subtype_new copies it. NEW reference (untracked), or 0 on no memory. */
export function intSubNew(t: usize, src: usize): usize {
  const size = obSize(src);
  let n = size < 0 ? -size : size;
  if (n < 1) n = 1;
  const body = (<usize>tpBasicsize(t) + (<usize>(n + 1) << 2) + 7) & ~(<usize>7);
  const o = objAlloc(t, body);
  if (o == 0) return 0;
  setObSize(o, size);
  memory.copy(o + INT_DIGITS, src + INT_DIGITS, <usize>n << 2);
  return o;
}

/** str() of an int of at most two digits (|v| < 2^60), as CPython's long_to_decimal_string makes it: a
 *  fresh ASCII str of the decimal digits ('-' first when negative), never a cached one-character str.
 *  0 when the int has more digits (the caller formats it) or on no memory (status set). */
export function intDecimalStr(o: usize): usize {
  const size = obSize(o);
  if (size > 2 || size < -2) return 0;
  let v: u64 = 0;
  if (size != 0) {
    v = <u64>load<u32>(o + INT_DIGITS);
    if (size == 2 || size == -2) v |= <u64>load<u32>(o + INT_DIGITS + 4) << INT_SHIFT;
  }
  let len: i32 = 1;
  if (v <= 0xffffffff) {
    // 32-bit divisions for the common case
    for (let t = <u32>v; t >= 10; t /= 10) len++;
  } else {
    for (let t = v; t >= 10; t /= 10) len++;
  }
  const neg = size < 0;
  const s = strNew(neg ? len + 1 : len, 127);
  if (s == 0) return 0;
  let p = s + STR_ASCII_DATA + <usize>(neg ? len + 1 : len);
  while (v > 0xffffffff) {
    p--;
    store<u8>(p, <u8>(48 + <u32>(v % 10)));
    v /= 10;
  }
  let w = <u32>v;
  do {
    p--;
    store<u8>(p, <u8>(48 + w % 10));
    w /= 10;
  } while (w != 0);
  if (neg) store<u8>(p - 1, 45);
  return s;
}
