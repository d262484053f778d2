/**
 * `POST /api/v1/run`: validate, admit, run on the pool, answer.
 *
 * Order of checks (each answers with its own status): shutting down (503) → content type (415) → body
 * size and JSON (413/400, by the body parser) → code size (413) → schema (400) → pool admission (503).
 * A program's own failure (exception, syntax error, limit) is a 200 result.
 */
import { type Request, type RequestHandler, type Response, Router } from "express";
import type { Config } from "../config.js";
import { jsonBody } from "../json-body.js";
import { HttpProblem, type FieldError } from "../problem.js";
import type { PoolOutcome, RunPool } from "../pool/run-pool.js";
import { runRequestSchema, type RunRequest } from "../schemas.js";

/** Shared state the routes read: whether the server is draining. */
export interface Lifecycle {
  draining: boolean;
}

function toPointer(path: PropertyKey[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The result of a run the pool had to stop from outside, in the shape of an interpreter result. */
function stoppedRunBody(limit: "time" | "heap", message: string, wallMs: number): string {
  return JSON.stringify({
    stdout: "",
    stderr: `${message}\n`,
    exitCode: 1,
    outcome: { status: "limit", limit, message },
    stats: {
      steps: 0,
      allocated: {},
      freed: {},
      peakHeapBytes: 0,
      collections: [0, 0, 0],
      collected: [0, 0, 0],
      leaked: 0,
      wallMs,
    },
  });
}

/**
 * `Server-Timing` of a run that got a thread: time waiting for a short place, from then until its worker
 * began, on the worker, the thread's CPU time (ms), and the lane it ended in.
 */
function serverTiming(res: Response, outcome: PoolOutcome): void {
  const t = "timing" in outcome ? outcome.timing : undefined;
  if (t === undefined) return;
  res.setHeader(
    "Server-Timing",
    `queue;dur=${t.queueMs.toFixed(2)}, start;dur=${t.startMs.toFixed(2)}, run;dur=${t.runMs.toFixed(2)}${t.cpuMs >= 0 ? `, cpu;dur=${t.cpuMs.toFixed(2)}` : ""}, lane;desc=${t.lane}`,
  );
}

function answer(res: Response, outcome: PoolOutcome, config: Config, timeoutMs: number): void {
  serverTiming(res, outcome);
  switch (outcome.kind) {
    case "ok":
      // The worker serialised the body: sent as is, without Express's send() (no ETag, no re-encoding).
      res.statusCode = 200;
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.setHeader("Content-Length", Buffer.byteLength(outcome.body));
      res.end(outcome.body);
      return;
    case "killed":
      res
        .status(200)
        .type("application/json")
        .send(stoppedRunBody("time", `pyheap: the run was stopped after its wall time of ${timeoutMs} ms`, outcome.wallMs));
      return;
    case "cpu-limit":
      res
        .status(200)
        .type("application/json")
        .send(stoppedRunBody("time", `CPU time limit of ${outcome.cpuLimitMs} ms exceeded`, outcome.wallMs));
      return;
    case "worker-out-of-memory":
      res
        .status(200)
        .type("application/json")
        .send(stoppedRunBody("heap", "pyheap: the run exhausted the worker's memory and was stopped", outcome.wallMs));
      return;
    case "trace-too-large":
      throw new HttpProblem(
        "trace-too-large",
        `The trace is ${outcome.bytes} bytes; this server returns at most ${config.limits.maxTraceBytes}. ` +
          "Ask for fewer steps (limits.maxTraceSteps) or line instead of instruction steps.",
      );
    case "saturated":
      throw new HttpProblem("pool-saturated", "Every worker is busy and the queue is full; try again shortly.", {
        retryAfterSeconds: 1,
      });
    case "lane-full":
      throw new HttpProblem(
        "pool-saturated",
        `The run was stopped after ${outcome.longRunMs} ms of CPU time: longer runs are served ${outcome.longRuns} at a time ` +
          "and that many are going. Try again shortly.",
        { retryAfterSeconds: 1 },
      );
    case "shed":
      throw new HttpProblem(
        "pool-saturated",
        `The run was stopped after ${outcome.wallMs} ms: every other worker is busy with a long run. Try again shortly.`,
        { retryAfterSeconds: 1 },
      );
    case "starting":
      throw new HttpProblem(
        "starting",
        `The server is starting: no worker finished its warm-up in the ${Math.round(outcome.waitedMs / 1000)} s this run waited. Try again shortly.`,
        { retryAfterSeconds: 5 },
      );
    case "queue-timeout":
      throw new HttpProblem("pool-saturated", "The run waited for a worker longer than its wall time; try again shortly.", {
        retryAfterSeconds: 1,
      });
  }
}

/** Routes of the run endpoint. */
export function runRoutes(config: Config, pool: RunPool, lifecycle: Lifecycle): Router {
  const router = Router();
  const schema = runRequestSchema(config.limits);

  const refuseWhileDraining: RequestHandler = (_req, _res, next) => {
    if (lifecycle.draining) throw new HttpProblem("shutting-down", "This instance is shutting down; retry on another.", { retryAfterSeconds: 5 });
    next();
  };
  const requireJson: RequestHandler = (req, _res, next) => {
    if (!req.is("application/json")) {
      const got = req.headers["content-type"] ?? "none";
      throw new HttpProblem("unsupported-media-type", `Expected Content-Type application/json, got ${got}.`);
    }
    next();
  };
  const parseJson = jsonBody(config.maxBodyBytes);

  const handleRun = async (req: Request, res: Response): Promise<void> => {
    const raw = req.body as Record<string, unknown> | undefined;
    if (raw && typeof raw === "object" && typeof raw.code === "string" && Buffer.byteLength(raw.code) > config.maxCodeBytes) {
      throw new HttpProblem("payload-too-large", `code is ${Buffer.byteLength(raw.code)} bytes; the limit is ${config.maxCodeBytes}.`);
    }
    if (raw && typeof raw === "object" && typeof raw.stdin === "string" && Buffer.byteLength(raw.stdin) > config.maxCodeBytes) {
      throw new HttpProblem("payload-too-large", `stdin is ${Buffer.byteLength(raw.stdin)} bytes; the limit is ${config.maxCodeBytes}.`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const errors: FieldError[] = parsed.error.issues.map((issue) => ({ path: toPointer(issue.path), message: issue.message }));
      const detail = errors.map((e) => `${e.path || "/"}: ${e.message}`).join("; ");
      throw new HttpProblem("invalid-request", detail, { errors });
    }
    const body: RunRequest = parsed.data;
    const limits = { ...config.limits, ...body.limits };
    const { maxTraceBytes, ...runLimits } = limits;
    const outcome = await pool.run({
      code: body.code,
      mode: body.mode,
      trace: body.trace,
      ...(body.filename !== undefined ? { filename: body.filename } : {}),
      ...(body.gcThreshold !== undefined ? { gcThreshold: body.gcThreshold } : {}),
      ...(body.stdin !== undefined ? { stdin: body.stdin } : {}),
      limits: runLimits,
      maxTraceBytes,
      cpuLimitMs: body.trace === "none" ? config.cpuLimitMs : config.traceCpuLimitMs,
    });
    res.locals.run = { outcome: outcome.kind, mode: body.mode, trace: body.trace };
    answer(res, outcome, config, runLimits.timeoutMs);
  };

  router
    .route("/api/v1/run")
    .post(refuseWhileDraining, requireJson, parseJson, handleRun)
    .all((_req, _res) => {
      throw new HttpProblem("method-not-allowed", "Use POST with a JSON body.", { allow: "POST" });
    });
  return router;
}
