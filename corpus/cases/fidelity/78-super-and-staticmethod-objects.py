# super objects: __get__ (binding an unbound super), their own attributes, attribute errors; staticmethod
# objects called directly (3.10+)
class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c of " + cls.__name__

class B(A):
    def f(self):
        return "B.f"

b = B()
bound = super(B, b)
print(bound.__get__(b) is bound, bound.__get__(None, B) is bound)
unbound = super(B)
print(unbound.__get__(None, B) is unbound)
now = unbound.__get__(b)
print(type(now).__name__, now.f(), now.__thisclass__.__name__, now.__self__ is b)
print(unbound.__get__(b, B).f())
print(super(B, B).c(), super(B, b).c())
print(unbound.__thisclass__.__name__, now.__self__ is b, now.__self_class__.__name__)
for s in (bound, unbound):
    try:
        s.nothing_here
    except AttributeError as e:
        print("AttributeError:", e)

class C(B):
    def f(self):
        return "C.f then " + super().f()
print(C().f(), super(C, C()).f())

twice = staticmethod(lambda x, y=1: x * 2 + y)
print(twice(20), twice(20, y=2), callable(twice))
print(staticmethod(len)("abc"), staticmethod(B)().f())
try:
    twice()
except TypeError as e:
    print("TypeError:", e)
class D:
    pass
D.m = twice
print(D.m(1), D().m(1), D.__dict__["m"](1))
