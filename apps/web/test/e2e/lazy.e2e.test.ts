/**
 * The interpreter's lazy chunk in the page (bundler/lazy.ts: the format-spec mini-language, pattern
 * matching, ranges past ±2**53, a constant's repr for one SyntaxError, a printed exception's text,
 * %-formatting and str.format, exec/eval/compile, the math, random and warnings modules, sys's struct sequences,
 * int.from_bytes): its own chunk, fetched by no chapter
 * nor the 20-line program, fetched before the first run of a program whose text names what it holds, and
 * otherwise by a second run when the first one reaches it; each program prints what python3 prints.
 * PYHEAP_WEB_DIST names a build written elsewhere than apps/web/dist to test (see program-pages.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { run } from "@pyheap/python";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayReachLazyChunk } from "../../bundler/lazy-sources.js";
import { CHAPTERS } from "../../demo/chapters.js";
import { python3Lines as python3 } from "./harness.js";
import { outcomeOf as outcome, outputLines as output, programPages, type ProgramPages } from "./program-pages.js";
const TWENTY_LINES = readFileSync(fileURLToPath(new URL("../../bench/twenty-lines.py", import.meta.url)), "utf8");

/** f-strings with specs, format(), str.format, printf-style %d %f %e %g %x %o, float.__format__, round(). */
const FORMAT_PROGRAM = `x, n = 3.14159, 42
print(f"{x:.2f}|{n:>6}|{n:#x}|{x:e}|{n:,}|{'ab':^7}|{x:g}|{1e20:g}")
print(format(n, '08b'), format(x, '.3%'), '{:>8.3f}|{:<4d}|{!r:>6}'.format(x, n, 'q'))
print('%d|%5.2f|%e|%g|%x|%o|%-4d|%+d' % (n, x, x, x, n, n, n, n))
print('%(a)05d' % {'a': 7}, (2.5).__format__('.1f'))
print(round(2.675, 2), round(-0.5), round(1234.5678, -2), round(1e300 * 10, 3))
try:
    format(n, 'q')
except ValueError as e:
    print('caught:', e)
`;
/** Class, sequence, mapping, alternative and capture patterns. */
const MATCH_PROGRAM = `class P:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
def show(v):
    match v:
        case P(0, y):
            return 'on the y axis at ' + str(y)
        case P(x=x, y=0):
            return 'on the x axis at ' + str(x)
        case [a, b, *rest]:
            return str((a, b, rest))
        case {'k': k, **others}:
            return str((k, others))
        case int() as num:
            return 'number ' + str(num)
        case _:
            return 'other'
for v in [P(0, 5), P(3, 0), [1, 2, 3, 4], {'k': 1, 'z': 2}, 7, 'x']:
    print(show(v))
`;
/** A range past 2**53 (its length, items, slices, repr, iterator), == and hash() of small ones: no word of the chunk. */
const BIG_RANGE_PROGRAM = `r = range(2 ** 60, 2 ** 61, 2 ** 55)
print(len(r), r[3], r[-1], r, 2 ** 60 + 2 ** 55 in r, r[1:3], list(reversed(r))[:2])
print(hash(range(3)) == hash(range(0, 3)), range(3) == range(0, 3, 1), iter(r).__class__.__name__)
`;
/** float.__format__ reached through a computed name: the first run stops there, the second has it. */
const HIDDEN_PROGRAM = "f = getattr(2.5, '__for' + 'mat__')\nprint(f('.3e'), f('>8'))\n";
/** The compiler's SyntaxError for a mapping pattern's duplicate key names the key by its repr. */
const DUPLICATE_KEY_PROGRAM = "v = 1\nmatch v:\n    case {1: a, 1.5: b, 1: c}:\n        pass\n";
/** An uncaught NameError, its traceback and its suggestion: no word of the chunk. */
const NAME_ERROR_PROGRAM = "def f():\n    return undefined_nme\nundefined_name = 1\nprint('before')\nf()\n";
/** sorted() and list.sort() with keys, reversed, stable. */
const SORT_PROGRAM = "xs = [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z')]\nprint(sorted(xs), sorted(xs, key=lambda p: p[0], reverse=True))\nys = list('pyheap')\nys.sort(key=str.upper)\nprint(ys)\n";
/** A finalizer run in the teardown (after the trace is drawn) that raises: "Exception ignored in" needs the traceback's text. */
const TEARDOWN_PROGRAM = "class A:\n    def __del__(self):\n        raise ValueError('in the finalizer')\na = A()\nprint('end')\n";
/** exec(), eval() and compile(), a str's %s / %r and str.format_map. */
const EXEC_PROGRAM = "ns = {}\nexec('x = 5\\nprint(x * 2)', ns)\nprint(eval('x + 1', ns), eval(compile('x * 3', 'f', 'eval'), ns))\nprint('%s-%r' % ('a', 'b'), '{x}!'.format_map(ns))\n";
/** The math module's functions. */
const MATH_PROGRAM = "import math\nprint(math.sqrt(2), math.floor(-2.5), math.gcd(12, 18), math.pi, math.hypot(3, 4), math.factorial(20))\nprint(math.fsum([0.1] * 10), math.isqrt(10 ** 20), math.isclose(0.1 + 0.2, 0.3))\n";
/** float ** float with non-integral exponents (the engine's Math.pow is one unit off python3 for each). */
const POW_PROGRAM = "xs = [(1.1, 2.9), (1.3, 0.7), (2.3, 0.3), (2.9, -0.7), (6.1, 1.3)]\nprint([x ** y for x, y in xs], pow(6.1, -1.3), 2.0 ** 0.5)\n";
/** The random module, seeded. */
const RANDOM_PROGRAM = "import random\nrandom.seed(42)\nxs = list(range(10))\nrandom.shuffle(xs)\nprint(random.random(), random.randint(1, 6), xs, random.sample('abcdef', 3), random.choice([10, 20, 30]))\n";
/** sys's struct sequences and int.from_bytes. */
const SYS_INFO_PROGRAM = "import sys\nprint(sys.float_info.max, sys.version_info[:2], sys.flags.optimize, sys.int_info.bits_per_digit)\nprint(int.from_bytes(b'\\x01\\x02', 'big'), int.from_bytes(bytearray(b'\\xff'), 'little', signed=True))\n";
/** str's rare methods: maketrans, translate, expandtabs, istitle, isnumeric. */
const STR_RARE_PROGRAM = "t = str.maketrans('ab', 'xy', 'c')\nprint('abcabc'.translate(t), 'a\\tbc\\td'.expandtabs(4), 'Ab Cd'.istitle(), '\\u4e09\\u767e'.isnumeric(), '12'.isnumeric(), 'x'.isnumeric())\n";
/** The warnings module: a warning shown through a replaced showwarning, and recorded ones. */
const WARNINGS_PROGRAM = "import warnings\nwarnings.showwarning = lambda m, c, f, n, file=None, line=None: print('shown:', c.__name__, m)\nwarnings.warn('careful')\nwith warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n    warnings.warn('kept', RuntimeWarning)\nprint(len(w), w[0].category.__name__, str(w[0].message))\n";
/** The interpreter's own DeprecationWarning (NotImplemented's truth), on a sys.stderr that prints its first line's category and text: no word of the chunk. */
const NOT_IMPLEMENTED_PROGRAM = "import sys\nclass E:\n    def write(self, s):\n        print(s.splitlines()[0].split(': ', 1)[1])\n    def flush(self):\n        pass\nsys.stderr = E()\nprint(bool(NotImplemented))\n";
/** A class's bases assigned, float.hex(), float.fromhex(), float.as_integer_ratio(): no word of the chunk. */
const RARE_METHODS_PROGRAM = "class A:\n    pass\nclass B:\n    def hi(self):\n        return 'B'\nclass C(A):\n    pass\nC.__bases__ = (B,)\nprint(C().hi(), [k.__name__ for k in C.__mro__])\nprint((0.1).hex(), float.fromhex('0x1.8p1'), (2.5).as_integer_ratio(), (-0.0).hex())\n";
/** complex(), open(), pow() with a modulus, an errno's OSError subclass, a UnicodeEncodeError made by hand, non-ASCII digits: no word of the chunk (nor of bytes'). */
const RARE_BUILTINS_PROGRAM = "print(complex('1+2j'), complex(1, 2), pow(3, -1, 7), OSError(2, 'gone').__class__.__name__)\ntry:\n    open('data.txt')\nexcept OSError as e:\n    print(type(e).__name__, e)\nprint(UnicodeEncodeError('ascii', 'x', 0, 1, 'bad').reason, int('\u0663\u0664'), float('\u0661.5'))\n";
/** A syntax error lezer's tree shows: its message needs the chunk. */
const SYNTAX_ERROR_PROGRAM = "x = (1 2)\n";

