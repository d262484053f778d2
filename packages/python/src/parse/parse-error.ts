/**
 * The SyntaxError CPython reports for the first error node of lezer's tree (found by syntax-errors.ts):
 * a Python 2 print statement, an f-string as a pattern, a compound statement's header without its ':',
 * two expressions side by side in brackets ("Perhaps you forgot a comma?"), else "invalid syntax".
 * Only a source with a syntax error gets here, or one with a digit glued to a keyword for numberWarnings
 * (in the page's build it is loaded on demand: apps/web/bundler/lazy.ts).
 */
import type { SyntaxNode } from "@lezer/common";
import type { LineMap, PySyntaxError } from "./errors.js";
import { syntaxErrorAt } from "./errors.js";
import type { CompileError, CompileWarning } from "../compile/code.js";

/** A syntax error found, with where it is and how to make it. */
export interface Problem {
  offset: number;
  /** The "'(' was never closed" error, found only at the end of the input. */
  eofBracket?: boolean;
  /** Tokenizer errors win over a generic parser error found earlier. */
  tokenizer: boolean;
  make: () => PySyntaxError;
}

/**
 * The error to report for lezer's error node `n`; `generic` for plain "invalid syntax". A number literal
 * CPython's tokenizer rejects (`2nd`, `0b12`, `1.5e`, `5j2`, `09` near an error) wins when it comes
 * before lezer's error or the parser's error is generic, as python3's tokenizer errors do.
 */
export function describeParseError(n: SyntaxNode, source: string, lines: LineMap, filename: string): Problem & { generic: boolean } {
  const p = describe(n, source, lines, filename);
  const bad = firstBadNumber(source);
  if (!bad || (bad[1] > n.to && !p.generic)) return p;
  const [msg, from, to] = bad;
  const line = lines.line(from);
  return { offset: from, tokenizer: true, generic: false, make: () => syntaxErrorAt(lines, filename, msg, line, lines.col(from), line, lines.col(to)) };
}

/** Where numberTrouble notes a keyword glued to a number literal (`1if`, `0x1for`): its offset and kind. */
let glued: [number, string][] | null = null;

/**
 * python3's tokenizer SyntaxWarnings for number literals followed at once by one of the keywords that may
 * follow a number ("and", "else", "for", "if", "in", "is", "not", "or"): "invalid decimal literal" and its
 * hexadecimal, octal, binary and imaginary forms, one per literal, at the keyword's line (compile/index.ts
 * asks when the source has a digit glued to such a word). With `err`, a parse error of the source: those python3
 * shows before it, all of them after a parser's error (python3 then reads the rest of the source), those before
 * it after the tokenizer's own errors and an unexpected indent.
 */
export function numberWarnings(source: string, lines: LineMap, filename: string, err?: CompileError): CompileWarning[] {
  const at: [number, string][] = (glued = []);
  firstBadNumber(source);
  glued = null;
  const stop = err && /^(unterminated|invalid (char|non-|digit|\w+ literal)|unindent|unmatched|closing paren|unexpected (char|indent|unindent)|leading zeros|too many nested|inconsistent)/.test(err.msg);
  return at.flatMap(([o, kind]) => {
    const line = lines.line(o);
    // (the column of the number's last character, where python3's tokenizer stands when it warns)
    const col = lines.col(o) - 1;
    if (stop && (line > err.lineno || (line === err.lineno && col >= err.offset - 1))) return [];
    return [{ category: "SyntaxWarning", message: `invalid ${kind} literal`, filename, lineno: line, text: lines.lineText(line).trim(), pos: { line, col, endLine: line, endCol: col } }];
  });
}

// the tokens that matter to find the numbers: comments, strings (group 1: the quote), names, a number's start
const TOKEN = /#.*|[rRbBuUfF]{0,2}('\'\'|"""|'|")|[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*|(\.?\d)|[^]/y;

