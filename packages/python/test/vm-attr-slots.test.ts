/**
 * The slot sites of LOAD_ATTR, STORE_ATTR and LOAD_METHOD (vm/protocol.ts SlotSite): once an instruction has
 * seen an instance attribute of a class, it reads and writes the instance's values array at the name's
 * index in the class's shared keys, and LOAD_METHOD hands out the class's function while those keys lack
 * the name. Each case warms an instruction up and then changes what it relies on: attributes set in
 * another order or deleted, a __dict__ materialized, names added to the shared keys until they are full,
 * an instance attribute shadowing a method, class attributes and descriptors added later, the instance's
 * class reassigned, the replaced value's last reference (its __del__ and weakref callback run at the
 * store), a temporary instance read once. Each program must give python3's output, refcounts and ids of
 * reused blocks included, with nothing leaked.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-attr-slots-");

const cases: [string, string][] = [
  [
    "attributes set in other orders, deleted, a __dict__ made",
    `import sys
class P:
    pass
def get_c(o):
    return o.c
def set_c(o, v):
    o.c = v
objs = []
for order in ("abcde", "edcba", "cab", "eadbc", "c"):
    o = P()
    for ch in order:
        setattr(o, ch, ch * 2)
    objs.append(o)
for r in range(3):
    for o in objs:
        set_c(o, get_c(o) + str(r))
print([get_c(o) for o in objs])
del objs[0].c
try:
    get_c(objs[0])
except AttributeError as e:
    print("AttributeError", e)
try:
    set_c(objs[0], "back")
    print(get_c(objs[0]), list(vars(objs[0])))
except AttributeError as e:
    print("no", e)
d = objs[1].__dict__
d["c"] = "via dict"
print(get_c(objs[1]))
set_c(objs[1], "set again")
print(d["c"], get_c(objs[1]))
q = P()
try:
    get_c(q)
except AttributeError as e:
    print("AttributeError", e)
set_c(q, 1)
print(get_c(q), sys.getrefcount(q))
`,
  ],
  [
    "shared keys growing and full, many attributes per instance",
    `class W:
    pass
def rd(o, name):
    return o.x
def wr(o, v):
    o.x = v
a = W()
a.x = 0
for k in range(5):
    wr(a, rd(a, "x") + 1)
names = ["n%d" % k for k in range(40)]
b = W()
for k, n in enumerate(names):
    setattr(b, n, k)
    if k % 7 == 0:
        wr(b, k)
        print(rd(b, "x"), end=" ")
print()
c = W()
c.x = "c"
for k in range(3):
    wr(c, rd(c, "x") + "!")
print(rd(a, "x"), rd(b, "x"), rd(c, "x"), len(vars(b)), list(vars(c)))
`,
  ],
  [
    "methods: an instance attribute shadowing, the class changing, another class",
    `class K:
    def f(self):
        return "K.f"
class L(K):
    def f(self):
        return "L.f"
def call(o):
    return o.f()
k = K()
l = L()
out = []
for r in range(4):
    out.append(call(k))
    out.append(call(l))
k.f = lambda: "instance f"
out.append(call(k))
out.append(call(K()))
del k.f
out.append(call(k))
K.f = lambda self: "new K.f"
out.append(call(k))
out.append(call(l))
del L.f
out.append(call(l))
k.g = 1
out.append(call(k))
print(out)
`,
  ],
  [
    "descriptors and __class__ after warm-up",
    `class A:
    def __init__(self):
        self.v = 1
class B:
    def __init__(self):
        self.v = 2
def rd(o):
    return o.v
def wr(o, x):
    o.v = x
a = A()
for k in range(5):
    wr(a, rd(a) + 1)
A.v = property(lambda self: "prop", lambda self, x: print("setter", x))
print(rd(a))
wr(a, 99)
del A.v
print(rd(a))
a.__class__ = B
wr(a, 7)
print(rd(a), type(a).__name__)
class G:
    def __init__(self):
        self.v = 0
    def __getattr__(self, name):
        return "missing " + name
g = G()
for k in range(3):
    wr(g, rd(g) + 1)
del g.v
print(rd(g))
`,
  ],
  [
    "the replaced value's last reference, temporaries, refcounts",
    `import sys, weakref
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
class H:
    def __init__(self):
        self.d = D(0)
def wr(o, v):
    o.d = v
def rd(o):
    return o.d
h = H()
refs = []
for k in range(1, 4):
    x = D(k)
    refs.append(weakref.ref(x, lambda r, k=k: print("callback", k)))
    wr(h, x)
    del x
    print("stored", rd(h).n)
print(H().d.n)
class T:
    def __init__(self, v):
        self.v = v
def tmp(v):
    return T(v).v
vals = [tmp([i]) for i in range(4)]
print(vals, [sys.getrefcount(v) for v in vals])
t = T(5)
ids = set()
for k in range(300, 306):
    wr(t, float(k))
    ids.add(id(rd(t)))
print(len(ids), rd(t), sys.getrefcount(rd(t)))
`,
  ],
];

describe("slot sites of LOAD_ATTR / STORE_ATTR / LOAD_METHOD, against python3", () => {
  for (const [name, src] of cases) it(name, () => expectSameAsPython(cpython, name, src));
});