/** A range past 2**53 whose repr only the trace asks for (its repr, caught there, needs the chunk): no word of the chunk. */
const BIG_REPR_PROGRAM = "r = range(2 ** 60)\nx = 1\nprint(x)\n";
/** A generator finalised in the teardown whose finally raises: the report needs the traceback's text, and no word names it. */
const GENERATOR_TEARDOWN_PROGRAM = "def g():\n    try:\n        yield 1\n    finally:\n        raise ValueError('x')\nit = g()\nnext(it)\nprint('end')\n";
/** Names a word of the chunk, needs nothing of it. */
const NAMES_ONLY_PROGRAM = "# sorted output below\nprint(1 + 1)\n";

/** The lazy chunk, in either build. */
const LAZY_CHUNK = /\/_?pyheap-lazy-[\w-]+\.js$/;

let pages: ProgramPages;

beforeAll(async () => {
  pages = await programPages({
    "/twenty.html": TWENTY_LINES,
    "/format.html": FORMAT_PROGRAM,
    "/match.html": MATCH_PROGRAM,
    "/big.html": BIG_RANGE_PROGRAM,
    "/hidden.html": HIDDEN_PROGRAM,
    "/rare-methods.html": RARE_METHODS_PROGRAM,
    "/rare-builtins.html": RARE_BUILTINS_PROGRAM,
    "/duplicate.html": DUPLICATE_KEY_PROGRAM,
    "/name-error.html": NAME_ERROR_PROGRAM,
    "/sort.html": SORT_PROGRAM,
    "/exec.html": EXEC_PROGRAM,
    "/math.html": MATH_PROGRAM,
    "/random.html": RANDOM_PROGRAM,
    "/warnings.html": WARNINGS_PROGRAM,
    "/not-implemented.html": NOT_IMPLEMENTED_PROGRAM,
    "/sys-info.html": SYS_INFO_PROGRAM,
    "/str-rare.html": STR_RARE_PROGRAM,
    "/pow.html": POW_PROGRAM,
    "/teardown.html": TEARDOWN_PROGRAM,
    "/syntax-error.html": SYNTAX_ERROR_PROGRAM,
    "/big-repr.html": BIG_REPR_PROGRAM,
    "/generator-teardown.html": GENERATOR_TEARDOWN_PROGRAM,
    "/names-only.html": NAMES_ONLY_PROGRAM,
  });
});
afterAll(async () => {
  await pages?.close();
});

