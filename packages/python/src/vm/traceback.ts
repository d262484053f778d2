/**
 * CPython 3.11's traceback text: "Traceback (most recent call last):", one `File "…", line N, in name`
 * entry per frame with its source line, the position markers (`^^^^`, and `~~~^^^~~~` anchors for a
 * binary operator or a subscript), the "[Previous line repeated N more times]" folding, and the
 * "Did you mean" suggestions of NameError and AttributeError.
 *
 * Relies on: @lezer/python to find the anchors inside a source segment (what CPython does with
 * `ast.parse` of the segment). Pure text; the VM supplies the entries.
 */
import { parser } from "@lezer/python";
import type { SyntaxNode } from "@lezer/common";
import { hidePrintNames } from "../parse/parser.js";

/** Source position of an instruction: 1-based lines, 0-based columns in characters. */
export interface SourcePos {
  lineno: number;
  endLineno: number;
  col: number;
  endCol: number;
}

/** One traceback entry, oldest first. */
export interface TracebackEntry {
  filename: string;
  name: string;
  lineno: number;
  pos: SourcePos | null;
}

/** Finds the text of a line of a file, or null when the file's source is not available (REPL, eval). */
export type LineSource = (filename: string, lineno: number) => string | null;

const RECURSIVE_CUTOFF = 3;

interface Anchors {
  leftEnd: number;
  rightStart: number;
}

/** The `~`/`^` split inside a one-line segment: binary operators and subscripts, as CPython 3.11. */
export function caretAnchors(segment: string): Anchors | null {
  let tree;
  try {
    // (a statement's `print` as a name is read as parseModule reads it)
    tree = parser.parse(hidePrintNames(segment));
  } catch {
    return null;
  }
  let bad = false;
  tree.iterate({
    enter(n) {
      if (n.type.isError) bad = true;
    },
  });
  if (bad) return null;
  const top = tree.topNode.firstChild;
  if (!top || top.name !== "ExpressionStatement" || top.nextSibling) return null;
  let expr: SyntaxNode | null = top.firstChild;
  if (!expr || expr.nextSibling) return null;
  // ast.parse drops redundant parentheses only around the whole statement: a parenthesized segment
  // is still the inner expression.
  while (expr && expr.name === "ParenthesizedExpression") {
    const inner: SyntaxNode | null = expr.firstChild?.nextSibling ?? null;
    if (!inner || inner.nextSibling?.name !== ")") break;
    expr = inner;
  }
  if (!expr) return null;
  if (expr.name === "BinaryExpression") {
    const left = expr.firstChild!;
    const op = left.nextSibling!;
    if (!op || (op.name !== "ArithOp" && op.name !== "BitOp")) return null;
    const right = op.nextSibling!;
    const operatorStr = segment.slice(left.to, right.from);
    const offset = operatorStr.length - operatorStr.trimStart().length;
    const leftAnchor = left.to + offset;
    let rightAnchor = leftAnchor + 1;
    if (offset + 1 < operatorStr.length && !/\s/.test(operatorStr[offset + 1])) rightAnchor += 1;
    return { leftEnd: leftAnchor, rightStart: rightAnchor };
  }
  if (expr.name === "MemberExpression") {
    const value = expr.firstChild!;
    const bracket = value.nextSibling;
    if (!bracket || bracket.name !== "[") return null;
    let last = bracket.nextSibling;
    let sliceEnd = bracket.to;
    while (last && last.name !== "]") {
      sliceEnd = last.to;
      last = last.nextSibling;
    }
    let leftAnchor = value.to;
    let rightAnchor = sliceEnd + 1;
    while (leftAnchor < segment.length && segment[leftAnchor] !== "[") leftAnchor++;
    while (rightAnchor < segment.length && segment[rightAnchor] !== "]") rightAnchor++;
    if (rightAnchor < segment.length) rightAnchor++;
    return { leftEnd: leftAnchor, rightStart: rightAnchor };
  }
  return null;
}

