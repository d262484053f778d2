/**
 * The type version check of the attribute caches (vm/protocol.ts stampValid): an answer cached for a class
 * (lookupType's, a slot site's, an init plan's, a super() site's) is taken on one compare while no class
 * namespace changed anywhere, and compared dict by dict after one did. Each program warms the caches up,
 * then changes what they rely on after a cached hit: class attributes of the class, of a base and of a
 * metaclass through assignment, setattr(), type.__setattr__ and del; `__bases__`; an instance's
 * `__class__`; writes made while a class is set up (`__set_name__`, `__init_subclass__`, decorators); a
 * class counter written on every call; classes made and freed in a loop, whose type and dict blocks a
 * later class reuses. Each program must give python3's output (untraced and traced), with nothing leaked.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-type-version-");

const cases: [string, string][] = [
  ["class attributes of the class and its bases after cached hits, __bases__, __class__, metaclasses", `class A:
    def m(self): return "A.m"
    x = 1
class B(A):
    pass
class C(B):
    def __init__(self, v): self.v = v
    def get(self): return self.v

def run(o, n):
    out = []
    for i in range(n):
        out.append((o.m(), o.x, o.get()))
    return out

c = C(5)
print(run(c, 3))
# class attribute via setattr on a base after cached hits
setattr(A, "x", 2)
print(run(c, 2))
A.m = lambda self: "new A.m"
print(run(c, 2))
B.m = lambda self: "B.m"
print(run(c, 2))
del B.m
print(run(c, 2))
# through the class dict view
print(sorted(k for k in C.__dict__ if not k.startswith("__")))
# __bases__ change
class D:
    def m(self): return "D.m"
    x = 10
    def get(self): return "D.get"
B.__bases__ = (D,)
print(run(c, 2), C.__mro__)
# __class__ assignment after cached hits
class E:
    def m(self): return "E.m"
    x = 20
    def get(self): return "E.get"
print(run(c, 1))
c.__class__ = E
print(run(c, 2))
# instance attribute shadowing a method via a first assignment in the dict
class F:
    def m(self): return 1
f = F()
for i in range(3): f.m()
f.__dict__["m"] = lambda: 2
print(f.m())
# metaclasses
class Meta(type):
    def hello(cls): return "hello from " + cls.__name__
class G(metaclass=Meta):
    def m(self): return "G.m"
def callg(n):
    return [G.hello() for _ in range(n)] + [G().m() for _ in range(n)]
print(callg(2))
Meta.hello = lambda cls: "changed"
G.m = lambda self: "G.m2"
print(callg(2))
# a class attribute counter written in a loop, read through instances
class K:
    count = 0
    def __init__(self):
        K.count += 1
    def c(self): return self.count
ks = [K() for _ in range(5)]
print([k.c() for k in ks], K.count)
# super() sites after a base changes
class P:
    def f(self): return "P"
class Q(P):
    def f(self): return "Q" + super().f()
q = Q()
print([q.f() for _ in range(3)])
P.f = lambda self: "P2"
print([q.f() for _ in range(3)])
# __init__ plans
class R:
    def __init__(self, a): self.a = a
rs = [R(i).a for i in range(3)]
R.__init__ = lambda self, a: setattr(self, "a", a * 10)
print(rs, [R(i).a for i in range(3)])
def new_init(self, a): self.a = -a
type.__setattr__(R, "__init__", new_init)
print([R(i).a for i in range(3)])
`],
  ["classes made and freed in a loop, their blocks reused by the next class", `import gc
def make(names):
    class P:
        def __init__(self):
            for n in names:
                setattr(self, n, n.upper())
    return P
def bump(o, r):
    o.b = o.b + str(r)
    return o.b
out = []
for order in ("abc", "bca", "cab", "ba", "b"):
    P = make(order)
    o = P()
    last = [bump(o, r) for r in range(3)][-1]
    out.append((last, sorted(vars(o).items())))
    del P, o
    gc.collect()
print(out)
def m_of(o):
    return o.m()
for k in range(4):
    class Q:
        def m(self, k=k): return k
    q = Q()
    print(m_of(q), m_of(q))
    del Q, q
    gc.collect()
`],
  [
    "writes while a class is set up, a class counter per call, properties added later",
    `class Named:
    def __set_name__(self, owner, name):
        setattr(owner, "_" + name, name.upper())
    def __get__(self, o, t=None):
        return "got"
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        cls.tag = cls.__name__.lower()
        Base.registry.append(cls.__name__)
    def who(self):
        return (self.tag, getattr(self, "_field", None))
def add_hello(cls):
    cls.hello = lambda self: "hello " + self.tag
    return cls
def read(o, n):
    return [(o.who(), o.field) for _ in range(n)]
@add_hello
class Sub(Base):
    field = Named()
s = Sub()
print(read(s, 2), s.hello(), Base.registry)
class Sub2(Sub):
    pass
s2 = Sub2()
print(read(s2, 2), read(s, 1), s2.hello())
Sub.tag = "changed"
print(read(s2, 2), read(s, 1))
class Counter:
    made = 0
    def __init__(self):
        Counter.made += 1
        self.n = Counter.made
    def get(self):
        return (self.n, self.made)
print([Counter().get() for _ in range(6)])
class Late:
    def __init__(self):
        self.v = 1
    def val(self):
        return self.v
xs = [Late() for _ in range(3)]
print([x.val() for x in xs], [x.v for x in xs])
Late.v = property(lambda self: "prop")
print([x.val() for x in xs], [x.v for x in xs])
del Late.v
print([x.val() for x in xs], [x.v for x in xs])
Late.val = lambda self: "replaced"
print([x.val() for x in xs])
type.__setattr__(Late, "val", lambda self: "type.__setattr__")
print([x.val() for x in xs])
delattr(Late, "val")
try:
    xs[0].val()
except AttributeError as e:
    print("AttributeError", e)
`,
  ],
];

describe("type version checks of the attribute caches, against python3", () => {
  for (const [name, src] of cases) it(name, () => expectSameAsPythonBothTraces(cpython, name, src));
});
