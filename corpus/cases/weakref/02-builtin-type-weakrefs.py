# Built-in types are weakly referenced once each from their base's subclass list (CPython readies them at start-up)
import weakref
for t in (int, bool, float, complex, type, slice, property, staticmethod, classmethod, super, enumerate, map, filter, reversed, BaseException, ValueError, KeyError):
    print(t.__name__, weakref.getweakrefcount(t))
print("object", weakref.getweakrefcount(object))
r = weakref.getweakrefs(bool)[0]
print(type(r).__name__, r() is bool, weakref.ref(bool) is r, weakref.ref(int) is weakref.getweakrefs(int)[0])
print(type(r), weakref.ReferenceType.__module__)
cb = weakref.ref(int, lambda w: None)
print(weakref.getweakrefcount(int), cb() is int)
del cb
print(weakref.getweakrefcount(int))
class K(int):
    pass
print(weakref.getweakrefcount(K), weakref.getweakrefcount(int), weakref.getweakrefs(K)[0]() is K)
