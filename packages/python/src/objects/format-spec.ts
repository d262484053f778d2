/**
 * The format-specification mini-language of `format()`, f-strings and `str.format` for int, float and
 * str, with CPython 3.11's results and error messages.
 *
 * Relies on: float-format.ts for digits. Pure functions over JS values.
 */
import { PyErr, valueError } from "./errors.js";
import { overIntLimit } from "./numbers.js";
import { roundDigits, fixedFromDigits, floatRepr, shortestDigits } from "./float-format.js";
import { exactDigits, expFromDigits, generalFromDigits } from "./float-exact.js";

/** A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`. */
export interface FormatSpec {
  fill: string;
  align: "" | "<" | ">" | "^" | "=";
  sign: "" | "+" | "-" | " ";
  alt: boolean;
  zero: boolean;
  /** 'z': a negative zero (after rounding) loses its sign (floats only). */
  noNeg0: boolean;
  width: number;
  grouping: "" | "," | "_";
  precision: number;
  type: string;
}

/** Parse a format spec; raises ValueError("Invalid format specifier…") like CPython. */
/**
 * parse_internal_render_format_spec: `defaultType` is the presentation type when the spec has none ('d'
 * for int, '' for float, 's' for str), `defaultAlign` the alignment ('>' for numbers, '<' for str). A
 * leading '0' without an explicit fill pads with zeros, aligned after the sign ('=') only for numbers
 * with no explicit alignment; ',' and '_' are checked against the presentation type here, as in CPython.
 */
