/**
 * RFC 9457 problem details: the one place where an error becomes an HTTP response.
 *
 * Route handlers throw `HttpProblem` (or let Express's body parser throw its own errors); the error
 * middleware at the end of the chain calls `problemFromError` and sends the result as
 * `application/problem+json`. Anything unexpected becomes a 500 whose body says only that: the stack goes
 * to the log, never to the client.
 */
import type { ErrorRequestHandler, Request, Response } from "express";

/** The problem kinds this API answers with; `type` is `urn:pyheap:problem:<kind>`. */
export const PROBLEM_KINDS = {
  "invalid-json": { status: 400, title: "Request body is not valid JSON" },
  "invalid-request": { status: 400, title: "Request does not match the schema" },
  "not-found": { status: 404, title: "No such resource" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "payload-too-large": { status: 413, title: "Request is too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported content type" },
  "trace-too-large": { status: 422, title: "The trace is larger than this server returns" },
  "rate-limited": { status: 429, title: "Too many requests" },
  "internal-error": { status: 500, title: "Internal server error" },
  "pool-saturated": { status: 503, title: "All workers are busy" },
  "shutting-down": { status: 503, title: "The server is shutting down" },
  starting: { status: 503, title: "The server is starting" },
  "schema-unavailable": { status: 503, title: "The trace JSON Schema is not available in this build" },
  "not-ready": { status: 503, title: "Not ready" },
} as const;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** One field-level complaint of a 400 (`path` is a JSON Pointer into the request body). */
export interface FieldError {
  path: string;
  message: string;
}

/** The body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId?: string;
  errors?: FieldError[];
}

/** An error that carries its HTTP answer. Throw it from a handler; the error middleware sends it. */
export class HttpProblem extends Error {
  override name = "HttpProblem";
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number; allow?: string } = {},
  ) {
    super(detail);
  }
}

/** The `type` URI of a problem kind. */
export function problemType(kind: ProblemKind): string {
  return `urn:pyheap:problem:${kind}`;
}

/** Body-parser errors carry `type` and `status`; we recognise them by shape. */
interface ParserError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
}

/** Maps anything thrown to a problem kind and its detail. Unknown errors map to "internal-error". */
export function classify(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  const e = (err ?? {}) as ParserError;
  switch (e.type) {
    case "entity.parse.failed":
      return new HttpProblem("invalid-json", "The request body could not be parsed as JSON.");
    case "entity.too.large":
      return new HttpProblem("payload-too-large", "The request body is larger than this server accepts.");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new HttpProblem("unsupported-media-type", "The request body must be UTF-8 encoded JSON.");
    case "request.aborted":
    case "request.size.invalid":
    case "stream.encoding.set":
      return new HttpProblem("invalid-request", "The request body was incomplete or malformed.");
  }
  if (e.expose === true && typeof e.status === "number" && e.status >= 400 && e.status < 500) {
    return new HttpProblem("invalid-request", "The request could not be read.");
  }
  return new HttpProblem("internal-error", "The server failed to handle this request.");
}

/** Sends one problem response (with `Retry-After` / `Allow` when the problem carries them). */
export function sendProblem(req: Request, res: Response, problem: HttpProblem): void {
  const { status, title } = PROBLEM_KINDS[problem.kind];
  const body: Problem = {
    type: problemType(problem.kind),
    title,
    status,
    detail: problem.detail,
    instance: req.originalUrl,
  };
  const id = req.id;
  if (id !== undefined) body.requestId = String(id);
  if (problem.extra.errors) body.errors = problem.extra.errors;
  if (problem.extra.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(problem.extra.retryAfterSeconds));
  if (problem.extra.allow !== undefined) res.setHeader("Allow", problem.extra.allow);
  res.status(status).type("application/problem+json").send(JSON.stringify(body));
}

/** The last middleware of the app: every error ends here. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = classify(err);
  if (problem.kind === "internal-error") req.log.error({ err }, "unhandled error");
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendProblem(req, res, problem);
};
