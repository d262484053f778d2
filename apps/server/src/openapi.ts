/**
 * The OpenAPI 3.1 document of the whole API, built from the same zod schemas the handlers validate with
 * (`schemas.ts`), so the document cannot promise what the server does not check. The trace schema is
 * embedded as published by `@pyheap/python` when this build has it.
 */
import { z } from "zod";
import type { Config } from "./config.js";
import { PROBLEM_KINDS, problemType, type ProblemKind } from "./problem.js";
import {
  examplesResponseSchema,
  healthSchema,
  problemSchema,
  readySchema,
  runRequestSchema,
  runResponseSchema,
} from "./schemas.js";
import type { JsonSchema } from "./trace-schema.js";

/**
 * The published trace schema as OpenAPI components: each of its definitions becomes a component
 * (`Trace`, `trace.HeapObject`, …) with its references rewritten to point there, and draft-07 tuple
 * `items` arrays become 2020-12 `prefixItems`, so the whole document is one OpenAPI 3.1 dialect.
 */
function traceComponents(traceSchema: JsonSchema): Record<string, JsonSchema> {
  const definitions = (traceSchema.definitions ?? traceSchema.$defs ?? {}) as Record<string, JsonSchema>;
  const componentName = (name: string) => (name === "Trace" ? "Trace" : `trace.${name}`);
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === "$ref" && typeof value === "string") {
        const match = /^#\/(?:definitions|\$defs)\/(.+)$/.exec(value);
        out.$ref = match ? `#/components/schemas/${componentName(decodeURIComponent(match[1]!))}` : value;
      } else if (key === "items" && Array.isArray(value)) {
        out.prefixItems = rewrite(value);
      } else if (key === "additionalItems") {
        if (value === false) out.items = false;
      } else if (key !== "$schema" && key !== "definitions" && key !== "$defs") {
        out[key] = rewrite(value);
      }
    }
    return out;
  };
  const components: Record<string, JsonSchema> = {};
  for (const [name, definition] of Object.entries(definitions)) components[componentName(name)] = rewrite(definition) as JsonSchema;
  if (!components.Trace) components.Trace = rewrite(traceSchema) as JsonSchema;
  return components;
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

function problemResponse(kinds: ProblemKind[], extraHeaders: Record<string, unknown> = {}) {
  const lines = kinds.map((kind) => `\`${problemType(kind)}\`: ${PROBLEM_KINDS[kind].title}`);
  return {
    description: lines.join("; "),
    headers: extraHeaders,
    content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
  };
}

const retryAfter = {
  "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 0 } },
};
const requestIdHeader = {
  "X-Request-Id": { description: "The request id (the client's own when it sent a valid one).", schema: { type: "string" } },
};

/** Builds the document; `traceSchema` is the interpreter's trace JSON Schema when available. */
export function buildOpenApi(config: Config, version: string, traceSchema: JsonSchema | undefined): JsonSchema {
  const runResponse = jsonSchema(runResponseSchema, "output");
  const properties = runResponse.properties as Record<string, unknown>;
  properties.trace = { $ref: "#/components/schemas/Trace" };
  const traceSchemas = traceSchema
    ? traceComponents(traceSchema)
    : { Trace: { type: "object", description: "The trace; this build of the interpreter does not publish its JSON Schema." } };

  const rateLimited = problemResponse(["rate-limited"], retryAfter);
  return {
    openapi: "3.1.0",
    info: {
      title: "pyheap HTTP API",
      version,
      summary: "Run Python on CPython 3.11's memory model and get a step-by-step trace of its heap.",
      description:
        "Programs run in a worker pool with hard limits per run. A Python exception is a program result " +
        "(200, exitCode 1); errors of the request itself are RFC 9457 problem details. Each limit in a " +
        "request may lower, never raise, the server's own (the maxima below).",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/run": {
        post: {
          operationId: "runProgram",
          summary: "Run a program",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/RunRequest" } } },
          },
          responses: {
            "200": {
              description: "The program ran (it may have raised an exception or hit a limit: see outcome).",
              headers: {
                ...requestIdHeader,
                "Server-Timing": {
                  description:
                    "Where the run's time went (ms): queue (waiting for a short place), start (from then until a worker began it), run (on it), " +
                    "cpu (its thread's CPU time, where the platform says), " +
                    "lane (short, or long: past LONG_RUN_MS of CPU time). Absent when no worker ran it.",
                  schema: { type: "string" },
                },
              },
              content: { "application/json": { schema: { $ref: "#/components/schemas/RunResponse" } } },
            },
            "400": problemResponse(["invalid-json", "invalid-request"]),
            "405": problemResponse(["method-not-allowed"]),
            "413": problemResponse(["payload-too-large"]),
            "415": problemResponse(["unsupported-media-type"]),
            "422": problemResponse(["trace-too-large"]),
            "429": rateLimited,
            "503": problemResponse(["pool-saturated", "starting", "shutting-down"], retryAfter),
          },
        },
      },
      "/api/v1/examples": {
        get: {
          operationId: "listExamples",
          summary: "Example programs with titles",
          responses: {
            "200": {
              description: "The blog's examples first, then a few more.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Examples" } } },
            },
            "429": rateLimited,
          },
        },
      },
      "/api/v1/schema": {
        get: {
          operationId: "traceSchema",
          summary: "The trace JSON Schema",
          responses: {
            "200": {
              description: "JSON Schema (2020-12) of the trace returned by POST /api/v1/run.",
              content: { "application/schema+json": { schema: { type: "object" } } },
            },
            "429": rateLimited,
            "503": problemResponse(["schema-unavailable"]),
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
      "/healthz": {
        get: {
          operationId: "health",
          summary: "Liveness",
          responses: {
            "200": { description: "The process is up.", content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } } },
          },
        },
      },
      "/readyz": {
        get: {
          operationId: "ready",
          summary: "Readiness",
          responses: {
            "200": { description: "Accepting runs: at least one worker has finished its warm-up.", content: { "application/json": { schema: { $ref: "#/components/schemas/Ready" } } } },
            "503": problemResponse(["starting", "not-ready", "shutting-down"], retryAfter),
          },
        },
      },
      "/": {
        get: {
          operationId: "demoPage",
          summary: "The demo page",
          responses: {
            "200": { description: "The built demo page.", content: { "text/html": { schema: { type: "string" } } } },
            "503": { description: "The demo page has not been built.", content: { "text/html": { schema: { type: "string" } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        RunRequest: jsonSchema(runRequestSchema(config.limits), "input"),
        RunResponse: runResponse,
        ...traceSchemas,
        Problem: jsonSchema(problemSchema, "output"),
        Examples: jsonSchema(examplesResponseSchema, "output"),
        Health: jsonSchema(healthSchema, "output"),
        Ready: jsonSchema(readySchema, "output"),
      },
    },
  };
}
