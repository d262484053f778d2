/**
 * The demo page as a reader meets it, with real runs of the in-page interpreter on the WASM heap; python3
 * is the oracle for what CPython prints. No console errors; screenshots go to test-results/.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAPTERS } from "../../demo/chapters.js";
import { shortId } from "../../src/model/graph.js";
import { collectErrors, DIST, launchChromium, resultPath, python3Lines as python3, serveStatic } from "./harness.js";

/** A 20-line program written inside the tag, on a page that loads only the library build. */
const TWENTY_LINES = readFileSync(fileURLToPath(new URL("../../bench/twenty-lines.py", import.meta.url)), "utf8");
const TWENTY_LINES_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>twenty</title>
<script type="module" src="/lib/py-heap-view.js"></script></head><body><py-heap-view>
${TWENTY_LINES}</py-heap-view></body></html>`;

/** A page whose element fetches its program from `src` and plays it by itself. */
const SRC_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>src</title>
<script type="module" src="/lib/py-heap-view.js"></script></head><body><py-heap-view src="/prog.py" autoplay></py-heap-view></body></html>`;

/** A freed float waits on the float free list; the allocator panel says the next float comes from it. */
const FLOAT_PROGRAM = "n = 3\nx = n * 1.5\ndel x\ny = n * 2.5\nprint(y)\n";
const FLOAT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>floats</title>
<script type="module" src="/lib/py-heap-view.js"></script></head><body><py-heap-view>
${FLOAT_PROGRAM}</py-heap-view></body></html>`;

/** Programs that need the Python source of `copy` and `weakref`, fetched only for such programs. */
const COPY_PROGRAM = `import copy
import weakref

class Node:
    pass

xs = [[1, 2], [3]]
ys = copy.deepcopy(xs)
print(ys == xs, ys[0] is xs[0])
n = Node()
r = weakref.ref(n)
d = weakref.WeakValueDictionary()
d['n'] = n
print(r() is n, len(d))
del n
print(r() is None, len(d))
`;
/** Reaches `copy` without naming it: the first run stops at the import, the second has the sources. */
const HIDDEN_COPY_PROGRAM = "m = __import__('co' + 'py')\nxs = [[1], [2]]\nys = m.deepcopy(xs)\nprint(ys == xs, ys[0] is xs[0])\n";
/** bytes and bytearray made, converted and printed (encode, decode with its errors, hex, fromhex). */
const BYTES_PROGRAM = `data = 'h\u00e9llo w\u00f6rld'.encode()
print(data, len(data))
print(data.decode(), data.decode('latin-1'))
print(data.hex(), bytes.fromhex('ff00 41').hex(' '))
print(b'abc'.upper(), b'a,b'.split(b','), bytes([104, 105]))
ba = bytearray(b'xy')
ba.append(122)
ba += b'!'
print(ba, ba.decode('ascii'), list(ba))
print(b'\\xff'.decode('utf-8', 'replace'), repr(b'\\xef\\xbb\\xbfhi'.decode()))
try:
    b'\\xff'.decode()
except UnicodeDecodeError as e:
    print(e)
`;
const libPage = (program: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>program</title>
<script type="module" src="/lib/py-heap-view.js"></script></head><body><py-heap-view>
${program}</py-heap-view></body></html>`;
/** The on-demand chunk of those sources, in either build. */
const SOURCES_CHUNK = /\/(pyheap-python-sources|pysrc)-[\w-]+\.js$/;

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await serveStatic(DIST, { "/twenty.html": TWENTY_LINES_PAGE, "/src.html": SRC_PAGE, "/floats.html": FLOAT_PAGE, "/prog.py": "x = [1]\ny = x\nprint(len(y))\n", "/copy.html": libPage(COPY_PROGRAM), "/hidden-copy.html": libPage(HIDDEN_COPY_PROGRAM), "/bytes.html": libPage(BYTES_PROGRAM) }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

function chapter(slug: string) {
  return CHAPTERS.find((c) => c.slug === slug)!;
}

/** Opens a chapter and waits until its run completed. */
async function openChapter(slug: string, theme = "light"): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = collectErrors(page);
  await page.goto(`${url}?theme=${theme}#${slug}`);
  await page.waitForFunction(() => (document.querySelector("py-heap-view") as unknown as { currentTrace: unknown }).currentTrace !== null, null, { timeout: 30_000 });
  return { page, errors };
}

