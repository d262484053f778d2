# collections.abc: isinstance/issubclass of builtins and of classes that only define the methods
# (__subclasshook__ of the one-method ABCs), register(), the mixin methods a subclass gets, and python3's
# message for an abstract class; the import forms (import collections.abc, as, from, the attribute).
import collections.abc
import collections.abc as cabc
from collections import abc
from collections.abc import (Iterable, Iterator, Sized, Container, Hashable, Callable, Sequence, MutableSequence,
                             Mapping, MutableMapping, Set, MutableSet, Generator, Reversible, Collection)
import collections

print(collections.abc.Iterable is Iterable, cabc is abc, collections.abc is abc, Iterable, repr(MutableMapping))
ABCS = (Iterable, Iterator, Sized, Container, Hashable, Callable, Sequence, MutableSequence, Mapping, MutableMapping, Set, MutableSet, Generator, Reversible, Collection)


def gen():
    yield 1


samples = [[], (), {}, set(), frozenset(), "s", b"b", bytearray(), 3, 2.5, None, True, range(3), iter([]), iter(()), iter("ab"), iter({}),
           gen(), (x for x in ()), len, print, lambda: 0, [].append, str.upper, {}.keys(), {}.values(), {}.items(), zip(), map(str, ()),
           enumerate(()), reversed([]), object(), type, int]
for o in samples:
    print(type(o).__name__, [a.__name__ for a in ABCS if isinstance(o, a)])
for t in (list, dict, str, int, type(None), tuple, set, frozenset, bytes, range, type(iter([])), type, object):
    print(t.__name__, [a.__name__ for a in ABCS if issubclass(t, a)])


class OnlyLen:
    def __len__(self):
        return 3


class OnlyIter:
    def __iter__(self):
        return iter([1, 2])


class Itr:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


class Contains:
    def __contains__(self, x):
        return x == 1


class Call:
    def __call__(self):
        return 1


class NoHash:
    def __eq__(self, other):
        return True


class IterNone(OnlyIter):
    __iter__ = None


class Full:
    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())

    def __contains__(self, x):
        return False

    def __reversed__(self):
        return iter(())


class GenLike(Itr):
    def send(self, v):
        raise StopIteration

    def throw(self, *a):
        raise StopIteration

    def close(self):
        pass


for cls in (OnlyLen, OnlyIter, Itr, Contains, Call, NoHash, IterNone, Full, GenLike):
    print(cls.__name__, [a.__name__ for a in ABCS if issubclass(cls, a)], [a.__name__ for a in ABCS if isinstance(cls(), a)])


class Plain:
    pass


print(isinstance(Plain(), Sequence), Sequence.register(Plain) is Plain, isinstance(Plain(), Sequence), issubclass(Plain, Iterable), issubclass(Plain, Sized), issubclass(Plain, Mapping))
MutableMapping.register(Plain)
print(issubclass(Plain, Mapping), issubclass(Plain, Container), issubclass(Plain, Set))
try:
    Iterable.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, Iterable)
except TypeError as e:
    print("TypeError:", e)


class Ints(Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i

    def __len__(self):
        return self.n


q = Ints(5)
print(list(q), 9 in q, 7 in q, q.index(16), q.count(4), list(reversed(q)), isinstance(q, Reversible), isinstance(q, MutableSequence))
try:
    q.index(5)
except ValueError as e:
    print("ValueError:", repr(e))


class Bag(MutableSet):
    def __init__(self, items=()):
        self.items = []
        for x in items:
            self.add(x)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def add(self, x):
        if x not in self.items:
            self.items.append(x)

    def discard(self, x):
        if x in self.items:
            self.items.remove(x)

    def __repr__(self):
        return "Bag(%r)" % self.items


b = Bag([1, 2, 3])
print(b & Bag([2, 3, 4]), b | Bag([5]), b - Bag([1]), b ^ Bag([3, 4]), b <= Bag([1, 2, 3, 4]), b < b, b == Bag([3, 2, 1]), b.isdisjoint([7]))
b |= [9]
b -= [1]
print(b, b.pop(), b, len(b))
b.remove(3)
try:
    b.remove(42)
except KeyError as e:
    print("KeyError:", e)
b.clear()
print(b, len(b))


class Registry(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


r = Registry()
r.update({"a": 1}, b=2)
r.update([("c", 3)])
print(dict(r), r.get("a"), r.get("x"), "b" in r, r.setdefault("d", 4), r.pop("a"), r.popitem(), len(r), r == {"b": 2, "d": 4})
print(list(r.keys()), list(r.items()), list(r.values()), ("b", 2) in r.items(), 4 in r.values(), r.keys() & {"b", "z"}, len(r.keys()))
try:
    r.pop("zz")
except KeyError as e:
    print("KeyError:", e)
r.clear()
print(len(r), type(r.keys()).__name__, isinstance(r.keys(), Set), isinstance(r.values(), Collection))


class Half(Mapping):
    def __getitem__(self, k):
        return k


class Empty(Sequence, Hashable):
    pass


for cls in (Half, Empty, Sized, Iterable, MutableMapping, Set, MutableSequence):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
print(sorted(MutableSequence.__abstractmethods__), sorted(Mapping.__abstractmethods__), sorted(Generator.__abstractmethods__), sorted(Iterator.__abstractmethods__))


def counter():
    n = yield 0
    while True:
        n = yield n + 1


class MyGen(Generator):
    def __init__(self):
        self.n = 0

    def send(self, v):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n

    def throw(self, typ, val=None, tb=None):
        raise StopIteration


g = MyGen()
print(next(g), list(g), isinstance(counter(), Generator), g.close(), iter(g) is g)
print(collections.abc.__name__, sorted(collections.abc.__all__)[:5], len(collections.abc.__all__))
