/**
 * Server configuration: read once from environment variables, validated, frozen.
 *
 * Every knob has a default that is safe on a small machine; a bad value stops start-up with one message
 * that names every offending variable (`ConfigError`). Nothing else in the server reads `process.env`.
 */
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The package directory (`apps/server`), found from this module whether it runs from `src/` or `dist/`. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The repository root, two levels above the package. */
const REPO_ROOT = resolve(PACKAGE_ROOT, "..", "..");

/** Per-run hard limits the server enforces; a request may ask for less, never for more. */
export interface RunLimitsConfig {
  maxSteps: number;
  maxHeapBytes: number;
  recursionLimit: number;
  maxOutputBytes: number;
  timeoutMs: number;
  maxTraceSteps: number;
  /** The serialized trace may not exceed this many bytes (a second fence after maxTraceSteps). */
  maxTraceBytes: number;
}

export interface Config {
  port: number;
  host: string;
  /** Worker threads running programs. */
  workers: number;
  /** Runs allowed to wait for a worker; past workers + queue, new runs get 503. */
  queue: number;
  /** JavaScript heap of each worker in MiB (the Python heap lives in WASM memory and has its own limit). */
  workerHeapMb: number;
  /** Extra time after `limits.timeoutMs` before a worker still running is terminated and replaced. */
  hardKillGraceMs: number;
  /**
   * A run that has used more CPU time (ms) than this is a long run: it leaves the short lane (the next
   * waiting run gets a thread) and joins the long lane at the lowest priority, or is stopped with 503 when
   * `longRuns` long runs are going already.
   */
  longRunMs: number;
  /** Long runs allowed at once (the long lane); 0: every run turning long is stopped with 503. */
  longRuns: number;
  /** Threads beyond `workers` (the pool keeps `workers + spareWorkers`): the long lane's, and room for runs being stopped. */
  spareWorkers: number;
  /** CPU time (ms) a run without a trace may use; past it the run stops with a `limit: time` result saying so. */
  cpuLimitMs: number;
  /** The same for a traced run (recording the trace costs CPU time of its own). */
  traceCpuLimitMs: number;
  maxBodyBytes: number;
  maxCodeBytes: number;
  limits: RunLimitsConfig;
  /** Requests per client per minute on /api/; 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** "" = no CORS headers, "*" = any origin, otherwise a list of allowed origins. */
  corsOrigins: "*" | string[];
  /** Express `trust proxy` (hop count, or false): decides which address a client is rate-limited by. */
  trustProxy: number | boolean;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** The built demo page (apps/web/dist). */
  webDist: string;
  /** The corpus folder the examples are read from at start-up. */
  corpusDir: string;
  /** How long SIGTERM waits for in-flight runs before the process exits anyway. */
  shutdownTimeoutMs: number;
  /**
   * How long a run arriving before any worker finished its warm-up waits for one, before it is answered 503
   * `starting` (its wall time counts from when a worker is warm).
   */
  startupWaitMs: number;
}

/** Start-up refused: the message lists each bad variable and why. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const MiB = 1024 * 1024;

/** The environment variables we read, with defaults and bounds. */
const envSchema = z.object({
  PORT: int(0, 65535).default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  WORKERS: int(1, 64).default(Math.max(1, availableParallelism())),
  QUEUE: int(0, 10_000).optional(),
  WORKER_HEAP_MB: int(32, 16_384).default(512),
  HARD_KILL_GRACE_MS: int(0, 60_000).default(1000),
  LONG_RUN_MS: int(5, 600_000).default(25),
  LONG_RUNS: int(0, 64).optional(),
  SPARE_WORKERS: int(0, 64).optional(),
  CPU_LIMIT_MS: int(5, 86_400_000).default(50),
  TRACE_CPU_LIMIT_MS: int(5, 86_400_000).default(1000),
  MAX_BODY_BYTES: int(1024, 64 * MiB).default(256 * 1024),
  MAX_CODE_BYTES: int(16, 16 * MiB).default(64 * 1024),
  MAX_STEPS: int(1, 1_000_000_000).default(2_000_000),
  MAX_HEAP_BYTES: int(MiB, 4096 * MiB).default(8 * MiB),
  RECURSION_LIMIT: int(50, 100_000).default(1000),
  MAX_OUTPUT_BYTES: int(1024, 64 * MiB).default(MiB),
  TIMEOUT_MS: int(10, 600_000).default(2000),
  MAX_TRACE_STEPS: int(1, 10_000_000).default(20_000),
  MAX_TRACE_BYTES: int(1024, 1024 * MiB).default(32 * MiB),
  RATE_LIMIT_PER_MINUTE: int(0, 10_000_000).default(120),
  CORS_ORIGINS: z.string().default(""),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+)$/, "expected true, false or a hop count")
    .default("false"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WEB_DIST: z.string().min(1).default(join(REPO_ROOT, "apps", "web", "dist")),
  CORPUS_DIR: z.string().min(1).default(join(REPO_ROOT, "corpus", "shared")),
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(30_000),
  STARTUP_WAIT_MS: int(0, 600_000).default(60_000),
});

function parseOrigins(raw: string): "*" | string[] {
  const text = raw.trim();
  if (text === "*") return "*";
  const origins = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  for (const origin of origins) {
    let ok = false;
    try {
      const url = new URL(origin);
      ok = (url.protocol === "http:" || url.protocol === "https:") && url.origin === origin;
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigError(`CORS_ORIGINS: '${origin}' is not an origin like https://example.org`);
  }
  return origins;
}

/**
 * Builds the configuration from environment variables (empty strings count as unset).
 * Throws `ConfigError` naming every bad variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== "") present[key] = value;
  }
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    workers: e.WORKERS,
    queue: e.QUEUE ?? e.WORKERS * 16,
    workerHeapMb: e.WORKER_HEAP_MB,
    hardKillGraceMs: e.HARD_KILL_GRACE_MS,
    longRunMs: e.LONG_RUN_MS,
    longRuns: e.LONG_RUNS ?? Math.max(1, Math.floor(e.WORKERS / 2)),
    spareWorkers: e.SPARE_WORKERS ?? e.WORKERS + 2,
    cpuLimitMs: e.CPU_LIMIT_MS,
    traceCpuLimitMs: e.TRACE_CPU_LIMIT_MS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxCodeBytes: e.MAX_CODE_BYTES,
    limits: Object.freeze({
      maxSteps: e.MAX_STEPS,
      maxHeapBytes: e.MAX_HEAP_BYTES,
      recursionLimit: e.RECURSION_LIMIT,
      maxOutputBytes: e.MAX_OUTPUT_BYTES,
      timeoutMs: e.TIMEOUT_MS,
      maxTraceSteps: e.MAX_TRACE_STEPS,
      maxTraceBytes: e.MAX_TRACE_BYTES,
    }),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    corsOrigins: parseOrigins(e.CORS_ORIGINS),
    trustProxy: e.TRUST_PROXY === "true" ? true : e.TRUST_PROXY === "false" ? false : Number(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    webDist: resolve(e.WEB_DIST),
    corpusDir: resolve(e.CORPUS_DIR),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    startupWaitMs: e.STARTUP_WAIT_MS,
  });
}