describe("the interpreter's lazy chunk", () => {
  it("is fetched by no chapter nor the 20-line program", async () => {
    for (const path of ["twenty.html", ...CHAPTERS.map((c) => `#${c.slug}`)]) {
      const { page: p, errors, requests } = await pages.open(path);
      expect(requests.filter((u) => LAZY_CHUNK.test(u)), path).toEqual([]);
      expect(errors, path).toEqual([]);
      await p.close();
    }
  });

  /** The page runs `program` (at `path`) to the end with python3's output, fetching the lazy chunk once. */
  async function printsWhatPython3Prints(path: string, program: string): Promise<void> {
    const expected = python3(program);
    const { page: p, errors, requests } = await pages.open(path);
    // (a teardown that reaches the chunk runs after the first diagram is drawn: its fetch may come later)
    await expect.poll(() => requests.filter((u) => LAZY_CHUNK.test(u)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(requests.filter((u) => LAZY_CHUNK.test(u)), path).toHaveLength(1);
    expect(await output(p), path).toEqual(expected);
    expect((await outcome(p)).status, path).toBe("ok");
    expect(errors, path).toEqual([]);
    await p.close();
  }

  it("is fetched once for programs that name what it holds, which print what python3 prints", async () => {
    for (const [path, program] of [["format.html", FORMAT_PROGRAM], ["match.html", MATCH_PROGRAM], ["sort.html", SORT_PROGRAM], ["exec.html", EXEC_PROGRAM], ["math.html", MATH_PROGRAM], ["random.html", RANDOM_PROGRAM], ["warnings.html", WARNINGS_PROGRAM], ["sys-info.html", SYS_INFO_PROGRAM], ["str-rare.html", STR_RARE_PROGRAM], ["teardown.html", TEARDOWN_PROGRAM]] as const) {
      expect(mayReachLazyChunk(program), path).toBe(true);
      await printsWhatPython3Prints(path, program);
    }
  });

  it("is fetched when a program reaches it without naming it, and the program is run again", async () => {
    // (the NameError and syntax error below reach it this way too)
    for (const [path, program] of [["big.html", BIG_RANGE_PROGRAM], ["hidden.html", HIDDEN_PROGRAM], ["pow.html", POW_PROGRAM], ["not-implemented.html", NOT_IMPLEMENTED_PROGRAM], ["rare-methods.html", RARE_METHODS_PROGRAM], ["rare-builtins.html", RARE_BUILTINS_PROGRAM]] as const) {
      expect(mayReachLazyChunk(program), path).toBe(false);
      await printsWhatPython3Prints(path, program);
    }
  });

  it("is fetched when only a caught error or the teardown reaches it, and the program is run again", async () => {
    for (const [path, program] of [["big-repr.html", BIG_REPR_PROGRAM], ["generator-teardown.html", GENERATOR_TEARDOWN_PROGRAM]] as const) {
      expect(mayReachLazyChunk(program), path).toBe(false);
      await printsWhatPython3Prints(path, program);
    }
    // the trace shows the range as the package's own build does
    const node = run(BIG_REPR_PROGRAM, { trace: "line" });
    const repr = "range(0, 1152921504606846976)";
    expect(JSON.stringify(node.trace)).toContain(repr);
    const { page: p } = await pages.open("big-repr.html");
    const shown = await p.evaluate(() => JSON.stringify((document.querySelector("py-heap-view") as unknown as { currentTrace: unknown }).currentTrace));
    expect(shown).toContain(repr);
    expect(shown).not.toContain("<range object at");
    await p.close();
  });

  it("leaves a program that only names what it holds running when the chunk cannot be fetched", async () => {
    expect(mayReachLazyChunk(NAMES_ONLY_PROGRAM)).toBe(true);
    const refuse = async (p: Page): Promise<void> => {
      await p.route(LAZY_CHUNK, (route) => route.fulfill({ status: 500, body: "no" }));
    };
    const { page: p, errors, requests } = await pages.open("names-only.html", true, refuse);
    expect(requests.filter((u) => LAZY_CHUNK.test(u)).length).toBeGreaterThan(0);
    expect(await output(p)).toEqual(python3(NAMES_ONLY_PROGRAM));
    expect((await outcome(p)).status).toBe("ok");
    // the failed fetch is the only error the page reports
    expect(errors.filter((e) => !/500|Failed to fetch dynamically imported module/.test(e))).toEqual([]);
    // a program that does need it then fails with a message that says what could not be loaded
    await p.locator("py-heap-view").evaluate((v, code) => ((v as unknown as { code: string }).code = code), SORT_PROGRAM);
    const status = p.locator("py-heap-view [part=status]");
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toContain("the interpreter's on-demand code could not be loaded");
    await p.close();
  });

  it("gives the errors whose text needs it as the package's own build does, with python3's message", async () => {
    const cases = [
      ["duplicate.html", DUPLICATE_KEY_PROGRAM, "mapping pattern checks duplicate key (1)"],
      ["syntax-error.html", SYNTAX_ERROR_PROGRAM, "invalid syntax. Perhaps you forgot a comma?"],
      ["name-error.html", NAME_ERROR_PROGRAM, "NameError: name 'undefined_nme' is not defined. Did you mean: 'undefined_name'?"],
    ] as const;
    for (const [path, program, message] of cases) {
      // python3's last line of stderr (for a SyntaxError, "SyntaxError: " and the message)
      const stderr = python3(`import subprocess, sys\nr = subprocess.run([sys.executable, '-c', ${JSON.stringify(program)}], capture_output=True, text=True)\nprint(r.stderr.strip().splitlines()[-1])\n`);
      expect(stderr[0], path).toContain(message);
      const node = run(program, { trace: "line" });
      expect(node.stderr, path).toContain(message);
      const { page: p, errors, requests } = await pages.open(path, false);
      expect(requests.filter((u) => LAZY_CHUNK.test(u)), path).toHaveLength(1);
      const got = await outcome(p);
      expect(got, path).toEqual(node.trace!.outcome);
      // the outcome has the exception's message; the output panel, for a program that ran, its last line
      if (path === "name-error.html") {
        expect(got, path).toMatchObject({ type: "NameError", message: "name 'undefined_nme' is not defined" });
        expect(await output(p), path).toContain(message);
      } else expect(JSON.stringify(got), path).toContain(JSON.stringify(message).slice(1, -1));
      expect(errors, path).toEqual([]);
      await p.close();
    }
  });
});
