/**
 * The budget of issue 6: the element with the interpreter, its parser and the WASM heap, without the
 * editor, under 200 KB gzipped. What is counted is what the HTTP server sends a browser that accepts gzip:
 * the build's zopfli-compressed copies `FILE.gz` (bundler/compress.ts, gzip format), whose sizes this reads;
 * a counted file without its copy fails the test, and so does a copy that does not unpack to its file.
 * zlib's gzip -9 of the same files is printed beside them (zopfli packs them ~5 % smaller).
 *
 * Two sets of files, each followed from its entry through static and dynamic imports, leaving out the
 * chunks loaded only on demand (the editor and what only it needs, SVG/PNG export, the Python source of
 * `weakref` and `copy`, the bodies of bytes' methods, the interpreter's lazy chunk of bundler/lazy.ts: none
 * of the demo's chapters nor the 20-line program loads them, as test/e2e/chapters.e2e.test.ts,
 * bytes.e2e.test.ts and lazy.e2e.test.ts check), which are reported on their own, and the core's debug build:
 * - the component alone, the library build (dist/lib): its entry, the chunks it loads, the WASM heap it
 *   fetches. The issue's budget is about it: it must be under the budget, and under `libraryCeilingBytes`
 *   in `bundle-budget.json`, what was last measured plus ~0.4 KB (a guard against growth within the budget).
 * - the demo page (dist/), from its manifest: the page's script and style sheet with the same component,
 *   held to its own `demoCeilingBytes` (measured plus ~0.4 KB, at most 4 KB over the component's ceiling
 *   for the demo's own chapters, script and style sheet).
 * Lower the ceilings whenever the files get smaller.
 *
 * The strict reading of the budget is counted too, for the component (the library build): everything it
 * can ever load but the editor — its entry, the chunks it loads, the WASM heap, and the on-demand chunks
 * that are still the component (bytes' bodies, the lazy chunk, the weakref/copy sources, SVG/PNG export,
 * and whatever they import) — each file packed by zlib's gzip -9, not zopfli. Not counted: the editor and
 * what only it loads, and the core's debug build (fetched only for a heap loaded with `{ debug: true }`,
 * which the element never asks for). That figure is over the budget, and moving code into a chunk of its
 * own makes it larger (each chunk is packed on its own); it is held to `libraryStrictCeilingBytes`, what
 * was measured plus ~1 KB, to be lowered as it shrinks and brought under the budget.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DIST as BUILT } from "./e2e/harness.js";

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

/** The build to measure: apps/web/dist, or the one PYHEAP_WEB_DIST names (a build written elsewhere). */
const DIST = process.env.PYHEAP_WEB_DIST ?? BUILT;
const LIB = join(DIST, "lib");
const SIZE_WASM = readFileSync(new URL("../../../packages/core/build/pyheap.size.wasm", import.meta.url));
const {
  budgetBytes: BUDGET,
  libraryCeilingBytes: LIBRARY_CEILING,
  demoCeilingBytes: DEMO_CEILING,
  libraryStrictCeilingBytes: LIBRARY_STRICT_CEILING,
} = JSON.parse(readFileSync(new URL("../bundle-budget.json", import.meta.url), "utf8")) as {
  budgetBytes: number;
  libraryCeilingBytes: number;
  demoCeilingBytes: number;
  libraryStrictCeilingBytes: number;
};

interface Sizes {
  file: string;
  /** the bytes the server sends: the size of `file.gz` */
  sent: number;
  /** zlib's gzip -9 of the file, for comparison */
  gzip9: number;
}

/** What the server sends for `dir/file`: its compressed copy, which must exist and unpack to the file. */
function measure(dir: string, file: string): Sizes {
  const bytes = readFileSync(join(dir, file));
  const gz = join(dir, `${file}.gz`);
  expect(existsSync(gz), `${file} has no compressed copy ${file}.gz`).toBe(true);
  const packed = readFileSync(gz);
  expect(gunzipSync(packed).equals(bytes), `${file}.gz unpacks to ${file}`).toBe(true);
  return { file, sent: packed.length, gzip9: gzipSync(bytes, { level: 9 }).length };
}