/** The first number literal of the source CPython's tokenizer rejects, before any unterminated string. */
function firstBadNumber(s: string): [string, number, number] | null {
  TOKEN.lastIndex = 0;
  for (let m; (m = TOKEN.exec(s)); ) {
    const q = m[1];
    if (m[2]) {
      const r = numberTrouble(s, m.index);
      if (typeof r !== "number") return r;
      TOKEN.lastIndex = r;
    } else if (q) {
      let j = TOKEN.lastIndex;
      while (!s.startsWith(q, j)) {
        if (j >= s.length || (q.length < 3 && s[j] === "\n")) return null;
        j += s[j] === "\\" ? 2 : 1;
      }
      TOKEN.lastIndex = j + q.length;
    }
  }
  return null;
}

/**
 * What CPython's tokenizer makes of the number literal at `i` (its first character a digit or '.'): the
 * offset after it when it takes it (a keyword right after it, as in `1if`, is taken), else the message and
 * the first and last offsets of its caret.
 */
function numberTrouble(s: string, i: number): [string, number, number] | number {
  let p = i;
  const get = () => s[p++] ?? "\n";
  const dig = (c: string) => c >= "0" && c <= "9";
  const bad = (m: string, back = true): [string, number, number] => {
    if (back) p--;
    return [m, p - 1, p - 1];
  };
  // after the literal: a keyword may follow, a name's character may not
  const end = (c: string, kind: string) => {
    const kw = /^(and|else|for|i[fns]|or|not)/.test(s.slice(p - 1));
    if (kw) glued?.push([p - 1, kind]);
    return !kw && /[\w\u0080-\uffff]/.test(c) ? bad(`invalid ${kind} literal`) : p - 1;
  };
  // the digits after a digit, each '_' between two digits; null at a '_' without a digit after it
  const tail = (): string | null => {
    for (;;) {
      let c;
      do c = get();
      while (dig(c));
      if (c !== "_") return c;
      if (!dig(get())) return null;
    }
  };
  let c: string | null = get();
  if (c === "0") {
    c = get();
    const kind = { x: "hexadecimal", o: "octal", b: "binary" }[c.toLowerCase()];
    if (kind) {
      const ok = kind[0] === "h" ? /[\da-fA-F]/ : kind[0] === "o" ? /[0-7]/ : /[01]/;
      c = get();
      do {
        if (c === "_") c = get();
        if (!ok.test(c)) return dig(c) ? bad(`invalid digit '${c}' in ${kind} literal`, false) : bad(`invalid ${kind} literal`);
        do c = get();
        while (ok.test(c));
      } while (c === "_");
      return dig(c) ? bad(`invalid digit '${c}' in ${kind} literal`, false) : end(c, kind);
    }
    for (;;) {
      if (c === "_" && !dig((c = get()))) return bad("invalid decimal literal");
      if (c !== "0") break;
      c = get();
    }
    const zerosEnd = p;
    const nonzero = dig(c);
    if (nonzero && (c = tail()) === null) return bad("invalid decimal literal");
    if (nonzero && !/[.eEjJ]/.test(c)) return ["leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", i, zerosEnd - 1];
  } else if (c !== "." && (c = tail()) === null) return bad("invalid decimal literal");
  if (c === ".") {
    c = get();
    if (dig(c) && (c = tail()) === null) return bad("invalid decimal literal");
  }
  if (c === "e" || c === "E") {
    const e = c;
    c = get();
    if (c === "+" || c === "-") {
      if (!dig(get())) return bad("invalid decimal literal");
    } else if (!dig(c)) {
      p--;
      return end(e, "decimal");
    }
    if ((c = tail()) === null) return bad("invalid decimal literal");
  }
  return c === "j" || c === "J" ? end(get(), "imaginary") : end(c, "decimal");
}

function describe(n: SyntaxNode, source: string, lines: LineMap, filename: string): Problem & { generic: boolean } {
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
  // (for `def f()` and `class A`, lezer starts the body with the error: its parent is the Body)
  const header = n.parent?.name === "Body" && !n.prevSibling ? n.parent.parent : n.parent;
  if (header && COMPOUND.test(header.name) && (offset >= source.length || source[offset] === "\n" || source[offset] === "\r")) {
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
