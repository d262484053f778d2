// What a user meets before any program runs: help, version, and every way of asking wrongly.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { JS_STACK, program, pyheap, tempDir } from "./helpers.js";

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

function expectUsageError(args: string[], message: RegExp): void {
  const r = pyheap(args);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^pyheap: /);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(JS_STACK);
}

describe("help and version", () => {
  it("--version prints the package version", () => {
    const r = pyheap(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it("--help lists every command and shows examples", () => {
    const r = pyheap(["--help"]);
    expect(r.status).toBe(0);
    for (const command of ["run", "trace", "explain", "repl"]) expect(r.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(r.stdout).toMatch(/Examples:\n  pyheap run /);
  });

  it("each command's --help lists the shared limits", () => {
    for (const command of ["run", "trace", "explain", "repl"]) {
      const r = pyheap([command, "--help"]);
      expect(r.status).toBe(0);
      for (const flag of ["--gc-threshold", "--max-steps", "--max-heap", "--timeout", "--mode"]) expect(r.stdout).toContain(flag);
    }
    expect(pyheap(["trace", "--help"]).stdout).toMatch(/--json[\s\S]*--instructions|--from[\s\S]*--json/);
  });

  it("no arguments shows the help on stderr with status 2", () => {
    const r = pyheap([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Usage: pyheap/);
  });
});

describe("bad usage: one line, status 2", () => {
  it("an unknown command", () => expectUsageError(["frobnicate"], /unknown command 'frobnicate'/));
  it("an unknown option", () => expectUsageError(["run", "--frob", "x.py"], /unknown option '--frob'/));
  it("a missing file argument", () => expectUsageError(["run"], /missing required argument 'file'/));
  it("a file that does not exist", () =>
    expectUsageError(["run", "no/such/file.py"], /can't open file 'no\/such\/file.py': \[Errno 2\] No such file or directory/));
  it("a directory instead of a file", () => expectUsageError(["trace", tempDir()], /\[Errno 21\] Is a directory/));
  it("a malformed --gc-threshold", () => expectUsageError(["run", "--gc-threshold", "7,x", program("pass\n")], /--gc-threshold expects/));
  it("too many thresholds", () => expectUsageError(["run", "--gc-threshold", "1,2,3,4", program("pass\n")], /--gc-threshold/));
  it("a non-numeric --max-steps", () => expectUsageError(["run", "--max-steps", "lots", program("pass\n")], /--max-steps expects a positive whole number/));
  it("a zero --max-steps", () => expectUsageError(["run", "--max-steps", "0", program("pass\n")], /--max-steps/));
  it("a malformed --max-heap", () => expectUsageError(["run", "--max-heap", "12 parsecs", program("pass\n")], /--max-heap expects a size/));
  it("a malformed --timeout", () => expectUsageError(["run", "--timeout", "soon", program("pass\n")], /--timeout expects a duration/));
  it("an unknown --mode", () => expectUsageError(["run", "--mode", "notebook", program("pass\n")], /--mode expects script or repl/));
  it("--from after --to", () => expectUsageError(["trace", "--from", "9", "--to", "3", program("pass\n")], /--from 9 is after --to 3/));
});
