import { createHash } from "node:crypto";
import { defineConfig, type Plugin } from "vite";
import { precompress } from "./bundler/compress.js";
import { coreBuilds, forBrowsers } from "./bundler/wasm.js";
import { bundleInterpreter, compactCss, compileHints, TERSER_OPTIONS } from "./vite.config.js";

/**
 * Library mode inlines every `new URL(…, import.meta.url)` asset as base64 (it ignores assetsInlineLimit):
 * the WASM heap would become four long strings in a chunk (release and debug builds, each referenced by the
 * browser loader and by the Node one), which every page would parse as JavaScript. This puts each build back
 * in a file of its own next to the chunks, fetched (and compiled as it streams in) only when used. The
 * release build's file holds the size build's bytes (bundler/wasm.ts), as in the page's build.
 * It does so before terser minifies the chunk (renderChunk, which runs before Vite's minifier): terser
 * picks its short names by how often each character occurs in the whole chunk, and with the core builds'
 * base64 (hundreds of KB) still in it, they were the base64's most frequent letters (A, B, I, E, Q, C…)
 * rather than the code's own (t, e, s, r, i, n…), which gzip then finds less often around them: 291 B
 * more sent by the heap binding's chunk and the element's entry. The code after a replaced string on its
 * line moves left: the chunk's source map is kept as it was (`map: null`), so only columns after the URL
 * on that line are off.
 */
function wasmAsFiles(): Plugin {
  const names = new Map<string, string>();
  let sizeBuilds = 0;
  return {
    name: "pyheap-wasm-as-files",
    apply: "build",
    renderStart() {
      names.clear();
      sizeBuilds = 0;
    },
    renderChunk(code) {
      if (!code.includes("data:application/wasm;base64,")) return null;
      const builds = coreBuilds();
      const out = code.replace(/data:application\/wasm;base64,([A-Za-z0-9+/=]+)/g, (_m, b64: string) => {
        let name = names.get(b64);
        if (!name) {
          const bytes = forBrowsers(Buffer.from(b64, "base64"), builds);
          if (bytes === builds.size) sizeBuilds++;
          name = `pyheap-${createHash("sha256").update(bytes).digest("hex").slice(0, 10)}.wasm`;
          this.emitFile({ type: "asset", fileName: name, source: bytes });
          names.set(b64, name);
        }
        return `./${name}`;
      });
      return { code: out, map: null };
    },
    generateBundle() {
      // the release build's place holds the size build (a stale copy of the core in packages/heap/build
      // would leave the release build here)
      if (names.size > 0 && sizeBuilds !== 1) this.error(`the library's WASM files hold ${sizeBuilds} size builds of the core, not 1: rebuild @pyheap/heap, whose build copies the core's`);
    },
  };
}

/**
 * Without an HTML page to list them, the library build would fetch the interpreter's chunk, parse it, and
 * only then ask for the chunks it imports (the heap binding): this asks for them at the same time as the chunk
 * that imports them, wherever a chunk is imported dynamically.
 */
function importDepsTogether(): Plugin {
  return {
    name: "pyheap-import-deps-together",
    apply: "build",
    renderDynamicImport({ chunk, targetChunk, getTargetChunkImports }) {
      // the interpreter's lazy chunk (bundler/lazy.ts) imports the interpreter's chunk, which the page has
      // asked for already whenever it asks for the lazy one (src/runner.ts): a plain import
      if (targetChunk && /^_?pyheap-lazy-/.test(targetChunk.fileName)) return null;
      // the importing chunk itself is loaded already
      const deps = (getTargetChunkImports() ?? []).flatMap((d) => (d.type === "internal" && d.fileName !== chunk.fileName ? [d.resolvedImportPath] : []));
      if (!targetChunk || deps.length === 0) return null;
      // `((c) => (import("./dep.js").catch(…), c))(import("./chunk.js"))`: the chunk is asked for first (the
      // largest file, which V8 compiles once it has arrived), then what it imports; literal specifiers
      // (bundlers that take in this build see every chunk); a module imported twice is fetched and
      // evaluated once, and an error surfaces through the chunk's own import
      return { left: `((c) => (${deps.map((d) => `import(${d}).catch(() => {}), `).join("")}c))(import(`, right: "))" };
    },
  };
}

// The element as a library: dist/lib/py-heap-view.js (one ES module plus lazily loaded chunks), usable from
// plain HTML with one script tag; the WASM heap is a file beside them (see wasmAsFiles).
export default defineConfig({
  plugins: [bundleInterpreter(), compactCss(), wasmAsFiles(), importDepsTogether(), compileHints(), precompress()],
  build: {
    outDir: "dist/lib",
    emptyOutDir: false,
    target: "es2022",
    minify: "terser",
    terserOptions: TERSER_OPTIONS,
    lib: { entry: "src/index.ts", formats: ["es"], fileName: () => "py-heap-view.js" },
    // Chunks loaded later (SVG export) import from the entry: let it export what they need rather than
    // become a facade over a second chunk (one more request before the element is defined).
    rollupOptions: { preserveEntrySignatures: "allow-extension" },
  },
});
