/**
 * `createApp(config)`: the whole HTTP API as an Express app, without `listen` (main.ts listens; tests
 * drive it in-process or on a loopback port).
 *
 * It owns the worker pool it creates; `close()` stops it. Nothing is kept between requests: every run is
 * a fresh interpreter on some worker, so instances scale behind any load balancer.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ServerResponse } from "node:http";
import cors from "cors";
import express, { type Express, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import { pino, type Logger } from "pino";
import { pinoHttp } from "pino-http";
import { PACKAGE_ROOT, type Config } from "./config.js";
import { loadExamples } from "./examples.js";
import { buildOpenApi } from "./openapi.js";
import { RunPool } from "./pool/run-pool.js";
import { errorHandler, HttpProblem, sendProblem } from "./problem.js";
import { metaRoutes } from "./routes/meta.js";
import { runRoutes, type Lifecycle } from "./routes/run.js";
import { webBuilt, webRoutes } from "./routes/web.js";
import { loadTraceSchema } from "./trace-schema.js";

/** The app and what its owner needs to run and stop it. */
export interface PyheapApp {
  app: Express;
  pool: RunPool;
  logger: Logger;
  /** Stop accepting runs: new ones (and /readyz) get 503 from now on; runs in flight go on. */
  drain(): void;
  readonly draining: boolean;
  /** Waits for accepted runs, then stops the workers. */
  close(): Promise<void>;
}

export interface CreateAppOptions {
  /** Defaults to a pino logger at `config.logLevel` writing JSON lines to stdout. */
  logger?: Logger;
  /** Tests only: each worker thread sleeps this long (ms) before its warm-up (a slow or endless start). */
  warmUpDelayMs?: number;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * helmet's headers for our configuration, computed once: helmet builds the same list for every response,
 * so it runs a single time at start-up against a recorder and each response gets the recorded list.
 */
function securityHeaders(): { set: [string, string][]; remove: string[] } {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "connect-src": ["'self'"],
        // Served over plain HTTP on localhost too: upgrading subresources to https would break the page.
        "upgrade-insecure-requests": null,
      },
    },
  });
  const set: [string, string][] = [];
  const remove: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.push([name, String(value)]);
      return recorder;
    },
    removeHeader(name: string) {
      remove.push(name);
    },
  };
  let called = false;
  middleware({ method: "GET", headers: {}, url: "/" } as never, recorder as never, () => {
    called = true;
  });
  if (!called) throw new Error("helmet did not finish synchronously");
  return { set, remove };
}

/**
 * pino-http: request id (the client's `X-Request-Id` when it is a plain token, else a new UUID), echoed
 * in the `X-Request-Id` header, `req.log` naming it, and one access-log line per response (info, error
 * from 500 on) with what the run route recorded in `res.locals.run`.
 */
function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req, res) {
      const incoming = req.headers["x-request-id"];
      const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel(_req, res, err) {
      return err || res.statusCode >= 500 ? "error" : "info";
    },
    // A 5xx answer (503 while saturated, say) is logged at error without the stand-in Error pino-http
    // makes for it: the status says it all, a stack trace of ours would only mislead.
    customErrorObject(_req, res, error, fields) {
      if (error.message !== `failed with status code ${res.statusCode}`) return fields;
      const { err: _synthetic, ...rest } = fields as Record<string, unknown>;
      return rest;
    },
    customProps(_req, res) {
      const run = (res as unknown as Response).locals?.run as unknown;
      return run ? { run } : {};
    },
    // The access line carries the id, method, URL and client address, not every header.
    serializers: {
      req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}

/**
 * The request log when access lines are off (a level above info): the same request id and header, `req.log`
 * made only if something logs, and a 5xx answer still logged at error as pino-http would; none of
 * pino-http's per-request child logger, serializers and timing (a tenth of the HTTP thread's CPU time per
 * run request).
 */
function requestIdsOnly(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", id);
    (req as { id?: unknown }).id = id;
    let child: Logger | undefined;
    Object.defineProperty(req, "log", { configurable: true, get: () => (child ??= logger.child({ req: { id } })) });
    res.once("finish", () => {
      if (res.statusCode < 500) return;
      const run = (res as Response).locals?.run as unknown;
      logger.error(
        { req: { id, method: req.method, url: req.originalUrl, remoteAddress: req.socket.remoteAddress }, res: { statusCode: res.statusCode }, ...(run ? { run } : {}) },
        "request errored",
      );
    });
    next();
  };
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: string };
  return manifest.version ?? "0.0.0";
}

