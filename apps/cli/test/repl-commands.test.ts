// The REPL's heap commands on real runs (they read the last step of a line trace).
import { describe, expect, it } from "vitest";
import { JS_STACK, pyheap } from "./helpers.js";

describe("pyheap repl", () => {
  it("echoes values, keeps names between inputs, and answers :refs, :why, :gc", () => {
    const input = ["a = [1]", "a.append(2)", "a", "b = {'k': a}", ":refs a", ":why a", ":gc", ":quit", ""].join("\n");
    const r = pyheap(["repl"], { input });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\[1, 2\]$/m);
    expect(r.stdout).toMatch(/held by dict 0x\S+ /);
    expect(r.stdout).toMatch(/^ {2}b → dict 0x\S+ \['k'\] → list 0x\S+$/m);
    expect(r.stdout).toMatch(/thresholds 700, 10, 10/);
    expect(r.stderr).not.toMatch(JS_STACK);
  });

});

