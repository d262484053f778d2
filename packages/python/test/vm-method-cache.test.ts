/**
 * LOAD_METHOD's per-instruction cache (vm/fast.ts loadMethodCached): one call site sees objects of many
 * types in turn — builtin types, subclasses of them that override or add the method, instances whose own
 * attribute has the method's name, classmethods of builtins, types and modules — and must call what
 * python3 calls each time, with the same refcounts.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-method-cache-");

const cases: [string, string][] = [
  [
    "one call site, many receivers",
    `import sys
class L(list):
    def append(self, x):
        super().append(x * 10)
class D(dict):
    pass
class Own:
    def __init__(self):
        self.append = lambda x: print("own attribute", x)
class WithDict:
    def append(self, x):
        print("method", x)
w = WithDict()
w.__dict__["append"] = lambda x: print("instance dict", x)
objs = [[], L(), [], Own(), WithDict(), w, [1], L([2])]
for rounds in range(3):
    for o in objs:
        o.append(rounds)
print(objs[0], objs[1], objs[2], objs[6], objs[7])
def keys_of(x):
    return x.keys()
for d in ({1: 2}, D(a=1), {}, D()):
    print(sorted(keys_of(d)))
def call_fromkeys(x):
    return x.fromkeys([1, 2])
print(call_fromkeys({}), call_fromkeys(dict), call_fromkeys(D))
def upper(x):
    return x.upper()
class S(str):
    def upper(self):
        return "S.upper"
for s in ("ab", S("cd"), "ef", S("gh"), b"ij", bytearray(b"kl")):
    print(upper(s))
def count(x):
    return x.count(1)
for x in ([1, 1], (1, 2, 1), [0], "1"[:0] + "x" if False else [1]):
    print(count(x))
import gc
def mod_call(m):
    return m.isenabled()
print(mod_call(gc), mod_call(gc))
lst = []
rc = sys.getrefcount(lst)
for k in range(5):
    lst.append(k)
print(sys.getrefcount(lst) - rc, type(lst.append).__name__)
`,
  ],
  [
    "methods cached while classes change",
    `class A:
    def f(self):
        return "A.f"
def call(o):
    return o.f()
a = A()
print(call(a), call(a))
A.f = lambda self: "new A.f"
print(call(a))
del A.f
try:
    call(a)
except AttributeError as e:
    print("AttributeError", e)
A.f = lambda self: "again"
print(call(a))
lst = [3, 1, 2]
def sort_it(x):
    x.sort()
    return x
for y in (lst, [9, 8], list("cba")):
    print(sort_it(y))
try:
    list.sort = None
except TypeError as e:
    print("TypeError", e)
print(sort_it([2, 1]))
`,
  ],
];

describe("LOAD_METHOD's cache against python3", () => {
  for (const [name, src] of cases) it(name, () => expectSameAsPython(cpython, name, src));
});
