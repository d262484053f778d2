/**
 * A `dis`-like listing of a code object and its nested code objects (3.11's layout, with instruction
 * indices where `dis` shows byte offsets). Used by tests on failure and by the CLI.
 */
import type { CodeObject, Const } from "./code.js";
import { BINARY_OP_SYMBOLS, COMPARE_OP_SYMBOLS, OP_NAMES, Op, isJump } from "./opcodes.js";
import { floatRepr } from "../objects/float-format.js";
import { bytesRepr, strRepr } from "../objects/str-repr.js";

export { floatRepr };

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
