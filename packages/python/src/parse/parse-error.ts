/**
 * The SyntaxError CPython reports for the first error node of lezer's tree (found by syntax-errors.ts):
 * a Python 2 print statement, an f-string as a pattern, a compound statement's header without its ':',
 * two expressions side by side in brackets ("Perhaps you forgot a comma?"), else "invalid syntax".
 * Only a source with a syntax error gets here, or one with a digit glued to a keyword for numberWarnings
 * (in the page's build it is loaded on demand: apps/web/bundler/lazy.ts).
 */
import type { SyntaxNode } from "@lezer/common";
import { type LineMap, PySyntaxError, syntaxErrorAt } from "./errors.js";
import type { CompileError, CompileWarning } from "../compile/code.js";

/** A syntax error found, with where it is and how to make it. */
export interface Problem {
  offset: number;
  /** The "'(' was never closed" error, found only at the end of the input. */
  eofBracket?: boolean;
  /** A tokenizer error python3 raises (a string, a bracket, a number, a character) as it reads the rest of the
   *  source after a parser error: it wins over an earlier error of the parser. Indentation errors are not. */
  tokenizer: boolean;
  make: () => PySyntaxError;
}

/**
 * The error to report for lezer's error node `n`; `generic` for plain "invalid syntax". A number literal
 * CPython's tokenizer rejects (`2nd`, `0b12`, `1.5e`, `5j2`, `09` near an error) wins over lezer's error
 * wherever it is: python3 reads the rest of the source after a parser error and reports such an error instead.
 */
