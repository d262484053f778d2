# functools.__all__ and a star import bring in python3's names only (no helpers the module imports or
# defines for itself); singledispatchmethod dispatches on the argument after self/cls.
import functools

print(functools.__all__)
ns = {}
exec("from functools import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))

from functools import singledispatchmethod


class Neg:
    @singledispatchmethod
    def neg(self, arg):
        raise NotImplementedError(f"cannot negate {type(arg).__name__}")

    @neg.register
    def _(self, arg: int):
        return -arg

    @neg.register
    def _(self, arg: bool):
        return not arg

    @neg.register(list)
    def _(self, arg):
        return [self.neg(x) for x in arg]


n = Neg()
for v in (3, True, [1, False, [2]], 2.5, "x"):
    try:
        print(repr(v), "->", n.neg(v))
    except NotImplementedError as e:
        print(repr(v), "->", type(e).__name__, e)
print(Neg.neg.__name__, n.neg.__name__)


class Shape:
    @singledispatchmethod
    @classmethod
    def make(cls, a):
        return ("base", cls.__name__, a)

    @make.register
    @classmethod
    def _(cls, a: str):
        return ("str", cls.__name__, a)

    @make.register(tuple)
    @classmethod
    def _(cls, a):
        return ("tuple", cls.__name__, len(a))


class Square(Shape):
    pass


print(Shape.make(1), Shape.make("s"), Square.make((1, 2)), Square().make("t"))
print(Shape.__dict__["make"].__isabstractmethod__)
for bad in (3, None):
    try:
        singledispatchmethod(bad)
    except TypeError as e:
        print("TypeError:", e)
