/**
 * `lst.append(v)` on an exact list runs without the general call path once list.append's descriptor is
 * known: the same results, refcounts, ids (free order of temporaries) and errors as python3, and the
 * general path for list subclasses, an overriding append, bound methods and wrong counts.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-list-append-");

describe("list.append called as a method", () => {
  it("appends, refcounts of the items, temporaries' ids and lists that are not exact", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "list-append-call",
      `import sys
def fill(n):
    xs = []
    for i in range(n):
        xs.append(i * 1000)
    return xs
xs = fill(50)
item = object()
before = sys.getrefcount(item)
xs.append(item)
print(len(xs), xs[-2], sys.getrefcount(item) - before)
ids = []
for k in range(5):
    t = [k] * 3
    [].append(t)
    ids.append(id(t) == id([k] * 3))
print(ids)
class L(list):
    pass
class M(list):
    def append(self, v):
        list.append(self, ("M", v))
l, m = L(), M()
for i in range(3):
    l.append(i)
    m.append(i)
print(l, m, type(l).__name__)
ap = xs.append
ap("bound")
list.append(xs, "unbound")
print(xs[-2:], len(xs))
`,
    );
  });

  it("errors: no argument, two arguments, through the stack and through *args", () => {
    expectSameAsPython(
      cpython,
      "list-append-errors",
      `xs = []
for i in range(3):
    xs.append(i)
for call in [lambda: xs.append(), lambda: xs.append(1, 2), lambda: xs.append(*()), lambda: xs.append(*(1, 2, 3))]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
print(xs)
`,
    );
  });
});
