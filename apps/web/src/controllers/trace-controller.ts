/**
 * Loading traces for `<py-heap-view>`: runs a program in the page or on the HTTP API and keeps the latest
 * result. A newer request supersedes an older one still running (its result is dropped).
 */
import type { ReactiveController, ReactiveControllerHost, RunResult } from "../types.js";
import { runInPage, runViaApi, RunnerError, type RunRequest } from "../runner.js";

/** Performance marks around each run (loading the interpreter on the first one included). */
export const MARK_RUN_START = "py-heap-view:run-start";
export const MARK_RUN_END = "py-heap-view:run-end";

export type TraceStatus = "idle" | "running" | "ready" | "error";

export class TraceController implements ReactiveController {
  status: TraceStatus = "idle";
  result: RunResult | null = null;
  error: RunnerError | null = null;
  private latest = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly done: (result: RunResult, req: RunRequest) => void,
    private readonly failed: (error: RunnerError) => void,
  ) {
    host.addController(this);
  }

  /** Runs `req` (on `api` when given) and reports through the callbacks unless superseded. */
  async run(req: RunRequest, api?: string): Promise<void> {
    const id = ++this.latest;
    this.status = "running";
    this.error = null;
    this.host.requestUpdate();
    try {
      performance.mark(MARK_RUN_START);
      const result = api ? await runViaApi(api, req) : await runInPage(req);
      performance.mark(MARK_RUN_END);
      if (id !== this.latest) return;
      this.result = result;
      this.status = "ready";
      this.done(result, req);
    } catch (e) {
      if (id !== this.latest) return;
      this.error = e instanceof RunnerError ? e : new RunnerError("run", (e as Error).message);
      this.status = "error";
      this.failed(this.error);
    }
    this.host.requestUpdate();
  }

  /** Shows a result obtained elsewhere (the `trace` property), superseding any run in flight. */
  set(result: RunResult): void {
    this.latest++;
    this.result = result;
    this.error = null;
    this.status = "ready";
    this.host.requestUpdate();
  }

  hostConnected(): void {}
}
