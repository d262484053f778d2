/**
 * complex ** complex as python3 computes it: an integral exponent up to 100 in size by repeated squaring
 * (a negative one as 1 over that, divided as python3 divides complex numbers), any other through the
 * polar form (|a| ** b.real, the angle times b.real, with b.imag's factor and turn), using the correctly
 * rounded pow, exp, log, cos and sin (objects/libm.ts).
 */
import type { Obj } from "../vm/heap-api.js";
import type { VM } from "../vm/vm.js";
import { crCos, crExp, crLog, crPow, crSin } from "./libm.js";

type C = [number, number];

const prod = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];

/** a / b by the ratio of b's smaller part to its larger (null: b is zero). */
function quot(a: C, b: C): C | null {
  const [br, bi] = b;
  if (Math.abs(br) >= Math.abs(bi)) {
    if (br === 0) return null;
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (Math.abs(bi) >= Math.abs(br)) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

/** (ar + ai j) ** (br + bi j) as two floats; "zero": python3's ZeroDivisionError (zero to a negative or
 *  complex power); "overflow": its OverflowError (an infinite part). The compiler folds constant powers
 *  with it (an error leaves the expression unfolded, as 3.11's optimizer does). */
export function complexPowValue(ar: number, ai: number, br: number, bi: number): C | "zero" | "overflow" {
  let r: C | null;
  if (bi === 0 && br === Math.floor(br) && Math.abs(br) <= 100) {
    const n = Math.abs(br);
    let p: C = [ar, ai];
    r = [1, 0];
    for (let mask = 1; n >= mask; mask *= 2) {
      if (n & mask) r = prod(r, p);
      p = prod(p, p);
    }
    if (br < 0) r = quot([1, 0], r);
  } else if (br === 0 && bi === 0) r = [1, 0];
  else if (ar === 0 && ai === 0) r = bi !== 0 || br < 0 ? null : [0, 0];
  else {
    const vabs = Math.hypot(ar, ai);
    const at = Math.atan2(ai, ar);
    let len = crPow(vabs, br);
    let phase = at * br;
    if (bi !== 0) {
      len /= crExp(at * bi);
      phase += bi * crLog(vabs);
    }
    r = [len * crCos(phase), len * crSin(phase)];
  }
  if (!r) return "zero";
  if (Math.abs(r[0]) === Infinity || Math.abs(r[1]) === Infinity) return "overflow";
  return r;
}

/** (ar + ai j) ** (br + bi j): a new complex, or python3's ZeroDivisionError or OverflowError. */
export function complexPow(vm: VM, ar: number, ai: number, br: number, bi: number): Obj {
  const r = complexPowValue(ar, ai, br, bi);
  if (r === "zero") vm.raise("ZeroDivisionError", "0.0 to a negative or complex power");
  if (r === "overflow") vm.raise("OverflowError", "complex exponentiation");
  return vm.newComplex(r[0], r[1]);
}
