import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { precompress } from "./bundler/compress.js";
import { BYTES_IMPL, bundleBytesImplCode, bundleInterpreterCode, bundleLazyCode, INTERPRETER_ENTRY, LAZY, PYTHON_SOURCES } from "./bundler/interpreter.js";
import { SPLIT_ROOTS, splitModule } from "./bundler/split.js";
import { sizeBuildForBrowsers } from "./bundler/wasm.js";

/**
 * The interpreter as one module, bundled by esbuild from its TypeScript sources (bundler/interpreter.ts:
 * the parser comes along without its highlighting, the weakref/copy sources are fetched on demand, and
 * its property names are shortened, see bundler/mangle-props.ts). tsc builds the package
 * with isolatedModules, which leaves every `const enum` member (opcodes, object kinds, flags: ~1,700 uses)
 * as a property read on an enum object; esbuild's bundler inlines them as numbers across files, which
 * takes ~3.5 KB gzipped off the interpreter's chunk. Same sources, same semantics; the package's own
 * build (used by the CLI and the server) is unchanged. The parser (lezer) is bundled with it; the heap
 * package stays an import, so the page shares it with the element; so does src/python-sources.ts, which stands in
 * for the weakref/copy sources (pythonSourcesOnDemand in bundler/interpreter.ts). The element must keep importing only types from
 * @pyheap/python statically (see src/runner.ts): a static value import would now bring the whole bundle's
 * top-level code (the VM's prototype installs) into the page's entry; test/bundle-size.test.ts shows it.
 */
const BYTES_IMPL_ID = "\0pyheap-bytes-impl.js";
/** The interpreter's lazy chunk (bundler/lazy.ts), and the runner's view of the on-demand files with it. */
const LAZY_ID = "\0pyheap-lazy.js";
/**
 * The interpreter's second chunk (bundler/split.ts): the parser and the compiler (with the modules they use,
 * SPLIT_ROOTS there), asked for and compiled at the same time as the rest of the interpreter. The interpreter's
 * chunk imports it, and the runner imports it too (loadInterpreterPart in bundler/lazy-sources.ts), at the
 * same moment: as a chunk imported on its own from the page's entry, rollup keeps it a chunk of its own,
 * and leaves the page's modules it uses (the lazy chunk's registry uses src/python-sources.ts) in the
 * page's entry, where they are.
 */
export const PART_ID = "\0pyheap-interpreter-part.js";
/** What the runner takes from the second chunk: the compiler (precompile in src/runner.ts). */
const PART_EXPOSES = ["compileModule"];
const PART = "pyheap:interpreter-part";
const SPLIT_ROOTS_USED = process.env.PYHEAP_SPLIT_ROOTS === undefined ? SPLIT_ROOTS : process.env.PYHEAP_SPLIT_ROOTS.split(",").filter(Boolean);
const RUNNER = fileURLToPath(new URL("src/runner.ts", import.meta.url));
const LAZY_SOURCES = fileURLToPath(new URL("bundler/lazy-sources.ts", import.meta.url));

