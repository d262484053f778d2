import { readFileSync } from "node:fs";
import { functionFingerprint } from "./fingerprint.mjs";

/**
 * Coverage-guided eager compilation of the interpreter's main chunk. With `//# allFunctionsCalledOnLoad`
 * V8 compiles every function of a chunk on its streaming thread, also the ~2/3 a first run never calls.
 * Without it, V8 pre-parses each function and compiles it on its first call, on the main thread. In
 * between: V8 compiles a function expression eagerly when it is written in parentheses (`(function…)`,
 * the "possibly invoked function expression" heuristic); a declaration, a method or an arrow function
 * cannot carry that hint (measured: an arrow in parentheses stays lazy). bench/hot-functions.mjs loads a
 * build made with PYHEAP_COMPILE_HINTS=all in Chromium under V8's precise coverage and writes the
 * fingerprints (bundler/fingerprint.mjs) of the functions a first run calls: the next build wraps the
 * function expressions among them in parentheses instead of putting the hint on the chunk. A function
 * changed since, or new, is compiled lazily until the list is made again.
 */
export interface HotFunctions {
  /** when and from which commit the list was measured, for the reader */
  measured: string;
  fingerprints: string[];
}

export const HOT_FUNCTIONS_FILE = new URL("hot-functions.json", import.meta.url);

/** The fingerprints of the functions a first run calls; none when the list was never made. */
export function readHotFunctions(): Set<string> {
  try {
    return new Set((JSON.parse(readFileSync(HOT_FUNCTIONS_FILE, "utf8")) as HotFunctions).fingerprints);
  } catch {
    return new Set();
  }
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** The function expressions of an ESTree program that are not a method's or accessor's value. */
export function functionExpressions(program: unknown): Node[] {
  const out: Node[] = [];
  const visit = (node: unknown, parent: Node | null): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent);
      return;
    }
    const n = node as Node;
    if (typeof n.type !== "string") return;
    const method = parent?.type === "MethodDefinition" || (parent?.type === "Property" && (parent.method === true || parent.kind !== "init"));
    if (n.type === "FunctionExpression" && !method) out.push(n);
    for (const key of Object.keys(n)) if (key !== "type") visit(n[key], n);
  };
  visit(program, null);
  return out;
}

/**
 * `code` with every function expression whose fingerprint is in `hot` in parentheses. A parenthesised
 * function expression is the same expression (its value, and the name an anonymous one is given by an
 * assignment), so only bytes change.
 */
export function hintCalledFunctions(code: string, program: unknown, hot: Set<string>): { code: string; wrapped: number } {
  const wrap = functionExpressions(program).filter((n) => hot.has(functionFingerprint(code.slice(n.start, n.end))));
  const edits = wrap.flatMap((n): [number, string][] => [[n.start, "("], [n.end, ")"]]).sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [pos, text] of edits) {
    out += code.slice(at, pos) + text;
    at = pos;
  }
  return { code: out + code.slice(at), wrapped: wrap.length };
}
