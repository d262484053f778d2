import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileModule, splitInteractive, disassemble, Op } from "../src/compile/index.js";

const REPL = join(__dirname, "../../../corpus/shared/repl");

/** The prompts python3 printed on stderr (everything else in the .err file removed). */
function promptsOf(err: string): string {
  return (err.match(/>>> |\.\.\. /g) ?? []).join("");
}

describe("interactive input is split as the prompt reads it", () => {
  for (const name of readdirSync(REPL).filter((f) => f.endsWith(".py")).sort()) {
    it(name, () => {
      const src = readFileSync(join(REPL, name), "utf8");
      const errFile = join(REPL, name.replace(/\.py$/, ".err"));
      const err = existsSync(errFile) ? readFileSync(errFile, "utf8") : "";
      const chunks = splitInteractive(src);
      // python3 prints one more ">>> " when it reaches the end of the input
      const ours = chunks.flatMap((c) => c.prompts).join("") + ">>> ";
      expect(ours).toBe(promptsOf(err));
      const lines = src.split("\n").length - (src.endsWith("\n") ? 1 : 0);
      expect(chunks.reduce((n, c) => n + c.lineCount, 0)).toBe(lines);
    });
  }
});

describe("REPL compilation units", () => {
  it("echoes expression statements with PRINT_EXPR, also inside a top-level loop", () => {
    const unit = compileModule("for i in range(3): i\n", "<stdin>", "single");
    const ops = Array.from({ length: unit.code.co_ninstructions }, (_, i) => unit.code.co_code[2 * i]);
    expect(ops).toContain(Op.PRINT_EXPR);
    expect(ops).not.toContain(Op.POP_TOP);
  });
  it("does not echo inside functions", () => {
    const unit = compileModule("def f():\n    1 + x\n", "<stdin>", "single");
    const f = unit.code.co_consts.find((c) => c.kind === "code");
    expect(f && f.kind === "code" && disassemble(f.code)).not.toContain("PRINT_EXPR");
  });
  it("keeps warnings without source text and numbers lines from 1", () => {
    const unit = compileModule("x is 1000\n", "<stdin>", "single");
    expect(unit.warnings).toEqual([
      { category: "SyntaxWarning", message: '"is" with a literal. Did you mean "=="?', filename: "<stdin>", lineno: 1, text: "", pos: { line: 1, col: 0, endLine: 1, endCol: 9 } },
    ]);
  });
});
