/**
 * STORE_ATTR through a slot site called from the eval loop (protocol.ts slotStore): the stack's reference to
 * the value moves into the instance's slot, then the replaced value and the object are released on the
 * memory view (a call into the heap only when a count reaches 0). The same finalizer order, refcounts and
 * weakref callbacks as python3 when the store holds the object's last reference, when the replaced value's
 * __del__ grows the memory before the object is released, for first assignments; and the site must not
 * apply after a __setattr__ or a property of the name is added to the class, for a subclass with its own
 * __setattr__, a materialized __dict__, a reassigned __class__, __slots__, raising setters.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-slot-store-");

describe("STORE_ATTR through the slot site", () => {
  it("releases: the replaced value, then the object; memory grown by a finalizer; refcounts, weakrefs, first assignments", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "slot-store-release",
      `import sys
import weakref
keep = []
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class G(D):
    def __del__(self):
        print("del", self.name, "grows")
        keep.append([0] * 200000)
class C:
    def __init__(self, v):
        self.v = v
    def __del__(self):
        print("del C", self.v.name if isinstance(self.v, D) else self.v)
def put(o, v):
    o.v = v
def fresh(v):
    return C(v)
c = C(D("first"))
for k in range(4):
    put(c, D("d%d" % k))
print(sys.getrefcount(c.v), c.v.name)
# the store holds the last reference to the object: the old value goes first, then the object
for k in range(3):
    put(fresh(D("old%d" % k)), D("new%d" % k))
# a finalizer that grows the memory while the store runs, then the object's release
for k in range(3):
    put(fresh(G("g%d" % k)), "s%d" % k)
print(len(keep))
put(c, 5)
print(c.v)
# the same value stored again, and values kept elsewhere
v = D("same")
put(c, v)
put(c, v)
print(sys.getrefcount(v), c.v is v)
r = weakref.ref(v, lambda w: print("callback"))
del v
put(c, 0)
print(r())
# the first assignment through the site (attributes set in __init__ of new instances)
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
ps = [P(i, D("p%d" % i)) for i in range(3)]
print([p.y.name for p in ps])
del ps
print("end")
`,
    );
  });

  it("first assignments through the site: insertion order, 30 names, a store holding the object's last reference, refcounts, ids, sizes", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "slot-store-first",
      `import sys
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class Q:
    def __init__(self, k):
        if k % 2:
            self.b = k
            self.a = -k
        else:
            self.a = k
            self.b = -k
        self.c = k * 3 + 1000
def setn(o, n):
    for j in range(n):
        setattr(o, "n%d" % j, j)
# the order of first assignments differs per instance; __dict__ keeps each one's
qs = [Q(k) for k in range(40)]
print([list(q.__dict__) for q in qs[:3]], sys.getsizeof(qs[0].__dict__))
print(sys.getrefcount(qs[5].c), [q.c for q in qs[1:4]])
# every name of a class's shared keys (30), each set in a loop through one site
class W:
    pass
def put(o, v):
    o.w = v
ws = []
for k in range(40):
    w = W()
    put(w, k)
    ws.append(w)
setn(ws[0], 30)
for k in range(40):
    w2 = W()
    put(w2, D("w%d" % k) if k % 10 == 0 else k)
    ws.append(w2)
print(len(ws[0].__dict__), list(ws[-1].__dict__), ws[-1].w)
class M:
    def __init__(self, j):
        self.x0 = j
        self.x1 = j
        self.x2 = j
        self.x3 = j
        self.x4 = j
        self.x5 = j
        self.x6 = j
        self.x7 = j
        self.x8 = j
        self.x9 = j
        self.x10 = j
        self.x11 = j
        self.x12 = j
        self.x13 = j
        self.x14 = j
        self.x15 = j
        self.x16 = j
        self.x17 = j
        self.x18 = j
        self.x19 = j
        self.x20 = j
        self.x21 = j
        self.x22 = j
        self.x23 = j
        self.x24 = j
        self.x25 = j
        self.x26 = j
        self.x27 = j
        self.x28 = j
        self.x29 = j
        self.x30 = j
ms = [M(j) for j in range(30)]
print(len(ms[-1].__dict__), list(ms[-1].__dict__)[-3:], sys.getsizeof(ms[-1].__dict__))
# the only reference to the object is the stack's: the object goes, then its value
def fresh_put(v):
    W().w = v
for k in range(30):
    fresh_put(D("f%d" % k) if k % 10 == 0 else k)
del qs, ws, ms
print("end")
`,
    );
  });

  it("where the site must not apply: __setattr__ or a property added later, a subclass's __setattr__, __dict__, __class__, __slots__, raising setters", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "slot-store-not",
      `class C:
    def __init__(self, v):
        self.v = v
def put(o, v):
    o.v = v
c = C(0)
for k in range(5):
    put(c, k)
# a __setattr__ added to the class later: the site no longer applies
def setattr_hook(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value * 10)
C.__setattr__ = setattr_hook
put(c, 3)
print(c.v)
del C.__setattr__
put(c, 4)
print(c.v)
# a subclass overriding __setattr__ seen at the same instruction
class S(C):
    def __setattr__(self, name, value):
        print("S.setattr", name, value)
        super().__setattr__(name, -value)
s = S(1)
for k in range(3):
    put(s, k + 1)
    put(c, k + 1)
print(s.v, c.v)
# a data descriptor of the same name added later
def getv(self):
    return "prop"
def setv(self, value):
    print("prop set", value)
C.v = property(getv, setv)
put(c, 7)
print(c.v, c.__dict__)
del C.v
put(c, 8)
print(c.v)
# a materialized __dict__, and __class__ reassigned
class E:
    def __init__(self, v):
        self.v = v
e = E(1)
put(e, 2)
d = e.__dict__
put(e, 3)
print(d, e.v)
e2 = E(1)
put(e2, 2)
e2.__class__ = C
put(e2, 9)
print(type(e2).__name__, e2.v)
# a raising setter
class R:
    def __init__(self):
        self.v = 0
    @property
    def w(self):
        return 0
    @w.setter
    def w(self, value):
        raise KeyError(value)
def putw(o, v):
    o.w = v
try:
    putw(R(), 5)
except KeyError as ex:
    print("KeyError", ex)
try:
    put(1, 2)
except AttributeError as ex:
    print(ex)
# __slots__
class T:
    __slots__ = ("v",)
t = T()
for k in range(3):
    put(t, k)
print(t.v)
`,
    );
  });
});
