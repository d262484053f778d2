/**
 * Running the corpus through one build of the interpreter in a child process (mangled-corpus.child.mjs),
 * and checking its results against CPython's, for test/mangled-corpus.test.ts and test/lazy-corpus.test.ts.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const WEB = fileURLToPath(new URL("..", import.meta.url));
export const ROOT = join(WEB, "..", "..");
export const CORPUS = join(ROOT, "corpus");
const CHILD = join(WEB, "test", "mangled-corpus.child.mjs");

/** One case's result, as the child prints it. */
export interface CaseResult {
  case: string;
  stdout?: string;
  stderr?: string;
  leaked?: number;
  check?: boolean;
  traced?: string;
  error?: string;
  /** Its run ended at a limit (the child's CPU-time or wall-time limit, the interpreter's step limit): which. */
  stopped?: string;
}

/**
 * Every case through the module at `modulePath` (its `run` and `runDetailed`), every `traceEvery`-th one
 * also traced (of the cases under `corpus`, by default the corpus's own); with `wasm`, the heap loads that
 * WASM module instead of the core's release build; `env` is added to the child's environment.
 * The child limits each case itself, by CPU time (mangled-corpus.child.mjs), so the whole run's wall-time
 * limit, CORPUS_WALL_MS, is only there for a child that hangs: the corpus takes ~45 s of CPU, 7.5 min of
 * wall time at load 27-31 on two cores.
 */
export const CORPUS_WALL_MS = 3_600_000;

export function runCorpus(modulePath: string, traceEvery: number, wasm?: string, corpus = CORPUS, env: Record<string, string> = {}): Promise<{ wasmReads: number; cases: CaseResult[] }> {
  return new Promise((resolve, reject) => {
    // the stack `pyheap run` and the corpus runner give a run (their workers' 4 MB): on the main thread's
    // default (~1 MB) a repr recursion at limit 1000 (fidelity/13c) met the JavaScript stack a few levels
    // before python3's RecursionError, depending on which of V8's tiers the frames were in
    const args = ["--stack-size=3900", CHILD, modulePath, corpus, String(traceEvery), ...(wasm ? [wasm] : [])];
    execFile(process.execPath, args, { maxBuffer: 1 << 30, timeout: CORPUS_WALL_MS, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as { wasmReads: number; cases: CaseResult[] });
    });
  });
}

/** The cases of corpus/ratchet.txt that `results` do not pass byte for byte with a clean heap, and why. */
export function ratchetFailures(results: readonly CaseResult[]): { ratchet: string[]; failed: string[] } {
  const ratchet = readFileSync(join(CORPUS, "ratchet.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const byCase = new Map(results.map((r) => [`corpus/${r.case}`, r]));
  const failed: string[] = [];
  for (const name of ratchet) {
    const r = byCase.get(name);
    const base = join(ROOT, name.slice(0, -3));
    const want = (ext: string): string => (existsSync(base + ext) ? readFileSync(base + ext, "utf8") : "");
    if (!r) failed.push(`${name}: not run`);
    else if (r.error) failed.push(`${name}: ${r.error.split("\n")[0]}`);
    // python3 ran it to its end: a run its limits stopped fails, whatever it printed
    else if (r.stopped) failed.push(`${name}: stopped by a limit (${r.stopped})`);
    else if (r.stdout !== want(".out")) failed.push(`${name}: stdout differs`);
    else if (r.stderr !== want(".err")) failed.push(`${name}: stderr differs`);
    else if (r.leaked || !r.check) failed.push(`${name}: heap not clean (${r.leaked} leaked, check ${r.check})`);
  }
  return { ratchet, failed };
}
