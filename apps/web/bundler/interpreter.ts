/**
 * The interpreter (@pyheap/python with its parser, lezer) as one module, bundled by esbuild from its
 * TypeScript sources, with its property names shortened (mangle-props.ts). Used by the page's and the
 * library's builds (bundleInterpreter in vite.config.ts) for browsers, and by test/mangled-corpus.test.ts
 * for Node: both rename by the same plan, made from the browser bundle.
 */
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { build as esbuild, type BuildOptions, type Plugin as EsbuildPlugin } from "esbuild";
import { LAZY, lazyChunkCode, lazyEntry, lazyImports, lazyRegistry, lazyStubs } from "./lazy.js";
import { planPropertyMangling, type ManglePlan } from "./mangle-props.js";

export const INTERPRETER_ENTRY = fileURLToPath(new URL("../../../packages/python/src/index.ts", import.meta.url));

/**
 * @lezer/python attaches the editor's highlighting to its node types (styleTags from @lezer/highlight,
 * ~3 KB gzipped with the tag table); the interpreter only reads the tree's shape and never asks a node
 * for its style. In the interpreter's bundle, @lezer/highlight resolves to this stand-in: every tag is the
 * same inert value and styleTags adds no prop to any node type (a NodePropSource returning nothing), and
 * the table of node names to tags that @lezer/python passes to it is left out (0.2 KB gzipped; the build
 * fails if that table is no longer found). The parse tables, tokenizers and node names are
 * @lezer/python's own, unchanged.
 */
const NO_HIGHLIGHT = `const tag = new Proxy(function () {}, { get: () => tag, apply: () => tag });
export const tags = tag;
export function styleTags() { return () => undefined; }`;
const noHighlight: EsbuildPlugin = {
  name: "pyheap-no-highlight",
  setup(b) {
    b.onResolve({ filter: /^@lezer\/highlight$/ }, () => ({ path: "no-highlight", namespace: "pyheap" }));
    b.onLoad({ filter: /^no-highlight$/, namespace: "pyheap" }, () => ({ contents: NO_HIGHLIGHT, loader: "js" }));
    b.onLoad({ filter: /[\\/]@lezer[\\/]python[\\/]dist[\\/]index\.js$/ }, async (args) => {
      const code = await readFile(args.path, "utf8");
      const table = /(= styleTags\()\{[^]*?\n\}(\);)/;
      if (!table.test(code)) return { errors: [{ text: `${args.path}: no styleTags({...}) table found: update noHighlight (apps/web/bundler/interpreter.ts)` }] };
      return { contents: code.replace(table, "$1{}$2"), loader: "js" };
    });
  },
};

/**
 * The Python source of `weakref` and `copy` (packages/python/src/modules/pysrc.ts, imported by
 * modules/index.ts) is not bundled into the page's interpreter: the import becomes one of
 * `pyheap:python-sources`, which the page's build resolves to src/python-sources.ts (the same exports,
 * filled in when a program needs them; see there). The build fails if the interpreter stops importing
 * the file this way, rather than quietly bundling the sources again.
 */
export const PYTHON_SOURCES = "pyheap:python-sources";
const pythonSourcesOnDemand: EsbuildPlugin = {
  name: "pyheap-python-sources-on-demand",
  setup(b) {
    let redirected = false;
    b.onResolve({ filter: /^\.\/pysrc\.js$/ }, (args) => {
      if (!/[\\/]src[\\/]modules[\\/]index\.ts$/.test(args.importer)) return undefined;
      redirected = true;
      return { path: PYTHON_SOURCES, external: true };
    });
    b.onEnd(() => (redirected ? undefined : { errors: [{ text: "packages/python/src/modules/index.ts no longer imports ./pysrc.js: update pythonSourcesOnDemand (apps/web/bundler/interpreter.ts)" }] }));
  },
};

/**
 * The bodies of bytes' and bytearray's methods, their codecs and constructor (packages/python/src/builtins/
 * bytes-impl.ts, ~6 KB gzipped, imported by builtins/bytes.ts, which installs them at bootstrap) are not
 * bundled into the page's interpreter either: the import becomes one of `pyheap:python-sources` too,
 * whose forwarders load the bodies when a program first calls one (see src/python-sources.ts). They
 * come as their own chunk, bundled by bundleBytesImplCode below with the interpreter's renaming plan.
 * The build fails if bytes.ts stops importing the file this way.
 */
