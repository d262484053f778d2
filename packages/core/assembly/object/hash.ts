// hash() and == for dict and set lookups. Exact built-in scalars (str, int, bool, float, bytes, tuples
// of them, None, types…) are hashed and compared in the core; anything else goes to the host, which
// runs __hash__ / __eq__. A host failure is STATUS_ERROR (the exception is the interpreter's).
import { STATUS_ERROR, TUPLE_ITEMS } from "../../abi/abi";
import { setStatus } from "../common";
import { sysAlloc } from "../mem/sys";
import { typeOf, obSize, getRef, incref, tpFlags } from "./header";
import { tFrozenset, tStr, tInt, tBool, tFloat, tBytes, tTuple, tNone, tEllipsis, tNotImplemented, tType, tObject } from "./types";
import { strHash, strEq } from "./str";
import { intHash, intEq, intToI64, intEqIntegralFloat } from "./int";
import { floatHash, floatValue, pointerHash } from "./float";
import { bytesHash, bytesEq } from "./bytes";
import { frozensetHash } from "./set";
import { hostHash, hostEq } from "../host";
import { decref } from "../refcount";
import { TPF_TYPE_SUBCLASS, TPF_STATIC } from "../../abi/abi";

let hashOut: usize = 0;
export const HASH_ERROR: i64 = -1;

export function hashInit(): void {
  hashOut = sysAlloc(16);
}

/** hash(o); -1 with STATUS_ERROR if __hash__ raised (a valid hash is never -1). */
export function objHash(o: usize): i64 {
  const t = typeOf(o);
  if (t == tStr) return strHash(o);
  if (t == tInt || t == tBool) return intHash(o);
  if (t == tFloat) return floatHash(o, floatValue(o));
  if (t == tBytes) return bytesHash(o);
  if (t == tTuple) return tupleHash(o);
  if (t == tFrozenset) return frozensetHash(o);
  if (t == tNone || t == tEllipsis || t == tNotImplemented || t == tObject) return pointerHash(o);
  // classes and static types hash by identity unless their metatype is a heap type (it may define __hash__)
  if ((tpFlags(t) & TPF_TYPE_SUBCLASS) != 0 && (tpFlags(t) & TPF_STATIC) != 0) return pointerHash(o);
  incref(o);
  const r = hostHash(<u32>o, <u32>hashOut);
  decref(o);
  if (r < 0) {
    setStatus(STATUS_ERROR);
    return HASH_ERROR;
  }
  return load<i64>(hashOut);
}

/** CPython 3.11's tuple hash (xxHash-based). */
export function tupleHash(t: usize): i64 {
  const n = obSize(t);
  let acc: u64 = 2870177450012600261;
  for (let i = 0; i < n; i++) {
    const lane = objHash(getRef(t + TUPLE_ITEMS + (<usize>i << 3)));
    if (lane == -1) return HASH_ERROR;
    acc += <u64>lane * 14029467366897019727;
    acc = rotl<u64>(acc, 31);
    acc *= 11400714785074694791;
  }
  acc += <u64>n ^ (2870177450012600261 ^ 3527539);
  if (acc == <u64>-1) return 1546275796;
  return <i64>acc;
}

/** a == b for lookups (identity already ruled out by the caller): 1, 0, or -1 with STATUS_ERROR. */
export function objEq(a: usize, b: usize): i32 {
  if (a == b) return 1;
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta == tStr && tb == tStr) return strEq(a, b) ? 1 : 0;
  const aInt = ta == tInt || ta == tBool;
  const bInt = tb == tInt || tb == tBool;
  if (aInt && bInt) return intEq(a, b) ? 1 : 0;
  if (ta == tFloat && tb == tFloat) return floatValue(a) == floatValue(b) ? 1 : 0;
  if (ta == tBytes && tb == tBytes) return bytesEq(a, b) ? 1 : 0;
  if ((aInt && tb == tFloat) || (ta == tFloat && bInt)) {
    const i = aInt ? a : b;
    const f = aInt ? floatValue(b) : floatValue(a);
    if (f != Math.floor(f) || !isFinite(f)) return 0;
    const size = obSize(i);
    if (size >= -2 && size <= 2) {
      if (Math.abs(f) >= 1.152921504606847e18) return 0; // 2^60 > any 2-digit int
      return intToI64(i) == <i64>f ? 1 : 0;
    }
    return intEqIntegralFloat(i, f) ? 1 : 0;
  }
  const coreA = ta == tStr || aInt || ta == tFloat || ta == tBytes || ta == tNone;
  const coreB = tb == tStr || bInt || tb == tFloat || tb == tBytes || tb == tNone;
  if (coreA && coreB) return 0;
  if (ta == tTuple && tb == tTuple) {
    const n = obSize(a);
    if (n != obSize(b)) return 0;
    for (let i = 0; i < n; i++) {
      const r = objEq(getRef(a + TUPLE_ITEMS + (<usize>i << 3)), getRef(b + TUPLE_ITEMS + (<usize>i << 3)));
      if (r != 1) return r;
    }
    return 1;
  }
  incref(a);
  incref(b);
  const r = hostEq(<u32>a, <u32>b);
  decref(b);
  decref(a);
  if (r < 0) {
    setStatus(STATUS_ERROR);
    return -1;
  }
  return r;
}
