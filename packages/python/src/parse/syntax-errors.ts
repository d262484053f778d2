/**
 * Finding the SyntaxError CPython would report for a source text.
 *
 * @lezer/python recovers from every error and does not check indentation levels, so the messages come
 * from two places: a light tokenizer pass over the text (brackets, string ends, indentation, which is what
 * CPython's tokenizer reports) and the error nodes of lezer's tree (CPython's parser errors, mostly
 * "invalid syntax"). Like CPython, a parser error is replaced by an error the tokenizer raises anywhere later
 * in the text (an unterminated string, an unmatched bracket, a bad number, an invalid character), but for
 * "'(' was never closed", found only at the end of the input, and the indentation errors.
 */
import type { SyntaxNode } from "@lezer/common";
import { LineMap, PySyntaxError, syntaxErrorAt } from "./errors.js";
import { describeParseError, errorAtEnd, tokenEnd, tokenizerError, type Problem } from "./parse-error.js";


const OPENERS: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/** A name, a number or any other character (the light tokenizer's words). */
const WORD = /\d\w*|[\w\u0080-\uffff]+|[^]/y;

const HEADER_NAMES: Record<string, string> = {
  def: "function definition",
  class: "class definition",
  if: "'if' statement",
  elif: "'elif' statement",
  else: "'else' statement",
  for: "'for' statement",
  while: "'while' statement",
  try: "'try' statement",
  except: "'except' statement",
  finally: "'finally' statement",
  with: "'with' statement",
  match: "'match' statement",
  case: "'case' statement",
};

/** Returns the error to report for this source, or null when it is syntactically fine. */
export function findSyntaxProblem(
  source: string,
  top: SyntaxNode,
  lines: LineMap,
  filename: string,
  interactive = false,
): PySyntaxError | null {
  let tok = scanTokens(source, lines, filename);
  const parse = firstParseError(source, top, lines, filename);
  // At the prompt the parser fails before the tokenizer sees the end of the input.
  if (interactive && tok && tok.eofBracket && parse) tok = null;
  if (!tok && !parse) return null;
  if (tok && (!parse || tok.offset <= parse.offset || (tok.tokenizer && !tok.eofBracket && !parse.tokenizer))) return tok.make();
  return parse!.make();
}

function firstParseError(
  source: string,
  top: SyntaxNode,
  lines: LineMap,
  filename: string,
): (Problem & { generic: boolean }) | null {
  let found: SyntaxNode | null = null;
  const cursor = top.cursor();
  do {
    const n = cursor.node;
    if (n.type.isError) {
      // A bare `yield` is valid Python but lezer's grammar wants a value after it.
      const prev = n.prevSibling;
      if (n.from === n.to && prev && prev.name === "yield" && !n.nextSibling) continue;
      // f-strings are re-parsed by the AST builder (lezer misreads `{x:=^9}`)
      let inF = false;
      for (let p = n.parent; p; p = p.parent) if (p.name === "FormatString") inF = true;
      if (inF) continue;
      // lezer's pattern grammar wants an item inside `[]`, `()`, `{}` and `Cls()`; Python does not
      if (isEmptyPatternBrackets(n, source) || isDottedMappingKey(n, source)) continue;
      // lezer's lambda parameters have no positional-only marker; the AST builder reads the "/" itself
      if (isLambdaSlash(n, source) || isCompTargetStar(n, source)) continue;
      found = n;
      break;
    }
  } while (cursor.next());
  return found && describeParseError(found, source, lines, filename);
}

