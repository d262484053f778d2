# after o.__class__ = B: the materialized __dict__, finalizers and weakrefs of the new class, slots with __dict__, list subclasses
import sys, gc, weakref
class A:
    def __del__(self):
        print("A.__del__", type(self).__name__)
class B:
    def __del__(self):
        print("B.__del__", type(self).__name__)
class C:
    pass
a = A()
print(sys.getsizeof(a))
a.__class__ = B
print(sys.getsizeof(a.__dict__), a.__dict__, gc.get_referents(a) == [a.__dict__, B] or gc.get_referents(a))
del a
c = C()
c.v = 1
w = weakref.ref(c)
c.__class__ = A
print(w() is c, type(w()).__name__)
del c
print(w())
class D:
    pass
d = D()
d.p = 1
d.__dict__["q"] = 2
d.__class__ = C
d.r = 3
print(d.__dict__, sys.getsizeof(d.__dict__))
e = C()
for i in range(5):
    setattr(e, "n%d" % i, i)
e.__class__ = D
print(vars(e), sys.getsizeof(vars(e)))
class SD:
    __slots__ = ("x", "__dict__")
class SE:
    __slots__ = ("x", "__dict__")
s = SD()
s.x = 1
s.y = 2
s.__class__ = SE
print(type(s).__name__, s.x, s.y, s.__dict__)
try:
    s.__class__ = C
except TypeError as ex:
    print(ex)
f = C()
f.__class__ = C
print(type(f).__name__, f.__dict__)
class G(list):
    pass
class H(list):
    pass
g = G([1, 2])
g.__class__ = H
print(type(g).__name__, g, len(g))
class K(dict):
    __slots__ = ()
try:
    g.__class__ = K
except TypeError as ex:
    print(ex)
