/**
 * A function's __annotations__ set or deleted is its own field, as python3's: deleting it (or setting None)
 * gives a new empty dict on the next read, and setting it leaves no instance __dict__ behind.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-func-annotations-");

describe("function __annotations__", () => {
  it("is set, deleted and set to None in the function's own field", () =>
    expectSameAsPython(
      cpython,
      "func-annotations",
      `import sys
def f(a: int, b: str = "x") -> None:
    pass
kept = f.__annotations__
f.__annotations__ = {"q": 1}
print(f.__annotations__, kept, f.__dict__, sys.getrefcount(kept))
del f.__annotations__
print(f.__annotations__, f.__dict__)
f.__annotations__ = None
print(f.__annotations__, f.__annotations__ is f.__annotations__)
`,
    ));
});
