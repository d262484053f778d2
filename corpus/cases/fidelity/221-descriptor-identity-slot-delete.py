# Built-in data descriptors are one object per type and name; a slot's descriptor sets and deletes the slot itself
def f(a=1):
    "doc"
F = type(f)
print(int.real is int.real, int.__dict__["real"] is int.real, float.imag == float.imag, range.start is vars(range)["start"])
print(F.__dict__["__code__"] is F.__code__, complex.real is complex.__dict__["real"], len({int.real, int.real, bool.real}))
try:
    F.__annotations__
except AttributeError as e:
    print("AttributeError", e)
print(F.__dict__["__annotations__"].__get__(f))
g = F.__dict__["__dict__"]
g.__set__(f, {"a": 1})
for call in [lambda: g.__delete__(f), lambda: g.__set__(f, 5)]:
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(f.__dict__, f.a)
class S:
    __slots__ = ("x",)
class D(S):
    @property
    def x(self):
        return "property"
    @x.setter
    def x(self, v):
        print("setter", v)
    @x.deleter
    def x(self):
        print("deleter")
for o in [S(), D()]:
    try:
        S.x.__delete__(o)
    except AttributeError as e:
        print("AttributeError", e)
    S.x.__set__(o, 7)
    print(S.x.__get__(o), o.x)
    S.x.__delete__(o)
    try:
        S.x.__get__(o)
    except AttributeError as e:
        print("AttributeError", e)
    o.x = 8
    del o.x
class C:
    pass
c = C()
C.__dict__["__dict__"].__set__(c, {"b": 2})
print(c.b)
C.__dict__["__dict__"].__delete__(c)
print(c.__dict__)