export function parseSpec(spec: string, typeName: string, defaultType = "", defaultAlign = ">"): FormatSpec {
  const out: FormatSpec = { fill: " ", align: "", sign: "", alt: false, zero: false, noNeg0: false, width: -1, grouping: "", precision: -1, type: "" };
  let i = 0;
  const chars = [...spec];
  const isAlign = (c: string | undefined) => c === "<" || c === ">" || c === "^" || c === "=";
  let fillSpecified = false;
  if (chars.length >= 2 && isAlign(chars[1])) {
    out.fill = chars[0];
    out.align = chars[1] as FormatSpec["align"];
    fillSpecified = true;
    i = 2;
  } else if (isAlign(chars[0])) {
    out.align = chars[0] as FormatSpec["align"];
    i = 1;
  }
  if (chars[i] === "+" || chars[i] === "-" || chars[i] === " ") {
    out.sign = chars[i] as FormatSpec["sign"];
    i++;
  }
  if (chars[i] === "z") {
    out.noNeg0 = true;
    i++;
  }
  if (chars[i] === "#") {
    out.alt = true;
    i++;
  }
  if (!fillSpecified && chars[i] === "0") {
    out.zero = true;
    out.fill = "0";
    if (!out.align && defaultAlign === ">") out.align = "=";
    i++;
  }
  let w = "";
  while (i < chars.length && chars[i] >= "0" && chars[i] <= "9") w += chars[i++];
  if (w) out.width = Number(w);
  // ',' then '_' (an error together); a second ',' is left to be read as the type (',,' is "Cannot specify
  // ',' with ','." and ',,d' an invalid spec), as is a second '_'
  if (chars[i] === ",") {
    out.grouping = ",";
    i++;
  }
  if (chars[i] === "_") {
    if (out.grouping) valueError("Cannot specify both ',' and '_'.");
    out.grouping = "_";
    i++;
  }
  if (chars[i] === "," && out.grouping === "_") valueError("Cannot specify both ',' and '_'.");
  if (chars[i] === ".") {
    i++;
    let p = "";
    while (i < chars.length && chars[i] >= "0" && chars[i] <= "9") p += chars[i++];
    if (!p) valueError("Format specifier missing precision");
    out.precision = Number(p);
  }
  if (chars.length - i > 1) valueError("Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
  if (i < chars.length) out.type = chars[i];
  if (out.grouping) {
    const t = i < chars.length ? out.type : defaultType;
    const allowed = t === "" || "defgEG%F".includes(t) || (out.grouping === "_" && "boxX".includes(t));
    if (!allowed) valueError(`Cannot specify '${out.grouping}' with '${t}'.`);
  }
  return out;
}

function group(intDigits: string, sep: string, every: number): string {
  if (!sep) return intDigits;
  let out = "";
  let n = 0;
  for (let i = intDigits.length - 1; i >= 0; i--) {
    out = intDigits[i] + out;
    n++;
    if (n % every === 0 && i > 0) out = sep + out;
  }
  return out;
}

function pad(body: string, signStr: string, spec: FormatSpec, defaultAlign: "<" | ">"): string {
  const align = spec.align || defaultAlign;
  const total = [...body].length + [...signStr].length;
  if (spec.width <= total) return signStr + body;
  const n = spec.width - total;
  const fill = spec.fill;
  switch (align) {
    case "<":
      return signStr + body + fill.repeat(n);
    case ">":
      return fill.repeat(n) + signStr + body;
    case "^": {
      const left = Math.floor(n / 2);
      return fill.repeat(left) + signStr + body + fill.repeat(n - left);
    }
    case "=":
      return signStr + fill.repeat(n) + body;
  }
}

/** Group digits with zero padding counted in, as CPython does for `{:0=12,}`. */
function groupedZeroPad(intDigits: string, spec: FormatSpec, signLen: number, suffixLen: number): string {
  if (spec.align !== "=" || spec.fill !== "0" || !spec.grouping || spec.width <= 0) return intDigits;
  const every = 3;
  let d = intDigits;
  for (;;) {
    const g = group(d, spec.grouping, every);
    if (g.length + signLen + suffixLen >= spec.width) return d;
    d = "0" + d;
  }
}

function signOf(neg: boolean, spec: FormatSpec): string {
  if (neg) return "-";
  if (spec.sign === "+") return "+";
  if (spec.sign === " ") return " ";
  return "";
}

/** `format(n, spec)` for an int (or bool treated as int). */
export function formatInt(n: bigint, specText: string, typeName = "int", maxDigits = 0): string {
  const spec = parseSpec(specText, typeName, "d");
  const t = spec.type;
  if ("eEfFgG%".includes(t) && t !== "") return formatFloat(Number(n), specText, typeName, true);
  if (spec.precision >= 0) valueError("Precision not allowed in integer format specifier");
  if (spec.noNeg0) valueError("Negative zero coercion (z) not allowed in integer format specifier");
  if (t === "c") {
    if (spec.sign) valueError("Sign not allowed with integer format specifier 'c'");
    return pad(String.fromCodePoint(Number(n)), "", spec, "<");
  }
  let base = 10;
  let prefix = "";
  switch (t) {
    case "":
    case "d":
    case "n":
      break;
    case "b":
      base = 2;
      prefix = "0b";
      break;
    case "o":
      base = 8;
      prefix = "0o";
      break;
    case "x":
      base = 16;
      prefix = "0x";
      break;
    case "X":
      base = 16;
      prefix = "0X";
      break;
    default:
      throw new PyErr("ValueError", `Unknown format code '${t}' for object of type '${typeName}'`);
  }
  if (spec.grouping === "," && base !== 10) valueError(`Cannot specify ',' with '${t}'.`);
  const neg = n < 0n;
  let digits = (neg ? -n : n).toString(base);
  const over = base === 10 ? overIntLimit(digits.length, maxDigits) : null;
  if (over) throw over;
  if (t === "X") digits = digits.toUpperCase();
  const signStr = signOf(neg, spec) + (spec.alt ? prefix : "");
  const every = base === 10 ? 3 : 4;
  if (spec.align === "=" && spec.fill === "0" && spec.grouping) {
    digits = groupedZeroPadBase(digits, spec, signStr.length, every);
  }
  return pad(group(digits, spec.grouping, every), signStr, spec, ">");
}

function groupedZeroPadBase(intDigits: string, spec: FormatSpec, signLen: number, every: number): string {
  let d = intDigits;
  for (;;) {
    const g = group(d, spec.grouping, every);
    if (g.length + signLen >= spec.width) return d;
    d = "0" + d;
  }
}

/** `format(x, spec)` for a float. */
export function formatFloat(x: number, specText: string, typeName = "float", fromInt = false): string {
  const spec = parseSpec(specText, typeName);
  let t = spec.type;
  if (!"eEfFgGn%".includes(t) || (t === "" && false)) {
    if (t !== "") throw new PyErr("ValueError", `Unknown format code '${t}' for object of type '${typeName}'`);
  }
  if (spec.alt && t === "" && false) t = "g";
  let neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body: string;
  let prec = spec.precision;
  const upper = t === "E" || t === "F" || t === "G";
  if (!Number.isFinite(x)) {
    body = Number.isNaN(x) ? "nan" : "inf";
    if (upper) body = body.toUpperCase();
    if (t === "%") body += "%";
  } else {
    switch (t) {
      case "":
        if (prec < 0) {
          body = floatRepr(ax);
        } else {
          body = noTypeWithPrecision(ax, prec === 0 ? 1 : prec, spec.alt);
        }
        break;
      case "f":
      case "F":
        body = fixedFromDigits(exactDigits(ax), prec < 0 ? 6 : prec);
        if (spec.alt && !body.includes(".")) body += ".";
        break;
      case "e":
      case "E":
        body = expFromDigits(exactDigits(ax), prec < 0 ? 6 : prec);
        if (spec.alt && !body.includes(".")) body = body.replace("e", ".e");
        if (t === "E") body = body.toUpperCase();
        break;
      case "g":
      case "G":
      case "n":
        body = generalFromDigits(exactDigits(ax), prec < 0 ? 6 : prec, spec.alt);
        if (t === "G") body = body.toUpperCase();
        break;
      case "%":
        body = fixedFromDigits(exactDigits(ax * 100), prec < 0 ? 6 : prec) + "%";
        if (spec.alt && !body.includes(".")) body = body.replace("%", ".%");
        break;
      default:
        throw new PyErr("ValueError", `Unknown format code '${t}' for object of type '${typeName}'`);
    }
  }
  // 'z': a value that rounds to zero is shown without its minus sign
  if (spec.noNeg0 && neg && Number.isFinite(x) && !/[1-9]/.test(body.replace(/e.*$/i, ""))) neg = false;
  // grouping applies to the integer part
  if (spec.grouping) {
    const m = /^(\d*)(.*)$/.exec(body)!;
    let intPart = m[1];
    const rest = m[2];
    const signStr0 = signOf(neg, spec);
    intPart = groupedZeroPad(intPart, spec, signStr0.length, rest.length);
    body = group(intPart, spec.grouping, 3) + rest;
  }
  return pad(body, signOf(neg, spec), spec, ">");
}

/** The float format with no type and a precision: 'g'-like, but at least one digit after the point. */
function noTypeWithPrecision(ax: number, prec: number, alt: boolean): string {
  const d = exactDigits(ax);
  const r = d.digits === "0" ? { digits: "0", decpt: 1 } : roundDigits(d, prec);
  const exp = r.digits === "0" ? 0 : r.decpt - 1;
  if (exp < -4 || exp >= prec - 1) {
    let s = expFromDigits(r, prec - 1);
    if (!alt) s = s.replace(/\.?0+e/, "e");
    return s;
  }
  let s = fixedFromDigits(r, Math.max(prec - 1 - exp, 0));
  if (!alt && s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  if (!s.includes(".")) s += ".0";
  return s;
}

/** `format(s, spec)` for a str. */
export function formatStr(s: string, specText: string, typeName = "str"): string {
  const spec = parseSpec(specText, typeName, "s", "<");
  if (spec.type !== "" && spec.type !== "s") throw new PyErr("ValueError", `Unknown format code '${spec.type}' for object of type '${typeName}'`);
  if (spec.sign) valueError("Sign not allowed in string format specifier");
  if (spec.noNeg0) valueError("Negative zero coercion (z) not allowed in string format specifier");
  if (spec.alt) valueError("Alternate form (#) not allowed in string format specifier");
  if (spec.align === "=") valueError("'=' alignment not allowed in string format specifier");
  let body = s;
  if (spec.precision >= 0) body = [...s].slice(0, spec.precision).join("");
  return pad(body, "", spec, "<");
}

/** `repr`-style shortest digits with the given options, used by float `__str__`. */
export function floatStr(x: number): string {
  return floatRepr(x);
}

export { shortestDigits };