export const BYTES_IMPL = "pyheap:bytes-impl";
export const BYTES_IMPL_ENTRY = fileURLToPath(new URL("../../../packages/python/src/builtins/bytes-impl.ts", import.meta.url));
const bytesOnDemand: EsbuildPlugin = {
  name: "pyheap-bytes-on-demand",
  setup(b) {
    let redirected = false;
    b.onResolve({ filter: /^\.\/bytes-impl\.js$/ }, (args) => {
      if (!/[\\/]src[\\/]builtins[\\/]bytes\.ts$/.test(args.importer)) return undefined;
      redirected = true;
      return { path: PYTHON_SOURCES, external: true };
    });
    b.onEnd(() => (redirected ? undefined : { errors: [{ text: "packages/python/src/builtins/bytes.ts no longer imports ./bytes-impl.js: update bytesOnDemand (apps/web/bundler/interpreter.ts)" }] }));
  },
};

/**
 * The interpreter reads the core's ABI constants (object layouts, type flags, statuses: packages/core/abi/
 * abi.ts) through `import { abi } from "@pyheap/heap"`, the heap binding's namespace of that module. In
 * its bundle they come from abi.ts itself instead: constants of the bundle, which terser writes as numbers,
 * rather than ~50 exports of the heap binding's chunk and imports of the interpreter's (0.6 KB sent). The
 * same constants, the same values: the binding re-exports that very module. The lazy chunk and bytes'
 * bodies (bundled with plugins of their own) still take them from the binding. The build fails if no
 * module of the interpreter imports `abi` this way any more.
 */
const ABI_SOURCE = fileURLToPath(new URL("../../../packages/core/abi/abi.ts", import.meta.url));
const abiInlined: EsbuildPlugin = {
  name: "pyheap-abi-inlined",
  setup(b) {
    let rewritten = 0;
    b.onResolve({ filter: /^pyheap:abi$/ }, () => ({ path: ABI_SOURCE }));
    b.onLoad({ filter: /[\\/]packages[\\/]python[\\/]src[\\/].*\.ts$/, namespace: "file" }, async (args) => {
      const code = await readFile(args.path, "utf8");
      const out = code.replace(/import \{([^}]*)\} from "@pyheap\/heap";/g, (m, list: string) => {
        const names = list.split(",").map((n) => n.trim()).filter(Boolean);
        if (!names.includes("abi")) return m;
        rewritten++;
        const rest = names.filter((n) => n !== "abi");
        return `import * as abi from "pyheap:abi";${rest.length ? ` import { ${rest.join(", ")} } from "@pyheap/heap";` : ""}`;
      });
      return out === code ? undefined : { contents: out, loader: "ts" };
    });
    b.onEnd(() => (rewritten ? undefined : { errors: [{ text: "no module of packages/python imports `abi` from @pyheap/heap any more: update abiInlined (apps/web/bundler/interpreter.ts)" }] }));
  },
};

/**
 * esbuild's options for the interpreter's bundle; for the browser, with `lazy`, the parts of lazy.ts
 * are stubs (the page's build), and without it they are bundled (the bundle the renaming plan is made from,
 * so that it plans the names of the lazy chunk too).
 */
function options(platform: "browser" | "node", lazy = false): BuildOptions {
  return {
    entryPoints: [INTERPRETER_ENTRY],
    bundle: true,
    write: false,
    format: "esm",
    platform,
    target: platform === "node" ? "node20" : "es2022",
    // The parser (@lezer/python, @lezer/lr, @lezer/common) comes into the chunk, @lezer/python without
    // its highlighting (see noHighlight above). A chunk of @lezer/lr and @lezer/common shared with the
    // editor made the page 0.7 KB gzipped larger (its imports and exports between the chunks, and
    // gzip's context split in two); the editor, loaded only on Edit, has its own copy of all three.
    external: ["@pyheap/*"],
    // the Node bundle keeps the weakref/copy sources and bytes' bodies (no page to fetch them from)
    plugins: platform === "node" ? [noHighlight, abiInlined] : [noHighlight, abiInlined, pythonSourcesOnDemand, bytesOnDemand, ...(lazy ? [lazyStubs, lazyRegistry] : [])],
    legalComments: "none",
    minifySyntax: true,
    logLevel: "warning",
    outfile: "interpreter.js",
  };
}

let planned: Promise<ManglePlan> | null = null;

/** The renaming plan, made once per process from the browser bundle (not renamed, not minified). */
export function manglePlan(): Promise<ManglePlan> {
  planned ??= esbuild(options("browser")).then((out) => planPropertyMangling(out.outputFiles![0]!.text));
  return planned;
}

