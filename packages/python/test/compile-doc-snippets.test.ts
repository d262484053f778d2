import { readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tryCompile } from "../src/compile/index.js";
import { pythonCompile, summarize } from "./compile-helpers/oracle.js";

/** Every ```python block of the memory-model document, compiled by us and by python3. */
const DOC = "/work/shared/docs/cpython-memory-model.md";

const blocks = existsSync(DOC) ? [...readFileSync(DOC, "utf8").matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]!) : [];

describe("memory-model document snippets compile as python3 compiles them", () => {
  it("finds the snippets", () => {
    expect(blocks.length).toBeGreaterThan(50);
  });
  const oracle = pythonCompile(blocks.map((src) => ({ src, filename: "snippet.py" })));
  blocks.forEach((src, i) => {
    it(`snippet ${i}: ${src.split("\n")[0]!.slice(0, 60)}`, () => {
      const expected = oracle[i]!;
      const r = tryCompile(src, "snippet.py", "exec");
      if (!expected.ok) {
        expect(r.ok ? "compiled" : r.error.msg).toBe(expected.msg);
        return;
      }
      expect(r.ok ? "ok" : r.error.msg).toBe("ok");
      if (r.ok) expect(summarize(r.unit.code)).toEqual(expected.codes);
    });
  });
});
