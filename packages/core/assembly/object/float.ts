// float: PyFloatObject (16-byte header + f64), recycled through a free list of 100.
import { FLOAT_VALUE } from "../../abi/abi";
import { objAlloc, flPop, flPush, objFreeMemory } from "./alloc";
import { tFloat } from "./types";
import { flFloat, FLOAT_MAXFREELIST } from "./freelists";
import { idOf, tpBasicsize } from "./header";

/** A new float (PyFloat_FromDouble: the free list first). */
export function floatNew(v: f64): usize {
  let o = flPop(flFloat);
  if (o == 0) {
    o = objAlloc(tFloat, 24);
    if (o == 0) return 0;
  }
  store<f64>(o + FLOAT_VALUE, v);
  return o;
}

@inline export function floatValue(o: usize): f64 {
  return load<f64>(o + FLOAT_VALUE);
}

/** float dealloc: park exact floats on the free list, else free. */
export function floatDealloc(o: usize): void {
  if (!flPush(flFloat, o, FLOAT_MAXFREELIST)) objFreeMemory(o);
}

/** hash(float) exactly as CPython's _Py_HashDouble (NaN hashes by identity). */
export function floatHash(o: usize, v: f64): i64 {
  const MOD: u64 = (<u64>1 << 61) - 1;
  if (isNaN(v)) {
    return pointerHash(o);
  }
  if (!isFinite(v)) return v > 0 ? 314159 : -314159;
  // frexp: v = m · 2^e with 0.5 <= |m| < 1
  let m = v;
  let e: i32 = 0;
  if (m != 0) {
    const bits = reinterpret<u64>(m);
    let exp = <i32>((bits >> 52) & 0x7ff);
    if (exp == 0) {
      m *= 18014398509481984.0; // 2^54, subnormal
      const b2 = reinterpret<u64>(m);
      exp = <i32>((b2 >> 52) & 0x7ff) - 54;
      e = exp - 1022;
      m = reinterpret<f64>((b2 & ~(<u64>0x7ff << 52)) | (<u64>1022 << 52));
    } else {
      e = exp - 1022;
      m = reinterpret<f64>((bits & ~(<u64>0x7ff << 52)) | (<u64>1022 << 52));
    }
  }
  let sign: i64 = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  let x: u64 = 0;
  while (m != 0) {
    x = ((x << 28) & MOD) | (x >> (61 - 28));
    m *= 268435456.0;
    e -= 28;
    const y = <u64>m;
    m -= <f64>y;
    x += y;
    if (x >= MOD) x -= MOD;
  }
  const ee: i32 = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << ee) & MOD) | (x >> (61 - ee));
  let h = <i64>x * sign;
  if (h == -1) h = -2;
  return h;
}

/** CPython's _Py_HashPointer over the id() value: rotate right by 4. */
export function pointerHash(o: usize): i64 {
  const y = <u64>idOf(o);
  let h = <i64>((y >> 4) | (y << 60));
  if (h == -1) h = -2;
  return h;
}

/** A new instance of the float subclass `t` (a heap type with the float layout) with value v, allocated
 *  by the type (basicsize, no free list) as float_subtype_new does. NEW reference (untracked), 0 on no
 *  memory. */
export function floatSubNew(t: usize, v: f64): usize {
  const o = objAlloc(t, (<usize>tpBasicsize(t) + 7) & ~(<usize>7));
  if (o == 0) return 0;
  store<f64>(o + FLOAT_VALUE, v);
  return o;
}