export function bundleInterpreter(): Plugin {
  const entry = INTERPRETER_ENTRY;
  let runnerRedirected = false;
  let split: Promise<{ main: string; part: string; map?: string }> | null = null;
  return {
    name: "pyheap-bundle-interpreter",
    apply: "build",
    enforce: "pre",
    resolveId(source, importer) {
      if (source === "@pyheap/python") return entry;
      if (source === PYTHON_SOURCES && (importer === entry || importer === PART_ID)) return fileURLToPath(new URL("src/python-sources.ts", import.meta.url));
      // bytes' bodies, fetched by src/python-sources.ts (bytesOnDemand in bundler/interpreter.ts)
      if (source === BYTES_IMPL) return BYTES_IMPL_ID;
      // the lazy chunk, and the runner's loading of it with the sources (bundler/lazy-sources.ts)
      if (source === LAZY) return LAZY_ID;
      if (source === PART) return PART_ID;
      if (source === "./python-sources.js" && importer === RUNNER) {
        runnerRedirected = true;
        return LAZY_SOURCES;
      }
      return null;
    },
    async load(id) {
      if (id === BYTES_IMPL_ID) return { code: await bundleBytesImplCode(), map: null };
      if (id === LAZY_ID) return { code: await bundleLazyCode("@pyheap/python"), map: null };
      if (id !== entry && id !== PART_ID) return null;
      // (with no roots, the part is an empty module, which the runner's import of it finds)
      split ??= bundleInterpreterCode("browser", true).then(({ code, map }) => {
        if (SPLIT_ROOTS_USED.length === 0) return { main: code, part: "export {};", map };
        const { main, part } = splitModule(code, this.parse(code) as never, SPLIT_ROOTS_USED, PART, PART_EXPOSES);
        return { main, part, map };
      });
      const { main, part, map } = await split;
      return { code: id === entry ? main : part, map };
    },
    generateBundle() {
      // without it, a program that reaches the lazy chunk would never get it
      if (!runnerRedirected) this.error("src/runner.ts no longer imports ./python-sources.js: update bundleInterpreter (apps/web/vite.config.ts), which adds the lazy chunk there");
    },
  };
}

/**
 * The element's style sheet is CSS in template literals (src/py-heap-view.styles.ts), which no minifier
 * touches: this drops its comments, indentation and the spaces around `{ } ; , :` (none of its strings
 * holds them), keeping `${…}` interpolations as they are. ~30 % of the sheet's bytes.
 */
export function compactCss(): Plugin {
  const compact = (css: string): string =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\s+/g, " ")
      .replace(/\s*([{};,])\s*/g, "$1")
      .replace(/:\s+/g, ":")
      .replace(/;}/g, "}");
  return {
    name: "pyheap-compact-css",
    apply: "build",
    enforce: "pre",
    transform(code, id) {
      if (!id.endsWith("/src/py-heap-view.styles.ts")) return null;
      // every template literal of the file; their interpolations (`${unsafeCSS(X)}`) hold no backtick
      return code.replace(/`([^`]*)`/g, (_m, body: string) => `\`${body.split(/(\$\{[^}]*\})/).map((part, i) => (i % 2 ? part : compact(part))).join("")}\``);
    },
  };
}

/** terser's options for both builds: ES2022 output for browsers that need no Safari 10 workarounds. */
export const TERSER_OPTIONS = { safari10: false, ecma: 2020, compress: { passes: 2 }, format: { comments: false } } as const;

/**
 * The demo page always runs a program: its HTML asks the browser to fetch and compile the interpreter's
 * chunk (modulepreload) and the WASM heap (preload) while the page's own script loads, instead of after
 * the element has rendered once.
 */
function preloadInterpreter(): Plugin {
  return {
    name: "pyheap-preload-interpreter",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const files = Object.values(ctx.bundle ?? {});
        const python = files.find((f) => f.type === "chunk" && /packages\/python\/src\/index\.ts$/.test(f.facadeModuleId ?? ""));
        const wasm = files.find((f) => f.type === "asset" && /^assets\/pyheap-[^.]+\.wasm$/.test(f.fileName));
        const tags = [];
        if (python?.type === "chunk") {
          // the chunk and the chunks it imports (the heap binding), but not the page's own entry
          const entries = new Set(files.filter((f) => f.type === "chunk" && f.isEntry).map((f) => f.fileName));
          for (const f of [python.fileName, ...python.imports.filter((i) => !entries.has(i))]) {
            tags.push({ tag: "link", attrs: { rel: "modulepreload", href: `./${f}` }, injectTo: "head" as const });
          }
        }
        if (wasm) tags.push({ tag: "link", attrs: { rel: "preload", as: "fetch", type: "application/wasm", crossorigin: "anonymous", href: `./${wasm.fileName}` }, injectTo: "head" as const });
        return tags;
      },
    },
  };
}

