/**
 * Errors of a call's keyword arguments as python3 gives them: min() and max() count their positional
 * arguments before they look at the keywords (max(**{1: 2}) is "max expected at least 1 argument, got 0"),
 * with their own words for a keyword they do not take, and a keyword given twice through a ** mapping that
 * is no dict is "f() got multiple values for keyword argument", before the mapping's value is read.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-call-kwargs-");

const MIN_MAX = `try:
    max(**{(1, 2): 2})
except TypeError as e:
    print(e)
class C:
    pass
for kw in ({1: 2}, {(1, 2): 2}):
    try:
        C(**kw)
    except TypeError as e:
        print(e)
for f in (max, min):
    for kw in ({1: 2}, {"a": 1}, {"key": len}, {"default": 3, 1: 2}, {(1, 2): 2}, {1000000001: 3, "x" * 40: 1, 2.5: 0}):
        try:
            f(**kw)
        except TypeError as e:
            print(e)
for args in ((1, 2), ([3],), ()):
    try:
        print(max(*args, foo=1))
    except TypeError as e:
        print(e)
    try:
        print(min(*args, key=abs, default=0, bar=2))
    except TypeError as e:
        print(e)
`;

const MAPPING = `class M:
    def __init__(self, d):
        self.d = d
    def keys(self):
        print("keys")
        return list(self.d)
    def __getitem__(self, k):
        print("getitem", k)
        return self.d[k]
def f(**kw):
    return kw
try:
    f(a=1, **M({"b": 2, "a": 3}))
except TypeError as e:
    print(e)
try:
    f(**{"a": 1}, **M({"a": 3}))
except TypeError as e:
    print(e)
try:
    print(max(1, 2, **M({"key": abs, "key2": 1})))
except TypeError as e:
    print(e)
print(f(x=1, **M({"b": 2, "c": 3})))
try:
    f(**{1: 2}, **M({1: 3}))
except Exception as e:
    print(type(e).__name__, e)
class K(dict):
    def keys(self):
        return ["a"]
try:
    f(a=1, **K(a=5))
except TypeError as e:
    print(e)
`;

describe("keyword-argument errors of calls", () => {
  it("of min() and max()", () => {
    expectSameAsPython(cpython, "min_max_keywords.py", MIN_MAX);
  });

  it("of a keyword repeated by a ** mapping that is no dict", () => {
    expectSameAsPython(cpython, "mapping_keywords.py", MAPPING);
  });
});