/** The light tokenizer: brackets, strings, comments, continuation lines and indentation. */
function scanTokens(src: string, lines: LineMap, filename: string): Problem | null {
  const brackets: { ch: string; offset: number }[] = [];
  const indents: number[] = [0];
  /** The same levels counting a tab as one column: python3 wants both measures to agree on every comparison. */
  const altIndents: number[] = [0];
  let i = 0;
  let atLineStart = true;
  /** The header keyword of the previous logical line when it ended with ':' (expects a block). */
  let pendingHeader: { kw: string; line: number } | null = null;
  let lastSignificant = "";
  let firstWord = "";
  const n = src.length;
  const err = (offset: number, msg: string, tokenizer: boolean, type: "SyntaxError" | "IndentationError" = "SyntaxError", endOffset?: number): Problem => ({
    offset,
    tokenizer,
    make: () => {
      const line = lines.line(offset);
      const col = lines.col(offset);
      // (python3 gives the errors its tokenizer raises no width: the end is the start)
      const endCol = endOffset !== undefined ? lines.col(endOffset) : tokenizer ? col : col + 1;
      return syntaxErrorAt(lines, filename, msg, line, col, line, endCol, type);
    },
  });
  while (i <= n) {
    if (atLineStart && brackets.length === 0) {
      // measure indentation of a new physical line
      let col = 0;
      let alt = 0;
      let j = i;
      while (j < n && (src[j] === " " || src[j] === "\t" || src[j] === "\f")) {
        col = src[j] === "\t" ? (Math.floor(col / 8) + 1) * 8 : src[j] === "\f" ? 0 : col + 1;
        alt = src[j] === "\f" ? 0 : alt + 1;
        j++;
      }
      if (j >= n || src[j] === "\n" || src[j] === "#" || (src[j] === "\r" && src[j + 1] === "\n")) {
        // blank or comment-only line: no indentation meaning
        if (j >= n) {
          if (pendingHeader) {
            const h = pendingHeader;
            return {
              offset: n,
              tokenizer: false,
              make: () => errorAtEnd(lines, filename, `expected an indented block after ${HEADER_NAMES[h.kw]} on line ${h.line}`, "IndentationError"),
            };
          }
          break;
        }
        while (j < n && src[j] !== "\n") j++;
        i = j + 1;
        continue;
      }
      const top = indents[indents.length - 1]!;
      const altTop = altIndents[altIndents.length - 1]!;
      // the two measures disagree: tabs and spaces mixed so that the block structure depends on a tab's width
      const tabError = (): Problem => ({
        offset: j,
        tokenizer: false,
        make: () => syntaxErrorAt(lines, filename, "inconsistent use of tabs and spaces in indentation", lines.line(j), 0, lines.line(j), -1, "TabError"),
      });
      if (col === top ? alt !== altTop : col > top && alt <= altTop) return tabError();
      if (pendingHeader) {
        if (col <= top) {
          const h = pendingHeader;
          const off = j;
          return {
            offset: off,
            tokenizer: false,
            make: () =>
              syntaxErrorAt(lines, filename, `expected an indented block after ${HEADER_NAMES[h.kw]} on line ${h.line}`,
                lines.line(off), lines.col(off), lines.line(off), lines.col(off) + (tokenEnd(src, off) - off), "IndentationError"),
          };
        }
        indents.push(col);
        altIndents.push(alt);
        pendingHeader = null;
      } else if (col > top) {
        let end = j;
        while (end < n && src[end] !== "\n") end++;
        return { ...err(j - 1, "unexpected indent", false, "IndentationError", end), offset: j };
      } else if (col < top) {
        while (indents.length > 1 && indents[indents.length - 1]! > col) {
          indents.pop();
          altIndents.pop();
        }
        if (indents[indents.length - 1] === col && altIndents[altIndents.length - 1] !== alt) return tabError();
        if (indents[indents.length - 1] !== col) {
          return {
            offset: j,
            tokenizer: false,
            make: () => {
              const line = lines.line(j);
              let end = j;
              while (end < n && src[end] !== "\n") end++;
              return syntaxErrorAt(lines, filename, "unindent does not match any outer indentation level", line, end - lines.starts[line - 1]!, line, end - lines.starts[line - 1]! + 1, "IndentationError");
            },
          };
        }
      }
      i = j;
      atLineStart = false;
      lastSignificant = "";
      const w = /^[A-Za-z_]\w*/.exec(src.slice(j, j + 12));
      firstWord = w ? w[0] : "";
    }
    if (i >= n) break;
    const c = src[i]!;
    if (c === "#") {
      while (i < n && src[i] !== "\n") i++;
      continue;
    }
    if (c === "\\" && (src[i + 1] === "\n" || (src[i + 1] === "\r" && src[i + 2] === "\n"))) {
      i += src[i + 1] === "\n" ? 2 : 3;
      continue;
    }
    if (c === "\n") {
      i++;
      if (brackets.length === 0) {
        if (lastSignificant === ":" && firstWord in HEADER_NAMES) pendingHeader = { kw: firstWord, line: lines.line(i - 1) };
        else if (lastSignificant === ":" && firstWord === "async") pendingHeader = null;
        atLineStart = true;
      }
      continue;
    }
    if (c === " " || c === "\t" || c === "\r" || c === "\f") {
      i++;
      continue;
    }
    // string literal?
    const sm = /^(?:[rRbBuUfF]{0,2})('''|"""|'|")/.exec(src.slice(i, i + 5));
    if (sm && (sm[0].length === sm[1]!.length || /^[rRbBuUfF]+$/.test(sm[0].slice(0, sm[0].length - sm[1]!.length)))) {
      const prefixLen = sm[0].length - sm[1]!.length;
      const prefix = src.slice(i, i + prefixLen).toLowerCase();
      const raw = prefix.includes("r");
      const q = sm[1]!;
      const start = i;
      let j = i + sm[0].length;
      let closed = false;
      while (j < n) {
        if (src[j] === "\\" && !raw) {
          j += 2;
          continue;
        }
        if (src[j] === "\\" && raw) {
          j += 2;
          continue;
        }
        if (q.length === 1 && src[j] === "\n") break;
        if (src.startsWith(q, j)) {
          closed = true;
          j += q.length;
          break;
        }
        j++;
      }
      if (!closed) {
        if (q.length === 3) {
          return err(start, `unterminated triple-quoted string literal (detected at line ${lines.line(Math.max(0, Math.min(j, n) - 1))})`, true);
        }
        return err(start, `unterminated string literal (detected at line ${lines.line(start)})`, true);
      }
      i = j;
      lastSignificant = "str";
      continue;
    }
    if (c in OPENERS) {
      brackets.push({ ch: c, offset: i });
      lastSignificant = c;
      i++;
      continue;
    }
    if (c in CLOSERS) {
      const open = brackets.pop();
      if (!open) return err(i, `unmatched '${c}'`, true);
      if (open.ch !== CLOSERS[c]) {
        const sameLine = lines.line(open.offset) === lines.line(i);
        const where = sameLine ? "" : ` on line ${lines.line(open.offset)}`;
        return err(i, `closing parenthesis '${c}' does not match opening parenthesis '${open.ch}'${where}`, true);
      }
      lastSignificant = c;
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(src)!;
    // a character no name may hold (a quote pasted from a document, a dash, a control character), raised by
    // python3's tokenizer; a backslash that ends no line, which its parser meets as a token
    const w = word[0];
    const bad = w === "\\" ? 1 : w.search(/^[^\p{ID_Start}_!-~]|(?!^)\P{ID_Continue}/u);
    if (bad >= 0) return { offset: i, tokenizer: w !== "\\", make: () => tokenizerError(lines, filename, i + bad) };
    lastSignificant = word[0];
    i += word[0].length;
  }
  if (brackets.length) {
    const open = brackets[brackets.length - 1]!;
    return { ...err(open.offset, `'${open.ch}' was never closed`, true), eofBracket: true };
  }
  // a header on the source's last line, without a line break after it
  const kw = firstWord;
  if (!atLineStart && lastSignificant === ":" && kw in HEADER_NAMES) {
    return { offset: n, tokenizer: false, make: () => errorAtEnd(lines, filename, `expected an indented block after ${HEADER_NAMES[kw]} on line ${lines.line(n)}`, "IndentationError") };
  }
  return null;
}

/** An error node that only stands for the missing item of an empty sequence, mapping or class pattern. */
function isEmptyPatternBrackets(n: SyntaxNode, source: string): boolean {
  let box: SyntaxNode | null = n.parent;
  if (box && box.name === "LiteralPattern") box = box.parent;
  if (!box || (box.name !== "SequencePattern" && box.name !== "MappingPattern" && box.name !== "PatternArgList")) return false;
  return /^[[({]\s*[\])}]$/.test(source.slice(box.from, box.to).trim());
}

/** lezer reads only a bare name as a mapping pattern's key: the rest of a dotted key (`{C.k: v}`) is an error node. */
function isDottedMappingKey(n: SyntaxNode, source: string): boolean {
  if (n.parent?.name !== "MappingPattern" || n.prevSibling?.name !== "VariableName" || n.nextSibling?.name !== ":") return false;
  return /^(\s*\.\s*[A-Za-z_][A-Za-z_0-9]*)+\s*$/.test(source.slice(n.from, n.to));
}

/** The "*" of a starred target in a comprehension (`[b for *a, b in x]`), which lezer leaves as an error node. */
export function isCompTargetStar(n: SyntaxNode, source: string): boolean {
  if (!n.type.isError || source.slice(n.from, n.to) !== "*") return false;
  let p = n.prevSibling;
  while (p && p.name !== "for" && p.name !== "in") p = p.prevSibling;
  return p?.name === "for";
}

/** The "/" of `lambda a, /: a`, which lezer leaves as an error node right inside the lambda's parameters. */
export function isLambdaSlash(n: SyntaxNode, source: string): boolean {
  return n.type.isError && source.slice(n.from, n.to) === "/" && n.parent?.name === "ParamList" && n.parent.parent?.name === "LambdaExpression";
}

