# functools.singledispatch dispatches on collections.abc classes a type is a subclass of without
# having them in its __mro__ (dict -> Mapping, tuple/str/range -> Sequence, set -> Iterable), the most
# derived one winning, a concrete class in the __mro__ first, and python3's RuntimeError when two
# unrelated ABCs match.
import collections.abc as abc
from functools import singledispatch


@singledispatch
def describe(x):
    return "base"


@describe.register(abc.Mapping)
def _(x):
    return "mapping"


@describe.register(abc.Sequence)
def _(x):
    return "sequence"


@describe.register(abc.Iterable)
def _(x):
    return "iterable"


@describe.register(list)
def _(x):
    return "list"


class MyList(list):
    pass


class MyMap(abc.Mapping):
    def __getitem__(self, key):
        raise KeyError(key)

    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())


for v in ({}, [], (), "s", {1}, MyList(), MyMap(), 5, iter([]), range(2), b"", {}.keys()):
    print(type(v).__name__, describe(v))
print(describe.dispatch(int) is describe.registry[object], describe.dispatch(dict) is describe.registry[abc.Mapping])


@singledispatch
def size(x):
    return "base"


@size.register(abc.Sized)
def _(x):
    return "sized"


@size.register(abc.Iterable)
def _(x):
    return "iterable"


try:
    print(size([]))
except RuntimeError as e:
    print("RuntimeError", e)
print(size(5), size(iter([])))
