// The two sides of the comparison: pyheap in a worker thread with a hard timeout, and python3 3.11.7 in
// a child process with a timeout. Both see the program as the script file `fuzz.py`.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

export const SCRIPT_NAME = "fuzz.py";

/** pyheap's runs, one at a time, in a worker that is replaced when a run does not answer in time. */
export class PyheapRunner {
  constructor({ timeoutMs = 15_000 } = {}) {
    this.timeoutMs = timeoutMs;
    this.worker = null;
    this.pending = null;
    this.seq = 0;
  }
  start() {
    const w = new Worker(new URL("./pyheap-worker.mjs", import.meta.url));
    w.on("message", (reply) => {
      if (this.pending && reply.id === this.pending.id) this.pending.resolve(reply);
    });
    w.on("error", (e) => {
      if (this.worker === w) this.worker = null;
      this.pending?.resolve({ ok: false, error: `worker died: ${e && e.message ? e.message.split("\n")[0] : String(e)}` });
    });
    w.unref();
    return w;
  }
  run(source) {
    this.worker ??= this.start();
    const w = this.worker;
    const id = ++this.seq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.worker = null;
        w.terminate();
        resolve({ ok: false, error: `no answer within ${this.timeoutMs / 1000} s (stopped)` });
      }, this.timeoutMs);
      this.pending = {
        id,
        resolve: (reply) => {
          clearTimeout(timer);
          this.pending = null;
          resolve(reply);
        },
      };
      w.postMessage({ id, source, filename: SCRIPT_NAME });
    });
  }
  close() {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** The real interpreter behind a pyenv shim (the shim itself costs ~0.3 s per start). */
export function findPython(cmd = process.env.PYHEAP_FUZZ_PYTHON ?? "python3") {
  let exe = cmd;
  try {
    exe = execFileSync(cmd, ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim() || cmd;
  } catch {
    throw new Error(`cannot run ${cmd}`);
  }
  const version = execFileSync(exe, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], { encoding: "utf8" }).trim();
  return { exe, version };
}

/**
 * python3 on a program written to DIR/fuzz.py, run from DIR. `variant` 0 is the fast configuration
 * (-S: no site import, hash seed 0); variants 1 and 2 start differently (site imported, other hash seeds,
 * a longer environment) and are used to tell a program whose output depends on CPython's start-up state.
 */
export class PythonRunner {
  constructor({ exe, timeoutMs = 10_000 }) {
    this.exe = exe;
    this.timeoutMs = timeoutMs;
    this.dir = mkdtempSync(join(tmpdir(), "pyheap-fuzz-"));
    this.n = 0;
  }
  env(variant) {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PYTHON")));
    Object.assign(env, { PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8", LC_ALL: "C.UTF-8" });
    env.PYTHONHASHSEED = String(variant === 0 ? 0 : variant === 1 ? 1 : 12345);
    if (variant === 2) env.PYHEAP_FUZZ_PADDING = "x".repeat(3000);
    return env;
  }
  run(source, variant = 0) {
    const sub = join(this.dir, String(++this.n));
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, SCRIPT_NAME), source);
    const args = variant === 0 ? ["-S", SCRIPT_NAME] : [SCRIPT_NAME];
    return new Promise((resolve) => {
      const child = spawn(this.exe, args, { cwd: sub, env: this.env(variant), stdio: ["ignore", "pipe", "pipe"] });
      const out = [];
      const err = [];
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, this.timeoutMs);
      child.stdout.on("data", (b) => out.push(b));
      child.stderr.on("data", (b) => err.push(b));
      child.on("close", (code) => {
        clearTimeout(timer);
        rmSync(sub, { recursive: true, force: true });
        resolve({
          ok: !timedOut,
          error: timedOut ? `python3 did not finish within ${this.timeoutMs / 1000} s` : undefined,
          // with site imported, python3 names the script by its full path in tracebacks
          stdout: Buffer.concat(out).toString("utf8").replaceAll(sub + "/", ""),
          stderr: Buffer.concat(err).toString("utf8").replaceAll(sub + "/", ""),
          exitCode: code ?? -1,
        });
      });
    });
  }
  close() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
