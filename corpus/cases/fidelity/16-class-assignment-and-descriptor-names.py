# setattr(o, "__class__", x) checks x as CPython does; slot and __dict__ descriptors know their names
class A:
    pass
class B:
    pass
a = A()
for v in (5, A, "B"):
    try:
        setattr(a, "__class__", v)
        print("ok", type(a).__name__)
    except TypeError as e:
        print(e)
try:
    setattr(1, "__class__", bool)
except TypeError as e:
    print(e)
print("__class__" in a.__dict__)
class V:
    __slots__ = ("x", "y")
print(V.x.__name__, V.x.__qualname__, V.x.__objclass__, V.y, type(V.y).__name__)
class W:
    pass
dd = W.__dict__["__dict__"]
print(dd.__name__, dd.__qualname__, dd.__objclass__, W.__dict__["__weakref__"].__name__, dd)
