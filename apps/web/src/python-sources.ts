/**
 * The Python source of the `weakref` and `copy` modules (their weak dictionaries, `finalize`, shallow and
 * deep copies: ~3 KB gzipped), fetched only by a page whose program imports one of them.
 *
 * In the page's build of the interpreter (`bundleInterpreter` in vite.config.ts), the interpreter's own
 * module of these sources (`@pyheap/python/python-sources`) is replaced by this one: the same two
 * exports, empty until `loadPythonSources()` has fetched the real ones. The interpreter reads them only
 * when a program first imports `weakref` or `copy`; an import before they are loaded throws out of
 * `run()` (a JavaScript error, which no Python `try` catches), and `runInPage` then loads them and runs
 * the program again from the start (see runner.ts). An interpreter built otherwise (the package's own
 * build, in Node or another bundler's page) keeps its own copy; the runner loading these as well there
 * changes nothing.
 */

/** `weakref`'s Python part, once loaded (the interpreter's `WEAKREF_PY`). */
export let WEAKREF_PY: string | undefined;
/** `copy`'s Python source, once loaded (the interpreter's `COPY_PY`). */
export let COPY_PY: string | undefined;

let loading: Promise<void> | null = null;

/** Fetches the sources (once per page; again after a failed attempt). */
export function loadPythonSources(): Promise<void> {
  loading ??= import("@pyheap/python/python-sources").then(
    (m) => {
      WEAKREF_PY = m.WEAKREF_PY;
      COPY_PY = m.COPY_PY;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** True once the sources are loaded. */
export function pythonSourcesLoaded(): boolean {
  return WEAKREF_PY !== undefined && COPY_PY !== undefined;
}

/**
 * Whether a program names one of the modules (as a word anywhere in its text): such a program gets the
 * sources before its first run. A program that reaches them otherwise (`__import__` of a computed name)
 * is still run correctly, by the second run described above.
 */
export function mayImportPythonSources(code: string): boolean {
  return /\b(weakref|copy)\b/.test(code);
}
