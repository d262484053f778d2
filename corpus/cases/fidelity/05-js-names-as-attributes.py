# names that an object model might already know (constructor, toString, __proto__…) are ordinary attributes
import sys
def f():
    pass
class C:
    pass
names = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "isPrototypeOf"]
for n in names:
    for o in (f, C, C(), sys, 5, "x", [], {}, len, None, int):
        try:
            getattr(o, n)
            print(n, type(o).__name__, "found")
        except AttributeError as e:
            print(e)
for n in names:
    setattr(f, n, len(n))
    setattr(C, n, n.upper())
    print(getattr(f, n), getattr(C, n), getattr(C(), n), n in f.__dict__)
    delattr(f, n)
    print(hasattr(f, n))
for n in names:
    try:
        "x".encode(n)
    except LookupError as e:
        print(e)
    try:
        b"x".decode(n)
    except LookupError as e:
        print(e)
    d = {n: 1}
    print(d[n], n in d, n in {}, d.get("constructor"))
