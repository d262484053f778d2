/**
 * Pages that each run one program in the library build (one script tag, the program inside the tag), for
 * the tests of what the page loads on demand (bytes.e2e.test.ts, lazy.e2e.test.ts): served from the build
 * (PYHEAP_WEB_DIST, else apps/web/dist), opened in headless Chromium with the URLs each page requests.
 */
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { collectErrors, DIST as BUILT, launchChromium, serveStatic } from "./harness.js";

/** The build the pages are served from. */
export const DIST = process.env.PYHEAP_WEB_DIST ?? BUILT;

/** A page whose element runs `program`. */
export const programPage = (program: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>program</title>
<script type="module" src="/lib/py-heap-view.js"></script></head><body><py-heap-view>
${program}</py-heap-view></body></html>`;

export interface OpenedPage {
  page: Page;
  /** the page's errors (console and uncaught) */
  errors: string[];
  /** every URL it requested */
  requests: string[];
}

export interface ProgramPages {
  /**
   * Opens `path` and waits for the first diagram, or (`diagram: false`, for a program that does not run,
   * such as a syntax error) for the element's trace. `setup` runs on the page before it is opened (routes).
   */
  open(path: string, diagram?: boolean, setup?: (p: Page) => Promise<void>): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** Serves the build with `programs` (path → program) as pages, and starts Chromium. */
export async function programPages(programs: Record<string, string>): Promise<ProgramPages> {
  const pages = Object.fromEntries(Object.entries(programs).map(([path, program]) => [path, programPage(program)]));
  const { server, url } = await serveStatic(DIST, pages);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await new Promise((r) => (server as Server).close(r));
    throw e;
  }
  return {
    async open(path, diagram = true, setup) {
      const p = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      await setup?.(p);
      const errors = collectErrors(p);
      const requests: string[] = [];
      p.on("request", (r) => requests.push(r.url()));
      await p.goto(`${url}${path}`);
      if (diagram) await p.locator("py-heap-view svg.diagram").waitFor({ timeout: 30_000 });
      else await p.waitForFunction(() => (document.querySelector("py-heap-view") as unknown as { currentTrace?: unknown }).currentTrace, null, { timeout: 30_000 });
      return { page: p, errors, requests };
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** The output panel's lines once the element has stepped to the end of its trace. */
export async function outputLines(p: Page): Promise<string[]> {
  await p.locator("py-heap-view").evaluate((v) => ((v as unknown as { step: number }).step = 1e9));
  return (await p.locator("py-heap-view pre.output").textContent())!.trimEnd().split("\n");
}

/** How the element's run ended (its trace's outcome). */
export async function outcomeOf(p: Page): Promise<{ status: string; type?: string; message?: string }> {
  return p.evaluate(() => (document.querySelector("py-heap-view") as unknown as { currentTrace: { outcome: { status: string } } }).currentTrace.outcome);
}
