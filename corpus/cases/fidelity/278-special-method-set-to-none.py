# a class that sets __iter__, __contains__ or __reversed__ to None opts out of that protocol
class NotIterable:
    __iter__ = None

    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError(i)


class NoContains:
    __contains__ = None

    def __iter__(self):
        return iter([1, 2])


class NoReversed:
    __reversed__ = None

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return "ab"[i]


class IterRaises:
    def __iter__(self):
        raise TypeError("no iteration today")


class ListNoIter(list):
    __iter__ = None


def gen():
    yield from NotIterable()


def unpack():
    a, b, c = NotIterable()
    return a, b, c


def loop():
    for x in NotIterable():
        print(x)


tries = [
    ("iter", lambda: iter(NotIterable())),
    ("list", lambda: list(NotIterable())),
    ("star", lambda: [*NotIterable()]),
    ("sorted", lambda: sorted(NotIterable())),
    ("for", loop),
    ("unpack", unpack),
    ("unpack raising __iter__", lambda: [a for a, b in [IterRaises()]]),
    ("unpack int", lambda: [a for a, b in [5]]),
    ("yield from", lambda: list(gen())),
    ("in getitem class", lambda: 1 in NotIterable()),
    ("in", lambda: 1 in NoContains()),
    ("not in", lambda: 3 not in NoContains()),
    ("list of NoContains", lambda: list(NoContains())),
    ("reversed", lambda: reversed(NoReversed())),
    ("getitem still", lambda: NoReversed()[1]),
    ("list subclass", lambda: list(ListNoIter([1, 2]))),
    ("list subclass len", lambda: len(ListNoIter([1, 2]))),
]
for name, f in tries:
    try:
        print(name, "->", f())
    except TypeError as e:
        print(name, "TypeError:", e)
