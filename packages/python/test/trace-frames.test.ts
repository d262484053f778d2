/**
 * Frames shared between steps: a frame keeps its `locals` array while its locals are the same objects, and
 * gets a fresh one as soon as a name is bound to another object — also when the new object took the block
 * (the address) of the one it replaced, which only its serial tells apart.
 */
import { describe, expect, test } from "vitest";
import { run, Session } from "../src/index.js";
import { binding } from "./trace-helpers.js";

// Each iteration frees the previous int and makes a new one: their blocks alternate, so the same address
// comes back every other iteration with a different object.
const SRC = [
  "def f(n):",
  "    x = 0",
  "    for i in range(n):",
  "        x = 1000 + i",
  "        y = x",
  "    return x",
  "g = 0",
  "for j in range(6):",
  "    g = 2000 + j",
  "    h = f(3)",
  "def same_block(k):",
  "    x = 3000 + k",
  // the old int is freed before the new one is made: the new one takes its block, so x keeps its address
  "    x = None; x = 4000 + k",
  "    return x",
  "z = same_block(1)",
].join("\n");

describe("frames across steps", () => {
  const trace = run(SRC + "\n", { trace: "line" }).trace!;
  const session = new Session(trace);

  test("the object a name is bound to at each step has the value the program gave it", () => {
    let checked = 0;
    for (let k = 0; k < trace.steps.length; k++) {
      const view = session.step(k);
      const top = view.frames[view.frames.length - 1]!;
      if (top.name === "f" && view.line === 5) {
        // about to run `y = x`: x is 1000 + i
        const x = view.heap.get(binding(view.step, "x")!.serial)!;
        const i = view.heap.get(binding(view.step, "i")!.serial)!;
        expect(Number(x.repr)).toBe(1000 + Number(i.repr));
        checked++;
      }
      if (top.name === "<module>" && view.line === 10) {
        const g = view.heap.get(binding(view.step, "g")!.serial)!;
        const j = view.heap.get(binding(view.step, "j")!.serial)!;
        expect(Number(g.repr)).toBe(2000 + Number(j.repr));
        checked++;
      }
    }
    expect(checked).toBe(6 * 3 + 6);
  });

  test("a name rebound to a new object in the same block shows the new object", () => {
    const steps = trace.steps.map((s, k) => ({ s, k })).filter(({ s }) => s.frames[s.frames.length - 1]!.name === "same_block");
    const at = (line: number) => session.step(steps.find(({ s }) => s.line === line)!.k);
    const before = at(13);
    const after = at(14);
    const x0 = binding(before.step, "x")!;
    const x1 = binding(after.step, "x")!;
    expect(x1.id).toBe(x0.id);
    expect(x1.serial).not.toBe(x0.serial);
    expect(before.heap.get(x0.serial)!.repr).toBe("3001");
    expect(after.heap.get(x1.serial)!.repr).toBe("4001");
  });

  test("a step whose frame locals did not change shares the previous step's locals array", () => {
    let shared = 0;
    for (let k = 1; k < trace.steps.length; k++) {
      const a = trace.steps[k - 1]!.frames;
      const b = trace.steps[k]!.frames;
      for (let d = 0; d < Math.min(a.length, b.length); d++) {
        const same = a[d]!.locals.length === b[d]!.locals.length && a[d]!.locals.every((l, n) => l.name === b[d]!.locals[n]!.name && l.serial === b[d]!.locals[n]!.serial);
        if (a[d]!.name === b[d]!.name && same) {
          expect(b[d]!.locals).toBe(a[d]!.locals);
          shared++;
        } else expect(b[d]!.locals).not.toBe(a[d]!.locals);
      }
    }
    expect(shared).toBeGreaterThan(10);
  });
});