export function describeParseError(n: SyntaxNode, source: string, lines: LineMap, filename: string): Problem & { generic: boolean } {
  const p = describe(n, source, lines, filename);
  const bad = firstBadNumber(source);
  if (!bad) return p;
  const [msg, from, to] = bad;
  const line = lines.line(from);
  // (ordered by where the parser failed when that comes first: an indentation problem after it does not win)
  return { offset: Math.min(from, p.offset), tokenizer: true, generic: false, make: () => syntaxErrorAt(lines, filename, msg, line, lines.col(from), line, lines.col(to)) };
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
    return !kw && /\w/.test(c) ? bad(`invalid ${kind} literal`) : p - 1;
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
  const said = assignmentSlip(n, offset, source) ?? keywordSlip(n, offset, source) ?? missingElse(n);
  if (said) {
    const [msg, from, to] = said;
    return { offset: from, tokenizer: false, generic: false, make: () => syntaxErrorAt(lines, filename, msg, lines.line(from), lines.col(from), lines.line(to), lines.col(to)) };
  }
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
      make: () => {
        // python3 points at a trailing comment (all of it) when there is one, else after the line's last character
        const text = lines.lineText(line);
        const comment = /^(?:[^#'"]|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")*(?=#)/.exec(text);
        return comment && comment[0].length < col
          ? syntaxErrorAt(lines, filename, "expected ':'", line, comment[0].length, line, text.length)
          : syntaxErrorAt(lines, filename, "expected ':'", line, col, line, col);
      },
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

/** What python3 calls an expression on the left of an `=` where an expression was wanted, or null when it says
 *  only "invalid syntax" (a comparison, `not`, `and`, `or`, a conditional, a lambda). */
function targetKind(x: SyntaxNode, source: string): string | null {
  switch (x.name) {
    case "Number":
    case "String":
    case "ContinuedString":
      return "literal";
    case "FormatString":
      return "f-string expression";
    case "CallExpression":
      return "function call";
    case "MemberExpression":
      return source[x.lastChild?.prevSibling?.from ?? x.from] === "." || x.lastChild?.name === "PropertyName" ? "attribute" : "subscript";
    case "UnaryExpression":
      return /^not\b/.test(source.slice(x.from)) ? null : "expression";
    case "BinaryExpression":
      return x.getChild("CompareOp") || x.getChild("and") || x.getChild("or") || /\b(?:is|in|not)\b/.test(source.slice(x.from, x.to).replace(/(['"]).*?\1/g, "")) ? null : "expression";
    case "DictionaryExpression":
      return "dict literal";
    case "SetExpression":
      return "set display";
    case "ArrayComprehensionExpression":
      return "list comprehension";
    case "SetComprehensionExpression":
      return "set comprehension";
    case "DictionaryComprehensionExpression":
      return "dict comprehension";
    case "AwaitExpression":
      return "await expression";
    default:
      return null;
  }
}

/** Where contexts that take a named expression have one (an `if`'s or `while`'s condition, a bracket's item). */
const NAMED_EXPR_PLACES = /^(IfStatement|WhileStatement|MatchStatement|ParenthesizedExpression|TupleExpression|ArrayExpression|ArrayComprehensionExpression|SetExpression|SetComprehensionExpression|MemberExpression)$/;

/**
 * An `=` where python3 wants an expression: in a call's arguments after anything but a name ("expression cannot
 * contain assignment"), in a condition or a bracket after a name ("Maybe you meant '==' or ':='", the span up
 * to the end of the right side's operand) or after another target ("cannot assign to … here"). Null otherwise.
 */
function assignmentSlip(n: SyntaxNode, at: number, source: string): [string, number, number] | null {
  if (source[at] !== "=" || source[at + 1] === "=") return null;
  let prev = n.prevSibling;
  if (prev?.type.isError || !prev || !n.parent) return null;
  // (the whole item before the '=': `f(a:=1=2)` and `f(x=1 = 2)` are plain invalid syntax)
  const before = prev.prevSibling;
  if (before && !/^([([{,]|if|elif|while|match)$/.test(before.name)) return null;
  if (n.parent.name === "ArgList") {
    if (prev.name === "VariableName" || prev.name === "," || prev.name === "(") return null;
    const msg = prev.name === "Boolean" || prev.name === "None" ? `cannot assign to ${source.slice(prev.from, prev.to)}` : 'expression cannot contain assignment, perhaps you meant "=="?';
    return [msg, prev.from, at + 1];
  }
  if (!NAMED_EXPR_PLACES.test(n.parent.name)) return null;
  if (prev.name === "VariableName") {
    const end = operandEnd(source, at + 1);
    const rest = source.slice(end).match(/^[ \t]*(:?=?)/)![1];
    if (end < 0 || rest === "=" || rest === ":=") return null;
    return ["invalid syntax. Maybe you meant '==' or ':=' instead of '='?", prev.from, end];
  }
  const kind = targetKind(prev, source);
  return kind ? [`cannot assign to ${kind} here. Maybe you meant '==' instead of '='?`, prev.from, prev.to] : null;
}

/**
 * Where an operand of python3's binary operators (no comparison, no boolean operator) that starts at or after
 * `at` ends: unary signs, an atom (name, number, strings side by side, a bracketed group), its trailers, and
 * the arithmetic and bitwise operators between such operands. -1 when none starts there.
 */
function operandEnd(s: string, at: number): number {
  const KW = /^(and|or|not|if|else|in|is|lambda|for|async|await|yield|from|as|def|class|return|while|with)$/;
  let i = at;
  const blank = () => {
    while (s[i] === " " || s[i] === "\t") i++;
  };
  const group = (): boolean => {
    const close = { "(": ")", "[": "]", "{": "}" }[s[i]!];
    if (!close) return false;
    const stack = [close];
    i++;
    while (i < s.length && stack.length) {
      const c = s[i]!;
      if (c === "'" || c === '"') i = tokenEnd(s, i);
      else {
        if (c === stack[stack.length - 1]) stack.pop();
        else if (c === "(" || c === "[" || c === "{") stack.push({ "(": ")", "[": "]", "{": "}" }[c]!);
        i++;
      }
    }
    return !stack.length;
  };
  for (;;) {
    blank();
    while (/[-+~]/.test(s[i] ?? "")) {
      i++;
      blank();
    }
    const word = /^[\w\u0080-\uffff]+/.exec(s.slice(i, i + 80))?.[0];
    if (word && KW.test(word)) return -1;
    if (word && /^[rRbBuUfF]{0,2}$/.test(word) && /['"]/.test(s[i + word.length] ?? "")) {
      // strings side by side
      while (/^[rRbBuUfF]{0,2}['"]/.test(s.slice(i, i + 3))) {
        i = tokenEnd(s, i);
        blank();
      }
    } else if (word) i += word.length;
    else if (s[i] === "'" || s[i] === '"') {
      while (/^[rRbBuUfF]{0,2}['"]/.test(s.slice(i, i + 3))) {
        i = tokenEnd(s, i);
        blank();
      }
    } else if (!group()) return -1;
    // trailers
    for (;;) {
      const save = i;
      blank();
      if (s[i] === "." && /[A-Za-z_\u0080-\uffff]/.test(s[i + 1] ?? "")) i = tokenEnd(s, i + 1);
      else if ((s[i] === "(" || s[i] === "[") && group()) continue;
      else {
        i = save;
        break;
      }
    }
    const end = i;
    blank();
    const op = /^(\*\*|\/\/|<<|>>|[-+*/%@&|^])(?!=)/.exec(s.slice(i, i + 3));
    if (!op) return end;
    i += op[0].length;
  }
}

/** A header keyword that must be followed by ':' (`else`, `try`, `finally`) followed by something else. */
function keywordSlip(n: SyntaxNode, at: number, source: string): [string, number, number] | null {
  const prev = n.prevSibling;
  if (!prev || !/^(else|try|finally)$/.test(prev.name) || at >= source.length || /[:\n\r#]/.test(source[at]!)) return null;
  return ["expected ':'", at, tokenEnd(source, at)];
}

/**
 * The tokenizer's error at `at`: a character no name may hold ("invalid character '“' (U+201C)", or for one
 * that does not print, "invalid non-printable character U+00A0"), or the character after a backslash that
 * ends no line.
 */
export function tokenizerError(lines: LineMap, filename: string, at: number): PySyntaxError {
  const line = lines.line(at);
  const col = lines.col(at);
  if (lines.source[at - 1] === "\\") return syntaxErrorAt(lines, filename, "unexpected character after line continuation character", line, col, line, -1);
  const ch = String.fromCodePoint(lines.source.codePointAt(at)!);
  const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  const msg = /[\p{C}\p{Z}]/u.test(ch) ? `invalid non-printable character U+${hex}` : `invalid character '${ch}' (U+${hex})`;
  return syntaxErrorAt(lines, filename, msg, line, col, line, col);
}

/**
 * An assignment statement python3 rejects, read as its parser first tries it: the last item of the first
 * target and the operand after its '=' as a condition's `x = y` (nodes of each target and of the value in
 * `groups`). The message and the end of the operand for a name ("Maybe you meant '==' or ':='", from the name),
 * the message and -1 for another item `what` ("cannot assign to … here", its own span), null when python3 does
 * not try it: an item that starts with a list, a tuple, a generator expression, True, None or False, one that is
 * no operand (a comparison, `not`, `and`/`or`, a conditional, a lambda, a starred item), an operand after '='
 * followed by another '=' (chained targets), or none (`yield`, `not`, a lambda, a starred item).
 */
export function equalsSlip(groups: SyntaxNode[][], source: string, what: string): [string, number] | null {
  const g = groups[0]!;
  const x = g[g.length - 1]!;
  const operand = (y: SyntaxNode) => !/^(ConditionalExpression|LambdaExpression|YieldExpression|\*|,)$/.test(y.name) && (!/^(Binary|Unary)Expression$/.test(y.name) || !!targetKind(y, source));
  if (g[g.length - 2]?.name === "*" || !operand(x)) return null;
  let lead = x;
  while (/^(BinaryExpression|CallExpression|MemberExpression)$/.test(lead.name)) lead = lead.firstChild!;
  if (/^(ArrayExpression|TupleExpression|ComprehensionExpression|Boolean|None)$/.test(lead.name)) return null;
  const next = groups[1]!;
  let y = next[0]!;
  while (/^(ConditionalExpression|BinaryExpression)$/.test(y.name) && !operand(y)) y = y.firstChild!;
  if (!operand(y) || (y === next[0] && next.length === 1 && groups.length > 2)) return null;
  return x.name === "VariableName" ? ["invalid syntax. Maybe you meant '==' or ':=' instead of '='?", y.to] : [`cannot assign to ${what} here. Maybe you meant '==' instead of '='?`, -1];
}

/** A conditional expression that ends after its condition. */
function missingElse(n: SyntaxNode): [string, number, number] | null {
  const c = n.parent;
  if (c?.name !== "ConditionalExpression" || c.getChild("else") || !n.prevSibling || n.prevSibling.name === "if") return null;
  return ["expected 'else' after 'if' expression", c.from, n.prevSibling.to];
}

/**
 * An error python3's parser finds at the end of the input: reported at the source's last line, after its text
 * (compile()'s offset; a script's has none: see CompileError.atEnd), with that line's text and line break.
 */
export function errorAtEnd(lines: LineMap, filename: string, msg: string, type: "SyntaxError" | "IndentationError" = "SyntaxError"): PySyntaxError {
  const src = lines.source;
  const last = src.endsWith("\n") ? lines.starts.length - 1 : lines.starts.length;
  const text = lines.lineText(last) + (src.endsWith("\n") ? "\n" : "");
  return new PySyntaxError({ type, msg, filename, lineno: last, offset: text.replace(/\n$/, "").length + 1, end_lineno: last, end_offset: -1, text, atEnd: true });
}

const TOKEN_AT = /[rRbBuUfF]{0,2}(?:'''[^]*?'''|"""[^]*?"""|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")|[\w\u0080-\uffff]+|\*\*=?|\/\/=?|>>=?|<<=?|->|:=|\.\.\.|[-+*/%&|^@<>=!]=|[^]/y;

/** The end of the token that starts at `at` (one character when none is recognised). */
export function tokenEnd(src: string, at: number): number {
  TOKEN_AT.lastIndex = at;
  return TOKEN_AT.exec(src) ? TOKEN_AT.lastIndex : at + 1;
}
