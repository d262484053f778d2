/**
 * The worker pool that runs programs: piscina's worker threads, plus admission, the wall-time fence, CPU
 * time limits and two lanes, one for short runs and one for long ones. This module knows threads and
 * tasks, not HTTP.
 *
 * - Threads: piscina keeps `workers + spares` threads started (a thread start costs a module load and a
 *   warm-up run, ~0.2–0.4 s of CPU, done at the lowest priority), one run per thread at a time.
 * - Admission: at most `workers + queue` runs are in flight (running or waiting); past that `run` answers
 *   "saturated" at once instead of growing a queue nobody will wait for. Runs wait in this pool's own
 *   queue, in arrival order, and at most `workers` *short* runs are on threads at once; piscina's queue
 *   is bounded too (`maxQueue`) as a backstop. A run still waiting when its wall time has passed is
 *   withdrawn ("queue-timeout").
 * - A short run past `suspectMs` of CPU time (a fifth of `longRunMs`; the blog's example uses under 2 ms)
 *   gives its short place to the next waiting run and goes on at nice 5, so that a flood of runaways does
 *   not keep short runs waiting for the whole time it takes to recognise them as long.
 * - The short lane and the long lane: a run that has used more than `longRunMs` of its thread's CPU time
 *   (from /proc, ns precision, so a machine busy with other work does not make ordinary runs look long;
 *   elsewhere its wall time) is long. It leaves the short lane at once, so the next waiting run gets a
 *   thread (the spares), and joins the long lane if fewer than `longRuns` long runs are going; there its
 *   thread runs at the lowest priority (nice 19 on Linux, where each thread has its own). If the long lane
 *   is full, the run is asked to stop ("lane-full": the caller answers 503 with Retry-After), having cost
 *   `longRunMs` of CPU. So short runs never wait behind long ones, and long ones never hold more than
 *   `longRuns` threads.
 * - Stopping a run: the pool asks through the run's control block (`Control.Stop`), which is the run's
 *   interrupt flag (`RunOptions.interrupt`, task-control.ts): the interpreter stops within 4096 steps, or
 *   within ~64K items of a builtin that takes long in one step — for a run past its CPU-time limit
 *   (`task.cpuLimitMs`, a `limit: time` result saying so) or turned long with the long lane full. A run
 *   asked to stop goes on at the normal priority (one inside a long step that reads no flag, such as a
 *   huge allocation in the heap, ends that step and frees its thread soon) and is terminated if it has not
 *   stopped after `STOP_GRACE_CPU_MS` more CPU time. The interpreter stops itself at `limits.timeoutMs`;
 *   every run is submitted with an AbortSignal, aborted `hardKillGraceMs` later if it is still going: piscina terminates that thread and starts a new one
 *   ("killed"). A thread that runs out of JavaScript heap is reported ("worker-out-of-memory") and piscina
 *   replaces it. A long run past its own time limit gets its normal priority back, so that it can notice
 *   and stop by itself.
 * - Start-up: a thread is given runs only once its warm-up is done (it says so with a `WARM` message; the
 *   pool's load balancer picks warm idle threads only). A run arriving before any thread is warm waits for
 *   the first, up to `startupWaitMs` ("starting": the caller answers 503 with Retry-After); its wall time
 *   counts from when a thread was first warm. Until every thread has been warm once, the two rules below
 *   (threads running out, shedding) are off: runs wait for threads still warming up, not behind others.
 * - Threads run out: if short runs wait for piscina (every thread busy), the newest suspected run (past
 *   `suspectMs`, not yet long) is asked to stop ("lane-full", 503), one per watchdog tick.
 * - Shedding, the last resort (only without a cap on long runs, or with fewer spares than the long lane
 *   holds): if every thread is busy and runs are waiting for piscina, at most `threads - 1` long runs go
 *   on (with two threads or more): the excess, the long runs started last (the least work lost), are
 *   aborted ("shed": the caller answers 503 with Retry-After).
 *
 * The worker and the pool share a small control block per run (protocol.ts): the worker writes when the
 * run starts and its thread id, the pool when it wants the run stopped, and one watchdog timer here,
 * running only while runs are in flight, checks every run's wall and CPU time.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { setPriority } from "node:os";
import { Piscina } from "piscina";
import {
  Control,
  CONTROL_SLOTS,
  Startup,
  STARTUP_SLOTS,
  StopReason,
  WARM,
  type PoolTask,
  type RunTask,
  type RunTaskResult,
  type RunTiming,
  type WorkerStart,
} from "./protocol.js";

export interface RunPoolOptions {
  /** The compiled task module (dist/pool/worker.js): its default export runs one task. */
  filename: string;
  /** Short runs on threads at once. */
  workers: number;
  queue: number;
  workerHeapMb: number;
  hardKillGraceMs: number;
  /** A run that used more CPU time than this (ms) is long (default 25; see above). */
  longRunMs?: number;
  /**
   * A short run that used more CPU time than this (ms) gives its short place to the next waiting run and
   * goes on at nice 5 until it ends or turns long (default `longRunMs / 5`).
   */
  suspectMs?: number;
  /** Threads beyond `workers` (default `workers`): the long lane's, and room for a run being stopped. */
  spares?: number;
  /**
   * Long runs allowed at once (the long lane); a run turning long while it is full is asked to stop
   * ("lane-full"). Default: no cap of its own (the spare threads and the shedding rule bound them).
   */
  longRuns?: number;
  /**
   * Told about a thread that failed with no run on it (piscina's pool-level 'error', e.g. a thread that
   * could not load its module); without it such failures are dropped. The server keeps running either
   * way: runs that were on a failing thread are answered through their own promise.
   */
  onThreadError?: (err: Error) => void;
  /**
   * How long (ms) a run arriving before any thread has finished its warm-up waits for the first, before it
   * is answered "starting" (default 60 000: the warm-up takes ~1 s of CPU, 12 s of wall time seen at load 26).
   */
  startupWaitMs?: number;
  /** Tests only: each thread sleeps this long (ms) before its warm-up (a list: each its own, see WorkerStart). */
  warmUpDelayMs?: number | number[];
}

