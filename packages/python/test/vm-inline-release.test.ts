/**
 * RETURN_VALUE's release of a frame's locals and function, and the POP_JUMP_IF_* instructions' release of
 * the tested value, are done on the memory view in the eval loop (a call into the heap only when a count
 * reaches 0): the same order of finalizers, the same truth tests and errors as python3, including values
 * whose release runs a __del__ that grows the memory, objects with __bool__ / __len__, big ints, a raising
 * __bool__, and recursion that releases objects at many depths.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-inline-release-");

describe("inline releases at returns and conditional jumps", () => {
  it("locals released at return in order, finalizers that grow the memory, recursion", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "inline-release-return",
      `import sys
keep = []
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        keep.append([0] * 100000)
def f(n):
    a = D("a%d" % n)
    b = D("b%d" % n)
    c = 5
    return n
print(f(1), f(2))
def n(x):
    if x is None:
        return "none"
    if x is not None:
        return "some"
print(n(None), n(D("z")))
def deep(k):
    d = D("deep%d" % k) if k % 40 == 0 else k
    if k:
        return deep(k - 1)
    return 0
print(deep(120), len(keep))
def rc():
    o = object()
    return sys.getrefcount(o)
print(rc(), [rc() for _ in range(3)])
def closure():
    x = D("cell")
    def inner():
        return x.name
    return inner
g = closure()
print(g())
del g
print("end")
`,
    );
  });

  it("truth tests of bools, ints, big ints, None and objects; temporaries released after the test; a raising __bool__", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "inline-release-jumps",
      `class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
    def __del__(self):
        print("del B", self.v)
class L:
    def __len__(self):
        return 0
class Bad:
    def __bool__(self):
        raise ValueError("no truth")
def g(x):
    if x:
        return "yes"
    return "no"
def g2(x):
    if not x:
        return "no"
    return "yes"
for x in [True, False, 0, 7, -3, 2 ** 70, -(2 ** 70), 0.0, None, "", "s", [], [1], L(), B(True), B(False)]:
    print(g(x), g2(x))
def h():
    if B(True):
        print("taken")
    if not B(False):
        print("not taken")
    k = 0
    while B(k < 2):
        k += 1
    print("end", k)
h()
try:
    if Bad():
        pass
except ValueError as e:
    print("caught", e)
def w(n):
    while n:
        n -= 1
    return n
print(w(300), w(2 ** 65 - 2 ** 65 + 5))
def temps(n):
    # int temporaries above the small ints: freed by the jump that tests them
    c = 0
    for i in range(n):
        if i * 1000:
            c += 1
        if not i * 1001 - 5005:
            c += 100
        while i * 999 > 10 ** 6:
            break
    return c
print(temps(50), id(10 ** 6 + 1) == id(10 ** 6 + 2))
def probe(i):
    # the tested temporary is freed by the jump: the next int takes its block
    a = i + 300000
    ida = id(a)
    del a
    if i + 300001:
        pass
    b = i + 300002
    r1 = id(b) == ida
    del b
    while not i + 300003:
        pass
    c = i + 300004
    return r1, id(c) == ida
print([probe(i) for i in range(1, 4)])
`,
    );
  });
});
