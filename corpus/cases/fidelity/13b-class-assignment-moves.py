# o.__class__ = B moves an instance between compatible classes: type, isinstance, methods, refcounts, errors, __slots__ layouts
import sys
class A:
    def who(self):
        return "A"
    def hello(self):
        return "hello from A " + self.who()
class B:
    def who(self):
        return "B"
class C(A):
    pass
a = A()
a.x = 1
a.y = [2]
ra, rb = sys.getrefcount(A), sys.getrefcount(B)
a.__class__ = B
print(type(a).__name__, a.__class__ is B, isinstance(a, B), isinstance(a, A))
print(sys.getrefcount(A) - ra, sys.getrefcount(B) - rb)
print(a.who(), a.x, a.y, a.__dict__)
print(hasattr(a, "hello"))
a.z = 3
print(sorted(vars(a)))
a.__class__ = C
print(a.hello(), type(a).__mro__[1].__name__)
a.__class__ = C
print(type(a) is C)
b = B()
setattr(b, "__class__", A)
print(b.hello())
del b
print(sys.getrefcount(A) - ra, sys.getrefcount(B) - rb)
try:
    del a.__class__
except TypeError as e:
    print("del:", e)
try:
    delattr(a, "__class__")
except TypeError as e:
    print("delattr:", e)
for v in (5, "B", None, int):
    try:
        a.__class__ = v
        print("ok", type(a).__name__)
    except TypeError as e:
        print(e)
try:
    (5).__class__ = bool
except TypeError as e:
    print(e)
try:
    [].__class__ = list
except TypeError as e:
    print(e)

class S:
    __slots__ = ("x", "y")
class T:
    __slots__ = ("y", "x")
class U:
    __slots__ = ("x",)
class V:
    __slots__ = ("x", "y", "__weakref__")
class W(S):
    pass
class X(S):
    __slots__ = ()
s = S()
s.x = 1
s.y = 2
s.__class__ = T
print(type(s).__name__, s.x, s.y)
s.__class__ = X
print(type(s).__name__, s.x, s.y)
s.__class__ = S
for tgt in (U, V, W, A):
    try:
        s.__class__ = tgt
        print("ok", type(s).__name__)
    except TypeError as e:
        print(e)
try:
    a.__class__ = S
except TypeError as e:
    print(e)

class I(int):
    pass
class J(int):
    pass
class K(int):
    __slots__ = ()
i = I(7)
for tgt in (I, J, K, A):
    try:
        i.__class__ = tgt
        print("ok", type(tgt).__name__, i + 1)
    except TypeError as e:
        print(e)

class E(Exception):
    pass
class F(Exception):
    pass
e = E("boom")
e.__class__ = F
print(type(e).__name__, e.args)
try:
    raise e
except F as ex:
    print("caught F", ex)

class M(type):
    pass
class N(type):
    pass
class P(metaclass=M):
    pass
P.__class__ = N
print(type(P).__name__)
a2 = A()
a2.__class__ = B
del a2
import gc
gc.collect()
print(sys.getrefcount(A) - ra, sys.getrefcount(B) - rb)
for f in (lambda: delattr(P, "__class__"), lambda: delattr(int, "__class__"), lambda: setattr(int, "__class__", M), lambda: setattr(P, "__class__", type), lambda: setattr(P, "__class__", 5)):
    try:
        f()
    except TypeError as e:
        print(e)
print("__class__" in P.__dict__, type(P).__name__)
class Q:
    __slots__ = ("b", "a", "c")
print(list(Q.__dict__)[2:5])
q = Q()
q.a, q.b, q.c = "A", "B", "C"
print(gc.get_referents(q)[:3])
