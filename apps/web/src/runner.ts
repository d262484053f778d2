/**
 * Where traces come from: the interpreter in the page (default), or the HTTP API when `api` is set.
 * Both give the same `RunResult` shape; the element never sees the interpreter's internals.
 */
import type { RunResult } from "@pyheap/python";

/** What the element asks to run. */
export interface RunRequest {
  code: string;
  mode: "script" | "repl";
  gcThreshold?: number[];
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

/**
 * Runs `req` with the in-page interpreter (loaded on first use as its own chunk, with its WASM heap) and
 * returns the result with a line trace.
 */
export async function runInPage(req: RunRequest): Promise<RunResult> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import("@pyheap/python")) as unknown as Record<string, unknown>;
  } catch (e) {
    throw new RunnerError("load", `the interpreter could not be loaded: ${(e as Error).message}`);
  }
  const prepare = mod["prepare"] ?? mod["ready"];
  if (typeof prepare === "function") await (prepare as () => Promise<void>)();
  const runAsync = mod["runAsync"];
  const run = mod["run"];
  const options = { trace: "line" as const, mode: req.mode, gcThreshold: thresholds(req.gcThreshold) };
  if (typeof runAsync === "function") return (await runAsync(req.code, options)) as RunResult;
  if (typeof run !== "function") throw new RunnerError("load", "this build of @pyheap/python has no run()");
  try {
    return (await (run as (s: string, o: unknown) => RunResult | Promise<RunResult>)(req.code, options)) as RunResult;
  } catch (e) {
    throw new RunnerError("run", `the interpreter failed: ${(e as Error).message}`);
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
      body: JSON.stringify({ code: req.code, mode: req.mode, trace: "line", gcThreshold: thresholds(req.gcThreshold) }),
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
  if (!result.trace) throw new RunnerError("api", `${url} returned no trace`);
  return result;
}
