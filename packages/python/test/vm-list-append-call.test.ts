/**
 * `lst.append(v)` on an exact list runs without the general call path once list.append's descriptor is
 * known: the same results, refcounts, ids (free order of temporaries) and errors as python3, and the
 * general path for list subclasses, an overriding append, bound methods and wrong counts. LOAD_METHOD hands
 * out a builtin type's descriptor it kept for the instruction without the noting helper: list sizes at
 * every capacity step, refcounts, the release of a list only the stack holds, and one instruction meeting
 * lists, other builtin types, a list subclass, classes and an instance attribute in turn.
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

  it("the kept descriptor: capacity steps, item refcounts, a list only the stack holds, one LOAD_METHOD meeting other types", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "list-append-view",
      `import sys
def grow(n):
    xs = []
    sizes = []
    for i in range(n):
        xs.append(i * 1000)
        sizes.append(sys.getsizeof(xs))
    return xs, sizes
xs, sizes = grow(70)
print(sizes, xs[-1])
item = object()
n0 = sys.getrefcount(item)
for k in range(20):
    xs.append(item)
print(sys.getrefcount(item) - n0, len(xs))
# a list only the stack holds: released after the append, its item with it
class D:
    def __init__(self, k):
        self.k = k
    def __del__(self):
        print("del", self.k)
def fresh():
    return [1, 2, 3]
for k in range(3):
    fresh().append(D(k))
ys = []
ys.append([])
print("kept", ys)
# one LOAD_METHOD instruction meeting lists, other builtin types and classes in turn
class L(list):
    def copy(self):
        return "L.copy"
class A:
    def copy(self):
        return "A.copy"
class B:
    pass
b = B()
b.copy = lambda: "instance attribute"
seen = []
for o in [[1], {2: 3}, {4}, [5], L([6]), A(), b, [7], bytearray(b"8"), "s", [9]]:
    try:
        seen.append(o.copy())
    except AttributeError as e:
        seen.append(str(e))
print(seen)
out = []
for o in [[], [], L(), [], bytearray()]:
    o.append(1)
    out.append((type(o).__name__, len(o)))
print(out)
`,
    );
  });

  it("a statement append in quickened code makes no None (3.11's PRECALL_NO_KW_LIST_APPEND), as a __del__ run by the list's release sees", () => {
    // before the code is quickened, and where the result is used, None is made before the list is released
    expectSameAsPython(
      cpython,
      "list-append-statement-none",
      `import sys
class D:
    def __del__(self):
        seen.append(sys.getrefcount(None) - base)
def fresh():
    return []
def run(n):
    for k in range(n):
        fresh().append(D())
    kept = [fresh().append(D()) for k in range(3)]
    for k in range(n):
        r = fresh().append(D())
seen = []
base = sys.getrefcount(None)
run(12)
print(seen)
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