/** What the demo page may add to the component's budget for its own chapters, script and style sheet. */
const DEMO_OWN_FILES_ALLOWANCE = 4 * 1024;

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/**
 * Prints the counted files and the on-demand ones; holds the total to `ceiling`, and with `withinBudget`
 * to the budget; returns the total sent.
 */
function report(name: string, dir: string, files: Iterable<string>, onDemand: Iterable<string>, ceiling: number, withinBudget: boolean): number {
  const sizes = [...files].map((f) => measure(dir, f));
  const sent = sizes.reduce((s, x) => s + x.sent, 0);
  const gzip9 = sizes.reduce((s, x) => s + x.gzip9, 0);
  console.log(
    `${name}, sent without the editor (zopfli .gz): ${kb(sent)} (${sent} B); gzip -9: ${kb(gzip9)} (${gzip9} B)\n` +
      sizes.map((x) => `  ${x.file}: ${kb(x.sent)} (gzip -9 ${kb(x.gzip9)})`).join("\n"),
  );
  console.log(`${name}, loaded on demand (not counted):\n${[...onDemand].map((f) => `  ${f}: ${kb(measure(dir, f).sent)}`).join("\n")}`);
  console.log(
    sent < BUDGET
      ? `${name}: within the 200 KB budget (${kb(BUDGET - sent)} to spare)`
      : `${name}: over the ${kb(BUDGET)} budget by ${kb(sent - BUDGET)} (ceiling ${kb(ceiling)})`,
  );
  expect(sent).toBeLessThan(ceiling);
  if (withinBudget) expect(sent, `${name}: sent under the 200 KB budget`).toBeLessThan(BUDGET);
  return sent;
}

