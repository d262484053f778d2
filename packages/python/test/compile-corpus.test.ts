import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { splitInteractive, tryCompile } from "../src/compile/index.js";
import { pythonCompile, summarize } from "./compile-helpers/oracle.js";

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

/** Outside the supported subset, rejected with a SyntaxError naming the construct. */
const UNSUPPORTED: Record<string, string> = {};

/** Programs of the corpus that must not compile: CPython reports a SyntaxError before running them. */
const MEANT_TO_FAIL = new Set(["errors/12-syntax-unclosed.py", "errors/13-indentation-error.py", "errors/14-invalid-syntax.py", "fidelity/38-or-pattern-as-then-alternative.py", "fidelity/39-as-pattern-twice.py", "fidelity/243-glued-number-then-syntax-error.py", "teaching/25-typo-decimal-literal.py", "fidelity/301-class-header-missing-colon.py", "fidelity/302-method-header-missing-colon.py", "fidelity/303-if-assign-instead-of-equals.py", "fidelity/304-conditional-without-else.py", "fidelity/305-tab-error-mixed-indent.py", "fidelity/306-try-without-handler.py", "fidelity/307-try-without-handler-at-end.py", "fidelity/308-header-comment-missing-colon.py", "fidelity/309-header-at-end-without-block.py", "fidelity/310-keyword-argument-expression.py", "fidelity/311-else-if.py", "fidelity/312-assignment-inside-parentheses.py", "fidelity/313-while-subscript-assign.py", "fidelity/314-tab-error-nested-block.py", "fidelity/315-cannot-assign-to-call-in-if.py", "fidelity/208-try-else-without-handler.py", "fidelity/316-smart-quotes.py", "fidelity/317-en-dash-for-minus.py", "fidelity/318-no-break-space.py", "fidelity/319-continuation-then-comment.py", "fidelity/209-missing-colon-then-bad-number.py", "fidelity/320-for-target-call.py"]);

describe("every corpus program compiles", () => {
  const files = pyFiles(CORPUS);
  it("finds the corpus", () => {
    expect(files.length).toBeGreaterThan(100);
  });
  for (const file of files) {
    const rel = relative(CORPUS, file);
    const short = rel.replace(/^(shared|cases)\//, "");
    it(rel, () => {
      const src = readFileSync(file, "utf8");
      const name = file.split("/").pop()!;
      if (rel.includes("/repl/")) {
        const errFile = file.replace(/\.py$/, ".err");
        const err = existsSync(errFile) ? readFileSync(errFile, "utf8") : "";
        for (const chunk of splitInteractive(src)) {
          if (!chunk.source) continue;
          const r = tryCompile(chunk.source, "<stdin>", "single");
          // a statement rejected at the prompt: python3 printed the same error
          if (!r.ok) expect(err).toContain(`${r.error.type}: ${r.error.msg}\n`);
        }
        return;
      }
      const r = tryCompile(src, name, "exec");
      if (MEANT_TO_FAIL.has(short)) expect(r.ok).toBe(false);
      else if (UNSUPPORTED[short]) expect(r.ok ? "compiled" : r.error.msg).toBe(UNSUPPORTED[short]);
      else expect(r.ok ? "ok" : `${r.error.type}: ${r.error.msg} (line ${r.error.lineno})`).toBe("ok");
    });
  }
});

describe("every corpus script's code objects match python3's compile()", () => {
  const files = pyFiles(CORPUS).filter((f) => !f.includes("/repl/"));
  const sources = files.map((f) => readFileSync(f, "utf8"));
  const oracle = pythonCompile(sources.map((src, i) => ({ src, filename: files[i]!.split("/").pop()! })));
  files.forEach((file, i) => {
    const expected = oracle[i]!;
    if (!expected.ok) return;
    it(relative(CORPUS, file), () => {
      const r = tryCompile(sources[i]!, file.split("/").pop()!, "exec");
      if (!r.ok) {
        // only constructs outside the subset may be rejected
        expect(UNSUPPORTED[relative(CORPUS, file).replace(/^(shared|cases)\//, "")]).toBe(r.error.msg);
        return;
      }
      expect(summarize(r.unit.code)).toEqual(expected.codes);
    });
  });
});

describe("every statement of the REPL corpus compiles as python3 compiles it in 'single' mode", () => {
  const files = pyFiles(CORPUS).filter((f) => f.includes("/repl/"));
  const chunks = files.flatMap((f) =>
    splitInteractive(readFileSync(f, "utf8")).filter((c) => c.source).map((c) => ({ file: relative(CORPUS, f), chunk: c })),
  );
  const oracle = pythonCompile(chunks.map(({ chunk }) => ({ src: chunk.source, filename: "<stdin>", mode: "single" as const })));
  chunks.forEach(({ file, chunk }, i) => {
    it(`${file}:${chunk.firstLine}`, () => {
      const expected = oracle[i]!;
      const r = tryCompile(chunk.source, "<stdin>", "single");
      if (!expected.ok) {
        expect(r.ok).toBe(false);
        if (r.ok) return;
        // compile() sees the whole text at once; the prompt reports the error it met first, as recorded
        const transcript = readFileSync(join(CORPUS, file.replace(/\.py$/, ".err")), "utf8");
        const same = r.error.msg === expected.msg && r.error.lineno === expected.lineno;
        expect(same || transcript.includes(`${r.error.type}: ${r.error.msg}\n`)).toBe(true);
        return;
      }
      expect(r.ok).toBe(true);
      if (r.ok) expect(summarize(r.unit.code)).toEqual(expected.codes);
    });
  });
});
