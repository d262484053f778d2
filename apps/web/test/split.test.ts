/**
 * The interpreter's bundle split in two modules (bundler/split.ts): the part is the roots' source modules
 * and all they use, it uses nothing of the main module, and the two modules together compute what the
 * bundle did. On a small bundle of esbuild's shape, run in Node, and on the page's interpreter bundle
 * (test/mangled-corpus.test.ts runs the whole corpus through the split Node bundle).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseAst } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { bundleInterpreterCode } from "../bundler/interpreter.js";
import { SPLIT_ROOTS, splitModule } from "../bundler/split.js";
import { WEB } from "./corpus-cases.js";

const OUT = join(WEB, "node_modules", ".cache", "pyheap-split-test");
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** A bundle as esbuild writes one: each source module's statements under its `// path` comment. */
const BUNDLE = `// src/table.ts
var TABLE = [1, 2, 3];
var counter = 0;
function bump() {
  return ++counter;
}

// src/parse.ts
var Parser = class {
  constructor(text) {
    this.items = text.split(" ").map(Number);
  }
  total() {
    return this.items.reduce((a, b) => a + b + TABLE[0], 0);
  }
};
function parse(text) {
  bump();
  return new Parser(text);
}

// src/vm.ts
var log = [];
function vmRun(text) {
  let p = parse(text);
  log.push(p.total());
  return p.total() * 2;
}
var ready = vmRun("4 5");

// src/index.ts
function report() {
  return { ready, log: log.slice(), calls: bump(), first: TABLE[0] };
}
export {
  report,
  vmRun as run
};
`;

async function importModules(name: string, files: Record<string, string>): Promise<Record<string, unknown>> {
  const dir = join(OUT, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return (await import(pathToFileURL(join(dir, "main.mjs")).href)) as Record<string, unknown>;
}

describe("splitModule on a small bundle", () => {
  const split = splitModule(BUNDLE, parseAst(BUNDLE) as never, ["src/parse.ts"], "./part.mjs");

  it("puts the roots' modules and those they use in the part, the rest in the main module", () => {
    expect(split.modules).toEqual(["src/parse.ts", "src/table.ts"]);
    // the main module uses bump, parse and TABLE of the part
    expect(split.imports).toEqual(["TABLE", "bump", "parse"]);
    expect(split.part).toContain("var Parser = class");
    expect(split.part).not.toContain("function vmRun");
    expect(split.main).not.toContain("var Parser = class");
    expect(split.main).toContain("function vmRun");
    // the part imports nothing
    expect(split.part).not.toMatch(/\bimport\b/);
    expect(split.share).toBeGreaterThan(0.3);
    expect(split.share).toBeLessThan(0.6);
  });

  it("keeps each statement at its line and column (one source map serves both)", () => {
    const lines = BUNDLE.split("\n");
    const main = split.main.split("\n");
    const part = split.part.split("\n");
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      expect(main[i] === line || part[i] === line, `line ${i + 1}: ${line}`).toBe(true);
    });
  });

  it("computes what the bundle computed, the part running first", async () => {
    const whole = await importModules("whole", { "main.mjs": BUNDLE });
    const parts = await importModules("split", { "main.mjs": split.main, "part.mjs": split.part });
    expect(Object.keys(parts).sort()).toEqual(Object.keys(whole).sort());
    for (const m of [whole, parts]) expect((m.run as (t: string) => number)("1 2")).toBe(10);
    const [a, b] = [whole, parts].map((m) => (m.report as () => unknown)());
    expect(b).toEqual(a);
    expect(b).toEqual({ ready: 22, log: [11, 5], calls: 3, first: 1 });
  });

  it("refuses a split where the main module assigns a binding of the part (an import cannot be assigned)", () => {
    const code = BUNDLE.replace("var ready = vmRun", "counter = 10;\nvar ready = vmRun");
    expect(() => splitModule(code, parseAst(code) as never, ["src/parse.ts"], "./part.mjs")).toThrow(/assigns counter, of src\/table\.ts/);
  });

  it("exports what it is asked to under its own name, and only what the part holds", async () => {
    const withParse = splitModule(BUNDLE, parseAst(BUNDLE) as never, ["src/parse.ts"], "./part.mjs", ["parse"]);
    const part = (await importModules("exposed", { "main.mjs": withParse.main, "part.mjs": withParse.part }).then(() => import(pathToFileURL(join(OUT, "exposed", "part.mjs")).href))) as { parse: (t: string) => { total(): number } };
    expect(part.parse("2 3").total()).toBe(7);
    expect(() => splitModule(BUNDLE, parseAst(BUNDLE) as never, ["src/parse.ts"], "./part.mjs", ["vmRun"])).toThrow(/does not hold vmRun/);
  });

  it("fails on a root it does not find", () => {
    expect(() => splitModule(BUNDLE, parseAst(BUNDLE) as never, ["src/compile.ts"], "./part.mjs")).toThrow(/0 modules ending with src\/compile\.ts/);
  });
});

describe("the page's interpreter bundle, split at SPLIT_ROOTS", () => {
  it("has the parser, lezer and the compiler in the part, the VM in the main module, few names between them", async () => {
    const { code } = await bundleInterpreterCode("browser");
    const split = splitModule(code, parseAst(code) as never, SPLIT_ROOTS, "pyheap:interpreter-part");
    const has = (re: RegExp): boolean => split.modules.some((m) => re.test(m));
    expect(has(/@lezer\/lr\//)).toBe(true);
    expect(has(/@lezer\/python\//)).toBe(true);
    expect(has(/packages\/python\/src\/parse\/parser\.ts$/)).toBe(true);
    expect(has(/packages\/python\/src\/compile\/codegen\.ts$/)).toBe(true);
    expect(has(/packages\/python\/src\/vm\/(vm|loop|eval)\.ts$/)).toBe(false);
    expect(has(/packages\/python\/src\/trace\//)).toBe(false);
    // what the part holds is its own (it imports only the heap package and the page's module of
    // on-demand code, never the main module)
    const from = [...split.part.matchAll(/^import\b[^;]*?\bfrom\s*"([^"]+)"/gm)].map((m) => m[1]);
    expect(from.length).toBeGreaterThan(0);
    expect(new Set(from)).toEqual(new Set(from.filter((f) => f === "@pyheap/heap" || f === "pyheap:python-sources")));
    expect(split.imports.length).toBeGreaterThan(0);
    expect(split.imports.length).toBeLessThan(40);
    // a share of the code large enough to be worth compiling apart
    expect(split.share).toBeGreaterThan(0.3);
    expect(split.share).toBeLessThan(0.7);
  });
});
