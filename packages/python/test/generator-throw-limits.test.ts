/**
 * A limit reached as a generator is resumed to have an exception thrown in (close() on its release, throw())
 * before the exception is raised at its yield: the reference taken for that raise is released, so the heap
 * ends clean at every step count (a GeneratorExit was left behind).
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";

const SOURCE = `def gen(n):
    try:
        for i in range(n):
            yield i
    finally:
        done = n
g = gen(3)
next(g)
del g
h = gen(2)
next(h)
try:
    h.throw(ValueError("stop"))
except ValueError:
    pass
for v in gen(2):
    break
while True:
    pass
`;

describe("a limit while an exception is thrown into a generator", () => {
  it("leaves a clean heap at every step count", () => {
    const bad: [number, string, number][] = [];
    for (let k = 1; k <= 120; k++) {
      const { result, heap } = runDetailed(SOURCE, { limits: { maxSteps: k } }, { check: true });
      if (result.outcome.status !== "limit" || heap.leaked.length || !heap.check.ok) bad.push([k, result.outcome.status, heap.leaked.length]);
    }
    expect(bad).toEqual([]);
  });
});
