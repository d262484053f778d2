/**
 * The page's interpreter as the page has it, split into its on-demand pieces: the interpreter's bundle for
 * browsers (bundler/interpreter.ts: renamed, its lazy modules stubs) in its two chunks (bundler/split.ts),
 * the lazy chunk (bundler/lazy.ts),
 * bytes' bodies and the weakref/copy sources behind the runner's loader (bundler/lazy-sources.ts over
 * src/python-sources.ts), all put together for Node. Before the pieces are loaded, a run that reaches one
 * stops with a JavaScript error (the runner's signal to load them and run again); once they are loaded,
 * every case of the corpus's ratchet prints exactly what CPython printed, with a clean heap, run as
 * test/mangled-corpus.child.mjs runs them.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build as esbuild } from "esbuild";
import { parseAst } from "vite";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleBytesImplCode, bundleInterpreterCode, bundleLazyCode } from "../bundler/interpreter.js";
import { SPLIT_ROOTS, splitModule } from "../bundler/split.js";
import { type CaseResult, CORPUS_WALL_MS, ratchetFailures, ROOT, runCorpus, WEB } from "./corpus-cases.js";

// inside apps/web, so that the bundle's imports of @pyheap/heap and @pyheap/core resolve to their Node builds
const OUT = join(WEB, "node_modules", ".cache", "pyheap-lazy-corpus");

/** Writes the page's pieces to OUT; returns the entry that loads them all (`loaded`) or none. */
async function writePieces(): Promise<{ bare: string; loaded: string }> {
  mkdirSync(OUT, { recursive: true });
  const { code } = await bundleInterpreterCode("browser");
  // in its two chunks (bundler/split.ts)
  const { main, part } = splitModule(code, parseAst(code) as never, SPLIT_ROOTS, "./interpreter-part.mjs");
  writeFileSync(join(OUT, "interpreter.mjs"), main.replaceAll('"pyheap:python-sources"', '"./python-sources.mjs"'));
  writeFileSync(join(OUT, "interpreter-part.mjs"), part.replaceAll('"pyheap:python-sources"', '"./python-sources.mjs"'));
  writeFileSync(join(OUT, "lazy.mjs"), await bundleLazyCode("./interpreter.mjs"));
  writeFileSync(join(OUT, "bytes-impl.mjs"), await bundleBytesImplCode());
  // the runner's loader as the page's build resolves it: the weakref/copy sources are the package's own
  const loader = await esbuild({
    entryPoints: [join(WEB, "bundler", "lazy-sources.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    logLevel: "warning",
    plugins: [
      {
        name: "pieces",
        setup(b) {
          b.onResolve({ filter: /^pyheap:bytes-impl$/ }, () => ({ path: "./bytes-impl.mjs", external: true }));
          b.onResolve({ filter: /^pyheap:lazy$/ }, () => ({ path: "./lazy.mjs", external: true }));
          b.onResolve({ filter: /^pyheap:interpreter-part$/ }, () => ({ path: "./interpreter-part.mjs", external: true }));
          b.onResolve({ filter: /^@pyheap\/python\/python-sources$/ }, () => ({ path: join(ROOT, "packages", "python", "src", "modules", "pysrc.ts") }));
        },
      },
    ],
  });
  writeFileSync(join(OUT, "python-sources.mjs"), loader.outputFiles[0]!.text);
  const bare = join(OUT, "bare.mjs");
  writeFileSync(bare, `export * from "./interpreter.mjs";\nexport { loadPythonSources, notLoadedCount, pythonSourcesLoaded } from "./python-sources.mjs";\n`);
  const loaded = join(OUT, "loaded.mjs");
  writeFileSync(loaded, `import { loadPythonSources } from "./python-sources.mjs";\nawait loadPythonSources();\nexport * from "./interpreter.mjs";\n`);
  return { bare, loaded };
}

let bare: string;
let cases: CaseResult[];

beforeAll(async () => {
  const pieces = await writePieces();
  bare = pieces.bare;
  ({ cases } = await runCorpus(pieces.loaded, 1_000_000));
}, CORPUS_WALL_MS + 60_000);

describe("the page's interpreter with its on-demand pieces (Node)", () => {
  it("stops with a JavaScript error, not a Python one, where a run reaches a piece not loaded yet", async () => {
    const m = (await import(pathToFileURL(bare).href)) as {
      run: (code: string, options: object) => { stdout: string; exitCode: number };
      pythonSourcesLoaded: () => boolean;
      notLoadedCount: () => number;
    };
    expect(m.pythonSourcesLoaded()).toBe(false);
    // a Python `try` does not catch it; a program that reaches none of them runs
    for (const program of ["try:\n    print(f'{3.5:>8.2f}')\nexcept Exception as e:\n    print('caught', e)\n", "print(sorted([2, 1]))\n", "print(round(2.675, 2))\n", "r = range(2 ** 60)\nprint(len(r))\n", "print('a\\tb'.expandtabs(4))\n", "print(str.maketrans('a', 'b'))\n", "class A:\n    pass\nclass B:\n    pass\nclass C(A):\n    pass\nC.__bases__ = (B,)\n", "print((0.1).hex())\n", "print(float.fromhex('0x1.8p1'))\n", "print((2.5).as_integer_ratio())\n", "print(1\n", "print(complex('1+2j'))\n", "try:\n    open('data.txt')\nexcept OSError as e:\n    print('caught', e)\n", "print(pow(3, 4, 5))\n", "print(OSError(2, 'gone'))\n", "print(UnicodeEncodeError('ascii', 'x', 0, 1, 'bad'))\n", "print(int('\u0663'))\n", "print(dir(type('K', (), {'__dir__': lambda s: ['b', 'a']})()))\n", "print(len((258).to_bytes(2, 'big')))\n"]) {
      expect(() => m.run(program, {}), program).toThrow(/not loaded yet/);
    }
    // the counts of countObjects, which the page never asks for
    expect(() => m.run("print(1)\n", { countObjects: true })).toThrow(/not loaded yet/);
    expect(m.run("print(3.5, [1, 2][::-1], range(3))\n", {}).stdout).toBe("3.5 [2, 1] range(0, 3)\n");
    // nor does the first-diagram benchmark's program, traced as the page traces it: its `gc` module and the
    // main module are drawn by their reprs (a module's repr once went to the on-demand chunk, so every
    // program importing a module ran twice in the page: the trace's repr falls back on a generic one, and the
    // runner runs again when the count of pieces not loaded yet moved)
    const twenty = join(WEB, "bench", "twenty-lines.py");
    const misses = m.notLoadedCount();
    expect(m.run(readFileSync(twenty, "utf8"), { trace: "line" }).stdout).toBe(execFileSync("python3", [twenty], { encoding: "utf8" }));
    expect(m.notLoadedCount()).toBe(misses);
  });

  it("passes every case of the ratchet once they are loaded, byte for byte, with a clean heap", () => {
    const { ratchet, failed } = ratchetFailures(cases);
    expect(ratchet.length).toBeGreaterThan(200);
    expect(failed).toEqual([]);
  });
});
