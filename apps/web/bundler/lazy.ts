/**
 * Parts of the interpreter that a first run of a typical program never reaches, left out of the page's
 * interpreter chunk and bundled as one chunk of their own (`pyheap:lazy`), fetched before a run whose
 * program names them (LAZY_WORDS in lazy-sources.ts) or, for a program that reaches them otherwise, by
 * the second run the runner makes when a run stops on code that is not loaded yet (as for bytes' bodies,
 * see src/python-sources.ts and src/runner.ts).
 *
 * - The format-spec mini-language (objects/format-spec.ts): `f"{x:>8.2f}"`, `format()`, `str.format`
 *   with a spec, `%d`/`%x`/`%e`/`%g` of printf-style formatting, float.__format__; with a float's exact
 *   expansion, exponent and general notation and `round(x, ndigits)` (objects/float-exact.ts).
 * - Structural pattern matching (vm/match.ts): MATCH_CLASS, MATCH_KEYS and the sequence/mapping tests.
 * - The repr of a constant (compile/disassemble.ts's constRepr), only used by the compiler for the
 *   SyntaxError of a mapping pattern with a duplicate key.
 * - The message of a syntax error lezer's tree shows (parse/parse-error.ts: a source without one never
 *   calls it but for the SyntaxWarning of a number glued to a keyword, `1if`; syntax-errors.ts's tokenizer pass, which runs on every parse, stays).
 * - The text of a syntax error a program cannot be compiled for, with the warnings before it
 *   (syntax-error-text.ts).
 * - The text of a traceback and the "Did you mean" suggestions of NameError and AttributeError
 *   (vm/traceback.ts): only an exception that is printed (uncaught, or ignored in a finalizer) needs them.
 * - The sort of list.sort() and sorted(), with their keys (builtins/timsort.ts).
 * - Ranges past ±2**53 (vm/bigrange.ts), but fitsDouble, which range() calls on any range; the two
 *   operations of any range that go through its exact bounds, == and hash(), load it too.
 * - The text of a printed exception (vm/exc-format.ts: chained causes and contexts, the "Type: message"
 *   line with its suggestions and notes, exception groups, SyntaxError's carets), with the traceback's.
 * - A str's %-formatting and str.format / format_map (vm/str-format.ts; bytes' % stays with bytes' bodies,
 *   misc.ts's percentFormat hands only a str to it).
 * - exec(), eval() and compile() (vm/exec-source.ts).
 * - The math, random, warnings, collections, functools and itertools modules (modules/math.ts, random.ts,
 *   warnings.ts: also the interpreter's own warnings; collections.ts, functools.ts, itertools.ts), sys's struct sequences
 *   (modules/sys-info.ts), int.from_bytes and int.to_bytes (builtins/int-bytes.ts), a module imported again after the
 *   program took it out of sys.modules (modules/reimport.ts); heapq, bisect and dataclasses
 *   (modules/course.ts); json, enum, re and collections.abc (modules/json-py.ts, enum-py.ts, re-py.ts, abcs-py.ts, bundled with course.ts) and time's natives
 *   (course.ts); string, operator, abc, contextlib and io (modules/small.ts).
 * - Correctly rounded pow, exp, log, sin and cos (objects/libm.ts): float ** float with a non-integral exponent;
 *   complex ** (objects/complex-pow.ts).
 * - str's expandtabs, istitle, isnumeric, translate and maketrans (builtins/str-rare.ts).
 * - A class's __dict__, a mappingproxy (vm/rarely.ts).
 * - `K.__bases__ = …`, a class's bases assigned (vm/type-bases.ts).
 * - float.hex(), float.fromhex() and float.as_integer_ratio() (builtins/float-rare.ts).
 * - The counts of `run(…, { countObjects: true })`, which the page never asks for (object-counter.ts).
 * - complex(), open(), pow(b, e, mod), round(), the OSError subclass of an errno, UnicodeEncodeError's and
 *   UnicodeDecodeError's arguments, int()/float() of a text with non-ASCII digits or spaces
 *   (builtins/rare-builtins.ts).
 * - The `\N{name}` escape of a str literal and its table of names (objects/unicode-names.ts).
 * - A number through a class's __float__ or __complex__ (vm/number-via.ts).
 * - Exception groups' subgroup(), split() and derive(), which except* calls too (vm/exc-group.ts).
 * - Type hints (modules/typing.ts): the types and typing modules, `list[int]`, `int | None`, a class's
 *   bases with __mro_entries__ (`class S(Generic[T])`); sys.stdin (modules/sys-info.ts).
 *
 * How: in the page's interpreter bundle each such module is replaced by a stub (`lazyStubs`) with the
 * same exports, each of which calls the loaded module's function, or, before it is loaded, throws a
 * JavaScript error out of `run()` (no Python `try` catches it: the VM converts only its own exception
 * classes). A module that installs methods on the VM's prototype (match.ts) gets stubs that throw in their
 * place, and, when loaded, installs the real ones over them. The lazy chunk shares everything else with the
 * interpreter's chunk (the VM class, its exception classes, the helpers): the interpreter's entry exports
 * what the lazy modules import (`lazyEntry`), and the chunk imports it from there under those names (rollup
 * links the two chunks), so there is one VM and one `PyErr`, and property names renamed by the same plan.
 * The files the lazy modules import that hold only types, const enums and constants are bundled into the
 * chunk (INLINE); the build fails if the chunk would bundle any other module of the interpreter.
 */
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build as esbuild, type BuildOptions, type Plugin as EsbuildPlugin } from "esbuild";
import { pythonCommentsOut } from "./python-strip.js";

