// `pyheap repl` fed from standard input: REPL semantics, one unit per input, as python3 -i.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { JS_STACK, pyheap } from "./helpers.js";

const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();

/** What python3's interactive prompt prints on stdout for the same input. */
function pythonRepl(input: string): string {
  return execFileSync(PYTHON, ["-q", "-i"], { input, encoding: "utf8", stdio: ["pipe", "pipe", "ignore"] });
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
});
