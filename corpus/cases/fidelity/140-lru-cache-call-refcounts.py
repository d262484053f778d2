# lru_cache: an argument's refcount inside the cached function (the caller's reference stays while it runs), maxsize=0 makes no key
import sys
from functools import lru_cache


class Box:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        print("  hash", self.n)
        return self.n

    def __eq__(self, other):
        return isinstance(other, Box) and other.n == self.n

    def __del__(self):
        print("  del", self.n)


@lru_cache(maxsize=None)
def seen(x):
    return sys.getrefcount(x)


@lru_cache(maxsize=4)
def seen_bounded(x):
    return sys.getrefcount(x)


b = Box(1)
print("unbounded, first call:", seen(b), "after:", sys.getrefcount(b))
print("unbounded, a hit:", seen(b), "after:", sys.getrefcount(b))
c = Box(2)
print("bounded, first call:", seen_bounded(c), "after:", sys.getrefcount(c))


def fact(n, box):
    return 1 if n == 0 else n * cached_fact(n - 1, box)


@lru_cache(maxsize=None)
def cached_fact(n, box):
    if n == 2:
        print("  refcount of box at n=2:", sys.getrefcount(box))
    return fact(n, box)


d = Box(3)
print("fact:", cached_fact(5, d), "after:", sys.getrefcount(d))
print(cached_fact.cache_info())


@lru_cache(maxsize=0)
def uncached(x):
    print("  in uncached", type(x).__name__)
    return len(x) if isinstance(x, list) else x.n


print("maxsize=0, a list:", uncached([1, 2, 3]))
print("maxsize=0, a Box:", uncached(Box(4)))
print("maxsize=0, a Box with a keyword:", uncached(x=Box(5)))
print(uncached.cache_info())
print("done")