const PYTHON_SRC = fileURLToPath(new URL("../../../packages/python/src/", import.meta.url));

/** The page's id of the lazy chunk (resolved by bundleInterpreter in vite.config.ts). */
export const LAZY = "pyheap:lazy";

interface LazyModule {
  /** the file, under packages/python/src */
  file: string;
  /** the functions other modules import from it: each gets a stub */
  functions?: readonly string[];
  /** functions that stay in the interpreter's chunk (a first run calls them): its copy of them */
  eager?: readonly string[];
  /** the VM methods it installs on VM.prototype: each gets a stub that throws until it is loaded */
  vmMethods?: readonly string[];
}

export const LAZY_MODULES: readonly LazyModule[] = [
  { file: "objects/format-spec.ts", functions: ["formatInt", "formatFloat", "formatStr"] },
  // a float's exact digits, exponent and general notation, round(x, ndigits) (repr() stays)
  { file: "objects/float-exact.ts", functions: ["exactDigits", "expFromDigits", "generalFromDigits", "roundFloat"] },
  { file: "vm/match.ts", vmMethods: ["matchClass", "matchKeys", "isMatchSequence", "isMatchMapping"] },
  { file: "compile/disassemble.ts", functions: ["constRepr"] },
  // the message of a syntax error found by lezer (a source without one never calls it)
  { file: "parse/parse-error.ts", functions: ["describeParseError", "numberWarnings", "errorAtEnd", "tokenEnd", "tokenizerError", "equalsSlip"] },
  // the text of an exception's traceback and its "Did you mean" suggestions: only printed exceptions need them
  { file: "vm/traceback.ts", functions: ["formatTraceback", "suggest"] },
  // the text of a syntax error and the warnings before it (run.ts prints it for a program it cannot compile)
  { file: "syntax-error-text.ts", functions: ["formatSyntaxError", "syntaxErrorText"] },
  // list.sort() and sorted(): the keys and the sort
  { file: "builtins/timsort.ts", functions: ["sortItems"] },
  // ranges past ±2**53 (and the few operations on any range that go through exact bounds: ==, hash())
  {
    file: "vm/bigrange.ts",
    eager: ["fitsDouble"],
    functions: ["rangeLength", "lenOrNull", "itemAt", "sliceOf", "containsInt", "rangesEqual", "hashTuple", "reversedWalk", "iteratorTypeName", "rangeRepr"],
  },
  // the text of a printed exception: chains, the "Type: message" line, groups, SyntaxError's carets
  { file: "vm/exc-format.ts", vmMethods: ["formatException", "tracebackEntries", "excLine"] },
  // a str's %-formatting and str.format / format_map
  { file: "vm/str-format.ts", vmMethods: ["strPercent", "strFormat"] },
  // exec(), eval() and compile()
  { file: "vm/exec-source.ts", vmMethods: ["evalSource", "compileBuiltin"] },
  // the math module's functions (made at `import math`)
  { file: "modules/math.ts", functions: ["mathModule"] },
  // correctly rounded pow (float ** float with a non-integral exponent, a negative base's complex power), exp, log, sin, cos
  { file: "objects/libm.ts", functions: ["crPow", "crSin", "crCos"] },
  // int.from_bytes and int.to_bytes
  { file: "builtins/int-bytes.ts", functions: ["intFromBytes", "intToBytes"] },
  // sys's struct sequences (sys.float_info, int_info, version_info, flags, hash_info), made on first read
  { file: "modules/sys-info.ts", functions: ["sysInfo"] },
  // type hints: list[int], int | None, bases with __mro_entries__, the types and typing modules' Python code
  { file: "modules/typing.ts", functions: ["typeSubscript", "typeOr", "classWithEntries", "typesSource", "typesNatives", "typingSource"] },
  // the random module's generator and Python code (made at `import random`)
  { file: "modules/random.ts", functions: ["randomNatives", "randomSource"] },
  // warnings: the filters and registries, the module's natives and Python code (made at `import warnings`)
  { file: "modules/warnings.ts", functions: ["warn", "warnStrictSubclass", "warningsNatives", "warningsSource"] },
  // the collections module's Python code (made at `import collections`)
  { file: "modules/collections.ts", functions: ["collectionsNatives", "collectionsSource", "collectionsAttr"] },
  // functools: reduce, the calls of partial and lru_cache, and the module's Python code (made at `import functools`)
  { file: "modules/functools.ts", functions: ["functoolsNatives", "functoolsSource"] },
  // itertools: the module's Python code (made at `import itertools`)
  { file: "modules/itertools.ts", functions: ["itertoolsSource"] },
  // heapq, bisect, dataclasses, json, enum and re: their Python code; time's and re's natives (made at import)
  { file: "modules/course.ts", functions: ["pyModule"] },
  // string, operator, abc and contextlib: their Python code (made at import)
  { file: "modules/small.ts", functions: ["smallModuleSource"] },
  // a module imported again after the program took it out of sys.modules
  { file: "modules/reimport.ts", functions: ["remakeModule"] },
  // the `\N{name}` escape of a str literal and its names
  { file: "objects/unicode-names.ts", functions: ["namedEscape"] },
  // float() and complex() of an instance through its class's __float__ / __complex__
  { file: "vm/number-via.ts", functions: ["floatVia", "complexVia"] },
  // exception groups' subgroup(), split() and derive() (except* derives its parts too)
  { file: "vm/exc-group.ts", functions: ["deriveGroup"], vmMethods: ["egPart"] },
  // complex ** complex (objects/complex-pow.ts)
  { file: "objects/complex-pow.ts", functions: ["complexPow", "complexPowValue"] },
  // str.expandtabs, istitle, isnumeric, translate and str.maketrans
  { file: "builtins/str-rare.ts", functions: ["strRare"] },
  // a class's __dict__ (a mappingproxy)…: vm/rarely.ts
  { file: "vm/rarely.ts", functions: ["rarely", "badKeywords"] },
  // `K.__bases__ = …`: the checks, the new MROs of the class and its subclasses
  { file: "vm/type-bases.ts", functions: ["setTypeBases"] },
  // float.hex(), float.fromhex(), float.as_integer_ratio()
  { file: "builtins/float-rare.ts", functions: ["floatHex", "floatFromHex", "floatRatio"] },
  // RunOptions.countObjects's counter (the page never sets it)
  { file: "object-counter.ts", functions: ["objectCounter"] },
  // complex(), open(), pow() with a modulus, round(), OSError's errno subclasses, UnicodeError's arguments, non-ASCII digits
  { file: "builtins/rare-builtins.ts", functions: ["rareBuiltin", "wideDigits"] },
];

