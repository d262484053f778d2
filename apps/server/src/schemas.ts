/**
 * The API's request and response shapes, as zod schemas.
 *
 * They serve twice: `POST /api/v1/run` validates its body with `runRequestSchema`, and `openapi.ts`
 * turns the same schemas into the JSON Schemas of the OpenAPI document, so the published contract and the
 * checks cannot drift apart. The response schemas mirror `RunResult` of `@pyheap/python`.
 */
import { z } from "zod";
import type { RunLimitsConfig } from "./config.js";

const positiveInt = (max: number) => z.number().int().min(1).max(max);

/** The body of `POST /api/v1/run`; the upper bounds of `limits` are this server's own limits. */
export function runRequestSchema(limits: RunLimitsConfig) {
  return z
    .object({
      code: z.string().describe("The Python program (UTF-8)."),
      mode: z
        .enum(["script", "repl"])
        .default("script")
        .describe("script: one compilation unit (python3 FILE); repl: each top-level statement its own unit, values echoed."),
      trace: z
        .enum(["none", "line", "instruction"])
        .default("none")
        .describe("Record a trace of the run, one step per executed line or per bytecode instruction."),
      filename: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^\0\n\r]+$/, "must be one line")
        .optional()
        .describe('File name shown in tracebacks (default "main.py", or "<stdin>" in repl mode).'),
      stdin: z
        .string()
        .optional()
        .describe("The program's standard input (UTF-8, at most as many bytes as code), read by input() a line at a time; absent: empty."),
      gcThreshold: z
        .array(z.number().int().min(0).max(1_000_000))
        .min(1)
        .max(3)
        .optional()
        .describe("Initial gc thresholds, as gc.set_threshold(threshold0[, threshold1[, threshold2]])."),
      limits: z
        .object({
          maxSteps: positiveInt(limits.maxSteps).optional(),
          maxHeapBytes: positiveInt(limits.maxHeapBytes).optional(),
          recursionLimit: positiveInt(limits.recursionLimit).optional(),
          maxOutputBytes: positiveInt(limits.maxOutputBytes).optional(),
          timeoutMs: positiveInt(limits.timeoutMs).optional(),
          maxTraceSteps: positiveInt(limits.maxTraceSteps).optional(),
        })
        .strict()
        .optional()
        .describe("Lower limits for this run; each defaults to (and may not exceed) the server's own."),
    })
    .strict();
}

export type RunRequest = z.infer<ReturnType<typeof runRequestSchema>>;

const perType = z.record(z.string(), z.number().int());
const perGeneration = z.tuple([z.number().int(), z.number().int(), z.number().int()]);

/** Mirrors `RunStats`. */
export const runStatsSchema = z.object({
  steps: z.number().int(),
  allocated: perType.describe("Objects allocated over the run, by type name."),
  freed: perType.describe("Objects freed over the run, by type name."),
  peakHeapBytes: z.number().int(),
  collections: perGeneration.describe("Collections per generation."),
  collected: perGeneration.describe("Objects collected per generation."),
  leaked: z.number().int(),
  wallMs: z.number(),
});

/** Mirrors `RunOutcome`. */
export const runOutcomeSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok") }),
  z.object({ status: z.literal("exception"), type: z.string(), message: z.string() }),
  z.object({ status: z.literal("syntax-error"), message: z.string(), line: z.number().int(), column: z.number().int() }),
  z.object({
    status: z.literal("limit"),
    limit: z.enum(["steps", "heap", "time", "output", "trace-size", "recursion"]),
    message: z.string(),
  }),
]);

/** The 200 answer of `POST /api/v1/run` (the trace's own schema is published separately). */
export const runResponseSchema = z.object({
  stdout: z.string(),
  stderr: z.string(),
  exitCode: z.number().int().describe("0, or 1 for an uncaught exception, a syntax error or a limit (as python3)."),
  outcome: runOutcomeSchema,
  stats: runStatsSchema,
  trace: z.unknown().optional().describe("Present when the request asked for a trace; see GET /api/v1/schema."),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const exampleSchema = z.object({
  id: z.string().describe("Stable identifier: <topic>/<file name without .py>."),
  title: z.string().describe("What the example shows (its first comment line)."),
  topic: z.string(),
  code: z.string(),
});

export const examplesResponseSchema = z.object({ examples: z.array(exampleSchema) });

export const healthSchema = z.object({ status: z.literal("ok"), uptimeSeconds: z.number() });

export const readySchema = z.object({
  status: z.literal("ready"),
  /** Short runs on threads at once (WORKERS). */
  workers: z.number().int(),
  /** Worker threads in the pool (WORKERS + SPARE_WORKERS). */
  threads: z.number().int(),
  /** Threads that finished their warm-up (the others are starting, or restarting after a terminated run). */
  warmThreads: z.number().int(),
  running: z.number().int(),
  queued: z.number().int(),
});
