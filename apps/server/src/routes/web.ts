/**
 * The demo page at `/`: the static build of apps/web (`dist/`). When it has not been built, `/` answers
 * 503 with a page that says how to build it, instead of a bare 404.
 */
import { existsSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { extname, join, resolve } from "node:path";
import { Router, type NextFunction, type Request, type Response } from "express";
import expressStaticGzip from "express-static-gzip";

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pyheap: demo page not built</title></head>
<body><h1>The demo page is not built</h1>
<p>This server found no <code>index.html</code> in the web app's build folder. Build it with
<code>pnpm --filter @pyheap/web build</code> (or <code>pnpm build</code>) and restart the server, or point
<code>WEB_DIST</code> at a built copy.</p>
<p>The HTTP API works without it: see <a href="/openapi.json">/openapi.json</a>.</p></body></html>
`;

/** True when `dir` holds a built page. */
export function webBuilt(dir: string): boolean {
  return existsSync(join(dir, "index.html"));
}

/** Cache-Control for a file of the build: none for the page itself, a year for content-hashed assets. */
function cacheHeaders(res: ServerResponse, path: string): void {
  // the compressed copy's headers are those of the file it stands for, its Content-Type written as for
  // the file itself (express's res.type and express.static both name it through mime-types' contentType)
  // (only when it is sent as the file's compressed form: a request for `FILE.gz` itself gets a gzip file)
  const file = path.endsWith(".gz") ? path.slice(0, -3) : path;
  if (file !== path && res.getHeader("Content-Encoding") === "gzip") (res as Response).type(extname(file));
  if (file.endsWith(".html")) res.setHeader("Cache-Control", "no-cache");
  else if (/[.-][0-9a-zA-Z_-]{8,}\.(js|css|wasm)$/.test(file)) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
}

/**
 * Serves `dir` at `/` (immutable caching for hashed assets, none for the page itself). The web build
 * writes a zopfli-compressed copy `FILE.gz` beside each script, style sheet, WASM file and page
 * (apps/web/bundler/compress.ts): a GET or HEAD whose Accept-Encoding allows gzip gets those bytes with
 * `Content-Encoding: gzip` and the original's Content-Type; every file that has such a copy is sent with
 * `Vary: Accept-Encoding`; others, and clients that do not accept gzip, get the file as it is. The copies
 * are found once, when the routes are made (the server starts after the build); a copy removed since is
 * a 404 until the server restarts, a plain 404 (not marked compressed). A request for `FILE.gz` itself
 * gets that file as a gzip file.
 */
export function webRoutes(dir: string): Router {
  const router = Router();
  if (!webBuilt(dir)) {
    router.get("/", (_req, res) => {
      res.status(503).type("text/html").send(NOT_BUILT);
    });
    return router;
  }
  const serve = expressStaticGzip(resolve(dir), {
    index: "index.html",
    serveStatic: { index: false, fallthrough: true, setHeaders: cacheHeaders },
  });
  // only reads: the middleware sets the compressed copy's headers before it knows whether it will send
  // it, which would leave them on another route's answer (a POST's 404)
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    serve(req, res, (err?: unknown) => {
      // not sent after all (the copy listed at start is gone, the file is missing): the answer of the
      // next handler must not carry the copy's encoding and type
      if (!res.headersSent) {
        res.removeHeader("Content-Encoding");
        res.removeHeader("Content-Type");
      }
      next(err);
    });
  });
  return router;
}
