/**
 * The recorder keeps a container's referent arrays (and a frame's locals entries) when a re-read finds
 * the same objects in the same slots. These programs change what a record or a frame must show in the
 * ways that reuse could hide: an item past a dict's shown part, then one inside it; an object made at
 * the address its slot held before (same address, another object); a name rebound the same way.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { run, Session, type Trace } from "../src/index.js";
import { binding, stepAtLine } from "./trace-helpers.js";

function python3(src: string): string[] {
  return execFileSync("python3", ["-c", src], { encoding: "utf8" }).trim().split("\n");
}

/** The record of the object `name` names at step i, and the records of its referents by label. */
function look(trace: Trace, i: number, name: string) {
  const view = new Session(trace).step(i);
  const b = binding(view.step, name)!;
  const o = view.heap.get(b.serial)!;
  const ref = (label: string) => {
    const r = o.referents.find((x) => x.label === label);
    return r && view.heap.get(r.serial);
  };
  return { view, o, ref };
}

describe("referents kept across re-reads", () => {
  test("a dict changed past its shown items, then inside them: each step shows python3's values", () => {
    const lines = ["d = {k: k * 1000 for k in range(40)}", "d[39] = -1", "d[0] = -2", "x = d[0]", "print(d[0], d[1], d[39], len(d))"];
    const src = lines.join("\n") + "\n";
    const [expected] = python3(src);
    const [v0, v1, , n] = expected!.split(" ");
    const trace = run(src, { trace: "line" }).trace!;
    // after d[39] = -1 (not among the 32 items shown): the shown items as before
    const before = look(trace, stepAtLine(trace, 3), "d");
    expect(before.ref("[0]")!.repr).toBe("0");
    expect(before.ref("[1]")!.repr).toBe(v1);
    expect(before.o.referentCount).toBe(2 * Number(n));
    // after d[0] = -2: the new value in slot [0], and it is the object x names next
    const after = look(trace, stepAtLine(trace, 4), "d");
    expect(after.ref("[0]")!.repr).toBe(v0);
    const atPrint = look(trace, stepAtLine(trace, 5), "d");
    expect(atPrint.o.referents.find((r) => r.label === "[0]")!.serial).toBe(binding(atPrint.view.step, "x")!.serial);
  });

  test("an object made at the address its dict slot held before is a new referent", () => {
    const lines = ["d = {'a': int('7' * 30)}", "d['a'] = None; d['a'] = int('8' * 30)", "x = d['a']", "print(x)"];
    const src = lines.join("\n") + "\n";
    const [expected] = python3(src);
    const trace = run(src, { trace: "line" }).trace!;
    const first = look(trace, stepAtLine(trace, 2), "d");
    const second = look(trace, stepAtLine(trace, 3), "d");
    const a1 = first.ref("['a']")!;
    const a2 = second.ref("['a']")!;
    // the case this test is about: the second int got the first one's block
    expect(a2.id).toBe(a1.id);
    expect(a2.serial).not.toBe(a1.serial);
    expect(a2.repr).toBe(expected);
    expect(second.view.heap.has(a1.serial)).toBe(false);
  });

  test("a name rebound to an object made at its old object's address shows the new object", () => {
    const lines = ["x = int('5' * 30)", "x = None; x = int('6' * 30)", "y = x", "print(x)"];
    const src = lines.join("\n") + "\n";
    const [expected] = python3(src);
    const trace = run(src, { trace: "line" }).trace!;
    const s1 = trace.steps[stepAtLine(trace, 2)]!;
    const s2 = trace.steps[stepAtLine(trace, 3)]!;
    const x1 = binding(s1, "x")!;
    const x2 = binding(s2, "x")!;
    expect(x2.id).toBe(x1.id);
    expect(x2.serial).not.toBe(x1.serial);
    const view = new Session(trace).step(stepAtLine(trace, 3));
    expect(view.heap.get(x2.serial)!.repr).toBe(expected);
  });
});
