# Data descriptors of built-in types read from the type: int.real, float.imag, complex.real, function.__code__, range.start...
import types
F = types.FunctionType
def f(a, b=2, *, c=3):
    "doc"
    return a
class I(int):
    pass
cases = [
    (int, ["real", "imag", "numerator", "denominator"], [7, True, I(5), -3]),
    (float, ["real", "imag"], [2.5, -0.0]),
    (complex, ["real", "imag"], [1 + 2j, 3j]),
    (F, ["__code__", "__defaults__", "__kwdefaults__", "__globals__", "__closure__"], [f]),
    (range, ["start", "stop", "step"], [range(2, 9, 3)]),
    (slice, ["start", "stop", "step"], [slice(1, None, 2)]),
    (property, ["fget", "fset", "fdel"], [property(len)]),
    (staticmethod, ["__func__"], [staticmethod(len)]),
    (classmethod, ["__func__"], [classmethod(len)]),
]
for t, names, objs in cases:
    for n in names:
        d = getattr(t, n)
        assert d is t.__dict__[n] or repr(d) == repr(t.__dict__[n])
        print(repr(d), type(d).__name__, d.__name__, d.__qualname__, d.__objclass__.__name__)
        print("  same as the instance's:", [d.__get__(o) is getattr(o, n) or d.__get__(o) == getattr(o, n) for o in objs])
        print("  __get__(None, T):", d.__get__(None, t) is d or repr(d.__get__(None, t)) == repr(d))
print(bool.real, bool.denominator, I.numerator, bool.imag.__get__(True), type(I.real.__get__(I(4))).__name__)
print(F.__globals__.__get__(f) is globals(), F.__code__.__get__(f) is f.__code__, F.__defaults__.__get__(f))
print(F.__code__.__get__(f).co_name, F.__name__, F.__module__)
for n in ["__name__", "__qualname__", "__doc__", "__module__", "__dict__"]:
    d = F.__dict__[n]
    print(repr(d), type(d).__name__, repr(d.__get__(f)))
for call in [
    lambda: int.real.__get__("x"),
    lambda: int.real.__get__(2.5),
    lambda: float.real.__get__(1),
    lambda: complex.imag.__get__(1.0),
    lambda: F.__code__.__get__(len),
    lambda: range.start.__get__(slice(1)),
    lambda: int.real.__get__(None),
    lambda: int.real.__set__(3, 4),
    lambda: int.real.__set__("x", 4),
    lambda: int.imag.__delete__(3),
    lambda: complex.real.__set__(1j, 2.0),
    lambda: range.step.__set__(range(3), 2),
    lambda: F.__globals__.__set__(f, {}),
    lambda: F.__defaults__.__set__(f, (5,)),
    lambda: F.__defaults__.__set__(f, 5),
    lambda: F.__dict__["__name__"].__set__(f, "g"),
    lambda: F.__defaults__.__delete__(f),
    lambda: F.__dict__["__doc__"].__set__(f, "new doc"),
    lambda: F.__code__.__set__(1, f.__code__),
]:
    try:
        print("ok", call())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(f.__name__, f.__defaults__, f.__doc__, f(9, 8))
try:
    (5).real = 1
except AttributeError as e:
    print(e)
try:
    int.nope
except AttributeError as e:
    print(e)
try:
    bool.start
except AttributeError as e:
    print(e)
print(hasattr(float, "numerator"), hasattr(complex, "denominator"), hasattr(I, "real"), hasattr(F, "co_name"))
print("real" in int.__dict__, "imag" in vars(float), "__code__" in F.__dict__, "real" in bool.__dict__)
class J:
    r = int.real
    s = range.start
    d = F.__defaults__
try:
    J().r
except TypeError as e:
    print(e)
try:
    J().s
except TypeError as e:
    print(e)
print(J.r, J.s, J.d)
class K(complex):
    x = complex.real
    y = int.real
k = K(3, 4)
for call in [lambda: k.x, lambda: setattr(k, "x", 5), lambda: delattr(k, "x"), lambda: k.y, lambda: K.x.__get__(), lambda: K.y.__set__(1),
             lambda: K.x.__delete__(), lambda: K.x.__get__(1, 2, 3), lambda: K.y.__set__(1, 2, 3), lambda: K.y.__delete__(1, 2)]:
    try:
        print("ok", call())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
