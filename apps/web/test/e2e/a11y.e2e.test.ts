/**
 * Accessibility audit of the demo page with axe-core (WCAG 2.1 A/AA rules, shadow DOM included), in light
 * and dark themes, with a trace shown, an object selected and a collection phase open.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cycleTrace } from "../fixtures/traces.js";
import { DIST, launchChromium, serveStatic } from "./harness.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await serveStatic(DIST));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe.each(["light", "dark"])("axe audit, %s theme", (theme) => {
  it("finds no WCAG A/AA violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}?theme=${theme}#cycle`);
    await page.waitForFunction(() => customElements.get("py-heap-view") !== undefined);
    await page.evaluate((t) => {
      const v = document.querySelector("py-heap-view") as unknown as { trace: unknown; step: number };
      v.trace = t;
      v.step = 6;
    }, cycleTrace());
    await page.locator("py-heap-view [part=phases] button", { hasText: "move-unreachable" }).click();
    await page.locator('py-heap-view g.box[data-type="module"]').click();
    // Injected through the DevTools protocol: the page's CSP (as the server sends it) forbids inline scripts.
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
