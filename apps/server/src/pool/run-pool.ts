/**
 * The worker pool that runs programs: its own threads (`thread.ts`), admission control, fairness between
 * short and long runs, and the wall-time fence. This module knows threads and tasks, not HTTP.
 *
 * - Admission: at most `workers + queue` runs are in flight (running or waiting); past that `run` answers
 *   "saturated" at once instead of growing a queue nobody will wait for. Waiting runs start in arrival
 *   order; one still waiting when its wall time has passed gives up ("queue-timeout").
 * - Fairness: a run that has used more than `longRunMs` of CPU time is a long run (its thread's CPU time,
 *   read from /proc on Linux, so a machine busy with other work does not make ordinary runs look long;
 *   elsewhere its wall time). While runs are
 *   waiting for a worker, at most `workers - 1` threads may hold long runs (with two workers or more):
 *   the excess, the long runs started last, are stopped ("shed": the caller answers 503 with
 *   Retry-After) and their threads replaced, so short runs, most of the traffic, do not queue behind
 *   runaway programs. With nobody waiting, long runs go on to their own limits.
 * - Wall time: the interpreter stops itself at `limits.timeoutMs`; a run still going `hardKillGraceMs`
 *   later has its thread terminated ("killed"). A thread that runs out of JavaScript heap is reported
 *   ("worker-out-of-memory") and replaced.
 * - Parking: a long run leaves the rotation when a spare thread is ready to take its place; the parked
 *   thread runs on at a low priority (nice 10 on Linux, where each thread has its own) and becomes a
 *   spare again when its run ends. Stopping it instead would waste it: a thread start costs a module load
 *   and warm-up runs (~0.2–0.4 s of CPU).
 * - A stopped thread's place is taken at once by a ready spare, and a new spare is started behind it.
 *
 * One message each way per run: the task goes to an idle thread with `postMessage`, the thread answers
 * with the serialised response body. One watchdog timer, running only while runs are in flight, checks
 * every thread's elapsed time.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { setPriority } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { PACKAGE_ROOT } from "../config.js";
import type { RunTask, RunTaskResult, ThreadMessage } from "./protocol.js";

export interface RunPoolOptions {
  /** The compiled task module (dist/pool/worker.js): its default export runs one task. */
  filename: string;
  workers: number;
  queue: number;
  workerHeapMb: number;
  hardKillGraceMs: number;
  /** A run that used more CPU time than this (ms) is long for the fairness rule (default 25; see above). */
  longRunMs?: number;
  /**
   * Spare threads (default `workers`): each can take the rotation place of a thread busy with a long run
   * (which is then parked until its run ends) or of a thread that was stopped.
   */
  spares?: number;
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
  task: RunTask;
  /** Wall time allowed once running, before the thread is terminated. */
  wallLimitMs: number;
  submitted: number;
  resolve(outcome: PoolOutcome): void;
  reject(err: Error): void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  job: Job | undefined;
  startedAt: number;
  long: boolean;
  /** The thread's operating-system id (Linux), or undefined: then long runs are judged by wall time. */
  tid: number | undefined;
  /** Its /proc stat file, kept open while the thread lives. */
  statFd: number | undefined;
  /** The thread's CPU time (ms) when its current run started. */
  cpuAtStart: number;
  /** Wall time (performance.now()) before which the run cannot have reached the long-run CPU time. */
  nextCpuCheck: number;
  /** True while the thread runs at the parked (lower) priority. */
  niced: boolean;
}

/** The nice value of a thread parked with a long run. */
const PARKED_NICE = 10;

const statBuffer = Buffer.alloc(1024);

/** Opens thread `tid`'s /proc stat file (kept open: each reading is then one pread), or undefined. */
function openThreadStat(tid: number): number | undefined {
  try {
    const fd = openSync(`/proc/self/task/${tid}/stat`, "r");
    if (!Number.isNaN(threadCpuMs(fd))) return fd;
    closeSync(fd);
  } catch {
    // no /proc here
  }
  return undefined;
}

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

/** Closes a thread's /proc stat file (before the thread is let go). */
function closeStat(thread: Thread): void {
  if (thread.statFd === undefined) return;
  try {
    closeSync(thread.statFd);
  } catch {
    // already closed
  }
  thread.statFd = undefined;
}

