/**
 * The Python source of the `weakref` and `copy` modules (their weak dictionaries, `finalize`, shallow and
 * deep copies: ~3 KB gzipped), and the bodies of bytes' and bytearray's methods, constructor and codecs
 * (~6 KB gzipped, see "bytes" below), fetched only by a page whose program needs one of them.
 *
 * In the page's build of the interpreter (`bundleInterpreter` in vite.config.ts), the interpreter's own
 * module of these sources (`@pyheap/python/python-sources`) is replaced by this one: the same two
 * exports, empty until `loadPythonSources()` has fetched the real ones (with bytes' bodies: one load for
 * both, so that runner.ts waits for and checks one thing). The interpreter reads them only
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

/** Fetches the sources and bytes' bodies (once per page; again after a failed attempt). */
export function loadPythonSources(): Promise<void> {
  loading ??= Promise.all([import("@pyheap/python/python-sources"), import("pyheap:bytes-impl")]).then(
    ([m, b]) => {
      WEAKREF_PY = m.WEAKREF_PY;
      COPY_PY = m.COPY_PY;
      bytesImpl = b as BytesImpl;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** What the interpreter's second chunk gives the runner: the interpreter's compiler (compile/index.ts). */
export interface InterpreterPart {
  compileModule?: (source: string, filename: string, mode: "exec") => unknown;
}

/**
 * The page's build has the interpreter in two chunks, both asked for at once (bundler/split.ts): there,
 * this imports the second (bundler/lazy-sources.ts), which holds the compiler. Elsewhere the interpreter
 * is one module, and this gives nothing.
 */
export function loadInterpreterPart(): Promise<InterpreterPart> {
  return Promise.resolve({});
}

let misses = 0;

/**
 * Throws the error a run stops on where it reaches code of the page's interpreter not loaded yet (bytes'
 * bodies here, the lazy chunk's stubs in bundler/lazy.ts), and counts it: the runner runs the program again
 * once the code is loaded whenever the count moved during a run, also when something caught the error (a
 * trace's repr of an object tries the object's own repr and falls back on a generic one).
 */
export function notLoadedYet(what: string): never {
  misses++;
  throw new Error(`${what} not loaded yet`);
}

/** How many times a run has reached code not loaded yet (see notLoadedYet). */
export function notLoadedCount(): number {
  return misses;
}

/** True once the sources and bytes' bodies are loaded. */
export function pythonSourcesLoaded(): boolean {
  return WEAKREF_PY !== undefined && COPY_PY !== undefined && bytesImpl !== undefined;
}

/**
 * Whether a program names one of the modules (as a word anywhere in its text) or bytes (BYTES_WORDS
 * below): such a program gets the sources and bytes' bodies before its first run. A program that reaches
 * them otherwise (`__import__` of a computed name, `getattr(s, 'en' + 'code')`) is still run correctly,
 * by the second run described above.
 */
export function mayImportPythonSources(code: string): boolean {
  return /\b(weakref|copy)\b/.test(code) || BYTES_WORDS.test(code);
}

// ─── bytes ───
//
// In the page's build of the interpreter, packages/python/src/builtins/bytes.ts imports these in place of
// bytes-impl.ts (bytesOnDemand in bundler/interpreter.ts): bytes.ts still installs every method, the
// constructor and the iterator type at bootstrap, in the same order and with the same names (the heap is
// the same as in any other build), with these as their bodies. Until bytes-impl.ts is loaded, a call
// throws out of `run()` like an import of weakref above, and runInPage loads it and runs the program again.

/**
 * Words of a program that may reach bytes' bodies: a bytes literal (b'', rb"", Br''; not the b of 'b'),
 * the types, the codecs (encode/decode, also behind `bytes(s, 'utf-8')`), int.to_bytes/from_bytes and
 * memoryview. A bytes object's repr, hash, comparison, length, items and concatenation need none of it.
 */
const BYTES_WORDS = /(?<![\w'"])(?:[bB][rR]?|[rR][bB])['"]|\b(?:bytes|bytearray|encode|decode|memoryview|to_bytes|from_bytes|fromhex|maketrans)\b/;

type Table = Record<string, (args: unknown, kw: unknown) => unknown>;
type BytesImpl = Record<string, (...args: unknown[]) => unknown>;

let bytesImpl: BytesImpl | undefined;
let raiseClass: unknown;
const tables = new WeakMap<object, Map<string, Table>>();

function impl(): BytesImpl {
  if (bytesImpl === undefined) notLoadedYet("the bytes methods are");
  return bytesImpl;
}

/** `name` of bytes-impl.ts, called with `args` once it is loaded. */
function call(name: string, args: unknown[]): unknown {
  const b = impl();
  if (raiseClass !== undefined) {
    b.linkBytes!(raiseClass);
    raiseClass = undefined;
  }
  return b[name]!(...args);
}

/** One of the VM's tables of methods, made by bytes-impl.ts once per VM and kind of table. */
function table(vm: object, kind: string, make: () => Table): Table {
  let byKind = tables.get(vm);
  if (!byKind) tables.set(vm, (byKind = new Map()));
  let t = byKind.get(kind);
  if (!t) byKind.set(kind, (t = make()));
  return t;
}

/** Forwarders for the methods `names` of the table `kind`. */
function forwarders(vm: object, kind: string, names: readonly string[], make: () => Table): Table {
  return Object.fromEntries(names.map((n) => [n, (args: unknown, kw: unknown) => (impl(), table(vm, kind, make)[n]!(args, kw))]));
}

/** bytes-impl.ts's linkBytes: the VM's exception class, kept until the bodies are loaded. */
export function linkBytes(raise: unknown): void {
  if (bytesImpl) bytesImpl.linkBytes!(raise);
  else raiseClass = raise;
}
/** The methods bytes and bytearray share (`names`, bytes.ts's list), each calling bytes-impl.ts's. */
export function commonMethods(vm: object, tname: string, names: readonly string[]): Table {
  return forwarders(vm, tname, names, () => call("commonMethods", [vm, tname]) as Table);
}
/** bytearray's methods (the shared ones, then its own), each calling bytes-impl.ts's. */
export function bytearrayMethods(vm: object, common: readonly string[], own: readonly string[]): Table {
  return forwarders(vm, "bytearray methods", [...common, ...own], () => call("bytearrayMethods", [vm]) as Table);
}
// bytes-impl.ts's functions of the same names (see there for what each takes and returns)
/** bytes.fromhex. */
export const fromhex = (...a: unknown[]): unknown => call("fromhex", a);
/** bytes.maketrans. */
export const maketrans = (...a: unknown[]): unknown => call("maketrans", a);
/** Binary operations with a bytearray, and bytes' `%`. */
export const bufferBinary = (...a: unknown[]): unknown => call("bufferBinary", a);
/** bytearray(...). */
export const bytearrayNew = (...a: unknown[]): unknown => call("bytearrayNew", a);
/** next() of a bytearray_iterator. */
export const bytearrayNext = (...a: unknown[]): unknown => call("bytearrayNext", a);
/** bytes(...). */
export const bytesNew = (...a: unknown[]): unknown => call("bytesNew", a);
/** The codec an `encoding` argument names. */
export const codecName = (...a: unknown[]): unknown => call("codecName", a);
/** Bytes decoded by a codec. */
export const decodeBytes = (...a: unknown[]): unknown => call("decodeBytes", a);
/** str.encode and bytes(str, encoding). */
export const encodeStr = (...a: unknown[]): unknown => call("encodeStr", a);