/** Files of the interpreter a lazy module may bundle its own copy of: types, const enums, constants (a module's Python source, `modules/NAME-py.ts`). */
const INLINE = /^(vm\/(types|layouts|heap-api)|compile\/(opcodes|code)|modules\/\w+-py)\.ts$/;

const lazyFiles = new Map(LAZY_MODULES.map((m) => [join(PYTHON_SRC, m.file), m]));

/** The interpreter's file a relative import names (`./x.js` → x.ts), or null outside its sources. */
function pythonFile(spec: string, importer: string): string | null {
  if (!spec.startsWith(".") || !importer.startsWith(PYTHON_SRC)) return null;
  return join(dirname(importer), spec.replace(/\.js$/, ".ts"));
}

// (notLoadedYet counts the miss, so that a run whose error something caught is run again: src/python-sources.ts)
const REGISTRY = `import { notLoadedYet } from "pyheap:python-sources";
let parts;
export function notLoaded() { notLoadedYet("the interpreter's on-demand code is"); }
export function lazyFunction(i) { return (...a) => (parts || notLoaded())[i](...a); }
export function provideLazy(p) { parts = p; }`;

/** The index in the lazy chunk's list of each stubbed function (`file#name`). */
function functionIndex(): Map<string, number> {
  const index = new Map<string, number>();
  for (const m of LAZY_MODULES) for (const f of m.functions ?? []) index.set(`${m.file}#${f}`, index.size);
  return index;
}

