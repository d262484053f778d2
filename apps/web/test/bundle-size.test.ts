/**
 * The budget of issue 6: the element with the interpreter, its parser and the WASM heap, without the
 * editor, under 200 KB gzipped. Follows the built demo's manifest from the page's entry through static
 * and dynamic imports, leaving out the chunks loaded only on demand (the editor and what only it needs,
 * SVG/PNG export, the Python source of `weakref` and `copy`: none of the demo's chapters nor the 20-line
 * program loads them, as test/e2e/chapters.e2e.test.ts checks); those are reported on their own.
 *
 * The budget is not met today (214.1 KB at 04:15 UTC on 2026-11-26, see README): the test holds the
 * page to the ceiling in `bundle-budget.json` — what was measured, plus a little room — so that it can
 * only shrink towards the budget; lower the ceiling whenever the page gets smaller.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DIST } from "./e2e/harness.js";

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

const { budgetBytes: BUDGET, ceilingBytes: CEILING } = JSON.parse(readFileSync(new URL("../bundle-budget.json", import.meta.url), "utf8")) as {
  budgetBytes: number;
  ceilingBytes: number;
};

function gz(file: string): number {
  return gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
}

describe("bundle size", () => {
  it("keeps the element, interpreter and WASM heap under the size ceiling, gzipped (editor excluded)", () => {
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
      // the weakref/copy sources (a program that imports them)
      if (c.src?.includes("editor/code-editor") || c.src?.endsWith("src/export.ts") || /packages\/python\/.*\/pysrc\.[jt]s$/.test(c.src ?? "")) {
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
    const sizes = [...files].map((f) => [f, gz(f)] as const);
    const total = sizes.reduce((s, [, n]) => s + n, 0);
    console.log(`gzipped without the editor: ${(total / 1024).toFixed(1)} KB\n${sizes.map(([f, n]) => `  ${f}: ${(n / 1024).toFixed(1)} KB`).join("\n")}`);
    console.log(`loaded on demand (not counted):\n${[...onDemand].map((f) => `  ${f}: ${(gz(f) / 1024).toFixed(1)} KB`).join("\n")}`);
    expect(files.has(entry[1].file)).toBe(true);
    // the weakref/copy sources are their own chunk, and only there
    const sources = [...onDemand].filter((f) => f.includes("pyheap-python-sources"));
    expect(sources).toHaveLength(1);
    expect(readFileSync(join(DIST, sources[0]!), "utf8")).toContain("def deepcopy(");
    for (const f of files) if (f.endsWith(".js")) expect(readFileSync(join(DIST, f), "utf8"), f).not.toContain("def deepcopy(");
    expect(readdirSync(join(DIST, "assets")).filter((f) => f.includes("restorable"))).toEqual([]);
    // the one WASM heap the page fetches is the core's size-optimised build (bundler/wasm.ts)
    const wasm = [...files].filter((f) => f.endsWith(".wasm"));
    expect(wasm).toHaveLength(1);
    expect(readFileSync(join(DIST, wasm[0]!)).equals(readFileSync(new URL("../../../packages/core/build/pyheap.size.wasm", import.meta.url)))).toBe(true);
    expect([...files].some((f) => f.includes("code-editor") || /\/export-/.test(f))).toBe(false);
    console.log(
      total < BUDGET
        ? `within the 200 KB budget (${((BUDGET - total) / 1024).toFixed(1)} KB to spare): set the ceiling to the budget`
        : `over the ${(BUDGET / 1024).toFixed(0)} KB budget by ${((total - BUDGET) / 1024).toFixed(1)} KB (ceiling ${(CEILING / 1024).toFixed(1)} KB)`,
    );
    expect(BUDGET).toBe(200 * 1024);
    expect(CEILING).toBeGreaterThanOrEqual(BUDGET);
    expect(total).toBeLessThan(CEILING);
  });
});
