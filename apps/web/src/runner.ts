/**
 * Where traces come from: the interpreter in the page (default), or the HTTP API when `api` is set.
 * Both give the same `RunResult` shape; the element never sees the interpreter's internals.
 */
// Types only: a value import would pull the interpreter into the element's first chunk.
import type { RunOptions, RunOutcome, RunResult, StagedRun, Trace } from "@pyheap/python";
import type { Heap, HostHooks } from "@pyheap/heap";
// The URL of the WASM heap (the release build @pyheap/heap loads, emitted once by the bundler): a string.
import heapWasm from "@pyheap/core/pyheap.wasm?url";
import { loadInterpreterPart, loadPythonSources, mayImportPythonSources, notLoadedCount, pythonSourcesLoaded } from "./python-sources.js";

/** The file name of a script the runner runs (run()'s default, which it does not change). */
const SCRIPT_FILENAME = "main.py";

/** A trace with no steps that carries only how the run ended. */
export function emptyTrace(req: RunRequest, outcome: RunOutcome): Trace {
  return {
    version: 1,
    source: req.code,
    filename: req.mode === "repl" ? "<stdin>" : SCRIPT_FILENAME,
    mode: req.mode,
    granularity: "line",
    steps: [],
    keyframeInterval: 0,
    keyframes: [],
    outcome,
  };
}

/** What the element asks to run. */
export interface RunRequest {
  code: string;
  mode: "script" | "repl";
  gcThreshold?: number[];
  /** the program's standard input (input(), sys.stdin) */
  stdin?: string;
}

/** A problem that prevented any trace (not a Python exception: those are results). */
export class RunnerError extends Error {
  constructor(
    readonly kind: "load" | "run" | "api",
    message: string,
  ) {
    super(message);
    this.name = "RunnerError";
  }
}

function thresholds(t: number[] | undefined): [number, number, number] | [number] | [number, number] | undefined {
  if (!t || t.length === 0) return undefined;
  return t.slice(0, 3) as [number, number, number];
}

/** Performance mark: the interpreter and its heap are loaded, the program is about to run. */
export const MARK_INTERPRETER_READY = "py-heap-view:interpreter-ready";

/** Performance mark: the program compiled ahead of its run, before the interpreter's chunk loaded (precompile). */
export const MARK_PRECOMPILED = "py-heap-view:program-compiled";

/** Performance marks: the interpreter's module evaluated; the WASM heap compiled. */
export const MARK_INTERPRETER_LOADED = "py-heap-view:interpreter-loaded";
export const MARK_HEAP_READY = "py-heap-view:heap-ready";

/** What the element takes from the interpreter's chunk. */
interface Interpreter {
  run: (source: string, options: RunOptions) => StagedRun;
  adoptHeap: (heap: Heap, hooks: HostHooks) => boolean;
}
let primed: Promise<void> | null = null;
let interpreter: Promise<Interpreter> | null = null;
/** Set once the interpreter's chunk has loaded (no run starts before). */
let interpreterLoaded = false;
/** The first run's heap, loaded while the interpreter's chunk is on its way (see primeHeap). */
let firstHeap: { heap: Heap; hooks: HostHooks } | null = null;

/**
 * Browsers may not compile a large WASM module synchronously, and `run()` loads its heap synchronously.
 * Compiling the module asynchronously first (streamed from the network into the compiler, off the main
 * thread) leaves it in @pyheap/heap's cache, where every later synchronous load finds it. The first run's
 * heap is then loaded at once (the module instantiated, heap_init: a few ms of the main thread), usually
 * while the main thread would wait for the interpreter's chunk to be compiled, instead of in the run.
 */