/** Where a run's time went: waiting for a thread, on it (wall), its thread's CPU time, and its lane at the end. */
export interface PoolTiming {
  /** From submission until the run went to piscina (waiting for a short place). */
  queueMs: number;
  /** From then until its worker began (piscina's queue when every thread is busy, and the thread's wake-up). */
  startMs: number;
  runMs: number;
  /** -1 where the platform does not say. */
  cpuMs: number;
  lane: "short" | "long";
}

/** What became of one submitted run. */
export type PoolOutcome =
  | { kind: "ok"; body: string; exitCode: number; outcome: string; timing?: PoolTiming }
  | { kind: "trace-too-large"; bytes: number; timing?: PoolTiming }
  | { kind: "saturated" }
  /** Still waiting for a worker when its wall time ran out. */
  | { kind: "queue-timeout" }
  /** Arrived before any thread was warm, and none was within `startupWaitMs`. */
  | { kind: "starting"; waitedMs: number }
  /** Turned long (used `longRunMs` of CPU time) while the long lane was full, and stopped. */
  | { kind: "lane-full"; longRunMs: number; longRuns: number; timing?: PoolTiming }
  /** Asked to stop at its CPU-time limit, it did not within the grace (no interpreter check ran): terminated. */
  | { kind: "cpu-limit"; cpuLimitMs: number; wallMs: number; timing?: PoolTiming }
  /** A long run stopped so that runs waiting for a worker get one (the shedding rule). */
  | { kind: "shed"; wallMs: number; timing?: PoolTiming }
  /** Terminated after running past its wall time; its worker was replaced. */
  | { kind: "killed"; wallMs: number; timing?: PoolTiming }
  /** Its worker ran out of JavaScript heap and was replaced. */
  | { kind: "worker-out-of-memory"; wallMs: number };