/** The compiled thread body (also when this module runs from the sources, as in tests). */
const THREAD_MODULE = join(PACKAGE_ROOT, "dist", "pool", "thread.js");

/** Runs `RunTask`s on worker threads with hard limits. */
export class RunPool {
  /** Threads in rotation (ready or starting). */
  private readonly threads: Thread[] = [];
  /** Spare threads, out of rotation until one takes the place of a parked or a stopped thread. */
  private readonly spares: Thread[] = [];
  /** Threads taken out of rotation while they finish a long run; they become spares afterwards. */
  private readonly parked: Thread[] = [];
  private readonly waiting: Job[] = [];
  private busy = 0;
  private watchdog: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private closed = false;
  private readonly longRunMs: number;
  private readonly spareCount: number;
  private readonly tickMs: number;
  /** Called when the pool has no run in flight (close() waits on it). */
  private onIdle: (() => void) | undefined;

  constructor(private readonly options: RunPoolOptions) {
    this.longRunMs = options.longRunMs ?? 25;
    this.spareCount = options.spares ?? Math.max(1, options.workers);
    this.tickMs = Math.max(10, Math.min(25, Math.floor(this.longRunMs / 2)));
    for (let i = 0; i < options.workers; i++) this.threads.push(this.spawn());
    for (let i = 0; i < this.spareCount; i++) this.spares.push(this.spawn());
  }

  /** Number of worker threads. */
  get workers(): number {
    return this.options.workers;
  }

  /** Runs being executed now. */
  get running(): number {
    return this.busy;
  }

  /** Runs waiting for a worker. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs accepted and not yet answered (running + queued). */
  get pending(): number {
    return this.busy + this.waiting.length;
  }

  /** Runs now past `longRunMs` (parked or still in rotation). */
  get longRuns(): number {
    let n = this.parked.length;
    for (const t of this.threads) if (t.job && t.long) n++;
    return n;
  }

  /** Long runs parked out of the rotation on spare threads. */
  get parkedRuns(): number {
    return this.parked.length;
  }

  /** True when a new run would be refused. */
  get saturated(): boolean {
    return this.pending >= this.options.workers + this.options.queue;
  }

  /** Submits one run; never rejects for reasons a program can cause. */
  run(task: RunTask): Promise<PoolOutcome> {
    if (this.closed || this.closing) return Promise.reject(new Error("the pool is closed"));
    if (this.saturated) return Promise.resolve({ kind: "saturated" });
    return new Promise<PoolOutcome>((resolve, reject) => {
      const job: Job = { task, wallLimitMs: task.limits.timeoutMs + this.options.hardKillGraceMs, submitted: performance.now(), resolve, reject };
      const idle = this.idleThread();
      if (idle) this.start(idle, job);
      else this.waiting.push(job);
      this.arm();
    });
  }

  /** Waits for accepted runs to finish, then stops every worker. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.pending > 0) await new Promise<void>((resolve) => (this.onIdle = resolve));
      await this.terminateAll();
    })();
    return this.closing;
  }

  /** Stops every worker now; runs in progress or waiting are abandoned (their promises reject). */
  async destroy(): Promise<void> {
    const running = [...this.threads, ...this.parked];
    const abandoned = [...this.waiting.splice(0), ...running.flatMap((t) => (t.job ? [t.job] : []))];
    for (const t of running) t.job = undefined;
    this.busy = 0;
    await this.terminateAll();
    for (const job of abandoned) job.reject(new Error("the pool was stopped"));
    this.onIdle?.();
  }

  private async terminateAll(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
    const all = [...this.threads.splice(0), ...this.spares.splice(0), ...this.parked.splice(0)];
    for (const t of all) closeStat(t);
    await Promise.all(all.map((t) => t.worker.terminate()));
  }

