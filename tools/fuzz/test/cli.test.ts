import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = join(__dirname, "..", "fuzz.mjs");
/**
 * Runs fuzz.mjs. The call blocks the test's thread, so vitest's timeout cannot end it: `timeout` (ms, 5 min
 * by default) kills the command instead, and the test then fails on its exit status.
 */
const SPAWN_MS = 300_000;
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: SPAWN_MS });

describe("fuzz.mjs command line", () => {
  it("--help prints the usage and exits 0", () => {
    const r = cli("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--seed S");
    expect(r.stdout).toMatch(/known-difference flags: .*fstring-nested-quotes/);
  });

  it.each([["--count", "x"], ["--seed", "1.5"], ["--only", "nosuchkind"], ["--with", "nosuchflag"], ["--bogus", "now"]])("misuse %s %s exits 2 with a message", (...args) => {
    const r = cli(...args.filter(Boolean));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fuzz: /);
    expect(r.stdout).toBe("");
  });

  it("a known difference asked for with --with is found, shrunk and written out", () => {
    const out = mkdtempSync(join(tmpdir(), "fuzz-cli-"));
    try {
      // expression programs only; with 3.12's f-string spelling on (a backslash or the f-string's own quote
      // in a replacement field) python3 3.11 rejects the program, pyheap runs it. When pyheap's parser
      // rejects it too, drop the flag (gen.mjs, README) and pick another.
      // The shrink runs to its end (a time limit well past it): the program checked below is the fully shrunk
      // one, which a shrink cut off after 8 s of wall time did not reach at load 10-16 (about 45 runs of each
      // interpreter took 64 s there, ~6 s of it CPU time). A shrink that does not end within 4 min fails the
      // test (and the command is killed at SPAWN_MS) instead of holding CI for an hour.
      const r = cli("--seed", "3", "--count", "6", "--only", "expr", "--with", "fstring-nested-quotes", "--shrink-time", "240", "--out", out);
      expect(r.stderr).toContain("6 programs");
      expect(r.status).toBe(1);
      const dirs = readdirSync(out).filter((d) => !d.startsWith("unstable"));
      expect(dirs.length).toBeGreaterThan(0);
      const program = readFileSync(join(out, dirs[0]!, "fuzz.py"), "utf8");
      expect(program).toContain(`f'{0} {"\\n"!r} {0.0:.3}'`);
      expect(readFileSync(join(out, dirs[0]!, "python.err"), "utf8")).toContain("SyntaxError: f-string expression part cannot include a backslash");
      expect(readFileSync(join(out, dirs[0]!, "pyheap.err"), "utf8")).not.toContain("SyntaxError");
      expect(r.stdout).toContain("=== mismatch 1 (stdout");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, SPAWN_MS + 60_000);
});
