/**
 * The compiler's public surface: source text → CompiledUnit (module code object, constants, warnings),
 * the REPL's statement splitter, and the disassembler. Errors in the program come back as PySyntaxError
 * (with a structured CompileError); nothing here touches the heap.
 */
import { parseModule } from "../parse/parser.js";
import { LineMap, PySyntaxError } from "../parse/errors.js";
import { numberWarnings } from "../parse/parse-error.js";
import { foldModule } from "./fold.js";
import { buildSymtable } from "./symtable.js";
import { Unit, compileEvalUnit, compileUnit } from "./codegen.js";
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
 * typed at the interactive prompt (expression statements echo their value with PRINT_EXPR), "eval" one
 * expression whose value the code object returns (`eval()`).
 */
export type CompileMode = "exec" | "single" | "eval";

/** Units compiled lately (most recent last), by mode, file name and source: a server runs the same
 *  programs again and again. A unit is never changed after compiling, so callers can share it. */
const cache = new Map<string, CompiledUnit>();
const CACHE_ENTRIES = 64;
const CACHE_MAX_SOURCE = 64 * 1024;

/** Forgets the units compiled so far (for measuring the compiler itself). */
export function clearCompileCache(): void {
  cache.clear();
}

/**
 * Compiles one compilation unit. Throws PySyntaxError (its `info` is a CompileError) when CPython would
 * reject the program at compile time. The result owns no heap memory and must not be modified (the same
 * unit is returned for the same source, file name and mode).
 */
export function compileModule(source: string, filename: string, mode: CompileMode = "exec"): CompiledUnit {
  if (source.length > CACHE_MAX_SOURCE) return compileFresh(source, filename, mode);
  const key = `${mode}\0${filename}\0${source}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const unit = compileFresh(source, filename, mode);
  cache.set(key, unit);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return unit;
}

function compileFresh(source: string, filename: string, mode: CompileMode): CompiledUnit {
  const lines = new LineMap(source);
  // NOTE: like compile(); the eval() builtin strips leading spaces and tabs before compiling
  const glued = /\b\d[\w.]*?(and|else|for|i[fns]|or|not)/.test(source);
  let parsed = false;
  let unit: Unit | undefined;
  let code;
  try {
    const mod = parseModule(source, filename, mode === "single");
    parsed = true;
    if (mode === "eval") {
      const only = mod.body[0];
      if (mod.body.length !== 1 || only!.k !== "Expr") {
        const p = mod.body[0]?.pos ?? { line: 1, col: 0, endLine: 1, endCol: 1 };
        throw new PySyntaxError({ type: "SyntaxError", msg: "invalid syntax", filename, lineno: p.line, offset: p.col + 1, end_lineno: p.line, end_offset: p.col + 2, text: lines.lineText(p.line) });
      }
    }
    foldModule(mod);
    const symtable = buildSymtable(mod, lines, filename);
    unit = new Unit(symtable, lines, { filename, interactive: mode === "single" });
    code = mode === "eval" ? compileEvalUnit(mod, unit) : compileUnit(mod, unit);
  } catch (e) {
    // the warnings python3 shows before the error: the tokenizer's about the numbers it read (all of them after
    // a parser's or the compiler's error, as python3 then reads the rest of the source; those before the error
    // after the tokenizer's own errors and an unexpected indent), then the compiler's issued before it
    if (e instanceof PySyntaxError) e.warnings = [...(glued ? numberWarnings(source, lines, filename, parsed ? undefined : e.info) : []), ...(unit?.warnings ?? [])];
    throw e;
  }
  // the tokenizer's warnings (a number glued to a keyword, `1if`) before the compiler's
  const u = unit!;
  if (glued) u.warnings.unshift(...numberWarnings(source, lines, filename));
  const warnings =
    mode === "single" ? u.warnings.map((w) => ({ ...w, text: "" })) : u.warnings;
  return { code: code!, constants: u.consts.all, warnings };
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
