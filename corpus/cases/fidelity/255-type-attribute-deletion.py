# del of a class's attributes that type itself defines: python3's TypeError for __name__, __qualname__,
# __module__, __bases__ and __doc__, AttributeError for the read-only ones, any deletion from a built-in
# type refused; __annotations__ deleted, then made again empty on reading.

def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

class C:
    "doc"
    x = 1

def d(name):
    def f():
        delattr(C, name)
    return f

t("del __name__", d("__name__"))
t("del __qualname__", d("__qualname__"))
t("del __module__", d("__module__"))
print(C.__name__, C.__qualname__, repr(C))
t("module after", lambda: C.__module__)
t("del __module__ again", d("__module__"))
print(repr(C))
t("del __doc__", d("__doc__"))
t("doc after", lambda: C.__doc__)
t("del __bases__", d("__bases__"))
t("del __dict__", d("__dict__"))
t("del __mro__", d("__mro__"))
t("del __class__", d("__class__"))
t("del int.__name__", lambda: delattr(int, "__name__"))
t("del int.__module__", lambda: delattr(int, "__module__"))
t("del int.__qualname__", lambda: delattr(int, "__qualname__"))
t("del __annotations__", d("__annotations__"))
C.__annotations__ = {'a': int}
t("del __annotations__ 2", d("__annotations__"))
t("ann after", lambda: C.__annotations__)
t("del x", d("x"))
t("del x again", d("x"))
t("set __module__ 3", lambda: setattr(C, "__module__", 3))
print(repr(C))
class D: pass
try:
    del D.__module__
except TypeError as e:
    print(e)
t("D module", lambda: D.__module__)
print(repr(D), D.__qualname__)
try:
    del D.__name__
except TypeError as e:
    print(e)
class E:
    a: int
print(E.__annotations__)
del E.__annotations__
print(E.__annotations__, '__annotations__' in E.__dict__)
try:
    del E.__annotations__
    del E.__annotations__
except AttributeError as e:
    print("AttributeError", e)
t("del list.append", lambda: delattr(list, "append"))
t("del object.x", lambda: delattr(object, "x"))
print(C.__name__, C.__qualname__, C.__doc__, D.__name__, D.__module__)
