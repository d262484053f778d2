/**
 * Loading traces for `<py-heap-view>`: runs a program in the page or on the HTTP API and keeps the latest
 * result. A newer request supersedes an older one still running (its result is dropped).
 */
import type { ReactiveController, ReactiveControllerHost, RunResult, Trace } from "../types.js";
import { runInPage, runViaApi, RunnerError, type RunRequest } from "../runner.js";

/** Performance marks around each run (loading the interpreter on the first one included; the end: its
 *  trace is ready). */
export const MARK_RUN_START = "py-heap-view:run-start";
export const MARK_RUN_END = "py-heap-view:run-end";

export type TraceStatus = "idle" | "running" | "ready" | "error";

export class TraceController implements ReactiveController {
  status: TraceStatus = "idle";
  result: RunResult | null = null;
  error: RunnerError | null = null;
  private latest = 0;
  /** The running program's trace, ready before its result (see `shown`). */
  private early: Trace | null = null;

  /**
   * `shown` gets an in-page run's trace as soon as it is finished, before the interpreter's teardown; the
   * teardown, and then `done` with the whole result, wait for the promise it returns.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly done: (result: RunResult, req: RunRequest) => void,
    private readonly failed: (error: RunnerError) => void,
    private readonly shown: (trace: Trace) => Promise<void>,
  ) {
    host.addController(this);
  }

  /** The trace to show: the latest run's once finished (even before its result), else the result's. */
  get trace(): Trace | null {
    return this.early ?? this.result?.trace ?? null;
  }

  /** Runs `req` (on `api` when given) and reports through the callbacks unless superseded. */
  async run(req: RunRequest, api?: string): Promise<void> {
    const id = ++this.latest;
    this.status = "running";
    this.error = null;
    this.host.requestUpdate();
    this.early = null;
    const early = async (trace: Trace): Promise<void> => {
      performance.mark(MARK_RUN_END);
      if (id !== this.latest) return;
      this.early = trace;
      await this.shown(trace);
    };
    try {
      performance.mark(MARK_RUN_START);
      const result = api ? await runViaApi(api, req) : await runInPage(req, early);
      if (api) performance.mark(MARK_RUN_END);
      if (id !== this.latest) return;
      this.early = null;
      this.result = result;
      this.status = "ready";
      this.done(result, req);
    } catch (e) {
      if (id !== this.latest) return;
      this.early = null;
      this.error = e instanceof RunnerError ? e : new RunnerError("run", (e as Error).message);
      this.status = "error";
      this.failed(this.error);
    }
    this.host.requestUpdate();
  }

  /** Shows a result obtained elsewhere (the `trace` property), superseding any run in flight. */
  set(result: RunResult): void {
    this.latest++;
    this.early = null;
    this.result = result;
    this.error = null;
    this.status = "ready";
    this.host.requestUpdate();
  }

  hostConnected(): void {}
}
