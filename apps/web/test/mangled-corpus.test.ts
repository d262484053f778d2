/**
 * The page's interpreter has its property names shortened (bundler/mangle-props.ts), and its WASM heap is
 * the core's size-optimised build (bundler/wasm.ts). This builds the same interpreter for Node, renamed by
 * the same plan (bundler/interpreter.ts: one plan, made from the browser bundle) and split in two modules as
 * the page's is (bundler/split.ts), and runs the whole corpus
 * through it on the size build, in a child process, as tools/corpus/run.mjs does: every
 * case of corpus/ratchet.txt must print exactly what CPython printed, with a clean heap; every case must
 * give the same output, heap checks and error as the package's own build (packages/python/dist, not
 * renamed, on the release build); and every fifth case's whole RunResult with its line trace (what the page draws;
 * its first 20 000 steps, so that long programs end at the same step in both) must be the same JSON through both.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAst } from "vite";
import { bundleInterpreterCode } from "../bundler/interpreter.js";
import type { ManglePlan } from "../bundler/mangle-props.js";
import { SPLIT_ROOTS, splitModule } from "../bundler/split.js";
import { type CaseResult, CORPUS_WALL_MS, ratchetFailures, ROOT, runCorpus, WEB } from "./corpus-cases.js";
// inside apps/web, so that the bundle's imports of @pyheap/heap and @pyheap/core resolve to their Node builds
const OUT = join(WEB, "node_modules", ".cache", "pyheap-mangled-corpus");
const TRACE_EVERY = 5;
/**
 * Cases where native code (sorted's key, map, __eq__…) calls back into Python until the eval loop finds
 * JavaScript's stack running low and raises RecursionError: how deep that is depends on the size of each
 * build's JavaScript frames, so their traces have different lengths; their output (which says only that
 * RecursionError came), heap checks and errors are still compared.
 */
const JS_STACK_DEPTH = /^cases\/fidelity\/(28-recursion-through-native-calls|31-recursion-through-dunders)\.py$/;
// the WASM heap the page ships (bundler/wasm.ts), where the package's own build loads the release build
const SIZE_BUILD = join(ROOT, "packages", "core", "build", "pyheap.size.wasm");

let plan: ManglePlan;
let code: string;
let renamed: CaseResult[];
let reference: CaseResult[];
let sizeBuildReads: number;
const packageBuild = createRequire(join(WEB, "package.json")).resolve("@pyheap/python");

beforeAll(async () => {
  const built = await bundleInterpreterCode("node");
  plan = built.plan;
  code = built.code;
  mkdirSync(OUT, { recursive: true });
  // in two modules, as the page has it (bundler/split.ts)
  const split = splitModule(code, parseAst(code) as never, SPLIT_ROOTS, "./interpreter-part.mjs");
  const file = join(OUT, "interpreter.mjs");
  writeFileSync(file, split.main);
  writeFileSync(join(OUT, "interpreter-part.mjs"), split.part);
  expect(existsSync(packageBuild), "build @pyheap/python first").toBe(true);
  const [a, b] = await Promise.all([runCorpus(file, TRACE_EVERY, SIZE_BUILD), runCorpus(packageBuild, TRACE_EVERY)]);
  ({ cases: renamed, wasmReads: sizeBuildReads } = a);
  reference = b.cases;
}, CORPUS_WALL_MS + 60_000);

describe("the interpreter with shortened property names (Node bundle, same plan as the page's) on the size-optimised WASM heap", () => {
  it("is renamed: the interpreter's own method names are gone from the bundle", () => {
    expect(Object.keys(plan.cache).length).toBeGreaterThan(500);
    for (const name of ["typeError", "newLabel", "infoOfType"]) {
      expect(plan.cache[name], name).toBeDefined();
      expect(code).not.toContain(`.${name}(`);
    }
    // names the page, the heap binding, the trace and Python programs see are kept
    for (const name of ["stdout", "typeName", "decref", "getSlot", "append", "__init__"]) expect(plan.cache[name], name).toBeUndefined();
  });

  it("ran on the size-optimised WASM build", () => {
    expect(sizeBuildReads).toBeGreaterThan(0);
  });

  it("passes every case of the ratchet, byte for byte, with a clean heap", () => {
    const { ratchet, failed } = ratchetFailures(renamed);
    expect(ratchet.length).toBeGreaterThan(200);
    expect(failed).toEqual([]);
  });

  it("fails a case its limits stopped, whatever it printed: the step limit, and its CPU time for a builtin that runs on", async () => {
    // neither prints anything, as their (absent) expected outputs say
    const dir = mkdtempSync(join(tmpdir(), "pyheap-limits-"));
    try {
      writeFileSync(join(dir, "loop.py"), "while True:\n    pass\n");
      writeFileSync(join(dir, "builtin.py"), "sum(range(10 ** 15))\n");
      const { cases } = await runCorpus(packageBuild, 1000, undefined, dir, { PYHEAP_CASE_CPU_MS: "1000" });
      expect(cases.map((c) => [c.case, c.stdout, c.stopped])).toEqual([
        ["builtin.py", "", "time: run interrupted"],
        ["loop.py", "", "steps: step limit of 10000000 exceeded"],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, CORPUS_WALL_MS);

  it("gives every case the same output, heap checks, errors and traced result as the package's own build", () => {
    expect(renamed.length).toBe(reference.length);
    expect(renamed.filter((r) => r.traced !== undefined).length).toBeGreaterThan(40);
    for (let i = 0; i < renamed.length; i++) {
      const a = renamed[i]!;
      const b = reference[i]!;
      expect(a.case).toBe(b.case);
      // JS errors carry the file they were thrown from: compare their first line only
      const traced = JS_STACK_DEPTH.test(a.case) ? { traced: undefined } : {};
      expect({ ...a, error: a.error?.split("\n")[0], ...traced }, a.case).toEqual({ ...b, error: b.error?.split("\n")[0], ...traced });
    }
  });
});