interface Job {
  control: Int32Array;
  controller: AbortController;
  /** The run's own time limit (the interpreter stops itself there). */
  timeoutMs: number;
  /** Wall time allowed once running, before the thread is terminated. */
  wallLimitMs: number;
  /** CPU time (ms) past which the run is asked to stop (Infinity: none). */
  cpuLimitMs: number;
  submitted: number;
  /** Handed to piscina (it holds one of the `workers` short places until it turns long or ends). */
  dispatched: boolean;
  dispatchedAt: number;
  holdsShortPlace: boolean;
  /** While waiting in this pool's queue: admits it (true) or gives up on it (false). */
  admit: ((go: boolean) => void) | undefined;
  fail: ((err: Error) => void) | undefined;
  /** When the watchdog first saw it running (0 before). */
  startedAt: number;
  tid: number;
  long: boolean;
  /** Long and admitted to the long lane. */
  inLane: boolean;
  /** Its thread's CPU time (ms) when the run was first seen running (NaN without /proc). */
  cpuAtStart: number;
  /** Wall time (performance.now()) before which the run cannot have reached the next CPU threshold. */
  nextCpuCheck: number;
  /** The nice value the pool last gave its thread (0: normal). */
  nice: number;
  /** Its CPU time (ms) at the last reading. */
  cpuUsed: number;
  /** Its CPU time (ms) when the pool asked it to stop (NaN: not asked). */
  askedAtCpu: number;
  /** Why the pool aborted it through piscina, if it did. */
  stopped: PoolOutcome | undefined;
  /** Aborted because no thread could start: the error that ended the last one. */
  failure?: Error;
  finished: boolean;
}

/** The nice value of a short run past `suspectMs` (about a third of a normal thread's share when they compete). */
const SUSPECT_PRIORITY = 5;

/** The nice value of a thread holding a long run (the lowest priority). */
const LOW_PRIORITY = 19;

/**
 * The nice value of a run asked to stop: the normal one. The interpreter reads its interrupt flag every
 * 4096 steps (well under 1 ms); one inside a long step that reads no flag (a huge allocation) ends it sooner and frees
 * its thread (at nice 10 or 19 such runs held threads for seconds on a busy machine, and short runs then
 * waited for a thread). Either way it costs at most `STOP_GRACE_CPU_MS` more.
 */
const STOPPING_PRIORITY = 0;

/**
 * CPU time (ms) a run asked to stop may still use before its thread is terminated. The interpreter checks
 * every 4096 steps and every ~64K items of a long builtin (well under 1 ms); a run inside one long step
 * that checks nothing (a huge allocation or big-integer computation) goes on until the step ends or this
 * runs out.
 */
const STOP_GRACE_CPU_MS = 100;

const statBuffer = Buffer.alloc(256);

/** CPU time (ms, ns precision) of the thread whose schedstat file is open as `fd`, or NaN. */
function threadCpuMs(fd: number): number {
  try {
    const n = readSync(fd, statBuffer, 0, statBuffer.length, 0);
    // The first field of /proc/<pid>/task/<tid>/schedstat: time spent on the CPU, in ns.
    return Number.parseInt(statBuffer.toString("latin1", 0, n), 10) / 1e6;
  } catch {
    return Number.NaN;
  }
}

/** Runs `RunTask`s on piscina's worker threads with hard limits. */
export class RunPool {
  private readonly pool: Piscina<PoolTask, RunTaskResult>;
  private readonly jobs = new Set<Job>();
  /** Runs waiting for one of the `workers` short places, in arrival order. */
  private readonly waiting: Job[] = [];
  private shortOnThreads = 0;
  /** Open /proc schedstat files of the threads seen running, by thread id (each reading is one pread). */
  private readonly statFds = new Map<number, number>();
  private watchdog: NodeJS.Timeout | undefined;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly longRunMs: number;
  private readonly suspectMs: number;
  private readonly longRunCap: number;
  private readonly threadCount: number;
  private readonly tickMs: number;
  private readonly startupWaitMs: number;
  private readonly createdAt = performance.now();
  /** Threads (piscina's thread ids) whose warm-up is done. */
  private readonly warm = new Set<number>();
  /** When a thread was first warm (0: none yet). */
  private firstWarmAt = 0;
  /** Every thread has been warm at least once (the start-up is over). */
  private allWarmOnce = false;
  /** Empty tasks under way (see `threadWarm`): runs queued in piscina are about to go to a thread just warm. */
  private kicks = 0;
  /** Why no thread could start (every one failed before any was warm), if so. */
  private startFailure: Error | undefined;