function stubCode(m: LazyModule): string {
  const index = functionIndex();
  const lines = [`import { lazyFunction, notLoaded } from "pyheap:lazy-registry";`];
  // (a stub module imports nothing but the registry: it is evaluated before any module that calls it)
  for (const f of m.functions ?? []) lines.push(`export const ${f} = lazyFunction(${index.get(`${m.file}#${f}`)});`);
  // the module itself, by its full path (not replaced by a stub): the bundle keeps only these functions
  if (m.eager?.length) lines.push(`export { ${m.eager.join(", ")} } from ${JSON.stringify(join(PYTHON_SRC, m.file))};`);
  if (m.vmMethods?.length) {
    lines.push(`import { VM } from "./vm.js";`, "const proto = VM.prototype;");
    for (const name of m.vmMethods) lines.push(`proto.${name} = notLoaded;`);
  }
  return lines.join("\n");
}

const registry = (b: Parameters<EsbuildPlugin["setup"]>[0]): void => {
  b.onResolve({ filter: /^pyheap:lazy-registry$/ }, () => ({ path: "lazy-registry", namespace: "pyheap-lazy" }));
  // the page's module of what it loads on demand, as for the sources (pythonSourcesOnDemand in interpreter.ts)
  b.onResolve({ filter: /^pyheap:python-sources$/, namespace: "pyheap-lazy" }, () => ({ path: "pyheap:python-sources", external: true }));
  b.onLoad({ filter: /^lazy-registry$/, namespace: "pyheap-lazy" }, () => ({ contents: REGISTRY, loader: "js" }));
};

/** In the interpreter's bundle: each lazy module is its stub (see above); the build fails if one is not met. */
export const lazyStubs: EsbuildPlugin = {
  name: "pyheap-lazy-stubs",
  setup(b) {
    const met = new Set<string>();
    registry(b);
    b.onResolve({ filter: /^\./ }, (args) => {
      const file = pythonFile(args.path, args.importer);
      if (!file || !lazyFiles.has(file)) return undefined;
      met.add(file);
      return { path: file, namespace: "pyheap-lazy-stub" };
    });
    b.onLoad({ filter: /.*/, namespace: "pyheap-lazy-stub" }, (args) => ({ contents: stubCode(lazyFiles.get(args.path)!), loader: "js", resolveDir: dirname(args.path) }));
    b.onEnd(() => {
      const missed = [...lazyFiles.keys()].filter((f) => !met.has(f));
      return missed.length ? { errors: [{ text: `no module of the interpreter imports ${missed.join(", ")}: update LAZY_MODULES (apps/web/bundler/lazy.ts)` }] } : undefined;
    });
  },
};

/** The lazy chunk's entry: its modules, and the list of stubbed functions handed to the registry. */
function lazyChunkEntry(): string {
  const lines = [`import { provideLazy } from "pyheap:lazy-registry";`];
  const list: string[] = [];
  for (const m of LAZY_MODULES) {
    const path = JSON.stringify(join(PYTHON_SRC, m.file));
    if (m.functions?.length) {
      lines.push(`import { ${m.functions.map((f) => `${f} as f${list.length + m.functions!.indexOf(f)}`).join(", ")} } from ${path};`);
      list.push(...m.functions.map((_, i) => `f${list.length + i}`));
    } else lines.push(`import ${path};`);
  }
  lines.push(`provideLazy([${list.join(", ")}]);`);
  return lines.join("\n");
}

const INTERNAL = "pyheap-internal:";

/**
 * In the lazy chunk's bundle: an import of any other module of the interpreter (but INLINE) stays an
 * import, `pyheap-internal:FILE` (rewritten by lazyChunkCode), and so do the registry and the parser
 * (@lezer/*, bundled in the interpreter's chunk).
 */
const internalImports: EsbuildPlugin = {
  name: "pyheap-lazy-internal",
  setup(b) {
    b.onResolve({ filter: /^pyheap:lazy-registry$/ }, () => ({ path: `${INTERNAL}registry`, external: true }));
    // the parser, which the interpreter's chunk bundles
    b.onResolve({ filter: /^@lezer\// }, (args) => ({ path: `${INTERNAL}${args.path}`, external: true }));
    b.onResolve({ filter: /^\./ }, (args) => {
      const file = pythonFile(args.path, args.importer);
      if (!file || lazyFiles.has(file)) return undefined;
      const rel = relative(PYTHON_SRC, file).replace(/\\/g, "/");
      if (INLINE.test(rel)) return undefined;
      return { path: `${INTERNAL}${rel}`, external: true };
    });
  },
};

/** What the lazy chunk imports from the interpreter: file (under packages/python/src, "registry" or an @lezer package) → names. */
export type LazyImports = Map<string, Set<string>>;

/** `import { a, b as c } from "pyheap-internal:FILE";` statements of esbuild's output. */
const IMPORT = /import\s*\{([^}]*)\}\s*from\s*"pyheap-internal:([^"]+)";?/g;

