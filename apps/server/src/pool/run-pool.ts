/**
 * The worker pool that runs programs: piscina's worker threads, plus admission, the wall-time fence and
 * fairness between short and long runs. This module knows threads and tasks, not HTTP.
 *
 * - Threads: piscina keeps `workers + spares` threads started (a thread start costs a module load and a
 *   warm-up run, ~0.2–0.4 s of CPU), one run per thread at a time.
 * - Admission: at most `workers + queue` runs are in flight (running or waiting); past that `run` answers
 *   "saturated" at once instead of growing a queue nobody will wait for. piscina's own queue is bounded
 *   too (`maxQueue`); should it refuse, the answer is the same. A run still waiting when its wall time
 *   has passed is withdrawn ("queue-timeout").
 * - Wall time: the interpreter stops itself at `limits.timeoutMs`; every run is submitted with an
 *   AbortSignal, aborted `hardKillGraceMs` later if it is still going: piscina terminates that thread and
 *   starts a new one ("killed"). A thread that runs out of JavaScript heap is reported
 *   ("worker-out-of-memory") and piscina replaces it.
 * - Fairness: a run that has used more than `longRunMs` of its thread's CPU time (read from /proc on
 *   Linux, so a machine busy with other work does not make ordinary runs look long; elsewhere its wall
 *   time) is a long run. Its thread's priority is lowered (nice 10 on Linux, where each thread has its
 *   own; the worker restores it when the run ends, the pool already once the run is past its own time
 *   limit, so that it can stop itself), and the spare threads take the short runs meanwhile.
 *   If every thread is busy and runs are waiting, at most `threads - 1` long runs go on (with two threads
 *   or more): the excess, the long runs started last (the least work lost), are aborted ("shed": the
 *   caller answers 503 with Retry-After) so the waiting runs get a thread.
 *
 * The worker and the pool share a small control block per run (protocol.ts): the worker writes when the
 * run starts and its thread id, and one watchdog timer here, running only while runs are in flight,
 * checks every run's wall and CPU time.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { setPriority } from "node:os";
import { Piscina } from "piscina";
import { Control, CONTROL_SLOTS, type PoolTask, type RunTask, type RunTaskResult } from "./protocol.js";

export interface RunPoolOptions {
  /** The compiled task module (dist/pool/worker.js): its default export runs one task. */
  filename: string;
  workers: number;
  queue: number;
  workerHeapMb: number;
  hardKillGraceMs: number;
  /** A run that used more CPU time than this (ms) is long for the fairness rule (default 25; see above). */
  longRunMs?: number;
  /** Threads beyond `workers` (default `workers`), which take short runs while others hold long ones. */
  spares?: number;
  /**
   * Told about a thread that failed with no run on it (piscina's pool-level 'error', e.g. a thread that
   * could not load its module); without it such failures are dropped. The server keeps running either
   * way: runs that were on a failing thread are answered through their own promise.
   */
  onThreadError?: (err: Error) => void;
}

/** What became of one submitted run. */
export type PoolOutcome =
  | RunTaskResult
  | { kind: "saturated" }
  /** Still waiting for a worker when its wall time ran out. */
  | { kind: "queue-timeout" }
  /** A long run stopped so that runs waiting for a worker get one (the fairness rule). */
  | { kind: "shed"; wallMs: number }
  /** Terminated after running past its wall time; its worker was replaced. */
  | { kind: "killed"; wallMs: number }
  /** Its worker ran out of JavaScript heap and was replaced. */
  | { kind: "worker-out-of-memory"; wallMs: number };

interface Job {
  control: Int32Array;
  controller: AbortController;
  /** The run's own time limit (the interpreter stops itself there). */
  timeoutMs: number;
  /** Wall time allowed once running, before the thread is terminated. */
  wallLimitMs: number;
  submitted: number;
  /** When the watchdog first saw it running (0 before). */
  startedAt: number;
  tid: number;
  long: boolean;
  /** Its thread's CPU time (ms) when the run was first seen running (NaN without /proc). */
  cpuAtStart: number;
  /** Wall time (performance.now()) before which the run cannot have reached the long-run CPU time. */
  nextCpuCheck: number;
  /** Why the pool aborted it, if it did. */
  stopped: PoolOutcome | undefined;
}

/** The nice value of a thread holding a long run. */
const LOW_PRIORITY = 10;

const statBuffer = Buffer.alloc(1024);

