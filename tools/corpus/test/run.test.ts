import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const runner = join(here, "..", "run.mjs");
const root = join(here, "..", "..", "..");

function corpus(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return corpusIn(undefined, ...args);
}
function corpusIn(cwd: string | undefined, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return corpusWith({}, cwd, ...args);
}
function corpusWith(env: Record<string, string>, cwd: string | undefined, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [runner, ...args], { timeout: 600_000, cwd, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir: string;
let cases: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pyheap-corpus-"));
  cases = join(dir, "cases", "demo");
  // Expected outputs written here are what python3 prints for these one-liners (and the failing one is
  // deliberately wrong).
  const fs = { good: ["print([1] * 2)\n", "[1, 1]\n"], bad: ["print(2 + 2)\n", "5\n"], raises: ["1 / 0\n", ""] };
  for (const [name, [py, out]] of Object.entries(fs)) {
    const base = join(cases, name);
    mkdirSync(dirname(base), { recursive: true });
    writeFileSync(base + ".py", py);
    writeFileSync(base + ".out", out);
  }
  writeFileSync(
    join(cases, "raises.err"),
    'Traceback (most recent call last):\n  File "raises.py", line 1, in <module>\n    1 / 0\n    ~~^~~\nZeroDivisionError: division by zero\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("corpus runner", () => {
  it("explains itself with --help and refuses unknown options with exit 2", async () => {
    const help = await corpus("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--ratchet/);
    expect(help.stdout).toMatch(/--filter TEXT/);
    const bad = await corpus("--no-such-option");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no-such-option/);
  });

  it("reports a missing folder with exit 2", async () => {
    const r = await corpus(join(dir, "nowhere"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such folder/);
  });

  it("compares stdout and stderr byte for byte and counts passes and failures", async () => {
    const json = join(dir, "result.json");
    const r = await corpus(cases, "--json", json, "--verbose");
    expect(r.stdout).toMatch(/2 passed, 1 failed/);
    expect(r.stdout).toMatch(/FAIL .*bad\.py: stdout differs/);
    const report = JSON.parse(readFileSync(json, "utf8"));
    const bad = report.results.find((c: { case: string }) => c.case.endsWith("bad.py"));
    expect(bad.stdout).toBe("4\n");
    expect(bad.expectedStdout).toBe("5\n");
  });

  it("fails a case its limits stopped, whatever it printed: the step limit, and its CPU time for a builtin that runs on", async () => {
    // neither prints anything, as their (absent) expected outputs say
    const limits = join(dir, "limits");
    mkdirSync(limits, { recursive: true });
    writeFileSync(join(limits, "loop.py"), "while True:\n    pass\n");
    writeFileSync(join(limits, "builtin.py"), "sum(range(10 ** 15))\n");
    const r = await corpusWith({ PYHEAP_CORPUS_CASE_CPU_MS: "1000" }, undefined, limits, "--verbose");
    expect(r.stdout).toMatch(/FAIL .*loop\.py: stopped by a limit \(steps: step limit of 10000000 exceeded\)/);
    expect(r.stdout).toMatch(/FAIL .*builtin\.py: stopped by a limit \(time: run interrupted\)/);
    expect(r.stdout).toMatch(/0 passed, 2 failed/);
  }, 600_000);

  it("keeps a ratchet: adds passing cases, then fails when one of them breaks", async () => {
    const ratchetFile = join(dir, "ratchet.txt");
    writeFileSync(ratchetFile, "");
    const add = await corpus(cases, "--ratchet-file", ratchetFile, "--update-ratchet");
    expect(add.stdout).toMatch(/ratchet: 2 case\(s\) added, 2 in total/);
    const listed = readFileSync(ratchetFile, "utf8").trim().split("\n");
    expect(listed).toEqual([relative(root, join(cases, "good.py")), relative(root, join(cases, "raises.py"))]);

    const ok = await corpus(cases, "--ratchet-file", ratchetFile, "--ratchet");
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split("\n").at(-1)).toBe("ratchet: 2 passed, 0 failed");

    writeFileSync(join(cases, "good.out"), "[1, 1, 1]\n");
    const broken = await corpus(cases, "--ratchet-file", ratchetFile, "--ratchet");
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/good\.py no longer passes/);
    expect(broken.stdout.trim().split("\n").at(-1)).toBe("ratchet: 1 passed, 1 failed");
  });

  it("--cli runs each case through the built pyheap command and checks its exit status too", async () => {
    const statusFile = join(dir, "cases", "exit-status.json");
    // python3 exits 0 for the two printing programs and 1 for the uncaught ZeroDivisionError.
    writeFileSync(statusFile, JSON.stringify({ "demo/good.py": 0, "demo/bad.py": 0, "demo/raises.py": 1 }));
    writeFileSync(join(cases, "good.out"), "[1, 1]\n");
    const r = await corpus(cases, "--cli", "--status-file", statusFile, "--verbose");
    expect(r.stdout).toMatch(/2 passed, 1 failed/);
    expect(r.stdout).toMatch(/FAIL .*bad\.py: stdout differs/);

    writeFileSync(statusFile, JSON.stringify({ "demo/good.py": 0, "demo/bad.py": 0, "demo/raises.py": 0 }));
    const wrong = await corpus(cases, "--cli", "--status-file", statusFile, "--verbose");
    expect(wrong.stdout).toMatch(/FAIL .*raises\.py: exit status 1, python3's is 0/);

    writeFileSync(statusFile, JSON.stringify({ "demo/good.py": 0 }));
    const missing = await corpus(cases, "--cli", "--status-file", statusFile, "--verbose");
    expect(missing.stdout).toMatch(/FAIL .*raises\.py: no exit status recorded/);
  });

  it("--cli with a folder given relative to the current directory still reads tracebacks by the bare file name", async () => {
    // The command names the script by its absolute path, as python3 does; the runner takes the case's
    // folder out of it whether the folder was given absolute or relative.
    const statusFile = join(dir, "cases", "exit-status.json");
    writeFileSync(statusFile, JSON.stringify({ "demo/good.py": 0, "demo/bad.py": 0, "demo/raises.py": 1 }));
    const r = await corpusIn(dir, join("cases", "demo"), "--cli", "--status-file", statusFile, "--verbose");
    expect(r.stdout).not.toMatch(/FAIL .*raises\.py/);
    expect(r.stdout).toMatch(/2 passed, 1 failed/);
  });
});
