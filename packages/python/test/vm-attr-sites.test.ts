/**
 * The eval loop's per-instruction caches for instances of classes (vm/fast.ts AttrSite: LOAD_ATTR,
 * STORE_ATTR and LOAD_METHOD keep what the class lookup found, for two classes per instruction, while the
 * MRO and every class dict in it are unchanged), the instance-creation plan kept per class (classes.ts
 * InitPlan) and the spare frames a code keeps for its next calls: one instruction sees instances of several
 * classes in turn, the classes change after the caches were filled (methods, __init__ and __new__ replaced
 * or deleted, properties, __getattribute__ / __setattr__ added to a base, class attributes added, instance
 * attributes shadowing methods), classes are called in every way, and deep recursion reuses frames. Each
 * program must give python3's output, refcounts included, with nothing leaked.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-attr-sites-");

const cases: [string, string][] = [
  [
    "one instruction, instances of three classes and more",
    `import sys
class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return ("A", self.v)
class B(A):
    def get(self):
        return ("B", self.v)
class C(B):
    pass
class D:
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v
    def get(self):
        return ("D", self.v)
def read(o):
    return o.v
def write(o, x):
    o.v = x
def call(o):
    return o.get()
objs = [A(1), B(2), C(3), A(4), D(5), C(6), B(7)]
for r in range(3):
    for o in objs:
        write(o, read(o) + 1)
        print(call(o), end=" ")
    print()
a = objs[0]
rc = sys.getrefcount(a)
for k in range(10):
    call(a); read(a); write(a, k)
print(sys.getrefcount(a) - rc, a.v)
`,
  ],
  [
    "classes change after the caches are filled",
    `class Base:
    def m(self):
        return "Base.m"
class Sub(Base):
    pass
def call(o):
    return o.m()
def read(o):
    return o.x
def write(o, v):
    o.x = v
s = Sub()
write(s, 1)
for k in range(3):
    print(call(s), read(s))
Base.m = lambda self: "new Base.m"
print(call(s))
Sub.m = lambda self: "Sub.m"
print(call(s))
del Sub.m
print(call(s))
del Base.m
try:
    call(s)
except AttributeError as e:
    print("AttributeError", e)
Base.m = lambda self: "back"
print(call(s))
s.m = lambda: "instance attribute"
print(call(s))
del s.m
print(call(s))
Base.x = property(lambda self: "property of Base")
print(read(s))
try:
    write(s, 2)
except AttributeError:
    print("AttributeError")
del Base.x
print(read(s))
write(s, 3)
print(read(s))
def ga(self, name):
    return "getattribute " + name
Base.__getattribute__ = ga
print(read(s), call(s) if False else "")
del Base.__getattribute__
print(read(s), call(s))
log = []
def sa(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value * 10)
Base.__setattr__ = sa
write(s, 4)
print(read(s), log)
del Base.__setattr__
write(s, 5)
print(read(s), log)
`,
  ],
  [
    "classes made again, at the same place or not",
    `class P:
    def who(self):
        return "P"
    tag = "P.tag"
class K(P):
    pass
def call(o):
    return o.who()
def read(o):
    return o.tag
k = K()
print(call(k), read(k), call(k), read(k))
P.tag = "P.tag again"
print(call(k), read(k))
K.tag = "K.tag"
print(call(k), read(k))
def make(n):
    class T:
        def __init__(self):
            self.n = n
        def who(self):
            return "T%d" % self.n
    return T()
for n in range(6):
    t = make(n)
    print(call(t), t.n, end=" ")
    del t
print()
`,
  ],
  [
    "calling a class: __init__ and __new__ change, errors, subclasses of builtins",
    `import sys
class A:
    def __init__(self, x, y=2):
        self.s = x + y
def make(k, *a):
    return k(*a)
print([make(A, i).s for i in range(3)], make(A, 1, 1).s)
A.__init__ = lambda self, x: setattr(self, "s", -x)
print(make(A, 5).s)
def new(cls, *a):
    print("new", cls.__name__, a)
    return object.__new__(cls)
A.__new__ = staticmethod(new)
print(make(A, 6).s, make(A, 7).s)
class B(A):
    def __init__(self, x):
        super().__init__(x)
        self.s *= 10
print(make(B, 3).s, make(A, 3).s, make(B, 4).s)
class Bad:
    def __init__(self):
        return 1
try:
    make(Bad)
except TypeError as e:
    print("TypeError", e)
class Raises:
    def __init__(self, v):
        raise ValueError(v)
for v in range(2):
    try:
        make(Raises, v)
    except ValueError as e:
        print("ValueError", e)
class NoInit:
    pass
print(type(make(NoInit)).__name__)
try:
    make(NoInit, 1)
except TypeError as e:
    print("TypeError", e)
class L(list):
    def __init__(self, n):
        super().__init__(range(n))
print(make(L, 3), make(L, 2))
class Meta(type):
    def __call__(cls, *a):
        print("Meta.__call__", a)
        return super().__call__(*a)
class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v
print(make(M, 9).v)
def args_kept(k):
    x = object()
    rc = sys.getrefcount(x)
    o = k(x)
    return sys.getrefcount(x) - rc
class Keep:
    def __init__(self, v):
        self.v = v
class Drop:
    def __init__(self, v):
        pass
print(args_kept(Keep), args_kept(Drop), args_kept(Keep))
`,
  ],
  [
    "recursion reuses frames",
    `import sys
def depth(n):
    if n == 0:
        return sys._getframe()
    return depth(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
for r in range(3):
    f = depth(50)
    print(f.f_code.co_name, f.f_back.f_code.co_name, f.f_back.f_lineno)
    del f
print(fib(18))
def down(n, acc):
    if n == 0:
        raise ValueError(acc)
    return down(n - 1, acc + [n])
for r in range(2):
    try:
        down(5, [])
    except ValueError as e:
        tb = e.__traceback__
        k = 0
        while tb is not None:
            k += 1
            tb = tb.tb_next
        print(e, k)
def gen(n):
    for i in range(n):
        yield depth(i).f_back is not None
print(list(gen(4)))
class Node:
    def __init__(self, n):
        self.n = n
    def total(self):
        return self.n + (Node(self.n - 1).total() if self.n else 0)
print(Node(300).total(), Node(300).total())
x = object()
rc = sys.getrefcount(x)
def keep(o, n):
    return keep(o, n - 1) if n else sys.getrefcount(o)
print(keep(x, 20) - rc, keep(x, 20) - rc, sys.getrefcount(x) - rc)
`,
  ],
];

describe("attribute caches per instruction and reused frames, against python3", () => {
  for (const [name, src] of cases) it(name, () => expectSameAsPython(cpython, name, src));
});
