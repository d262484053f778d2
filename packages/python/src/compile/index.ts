/**
 * The compiler's public surface: source text → CompiledUnit (module code object, constants, warnings),
 * the REPL's statement splitter, and the disassembler. Errors in the program come back as PySyntaxError
 * (with a structured CompileError); nothing here touches the heap.
 */
import { parseModule } from "../parse/parser.js";
import { LineMap, PySyntaxError } from "../parse/errors.js";
import { foldModule } from "./fold.js";
import { buildSymtable } from "./symtable.js";
import { Unit, compileUnit } from "./codegen.js";
import type { CompiledUnit, CompileError } from "./code.js";

export type { CodeObject, Const, CompiledUnit, CompileError, CompileWarning, ExceptionTableEntry } from "./code.js";
export { CodeFlag, LocalKind, opAt, argAt, lineAt } from "./code.js";
export { Op, OP_NAMES, HAVE_ARGUMENT, BINARY_OP_SYMBOLS, COMPARE_OP_SYMBOLS, isJump } from "./opcodes.js";
export type { BinaryOpArg, CompareOpArg, MakeFunctionFlag, FormatValueArg, ResumeArg } from "./opcodes.js";
export { disassemble, constRepr } from "./disassemble.js";
export { splitInteractive, type InteractiveChunk } from "./interactive.js";
export { PySyntaxError };

/**
 * How the source is compiled: "exec" a script or module (one compilation unit), "single" one statement
 * typed at the interactive prompt (expression statements echo their value with PRINT_EXPR).
 */
export type CompileMode = "exec" | "single";

/**
 * Compiles one compilation unit. Throws PySyntaxError (its `info` is a CompileError) when CPython would
 * reject the program at compile time. The result owns no heap memory.
 */
export function compileModule(source: string, filename: string, mode: CompileMode = "exec"): CompiledUnit {
  const lines = new LineMap(source);
  const mod = parseModule(source, filename, mode === "single");
  foldModule(mod);
  const symtable = buildSymtable(mod, lines, filename);
  const unit = new Unit(symtable, lines, { filename, interactive: mode === "single" });
  const code = compileUnit(mod, unit);
  const warnings =
    mode === "single" ? unit.warnings.map((w) => ({ ...w, text: "" })) : unit.warnings;
  return { code, constants: unit.consts.all, warnings };
}

/** Like compileModule, but returns the CompileError instead of throwing it. */
export function tryCompile(
  source: string,
  filename: string,
  mode: CompileMode = "exec",
): { ok: true; unit: CompiledUnit } | { ok: false; error: CompileError } {
  try {
    return { ok: true, unit: compileModule(source, filename, mode) };
  } catch (e) {
    if (e instanceof PySyntaxError) return { ok: false, error: e.info };
    throw e;
  }
}
