// `pyheap repl` fed from standard input: REPL semantics, one unit per input, as python3 -i.
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { JS_STACK, pyheap } from "./helpers.js";

const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();

/** What python3's interactive prompt prints on stdout for the same input. */
function pythonRepl(input: string): string {
  return execFileSync(PYTHON, ["-q", "-i"], { input, encoding: "utf8", stdio: ["pipe", "pipe", "ignore"] });
}

/** python3 -q -i fed `input` on a pipe: its stdout, its stderr (the prompts) and its exit status. */
function pythonSession(input: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(PYTHON, ["-q", "-i"], { input, encoding: "utf8", env: { ...process.env, PYTHONUNBUFFERED: "1" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("pyheap repl", () => {
  it("echoes expression values and keeps names between inputs, as python3 -i", () => {
    const input = "a = [1]\na.append(2)\na\nfor i in range(2):\n    print(i * 10)\n\nlen(a)\n'text'\n";
    const r = pyheap(["repl"], { input });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(pythonRepl(input));
    expect(r.stderr).not.toMatch(JS_STACK);
  });

  it("a failing input prints its traceback and the session goes on", () => {
    const r = pyheap(["repl"], { input: "x = 1\n1 / 0\nprint(x + 1)\n" });
    expect(r.stderr).toMatch(/File "<stdin>", line 1, in <module>\nZeroDivisionError: division by zero/);
    expect(r.stdout).toBe("2\n");
  });

  it("prompts go to stderr; :help lists the commands; unknown commands are named", () => {
    const r = pyheap(["repl"], { input: ":help\n:frob\n" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/:why NAME/);
    expect(r.stderr).toMatch(/>>> /);
    expect(r.stderr).toMatch(/unknown command :frob/);
  });

  // Each input is typed at python3's prompt through a pipe; both streams and the status must be python3's,
  // prompts included: ">>> " before each statement, "... " before each line that continues one, and at the
  // end of input a last ">>> " and a newline.
  const piped: [string, string][] = [
    ["a block ended by a blank line", "for i in range(2):\n  print(i)\n\n"],
    ["brackets left open continue the statement, closing them ends it", "x = (1,\n2)\nx\nd = {1:\n 2}\nd\n"],
    ["a backslash continues a line; a triple-quoted string spans lines", "x = 1 + \\\n2\nx\ns = '''a\nb'''\ns\n"],
    ["blank and comment-only lines (one ending in a colon) at the prompt", "\n# note:\n   \nx = 1\n\nx\n\n"],
    ["if/else and try/except blocks, a def and its call", "if 1:\n  pass\nelse:\n  pass\n\ntry:\n  1/0\nexcept ZeroDivisionError:\n  print('z')\n\ndef f():\n  return 1\n\nf()\n"],
    ["a syntax error, an indented first line and a traceback: the session goes on", "x = = 1\n  y = 2\n1/0\nprint(3)\n"],
    ["what the program itself writes to stderr, prompt-like text included", "import sys\nsys.stderr.write('>>> ... not a prompt\\n')\nprint(1); print(2)\n"],
  ];
  it.each(piped)("piped input, prompts and all, as python3 -i: %s", (_name, input) => {
    const r = pyheap(["repl"], { input });
    const py = pythonSession(input);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(py);
  });

  it("sys.exit() ends the session with its status, as python3 -i (no later input runs, no last prompt)", () => {
    const input = "print(1)\nfor i in range(3):\n  print(i)\n\nimport sys\nsys.exit(3)\nprint(4)\n:gc\n";
    const r = pyheap(["repl"], { input });
    const py = pythonSession(input.replace(":gc\n", ""));
    expect(r.status).toBe(3);
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(py);
  });

  it("a heap command takes one prompt, like any line read; the session's prompts stay python3's", () => {
    const session = "a = [1, 2]\nfor x in a:\n  print(x)\n\n";
    const r = pyheap(["repl"], { input: `${session}:gc\nprint(len(a))\n` });
    const py = pythonSession(`${session}\nprint(len(a))\n`);
    expect(r.stderr).toBe(py.stderr);
    expect(r.stdout).toMatch(/^1\n2\nenabled yes {3}thresholds 700, 10, 10 .*\n2\n$/);
  });
});
