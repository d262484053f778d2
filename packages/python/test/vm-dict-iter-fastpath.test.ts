/**
 * FOR_ITER over a dict_keyiterator in the eval loop (keys read from the dict's combined table, the native
 * iterator for split tables, changed sizes and the end): the same keys, order, errors, refcounts and ids as
 * python3, untraced and traced.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-dict-iter-");

describe("for k in d", () => {
  it("keys, holes, changes during iteration, split dicts, views, subclasses, refcounts and ids", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "dict-key-iter",
      `import sys
d = {}
for i in range(40):
    d[i] = i + 1
    d["k" + str(i)] = -i
for i in range(0, 40, 3):
    del d[i]
s = 0
n = 0
for k in d:
    s += d[k]
    n += 1
print(s, n, list(d)[:6], [k for k in d.keys()][-4:])
e = {1: "a", 2: "b", 3: "c"}
seen = []
for k in e:
    seen.append(k)
    if k == 1:
        del e[3]
        e[4] = "d"
print(seen, e)
try:
    for k in e:
        e[k * 10] = 0
except RuntimeError as x:
    print("RuntimeError", x, len(e))
it = iter(e)
print(next(it))
e.clear()
try:
    next(it)
except RuntimeError as x:
    print("again", x)
try:
    next(it)
except RuntimeError as x:
    print("and again", x)
except StopIteration:
    print("stop")
class P:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
p = P()
print([k for k in p.__dict__], [k for k in vars(P()).keys()])
try:
    for k in p.__dict__:
        p.z = 0
except RuntimeError as x:
    print("split", x)
class D(dict):
    def __iter__(self):
        return iter(["own"])
dd = D(x=1, y=2)
print([k for k in dd], [k for k in dict.keys(dd)])
key = "a-key-" + str(7)
f = {key: 1, "other": 2}
before = sys.getrefcount(key)
for k in f:
    pass
for r in range(3):
    for k in f:
        if k is key:
            inside = sys.getrefcount(key) - before
print(sys.getrefcount(key) - before, inside, k is not key)
del k
print(sys.getrefcount(key) - before)
g = {}
for k in g:
    print("never")
ids = []
for r in range(3):
    h = {r: [r], r + 1: [r + 1]}
    for k in h:
        t = (k, 0)
    ids.append(id(t) == id((r, 0)))
    del h
print(len(ids))
it2 = iter({5: 1, 6: 2})
for k in it2:
    break
print(k, list(it2), list(it2))
nested = {1: 0, 2: 0}
print([(a, b) for a in nested for b in nested])
`,
    );
  });
});
