import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("has loopback defaults and derives the queue from the worker count", () => {
    const config = loadConfig({ WORKERS: "3" });
    expect(config.host).toBe("127.0.0.1");
    expect(config.port).toBe(8080);
    expect(config.workers).toBe(3);
    expect(config.queue).toBe(48);
    expect(config.spareWorkers).toBe(5);
    expect(config.longRunMs).toBe(25);
    expect(config.longRuns).toBe(1);
    expect(config.cpuLimitMs).toBe(50);
    expect(config.traceCpuLimitMs).toBe(1000);
    expect(config.limits.maxHeapBytes).toBe(8 * 1024 * 1024);
    expect(config.limits.timeoutMs).toBe(2000);
    expect(config.corsOrigins).toEqual([]);
    expect(config.trustProxy).toBe(false);
  });

  it("reads numbers, origin lists and proxy hops from the environment", () => {
    const config = loadConfig({
      PORT: "9000",
      HOST: "0.0.0.0",
      MAX_STEPS: "1234",
      TIMEOUT_MS: "250",
      CORS_ORIGINS: "https://a.example, http://localhost:5173",
      TRUST_PROXY: "1",
      RATE_LIMIT_PER_MINUTE: "0",
      SPARE_WORKERS: "0",
      LONG_RUN_MS: "200",
    });
    expect(config.spareWorkers).toBe(0);
    expect(config.longRunMs).toBe(200);
    expect(config.port).toBe(9000);
    expect(config.host).toBe("0.0.0.0");
    expect(config.limits.maxSteps).toBe(1234);
    expect(config.limits.timeoutMs).toBe(250);
    expect(config.corsOrigins).toEqual(["https://a.example", "http://localhost:5173"]);
    expect(config.trustProxy).toBe(1);
    expect(config.rateLimitPerMinute).toBe(0);
  });

  it("reads the long lane and the CPU-time limits", () => {
    const config = loadConfig({ WORKERS: "4", LONG_RUNS: "0", CPU_LIMIT_MS: "250", TRACE_CPU_LIMIT_MS: "5000" });
    expect(config.longRuns).toBe(0);
    expect(config.cpuLimitMs).toBe(250);
    expect(config.traceCpuLimitMs).toBe(5000);
    expect(loadConfig({ WORKERS: "4" }).longRuns).toBe(2);
    expect(() => loadConfig({ CPU_LIMIT_MS: "1" })).toThrow(/CPU_LIMIT_MS/);
    expect(() => loadConfig({ LONG_RUNS: "-1" })).toThrow(/LONG_RUNS/);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "" }).port).toBe(8080);
  });

  it("refuses bad values, naming every offending variable", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "http", WORKERS: "0", LOG_LEVEL: "loud" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/WORKERS/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it("refuses a CORS entry that is not an origin", () => {
    expect(() => loadConfig({ CORS_ORIGINS: "https://a.example/path" })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: "*" })).not.toThrow();
  });
});
