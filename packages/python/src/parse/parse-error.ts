/**
 * The SyntaxError CPython reports for the first error node of lezer's tree (found by syntax-errors.ts):
 * a Python 2 print statement, an f-string as a pattern, a compound statement's header without its ':',
 * two expressions side by side in brackets ("Perhaps you forgot a comma?"), else "invalid syntax".
 * Only a source with a syntax error gets here (in the page's build it is loaded on demand: apps/web/bundler/lazy.ts).
 */
import type { SyntaxNode } from "@lezer/common";
import type { LineMap, PySyntaxError } from "./errors.js";
import { syntaxErrorAt } from "./errors.js";

/** A syntax error found, with where it is and how to make it. */
export interface Problem {
  offset: number;
  /** The "'(' was never closed" error, found only at the end of the input. */
  eofBracket?: boolean;
  /** Tokenizer errors win over a generic parser error found earlier. */
  tokenizer: boolean;
  make: () => PySyntaxError;
}

/** The error to report for lezer's error node `n`; `generic` for plain "invalid syntax". */
export function describeParseError(n: SyntaxNode, source: string, lines: LineMap, filename: string): Problem & { generic: boolean } {
  // a Python 2 print statement (lezer knows it, possibly followed by an error)
  for (let p: SyntaxNode | null = n; p; p = p.parent) {
    const stmt = p.name === "PrintStatement" ? p : p.prevSibling?.name === "PrintStatement" ? p.prevSibling : null;
    if (stmt) {
      const line = lines.line(stmt.from);
      const text = lines.lineText(line);
      const end = text.replace(/\s*(#.*)?$/, "").length;
      return {
        offset: stmt.from,
        tokenizer: false,
        generic: false,
        make: () => syntaxErrorAt(lines, filename, "Missing parentheses in call to 'print'. Did you mean print(...)?", line, lines.col(stmt.from), line, end),
      };
    }
  }
  let offset = n.from;
  // A zero-length error sits where the parser stopped: report the next token.
  while (offset < source.length && /[ \t\f]/.test(source[offset]!)) offset++;
  const line = lines.line(offset);
  let col = lines.col(offset);
  let end = offset;
  while (end < source.length && /[\w]/.test(source[end]!)) end++;
  if (end === offset && offset < source.length && source[offset] !== "\n") end = offset + 1;
  if (offset >= source.length || source[offset] === "\n") {
    // error at end of a line or of the input
    col = lines.col(offset);
  }
  const endCol = col + Math.max(1, end - offset);
  // an f-string where a pattern should be: lezer has no such pattern, 3.11 names the rule it breaks
  let inCase = false;
  for (let p: SyntaxNode | null = n; p && !inCase; p = p.parent) inCase = p.name === "MatchClause" || p.name === "MatchBody";
  const fq = inCase ? /^(?:[fF][rR]?|[rR][fF])(['"])/.exec(source.slice(offset, offset + 3)) : null;
  if (fq) {
    let j = offset + fq[0].length;
    while (j < source.length && source[j] !== fq[1] && source[j] !== "\n") j += source[j] === "\\" ? 2 : 1;
    const stop = Math.min(j + 1, source.length);
    return {
      offset,
      tokenizer: false,
      generic: false,
      make: () => syntaxErrorAt(lines, filename, "patterns may only match literals and attribute lookups", line, col, line, col + (stop - offset)),
    };
  }
  // a compound statement's header without its ':'
  const COMPOUND = /^(IfStatement|WhileStatement|ForStatement|FunctionDefinition|ClassDefinition|TryStatement|WithStatement)$/;
  if (n.parent && COMPOUND.test(n.parent.name) && (offset >= source.length || source[offset] === "\n" || source[offset] === "\r")) {
    return {
      offset,
      tokenizer: false,
      generic: false,
      make: () => syntaxErrorAt(lines, filename, "expected ':'", line, col, line, col + 1),
    };
  }
  // two expressions side by side inside brackets: CPython suggests a comma
  const prev = n.prevSibling;
  const isExpr = (x: SyntaxNode | null) => !!x && /^(VariableName|Number|String|FormatString|ContinuedString|CallExpression|MemberExpression|BinaryExpression|UnaryExpression|ParenthesizedExpression|TupleExpression|ArrayExpression|DictionaryExpression|SetExpression|Boolean|None)$/.test(x.name);
  const parentBracket = n.parent && /^(ArgList|TupleExpression|ArrayExpression|SetExpression|DictionaryExpression|ParenthesizedExpression)$/.test(n.parent.name);
  if (parentBracket && isExpr(prev) && offset < source.length && /[\w'"(\[{]/.test(source[offset]!)) {
    const a = prev!;
    let bEnd = n.to > n.from ? n.to : end;
    if (n.to === n.from) {
      // the second expression follows the error node
      const next = n.nextSibling;
      bEnd = next && next.from >= offset ? next.to : end;
    }
    return {
      offset: a.from,
      tokenizer: false,
      generic: false,
      make: () =>
        syntaxErrorAt(lines, filename, "invalid syntax. Perhaps you forgot a comma?", lines.line(a.from), lines.col(a.from), lines.line(bEnd), lines.col(bEnd)),
    };
  }
  return {
    offset,
    tokenizer: false,
    generic: true,
    make: () => syntaxErrorAt(lines, filename, "invalid syntax", line, col, line, endCol),
  };
}
