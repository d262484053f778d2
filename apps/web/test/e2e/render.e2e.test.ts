/**
 * The element in a real browser, fed hand-written traces through its `trace` property: drawing, keyboard,
 * holders, garbage band, collection phases, events, export.
 */
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cycleTrace, mutableListTrace } from "../fixtures/traces.js";
import { collectErrors, DIST, launchChromium, resultPath, serveStatic } from "./harness.js";

/** A page that uses only the library build: one script tag, then the element. */
const LIBRARY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>library</title>
<script type="module" src="/lib/py-heap-view.js"></script></head>
<body><py-heap-view theme="dark" step="1"></py-heap-view></body></html>`;

/** Library pages whose element has a program: run in the page, or (with `api`) sent to an HTTP API. */
const LIBRARY_RUN_PAGE = (attrs: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>library run</title>
<script type="module" src="/lib/py-heap-view.js"></script></head>
<body><py-heap-view ${attrs}>
xs = [1, 2]
ys = xs
</py-heap-view></body></html>`;

/** A library page whose program reads the element's `stdin` through input() and sys.stdin. */
const LIBRARY_STDIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>library stdin</title>
<script type="module" src="/lib/py-heap-view.js"></script></head>
<body><py-heap-view stdin="Ann&#10;3&#10;">
import sys
name = input()
n = int(sys.stdin.readline())
print(name * n, "|", sys.stdin.read())
</py-heap-view></body></html>`;

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await serveStatic(DIST, {
    "/library.html": LIBRARY_PAGE,
    "/library-run.html": LIBRARY_RUN_PAGE(""),
    // a port nothing listens on: the run fails with the element's `error` event, never in the page
    "/library-api.html": LIBRARY_RUN_PAGE('api="http://127.0.0.1:9"'),
    "/library-stdin.html": LIBRARY_STDIN_PAGE,
  }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/** Opens a blank page with the element, showing `trace`. */
async function pageWith(trace: unknown, theme = "light"): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(`${url}?theme=${theme}#cycle`);
  await page.waitForFunction(() => customElements.get("py-heap-view") !== undefined);
  await page.evaluate((t) => {
    const v = document.querySelector("py-heap-view")!;
    (v as unknown as { trace: unknown }).trace = t;
  }, trace);
  await page.locator("py-heap-view svg.diagram").waitFor();
  return { page, errors };
}

