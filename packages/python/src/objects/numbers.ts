/**
 * Parsing numbers from text as `int(s, base)` and `float(s)` do (underscores, prefixes, whitespace,
 * "inf"/"nan"), with CPython's error messages.
 */
import { PyErr } from "./errors.js";
import { strRepr } from "./str-repr.js";

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

/** `int(s, base)`; raises ValueError("invalid literal for int() with base N: 's'"). */
export function parseIntLiteral(text: string, base: number): bigint {
  if (base !== 0 && (base < 2 || base > 36)) throw new PyErr("ValueError", "int() base must be >= 2 and <= 36, or 0");
  // the text's repr is cut at 200 characters (CPython's %.200R)
  const bad = () => new PyErr("ValueError", `invalid literal for int() with base ${base}: ${Array.from(strRepr(text)).slice(0, 200).join("")}`);
  let s = text.trim().toLowerCase();
  let neg = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  let b = base;
  const pre = s.slice(0, 2);
  if ((b === 0 || b === 16) && pre === "0x") {
    b = 16;
    s = s.slice(2);
  } else if ((b === 0 || b === 8) && pre === "0o") {
    b = 8;
    s = s.slice(2);
  } else if ((b === 0 || b === 2) && pre === "0b") {
    b = 2;
    s = s.slice(2);
  } else if (b === 0) {
    b = 10;
    if (/^0+[1-9]/.test(s.replace(/_/g, ""))) throw bad();
  }
  // one underscore may follow a base prefix (0x_1f), never start the digits
  if (s.startsWith("_")) {
    if (pre !== "0x" && pre !== "0o" && pre !== "0b") throw bad();
    s = s.slice(1);
  }
  if (!s || s.endsWith("_") || s.includes("__")) throw bad();
  s = s.replace(/_/g, "");
  if (!s) throw bad();
  let v = 0n;
  const bb = BigInt(b);
  for (const ch of s) {
    const d = DIGITS.indexOf(ch);
    if (d < 0 || d >= b) throw bad();
    v = v * bb + BigInt(d);
  }
  if (b === 10 && s.length > 4300) throw new PyErr("ValueError", "Exceeds the limit (4300 digits) for integer string conversion: value has " + s.length + " digits; use sys.set_int_max_str_digits() to increase the limit");
  return neg ? -v : v;
}

/** `float(s)`; null when the text is not a float literal. */
export function parseFloatLiteral(text: string): number | null {
  let s = text.trim().toLowerCase();
  if (!s) return null;
  let sign = 1;
  if (s[0] === "+" || s[0] === "-") {
    if (s[0] === "-") sign = -1;
    s = s.slice(1);
  }
  if (s === "inf" || s === "infinity") return sign * Infinity;
  if (s === "nan") return NaN;
  if (/__|^_|_$|_\.|\._|_e|e_/.test(s)) return null;
  s = s.replace(/_/g, "");
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return null;
  return sign * Number(s);
}