describe("bundle size", () => {
  it("holds the budget's figures: 200 KB, the component's ceiling within it", () => {
    expect(BUDGET).toBe(200 * 1024);
    expect(LIBRARY_CEILING).toBeLessThanOrEqual(BUDGET);
    // the demo page: the component and the demo's own files (chapters, script, style sheet: ~3.1 KB)
    expect(DEMO_CEILING).toBeLessThanOrEqual(LIBRARY_CEILING + DEMO_OWN_FILES_ALLOWANCE);
    // the strict reading's ceiling is a number of bytes, not yet within the budget (see the header)
    expect(Number.isInteger(LIBRARY_STRICT_CEILING) && LIBRARY_STRICT_CEILING > 0).toBe(true);
  });

  /** The on-demand chunk `name` holds `texts`, and no counted file holds any of them. */
  function onlyInTheirChunk(dir: string, files: Set<string>, onDemand: Set<string>, name: string, texts: string[]): void {
    const chunk = [...onDemand].filter((f) => new RegExp(`(^|/)_?${name}-[\\w-]+\\.js$`).test(f));
    expect(chunk, name).toHaveLength(1);
    const code = readFileSync(join(dir, chunk[0]!), "utf8");
    for (const text of texts) {
      expect(code.includes(text), text).toBe(true);
      for (const f of files) if (f.endsWith(".js")) expect(readFileSync(join(dir, f), "utf8").includes(text), `${f}: ${text}`).toBe(false);
    }
  }

  /**
   * bytes' bodies (packages/python/src/builtins/bytes-impl.ts) are one on-demand chunk, and only there; so
   * are the interpreter's lazy parts (bundler/lazy.ts: the format-spec mini-language, pattern matching).
   */
  function onDemandOnlyInTheirChunks(dir: string, files: Set<string>, onDemand: Set<string>): void {
    onlyInTheirChunk(dir, files, onDemand, "pyheap-bytes-impl", ["maketrans arguments must have same length", "string argument without an encoding", "pop from empty bytearray"]);
    onlyInTheirChunk(dir, files, onDemand, "pyheap-lazy", ["Format specifier missing precision", "called match pattern must be a type", "__match_args__ elements must be strings"]);
  }

  it("the component alone (library build): entry, interpreter, heap binding and WASM heap sent under the ceiling (editor excluded)", () => {
    const entry = "py-heap-view.js";
    expect(existsSync(join(LIB, entry)), "build the library first").toBe(true);
    const files = new Set<string>();
    const onDemand = new Set<string>();
    // loaded only on demand, never to show the element: the editor (Edit), SVG/PNG export (first export),
    // the weakref/copy sources (a program that imports them), bytes' bodies (a program that uses bytes)
    const isOnDemand = (f: string): boolean => /^(code-editor|export|pysrc|_?pyheap-bytes-impl|_?pyheap-lazy)-[\w-]+\.js$/.test(f);
    const isEditor = (f: string): boolean => f.startsWith("code-editor-");
    // what each file imports (static `from"./x.js"`, `import"./x.js"`, dynamic `import("./x.js")`) and the
    // WASM files it names
    const importsOf = (file: string): { js: string[]; wasm: string[] } => {
      const code = readFileSync(join(LIB, file), "utf8");
      return {
        js: [...code.matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!),
        wasm: [...code.matchAll(/"\.\/([^"]+\.wasm)"/g)].map((m) => m[1]!),
      };
    };
    const visit = (file: string): void => {
      if (files.has(file) || onDemand.has(file)) return;
      if (isOnDemand(file)) {
        onDemand.add(file);
        return;
      }
      files.add(file);
      const { js, wasm } = importsOf(file);
      for (const f of js) visit(f);
      // the WASM files it names: the one the page fetches is the core's size build; the other is its
      // debug build, fetched only with { debug: true }
      for (const f of wasm) {
        if (readFileSync(join(LIB, f)).equals(SIZE_WASM)) files.add(f);
        else onDemand.add(f);
      }
    };
    visit(entry);
    // The strict reading: everything the component can load but the editor (and what only the editor
    // loads) and the debug build, from the same entry through every import, on demand or not.
    const strict = new Set<string>();
    const visitStrict = (file: string): void => {
      if (strict.has(file) || isEditor(file)) return;
      strict.add(file);
      const { js, wasm } = importsOf(file);
      for (const f of js) visitStrict(f);
      for (const f of wasm) if (readFileSync(join(LIB, f)).equals(SIZE_WASM)) strict.add(f);
    };
    visitStrict(entry);
    for (const f of files) expect(strict.has(f), f).toBe(true);
    // the on-demand chunks that are the component's own: bytes' bodies, the weakref/copy sources, export
    for (const re of [/^_?pyheap-bytes-impl-/, /^_?pyheap-lazy-/, /^pysrc-/, /^export-/]) expect([...strict].filter((f) => re.test(f)), String(re)).toHaveLength(1);
    // the element, the interpreter in two chunks (the second with its parser and compiler, bundler/split.ts),
    // the heap binding, the WASM heap: five files
    expect([...files].filter((f) => f.endsWith(".wasm"))).toHaveLength(1);
    expect([...files].filter((f) => f.endsWith(".js"))).toHaveLength(4);
    expect([...files].filter((f) => /^_?pyheap-interpreter-part-[\w-]+\.js$/.test(f))).toHaveLength(1);
    expect([...onDemand].filter((f) => f.startsWith("code-editor-"))).toHaveLength(1);
    // every file of the build the page could fetch is either counted or on demand
    for (const f of readdirSync(LIB)) if (/\.(js|wasm)$/.test(f)) expect(files.has(f) || onDemand.has(f), f).toBe(true);
    onDemandOnlyInTheirChunks(LIB, files, onDemand);
    report("library build (dist/lib)", LIB, files, onDemand, LIBRARY_CEILING, true);
    const sizes = [...strict].map((f) => measure(LIB, f));
    const gzip9 = sizes.reduce((n, x) => n + x.gzip9, 0);
    const sent = sizes.reduce((n, x) => n + x.sent, 0);
    console.log(
      `library build, strict reading (everything but the editor and the debug build, ${strict.size} files): gzip -9 ${kb(gzip9)} (${gzip9} B), sent ${kb(sent)} (${sent} B); ` +
        (gzip9 < BUDGET ? `within the 200 KB budget (${kb(BUDGET - gzip9)} to spare)` : `over the 200 KB budget by ${kb(gzip9 - BUDGET)} (ceiling ${kb(LIBRARY_STRICT_CEILING)})`),
    );
    expect(gzip9).toBeLessThan(LIBRARY_STRICT_CEILING);
  });

  it("the demo page: its script, style sheet, interpreter, heap binding and WASM heap sent under the ceiling (editor excluded)", () => {
    const manifestPath = join(DIST, ".vite", "manifest.json");
    expect(existsSync(manifestPath), "build the demo first").toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, ManifestChunk>;
    const entry = Object.entries(manifest).find(([, c]) => c.isEntry)!;
    const files = new Set<string>();
    const onDemand = new Set<string>();
    const seen = new Set<string>();
    const visit = (key: string): void => {
      if (seen.has(key)) return;
      seen.add(key);
      const c = manifest[key]!;
      // loaded only on demand, never to show the element: the editor (Edit), SVG/PNG export (first export),
      // the weakref/copy sources (a program that imports them), bytes' bodies (a program that uses bytes)
      if (
        c.src?.includes("editor/code-editor") ||
        c.src?.endsWith("src/export.ts") ||
        /packages\/python\/.*\/pysrc\.[jt]s$/.test(c.src ?? "") ||
        c.src?.endsWith("pyheap-bytes-impl.js") ||
        c.src?.endsWith("pyheap-lazy.js")
      ) {
        onDemand.add(c.file);
        return;
      }
      files.add(c.file);
      for (const f of [...(c.css ?? []), ...(c.assets ?? [])]) files.add(f);
      for (const k of [...(c.imports ?? []), ...(c.dynamicImports ?? [])]) visit(k);
    };
    visit(entry[0]);
    // WASM files referenced with new URL(…, import.meta.url) count whether or not the manifest lists them,
    // except the core's debug build, which is fetched only when a heap is loaded with { debug: true }.
    // The Node-only restorable builds must not be emitted at all (a page never fetches them).
    for (const f of readdirSync(join(DIST, "assets"))) if (f.endsWith(".wasm")) files.add(`assets/${f}`);
    for (const f of files) if (/\.debug[-.]/.test(f)) files.delete(f);
    expect(files.has(entry[1].file)).toBe(true);
    // the weakref/copy sources are their own chunk, and only there
    const sources = [...onDemand].filter((f) => f.includes("pyheap-python-sources"));
    expect(sources).toHaveLength(1);
    expect(readFileSync(join(DIST, sources[0]!), "utf8")).toContain("def deepcopy(");
    for (const f of files) if (f.endsWith(".js")) expect(readFileSync(join(DIST, f), "utf8"), f).not.toContain("def deepcopy(");
    onDemandOnlyInTheirChunks(DIST, files, onDemand);
    expect(readdirSync(join(DIST, "assets")).filter((f) => f.includes("restorable"))).toEqual([]);
    // the one WASM heap the page fetches is the core's size-optimised build (bundler/wasm.ts)
    const wasm = [...files].filter((f) => f.endsWith(".wasm"));
    expect(wasm).toHaveLength(1);
    expect(readFileSync(join(DIST, wasm[0]!)).equals(SIZE_WASM)).toBe(true);
    expect([...files].some((f) => f.includes("code-editor") || /\/export-/.test(f))).toBe(false);
    // the page itself is sent compressed too (not counted: it is the demo's, not the component's)
    measure(DIST, "index.html");
    // over the budget by ~1.1 KB (10:25 UTC; its own script and chapters are ~3 KB): held to its ceiling
    report("demo page (dist/)", DIST, files, onDemand, DEMO_CEILING, false);
  });
});
