/**
 * Which entry turns the compiled path (src/jit) on: Node resolves `@pyheap/python` to dist/node.js (the
 * "node" export condition), which loads it switched on unless PYHEAP_JIT=0; the plain entry (what browser
 * bundles resolve) never loads it; `@pyheap/python/jit` switches it. Each case runs in a fresh node process
 * against the built package.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cpythonRunner } from "./cpython.js";

const pkg = fileURLToPath(new URL("..", import.meta.url));
// a loop jumping back 3 000 times: past the 500 jumps after which a loop is compiled
const SRC = "s = 0\nfor i in range(3000):\n    s += i * 3 % 7\nprint(s)\n";
const LOOP = JSON.stringify(SRC).slice(1, -1);
const expected = cpythonRunner("jit-default-")("main.py", SRC).stdout;

/** Runs `script` (an ES module) in a fresh node process in the package's folder; its last line is JSON. */
function child(script: string, env: Record<string, string | undefined>): { out: string; enabled: boolean; compiled: number; hook: boolean } {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("PYHEAP_JIT")) e[k] = v;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) e[k] = v;
  const text = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: pkg, env: e, encoding: "utf8" });
  return JSON.parse(text.trim().split("\n").at(-1)!);
}

const BY_NAME = `
import { run } from "@pyheap/python";
import { jitCounts, jitEnabled } from "@pyheap/python/jit";
import { jitState } from "./dist/vm/jit-hook.js";
const r = run("${LOOP}");
console.log(JSON.stringify({ out: r.stdout, enabled: jitEnabled(), compiled: jitCounts.compiled, hook: jitState.hook !== null }));
`;

describe("the compiled path's default", () => {
  it("is built (dist/node.js beside dist/index.js)", () => {
    expect(existsSync(`${pkg}/dist/node.js`), "build @pyheap/python first").toBe(true);
  });

  it("Node, no PYHEAP_JIT: `@pyheap/python` compiles a hot loop", () => {
    const r = child(BY_NAME, {});
    expect(r.out).toBe(expected);
    expect(r.enabled).toBe(true);
    expect(r.hook).toBe(true);
    expect(r.compiled).toBeGreaterThanOrEqual(1);
  });

  it("PYHEAP_JIT=0: the eval loop alone, the same output", () => {
    const r = child(BY_NAME, { PYHEAP_JIT: "0" });
    expect(r.out).toBe(expected);
    expect(r.enabled).toBe(false);
    expect(r.hook).toBe(false);
    expect(r.compiled).toBe(0);
  });

  it("PYHEAP_JIT=false / off / NO: off as well; PYHEAP_JIT=1: on", () => {
    for (const v of ["false", "off", "NO"]) {
      const r = child(BY_NAME, { PYHEAP_JIT: v });
      expect(r.out, v).toBe(expected);
      expect(r.enabled, v).toBe(false);
      expect(r.compiled, v).toBe(0);
    }
    const on = child(BY_NAME, { PYHEAP_JIT: "1" });
    expect(on.enabled).toBe(true);
    expect(on.compiled).toBeGreaterThanOrEqual(1);
  });

  it("the plain entry (what a browser bundle resolves) does not load it", () => {
    const r = child(
      `
import { run } from "./dist/index.js";
import { jitState } from "./dist/vm/jit-hook.js";
const r = run("${LOOP}");
console.log(JSON.stringify({ out: r.stdout, enabled: jitState.hook !== null, compiled: 0, hook: jitState.hook !== null }));
`,
      {},
    );
    expect(r.out).toBe(expected);
    expect(r.hook).toBe(false);
  });
});
