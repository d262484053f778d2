/**
 * The eval loop's shorter path for `str(i)` of an exact int (CALL without callTypeDirect: the argument
 * tuple 3.11 packs is still made and freed), and `d[k]` / `d[k] = v` on an exact dict with str and int
 * keys (one lookup each, a miss is the KeyError): the same values, refcounts, ids, __eq__ calls of
 * colliding keys, errors and tracebacks as python3, untraced and traced.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-str-dict-subscr-");

describe("str() of ints and dict subscripts in the eval loop", () => {
  it("str(i): values, the argument tuple's block, refcounts and ids of the results", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "str-of-int",
      `import sys
out = []
for i in (0, 7, -7, 255, 256, 1000, -1000, 2 ** 30, -(2 ** 30), 2 ** 59, -(2 ** 60) + 1, 2 ** 60, 10 ** 25, True, False):
    out.append(str(i))
print(out)
x = 12345
before = sys.getrefcount(x)
s = [str(x) for _ in range(3)]
print(sys.getrefcount(x) - before, [id(a) == id(b) for a, b in zip(s, s[1:])])
ids = []
for k in range(6):
    t = str(k * 1000)
    ids.append(id(t))
    u = (k,)
    ids.append(id(u))
    del t, u
print([a == b for a, b in zip(ids, ids[2:])], ids[0] == ids[1])
class I(int):
    def __str__(self):
        return "I!"
print(str(I(3)), str(3), str(-0), str(x) is str(x))
def shadow():
    str = repr
    return str("a")
print(shadow())
`,
    );
  });

  it("d[k] and d[k] = v with str and int keys: hits, misses, colliding keys' __eq__ and counts", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "dict-subscr",
      `import sys
calls = []
class K:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        calls.append(other)
        return False
d = {}
for i in range(50):
    d[i] = i * 2
    d["k" + str(i)] = i
print(d[7], d[-0], d["k49"], len(d))
# (colliding keys of int hashes only, in a dict of their own: whether a probe meets a str key's twin
# twice depends on python3's random str hashes)
e = {5: 10, 13: 3}
e[K(5)] = "five"
e[K(13)] = "13 twin"
print(d[5], d["k3"], e[5], e[13], calls)
calls.clear()
try:
    d[hash("zz")]
except KeyError as e:
    print("miss", type(e.args[0]).__name__, calls)
d[K(hash("zz"))] = 1
# (how often a str key's twin is met depends on python3's random str hashes: only whether it was)
try:
    d["zz"]
except KeyError as e:
    print("miss", repr(e), len(calls) > 0)
d["zz"] = 2
print(d["zz"], len(calls) > 0)
v = 10 ** 20
before = sys.getrefcount(v)
d["big"] = v
d["big"] = v
w = d["big"]
print(sys.getrefcount(v) - before, w is v)
class D(dict):
    def __getitem__(self, k):
        return ("sub", k)
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 2)
e = D()
e["a"] = 3
print(e["a"], dict.__getitem__(e, "a"))
try:
    {}[[1]]
except TypeError as e:
    print(e)
`,
    );
  });

  it("a key whose __eq__ raises during d[k] and d[k] = v: the exception and its traceback", () => {
    expectSameAsPython(
      cpython,
      "dict-subscr-raises",
      `class K:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise ValueError("no eq")
d = {K(): 1}
try:
    d[1]
except ValueError as e:
    print("get", e)
try:
    d[1] = 2
except ValueError as e:
    print("set", e)
print(len(d))
d[1]
`,
    );
  });
});