describe("<py-heap-view> with a given trace", () => {
  it("steps with the keyboard, narrates, and shows the list's id and refcount", async () => {
    const t = mutableListTrace();
    const { page, errors } = await pageWith(t);
    const events: number[] = [];
    await page.exposeFunction("recordStep", (s: number) => events.push(s));
    await page.evaluate(() => document.querySelector("py-heap-view")!.addEventListener("step-change", (e) => (window as unknown as { recordStep(n: number): void }).recordStep((e as CustomEvent).detail.step)));
    await page.locator("py-heap-view .diagram-wrap").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const box = page.locator('py-heap-view g.box[data-type="list"]');
    await expect.poll(() => box.getAttribute("data-refcount")).toBe("1");
    expect(await box.getAttribute("data-id")).toBe(t.steps[2]!.delta.upsert[1]!.id);
    expect(await page.locator("py-heap-view g.box").count()).toBe(3);
    expect(await page.locator("py-heap-view path.edge").count()).toBe(3);
    const live = await page.locator("py-heap-view [aria-live]").textContent();
    expect(live).toContain("Step 3 of 3, line 3: print(id(mutable)).");
    expect(await page.locator("py-heap-view li.current").textContent()).toContain("print(id(mutable))");
    expect(events).toEqual([1, 2]);
    await page.locator('py-heap-view g.box[data-serial="12"]').click();
    expect(await page.locator("py-heap-view path.edge.path").evaluateAll((els) => els.map((e) => e.getAttribute("data-key")).sort())).toEqual(["f0:mutable", "o10:1"]);
    expect(await page.locator("py-heap-view [part=inspector]").textContent()).toContain("mutable in <module> → [1]");
    await page.locator("py-heap-view .diagram-wrap").focus();
    await page.keyboard.press("Home");
    expect(await page.locator("py-heap-view").getAttribute("step")).toBe("0");
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator("py-heap-view button.play").getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator("py-heap-view button.play").getAttribute("aria-pressed")).toBe("false");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("greys the cycle until the collection, and steps through the collection's phases", async () => {
    const { page, errors } = await pageWith(cycleTrace());
    await page.evaluate(() => ((document.querySelector("py-heap-view") as unknown as { step: number }).step = 5));
    await expect.poll(() => page.locator("py-heap-view g.box.garbage").count()).toBe(2);
    await page.locator("py-heap-view g.box.garbage").first().hover();
    expect(await page.locator("py-heap-view [part=inspector]").textContent()).toContain("nothing alive reaches it");
    await page.screenshot({ path: resultPath("render-cycle-garbage.png"), fullPage: true });
    await page.evaluate(() => document.getElementById("theme-toggle")!.click());
    await page.screenshot({ path: resultPath("render-cycle-garbage-dark.png"), fullPage: true });
    await page.locator("py-heap-view .diagram-wrap").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator("py-heap-view g.box.garbage").count()).toBe(0);
    expect(await page.locator("py-heap-view g.ghost.collected").count()).toBe(2);
    expect(await page.locator("py-heap-view [part=events]").textContent()).toContain("2 objects collected");
    await page.locator("py-heap-view [part=phases] button", { hasText: "subtract-refs" }).click();
    await expect.poll(() => page.locator("py-heap-view g.gc-refs").count()).toBe(2);
    expect(await page.locator("py-heap-view g.gc-refs").first().textContent()).toContain("gc_refs 0");
    await page.locator("py-heap-view [part=phases] button", { hasText: "move-unreachable" }).click();
    await expect.poll(() => page.locator("py-heap-view g.box.unreachable").count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("exports the diagram as a standalone SVG (code fetched on the first export)", async () => {
    const { page } = await pageWith(cycleTrace());
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.evaluate(() => ((document.querySelector("py-heap-view") as unknown as { step: number }).step = 5));
    expect(requested.filter((u) => /\/export-[^/]*\.js$/.test(u))).toEqual([]);
    const download = page.waitForEvent("download");
    await page.locator("py-heap-view button", { hasText: "SVG" }).click();
    const file = await download;
    expect(requested.filter((u) => /\/export-[^/]*\.js$/.test(u))).toHaveLength(1);
    expect(file.suggestedFilename()).toBe("py-heap-step-6.svg");
    const path = resultPath("export.svg");
    await file.saveAs(path);
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(path, "utf8");
    expect(text).toContain("<svg");
    expect(text).toMatch(/--c-bg: (#|rgb)/);
    expect(text).toContain("awaiting collection");
    const png = page.waitForEvent("download");
    await page.locator("py-heap-view button", { hasText: "PNG" }).click();
    expect((await png).suggestedFilename()).toBe("py-heap-step-6.png");
    await page.close();
  });

  it("loads the editor only when editing starts", async () => {
    const requested: string[] = [];
    const page = await browser.newPage();
    page.on("request", (r) => requested.push(r.url()));
    await page.goto(`${url}#play`);
    await page.locator("py-heap-view button", { hasText: "Edit" }).waitFor();
    expect(requested.some((u) => u.includes("code-editor"))).toBe(false);
    await page.locator("py-heap-view button", { hasText: "Edit" }).click();
    await page.locator("py-heap-view .cm-editor").waitFor();
    expect(requested.some((u) => u.includes("code-editor"))).toBe(true);
    expect(await page.locator("py-heap-view .cm-content").textContent()).toContain("gc.collect()");
    await page.close();
  });

  it("shows the trace up to a limit, with the reason", async () => {
    const t = cycleTrace();
    t.steps = t.steps.slice(0, 4);
    t.outcome = { status: "limit", limit: "steps", message: "the program ran more than 4 steps" };
    const { page, errors } = await pageWith(t);
    expect(await page.locator("py-heap-view [part=status]").textContent()).toContain("Stopped at the steps limit: the program ran more than 4 steps.");
    await page.locator("py-heap-view .diagram-wrap").focus();
    await page.keyboard.press("End");
    expect(await page.locator("py-heap-view [aria-live]").textContent()).toContain("Step 4 of 4");
    expect(await page.locator("py-heap-view g.box").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fires a typed, bubbling, composed error when the API cannot be reached", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}#cycle`);
    await page.waitForFunction(() => customElements.get("py-heap-view") !== undefined);
    const detail = await page.evaluate(
      () =>
        new Promise<{ kind: string; message: string; composed: boolean; bubbles: boolean }>((resolve) => {
          const host = document.createElement("div");
          document.body.append(host);
          const root = host.attachShadow({ mode: "open" });
          const el = document.createElement("py-heap-view");
          el.setAttribute("api", "http://127.0.0.1:9");
          el.setAttribute("code", "x = 1\n");
          host.addEventListener("error", (e) => {
            const ev = e as unknown as CustomEvent<{ kind: string; message: string }>;
            resolve({ ...ev.detail, composed: ev.composed, bubbles: ev.bubbles });
          });
          root.append(el);
        }),
    );
    expect(detail.kind).toBe("api");
    expect(detail.message).toContain("could not reach http://127.0.0.1:9/api/v1/run");
    expect(detail.composed && detail.bubbles).toBe(true);
    await page.close();
  });

  it("works from the library build with one script tag", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const scripts: string[] = [];
    page.on("request", (r) => void (r.url().endsWith(".js") && scripts.push(new URL(r.url()).pathname)));
    await page.goto(`${url}library.html`);
    await page.waitForFunction(() => customElements.get("py-heap-view") !== undefined);
    await page.evaluate((t) => ((document.querySelector("py-heap-view") as unknown as { trace: unknown }).trace = t), mutableListTrace());
    await page.locator("py-heap-view svg.diagram").waitFor();
    expect(await page.locator("py-heap-view").getAttribute("step")).toBe("1");
    expect((await page.locator('py-heap-view g.box[data-type="list"] .repr').textContent())?.trim()).toBe("['Hello']");
    expect(errors).toEqual([]);
    // an element with a given trace and no program: the interpreter is never fetched (src/early-start.ts)
    expect(scripts).toEqual(["/lib/py-heap-view.js"]);
    await page.close();
  });

  it("runs a program in the page from the library build, and fetches no interpreter for an element that uses the API", async () => {
    for (const [path, inPage] of [["library-run.html", true], ["library-api.html", false]] as const) {
      const page = await browser.newPage();
      const errors = collectErrors(page);
      const scripts: string[] = [];
      page.on("request", (r) => void (r.url().endsWith(".js") && scripts.push(new URL(r.url()).pathname)));
      await page.goto(`${url}${path}`);
      if (inPage) {
        await page.locator("py-heap-view svg.diagram").waitFor();
        await page.evaluate(() => (document.querySelector("py-heap-view") as unknown as { goTo(i: number): void }).goTo(99));
        expect((await page.locator('py-heap-view g.box[data-type="list"] .repr').textContent())?.trim()).toBe("[1, 2]");
        // the element's entry, the interpreter's two chunks (bundler/split.ts) and the heap binding's
        expect(scripts.length, scripts.join(" ")).toBe(4);
        expect(errors).toEqual([]);
      } else {
        // the element reports that the API could not be reached
        await page.waitForFunction(() => /could not reach/.test(document.querySelector("py-heap-view")!.shadowRoot!.textContent ?? ""));
        expect(scripts).toEqual(["/lib/py-heap-view.js"]);
      }
      await page.close();
    }
  });

  it("hands its stdin attribute and property to the program's input() and sys.stdin", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    // each run's stdout, from the bubbling run-complete events
    await page.addInitScript(() => {
      const w = window as unknown as { outs: string[] };
      w.outs = [];
      document.addEventListener("run-complete", (e) => w.outs.push((e as CustomEvent<{ stdout: string }>).detail.stdout));
    });
    await page.goto(`${url}library-stdin.html`);
    const outs = (n: number) => page.waitForFunction((k) => (window as unknown as { outs: string[] }).outs.length >= k && (window as unknown as { outs: string[] }).outs, n).then((h) => h.jsonValue());
    expect(await outs(1)).toEqual(["AnnAnnAnn | \n"]);
    // a new stdin runs the program again
    await page.evaluate(() => ((document.querySelector("py-heap-view") as unknown as { stdin: string }).stdin = "Bo\n2\nrest"));
    expect(await outs(2)).toEqual(["AnnAnnAnn | \n", "BoBo | rest\n"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("marks the line of a syntax error", async () => {
    const t = mutableListTrace();
    t.source = "x = 1\nif x\n  print(x)\n";
    t.steps = [];
    t.outcome = { status: "syntax-error", message: "expected ':'", line: 2, column: 5 };
    const page = await browser.newPage();
    await page.goto(`${url}#cycle`);
    await page.waitForFunction(() => customElements.get("py-heap-view") !== undefined);
    await page.evaluate((tr) => ((document.querySelector("py-heap-view") as unknown as { trace: unknown }).trace = tr), t);
    await expect.poll(() => page.locator("py-heap-view .source li.error").textContent()).toContain("if x");
    expect(await page.locator("py-heap-view [part=status]").textContent()).toContain("SyntaxError at line 2, column 5: expected ':'");
    await page.close();
  });
});