  private spawn(): Thread {
    const worker = new Worker(THREAD_MODULE, {
      workerData: { filename: this.options.filename },
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerHeapMb },
    });
    const thread: Thread = { worker, ready: false, job: undefined, startedAt: 0, long: false, tid: undefined, statFd: undefined, cpuAtStart: 0, nextCpuCheck: 0, niced: false };
    worker.on("message", (msg: ThreadMessage) => this.onMessage(thread, msg));
    worker.on("error", (err: Error & { code?: unknown }) => this.onFailure(thread, err));
    worker.on("exit", () => this.onFailure(thread, undefined));
    return thread;
  }

  private idleThread(): Thread | undefined {
    for (const t of this.threads) if (t.ready && !t.job) return t;
    return undefined;
  }

  private start(thread: Thread, job: Job): void {
    thread.job = job;
    thread.startedAt = performance.now();
    thread.long = false;
    thread.nextCpuCheck = thread.startedAt + this.longRunMs;
    if (thread.statFd !== undefined) thread.cpuAtStart = threadCpuMs(thread.statFd);
    this.busy++;
    thread.worker.postMessage(job.task);
  }

  /** Ends the thread's current run with `outcome` (or `error`) and gives the next waiting run a thread. */
  private finish(thread: Thread, outcome: PoolOutcome | Error, replaceThread = false): void {
    const job = thread.job;
    thread.job = undefined;
    if (job) this.busy--;
    // A thread being stopped leaves the rotation before anything is dispatched, so no waiting run is
    // handed to it.
    if (replaceThread) this.replace(thread);
    else this.unpark(thread);
    if (job) {
      if (outcome instanceof Error) job.reject(outcome);
      else job.resolve(outcome);
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (;;) {
      if (this.waiting.length === 0) break;
      const idle = this.idleThread();
      if (!idle) break;
      this.start(idle, this.waiting.shift()!);
    }
    if (this.pending === 0) {
      if (this.watchdog) clearInterval(this.watchdog);
      this.watchdog = undefined;
      const onIdle = this.onIdle;
      this.onIdle = undefined;
      onIdle?.();
    }
  }

  private onMessage(thread: Thread, msg: ThreadMessage): void {
    if (msg.kind === "ready") {
      thread.ready = true;
      const fd = msg.tid === undefined ? undefined : openThreadStat(msg.tid);
      if (fd !== undefined) {
        thread.tid = msg.tid;
        thread.statFd = fd;
      }
      if (this.threads.includes(thread)) this.dispatch();
      return;
    }
    if (msg.kind === "result") this.finish(thread, msg.result as RunTaskResult);
    else this.finish(thread, new Error(`the run failed in its worker: ${msg.message}`));
  }

  /** A thread died (error or exit): answer its run, take it out, put a fresh one in its place. */
  private onFailure(thread: Thread, err: (Error & { code?: unknown }) | undefined): void {
    if (this.closed) return;
    if (!thread.ready) {
      // It could not even load its module: starting another at once would only fail the same way. Runs
      // waiting for a thread are answered with the error; a new thread is tried a second later.
      const message = `a worker failed to start${err ? `: ${err.message}` : ""}`;
      for (const job of this.waiting.splice(0)) job.reject(new Error(message));
      thread.ready = true; // so the replacement below is not treated as another start-up failure
      const retry = setTimeout(() => {
        if (!this.closed) this.replace(thread);
      }, 1000);
      retry.unref();
      thread.worker.removeAllListeners("exit");
      thread.worker.removeAllListeners("error");
      thread.worker.on("error", () => {});
      thread.job = undefined;
      this.dispatch();
      return;
    }
    const wallMs = Math.round(performance.now() - thread.startedAt);
    const outcome: PoolOutcome | Error =
      err?.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? { kind: "worker-out-of-memory", wallMs }
        : new Error(`a worker stopped unexpectedly${err ? `: ${err.message}` : ""}`);
    this.finish(thread, outcome, true);
  }

  /** Takes `thread` out of service (terminating it if still alive) and fills its place. */
  private replace(thread: Thread): void {
    const inRotation = this.threads.indexOf(thread);
    const inSpares = this.spares.indexOf(thread);
    const inParked = this.parked.indexOf(thread);
    if (inRotation < 0 && inSpares < 0 && inParked < 0) return;
    thread.worker.removeAllListeners("message");
    thread.worker.removeAllListeners("exit");
    thread.worker.removeAllListeners("error");
    thread.worker.on("error", () => {});
    closeStat(thread);
    void thread.worker.terminate();
    if (inSpares >= 0 || inParked >= 0) {
      // A parked thread's rotation place was already taken by a spare: a new spare fills the gap.
      if (inSpares >= 0) this.spares.splice(inSpares, 1);
      else this.parked.splice(inParked, 1);
      this.spares.push(this.spawn());
      return;
    }
    // A ready spare takes the place at once; otherwise a new thread starts there.
    const spareIndex = this.spares.findIndex((s) => s.ready);
    const next = spareIndex >= 0 ? this.spares.splice(spareIndex, 1)[0]! : this.spawn();
    this.threads.splice(inRotation, 1, next);
    if (spareIndex >= 0) this.spares.push(this.spawn());
  }

  /** Takes a thread with a long run out of rotation, a ready spare taking its place; false if none is ready. */
  private park(thread: Thread): boolean {
    const spareIndex = this.spares.findIndex((s) => s.ready);
    const at = this.threads.indexOf(thread);
    if (spareIndex < 0 || at < 0) return false;
    this.threads.splice(at, 1, this.spares.splice(spareIndex, 1)[0]!);
    this.parked.push(thread);
    // Linux schedules each thread on its own: a parked thread gets a low priority (nice 10, about a tenth
    // of the CPU share of a normal one when they compete), so short runs keep their speed beside it.
    if (thread.tid !== undefined) {
      try {
        setPriority(thread.tid, PARKED_NICE);
        thread.niced = true;
      } catch {
        // not permitted here: the parked thread competes at the normal priority
      }
    }
    return true;
  }

  /** A parked thread whose run ended goes back to the spares. */
  private unpark(thread: Thread): void {
    const at = this.parked.indexOf(thread);
    if (at < 0) return;
    this.parked.splice(at, 1);
    thread.long = false;
    if (thread.niced) {
      try {
        // Raising a priority back needs the right to (root or CAP_SYS_NICE); without it, a fresh thread
        // (normal priority) takes the spare's place instead.
        setPriority(thread.tid!, 0);
        thread.niced = false;
      } catch {
        thread.worker.removeAllListeners();
        thread.worker.on("error", () => {});
        closeStat(thread);
    void thread.worker.terminate();
        this.spares.push(this.spawn());
        return;
      }
    }
    this.spares.push(thread);
  }

  /** Stops a running thread from outside with `outcome` for its run. */
  private stop(thread: Thread, outcome: PoolOutcome): void {
    this.finish(thread, outcome, true);
  }

  private arm(): void {
    if (this.watchdog || this.pending === 0) return;
    this.watchdog = setInterval(() => this.check(), this.tickMs);
    this.watchdog.unref();
  }

  private check(): void {
    const now = performance.now();
    let parkedAny = false;
    for (const t of [...this.threads, ...this.parked]) {
      const job = t.job;
      if (!job) continue;
      const elapsed = now - t.startedAt;
      if (elapsed >= job.wallLimitMs) this.stop(t, { kind: "killed", wallMs: Math.round(elapsed) });
      else {
        if (!t.long && now >= t.nextCpuCheck) {
          const used = t.statFd === undefined ? elapsed : threadCpuMs(t.statFd) - t.cpuAtStart;
          if (used >= this.longRunMs) t.long = true;
          // CPU time grows no faster than wall time: no need to look again before it could have got there.
          else t.nextCpuCheck = now + Math.max(this.tickMs, this.longRunMs - used);
        }
        // A long run leaves the rotation when a spare is ready to take its place (no thread is stopped).
        if (t.long && this.threads.includes(t) && this.park(t)) parkedAny = true;
      }
    }
    if (parkedAny) this.dispatch();
    // With no spare left and runs waiting, at most workers - 1 threads in rotation may hold long runs:
    // the excess, the long runs started last (the least work lost), are stopped so the waiting runs get a
    // thread.
    if (this.options.workers >= 2 && this.waiting.length > 0) {
      const longs = this.threads.filter((t) => t.job && t.long).sort((a, b) => b.startedAt - a.startedAt);
      for (let excess = longs.length - (this.options.workers - 1), i = 0; excess > 0; excess--, i++) {
        const t = longs[i]!;
        if (this.park(t)) this.dispatch();
        else this.stop(t, { kind: "shed", wallMs: Math.round(now - t.startedAt) });
      }
    }
    for (let i = 0; i < this.waiting.length; i++) {
      const job = this.waiting[i]!;
      if (now - job.submitted < job.wallLimitMs) continue;
      this.waiting.splice(i--, 1);
      job.resolve({ kind: "queue-timeout" });
    }
    if (this.pending === 0) this.dispatch();
  }
}