/** The two or three lines of one entry (`  File …`, the source line, maybe the markers). */
export function formatEntry(e: TracebackEntry, lines: LineSource): string {
  let out = `  File "${e.filename}", line ${e.lineno}, in ${e.name}\n`;
  const original = lines(e.filename, e.lineno);
  if (original === null) return out;
  const stripped = original.trim();
  if (!stripped) return out;
  out += `    ${stripped}\n`;
  const pos = e.pos;
  if (!pos || pos.col < 0 || pos.endCol < 0 || pos.lineno !== e.lineno) return out;
  const strippedChars = original.length - original.trimStart().length;
  let startOffset = pos.col + 1;
  let endOffset = pos.endCol + 1;
  let anchors: Anchors | null = null;
  if (pos.lineno === pos.endLineno) {
    anchors = caretAnchors(original.slice(startOffset - 1, endOffset - 1));
  } else {
    endOffset = strippedChars + stripped.length + 1;
  }
  if (endOffset <= startOffset) return out;
  if (endOffset - startOffset < stripped.length || (anchors && anchors.rightStart - anchors.leftEnd > 0)) {
    let row = "    " + " ".repeat(Math.max(0, startOffset - 1 - strippedChars));
    if (anchors) {
      row += "~".repeat(anchors.leftEnd);
      row += "^".repeat(anchors.rightStart - anchors.leftEnd);
      row += "~".repeat(Math.max(0, endOffset - startOffset - anchors.rightStart));
    } else {
      row += "^".repeat(endOffset - startOffset);
    }
    out += row + "\n";
  }
  return out;
}

/** "Traceback (most recent call last):" and the entries, with repeated entries folded. */
export function formatTraceback(entries: TracebackEntry[], lines: LineSource): string {
  let out = "Traceback (most recent call last):\n";
  let lastFile: string | null = null;
  let lastLine = -1;
  let lastName: string | null = null;
  let count = 0;
  for (const e of entries) {
    if (lastFile === null || e.filename !== lastFile || e.lineno !== lastLine || e.name !== lastName) {
      if (count > RECURSIVE_CUTOFF) out += repeated(count - RECURSIVE_CUTOFF);
      lastFile = e.filename;
      lastLine = e.lineno;
      lastName = e.name;
      count = 0;
    }
    count++;
    if (count > RECURSIVE_CUTOFF) continue;
    out += formatEntry(e, lines);
  }
  if (count > RECURSIVE_CUTOFF) out += repeated(count - RECURSIVE_CUTOFF);
  return out;
}

function repeated(n: number): string {
  return `  [Previous line repeated ${n} more time${n > 1 ? "s" : ""}]\n`;
}

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (a.toLowerCase() === b.toLowerCase()) return CASE_COST;
  return MOVE_COST;
}

/** CPython's weighted Levenshtein distance of suggestions.c (case changes cost 1, other edits 2). */
export function levenshtein(a: string, b: string, maxCost: number): number {
  if (a === b) return 0;
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  a = a.slice(pre);
  b = b.slice(pre);
  let suf = 0;
  while (suf < a.length && suf < b.length && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  a = a.slice(0, a.length - suf);
  b = b.slice(0, b.length - suf);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  const buffer: number[] = [];
  for (let i = 0; i < a.length; i++) buffer[i] = (i + 1) * MOVE_COST;
  let result = 0;
  for (let bIndex = 0; bIndex < b.length; bIndex++) {
    const code = b[bIndex];
    let distance = bIndex * MOVE_COST;
    result = distance;
    let minimum = Infinity;
    for (let index = 0; index < a.length; index++) {
      const substitute = distance + substitutionCost(code, a[index]);
      distance = buffer[index];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[index] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** The closest candidate to `name` within CPython's cost bound, or null. */
export function suggest(candidates: readonly string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of candidates) {
    if (item === name) continue;
    let maxDistance = Math.floor(((name.length + item.length + 3) * MOVE_COST) / 6);
    if (best !== null && bestDistance - 1 < maxDistance) maxDistance = bestDistance - 1;
    const d = levenshtein(name, item, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}
