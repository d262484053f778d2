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
  if (withSource && e.text) {
    // the line as python3 holds it (ending in its line break); shown without its leading blanks, trailing
    // blanks kept
    const text = e.text.replace(/\n$/, "");
    const lead = text.length - text.replace(/^[ \t\f]+/, "").length;
    out += `    ${text.slice(lead)}\n`;
    // the caret stops at the line's end; a span over several lines runs to the first line's end; an end
    // before the start (or none) is one caret
    const start = Math.min(e.offset, text.length + 1);
    let end = e.end_lineno > e.lineno ? text.length + 1 : Math.min(e.end_offset, text.length + 2);
    // (a range only for SyntaxError itself: its subclasses get one caret)
    if (end <= start || e.type !== "SyntaxError") end = start + 1;
    // no caret when the offset falls in the leading blanks (or is 0: an error at the end of the input)
    if (start - 1 >= lead) out += `    ${" ".repeat(start - 1 - lead)}${"^".repeat(end - start)}\n`;
  }
  out += `${e.type}: ${e.msg}\n`;
  return out;
}

/** A script's (or, with `prompt`, an interactive input's: no source line under a warning) syntax error as python3
 *  prints it, after the warnings the tokenizer and the compiler gave before it. */
export function syntaxErrorText(e: PySyntaxError, prompt: boolean): string {
  let out = "";
  for (const w of e.warnings) out += `${w.filename}:${w.lineno}: ${w.category}: ${w.message}\n${prompt ? "" : `  ${w.text}\n`}`;
  return out + formatSyntaxError(e.info.atEnd ? { ...e.info, offset: 0 } : e.info);
}
