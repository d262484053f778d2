/**
 * The interpreter in two chunks in the page (bundler/split.ts: the parser and the compiler in the second):
 * the library build asks for both as soon as its script runs, and programs that go through every part
 * of the interpreter run as python3 runs them; the runner compiles the program with the second chunk
 * before the first has loaded (a syntax error is still the run's to report); a page whose second chunk
 * cannot be fetched says the interpreter could not be loaded. PYHEAP_WEB_DIST names a build written elsewhere than apps/web/dist.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, python3Lines as python3, serveStatic } from "./harness.js";
import { DIST, outcomeOf as outcome, outputLines as output, programPage, programPages, type ProgramPages } from "./program-pages.js";

const TWENTY_LINES = readFileSync(fileURLToPath(new URL("../../bench/twenty-lines.py", import.meta.url)), "utf8");
/** Parser and compiler paths (comprehensions, closures, classes, f-strings, try/finally, lambdas, star-args) and the VM's. */
const WIDE_PROGRAM = `import sys
def outer(n):
    total = 0
    def inner(k, *rest, scale=1, **kw):
        nonlocal total
        total += k * scale + len(rest) + len(kw)
        return total
    for i in range(n):
        inner(i, 1, 2, scale=2, z=3)
    return total, [x * x for x in range(n) if x % 2], {k: v for k, v in zip('abc', range(3))}
class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, {self.sides})"
class Square(Shape):
    sides = 4
try:
    print(outer(5), Square('sq'), sorted({3, 1, 2}), (lambda *a: sum(a))(1, 2, 3))
    1 / 0
except ZeroDivisionError as e:
    print('caught', type(e).__name__, e)
finally:
    print('done', sys.version_info[:2] == (3, 11), 2 ** 100, -7 // 2, 7.5 % 2)
`;
const PART_CHUNK = /\/lib\/_?pyheap-interpreter-part-[\w-]+\.js$/;
const SYNTAX_ERROR_PROGRAM = "x = 1\nif x\n    print(x)\n";

/** The library build's first interpreter chunk: the file marked for eager compilation that imports the second. */
function mainChunk(): string {
  const files = readdirSync(join(DIST, "lib")).filter((f) => f.endsWith(".js"));
  const found = files.filter((f) => {
    const code = readFileSync(join(DIST, "lib", f), "utf8");
    return code.startsWith("//# allFunctionsCalledOnLoad\n") && /from\s*"\.\/_?pyheap-interpreter-part-[\w-]+\.js"/.test(code);
  });
  expect(found, "the chunk that imports the second").toHaveLength(1);
  return found[0]!;
}

/** Holds every response for `file` back by `ms`. */
const slow = (file: string, ms: number) => async (p: Page): Promise<void> => {
  await p.route(new RegExp(`/lib/${file.replace(/[.-]/g, "\\$&")}$`), async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
};

/** Holds every response for `file` back until the page has set the performance mark `mark`, at most `ms`. */
const heldUntilMark = (file: string, mark: string, ms: number) => async (p: Page): Promise<void> => {
  const marked = (): Promise<boolean> => p.evaluate((m) => performance.getEntriesByName(m, "mark").length > 0, mark).catch(() => false);
  await p.route(new RegExp(`/lib/${file.replace(/[.-]/g, "\\$&")}$`), async (route) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline && !(await marked()); ) await new Promise((r) => setTimeout(r, 20));
    await route.continue();
  });
};

/** The page's performance marks by name (start times, ms). */
const marks = (p: Page): Promise<Record<string, number>> =>
  p.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])));

let pages: ProgramPages;

beforeAll(async () => {
  pages = await programPages({ "/twenty.html": TWENTY_LINES, "/wide.html": WIDE_PROGRAM, "/syntax.html": SYNTAX_ERROR_PROGRAM });
});
afterAll(async () => {
  await pages?.close();
});

describe("the interpreter's two chunks in the page", () => {
  it("are two files of the library build, the second holding the parser", () => {
    const part = readdirSync(join(DIST, "lib")).filter((f) => /^_?pyheap-interpreter-part-[\w-]+\.js$/.test(f));
    expect(part).toHaveLength(1);
    const code = readFileSync(join(DIST, "lib", part[0]!), "utf8");
    // the compiler's messages and the compile hint
    expect(code).toContain("'return' outside function");
    expect(code.startsWith("//# allFunctionsCalledOnLoad\n")).toBe(true);
  });

  it("are both asked for before the first run, which prints what python3 prints", async () => {
    for (const [path, program] of [
      ["twenty.html", TWENTY_LINES],
      ["wide.html", WIDE_PROGRAM],
    ] as const) {
      const { page: p, errors, requests } = await pages.open(path);
      expect(requests.filter((u) => PART_CHUNK.test(u)), path).toHaveLength(1);
      expect(await output(p), path).toEqual(python3(program));
      expect((await outcome(p)).status, path).toBe("ok");
      expect(errors, path).toEqual([]);
      await p.close();
    }
  });

  it("compile the program with the second chunk while the first is still on its way, and the run uses it", async () => {
    // The first chunk is held back until the page has compiled the program (or 30 s have passed): a fixed
    // delay of 1.5 s was not always enough for the second chunk's compile on a loaded machine.
    const { page: p, errors } = await pages.open("twenty.html", true, heldUntilMark(mainChunk(), "py-heap-view:program-compiled", 30_000));
    const m = await marks(p);
    expect(m["py-heap-view:program-compiled"], "compiled ahead").toBeDefined();
    expect(m["py-heap-view:program-compiled"]!).toBeLessThan(m["py-heap-view:interpreter-loaded"]!);
    expect(await output(p)).toEqual(python3(TWENTY_LINES));
    expect(errors).toEqual([]);
    await p.close();
  });

  it("leave a syntax error to the run, which reports it as python3 does", async () => {
    const { page: p, errors } = await pages.open("syntax.html", false, slow(mainChunk(), 1000));
    expect((await marks(p))["py-heap-view:program-compiled"]).toBeUndefined();
    // python3's last line of stderr: "SyntaxError: " and the message
    const stderr = python3(`import subprocess, sys\nr = subprocess.run([sys.executable, '-c', ${JSON.stringify(SYNTAX_ERROR_PROGRAM)}], capture_output=True, text=True)\nprint(r.stderr.strip().splitlines()[-1])\n`);
    const got = (await outcome(p)) as { status: string; message?: string; line?: number };
    expect(got.status).toBe("syntax-error");
    expect(`SyntaxError: ${got.message}`).toBe(stderr[0]);
    expect(got.line).toBe(2);
    expect(errors).toEqual([]);
    await p.close();
  });

  it("say the interpreter could not be loaded when the second cannot be fetched", async () => {
    const { server, url } = await serveStatic(DIST, { "/twenty.html": programPage(TWENTY_LINES) });
    const browser = await launchChromium();
    try {
      const p = await browser.newPage();
      await p.route(PART_CHUNK, (route) => route.fulfill({ status: 500, body: "no" }));
      await p.goto(`${url}twenty.html`);
      // the element gives up with its load error instead of drawing a trace
      const status = p.locator("py-heap-view [part=status]");
      await status.waitFor({ timeout: 30_000 });
      expect(await status.textContent()).toContain("the interpreter could not be loaded");
      expect(await p.locator("py-heap-view svg.diagram").count()).toBe(0);
    } finally {
      await browser.close();
      await new Promise((r) => server.close(r));
    }
  });
});
