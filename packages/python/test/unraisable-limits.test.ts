/**
 * A limit reached while an "Exception ignored in:" report is written (the __repr__ of the object named, or
 * the __str__ of the exception ignored) stops the program at its next step, with a clean heap: the report
 * used to throw the limit past its caller, which kept the exception and what it held.
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";

const LOOPING_REPR = `class C:
    def __repr__(self):
        while True:
            pass
    @property
    def __del__(self):
        # the finalizer looked up on the instance is a bound method: its repr shows the instance's
        return self.close
    def close(self):
        raise ValueError("closing failed")
c = C()
del c
print("not reached")
`;

const LOOPING_STR = `class E(Exception):
    def __str__(self):
        while True:
            pass
class C:
    def __del__(self):
        raise E()
c = C()
del c
print("not reached")
`;

describe("a limit inside an unraisable-exception report", () => {
  it.each([
    ["the object's __repr__", LOOPING_REPR],
    ["the exception's __str__", LOOPING_STR],
  ])("in %s stops the run at the step limit and leaves a clean heap", (_name, source) => {
    const { result, heap } = runDetailed(source, { limits: { maxSteps: 5_000 } }, { check: true });
    expect(result.outcome).toMatchObject({ status: "limit", limit: "steps" });
    expect(result.stdout).toBe("");
    expect(heap.leaked).toEqual([]);
    expect(heap.check.ok).toBe(true);
  });
});