/** Builds the app and starts its worker pool. */
export function createApp(config: Config, options: CreateAppOptions = {}): PyheapApp {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const lifecycle: Lifecycle = { draining: false };
  const traceSchema = loadTraceSchema();
  const examples = loadExamples(config.corpusDir);
  if (!traceSchema) logger.warn("@pyheap/python publishes no trace-schema.json: GET /api/v1/schema answers 503");
  if (examples.length === 0) logger.warn({ corpusDir: config.corpusDir }, "no example programs found");
  if (!webBuilt(config.webDist)) logger.warn({ webDist: config.webDist }, "demo page not built: / explains how");

  const pool = new RunPool({
    filename: join(PACKAGE_ROOT, "dist", "pool", "worker.js"),
    workers: config.workers,
    queue: config.queue,
    workerHeapMb: config.workerHeapMb,
    hardKillGraceMs: config.hardKillGraceMs,
    longRunMs: config.longRunMs,
    longRuns: config.longRuns,
    spares: config.spareWorkers,
    startupWaitMs: config.startupWaitMs,
    ...(options.warmUpDelayMs ? { warmUpDelayMs: options.warmUpDelayMs } : {}),
    onThreadError: (err) => logger.error({ err }, "a worker thread failed outside any run"),
  });
  const openapi = buildOpenApi(config, packageVersion(), traceSchema);

  const app = express();
  app.disable("x-powered-by");
  // No ETag hashing of every run result (a POST answer is never revalidated); the page's static files get
  // theirs from express.static.
  app.set("etag", false);
  app.set("trust proxy", config.trustProxy);

  // 1. Request id and structured access log first, so every later answer (errors included) carries both.
  app.use(logger.isLevelEnabled("info") ? requestLog(logger) : requestIdsOnly(logger));

  // 2. Security headers (helmet's, computed once). The demo page compiles the interpreter's WASM in the
  // browser: the policy allows exactly that.
  const security = securityHeaders();
  app.use((_req, res, next) => {
    const r = res as ServerResponse;
    for (const [name, value] of security.set) r.setHeader(name, value);
    for (const name of security.remove) r.removeHeader(name);
    next();
  });

  // 3. While draining, tell keep-alive clients to go elsewhere.
  app.use((_req, res, next) => {
    if (lifecycle.draining) res.setHeader("Connection", "close");
    next();
  });

  // 4. CORS, only when configured (same-origin otherwise).
  if (config.corsOrigins === "*" || config.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: config.corsOrigins === "*" ? "*" : config.corsOrigins,
        methods: ["GET", "POST"],
        allowedHeaders: ["Content-Type", "X-Request-Id"],
        exposedHeaders: ["X-Request-Id", "Retry-After", "RateLimit", "RateLimit-Policy"],
        maxAge: 600,
      }),
    );
  }

  // 5. Rate limit per client on the API (health checks and the page are exempt).
  if (config.rateLimitPerMinute > 0) {
    app.use(
      "/api/",
      rateLimit({
        windowMs: 60_000,
        limit: config.rateLimitPerMinute,
        standardHeaders: "draft-8",
        legacyHeaders: false,
        handler(req, res) {
          const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
          const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
          sendProblem(
            req,
            res,
            new HttpProblem("rate-limited", `More than ${config.rateLimitPerMinute} requests per minute from this client.`, {
              retryAfterSeconds: seconds,
            }),
          );
        },
      }),
    );
  }

  // 6. The API, then the page.
  app.use(runRoutes(config, pool, lifecycle));
  app.use(metaRoutes({ examples, traceSchema, openapi, pool, lifecycle }));
  app.use(webRoutes(config.webDist));

  // 7. Anything else is a 404 problem; every error ends in the one mapping.
  app.use((req, _res) => {
    throw new HttpProblem("not-found", `No resource at ${req.method} ${req.path}.`);
  });
  app.use(errorHandler);

  return {
    app,
    pool,
    logger,
    drain() {
      lifecycle.draining = true;
    },
    get draining() {
      return lifecycle.draining;
    },
    close: () => pool.close(),
  };
}
