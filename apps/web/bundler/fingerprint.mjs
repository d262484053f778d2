import { createHash } from "node:crypto";

// JavaScript's reserved words and the few contextual ones a minifier leaves: kept as they are
const KEYWORDS = new Set(
  "async await break case catch class const continue debugger default delete do else export extends false finally for function get if import in instanceof let new null of return set static super switch this throw true try typeof var void while yield".split(" "),
);

/**
 * A minified function's fingerprint that survives changes elsewhere in its chunk: the SHA-1 of its text
 * with every identifier (its local names, the chunk's top-level names and the mangled property names, which
 * a change anywhere may rename) made `_`; keywords, punctuation and literals stay. Functions of the same shape
 * share one, which costs nothing but their eager compile.
 * @param {string} text
 * @returns {string}
 */
export function functionFingerprint(text) {
  const shape = text.replace(/[A-Za-z_$][\w$]*/g, (word) => (KEYWORDS.has(word) ? word : "_"));
  return createHash("sha1").update(shape).digest("base64url").slice(0, 12);
}
