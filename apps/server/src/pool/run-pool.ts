/**
 * The worker pool that runs programs: piscina threads, admission control, and the wall-time fence.
 *
 * Admission: at most `workers + queue` runs are in flight (running or waiting); past that `run` answers
 * "saturated" at once instead of growing a queue nobody will wait for. Wall time: the interpreter stops
 * itself at `limits.timeoutMs`; should a run still be going `hardKillGraceMs` later, its thread is
 * terminated and piscina starts a fresh one, so one bad program never holds a worker. This module knows
 * threads and tasks, not HTTP.
 */
import { Piscina } from "piscina";
import type { RunTask, RunTaskResult } from "./protocol.js";

export interface RunPoolOptions {
  /** The compiled worker module (dist/pool/worker.js). */
  filename: string;
  workers: number;
  queue: number;
  workerHeapMb: number;
  hardKillGraceMs: number;
}

/** What became of one submitted run. */
export type PoolOutcome =
  | RunTaskResult
  | { kind: "saturated" }
  /** Still waiting for a worker when its wall time ran out. */
  | { kind: "queue-timeout" }
  /** Terminated after running past its wall time; its worker was replaced. */
  | { kind: "killed"; wallMs: number }
  /** Its worker ran out of JavaScript heap and was replaced. */
  | { kind: "worker-out-of-memory"; wallMs: number };

/** Runs `RunTask`s on worker threads with hard limits. */
export class RunPool {
  private readonly pool: Piscina;
  private inFlight = 0;

  constructor(private readonly options: RunPoolOptions) {
    this.pool = new Piscina({
      filename: options.filename,
      minThreads: options.workers,
      maxThreads: options.workers,
      // The pool never refuses by itself: admission is decided here, with a clear answer.
      maxQueue: options.queue + options.workers,
      idleTimeout: 60 * 60 * 1000,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb },
    });
  }

  /** Number of worker threads. */
  get workers(): number {
    return this.options.workers;
  }

  /** Runs being executed now. */
  get running(): number {
    return Math.min(this.inFlight, this.options.workers);
  }

  /** Runs waiting for a worker. */
  get queued(): number {
    return Math.max(0, this.inFlight - this.options.workers);
  }

  /** Runs accepted and not yet answered (running + queued). */
  get pending(): number {
    return this.inFlight;
  }

  /** True when a new run would be refused. */
  get saturated(): boolean {
    return this.inFlight >= this.options.workers + this.options.queue;
  }

  /** Submits one run; never rejects for reasons a program can cause. */
  async run(task: Omit<RunTask, "started">): Promise<PoolOutcome> {
    if (this.saturated) return { kind: "saturated" };
    const started = new SharedArrayBuffer(4);
    const startedView = new Int32Array(started);
    const controller = new AbortController();
    const wallLimit = task.limits.timeoutMs + this.options.hardKillGraceMs;
    const submitted = performance.now();
    let firstSeenRunning = 0;
    let killed = false;
    // The fence is checked on a short tick so a run's wall time counts from when it started, not from
    // when it was queued; a run never started by then gave up waiting.
    const tick = Math.max(5, Math.min(100, Math.floor(wallLimit / 10)));
    const timer = setInterval(() => {
      const now = performance.now();
      if (Atomics.load(startedView, 0) === 1) {
        if (firstSeenRunning === 0) firstSeenRunning = now;
        if (now - firstSeenRunning >= wallLimit) {
          killed = true;
          controller.abort(new Error("wall time exceeded"));
        }
      } else if (now - submitted >= wallLimit) {
        controller.abort(new Error("queued too long"));
      }
    }, tick);
    timer.unref();
    this.inFlight++;
    try {
      return (await this.pool.run({ ...task, started }, { signal: controller.signal })) as RunTaskResult;
    } catch (err) {
      const wallMs = Math.round(performance.now() - (firstSeenRunning || submitted));
      if (controller.signal.aborted) return killed ? { kind: "killed", wallMs } : { kind: "queue-timeout" };
      if ((err as { code?: unknown }).code === "ERR_WORKER_OUT_OF_MEMORY") return { kind: "worker-out-of-memory", wallMs };
      throw err;
    } finally {
      clearInterval(timer);
      this.inFlight--;
    }
  }

  /** Waits for accepted runs to finish, then stops every worker. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Stops every worker now; runs in progress are abandoned. */
  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}