/** CPU time (user + system, ms) of the thread whose stat file is open as `fd`, or NaN. */
function threadCpuMs(fd: number): number {
  try {
    const n = readSync(fd, statBuffer, 0, statBuffer.length, 0);
    const stat = statBuffer.toString("latin1", 0, n);
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ", 14);
    // utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Runs `RunTask`s on piscina's worker threads with hard limits. */
export class RunPool {
  private readonly pool: Piscina<PoolTask, RunTaskResult>;
  private readonly jobs = new Set<Job>();
  /** Open /proc stat files of the threads seen running, by thread id (each reading is one pread). */
  private readonly statFds = new Map<number, number>();
  private watchdog: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly longRunMs: number;
  private readonly threadCount: number;
  private readonly tickMs: number;

  constructor(private readonly options: RunPoolOptions) {
    this.longRunMs = options.longRunMs ?? 25;
    this.threadCount = options.workers + (options.spares ?? Math.max(1, options.workers));
    this.tickMs = Math.max(10, Math.min(25, Math.floor(this.longRunMs / 2)));
    this.pool = new Piscina<PoolTask, RunTaskResult>({
      filename: options.filename,
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
    this.pool.on("error", (err: Error) => options.onThreadError?.(err));
  }

  /** Number of serving workers (threads beyond them are spares for the fairness rule). */
  get workers(): number {
    return this.options.workers;
  }

  /** Worker threads piscina keeps (workers + spares). */
  get threads(): number {
    return this.threadCount;
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
    if (this.saturated) return { kind: "saturated" };
    const control = new SharedArrayBuffer(CONTROL_SLOTS * 4);
    const job: Job = {
      control: new Int32Array(control),
      controller: new AbortController(),
      timeoutMs: task.limits.timeoutMs,
      wallLimitMs: task.limits.timeoutMs + this.options.hardKillGraceMs,
      submitted: performance.now(),
      startedAt: 0,
      tid: 0,
      long: false,
      cpuAtStart: Number.NaN,
      nextCpuCheck: 0,
      stopped: undefined,
    };
    this.jobs.add(job);
    this.arm();
    try {
      return await this.pool.run({ ...task, control }, { signal: job.controller.signal });
    } catch (err) {
      if (job.stopped) {
        // piscina terminated the thread: its stat file goes with it.
        this.forgetThread(job.tid);
        return job.stopped;
      }
      const e = err as Error & { code?: unknown };
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY") {
        this.forgetThread(job.tid);
        return { kind: "worker-out-of-memory", wallMs: Math.round(performance.now() - (job.startedAt || job.submitted)) };
      }
      if (e.message === "Task queue is at limit") return { kind: "saturated" };
      throw new Error(`the run failed in its worker: ${e.message}`, { cause: err });
    } finally {
      this.jobs.delete(job);
      if (this.jobs.size === 0) this.disarm();
    }
  }

  /** Waits for accepted runs to finish, then stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
    this.closeStats();
  }

  /** Stops every worker now; runs in progress or waiting are abandoned (their promises reject). */
  async destroy(): Promise<void> {
    this.closed = true;
    this.disarm();
    await this.pool.destroy();
    this.closeStats();
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

  private stop(job: Job, outcome: PoolOutcome): void {
    if (job.stopped) return;
    job.stopped = outcome;
    job.controller.abort(new Error(outcome.kind));
  }

  /** The open stat file of thread `tid`, opened on first use; undefined without /proc. */
  private statFd(tid: number): number | undefined {
    if (tid === 0) return undefined;
    let fd = this.statFds.get(tid);
    if (fd !== undefined) return fd;
    try {
      fd = openSync(`/proc/self/task/${tid}/stat`, "r");
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

  /** Lowers the priority of a long run's thread, unless its run is ending right now (see task-control.ts). */
  private lower(job: Job): void {
    if (job.tid === 0 || Atomics.load(job.control, Control.Lowered) === 1) return;
    if (Atomics.compareExchange(job.control, Control.State, 1, 3) !== 1) return;
    try {
      setPriority(job.tid, LOW_PRIORITY);
      Atomics.store(job.control, Control.Lowered, 1);
    } catch {
      // not permitted here: the long run competes at the normal priority
    } finally {
      Atomics.store(job.control, Control.State, 1);
    }
  }

  /**
   * Gives a long run's thread its normal priority back before the run has ended: once past its own time
   * limit, so that the interpreter gets the CPU to notice it and stop by itself, rather than being
   * terminated (which costs piscina a new thread).
   */
  private raise(job: Job): void {
    if (Atomics.load(job.control, Control.Lowered) !== 1) return;
    if (Atomics.compareExchange(job.control, Control.State, 1, 3) !== 1) return;
    try {
      setPriority(job.tid, 0);
      Atomics.store(job.control, Control.Lowered, 0);
    } catch {
      // not permitted: the worker tries again when the run ends
    } finally {
      Atomics.store(job.control, Control.State, 1);
    }
  }

  private check(): void {
    const now = performance.now();
    let waiting = 0;
    for (const job of this.jobs) {
      if (job.stopped) continue;
      const state = Atomics.load(job.control, Control.State);
      if (state === 0) {
        // Never got a thread within its wall time: withdrawn from piscina's queue.
        if (now - job.submitted >= job.wallLimitMs) this.stop(job, { kind: "queue-timeout" });
        else waiting++;
        continue;
      }
      if (job.startedAt === 0) {
        job.startedAt = now;
        job.tid = Atomics.load(job.control, Control.Tid);
        const fd = this.statFd(job.tid);
        job.cpuAtStart = fd === undefined ? Number.NaN : threadCpuMs(fd);
        job.nextCpuCheck = now + this.longRunMs;
      }
      if (state === 2) continue;
      const elapsed = now - job.startedAt;
      if (elapsed >= job.wallLimitMs) {
        this.stop(job, { kind: "killed", wallMs: Math.round(elapsed) });
        continue;
      }
      if (!job.long && now >= job.nextCpuCheck) {
        const fd = this.statFds.get(job.tid);
        const used = fd === undefined || Number.isNaN(job.cpuAtStart) ? elapsed : threadCpuMs(fd) - job.cpuAtStart;
        if (used >= this.longRunMs) job.long = true;
        // CPU time grows no faster than wall time: no need to look again before it could have got there.
        else job.nextCpuCheck = now + Math.max(this.tickMs, this.longRunMs - used);
      }
      if (elapsed >= job.timeoutMs) this.raise(job);
      else if (job.long) this.lower(job);
    }
    // Every thread busy and runs waiting: at most threads - 1 long runs go on; the excess, the long runs
    // started last, give way.
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
