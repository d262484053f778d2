/**
 * Splitting text typed at the interactive prompt into statements, the way `python3 -i` reads stdin:
 * a simple statement ends with its logical line (brackets closed, no backslash continuation, no open
 * triple-quoted string); a compound statement (its first line opens a block) goes on until a blank line;
 * a blank or comment-only line at the `>>> ` prompt is just consumed. Each chunk is its own compilation
 * unit, compiled with mode "single", and its line numbers start at 1.
 */

/** One read of the interactive loop. */
export interface InteractiveChunk {
  /** The statement's text (lines joined with "\n", ending with "\n"); "" for a blank/comment line. */
  readonly source: string;
  /** 1-based line of the input where the chunk starts. */
  readonly firstLine: number;
  /** Number of input lines consumed (the terminating blank line included). */
  readonly lineCount: number;
  /** The prompt printed (to stderr) before each consumed line: ">>> " then "... ". */
  readonly prompts: readonly string[];
}

const COMPOUND = /^(if|while|for|try|with|def|class|async|match)\b|^@/;

/** Open brackets / triple-quoted string state after scanning `text`. */
function needsMore(text: string): boolean {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === "#") {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    const m = /^(?:[rRbBuUfF]{0,2})('''|"""|'|")/.exec(text.slice(i, i + 5));
    if (m && (c === "'" || c === '"' || /[rRbBuUfF]/.test(c)) && (i === 0 || !/\w/.test(text[i - 1]!))) {
      const q = m[1]!;
      let j = i + m[0].length;
      let closed = false;
      while (j < n) {
        if (text[j] === "\\") {
          j += 2;
          continue;
        }
        if (q.length === 1 && text[j] === "\n") break;
        if (text.startsWith(q, j)) {
          closed = true;
          j += q.length;
          break;
        }
        j++;
      }
      if (!closed && q.length === 3) return true;
      i = j;
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth = Math.max(0, depth - 1);
    i++;
  }
  if (depth > 0) return true;
  const trimmed = text.replace(/\n+$/, "");
  return /\\$/.test(trimmed);
}

/** Splits interactive input into the chunks the prompt would read. */
export function splitInteractive(input: string): InteractiveChunk[] {
  const lines = input.split("\n");
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  const out: InteractiveChunk[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    const start = i;
    if (/^\s*(#.*)?$/.test(first)) {
      out.push({ source: "", firstLine: i + 1, lineCount: 1, prompts: [">>> "] });
      i++;
      continue;
    }
    const buf = [first];
    const prompts = [">>> "];
    i++;
    while (i < lines.length && needsMore(buf.join("\n") + "\n")) {
      buf.push(lines[i]!);
      prompts.push("... ");
      i++;
    }
    const logical = buf.join("\n");
    const compound = COMPOUND.test(first.trimStart()) && first === first.trimStart();
    const opensBlock = /:\s*(#.*)?$/.test(logical.replace(/\n/g, " "));
    if (compound || opensBlock) {
      while (i < lines.length) {
        const l = lines[i]!;
        prompts.push("... ");
        i++;
        if (/^\s*$/.test(l)) break;
        buf.push(l);
      }
    }
    out.push({ source: buf.join("\n") + "\n", firstLine: start + 1, lineCount: i - start, prompts });
  }
  return out;
}
