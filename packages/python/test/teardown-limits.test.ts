/**
 * A step limit reached in the teardown (weakref's exit-time finalizers, the collections' __del__ methods)
 * or while an uncaught exception is printed (its __str__): the rest of the teardown still runs and the
 * exception is released, so the heap ends clean at every step count of the run.
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";

const FINALIZERS = `import weakref
class R:
    pass
def bye(name):
    total = 0
    for i in range(3):
        total += i
    print("bye", name, total)
a, b = R(), R()
weakref.finalize(a, bye, "a")
weakref.finalize(b, bye, "b")
keep = [a, b]
print("end")
`;

const STR_RAISED = `class E(ValueError):
    def __str__(self):
        total = 0
        for i in range(5):
            total += i
        return "bad " + str(total)
def check(x):
    raise E(x, [x])
check({"k": 1})
`;

describe("a step limit in the teardown or the uncaught exception's report", () => {
  it.each([
    ["weakref's exit-time finalizers", FINALIZERS],
    ["an uncaught exception's __str__", STR_RAISED],
  ])("leaves a clean heap at every step count through %s", (_name, source) => {
    const steps = runDetailed(source, {}).result.stats.steps;
    const bad: [number, string, number][] = [];
    for (let k = 1; k <= steps + 2; k++) {
      const { result, heap } = runDetailed(source, { limits: { maxSteps: k } }, { check: true });
      if (heap.leaked.length || !heap.check.ok) bad.push([k, result.outcome.status, heap.leaked.length]);
    }
    expect(steps).toBeGreaterThan(30);
    expect(bad).toEqual([]);
  });
});
