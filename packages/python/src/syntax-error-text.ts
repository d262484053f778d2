/**
 * The text python3 prints for a program it cannot compile: the warnings shown before the error, then the
 * error with its source line and carets (no traceback). The page loads it on demand (apps/web/bundler/lazy.ts):
 * a program with a syntax error is no first diagram's.
 */
import type { CompileError } from "./compile/code.js";
import type { PySyntaxError } from "./parse/errors.js";

/** Format a compile error as CPython prints it (no traceback). */
export function formatSyntaxError(e: CompileError, withSource = true): string {
  let out = `  File "${e.filename}", line ${e.lineno}\n`;
  // an unexpected indent has no end (CPython's end_offset -1): the line is shown without a caret
  const noCaret = e.msg === "unexpected indent";
  if (withSource && e.text && noCaret) out += `    ${e.text.replace(/\n$/, "").trim()}\n`;
  else if (withSource && e.text) {
    const raw = e.text.replace(/\n$/, "");
    const stripped = raw.trimStart();
    const lead = raw.length - stripped.length;
    out += `    ${stripped.replace(/\s+$/, "")}\n`;
    let start = e.offset;
    let end = e.end_lineno > e.lineno || e.end_offset < e.offset || e.type === "IndentationError" ? e.offset + 1 : e.end_offset;
    if (e.end_lineno > e.lineno) end = raw.length + 1;
    if (end <= start) end = start + 1;
    start = Math.max(0, start - 1 - lead);
    out += `    ${" ".repeat(start)}${"^".repeat(Math.max(1, end - e.offset))}\n`;
  }
  out += `${e.type}: ${e.msg}\n`;
  return out;
}

/** A script's (or, with `prompt`, an interactive input's: no source line under a warning) syntax error as python3
 *  prints it, after the warnings the tokenizer and the compiler gave before it. */
export function syntaxErrorText(e: PySyntaxError, prompt: boolean): string {
  let out = "";
  for (const w of e.warnings) out += `${w.filename}:${w.lineno}: ${w.category}: ${w.message}\n${prompt ? "" : `  ${w.text}\n`}`;
  return out + formatSyntaxError(e.info);
}