function importsOf(code: string): LazyImports {
  const out: LazyImports = new Map();
  for (const m of code.matchAll(IMPORT)) {
    const names = out.get(m[2]!) ?? new Set<string>();
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/)[0]!;
      if (name) names.add(name);
    }
    out.set(m[2]!, names);
  }
  const other = /from\s*"pyheap-internal:|import\s*"pyheap-internal:|import\s*\*\s*as\s*\w+\s*from\s*"pyheap-internal:/g;
  const count = [...code.matchAll(other)].length;
  const seen = [...code.matchAll(IMPORT)].length;
  if (count !== seen) throw new Error("the lazy chunk imports the interpreter in a form other than `import { … } from`: update lazyChunkCode (apps/web/bundler/lazy.ts)");
  return out;
}

/** The exported name, in the interpreter's entry, of `name` of `file`. */
const exportName = (file: string, name: string, all: LazyImports): string => {
  let i = 0;
  for (const [f, names] of all) {
    for (const n of names) {
      if (f === file && n === name) return `$${i}`;
      i++;
    }
  }
  throw new Error(`${file}#${name} is not among the lazy chunk's imports`);
};

let scanned: Promise<LazyImports> | null = null;

/** What the lazy chunk takes from the interpreter (from an unrenamed, unminified bundle of it; once per process). */
export function lazyImports(base: BuildOptions): Promise<LazyImports> {
  scanned ??= lazyBundle(base).then((code) => importsOf(code));
  return scanned;
}

