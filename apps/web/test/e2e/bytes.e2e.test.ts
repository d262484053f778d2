/**
 * bytes' bodies (packages/python/src/builtins/bytes-impl.ts) in the page: their own chunk, fetched only for
 * a program that needs it (before its first run when its text names bytes, else by a second run), with
 * python3's output; and the same heap after set-up as the package's own build, which bundles them.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { run } from "@pyheap/python";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAPTERS } from "../../demo/chapters.js";
import { python3Lines as python3 } from "./harness.js";
import { outcomeOf, outputLines, programPages, type ProgramPages } from "./program-pages.js";

const TWENTY_LINES = readFileSync(fileURLToPath(new URL("../../bench/twenty-lines.py", import.meta.url)), "utf8");
/** bytes and bytearray made, searched, changed and converted, with a decode and an encode error caught by Python. */
const BYTES_PROGRAM = `data = 'h\\u00e9llo'.encode()
print(data, len(data), data.decode('latin-1'), data.upper().split(b'l'))
ba = bytearray(b'xy')
ba.append(122)
ba += b'!'
print(ba, list(ba), bytes.fromhex('ff00').hex(' '), [x for x in ba])
try:
    b'\\xff'.decode()
except UnicodeDecodeError as e:
    print('caught:', e)
try:
    'x\\u00e9'.encode('ascii')
except UnicodeEncodeError as e:
    print('caught:', e, e.start, e.end, e.reason)
`;
/** Reaches str.encode and bytes' methods without naming bytes: the first run stops there, the second has them. */
const HIDDEN_PROGRAM = "s = 'hi!'\nf = getattr(s, 'en' + 'code')\nx = f()\nprint(x, len(x), x.upper(), x.split(x[1:2]))\n";
/** Ids of objects made after set-up, then of bytes made with bytes' bodies. */
const IDS_PROGRAM = "xs = [object() for _ in range(3)]\nys = [[i] for i in range(3)]\nprint([id(x) for x in xs + ys], id('a' * 3), id(3.5 * len(ys)))\n";
const IDS_BYTES_PROGRAM = `${IDS_PROGRAM}bs = [b'ab' * i for i in range(3)] + [bytearray(b'xy').upper()]\nprint(bs, [id(b) for b in bs], id(b'x'.hex()))\n`;

/** The on-demand chunk of bytes' bodies, in either build. */
const BYTES_CHUNK = /\/_?pyheap-bytes-impl-[\w-]+\.js$/;

let pages: ProgramPages;

beforeAll(async () => {
  pages = await programPages({
    "/twenty.html": TWENTY_LINES,
    "/bytes.html": BYTES_PROGRAM,
    "/hidden.html": HIDDEN_PROGRAM,
    "/ids.html": IDS_PROGRAM,
    "/ids-bytes.html": IDS_BYTES_PROGRAM,
  });
});
afterAll(async () => {
  await pages?.close();
});

const open = (path: string): ReturnType<ProgramPages["open"]> => pages.open(path);
const output = outputLines;
const status = async (p: Page): Promise<string> => (await outcomeOf(p)).status;

describe("bytes' bodies loaded on demand", () => {
  it("are fetched by no chapter nor the 20-line program", async () => {
    for (const path of ["twenty.html", ...CHAPTERS.map((c) => `#${c.slug}`)]) {
      const { page: p, errors, requests } = await open(path);
      expect(requests.filter((u) => BYTES_CHUNK.test(u)), path).toEqual([]);
      expect(errors, path).toEqual([]);
      await p.close();
    }
  });

  it("are fetched once for a program that names bytes, which prints what python3 prints", async () => {
    const expected = python3(BYTES_PROGRAM);
    const { page: p, errors, requests } = await open("bytes.html");
    expect(requests.filter((u) => BYTES_CHUNK.test(u))).toHaveLength(1);
    expect(await output(p)).toEqual(expected);
    expect(await status(p)).toBe("ok");
    expect(errors).toEqual([]);
    await p.close();
  });

  it("are fetched when a program reaches them without naming bytes, and the program is run again", async () => {
    const expected = python3(HIDDEN_PROGRAM);
    const { page: p, errors, requests } = await open("hidden.html");
    expect(requests.filter((u) => BYTES_CHUNK.test(u))).toHaveLength(1);
    expect(await output(p)).toEqual(expected);
    expect(await status(p)).toBe("ok");
    expect(errors).toEqual([]);
    await p.close();
  });

  it("leave the heap after set-up as the package's own build makes it: the same ids, loaded or not", async () => {
    for (const [path, program, loaded] of [["ids.html", IDS_PROGRAM, false], ["ids-bytes.html", IDS_BYTES_PROGRAM, true]] as const) {
      const node = run(program, { trace: "line" });
      expect(node.exitCode, path).toBe(0);
      const { page: p, errors, requests } = await open(path);
      expect(requests.filter((u) => BYTES_CHUNK.test(u)), path).toHaveLength(loaded ? 1 : 0);
      expect(await output(p), path).toEqual(node.stdout.trimEnd().split("\n"));
      expect(errors, path).toEqual([]);
      await p.close();
    }
  });
});
