/**
 * bundler/python-strip.ts: the Python sources of packages/python/src/modules reach the page without their
 * comments, line for line. python3 is the judge: every source, stripped, parses to the same tree with the
 * same positions (lines and columns of every node) and holds no comment token.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stripPythonComments, stripPythonLiterals } from "../bundler/python-strip.js";
import { DIST } from "./e2e/harness.js";

const MODULES = fileURLToPath(new URL("../../../packages/python/src/modules/", import.meta.url));

const LITERAL = /\b([A-Z][A-Z0-9_]*_PY) = `((?:[^`\\$]|\\[\s\S]|\$(?!\{))*)`/g;

/** name → [value, value as the page's build has it] of each `const NAME_PY = \`…\`` of the modules. */
function sources(): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const f of readdirSync(MODULES).filter((f) => f.endsWith(".ts"))) {
    const ts = readFileSync(join(MODULES, f), "utf8");
    const stripped = new Map([...stripPythonLiterals(ts).matchAll(/\b([A-Z][A-Z0-9_]*_PY) = ("(?:[^"\\]|\\.)*")/g)].map((m) => [m[1]!, JSON.parse(m[2]!) as string]));
    for (const m of ts.matchAll(LITERAL)) out.set(m[1]!, [new Function(`return \`${m[2]}\`;`)() as string, stripped.get(m[1]!)!]);
  }
  return out;
}

const PY_CHECK = `
import ast, io, json, sys, tokenize
out = {}
for name, (a, b) in json.load(sys.stdin).items():
    same = ast.dump(ast.parse(a), include_attributes=True) == ast.dump(ast.parse(b), include_attributes=True)
    comments = sum(t.type == tokenize.COMMENT for t in tokenize.generate_tokens(io.StringIO(b).readline))
    before = sum(t.type == tokenize.COMMENT for t in tokenize.generate_tokens(io.StringIO(a).readline))
    out[name] = [same, a.count("\\n") == b.count("\\n"), before, comments]
print(json.dumps(out))
`;

describe("Python sources without comments (bundler/python-strip.ts)", () => {
  it("leaves strings, docstrings and line numbers alone", () => {
    const src = 'def f(x):  # trailing\n    """doc # not a comment"""\n    # whole line\n    s = "#" + \'a\\\'#\' + r"\\"#" + f"{x!r}#"\n    return s\n';
    const out = stripPythonComments(src);
    expect(out).toBe('def f(x):\n    """doc # not a comment"""\n\n    s = "#" + \'a\\\'#\' + r"\\"#" + f"{x!r}#"\n    return s\n');
  });

  it("every module's source, stripped, is the same program to python3 (tree and positions) with no comment left", () => {
    const pairs = sources();
    expect(pairs.size).toBeGreaterThanOrEqual(15);
    const report = JSON.parse(execFileSync("python3", ["-c", PY_CHECK], { input: JSON.stringify(Object.fromEntries(pairs)), encoding: "utf8" })) as Record<string, [boolean, boolean, number, number]>;
    let removed = 0;
    for (const [name, [same, lines, before, after]] of Object.entries(report)) {
      expect([name, same, lines, after]).toEqual([name, true, true, 0]);
      removed += before;
    }
    // the sources had comments to take out (heapq's, random's, warnings', dataclasses'…)
    expect(removed).toBeGreaterThan(10);
  });

  it("the built on-demand chunk holds the sources without their comments (demo page)", () => {
    const lazy = readdirSync(join(DIST, "assets")).find((f) => /^pyheap-lazy-.*\.js$/.test(f));
    expect(lazy, "build first").toBeDefined();
    const code = readFileSync(join(DIST, "assets", lazy!), "utf8");
    // heapq's source: a docstring-free function with a comment in python-strip's input, without it in the chunk
    expect(code).toContain("def _down(heap, top, pos, mx=False):");
    expect(code).not.toMatch(/\n\s*# the item at pos moves up towards top/);
  });
});
