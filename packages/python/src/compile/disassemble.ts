/**
 * A `dis`-like listing of a code object and its nested code objects (3.11's layout, with instruction
 * indices where `dis` shows byte offsets). Used by tests on failure and by the CLI.
 */
import type { CodeObject, Const } from "./code.js";
import { BINARY_OP_SYMBOLS, COMPARE_OP_SYMBOLS, OP_NAMES, Op, isJump } from "./opcodes.js";

/** Python's repr() of a float: shortest round-trip digits, fixed notation for exponents -4..15. */
export function floatRepr(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const sign = v < 0 ? "-" : "";
  const [mant, expText] = Math.abs(v).toExponential().split("e") as [string, string];
  const digits = mant.replace(".", "");
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) {
    let out: string;
    if (exp >= digits.length - 1) out = digits + "0".repeat(exp - digits.length + 1) + ".0";
    else if (exp >= 0) out = digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
    else out = "0." + "0".repeat(-exp - 1) + digits;
    return sign + out;
  }
  const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
  const e = Math.abs(exp).toString().padStart(2, "0");
  return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
}

function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + quote;
}

function bytesRepr(b: Uint8Array): string {
  const hasSingle = b.includes(0x27);
  const hasDouble = b.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = "b" + quote;
  for (const c of b) {
    if (c === 0x5c) out += "\\\\";
    else if (String.fromCharCode(c) === quote) out += "\\" + quote;
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

/** Python's repr of a constant (code objects shown as `<code object NAME, line N>`). */
export function constRepr(c: Const): string {
  switch (c.kind) {
    case "none": return "None";
    case "bool": return c.value ? "True" : "False";
    case "ellipsis": return "Ellipsis";
    case "int": return c.value.toString();
    case "float": return floatRepr(c.value);
    case "complex": {
      const im = floatRepr(c.imag).replace(/\.0$/, "");
      if (c.real === 0 && !Object.is(c.real, -0)) return `${im}j`;
      const re = floatRepr(c.real).replace(/\.0$/, "");
      return `(${re}${c.imag < 0 || Object.is(c.imag, -0) ? "" : "+"}${im}j)`;
    }
    case "str": return strRepr(c.value);
    case "bytes": return bytesRepr(c.value);
    case "tuple":
      return c.items.length === 1 ? `(${constRepr(c.items[0]!)},)` : `(${c.items.map(constRepr).join(", ")})`;
    case "frozenset":
      return c.items.length ? `frozenset({${c.items.map(constRepr).join(", ")}})` : "frozenset()";
    case "code":
      return `<code object ${c.code.co_name}, file "${c.code.co_filename}", line ${c.code.co_firstlineno}>`;
  }
}

function argText(code: CodeObject, op: Op, arg: number): string {
  switch (op) {
    case Op.LOAD_CONST:
    case Op.KW_NAMES:
      return constRepr(code.co_consts[arg]!);
    case Op.LOAD_NAME: case Op.STORE_NAME: case Op.DELETE_NAME: case Op.LOAD_ATTR: case Op.STORE_ATTR:
    case Op.DELETE_ATTR: case Op.STORE_GLOBAL: case Op.DELETE_GLOBAL: case Op.IMPORT_NAME: case Op.IMPORT_FROM:
    case Op.LOAD_METHOD:
      return code.co_names[arg]!;
    case Op.LOAD_GLOBAL:
      return (arg & 1 ? "NULL + " : "") + code.co_names[arg >> 1]!;
    case Op.LOAD_FAST: case Op.STORE_FAST: case Op.DELETE_FAST: case Op.MAKE_CELL: case Op.LOAD_CLOSURE:
    case Op.LOAD_DEREF: case Op.STORE_DEREF: case Op.DELETE_DEREF: case Op.LOAD_CLASSDEREF:
      return code.co_localsplusnames[arg]!;
    case Op.BINARY_OP:
      return BINARY_OP_SYMBOLS[arg] ?? "?";
    case Op.COMPARE_OP:
      return COMPARE_OP_SYMBOLS[arg] ?? "?";
    case Op.FORMAT_VALUE: {
      const conv = ["", "str", "repr", "ascii"][arg & 3]!;
      return [conv, arg & 4 ? "with format" : ""].filter(Boolean).join(", ");
    }
    case Op.MAKE_FUNCTION: {
      const parts = ["defaults", "kwdefaults", "annotations", "closure"].filter((_, i) => arg & (1 << i));
      return parts.join(", ");
    }
    default:
      return isJump(op) ? `to ${arg}` : "";
  }
}

/** Disassembles one code object and, recursively, the code objects among its constants. */
export function disassemble(code: CodeObject): string {
  const out: string[] = [];
  const n = code.co_ninstructions;
  const targets = new Set<number>();
  for (let i = 0; i < n; i++) if (isJump(code.co_code[2 * i] as Op)) targets.add(code.co_code[2 * i + 1]!);
  for (const e of code.co_exceptiontable) targets.add(e.target);
  let lastLine = -2;
  for (let i = 0; i < n; i++) {
    const op = code.co_code[2 * i] as Op;
    const arg = code.co_code[2 * i + 1]!;
    const line = code.co_positions[4 * i]!;
    let lineCol = "    ";
    if (line !== lastLine && line !== -1) {
      if (i > 0) out.push("");
      lineCol = String(line).padStart(4);
      lastLine = line;
    }
    const mark = targets.has(i) ? ">>" : "  ";
    const name = OP_NAMES[op] ?? `<${op}>`;
    const hasArg = op >= 90;
    let text = `${lineCol} ${mark} ${String(i).padStart(5)} ${name.padEnd(28)}`;
    if (hasArg) {
      text += ` ${String(arg).padStart(3)}`;
      const t = argText(code, op, arg);
      if (t) text += ` (${t})`;
    }
    out.push(text.trimEnd());
  }
  if (code.co_exceptiontable.length) {
    out.push("ExceptionTable:");
    for (const e of code.co_exceptiontable) {
      out.push(`  ${e.start} to ${e.end - 1} -> ${e.target} [${e.depth}]${e.lasti ? " lasti" : ""}`);
    }
  }
  for (const c of code.co_consts) {
    if (c.kind === "code") {
      out.push("");
      out.push(`Disassembly of ${constRepr(c)}:`);
      out.push(disassemble(c.code));
    }
  }
  return out.join("\n");
}
