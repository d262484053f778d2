# functools.singledispatch (and singledispatchmethod) register union types as python3 3.11 does:
# an annotation or a register() argument of int | float or typing.Union[...] registers each class;
# python3's TypeErrors for a union that holds no class and for a non-class with a function given.
import typing
from functools import singledispatch, singledispatchmethod


@singledispatch
def kind(x):
    return "other"


@kind.register
def _(x: int | float):
    return "number"


@kind.register(list | tuple)
def _(x):
    return "sequence"


def setish(x):
    return "set"


kind.register(set | frozenset, setish)


@kind.register
def _(x: typing.Union[bytes, bytearray]):
    return "bytes"


for v in (1, 2.5, True, [1], (1,), {1}, frozenset(), b"", bytearray(), "s", None):
    print(repr(v), kind(v))
print(sorted(k.__name__ for k in kind.registry))

for bad in (lambda: kind.register(int | list[int], setish), lambda: kind.register(5, setish)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    @kind.register
    def _(x: int | list[int]):
        return 0
except TypeError as e:
    print("TypeError", e)
try:
    @kind.register
    def _(x: 5):
        return 0
except TypeError as e:
    print("TypeError", e)


class Shape:
    @singledispatchmethod
    def area(self, size):
        return "unknown"

    @area.register
    def _(self, size: int | float):
        return size * size


print(Shape().area(3), Shape().area(1.5), Shape().area("x"))