/** The interpreter's bundle for `platform`, renamed by manglePlan(); with `sourcemap`, its map too. */
export async function bundleInterpreterCode(platform: "browser" | "node", sourcemap = false): Promise<{ code: string; map?: string; plan: ManglePlan }> {
  const plan = await manglePlan();
  // the page's entry also exports what the lazy chunk takes from the interpreter (lazy.ts)
  const entry: BuildOptions =
    platform === "browser"
      ? {
          ...options(platform, true),
          entryPoints: [],
          stdin: { contents: lazyEntry(INTERPRETER_ENTRY, await lazyImports(options("browser"))), resolveDir: dirname(INTERPRETER_ENTRY), sourcefile: "page-entry.ts", loader: "ts" },
        }
      : options(platform);
  const out = await esbuild({
    ...entry,
    mangleProps: plan.regex,
    mangleCache: plan.cache,
    // A map back to the package's sources, for bench/bundle-report.mjs (used only when the build asks)
    sourcemap: sourcemap ? "external" : false,
  });
  const file = (ext: string): string | undefined => out.outputFiles!.find((f) => f.path.endsWith(ext))?.text;
  return { code: file(".js")!, map: sourcemap ? file(".js.map") : undefined, plan };
}

/**
 * In the bytes chunk, `../vm/vm.js` as bytes-impl.ts imports it is this module: the VM's exception class
 * `PyRaise` (the only value bytes-impl.ts may take from it), the very class of the interpreter's chunk,
 * which the chunk's linkBytes hands over before any of its functions runs (src/python-sources.ts calls
 * it first). A value import of vm/vm.ts itself would bring a second copy of the VM into the chunk, with
 * a PyRaise that the interpreter does not catch. Any other value taken from vm.js fails the build (no
 * such export).
 */
const VM_RAISE = `export let PyRaise;
export function linkPyRaise(raise) { PyRaise = raise; }`;
const vmRaiseOnly: EsbuildPlugin = {
  name: "pyheap-vm-raise-only",
  setup(b) {
    b.onResolve({ filter: /^pyheap:vm-raise$/ }, () => ({ path: "vm-raise", namespace: "pyheap" }));
    b.onResolve({ filter: /^\.\.\/vm\/vm\.js$/ }, (args) => (/[\\/]src[\\/]builtins[\\/]bytes-impl\.ts$/.test(args.importer) ? { path: "vm-raise", namespace: "pyheap" } : undefined));
    b.onLoad({ filter: /^vm-raise$/, namespace: "pyheap" }, () => ({ contents: VM_RAISE, loader: "js" }));
  },
};

/**
 * bytes-impl.ts as the page's on-demand chunk (see bytesOnDemand): renamed by the interpreter's plan, so
 * that it reads and calls the VM by the names the interpreter's chunk gives them. It takes nothing from
 * the interpreter's modules but types, constants and enums (inlined here) and the small pure helpers it
 * imports (objects/byte-text.ts, builtins/bytes-buffer.ts), of which it has its own copy; the build fails
 * if it bundles any other module.
 */
export async function bundleBytesImplCode(): Promise<string> {
  const plan = await manglePlan();
  const out = await esbuild({
    ...options("browser"),
    // bytes-impl.ts's exports, with a linkBytes that also hands the VM's exception class to VM_RAISE
    entryPoints: [],
    stdin: {
      contents: `export * from ${JSON.stringify(BYTES_IMPL_ENTRY)};
import { linkBytes as link } from ${JSON.stringify(BYTES_IMPL_ENTRY)};
import { linkPyRaise } from "pyheap:vm-raise";
export function linkBytes(raise) { linkPyRaise(raise); link(raise); }`,
      resolveDir: fileURLToPath(new URL(".", import.meta.url)),
      sourcefile: "bytes-impl-entry.js",
      loader: "js",
    },
    plugins: [vmRaiseOnly],
    mangleProps: plan.regex,
    mangleCache: plan.cache,
    metafile: true,
    outfile: "bytes-impl.js",
  });
  // a value import of the VM's own modules would bring a second copy of the interpreter into the chunk
  const allowed = /packages\/python\/src\/(builtins\/bytes-(impl|buffer)|objects\/byte-text|vm\/(layouts|types))\.ts$|^(pyheap:vm-raise|(.*\/)?bytes-impl-entry\.js)$/;
  const other = Object.keys(out.metafile!.inputs).filter((f) => !allowed.test(f));
  if (other.length) throw new Error(`bytes-impl.ts bundles ${other.join(", ")}: it may import only types, constants and pure helpers (see bundleBytesImplCode, apps/web/bundler/interpreter.ts)`);
  return out.outputFiles![0]!.text;
}

export { LAZY };

/** The page's lazy chunk (lazy.ts), renamed by the interpreter's plan, importing from `entryId`. */
export async function bundleLazyCode(entryId: string): Promise<string> {
  const plan = await manglePlan();
  return lazyChunkCode(options("browser"), { mangleProps: plan.regex, mangleCache: plan.cache }, entryId);
}