async function lazyBundle(base: BuildOptions, extra: BuildOptions = {}): Promise<string> {
  const out = await esbuild({
    ...base,
    entryPoints: [],
    stdin: { contents: lazyChunkEntry(), resolveDir: PYTHON_SRC, sourcefile: "lazy-entry.js", loader: "js" },
    plugins: [internalImports, pythonCommentsOut],
    metafile: true,
    outfile: "lazy.js",
    ...extra,
  });
  const bundled = Object.keys(out.metafile!.inputs).filter((f) => !/lazy-entry\.js$/.test(f));
  const allowed = new Set([...lazyFiles.keys()]);
  const other = bundled.filter((f) => {
    const abs = join(process.cwd(), f);
    const rel = relative(PYTHON_SRC, abs).replace(/\\/g, "/");
    return !allowed.has(abs) && !INLINE.test(rel);
  });
  if (other.length) throw new Error(`the lazy chunk bundles ${other.join(", ")}: it may bundle only the lazy modules and types, const enums and constants (INLINE in apps/web/bundler/lazy.ts)`);
  return out.outputFiles![0]!.text;
}

/**
 * The interpreter's entry for the page: the package's entry, the registry's provideLazy, and what the
 * lazy chunk imports, each under the name `$N` (exportName; no export of the package's entry starts with `$`).
 */
export function lazyEntry(index: string, imports: LazyImports): string {
  const lines = [`export * from ${JSON.stringify(index)};`];
  for (const [file, names] of imports) {
    const from = file === "registry" ? "pyheap:lazy-registry" : file.startsWith("@") ? file : join(PYTHON_SRC, file);
    lines.push(`export { ${[...names].map((n) => `${n} as ${exportName(file, n, imports)}`).join(", ")} } from ${JSON.stringify(from)};`);
  }
  return lines.join("\n");
}

/** The registry module, for the interpreter's bundle (it resolves `pyheap:lazy-registry`). */
export const lazyRegistry: EsbuildPlugin = { name: "pyheap-lazy-registry", setup: registry };

/**
 * The lazy chunk's code for the page's build: its modules bundled with `extra` (the renaming plan), its
 * imports of the interpreter rewritten as imports of `entryId` under the entry's names.
 */
export async function lazyChunkCode(base: BuildOptions, extra: BuildOptions, entryId: string): Promise<string> {
  const imports = await lazyImports(base);
  const code = await lazyBundle(base, extra);
  const own = importsOf(code);
  for (const [file, names] of own) for (const n of names) if (!imports.get(file)?.has(n)) throw new Error(`the lazy chunk's renamed bundle imports ${file}#${n}, which its plain bundle did not`);
  return code.replace(IMPORT, (_m, list: string, file: string) => {
    const parts = list
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        const [name, local] = p.split(/\s+as\s+/) as [string, string | undefined];
        return `${exportName(file, name, imports)} as ${local ?? name}`;
      });
    return `import { ${parts.join(", ")} } from ${JSON.stringify(entryId)};`;
  });
}