  constructor(private readonly options: RunPoolOptions) {
    this.longRunMs = options.longRunMs ?? 25;
    this.suspectMs = Math.min(this.longRunMs, options.suspectMs ?? this.longRunMs / 5);
    this.longRunCap = options.longRuns ?? Number.POSITIVE_INFINITY;
    this.threadCount = options.workers + (options.spares ?? Math.max(1, options.workers));
    this.tickMs = Math.max(5, Math.min(25, Math.floor(this.longRunMs / 4)));
    this.startupWaitMs = options.startupWaitMs ?? 60_000;
    const startup = new SharedArrayBuffer(STARTUP_SLOTS * 4);
    Atomics.store(new Int32Array(startup), Startup.NormalStarts, this.threadCount);
    Atomics.store(new Int32Array(startup), Startup.FreeWarmUps, options.workers);
    const workerData: WorkerStart = { startup, ...(options.warmUpDelayMs !== undefined ? { warmUpDelayMs: options.warmUpDelayMs } : {}) };
    this.pool = new Piscina<PoolTask, RunTaskResult>({
      filename: options.filename,
      workerData,
      // Runs go to idle threads that finished their warm-up. piscina counts the threads it starts with as
      // ready at once and would queue a run on one still warming up (seconds at start-up) while another is warm.
      loadBalancer: (_task, workers) => {
        for (const worker of workers) if (worker.currentUsage === 0 && !worker.terminating && this.warm.has(worker.id)) return worker;
        return null;
      },
      // piscina tries require() on the task file before import(); on Node 20 require() of an ES module
      // instantiates it synchronously, and a thread stopped then (a run past its wall time) ends the whole
      // process with a V8 fatal error. Without require(esm) in the threads, require() fails at once and
      // piscina imports the module, which a stopped thread abandons cleanly.
      execArgv: [...process.execArgv, "--no-experimental-require-module"],
      minThreads: this.threadCount,
      maxThreads: this.threadCount,
      // Admission is decided in run() with a clear answer; piscina's bound is the backstop (threads still
      // starting count as busy for it, hence workers + queue).
      maxQueue: options.workers + options.queue,
      idleTimeout: 2 ** 31 - 1,
      concurrentTasksPerWorker: 1,
      // Runs end by their own wall-time fence; close() waits for them.
      closeTimeout: 2 ** 31 - 1,
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb },
    });
    // Unhandled, piscina's 'error' event would end the process.
    this.pool.on("error", (err: Error) => {
      options.onThreadError?.(err);
      // Every thread failed before any was warm (a task module that cannot load): piscina starts no more
      // after failures at start-up, so runs waiting for a warm thread fail now instead of after startupWaitMs.
      if (this.warm.size === 0 && this.pool.threads.length === 0) this.failStart(err);
    });
    this.pool.on("message", (message: unknown) => {
      const id = (message as Record<string, unknown> | null)?.[WARM];
      if (typeof id === "number") this.threadWarm(id);
    });
    this.pool.on("workerDestroy", (worker: { id: number }) => this.warm.delete(worker.id));
  }

  private threadWarm(id: number): void {
    this.warm.add(id);
    if (this.firstWarmAt === 0) this.firstWarmAt = performance.now();
    if (this.warm.size >= this.threadCount) this.allWarmOnce = true;
    // piscina hands queued runs out when a thread ends a task (or, for a thread started later, when it is
    // loaded); a thread it started with, taken as ready from the start, gets them after one empty task.
    // (closing too: close() lets accepted runs finish first)
    this.kicks++;
    (this.pool as unknown as Piscina)
      .run(null, { name: "idle" })
      .catch(() => {})
      .finally(() => this.kicks--);
  }

  /** Runs not on a thread yet fail with the error that ended the last thread (none was ever warm). */
  private failStart(err: Error): void {
    this.startFailure = err;
    for (const job of this.waiting.splice(0)) job.fail?.(err);
    for (const job of this.jobs) {
      if (!job.dispatched || job.stopped || Atomics.load(job.control, Control.State) !== 0) continue;
      job.failure = err;
      job.controller.abort(err);
    }
  }

  /** Threads whose warm-up is done (they take runs). */
  get warmThreads(): number {
    return this.warm.size;
  }

  /** At least one thread is warm: runs are served. */
  get ready(): boolean {
    return this.warm.size > 0;
  }

  /** Still starting: not every thread has been warm yet, and `startupWaitMs` has not passed. */
  private get startingUp(): boolean {
    return !this.allWarmOnce && performance.now() - this.createdAt < this.startupWaitMs;
  }

  /**
   * What becomes of a run still waiting for a thread at `now` (undefined: it waits on). Before any thread
   * is warm it waits up to `startupWaitMs`; after that its wall time counts from when one first was.
   */
  private expired(job: Job, now: number): PoolOutcome | undefined {
    if (this.firstWarmAt === 0) {
      const waited = now - job.submitted;
      return waited >= this.startupWaitMs ? { kind: "starting", waitedMs: Math.round(waited) } : undefined;
    }
    return now - Math.max(job.submitted, this.firstWarmAt) >= job.wallLimitMs ? { kind: "queue-timeout" } : undefined;
  }

  /** Number of short runs on threads at once. */
  get workers(): number {
    return this.options.workers;
  }

  /** Worker threads piscina keeps (workers + spares). */
  get threads(): number {
    return this.threadCount;
  }

  /** Long runs allowed at once (Infinity: no cap of its own). */
  get longRunLimit(): number {
    return this.longRunCap;
  }

  /** Runs being executed now. */
  get running(): number {
    let n = 0;
    for (const job of this.jobs) if (Atomics.load(job.control, Control.State) !== 0) n++;
    return n;
  }

  /** Runs waiting for a worker. */
  get queued(): number {
    return this.jobs.size - this.running;
  }

  /** Runs accepted and not yet answered (running + queued). */
  get pending(): number {
    return this.jobs.size;
  }

  /** Runs now past `longRunMs`. */
  get longRuns(): number {
    let n = 0;
    for (const job of this.jobs) if (job.long) n++;
    return n;
  }

  /** Long runs in the long lane now. */
  get laneRuns(): number {
    let n = 0;
    for (const job of this.jobs) if (job.inLane && !job.finished) n++;
    return n;
  }

  /** Long runs whose thread now runs at the lowered priority. */
  get lowPriorityRuns(): number {
    let n = 0;
    for (const job of this.jobs) if (Atomics.load(job.control, Control.Lowered) === 1) n++;
    return n;
  }

  /** True when a new run would be refused. */
  get saturated(): boolean {
    return this.pending >= this.options.workers + this.options.queue;
  }

  /** Submits one run; never rejects for reasons a program can cause. */
  async run(task: RunTask): Promise<PoolOutcome> {
    if (this.closed) throw new Error("the pool is closed");
    if (this.startFailure && this.warm.size === 0) throw new Error(`the run failed in its worker: ${this.startFailure.message}`, { cause: this.startFailure });
    if (this.saturated) return { kind: "saturated" };
    const control = new SharedArrayBuffer(CONTROL_SLOTS * 4);
    const job: Job = {
      control: new Int32Array(control),
      controller: new AbortController(),
      timeoutMs: task.limits.timeoutMs,
      wallLimitMs: task.limits.timeoutMs + this.options.hardKillGraceMs,
      cpuLimitMs: task.cpuLimitMs ?? Number.POSITIVE_INFINITY,
      submitted: performance.now(),
      dispatched: false,
      dispatchedAt: 0,
      holdsShortPlace: false,
      admit: undefined,
      fail: undefined,
      startedAt: 0,
      tid: 0,
      long: false,
      inLane: false,
      cpuAtStart: Number.NaN,
      nextCpuCheck: 0,
      askedAtCpu: Number.NaN,
      nice: 0,
      cpuUsed: -1,
      stopped: undefined,
      finished: false,
    };
    this.jobs.add(job);
    this.arm();
    try {
      if (!(await this.takeShortPlace(job))) return job.stopped ?? { kind: "queue-timeout" };
      job.dispatched = true;
      job.dispatchedAt = performance.now();
      const result = await this.pool.run({ ...task, control }, { signal: job.controller.signal });
      job.finished = true;
      return this.outcomeOf(job, result);
    } catch (err) {
      job.finished = true;
      if (job.stopped) {
        // piscina terminated the thread: its stat file goes with it.
        this.forgetThread(job.tid);
        if (job.startedAt === 0 || job.stopped.kind === "queue-timeout" || job.stopped.kind === "starting" || job.stopped.kind === "worker-out-of-memory") {
          return job.stopped;
        }
        const timing: PoolTiming = {
          queueMs: (job.dispatchedAt || job.startedAt) - job.submitted,
          startMs: job.dispatchedAt ? Math.max(0, job.startedAt - job.dispatchedAt) : 0,
          runMs: performance.now() - job.startedAt,
          cpuMs: job.cpuUsed,
          lane: job.long ? "long" : "short",
        };
        return { ...job.stopped, timing } as PoolOutcome;
      }
      const e = (job.failure ?? err) as Error & { code?: unknown };
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY") {
        this.forgetThread(job.tid);
        return { kind: "worker-out-of-memory", wallMs: Math.round(performance.now() - (job.startedAt || job.submitted)) };
      }
      if (e.message === "Task queue is at limit") return { kind: "saturated" };
      if (e.message === "the pool was destroyed") throw e;
      throw new Error(`the run failed in its worker: ${e.message}`, { cause: err });
    } finally {
      job.finished = true;
      this.jobs.delete(job);
      this.releaseShortPlace(job);
      if (this.jobs.size === 0) {
        this.disarm();
        for (const wake of this.idleWaiters.splice(0)) wake();
      }
    }
  }

  /** Waits for accepted runs to finish, then stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.jobs.size > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.pool.close();
    this.closeStats();
  }

  /** Stops every worker now; runs in progress or waiting are abandoned (their promises reject). */
  async destroy(): Promise<void> {
    this.closed = true;
    this.disarm();
    for (const job of this.waiting.splice(0)) job.fail?.(new Error("the pool was destroyed"));
    await this.pool.destroy();
    this.closeStats();
  }

  private outcomeOf(job: Job, result: RunTaskResult): PoolOutcome {
    const timing = result.timing === undefined ? undefined : this.timingOf(job, result.timing);
    switch (result.kind) {
      case "ok":
        return { kind: "ok", body: result.body, exitCode: result.exitCode, outcome: result.outcome, ...(timing ? { timing } : {}) };
      case "trace-too-large":
        return { kind: "trace-too-large", bytes: result.bytes, ...(timing ? { timing } : {}) };
      case "lane-full":
        return { kind: "lane-full", longRunMs: this.longRunMs, longRuns: this.longRunCap, ...(timing ? { timing } : {}) };
    }
  }

  private timingOf(job: Job, t: RunTiming): PoolTiming {
    return {
      queueMs: job.dispatchedAt - job.submitted,
      startMs: Math.max(0, t.start - (performance.timeOrigin + job.dispatchedAt)),
      runMs: t.runMs,
      cpuMs: t.cpuMs,
      lane: job.long ? "long" : "short",
    };
  }

  /** Resolves true once the job holds one of the `workers` short places, false if it waited past its wall time. */
  private takeShortPlace(job: Job): Promise<boolean> | boolean {
    if (this.waiting.length === 0 && this.shortOnThreads < this.options.workers) {
      this.shortOnThreads++;
      job.holdsShortPlace = true;
      return true;
    }
    return new Promise<boolean>((resolve, reject) => {
      job.admit = resolve;
      job.fail = reject;
      this.waiting.push(job);
    });
  }

  /** The job no longer counts as short (it turned long or ended): the next waiting run takes its place. */
  private releaseShortPlace(job: Job): void {
    if (job.holdsShortPlace) {
      job.holdsShortPlace = false;
      this.shortOnThreads--;
    }
    while (this.shortOnThreads < this.options.workers && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.shortOnThreads++;
      next.holdsShortPlace = true;
      next.admit?.(true);
      next.admit = next.fail = undefined;
    }
  }

  private arm(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => this.check(), this.tickMs);
    this.watchdog.unref();
  }

  private disarm(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  /** Aborts a run through piscina (its thread is terminated and replaced). */
  private stop(job: Job, outcome: PoolOutcome): void {
    if (job.stopped) return;
    job.stopped = outcome;
    job.controller.abort(new Error(outcome.kind));
  }

  /**
   * Asks a run to stop by itself (the first reason asked for stays), at `STOPPING_PRIORITY`; `check`
   * terminates it if it has not stopped within `STOP_GRACE_CPU_MS` more CPU time.
   */
  private ask(job: Job, reason: number, usedMs: number): void {
    if (Atomics.compareExchange(job.control, Control.Stop, StopReason.None, reason) === StopReason.None) job.askedAtCpu = usedMs;
    this.setJobPriority(job, STOPPING_PRIORITY);
  }

  /** The open schedstat file of thread `tid`, opened on first use; undefined without /proc. */
  private statFd(tid: number): number | undefined {
    if (tid === 0) return undefined;
    let fd = this.statFds.get(tid);
    if (fd !== undefined) return fd;
    try {
      fd = openSync(`/proc/self/task/${tid}/schedstat`, "r");
    } catch {
      return undefined;
    }
    this.statFds.set(tid, fd);
    return fd;
  }

  private forgetThread(tid: number): void {
    const fd = this.statFds.get(tid);
    if (fd === undefined) return;
    this.statFds.delete(tid);
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }

  private closeStats(): void {
    for (const tid of [...this.statFds.keys()]) this.forgetThread(tid);
  }

  /** Sets a running job's thread priority, unless its run is ending right now (see task-control.ts). */
  private setJobPriority(job: Job, nice: number): void {
    if (job.tid === 0 || job.nice === nice) return;
    if (Atomics.compareExchange(job.control, Control.State, 1, 3) !== 1) return;
    try {
      setPriority(job.tid, nice);
      job.nice = nice;
      Atomics.store(job.control, Control.Lowered, nice > 0 ? 1 : 0);
    } catch {
      // not permitted here: the run keeps its priority (the worker tries again when the run ends)
    } finally {
      Atomics.store(job.control, Control.State, 1);
    }
  }

  /** A run just past `longRunMs`: out of the short lane, into the long lane if it has room, else asked to stop. */
  private turnLong(job: Job, used: number): void {
    job.long = true;
    // A run already asked to stop (its CPU-time limit, or threads running out) does not take the lane.
    if (!Number.isNaN(job.askedAtCpu)) {
      // stopping already
    } else if (this.laneRuns < this.longRunCap) job.inLane = true;
    else this.ask(job, StopReason.LaneFull, used);
    this.releaseShortPlace(job);
  }

  private check(): void {
    const now = performance.now();
    // Runs waiting in this pool's queue past their wall time (or, before any thread is warm, past
    // startupWaitMs) are withdrawn.
    for (let i = 0; i < this.waiting.length; ) {
      const job = this.waiting[i]!;
      const expired = this.expired(job, now);
      if (expired) {
        job.stopped = expired;
        this.waiting.splice(i, 1);
        job.admit?.(false);
        job.admit = job.fail = undefined;
      } else i++;
    }
    let waiting = 0;
    for (const job of this.jobs) {
      if (job.stopped || !job.dispatched) continue;
      const state = Atomics.load(job.control, Control.State);
      if (state === 0) {
        // Never got a thread within its wall time: withdrawn from piscina's queue.
        const expired = this.expired(job, now);
        if (expired) this.stop(job, expired);
        else waiting++;
        continue;
      }
      if (job.startedAt === 0) {
        job.startedAt = now;
        job.tid = Atomics.load(job.control, Control.Tid);
        const fd = this.statFd(job.tid);
        job.cpuAtStart = fd === undefined ? Number.NaN : threadCpuMs(fd);
        job.nextCpuCheck = now + Math.min(this.suspectMs, job.cpuLimitMs);
      }
      if (state === 2) continue;
      const elapsed = now - job.startedAt;
      if (elapsed >= job.wallLimitMs) {
        this.stop(job, { kind: "killed", wallMs: Math.round(elapsed) });
        continue;
      }
      if (now >= job.nextCpuCheck) {
        const fd = this.statFds.get(job.tid);
        const used = fd === undefined || Number.isNaN(job.cpuAtStart) ? elapsed : threadCpuMs(fd) - job.cpuAtStart;
        job.cpuUsed = used;
        if (!job.long && used >= this.longRunMs) this.turnLong(job, used);
        else if (!job.long && job.holdsShortPlace && used >= this.suspectMs) {
          // Not long yet, but no longer like the short runs behind it: they get its place (and the CPU first).
          this.releaseShortPlace(job);
          this.setJobPriority(job, SUSPECT_PRIORITY);
        }
        if (used >= job.cpuLimitMs) this.ask(job, StopReason.CpuLimit, used);
        if (used - job.askedAtCpu >= STOP_GRACE_CPU_MS) {
          // Asked to stop and still going (inside one long step): terminated.
          const wallMs = Math.round(elapsed);
          const reason = Atomics.load(job.control, Control.Stop);
          this.stop(
            job,
            reason === StopReason.LaneFull
              ? { kind: "lane-full", longRunMs: this.longRunMs, longRuns: this.longRunCap }
              : { kind: "cpu-limit", cpuLimitMs: job.cpuLimitMs, wallMs },
          );
          continue;
        }
        // CPU time grows no faster than wall time: no need to look again before it could reach the next mark.
        const mark = !Number.isNaN(job.askedAtCpu)
          ? job.askedAtCpu + STOP_GRACE_CPU_MS
          : job.long
            ? job.cpuLimitMs
            : Math.min(job.holdsShortPlace ? this.suspectMs : this.longRunMs, job.cpuLimitMs);
        job.nextCpuCheck = now + Math.max(this.tickMs, mark - used);
      }
      if (!Number.isNaN(job.askedAtCpu)) continue;
      if (elapsed >= job.timeoutMs) this.setJobPriority(job, 0);
      else if (job.long) this.setJobPriority(job, LOW_PRIORITY);
    }
    // While threads are still warming up, runs wait for them: none is stopped to make room. Nor while a
    // thread just warm is about to take the runs queued in piscina.
    if (this.startingUp || this.kicks > 0) return;
    // Every thread busy and short runs waiting for piscina: the suspected runs (past suspectMs, not long
    // yet) are the ones holding threads the short runs need; the newest is asked to stop (503), one per tick.
    if (waiting > 0 && this.pool.queueSize > 0) {
      let newest: Job | undefined;
      for (const job of this.jobs) {
        if (!job.dispatched || job.holdsShortPlace || job.long || job.stopped || !Number.isNaN(job.askedAtCpu)) continue;
        if (Atomics.load(job.control, Control.State) === 0 || Atomics.load(job.control, Control.State) === 2) continue;
        if (newest === undefined || job.startedAt > newest.startedAt) newest = job;
      }
      if (newest !== undefined) this.ask(newest, StopReason.LaneFull, newest.cpuUsed);
    }
    // Every thread busy and runs waiting for piscina: at most threads - 1 long runs go on; the excess, the
    // long runs started last, give way.
    if (waiting > 0 && this.threadCount >= 2 && this.pool.queueSize > 0) {
      const longs = [...this.jobs].filter((j) => j.long && !j.stopped && Atomics.load(j.control, Control.State) !== 2);
      longs.sort((a, b) => b.startedAt - a.startedAt);
      for (let excess = longs.length - (this.threadCount - 1), i = 0; excess > 0; excess--, i++) {
        const job = longs[i]!;
        this.stop(job, { kind: "shed", wallMs: Math.round(now - job.startedAt) });
      }
    }
  }
}
