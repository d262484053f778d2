import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";

/**
 * A limit reached inside a class's __init__ run by the eval loop itself (classes.ts classInitFrame): the
 * loop releases every frame and the half-made instance, whose release runs a __del__ that reaches the
 * limit again; the frames below must still be released (the heap keeps nothing but the interpreter's own).
 */
const SOURCE = `class D:
    def __del__(self):
        x = [1, 2, 3]
class A:
    def __init__(self):
        self.d = D()
        while True:
            pass
def make():
    return [A()]
make()
`;

describe("a limit inside __init__", () => {
  it("leaves a clean heap at every step limit past the class definitions", () => {
    const leaky: string[] = [];
    for (let steps = 60; steps <= 400; steps += 7) {
      const { result, heap } = runDetailed(SOURCE, { filename: "init-limit.py", limits: { maxSteps: steps } });
      expect(result.outcome).toMatchObject({ status: "limit", limit: "steps" });
      if (heap.leaked.length || !heap.check.ok) leaky.push(`${steps}: ${heap.leaked.length} leaked`);
    }
    expect(leaky).toEqual([]);
  });

  it("leaves a clean heap when the limit is reached inside a __del__ or a gc callback, or before teardown would run them", () => {
    const source = `import gc
class D:
    def __del__(self):
        x = [1, 2, 3]
        y = x * 2
class A:
    def __init__(self, n):
        self.d = D()
        self.e = [D(), D()]
        if n > 2:
            raise ValueError(n)
        self.n = n
gc.callbacks.append(lambda phase, info: [phase])
def f():
    out = []
    for i in range(6):
        try:
            out.append(A(i))
        except ValueError as e:
            out.append(str(e))
        k = D()
        out.append(k)
    gc.collect()
    return out
keep = f()
print(len(keep))
`;
    const full = runDetailed(source, { filename: "del-limit.py" });
    expect(full.result.stdout).toBe("12\n");
    const leaky: string[] = [];
    for (let steps = 1; steps < full.result.stats.steps; steps += 3) {
      const { result, heap } = runDetailed(source, { filename: "del-limit.py", limits: { maxSteps: steps } });
      expect(result.outcome).toMatchObject({ status: "limit", limit: "steps" });
      if (heap.leaked.length || !heap.check.ok) leaky.push(`${steps}: ${heap.leaked.length} leaked`);
    }
    expect(leaky).toEqual([]);
  });
});
