/**
 * Fast paths of the eval loop on exact ints of at most one 30-bit digit (CPython's "medium" ints): the
 * operands are read straight from the heap's memory as JS numbers, with no BigInt and no call. They give
 * the same values and make the same allocations as the general paths in ops.ts, which handle every other
 * case (bool, int subclasses, bigger ints, shifts, `**`, division by zero, results past 2^53).
 */
import { abi } from "@pyheap/heap";
import type { Obj } from "./heap-api.js";

const OB_TYPE = abi.OB_TYPE;
const OB_SIZE = abi.OB_SIZE;
const INT_DIGITS = abi.INT_DIGITS;

/**
 * The value of `a <op> b` (BINARY_OP's argument; in-place forms too) when a and b are exact ints of at most
 * one digit and the operation is one of + - * // % & | ^ with an exact result below 2^53; NaN otherwise.
 */
export function smallIntBinary(m: Int32Array, intType: Obj, a: Obj, b: Obj, op: number): number {
  if (m[(a + OB_TYPE) >>> 2]! >>> 0 !== intType || m[(b + OB_TYPE) >>> 2]! >>> 0 !== intType) return NaN;
  const sa = m[(a + OB_SIZE) >>> 2]!;
  const sb = m[(b + OB_SIZE) >>> 2]!;
  if (sa < -1 || sa > 1 || sb < -1 || sb > 1) return NaN;
  const x = sa === 0 ? 0 : sa * m[(a + INT_DIGITS) >>> 2]!;
  const y = sb === 0 ? 0 : sb * m[(b + INT_DIGITS) >>> 2]!;
  switch (op >= 13 ? op - 13 : op) {
    case 0:
      return x + y;
    case 10:
      return x - y;
    case 5: {
      const r = x * y;
      return r <= 9007199254740991 && r >= -9007199254740991 ? r : NaN;
    }
    case 2:
      return y === 0 ? NaN : Math.floor(x / y);
    case 6: {
      if (y === 0) return NaN;
      const r = x % y;
      if (r === 0) return 0;
      return (r < 0) !== (y < 0) ? r + y : r;
    }
    case 1:
      return x & y;
    case 7:
      return x | y;
    case 12:
      return x ^ y;
    default:
      return NaN;
  }
}

/** COMPARE_OP on two exact ints of at most one digit: 1 (true), 0 (false), or -1 when not applicable. */
export function smallIntCompare(m: Int32Array, intType: Obj, a: Obj, b: Obj, op: number): number {
  if (m[(a + OB_TYPE) >>> 2]! >>> 0 !== intType || m[(b + OB_TYPE) >>> 2]! >>> 0 !== intType) return -1;
  const sa = m[(a + OB_SIZE) >>> 2]!;
  const sb = m[(b + OB_SIZE) >>> 2]!;
  if (sa < -1 || sa > 1 || sb < -1 || sb > 1) return -1;
  const x = sa === 0 ? 0 : sa * m[(a + INT_DIGITS) >>> 2]!;
  const y = sb === 0 ? 0 : sb * m[(b + INT_DIGITS) >>> 2]!;
  let r: boolean;
  switch (op) {
    case 0:
      r = x < y;
      break;
    case 1:
      r = x <= y;
      break;
    case 2:
      r = x === y;
      break;
    case 3:
      r = x !== y;
      break;
    case 4:
      r = x > y;
      break;
    default:
      r = x >= y;
  }
  return r ? 1 : 0;
}