function primeHeap(): Promise<void> {
  // Destructured in a plain (not async) callback's parameter: Vite turns that form, and only it, into
  // one that lets rollup keep only what is used of the package instead of its whole namespace object
  // (with every ABI constant the package re-exports: 1.7 KB gzipped).
  primed ??= import("@pyheap/heap")
    .then(({ compileHeap, loadHeap }) =>
      compileHeap().then(() => {
        performance.mark(MARK_HEAP_READY);
        // under the limit the interpreter sets its heaps up with (adoptHeap ignores a heap under another)
        const hooks: HostHooks = {};
        try {
          firstHeap = { heap: loadHeap({ heapLimit: 256 << 20, hooks }), hooks };
        } catch {
          // the run loads its own heap (and reports any fault then)
        }
      }),
    )
    .catch((e: unknown) => {
      primed = null;
      throw new RunnerError("load", `the WASM heap could not be loaded: ${(e as Error).message}`);
    });
  return primed;
}

/** The interpreter's chunk, imported once. */
function loadInterpreter(): Promise<Interpreter> {
  // Destructured in the callback's parameter (a form the bundler understands), so it keeps only what
  // the element uses of the package.
  // In the page's build, the interpreter's second chunk is asked for at the same moment (the first imports
  // it, and reports its failure). A statement of its own: within the import's expression, it would hide
  // the form above from the bundler.
  if (!interpreter) loadInterpreterPart().catch(() => {});
  interpreter ??= import("@pyheap/python")
    .then(({ runStaged, adoptHeap }) => {
      interpreterLoaded = true;
      performance.mark(MARK_INTERPRETER_LOADED);
      return { run: runStaged, adoptHeap };
    })
    .catch((e: unknown) => {
      interpreter = null;
      throw new RunnerError("load", `the interpreter could not be loaded: ${(e as Error).message}`);
    });
  return interpreter;
}

/**
 * Asks the browser to fetch the WASM heap now, as `<link rel=preload>`: @pyheap/heap fetches it only
 * once its own chunk has arrived and run, one round trip later. Its fetch (same URL, same CORS mode)
 * then takes the preloaded response. The demo page's HTML has the link already; a page that loads the
 * element with one script tag gets it here.
 */
function preloadHeapWasm(): void {
  if (typeof document === "undefined") return;
  const href = new URL(heapWasm, import.meta.url).href;
  for (const l of document.querySelectorAll<HTMLLinkElement>("link[rel=preload]")) if (l.href === href) return;
  const link = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", type: "application/wasm", crossOrigin: "anonymous", href });
  document.head.append(link);
}

/**
 * Starts fetching and compiling the WASM heap and the interpreter (once per page), so that the first run
 * finds them loaded: the element calls it as soon as it is connected, before its first render.
 */
export function preloadInPage(code = ""): void {
  // the interpreter's chunk first: the largest file, and V8 compiles it after it has arrived
  const first = !interpreter;
  loadInterpreter().catch(() => {});
  if (first) preloadHeapWasm();
  primeHeap().catch(() => {});
  if (mayImportPythonSources(code)) loadPythonSources().catch(() => {});
}

/**
 * Compiles the program with the interpreter's second chunk (the parser and the compiler, bundler/split.ts)
 * as soon as that has loaded, usually while the browser still compiles the first chunk and the main thread
 * would wait for it: the compiler keeps the unit in its cache (by source, file name and mode; a unit is
 * never changed once compiled), where the run finds it. Whatever goes wrong (a syntax error, code not
 * loaded yet) is left for the run to meet and report. Only before the interpreter's chunk has loaded, so
 * never while a run is under way (whose count of code not loaded yet it would move).
 */
function precompile(req: RunRequest): void {
  if (req.mode !== "script" || interpreterLoaded) return;
  loadInterpreterPart().then(
    (part) => {
      if (interpreterLoaded || !part.compileModule) return;
      try {
        part.compileModule(req.code, SCRIPT_FILENAME, "exec");
        performance.mark(MARK_PRECOMPILED);
      } catch {
        // the run compiles it again and reports the error
      }
    },
    () => {},
  );
}

/**
 * Runs `req` with the in-page interpreter (loaded on first use as its own chunk, with its WASM heap) and
 * returns the result with a line trace. With `beforeTeardown`, the finished trace is handed to it first,
 * and the interpreter's teardown (its exit collections and leak walk, which nothing in a trace depends
 * on) waits for the promise it returns: a caller can draw the trace before that work is done.
 */
