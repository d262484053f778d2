# Small differences from python3, each once a wrong answer here: str.maketrans's argument checks,
# bytes.maketrans's count message, what a function's special attributes may be set to, float() of
# bytes, super's repr and operator.length_hint.
import operator


def attempt(label, f):
    try:
        print(label, repr(f()))
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


attempt("maketrans()", lambda: str.maketrans())
attempt("maketrans x4", lambda: str.maketrans("a", "b", "c", "d"))
attempt("dict then str", lambda: str.maketrans({1: 2}, "x"))
attempt("str then int", lambda: str.maketrans("a", 5))
attempt("third int", lambda: str.maketrans("a", "b", 5))
attempt("float key", lambda: str.maketrans({1.5: 2}))
attempt("keywords", lambda: str.maketrans(x={}))
attempt("good", lambda: str.maketrans("ab", "cd", "e"))
attempt("bytes.maketrans", lambda: bytes.maketrans(b"a"))
attempt("bytes.maketrans x3", lambda: bytes.maketrans(b"a", b"b", b"c"))


def f(a=1, *, b=2):
    return a + b


for name, value in [("__annotations__", 5), ("__defaults__", 5), ("__kwdefaults__", []), ("__annotations__", None),
                    ("__defaults__", (4,)), ("__kwdefaults__", None), ("__code__", 5), ("__name__", 5),
                    ("__qualname__", None), ("__doc__", 5)]:
    attempt("set " + name, lambda: (setattr(f, name, value), getattr(f, name))[1])
for name in ["__name__", "__code__", "__defaults__", "__annotations__"]:
    attempt("del " + name, lambda: delattr(f, name))
print(f(3, b=1), f.__name__, f.__defaults__)

for b in [b"1.5", b" -2.5e3 ", b"1_0", b"inf", b"x", b"\xe9", b""]:
    attempt("float(%r)" % b, lambda: float(b))


class A:
    def who(self):
        return "A"


class B(A):
    def m(self):
        return super()

    @classmethod
    def c(cls):
        return super()


print(repr(B().m()), str(B.c()), repr(super(B)), repr(super(int, True)), B().m().who())


class Hint:
    def __init__(self, v):
        self.v = v

    def __length_hint__(self):
        return self.v


class NoLen:
    def __len__(self):
        raise TypeError("no len")

    def __length_hint__(self):
        return 4


for obj, default in [([1, 2], 0), ({1: 2}, 5), (5, 7), (Hint(6), 0), (Hint(NotImplemented), 9), (NoLen(), 0),
                     ((x for x in []), 2)]:
    print(operator.length_hint(obj, default))
for obj, default in [(Hint(-1), 0), (Hint("x"), 0), ([], "x")]:
    attempt("length_hint", lambda: operator.length_hint(obj, default))
