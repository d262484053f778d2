# A class's __dict__ (and vars() of it) is a read-only mappingproxy, a built-in type's too
import sys


class A:
    x = 1


class B(A):
    "B's doc"
    y = 2

    def f(self):
        return self.y


d = A.__dict__
print(type(d), type(vars(B)), type(int.__dict__), type(object.__dict__))
print(d)
print(repr(d))
print(repr(vars(A)) == repr(d), d is A.__dict__, len(d), bool(d))
for target in (A.__dict__, vars(B), int.__dict__, str.__dict__):
    try:
        target["z"] = 3
    except TypeError as e:
        print("TypeError:", e)
print(d["x"], "x" in d, "y" in d, "y" in B.__dict__, "x" in B.__dict__)
print(B.__dict__.get("y"), B.__dict__.get("q", "missing"), B.__dict__["__doc__"])
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e)
print(sorted(B.__dict__.keys()), list(A.__dict__.values())[1])
print([k for k, v in B.__dict__.items() if callable(v)], B.__dict__["f"](B()))
c = B.__dict__.copy()
c["extra"] = 1
print(type(c), "extra" in B.__dict__, sorted(c))
print(dict(A.__dict__)["x"], [k for k in A.__dict__ if not k.startswith("__")])
print("__add__" in int.__dict__, int.__dict__["__add__"], "append" in list.__dict__, "upper" in str.__dict__)
print(int.__dict__["bit_length"], list.__dict__["append"](l := [], 5), l)
print(sys.getsizeof(d), sys.getsizeof(int.__dict__), isinstance(d, dict))
A.z = 9
print(d["z"], len(d))
