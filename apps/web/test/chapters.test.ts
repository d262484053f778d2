import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CHAPTERS, decodeProgram, encodeProgram } from "../demo/chapters.js";

describe("demo chapters", () => {
  it.each(CHAPTERS.filter((c) => c.mode !== "repl").map((c) => [c.slug, c.code] as const))("%s is a program python3 runs cleanly", (_slug, code) => {
    const r = spawnSync("python3", ["-c", code], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it.each(CHAPTERS.filter((c) => c.mode === "repl").map((c) => [c.slug, c.code] as const))("%s runs at python3's prompt without an error", (_slug, code) => {
    const r = spawnSync("python3", ["-i", "-q"], { encoding: "utf8", input: code });
    expect(r.status).toBe(0);
    expect(r.stderr.replace(/(>>> |\.\.\. )/g, "").trim()).toBe("");
    expect(r.stdout.trim().split("\n").length).toBeGreaterThan(0);
  });

  it("keeps programs in the URL hash losslessly", () => {
    const code = "s = '파이썬 — ü'\nprint(s + \"+/=\")\n";
    const enc = encodeProgram(code);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeProgram(enc)).toBe(code);
    expect(decodeProgram("%%%")).toBeNull();
  });
});
