/**
 * The demo page at `/`: the static build of apps/web (`dist/`). When it has not been built, `/` answers
 * 503 with a page that says how to build it, instead of a bare 404.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";

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

/** Serves `dir` at `/` (immutable caching for hashed assets, none for the page itself). */
export function webRoutes(dir: string): Router {
  const router = Router();
  if (!webBuilt(dir)) {
    router.get("/", (_req, res) => {
      res.status(503).type("text/html").send(NOT_BUILT);
    });
    return router;
  }
  router.use(
    express.static(dir, {
      index: "index.html",
      fallthrough: true,
      setHeaders(res, path) {
        if (path.endsWith(".html")) res.setHeader("Cache-Control", "no-cache");
        else if (/[.-][0-9a-zA-Z_-]{8,}\.(js|css|wasm)$/.test(path)) res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      },
    }),
  );
  return router;
}
