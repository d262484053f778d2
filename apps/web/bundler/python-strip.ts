/**
 * The modules written as Python source (packages/python/src/modules/*.ts: `const NAME_PY = \`…\``) reach
 * the page as string literals in the on-demand chunk. Their comments change nothing a program can see, so
 * the page's build leaves them out: each comment and the spaces before it go, the line stays (an empty
 * line where it was a whole line), so every line keeps its number and every token its column, in case a
 * traceback ever shows them. Docstrings and every other string stay as they are (`__doc__` is seen).
 */
import type { Plugin as EsbuildPlugin } from "esbuild";
import { readFile } from "node:fs/promises";

/** Python source without its comments, line for line (tokens found as Python 3.11's tokenizer finds them). */
export function stripPythonComments(src: string): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "#") {
      out = out.replace(/[ \t]+$/, "");
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === '"' || c === "'") {
      // a string (its prefix letters were copied as a name); 3.11's f-strings hold no quote of their own kind
      const q = src.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + q.length;
      while (j < src.length && !src.startsWith(q, j)) {
        if (src[j] === "\\") j++;
        else if (q.length === 1 && src[j] === "\n") throw new Error(`unterminated string in Python source at ${i}`);
        j++;
      }
      if (j >= src.length) throw new Error(`unterminated string in Python source at ${i}`);
      out += src.slice(i, j + q.length);
      i = j + q.length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** `const NAME_PY = \`…\`` with no `${…}` in it: a module's Python source. */
const PY_LITERAL = /\b([A-Z][A-Z0-9_]*_PY) = `((?:[^`\\$]|\\[\s\S]|\$(?!\{))*)`/g;

/** A module's TypeScript with each of its Python sources' comments left out (stripPythonComments). */
export function stripPythonLiterals(ts: string): string {
  return ts.replace(PY_LITERAL, (_m, name: string, raw: string) => {
    // the literal's value as the program would have it (escapes read as JavaScript reads them)
    const value = new Function(`return \`${raw}\`;`)() as string;
    return `${name} = ${JSON.stringify(stripPythonComments(value))}`;
  });
}

/** esbuild: the modules of packages/python/src/modules a bundle takes (the on-demand chunk's) with their Python sources' comments left out. */
export const pythonCommentsOut: EsbuildPlugin = {
  name: "pyheap-python-comments-out",
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/]python[\\/]src[\\/]modules[\\/][^\\/]*\.ts$/, namespace: "file" }, async (args) => {
      const code = await readFile(args.path, "utf8");
      const out = stripPythonLiterals(code);
      return out === code ? undefined : { contents: out, loader: "ts" };
    });
  },
};
