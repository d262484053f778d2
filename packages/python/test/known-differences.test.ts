/**
 * Behaviours that once differed from python3 and that the corpus cannot show (its programs import only gc,
 * sys, weakref and copy): each program runs in python3 and in runDetailed(), with the same output expected.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-known-differences-");

describe("known differences from python3", () => {
  it("operator.length_hint: a class's __len__ or __length_hint__, its errors, bool and huge hints", () => {
    expectSameAsPython(
      cpython,
      "length-hint",
      `import operator
class H:
    def __init__(self, h): self.h = h
    def __length_hint__(self):
        if isinstance(self.h, BaseException): raise self.h
        return self.h
class S(list):
    def __init__(self, h): self.h = h
    def __len__(self): return self.h
for h in [0, 5, True, False, -1, "x", 2.5, None, NotImplemented, TypeError("t"), ValueError("v"), 2**63, -2**70]:
    for o in [H(h), S(h)]:
        try:
            r = operator.length_hint(o, 7)
            print(type(o).__name__, repr(h), type(r).__name__, r)
        except Exception as e:
            print(type(o).__name__, repr(h), type(e).__name__, e)
print(operator.length_hint(H(2**63 - 1)))
for d in [3, True, 2**63, -2**63 - 1, "x"]:
    try:
        print(repr(d), operator.length_hint(object(), d))
    except Exception as e:
        print(repr(d), type(e).__name__, e)
`,
    );
  });

  it("a length hint past what the heap can hold is a MemoryError (it wrapped to a small room)", () => {
    expectSameAsPython(
      cpython,
      "huge-hint",
      `import sys
class H:
    def __init__(self, h): self.h = h
    def __length_hint__(self): return self.h
    def __iter__(self): return iter([1, 2])
for h in [2**40, 2**48 + 5, 2**62]:
    try:
        print(sys.getsizeof(list(H(h))))
    except MemoryError:
        print(h, "MemoryError")
`,
    );
  });
});
