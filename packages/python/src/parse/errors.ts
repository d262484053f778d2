/**
 * The exception the parser and compiler throw for a user's syntax problem. It carries a structured
 * CompileError (see compile/code.ts) that the run layer prints in CPython's format.
 */
import type { CompileError, CompileWarning } from "../compile/code.js";

/** Thrown by parse/compile for a program CPython would reject at compile time. */
export class PySyntaxError extends Error {
  /** The warnings python3 shows before the error: the tokenizer's, then the compiler's (compile/index.ts). */
  warnings: readonly CompileWarning[] = [];
  constructor(readonly info: CompileError) {
    super(`${info.type}: ${info.msg} (${info.filename}, line ${info.lineno})`);
    this.name = "PySyntaxError";
  }
}

/** Maps offsets of a source text to 1-based lines and 0-based columns. */
export class LineMap {
  readonly starts: number[] = [0];
  constructor(readonly source: string) {
    for (let i = 0; i < source.length; i++) {
      if (source.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }
  /** 1-based line of an offset. */
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  /** 0-based column of an offset. */
  col(offset: number): number {
    return offset - this.starts[this.line(offset) - 1]!;
  }
  /** Text of a 1-based line without its line break ("" past the end). */
  lineText(line: number): string {
    if (line < 1 || line > this.starts.length) return "";
    const start = this.starts[line - 1]!;
    const next = line < this.starts.length ? this.starts[line]! - 1 : this.source.length;
    let text = this.source.slice(start, next);
    if (text.endsWith("\r")) text = text.slice(0, -1);
    return text;
  }
}

/** Builds a SyntaxError (or IndentationError) at a 1-based line and 0-based column range. */
export function syntaxErrorAt(
  lines: LineMap,
  filename: string,
  msg: string,
  line: number,
  col: number,
  endLine = line,
  endCol = col + 1,
  type: "SyntaxError" | "IndentationError" | "TabError" = "SyntaxError",
): PySyntaxError {
  return new PySyntaxError({
    type,
    msg,
    filename,
    lineno: line,
    offset: col + 1,
    end_lineno: endLine,
    end_offset: endCol + 1,
    text: lines.lineText(line),
  });
}