/**
 * V8 compiles a function the first time it is called, on the main thread. The first run of a program
 * calls most functions of the interpreter's chunk (with its parser, lezer), so that chunk asks V8
 * (explicit compile hint, Chromium 136+; other engines ignore the comment) to compile all of its code
 * while it streams in, on a background thread. Measured on the 20-line program: the main thread's CPU
 * time before the first diagram drops by ~30 ms (the run's ~79 → ~42 ms), the renderer's CPU time over
 * all threads stays the same.
 * The heap binding's chunk carries it too: without it the main thread compiled ~120 of its functions on
 * first call, most of them in the run, where the first diagram waits for them (~4 ms of CPU in the
 * bench's trace, 26 Nov); the chunk is small and compiled long before the run.
 * The page's entry (the element, Lit, the models and views) carries it as well: compiled lazily, its
 * functions cost the main thread ~11 ms of first-call compiles in the element's first update and 3–5 ms
 * more in the first diagram's draw. Eager, the whole entry is compiled on the streaming thread before it
 * runs, which starts its evaluation (and the library build's requests for the interpreter) a little later:
 * measured run for run (27 Nov, load 17–32), the first diagram after the script arrived is earlier all
 * the same (bench/first-render.mjs --compare; apps/web/README.md, Size and speed).
 */
export function compileHints(): Plugin {
  return {
    name: "pyheap-compile-hints",
    apply: "build",
    // after minification, which drops comments, and after Vite's own generateBundle, which puts the demo
    // entry's table of preloaded files (`const __vite__mapDeps=…`) first in it: the hint goes before that
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== "chunk") continue;
          const interpreter = /packages\/python\/src\/index\.ts$/.test(chunk.facadeModuleId ?? "") || chunk.moduleIds.includes(PART_ID);
          const heap = chunk.moduleIds.some((id) => /packages\/heap\/(?:src|dist)\/index\.[jt]s$/.test(id));
          if (!interpreter && !heap && !chunk.isEntry) continue;
          chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
          // the code moved down one line: so do the lines of its source map, when the build writes one
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === "asset" && typeof map.source === "string") {
            const json = JSON.parse(map.source) as { mappings: string };
            json.mappings = `;${json.mappings}`;
            map.source = JSON.stringify(json);
          }
        }
      },
    },
  };
}

// The demo page: demo/index.html and its script, built to dist/ (served at / by the HTTP server).
export default defineConfig({
  plugins: [bundleInterpreter(), compactCss(), preloadInterpreter(), sizeBuildForBrowsers(), compileHints(), precompress()],
  root: "demo",
  base: "./",
  build: {
    outDir: "../dist",
    emptyOutDir: false,
    target: "es2022",
    reportCompressedSize: true,
    // terser packs the interpreter's chunk ~5 % smaller than esbuild's minifier (the 200 KB budget)
    minify: "terser",
    terserOptions: TERSER_OPTIONS,
    // The manifest lets test/bundle-size.test.ts follow what the page loads without the editor.
    manifest: true,
    // Every browser the element targets (ES2022) knows <link rel=modulepreload>: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // Name the lazily loaded chunks after their package, so the build report reads at a glance.
        chunkFileNames: (chunk) => {
          if (/packages\/python\/.*\/pysrc\.[jt]s$/.test(chunk.facadeModuleId ?? "")) return "assets/pyheap-python-sources-[hash].js";
          if (chunk.facadeModuleId === BYTES_IMPL_ID) return "assets/pyheap-bytes-impl-[hash].js";
          if (chunk.facadeModuleId === LAZY_ID) return "assets/pyheap-lazy-[hash].js";
          if (chunk.facadeModuleId === PART_ID) return "assets/pyheap-interpreter-part-[hash].js";
          const m = chunk.facadeModuleId?.match(/packages\/([a-z]+)\//);
          return `assets/${m ? `pyheap-${m[1]}` : chunk.name}-[hash].js`;
        },
      },
    },
  },
});