export async function runInPage(req: RunRequest, beforeTeardown?: (trace: Trace) => Promise<void>): Promise<RunResult> {
  precompile(req);
  // The WASM heap is fetched and compiled while the interpreter's code loads.
  const heapReady = primeHeap();
  heapReady.catch(() => {});
  const { run, adoptHeap } = await loadInterpreter();
  await heapReady;
  // (taken by the page's first run only: adoptHeap refuses it later)
  if (firstHeap) adoptHeap(firstHeap.heap, firstHeap.hooks);
  firstHeap = null;
  // A program whose text only names what is loaded on demand runs even when that cannot be fetched: if it
  // does reach it, it stops there, and the run below fetches it again and reports why it could not.
  if (mayImportPythonSources(req.code)) await loadSources().catch(() => {});
  performance.mark(MARK_INTERPRETER_READY);
  const options: RunOptions = { trace: "line", mode: req.mode, gcThreshold: thresholds(req.gcThreshold), stdin: req.stdin };
  const again = async (): Promise<RunResult> => {
    // Runs are deterministic: the same program run again from the start, with everything loaded.
    await loadSources();
    const staged = attempt(() => run(req.code, options));
    return attempt(() => staged.finish());
  };
  let misses = notLoadedCount();
  let staged: StagedRun | null = null;
  try {
    staged = run(req.code, options);
  } catch (e) {
    // A program that reached `weakref`, `copy`, bytes' bodies or the lazy chunk without naming them stopped
    // there (a run that throws does not keep its interpreter).
    if (pythonSourcesLoaded()) throw failed(e);
  }
  // ...or reached it where the error was caught (a trace's repr of an object falls back on a generic one):
  // the run is dropped (its interpreter with it) and run again.
  if (!staged || notLoadedCount() !== misses) return again();
  // (should the caller fail, the run is dropped without its teardown, and its interpreter with it)
  if (beforeTeardown && staged.trace) await beforeTeardown(staged.trace);
  misses = notLoadedCount();
  let result: RunResult;
  try {
    result = staged.finish();
  } catch (e) {
    if (pythonSourcesLoaded()) throw failed(e);
    // the teardown reached it (a finalizer's traceback at exit): the whole run again; its trace is the one
    // handed over above
    return again();
  }
  return notLoadedCount() === misses ? result : again();
}

function failed(e: unknown): RunnerError {
  return new RunnerError("run", `the interpreter failed: ${(e as Error).message}`);
}

/** f's result; an error of the interpreter becomes a RunnerError. */
function attempt<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw failed(e);
  }
}

async function loadSources(): Promise<void> {
  try {
    await loadPythonSources();
  } catch (e) {
    throw new RunnerError("load", `the interpreter's on-demand code could not be loaded: ${(e as Error).message}`);
  }
}

/** Runs `req` on the HTTP API at `api` (POST {api}/api/v1/run). */
export async function runViaApi(api: string, req: RunRequest, fetchImpl: typeof fetch = fetch): Promise<RunResult> {
  const url = `${api.replace(/\/+$/, "")}/api/v1/run`;
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ code: req.code, mode: req.mode, trace: "line", gcThreshold: thresholds(req.gcThreshold), stdin: req.stdin }),
    });
  } catch (e) {
    throw new RunnerError("api", `could not reach ${url}: ${(e as Error).message}`);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new RunnerError("api", `${url} answered ${res.status} without JSON`);
  }
  if (!res.ok) {
    const p = body as { title?: string; detail?: string };
    throw new RunnerError("api", `${url} answered ${res.status}: ${p.detail ?? p.title ?? "no detail"}`);
  }
  const result = body as RunResult;
  if (!result.trace) {
    // A run the server stopped from outside (wall time, worker memory) comes back without a trace: show its
    // reason and output on an empty trace rather than failing.
    if (!result.outcome) throw new RunnerError("api", `${url} returned no trace`);
    return { ...result, trace: emptyTrace(req, result.outcome) };
  }
  return result;
}
