// `pyheap run` as a user meets it, against real python3: same stdout, stderr and exit status on corpus
// programs and on errors; limits end a run with status 1 and a clear message, never a stack of ours.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, JS_STACK, program, pyheap } from "./helpers.js";

const corpus = fileURLToPath(new URL("../../../corpus/shared/", import.meta.url));
const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();

/** Runs python3 on `file` from its own folder, by bare name, as the corpus does. */
function python(file: string, input = ""): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(PYTHON, [basename(file)], {
    cwd: dirname(file),
    input,
    encoding: "utf8",
    env: { ...process.env, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function pyheapLikePython(file: string, extra: string[] = []) {
  return pyheap(["run", ...extra, basename(file)], { cwd: dirname(file) });
}

describe("pyheap run agrees with python3", () => {
  const cases = [
    "blog/01-list-append-same-id.py",
    "blog/02-int-plus-one-new-id.py",
    "blog/07-refcount-demo.py",
    "blog/09-get-set-threshold.py",
    "errors/01-zero-division.py",
    "errors/02-name-error-suggestion.py",
  ];
  for (const rel of cases) {
    it(rel, () => {
      const file = join(corpus, rel);
      const expected = python(file);
      const got = pyheapLikePython(file);
      expect(got.stdout).toBe(expected.stdout);
      expect(got.stderr).toBe(expected.stderr);
      expect(got.status).toBe(expected.status);
    });
  }

  it("a syntax error: python3's location and caret, a SyntaxError line, status 1", () => {
    const file = program("x = 1\nif x == 1\n    print(x)\n", "broken.py");
    const expected = python(file);
    const got = pyheapLikePython(file);
    expect(got.status).toBe(expected.status);
    expect(got.stdout).toBe("");
    // Where the error is and how it is pointed at, as python3 shows it; the message names a syntax error.
    expect(got.stderr.split("\n").slice(0, 3)).toEqual(expected.stderr.split("\n").slice(0, 3));
    expect(got.stderr.trimEnd().split("\n").at(-1)).toMatch(/^SyntaxError: /);
  });

  it("reads the program from standard input with -", () => {
    const source = readFileSync(join(corpus, "blog/01-list-append-same-id.py"), "utf8");
    const got = pyheap(["run", "-"], { input: source });
    expect(got.status).toBe(0);
    expect(got.stdout).toBe(readFileSync(join(corpus, "blog/01-list-append-same-id.out"), "utf8"));
  });
});

describe("--mode repl agrees with python3 -q -i < FILE", () => {
  for (const rel of ["repl/01-int-identity-per-line.py", "repl/03-caches-across-lines.py"]) {
    it(rel, () => {
      const file = join(corpus, rel);
      const expected = spawnSync(PYTHON, ["-q", "-i"], { input: readFileSync(file), encoding: "utf8" });
      const got = pyheap(["run", "--mode", "repl", file]);
      expect(got.stdout).toBe(expected.stdout);
      expect(got.stderr).toBe(expected.stderr);
      expect(got.status).toBe(expected.status);
    });
  }

  it("a traceback in REPL mode names <stdin>", () => {
    const file = program("x = 1\n1 / 0\nx\n");
    const expected = spawnSync(PYTHON, ["-q", "-i"], { input: readFileSync(file), encoding: "utf8" });
    const got = pyheap(["run", "--mode", "repl", file]);
    expect(got.stderr).toBe(expected.stderr);
    expect(got.stdout).toBe(expected.stdout);
  });
});

describe("limits", () => {
  it("an infinite loop stops at --max-steps with status 1", () => {
    const r = pyheap(["run", "--max-steps", "20000", program("n = 0\nwhile True:\n    n += 1\n")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/step/i);
    expect(r.stderr).not.toMatch(JS_STACK);
  });

  it("without --max-steps or --timeout a run is not limited, as python3: past the library's default 10 000 000 steps", () => {
    // ~14 M instructions (python3 ~0.3 s); stopped by the run's default step limit before
    const file = program("t = 0\nfor i in range(1_500_000):\n    t += i & 7\nprint(t)\n", "long.py");
    const expected = python(file);
    const got = pyheapLikePython(file);
    expect(got.stderr).toBe("");
    expect(got.stdout).toBe(expected.stdout);
    expect(got.status).toBe(0);
    // the same program under the library's default step limit (given explicitly) stops
    const r = pyheap(["run", "--max-steps", "10000000", file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/step limit of 10000000 exceeded/);
  });

  it("an infinite loop stops at --timeout with status 1", () => {
    const r = pyheap(["run", "--timeout", "300ms", "--max-steps", "1000000000000", program("while True:\n    pass\n")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/time/i);
    expect(r.stderr).not.toMatch(JS_STACK);
  });

  it("unbounded recursion: python3's RecursionError traceback", () => {
    const file = program("def down(n):\n    return down(n + 1)\ndown(0)\n", "deep.py");
    const expected = python(file);
    const got = pyheapLikePython(file);
    expect(got.status).toBe(expected.status);
    expect(got.stderr).toBe(expected.stderr);
  });

  it("a program past --max-heap is stopped with status 1 and says so", () => {
    const r = pyheap(["run", "--max-heap", "4M", program("chunks = []\nwhile True:\n    chunks.append([0] * 10000)\n")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/MemoryError|heap limit/);
    expect(r.stderr).not.toMatch(JS_STACK);
  });
});

describe("--memory", () => {
  it("adds a heap summary on stderr and leaves stdout as python3's", () => {
    const file = join(corpus, "blog/07-refcount-demo.py");
    const r = pyheapLikePython(file, ["--memory"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(python(file).stdout);
    expect(r.stderr).toMatch(/^pyheap memory summary$/m);
    expect(r.stderr).toMatch(/^  steps [1-9][\d,]*   wall [\d,]+ ms   peak heap [1-9][\d,]* bytes$/m);
    expect(r.stderr).toMatch(/collections  gen 0: \d+/);
    expect(r.stderr).toMatch(/leaked/);
  });
});

describe("colours", () => {
  // `script` gives the command a terminal, as a user's shell does.
  function onTerminal(env: Record<string, string>): string {
    const file = program("print('hi')\n");
    const r = spawnSync("script", ["-qec", `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} run --memory ${JSON.stringify(file)}`, "/dev/null"], {
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "", TERM: "xterm", ...env },
    });
    return r.stdout;
  }

  it("on a terminal the summary is coloured; with NO_COLOR it is not; through a pipe it is not", () => {
    expect(onTerminal({ NO_COLOR: "" })).toMatch(/\x1b\[1mpyheap memory summary/);
    expect(onTerminal({ NO_COLOR: "1" })).not.toMatch(/\x1b\[/);
    expect(pyheap(["run", "--memory", program("print('hi')\n")]).stderr).not.toMatch(/\x1b\[/);
  });
});

describe("input() reads pyheap run's standard input as python3's does", () => {
  const greet = 'name = input("Enter your name: ")\nprint("Hello,", name)\nn = input(42)\nprint(repr(n))\nwhile True:\n    print(len(input("> ")))\n';
  const inputs = {
    "lines, one without its newline": "Ann\n 7 \r\n\nlast",
    empty: "",
    // lines longer than one read of descriptor 0 (64 KiB), with characters of several bytes across reads
    "long lines": `Zoë\n${"é€x".repeat(30_000)}\n${"a".repeat(70_000)}\n`,
  };
  for (const [what, input] of Object.entries(inputs)) {
    it(what, () => {
      const file = program(greet, "greet.py");
      const expected = python(file, input);
      const got = pyheap(["run", basename(file)], { cwd: dirname(file), input });
      expect(got.stdout).toBe(expected.stdout);
      expect(got.stderr).toBe(expected.stderr);
      expect(got.status).toBe(expected.status);
    });
  }

  it("sys.stdin reads the same text, sharing its position with input()", () => {
    const src = 'import sys\nprint(repr(sys.stdin))\nprint(repr(sys.stdin.readline()))\nprint(repr(input()))\nfor line in sys.stdin:\n    print(line.split())\n';
    const file = program(src, "stdin_lines.py");
    for (const input of ["1 2\n3 4\n5 6\n7", ""]) {
      const expected = python(file, input);
      const got = pyheap(["run", basename(file)], { cwd: dirname(file), input });
      expect(got.stdout).toBe(expected.stdout);
      expect(got.stderr).toBe(expected.stderr);
      expect(got.status).toBe(expected.status);
    }
  });

  it("gets EOF when the program itself comes from standard input", () => {
    const got = pyheap(["run", "-"], { input: 'print("before")\ninput("? ")\n' });
    expect(got.stdout).toBe("before\n? ");
    expect(got.stderr).toMatch(/EOFError: EOF when reading a line\n$/);
    expect(got.status).toBe(1);
  });

  it("is said in pyheap run --help", () => {
    expect(pyheap(["run", "--help"]).stdout).toMatch(/input\(\) and sys.stdin read the program's standard input/);
  });
});

