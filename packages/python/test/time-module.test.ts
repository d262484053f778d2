// The time module: its clocks' types and directions and sleep's argument errors against python3 (only
// derived facts printed), sleep as a real wait that the run's wall-time limit ends with its own outcome.
import { describe, expect, it } from "vitest";
import { run } from "../src/index.js";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-time-");
const lines = (...l: string[]) => l.join("\n") + "\n";

describe("time", () => {
  it("gives python3's types, monotonic differences and errors", () =>
    expectSameAsPython(
      cpython,
      "time-clocks",
      lines(
        "import time",
        "t0 = time.time(); p0 = time.perf_counter(); m0 = time.monotonic(); c0 = time.process_time(); n0 = time.perf_counter_ns(); w0 = time.time_ns()",
        "total = 0",
        "for i in range(100000):",
        "    total += i * i",
        "time.sleep(0.05)",
        "t1 = time.time(); p1 = time.perf_counter(); m1 = time.monotonic(); c1 = time.process_time(); n1 = time.perf_counter_ns(); w1 = time.time_ns()",
        "print(total, t1 >= t0, p1 - p0 >= 0.05, m1 - m0 >= 0.05, c1 >= c0, n1 - n0 >= 50_000_000, w1 > w0, abs(w1 / 1e9 - t1) < 1)",
        "print(type(t0).__name__, type(n0).__name__, type(w0).__name__, type(time.monotonic_ns()).__name__, type(time.process_time_ns()).__name__, t0 > 1.7e9)",
        "print(time.sleep(0), time.sleep(False))",
        "for a in ['x', -1, float('nan'), None]:",
        "    try: time.sleep(a)",
        "    except Exception as e: print(type(e).__name__, e)",
        "try: time.time(1)",
        "except TypeError as e: print(e)",
        "start = time.perf_counter()",
        "elapsed = time.perf_counter() - start",
        "print(f\"{elapsed < 1.0}\", time.sleep.__name__, time.__name__)",
      ),
    ));

  it("ends a run whose sleep goes past its wall-time limit with the time limit's outcome", () => {
    const r = run(lines("import time", "print('before')", "time.sleep(30)", "print('after')"), { limits: { timeoutMs: 300 } });
    expect(r.stdout).toBe("before\n");
    expect(r.outcome).toEqual({ status: "limit", limit: "time", message: "time limit exceeded" });
  });

  it("stops a sleep when the run's interrupt flag is set", () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    // raised as the program prints, a few steps before the sleep (the eval loop reads it every 4096 steps only)
    const r = run(lines("import time", "print('start')", "time.sleep(30)", "print('after')"), {
      interrupt: flag,
      limits: { timeoutMs: 60_000, maxSteps: 1e6 },
      onStdout: () => Atomics.store(flag, 0, 1),
    });
    expect(r.stdout).toBe("start\n");
    expect(r.outcome.status).toBe("limit");
    expect(r.outcome).toMatchObject({ limit: "time", message: "run interrupted" });
  });
});
