/**
 * The read-only endpoints: examples, the trace schema, the OpenAPI document, liveness (`/healthz`: the
 * process answers) and readiness (`/readyz`: 503 `starting` until a worker has finished its warm-up, then
 * 200 with the workers' state; 503 again while draining or with the run queue full).
 * Their bodies are computed once when the app is created (they do not change while it runs).
 */
import { Router } from "express";
import { HttpProblem } from "../problem.js";
import type { RunPool } from "../pool/run-pool.js";
import type { Example } from "../examples.js";
import type { JsonSchema } from "../trace-schema.js";
import type { Lifecycle } from "./run.js";

export interface MetaContext {
  examples: Example[];
  traceSchema: JsonSchema | undefined;
  openapi: JsonSchema;
  pool: RunPool;
  lifecycle: Lifecycle;
}

/** Routes of the metadata and health endpoints. */
export function metaRoutes(ctx: MetaContext): Router {
  const router = Router();
  const examplesBody = JSON.stringify({ examples: ctx.examples });
  const schemaBody = ctx.traceSchema ? JSON.stringify(ctx.traceSchema) : undefined;
  const openapiBody = JSON.stringify(ctx.openapi);
  const startedAt = performance.now();

  router.get("/api/v1/examples", (_req, res) => {
    res.type("application/json").send(examplesBody);
  });

  router.get("/api/v1/schema", (_req, res) => {
    if (schemaBody === undefined) {
      throw new HttpProblem("schema-unavailable", "@pyheap/python does not publish trace-schema.json in this build.");
    }
    res.type("application/schema+json").send(schemaBody);
  });

  router.get("/openapi.json", (_req, res) => {
    res.type("application/json").send(openapiBody);
  });

  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok", uptimeSeconds: Math.round((performance.now() - startedAt) / 1000) });
  });

  router.get("/readyz", (_req, res) => {
    if (ctx.lifecycle.draining) throw new HttpProblem("shutting-down", "This instance is shutting down.", { retryAfterSeconds: 5 });
    const { pool } = ctx;
    if (!pool.ready) {
      throw new HttpProblem("starting", `The workers are warming up: none of ${pool.threads} has finished yet.`, { retryAfterSeconds: 1 });
    }
    if (pool.saturated) {
      throw new HttpProblem("not-ready", "The run queue is full.", { retryAfterSeconds: 1 });
    }
    res.json({
      status: "ready",
      workers: pool.workers,
      threads: pool.threads,
      warmThreads: pool.warmThreads,
      running: pool.running,
      queued: pool.queued,
    });
  });

  return router;
}
