// `pyheap trace`, `explain` and `repl` on real runs of the blog's programs.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Trace } from "@pyheap/python";
import { describe, expect, it } from "vitest";
import { BIN, JS_STACK, program, pyheap } from "./helpers.js";

const corpus = fileURLToPath(new URL("../../../corpus/shared/", import.meta.url));
const blog1 = join(corpus, "blog/01-list-append-same-id.py");
const blog2 = join(corpus, "blog/02-int-plus-one-new-id.py");
const PYTHON = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();

describe("pyheap trace", () => {
  it("--json prints the trace in the published schema; its steps' output is python3's output", () => {
    const r = pyheap(["trace", "--json", blog1]);
    expect(r.status).toBe(0);
    const trace = JSON.parse(r.stdout) as Trace;
    expect(trace.version).toBe(1);
    expect(trace.granularity).toBe("line");
    expect(trace.outcome).toEqual({ status: "ok" });
    expect(trace.steps.length).toBeGreaterThan(10);
    trace.steps.forEach((s, i) => expect(s.index).toBe(i));
    const printed = trace.steps.map((s) => s.stdout).join("");
    expect(printed).toBe(execFileSync(PYTHON, [blog1], { encoding: "utf8" }));
  });

  it("--from/--to cut a self-contained piece with a keyframe at its start", () => {
    const trace = JSON.parse(pyheap(["trace", "--json", "--from", "3", "--to", "6", blog1]).stdout) as Trace;
    expect(trace.steps.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(trace.keyframes[0]!.step).toBe(0);
    expect(trace.keyframes[0]!.objects.length).toBeGreaterThan(0);
  });

  it("--instructions records bytecode steps with 3.11 opcode names", () => {
    const trace = JSON.parse(pyheap(["trace", "--json", "--instructions", program("x = [1]\n")]).stdout) as Trace;
    expect(trace.granularity).toBe("instruction");
    const names = trace.steps.map((s) => s.instruction?.opname);
    expect(names).toContain("BUILD_LIST");
  });

  it("shows each line with its source and the objects names point to", () => {
    const r = pyheap(["trace", blog1]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/line 2 {2}mutable = \['Hello'\]/);
    expect(r.stdout).toMatch(/mutable bound to list 0x\S+ {2}rc 1 {2}gen 0 {2}\d+ B {2}\['Hello'\]/);
    expect(r.stdout).toMatch(/steps; finished normally$/m);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it("a program with an exception: the trace ends with it and the status is 1", () => {
    const r = pyheap(["trace", program("x = 1\ny = x / 0\n")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ended with ZeroDivisionError: division by zero/);
    expect(r.stderr).not.toMatch(JS_STACK);
  });
});

describe("pyheap explain", () => {
  it("tells the blog's list example: append changes the list in place", () => {
    const r = pyheap(["explain", blog1]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^line 5: `mutable\.append\('World'\)` changes list 0x\S+ in place \(now \['Hello', 'World'\]\); its id is unchanged\./m);
  });

  it("tells the blog's int example: += 1 makes a new int", () => {
    const r = pyheap(["explain", blog2]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^line 5: `immutable \+= 1` immutable now refers to a new int 0x\S+ 1001/m);
  });

  it("puts the frees of the module's end (its code object and constants) after the last line, not in it", () => {
    const r = pyheap(["explain", program("x = [1]\ny = x\ndel x\n")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^line 3: `del x` the name x goes away; list 0x\S+ stays alive \(refcount 1\); then the module's code finishes: \d+ objects freed .*\bcode\b/m);
  });

  it("says why an automatic collection ran", () => {
    const r = pyheap(["explain", "--gc-threshold", "5", program("import gc\nitems = []\nfor i in range(20):\n    items.append([i])\n")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/generation 0 exceeded its threshold 5; the collector ran on generation 0/);
  });
});


describe("progress", () => {
  const long = program("total = 0\nfor i in range(30000):\n    total += i\n");

  it("draws a bar on stderr while a long trace records on a terminal, and none through a pipe", () => {
    // --timeout 10m: with the default wall-time limit the trace stopped at load 20 ('stopped by the time
    // limit', status 1, after 17 554 of its ~44 000 steps); how long it takes is not what is checked
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} trace --timeout 10m --max-trace-steps 200000 ${JSON.stringify(long)} > /dev/null`;
    const onTerminal = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { ...process.env, TERM: "xterm" } });
    expect(onTerminal.stdout).toMatch(/\rtracing [█░]{24} [\d,]+ steps/);
    const piped = pyheap(["trace", "--timeout", "10m", "--max-trace-steps", "200000", "--to", "5", long]);
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe("");
  });
});
