/** input() reads the run's `stdin` option (a text or a line-by-line function) as python3 reads its stdin. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDetailed, type RunOptions } from "../src/index.js";
import { PYTHON } from "./cpython.js";

const dir = mkdtempSync(join(tmpdir(), "pyheap-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectSame(source: string, stdin: string, extra: RunOptions = {}): void {
  writeFileSync(join(dir, "prog.py"), source);
  const want = spawnSync(PYTHON, ["prog.py"], { cwd: dir, input: stdin, encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
  const { result, heap } = runDetailed(source, { filename: "prog.py", stdin, ...extra });
  expect(result.stdout).toBe(want.stdout);
  expect(result.stderr).toBe(want.stderr.split(dir + "/").join(""));
  expect(result.exitCode).toBe(want.status);
  expect(heap.leaked).toEqual([]);
}

const PROG = `name = input("Enter your name: ")
print("Hello,", name)
n = input(42)
print(repr(n), len(n))
for bad in [("x", 1), ()]:
    try:
        input(*bad, prompt="p") if not bad else input(*bad)
    except TypeError as e:
        print(e)
print(repr(input()))
while True:
    print(repr(input("more> ")))
`;

describe("input()", () => {
  it("prompts, strips the newline, keeps a last line without one, raises EOFError at the end", () => {
    expectSame(PROG, "Bob\n 7 \r\n\nno-newline");
    expectSame(PROG, "Bob\n7\nx\n\n\n");
  });
  it("writes its prompt before the EOFError of an empty stdin, and without the option", () => {
    expectSame(PROG, "");
    const r = runDetailed(PROG, { filename: "prog.py" }).result;
    expect(r.stdout).toBe("Enter your name: ");
    expect(r.stderr).toMatch(/EOFError: EOF when reading a line\n$/);
  });
  it("asks a function for each line only when input() runs, after the prompt is written", () => {
    const given = ["Ann\n", "5"];
    let out = "";
    const asked: string[] = [];
    const src = `print("start")\na = input("a? ")\nprint(a)\nb = input()\nprint(int(b) * 2)\ninput("c? ")\n`;
    const r = runDetailed(src, {
      stdin: () => {
        asked.push(out);
        return given.shift() ?? null;
      },
      onStdout: (t) => (out += t),
    }).result;
    expect(asked).toEqual(["start\na? ", "start\na? Ann\n", "start\na? Ann\n10\nc? "]);
    expect(r.stdout).toBe("start\na? Ann\n10\nc? ");
    expect(r.stderr).toMatch(/EOFError: EOF when reading a line\n$/);
  });
  it("reads sys.stdin (readline, read, readlines, iteration) over the same text, from where input() is", () => {
    const src = `import sys
print(type(sys.stdin).__name__)
print(repr(sys.stdin), sys.stdin is sys.__stdin__)
first = sys.stdin.readline()
print(repr(first))
print(repr(input("name? ")))
n = int(sys.stdin.readline())
print(n)
for line in sys.stdin:
    print("line:", repr(line))
    if line.startswith("stop"):
        break
print(repr(sys.stdin.read(3)), repr(sys.stdin.readline(2)), repr(sys.stdin.readline()))
print(sys.stdin.readlines(1))
print(sys.stdin.readlines())
print(repr(sys.stdin.readline()), repr(sys.stdin.read()), sys.stdin.readlines())
for line in sys.stdin:
    print("never")
try:
    input()
except EOFError as e:
    print("EOF", e)
`;
    expectSame(src, "first\nAnn\n42\na\nb\nstop here\nxyzzy\nhello\nq1\nq2\nr1\nr2\nlast-no-newline");
    expectSame(src, "first\nAnn\n42\n");
    expectSame(src, "");
    const sized = `import sys
print(sys.stdin.readlines(6))
print(sys.stdin.readlines(0))
print(repr(sys.stdin.read()))
print(repr(sys.stdin.readline()), repr(sys.stdin.read(5)), sys.stdin.readlines())
print(type(sys.stdin).__name__, sys.stdin.isatty())
try:
    sys.stdin.readline("x")
except TypeError as e:
    print(e)
try:
    sys.stdin.read(1.5)
except TypeError as e:
    print(e)
`;
    expectSame(sized, "q1\nq2\nr1\nr2\ns\n");
    expectSame(sized, "");
  });
  it("asks a function for sys.stdin's lines only as they are read", () => {
    const given = ["a\n", "b\n", "c"];
    const src = `import sys\nprint(sys.stdin.readline(), end="")\nprint("then")\nprint(sys.stdin.read())\n`;
    let out = "";
    const asked: string[] = [];
    const r = runDetailed(src, { stdin: () => (asked.push(out), given.shift() ?? null), onStdout: (t) => (out += t) }).result;
    expect(r.stdout).toBe("a\nthen\nb\nc\n");
    expect(asked).toEqual(["", "a\nthen\n", "a\nthen\n", "a\nthen\n"]);
  });
  it("records the prompt in the trace at the step of the input() call", () => {
    // at the step a print() of the prompt in its place would have it (the output since the previous step)
    const outs = (src: string) => runDetailed(src, { stdin: "ok\n", trace: "line" }).result.trace!.steps.map((s) => [s.line, s.stdout]);
    const traced = outs(`x = 1\ny = input("y? ")\nprint(y)\n`);
    expect(traced).toEqual(outs(`x = 1\ny = print("y? ", end="") or "ok"\nprint(y)\n`));
    expect(traced.map((s) => s[1]).join("")).toBe("y? ok\n");
  });
});
