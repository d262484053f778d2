import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tryCompile, splitInteractive } from "../src/compile/index.js";

/**
 * Damaged programs must come back as a SyntaxError (or compile), never as an exception of ours: corpus
 * programs with characters deleted, duplicated or replaced by tokens that often break parsers.
 * FUZZ_N (default 600) and FUZZ_SEED choose how many and which; 6000 with seed 7 also passed.
 */
const CORPUS = join(__dirname, "../../../corpus");
function pyFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...pyFiles(p));
    else if (name.endsWith(".py") && name !== "verify.py") out.push(p);
  }
  return out;
}

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = ["(", ")", "[", "]", "{", "}", ":", ",", "*", "**", "=", ":=", "\n", "\n    ", "'", '"', '"""', "f'{", "}", "\\", "lambda", "yield", "return", "def", "class", "if", "else", "for", "in", "not", "is", "and", "@", ".", "...", "#", "0x", "1e", "global", "nonlocal", "del", "try", "except*", "with", "as", "async", "await", "match", "\t", "\r\n", "é", "😀"];

describe("damaged programs never crash the compiler", () => {
  const sources = pyFiles(CORPUS).map((f) => readFileSync(f, "utf8"));
  const next = rng(Number(process.env.FUZZ_SEED ?? 20251125));
  const cases: string[] = [];
  for (let i = 0; i < Number(process.env.FUZZ_N ?? 600); i++) {
    let src = sources[Math.floor(next() * sources.length)]!;
    const edits = 1 + Math.floor(next() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * (src.length + 1));
      const kind = next();
      if (kind < 0.35) src = src.slice(0, at) + src.slice(at + 1 + Math.floor(next() * 5));
      else if (kind < 0.7) src = src.slice(0, at) + TOKENS[Math.floor(next() * TOKENS.length)] + src.slice(at);
      else src = src.slice(0, at) + src.slice(at, at + 8) + src.slice(at);
    }
    cases.push(src);
  }
  for (let batch = 0; batch < cases.length; batch += 100) it(`mutated programs ${batch}..${batch + 99} (script and REPL modes)`, () => {
    const crashes: string[] = [];
    for (const src of cases.slice(batch, batch + 100)) {
      for (const [text, mode] of [[src, "exec"], ...splitInteractive(src).filter((c) => c.source).slice(0, 3).map((c) => [c.source, "single"])] as [string, "exec" | "single"][]) {
        try {
          tryCompile(text, "fuzz.py", mode);
        } catch (e) {
          crashes.push(`${String(e).slice(0, 120)}\n--- source (${mode}):\n${text.slice(0, 400)}`);
        }
      }
    }
    expect(crashes.slice(0, 3)).toEqual([]);
  }, 60_000);
});
