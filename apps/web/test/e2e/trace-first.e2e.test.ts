/**
 * An in-page run's trace is drawn before the interpreter's teardown: the first diagram comes first, then
 * the run's complete result (with what the teardown printed: a __del__ run at exit), in `run-complete`.
 * A program run again by a script (a second run) does the same. Set PYHEAP_WEB_DIST to test a build
 * written elsewhere than apps/web/dist.
 */
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectErrors, DIST as BUILT, launchChromium, python3Lines, serveStatic } from "./harness.js";

const DIST = process.env.PYHEAP_WEB_DIST ?? BUILT;

/** A program whose last output comes from the interpreter's shutdown (the finalizer of a global). */
const PROGRAM = `class Guard:
    def __del__(self):
        print('released at exit')
g = Guard()
xs = [1, 2, 3]
print('program done', len(xs))
`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>trace first</title>
<script>
  // what happened, in order: the first diagram (a performance mark) and each run-complete event
  window.order = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "py-heap-view:first-diagram") window.order.push("first-diagram");
  }).observe({ type: "mark", buffered: true });
  document.addEventListener("run-complete", (e) => window.order.push({ stdout: e.detail.stdout, exitCode: e.detail.exitCode, steps: e.detail.trace.steps.length }));
</script>
<script type="module" src="/lib/py-heap-view.js"></script></head>
<body><py-heap-view>
${PROGRAM}</py-heap-view></body></html>`;

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await serveStatic(DIST, { "/trace-first.html": PAGE }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

type Entry = string | { stdout: string; exitCode: number; steps: number };

describe("an in-page run", () => {
  it("draws its first diagram before the teardown, then reports the complete result", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(`${url}trace-first.html`);
    const order = (): Promise<Entry[]> => page.evaluate(() => (window as unknown as { order: Entry[] }).order);
    await expect.poll(async () => (await order()).length, { timeout: 30_000 }).toBe(2);
    const expected = `${python3Lines(PROGRAM).join("\n")}\n`;
    expect(expected).toMatch(/released at exit\n$/);
    const [first, done] = await order();
    expect(first).toBe("first-diagram");
    expect(done).toMatchObject({ stdout: expected, exitCode: 0 });
    expect((done as { steps: number }).steps).toBeGreaterThan(3);
    // the trace ends with the program: the finalizer's output is not in any step
    const traced = await page.locator("py-heap-view").evaluate((el) => (el as unknown as { currentTrace: { steps: { stdout: string }[] } }).currentTrace.steps.map((s) => s.stdout).join(""));
    expect(traced).toBe("program done 3\n");

    // a second run (the program changed by a script): a new diagram, then its complete result
    await page.locator("py-heap-view").evaluate((el, code) => {
      (el as unknown as { code: string }).code = code;
    }, PROGRAM.replace("[1, 2, 3]", "[1, 2]"));
    await expect.poll(async () => (await order()).length, { timeout: 30_000 }).toBe(3);
    const again = (await order())[2] as { stdout: string };
    expect(again.stdout).toBe(expected.replace("program done 3", "program done 2"));
    expect(await page.locator("py-heap-view svg.diagram").count()).toBe(1);
    const shown = await page.locator("py-heap-view").evaluate((el) => (el as unknown as { currentTrace: { steps: { stdout: string }[] } }).currentTrace.steps.map((s) => s.stdout).join(""));
    expect(shown).toBe("program done 2\n");
    expect(errors).toEqual([]);
    await page.close();
  });
});
