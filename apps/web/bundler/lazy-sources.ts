/// <reference path="./lazy-chunk.d.ts" />
/**
 * The runner's view of what the page loads on demand (src/python-sources.ts), with the interpreter's
 * lazy chunk (bundler/lazy.ts) added: the page's builds resolve src/runner.ts's import of
 * `./python-sources.js` to this module (bundleInterpreter in vite.config.ts), which is that module with
 * three functions extended, so the runner loads, waits for and checks the lazy chunk with the sources:
 * - `loadPythonSources` also imports the lazy chunk (which hands its functions to the interpreter as it is
 *   evaluated);
 * - `pythonSourcesLoaded` is true only once the chunk is loaded too: a run that stopped on a stub of the
 *   lazy chunk (a JavaScript error out of `run()`) is run again once it is loaded, as for bytes' bodies;
 * - `mayImportPythonSources` is also true for a program whose text may reach the lazy chunk (LAZY_WORDS),
 *   which then gets it before its first run;
 * - `loadInterpreterPart` imports the interpreter's second chunk (bundler/split.ts), which the runner asks
 *   for at the same moment as the interpreter's chunk, and whose compiler it uses before the first has
 *   loaded.
 */
import * as sources from "../src/python-sources.js";
import type { InterpreterPart } from "../src/python-sources.js";

export * from "../src/python-sources.js";

/**
 * Text of a program that may reach the lazy chunk: a match statement; an exception group's `subgroup`, `derive`, `except*`; sort, sorted, round, eval, exec or
 * compile; str.format / format_map; `math`, `random`, `warnings`, `collections`, `heapq`, `bisect`, `dataclass(es)`, `json`, `enum`, `time`, `functools`, `itertools`, `__trunc__`, sys's struct sequences and int digit limit, `int.from_bytes`, str's `expandtabs`, `istitle`, `isnumeric`, `translate`, `maketrans`; an import line naming `string`, `operator`, `abc`, `contextlib`, `io`, `re`, `statistics`, `fractions`, `pprint` or `textwrap`; Python code that
 * runs in the interpreter's teardown (`__del__`, atexit, gc callbacks: the runner draws the trace before
 * the teardown, and a teardown that stops on the chunk is not run again; weakref's callbacks load it
 * through `weakref` already); a format spec (`format`, an
 * f-string with a `{…:…}` field); printf-style `%s %r %a %c %d %i %u %o %x %e %f %g` (with flags, width,
 * precision or a mapping key); a `\N{…}` escape. Anything else that reaches it (a computed attribute name, a dict literal turned into a
 * format string…) is run a second time, with the chunk.
 */
const LAZY_WORDS = [/^[ \t]*match\b/m, /\b(subgroup|derive)\b|except\s*\*/, /\\N\{/, /\b(format(_map)?|sort(ed)?|round|eval|exec|compile)\b/, /\b(__del__|atexit|callbacks|math|random|warn(ings)?|collections|heapq|bisect|dataclass(es)?|json|enum|time|functools|itertools|__trunc__|float_info|int_info|version_info|flags|hash_info|from_bytes|int_max_str_digits|expandtabs|istitle|isnumeric|translate|maketrans)\b/, /%(\([^)\n]*\))?[-+ #0]*(\d+|\*)?(\.(\d*|\*))?[diouxXeEfFgGsrac]/, /(import|from) .*\b(string|operator|abc|contextlib|io|re|statistics|fractions|pprint|textwrap)\b/];
const F_STRING = /(?<![\w'"])(?:[fF][rR]?|[rR][fF])['"]/;
const SPEC_FIELD = /\{[^{}\n]*:[^{}\n]*\}/;

/** Type hints: `typing`, `types`, a builtin container subscripted (`list[int]`), `| None` (modules/typing.ts); `stdin` (modules/sys-info.ts). */
const HINTS_STDIN = /\b(typing|types|stdin|(list|dict|tuple|set|frozenset|type)\[)|\|\s*None\b/;

/** Whether `code` may reach the lazy chunk (see LAZY_WORDS, HINTS_STDIN). */
export function mayReachLazyChunk(code: string): boolean {
  return LAZY_WORDS.some((re) => re.test(code)) || HINTS_STDIN.test(code) || (F_STRING.test(code) && SPEC_FIELD.test(code));
}

let lazyLoaded = false;
let loading: Promise<void> | null = null;

/** The sources, bytes' bodies and the lazy chunk (once per page; again after a failed attempt). */
export function loadPythonSources(): Promise<void> {
  loading ??= Promise.all([
    sources.loadPythonSources(),
    import("pyheap:lazy").then(() => {
      lazyLoaded = true;
    }),
  ]).then(
    () => undefined,
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** True once the sources, bytes' bodies and the lazy chunk are loaded. */
export function pythonSourcesLoaded(): boolean {
  return lazyLoaded && sources.pythonSourcesLoaded();
}

/** Whether a program gets the sources, bytes' bodies and the lazy chunk before its first run. */
export function mayImportPythonSources(code: string): boolean {
  return sources.mayImportPythonSources(code) || mayReachLazyChunk(code);
}

/** The interpreter's second chunk (the parser and the compiler, bundler/split.ts), which exports the compiler. */
export function loadInterpreterPart(): Promise<InterpreterPart> {
  return import("pyheap:interpreter-part") as Promise<InterpreterPart>;
}
