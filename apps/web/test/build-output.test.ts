/**
 * What the builds do for the first render (see vite.config.ts and vite.lib.config.ts): the interpreter's
 * chunks, the second holding the parser, the heap binding's chunk and the page's entry carry V8's compile hint, and the library build asks for the interpreter's chunk
 * and the chunks it imports at once, from its one entry file. Both builds write the compressed copies the
 * HTTP server sends (bundler/compress.ts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { COMPRESSED_FILES } from "../bundler/compress.js";
import { DIST } from "./e2e/harness.js";

const HINT = "//# allFunctionsCalledOnLoad\n";
const LIB = join(DIST, "lib");

/** The relative specifiers a chunk imports statically (`from"./x.js"`, `import"./x.js"`). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

describe("build output", () => {
  it("marks the interpreter's two chunks, the second holding the parser, the heap binding's chunk and the page's entry, and only them, for eager compilation (demo page)", () => {
    const manifestPath = join(DIST, ".vite", "manifest.json");
    expect(existsSync(manifestPath), "build first").toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, { file: string; src?: string; isEntry?: boolean; imports?: string[] }>;
    const hinted = Object.values(manifest)
      .filter((c) => c.file.endsWith(".js") && readFileSync(join(DIST, c.file), "utf8").startsWith(HINT))
      .map((c) => c.file);
    const interpreter = Object.values(manifest).find((c) => c.src?.endsWith("packages/python/src/index.ts"))!;
    // the interpreter's second chunk (bundler/split.ts), which the first imports
    const part = Object.entries(manifest).find(([, c]) => c.src?.endsWith("pyheap-interpreter-part.js"))!;
    expect(part, "the interpreter's second chunk").toBeDefined();
    expect(interpreter.imports).toContain(part[0]);
    // the heap binding's chunk: the one other chunk the interpreter's first chunk imports (not the entry)
    const heap = (interpreter.imports ?? []).filter((k) => k !== part[0] && !manifest[k]!.isEntry);
    expect(heap, "the heap binding's chunk").toHaveLength(1);
    expect(readFileSync(join(DIST, manifest[heap[0]!]!.file), "utf8")).toContain("heap_init");
    const entry = Object.values(manifest).find((c) => c.isEntry)!;
    expect(Object.values(manifest).filter((c) => c.isEntry)).toHaveLength(1);
    expect(readFileSync(join(DIST, entry.file), "utf8")).toContain("customElements.define(");
    expect(hinted.sort()).toEqual([interpreter.file, part[1].file, manifest[heap[0]!]!.file, entry.file].sort());
    // the parser is in the interpreter's second chunk (its grammar's node names, lezer's LR parser), not in
    // a chunk shared with the editor, and not in the first
    const code = readFileSync(join(DIST, part[1].file), "utf8");
    expect(code).toContain("ExpressionStatement");
    expect(code).toContain("No parse at");
    expect(readFileSync(join(DIST, interpreter.file), "utf8")).not.toContain("No parse at");
    const editor = Object.values(manifest).find((c) => c.src?.includes("editor/code-editor"))!;
    for (const c of [interpreter, part[1]]) expect((c.imports ?? []).filter((k) => (editor.imports ?? []).includes(k))).toEqual([]);
    expect(hinted).not.toContain(editor.file);
  });

  it("library build: one entry file that imports the interpreter's chunk together with the chunks it imports", () => {
    const entry = readFileSync(join(LIB, "py-heap-view.js"), "utf8");
    // the element itself, not a facade re-exporting another chunk; compiled eagerly as it streams in
    expect(entry).toContain("customElements.define(");
    expect(entry.startsWith(HINT)).toBe(true);
    expect(entry).toContain('"py-heap-view:defined"');
    const interpreter = readdirSync(LIB).find((f) => f.endsWith(".js") && readFileSync(join(LIB, f), "utf8").startsWith(HINT) && staticImports(readFileSync(join(LIB, f), "utf8")).length >= 2);
    expect(interpreter, "the interpreter's chunk").toBeDefined();
    const deps = staticImports(readFileSync(join(LIB, interpreter!), "utf8"));
    // the expression that imports the interpreter's chunk also imports each of its dependencies (but the
    // entry itself, loaded already: the interpreter reads the weakref/copy sources' bindings from it)
    // right away (the minifier may write them before or after it)
    const at = entry.indexOf(`import("./${interpreter}")`);
    expect(at).toBeGreaterThan(0);
    const around = entry.slice(Math.max(0, at - 400), at + 400);
    for (const d of deps) if (d !== "./py-heap-view.js") expect(around).toContain(`import("${d}").catch(`);
    // the heap binding's chunk, among them, carries the compile hint too
    const heap = deps.filter((d) => readFileSync(join(LIB, d), "utf8").includes("heap_init"));
    expect(heap).toHaveLength(1);
    expect(readFileSync(join(LIB, heap[0]!), "utf8").startsWith(HINT)).toBe(true);
    // and nothing imports the entry file from itself
    expect(entry).not.toContain('import("./py-heap-view.js")');
  });

  it("both builds: no chunk holds the heap binding's table of CPython's types, which no module of the page reads", () => {
    // @pyheap/heap's CPYTHON_311_TYPES (cpython-types.ts), kept as a bare expression of desc(…) calls until
    // desc was marked as having no side effects (770 B sent of the heap binding's chunk)
    for (const dir of [LIB, join(DIST, "assets")]) {
      for (const f of readdirSync(dir).filter((f) => f.endsWith(".js"))) expect(readFileSync(join(dir, f), "utf8"), f).not.toContain("func_globals");
    }
  });

  it("both builds: no chunk carries the compiled path (@pyheap/python's src/jit, loaded only by its Node entry)", () => {
    // two strings of the code it generates, checked to be in the package's own build of it first
    const markers = ["function py_warm", "ENTRIES = 0, ITERS = 0"];
    const jit = readFileSync(join(DIST, "..", "..", "..", "packages", "python", "dist", "jit", "compile.js"), "utf8");
    for (const m of markers) expect(jit).toContain(m);
    for (const dir of [LIB, join(DIST, "assets")]) {
      for (const f of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
        const code = readFileSync(join(dir, f), "utf8");
        for (const m of markers) expect(code, f).not.toContain(m);
      }
    }
  });

  it("library build: the interpreter's main chunk takes the core's ABI constants from no other chunk (inlined, bundler/interpreter.ts)", () => {
    const js = readdirSync(LIB).filter((f) => f.endsWith(".js"));
    const main = js.find((f) => readFileSync(join(LIB, f), "utf8").startsWith(HINT) && staticImports(readFileSync(join(LIB, f), "utf8")).some((d) => /interpreter-part/.test(d)));
    expect(main, "the interpreter's main chunk").toBeDefined();
    const code = readFileSync(join(LIB, main!), "utf8");
    // what it imports from the heap binding's chunk: HeapError and loadHeap, not the ~50 constants of
    // packages/core/abi/abi.ts it read through the binding's `abi` namespace before
    const heap = js.find((f) => /^index-/.test(f))!;
    const names = [...code.matchAll(new RegExp(`import\\{([^}]*)\\}from"\\./${heap.replace(/[.$]/g, "\\$&")}"`, "g"))].flatMap((m) => m[1]!.split(","));
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(5);
  });

  it("both builds: a gzip copy FILE.gz beside every script, style sheet, WASM file and page, which unpacks to the file", () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else files.push(relative(DIST, join(dir, e.name)));
      }
    };
    walk(DIST);
    const served = files.filter((f) => COMPRESSED_FILES.test(f) && !f.startsWith(".vite/") && !f.endsWith(".d.ts"));
    // the page, its chunks, style sheet and WASM heaps; the library's entry, chunks and WASM heaps
    expect(served).toContain("index.html");
    expect(served).toContain("lib/py-heap-view.js");
    expect(served.filter((f) => f.endsWith(".css")).length).toBeGreaterThan(0);
    expect(served.filter((f) => f.startsWith("lib/") && f.endsWith(".wasm")).length).toBe(2);
    for (const f of served) {
      expect(files, f).toContain(`${f}.gz`);
      const packed = readFileSync(join(DIST, `${f}.gz`));
      // gzip's magic number and deflate; the bytes of the file once unpacked
      expect([...packed.subarray(0, 3)], f).toEqual([0x1f, 0x8b, 8]);
      expect(gunzipSync(packed).equals(readFileSync(join(DIST, f))), f).toBe(true);
    }
    // no copy of what no browser fetches (the build manifest, the type declarations), nor of a copy
    expect(files.filter((f) => f.endsWith(".gz") && !served.includes(f.slice(0, -3)))).toEqual([]);
  });
});