async function output(page: Page): Promise<string[]> {
  await page.locator("py-heap-view").evaluate((v) => ((v as unknown as { step: number }).step = 1e9));
  return (await page.locator("py-heap-view pre.output").textContent())!.trimEnd().split("\n");
}

/** The line about to run at the shown step. */
async function currentLine(page: Page): Promise<number> {
  return page.evaluate(() => {
    const v = document.querySelector("py-heap-view") as unknown as { currentTrace: { steps: { line: number }[] }; step: number };
    return v.currentTrace.steps[v.step]!.line;
  });
}

/** Steps with the keyboard from the first step until `line` is about to run. */
async function stepToLine(page: Page, line: number): Promise<void> {
  await page.locator("py-heap-view .diagram-wrap").focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 100 && (await currentLine(page)) !== line; i++) await page.keyboard.press("ArrowRight");
  expect(await currentLine(page)).toBe(line);
}

function lineOf(code: string, text: string): number {
  return code.split("\n").indexOf(text) + 1;
}

describe("demo chapters, run in Chromium", () => {
  it("mutable list: one id before and after append, and CPython's refcount", async () => {
    const code = chapter("mutable-list").code;
    const [id1, id2, refcount] = python3(code);
    expect(id1).toBe(id2);
    const { page, errors } = await openChapter("mutable-list");
    const list = page.locator('py-heap-view g.box[data-type="list"]');
    await stepToLine(page, lineOf(code, "mutable.append('World')"));
    expect((await list.locator(".repr").textContent())!.trim()).toBe("['Hello']");
    const idBefore = await list.getAttribute("data-id");
    expect(await list.getAttribute("data-refcount")).toBe(refcount);
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await list.locator(".repr").textContent())!.trim()).toBe("['Hello', 'World']");
    expect(await list.getAttribute("data-id")).toBe(idBefore);
    expect(await list.getAttribute("data-refcount")).toBe(refcount);
    expect(await page.locator("py-heap-view [aria-live]").textContent()).toContain(`refcount ${refcount}`);
    await list.hover();
    expect(await page.locator("py-heap-view [part=inspector]").textContent()).toContain("mutable in <module>");
    await page.locator("py-heap-view").screenshot({ path: resultPath("mutable-list.png") });
    const [ours1, ours2, ourRefcount] = await output(page);
    expect([ours1, ours2, ourRefcount]).toEqual([idBefore, idBefore, refcount]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("cycle: greyed after del, collected by gc.collect(), phases on the boxes", async () => {
    const code = chapter("cycle").code;
    const expected = python3(code);
    const { page, errors } = await openChapter("cycle");
    await stepToLine(page, lineOf(code, "print('collected', gc.collect())"));
    await expect.poll(() => page.locator("py-heap-view g.box.garbage").count()).toBe(2);
    const ids = await page.locator("py-heap-view g.box.garbage").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    await page.locator("py-heap-view g.box.garbage").first().hover();
    expect(await page.locator("py-heap-view [part=inspector]").textContent()).toContain("nothing alive reaches it");
    await page.locator("py-heap-view").screenshot({ path: resultPath("cycle-garbage.png") });
    await page.locator("py-heap-view .diagram-wrap").focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("py-heap-view g.box.garbage").count()).toBe(0);
    const ghosts = await page.locator("py-heap-view g.ghost.collected").evaluateAll((els) => els.map((e) => e.textContent));
    expect(ghosts.length).toBe(2);
    expect(await page.locator("py-heap-view [part=events]").textContent()).toContain("2 objects collected");
    await page.locator("py-heap-view [part=phases] button", { hasText: "subtract-refs" }).first().click();
    await expect.poll(() => page.locator("py-heap-view g.box .gc-refs").count()).toBeGreaterThanOrEqual(2);
    for (const id of ids) expect(await page.locator(`py-heap-view g.box[data-id="${id}"] .gc-refs`).textContent()).toContain("gc_refs 0");
    await page.locator("py-heap-view [part=phases] button", { hasText: "move-unreachable" }).first().click();
    for (const id of ids) expect(await page.locator(`py-heap-view g.box[data-id="${id}"]`).getAttribute("class")).toContain("unreachable");
    await page.keyboard.press("End");
    expect(await output(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("immutable int: += binds the name to a new object, as in python3", async () => {
    const code = chapter("immutable-int").code;
    const [py1, py2] = python3(code);
    expect(py1).not.toBe(py2);
    const { page, errors } = await openChapter("immutable-int");
    const int = page.locator('py-heap-view g.box[data-type="int"]');
    await stepToLine(page, lineOf(code, "immutable += 1"));
    expect((await int.locator(".repr").textContent())!.trim()).toBe("1000");
    const before = await int.getAttribute("data-id");
    // the allocator panel marks the 32-byte block the next int (28 bytes, no GC head) will get
    const next = page.locator('py-heap-view [part=allocator] .sc[data-block-size="32"] rect.next');
    await expect.poll(() => next.count()).toBe(1);
    const predicted = await next.getAttribute("data-next-block");
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await int.locator(".repr").textContent())!.trim()).toBe("1001");
    const after = await int.getAttribute("data-id");
    expect(after).not.toBe(before);
    expect(after).toBe(predicted);
    expect(await output(page)).toEqual([before, after]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(["refcount", "singletons", "strings"])("%s: prints what python3 prints", async (slug) => {
    const expected = python3(chapter(slug).code);
    const { page, errors } = await openChapter(slug);
    expect(await output(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("REPL chapter: echoes what python3's prompt echoes", async () => {
    const r = spawnSync("python3", ["-i", "-q"], { encoding: "utf8", input: chapter("repl-1000").code });
    const { page, errors } = await openChapter("repl-1000");
    expect(await output(page)).toEqual(r.stdout.trimEnd().split("\n"));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("looks right in both themes (screenshots for the README)", async () => {
    const code = chapter("cycle").code;
    for (const theme of ["light", "dark"] as const) {
      const { page, errors } = await openChapter("cycle", theme);
      await stepToLine(page, lineOf(code, "print('collected', gc.collect())"));
      if (theme === "dark") {
        await page.keyboard.press("ArrowRight");
        await page.locator("py-heap-view [part=phases] button", { hasText: "subtract-refs" }).first().click();
      } else {
        await page.locator("py-heap-view g.box.garbage").first().click();
      }
      await page.mouse.move(0, 0);
      await page.locator("py-heap-view [part=toolbar] input").focus();
      await page.locator("py-heap-view [part=toolbar] input").blur();
      const bg = await page.locator("py-heap-view").evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).toBe(theme === "dark" ? "rgb(13, 17, 23)" : "rgb(255, 255, 255)");
      await page.locator("py-heap-view").screenshot({ path: resultPath(`py-heap-view-${theme}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("draws a 20-line program written inside the tag (time to first diagram is logged)", async () => {
    expect(TWENTY_LINES.trimEnd().split("\n").length).toBe(20);
    const expected = python3(TWENTY_LINES);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(`${url}twenty.html`);
    await page.locator("py-heap-view svg.diagram").waitFor({ timeout: 30_000 });
    const [total, load, run, draw] = await page.evaluate(() =>
      [
        ["py-heap-view:defined", "py-heap-view:first-diagram"],
        ["py-heap-view:run-start", "py-heap-view:interpreter-ready"],
        ["py-heap-view:interpreter-ready", "py-heap-view:run-end"],
        ["py-heap-view:run-end", "py-heap-view:first-diagram"],
      ].map(([a, b], i) => performance.measure(`m${i}`, a, b).duration),
    );
    console.log(
      `20-line program: first diagram ${total!.toFixed(1)} ms after the element's module ran ` +
        `(loading the interpreter and WASM ${load!.toFixed(1)} ms, traced run ${run!.toFixed(1)} ms, drawing ${draw!.toFixed(1)} ms)`,
    );
    expect(total).toBeGreaterThanOrEqual(load! + run! + draw! - 1);
    expect(await output(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("allocator panel: the next float comes from the float free list, and the new float is that object", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(`${url}floats.html`);
    await page.locator("py-heap-view svg.diagram").waitFor({ timeout: 30_000 });
    await stepToLine(page, lineOf(FLOAT_PROGRAM, "y = n * 2.5"));
    const note = page.locator('py-heap-view [part=allocator] li[data-free-list="float"]');
    await expect.poll(() => note.count()).toBe(1);
    const noteText = (await note.textContent())!;
    expect(noteText).toContain("float free list");
    await page.keyboard.press("ArrowRight");
    const y = page.locator('py-heap-view g.box[data-type="float"]');
    await expect.poll(async () => (await y.locator(".repr").textContent())?.trim()).toBe("7.5");
    // the note named the parked float by its short id; the new float has that id
    expect(await note.count()).toBe(0);
    expect(noteText).toContain(shortId((await y.getAttribute("data-id"))!));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("playground: an edited program runs and is kept in the URL", async () => {
    const program = "xs = [1, 2]\nys = xs\nys.append(3)\nprint(xs)\n";
    const expected = python3(program);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(`${url}#play`);
    await page.locator("py-heap-view button", { hasText: "Edit" }).click();
    const editor = page.locator("py-heap-view .cm-content");
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    // The editor indents and closes brackets as one types; insert the text as a paste would.
    await page.keyboard.insertText(program);
    await page.keyboard.press("Control+Enter");
    await page.waitForFunction((p) => (document.querySelector("py-heap-view") as unknown as { currentTrace: { source: string } | null }).currentTrace?.source === p, program);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#play=[A-Za-z0-9_-]+$/);
    expect(await output(page)).toEqual(expected);
    const shared = await page.evaluate(() => location.href);
    const second = await browser.newPage();
    await second.goto(shared);
    await second.waitForFunction((p) => (document.querySelector("py-heap-view") as unknown as { currentTrace: { source: string } | null }).currentTrace?.source === p, program);
    expect(await second.locator("py-heap-view .source li").allTextContents()).toHaveLength(4);
    expect(errors).toEqual([]);
    await page.close();
    await second.close();
  });

  it("fetches the program from src and plays it with autoplay", async () => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${url}src.html`);
    await page.waitForFunction(() => (document.querySelector("py-heap-view") as unknown as { currentTrace: unknown }).currentTrace !== null, null, { timeout: 30_000 });
    expect(await page.locator("py-heap-view .source li").count()).toBe(3);
    const last = await page.evaluate(() => (document.querySelector("py-heap-view") as unknown as { currentTrace: { steps: unknown[] } }).currentTrace.steps.length - 1);
    await page.waitForFunction((n) => document.querySelector("py-heap-view")!.getAttribute("step") === String(n), last, { timeout: 30_000 });
    expect(await page.locator("py-heap-view button.play").getAttribute("aria-pressed")).toBe("false");
    expect(await output(page)).toEqual(python3("x = [1]\ny = x\nprint(len(y))\n"));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("parts loaded on demand", () => {
  /** Opens `path`, waits for the first diagram; resolves to the page, its errors and the URLs it requested. */
  async function open(path: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${url}${path}`);
    await page.locator("py-heap-view svg.diagram").waitFor({ timeout: 30_000 });
    return { page, errors, requests };
  }

  it("the chapters and a 20-line program fetch neither the weakref/copy sources nor the WASM heap twice", async () => {
    for (const path of ["twenty.html", "#mutable-list", "#cycle", "#generations"]) {
      const { page, errors, requests } = await open(path);
      expect(requests.filter((u) => SOURCES_CHUNK.test(u)), path).toEqual([]);
      expect(requests.filter((u) => /\/pyheap-[\w-]+\.wasm$/.test(u)), path).toHaveLength(1);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("a program importing copy and weakref gets their sources and prints what python3 prints", async () => {
    const expected = python3(COPY_PROGRAM);
    const { page, errors, requests } = await open("copy.html");
    expect(requests.filter((u) => SOURCES_CHUNK.test(u))).toHaveLength(1);
    expect(await output(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a program working with bytes prints what python3 prints (no Node-only API in the page)", async () => {
    const expected = python3(BYTES_PROGRAM);
    const { page, errors } = await open("bytes.html");
    expect(await output(page)).toEqual(expected);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a program reaching copy through __import__ of a computed name is run again with the sources", async () => {
    const expected = python3(HIDDEN_COPY_PROGRAM);
    const { page, errors, requests } = await open("hidden-copy.html");
    expect(requests.filter((u) => SOURCES_CHUNK.test(u))).toHaveLength(1);
    expect(await output(page)).toEqual(expected);
    const trace = await page.evaluate(() => (document.querySelector("py-heap-view") as unknown as { currentTrace: { outcome: { status: string } } }).currentTrace.outcome.status);
    expect(trace).toBe("ok");
    expect(errors).toEqual([]);
    await page.close();
  });
});
