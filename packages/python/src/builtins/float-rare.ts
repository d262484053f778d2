/**
 * float.hex(), float.fromhex() and float.as_integer_ratio() (builtins/methods.ts installs them), which few
 * programs call: kept out of methods.ts so that the page can leave them in its on-demand chunk
 * (apps/web/bundler/lazy.ts).
 */
import type { Obj } from "../vm/heap-api.js";
import type { VM } from "../vm/vm.js";

/** float.hex(): sign, 0x, the leading digit, 13 hex digits of the 52-bit fraction, p and the exponent. */
export function floatHex(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0);
  const sign = hi >>> 31 ? "-" : "";
  const e = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(dv.getUint32(4));
  if (e === 0 && frac === 0n) return `${sign}0x0.0p+0`;
  const exp = e === 0 ? -1022 : e - 1023;
  return `${sign}0x${e === 0 ? 0 : 1}.${frac.toString(16).padStart(13, "0")}p${exp >= 0 ? "+" : ""}${exp}`;
}

/** float.fromhex(s): the value of a hexadecimal float string (ValueError for anything else). */
export function floatFromHex(vm: VM, s: string): number {
  const t = s.trim();
  const m = /^([+-])?(?:(inf(?:inity)?)|(nan)|(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?)$/i.exec(t);
  if (!m || (!m[2] && !m[3] && !(m[4] || m[5]))) vm.raise("ValueError", "invalid hexadecimal floating-point string");
  const neg = m[1] === "-";
  if (m[2]) return neg ? -Infinity : Infinity;
  if (m[3]) return NaN;
  const digits = (m[4] ?? "") + (m[5] ?? "");
  const mant = digits ? BigInt("0x" + digits) : 0n;
  const exp = Number(m[6] ?? "0") - 4 * (m[5] ?? "").length;
  let v = Number(mant) * 2 ** Math.max(exp, -1074);
  if (exp < -1074) v *= 2 ** (exp + 1074);
  if (!Number.isFinite(v)) vm.raise("OverflowError", "hexadecimal value too large to represent as a float");
  return neg ? -v : v;
}

/** float.as_integer_ratio(): the smallest numerator and positive denominator of the value (a new tuple). */
export function floatRatio(vm: VM, x: number): Obj {
  if (!Number.isFinite(x)) vm.raise(Number.isNaN(x) ? "ValueError" : "OverflowError", Number.isNaN(x) ? "cannot convert NaN to integer ratio" : "cannot convert Infinity to integer ratio");
  let den = 1n;
  while (!Number.isInteger(x)) {
    x *= 2;
    den *= 2n;
  }
  let num = BigInt(x);
  while (num % 2n === 0n && den > 1n) {
    num /= 2n;
    den /= 2n;
  }
  return vm.h.newTupleSteal([vm.newInt(num), vm.newInt(den)]);
}
