# functools.lru_cache / cache on recursive course programs: results, cache_info, cache_clear, keys, depth.
from functools import lru_cache, cache
import sys


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print([fib(n) for n in range(15)])
print(fib(100), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
sys.setrecursionlimit(300)
print(fib(149) % 10**9, fib.cache_info())
fib.cache_clear()
try:
    fib(150)
except RecursionError as e:
    print("RecursionError:", e, fib.cache_info())
sys.setrecursionlimit(1000)


@cache
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)


print(grid_paths(10, 10), grid_paths.cache_info())


@lru_cache(maxsize=3)
def square(x):
    print("computing", x)
    return x * x


for x in [1, 2, 1, 3, 4, 1, 2, 2]:
    square(x)
print(square.cache_info(), square.cache_parameters())

# keys: a lone int is its own key; 1, 1.0 and True are equal keys unless typed=True
calls = []


@lru_cache
def ident(x, y=0):
    calls.append((x, y))
    return x


ident(1); ident(1.0); ident(True); ident(1, y=0); ident(x=1); ident(1, 0)
print(ident.cache_info(), calls)


@lru_cache(typed=True)
def typed_ident(x):
    return x


for v in (1, 1.0, True, 1):
    typed_ident(v)
print(typed_ident.cache_info())
try:
    ident([1, 2])
except TypeError as e:
    print("TypeError:", e)


@lru_cache(maxsize=0)
def nocache(n):
    return n


nocache(1); nocache(1)
print(nocache.cache_info())
print(type(fib), fib.__name__, fib.__wrapped__.__name__, fib.__qualname__)
print(sorted(k for k in vars(fib) if not k.startswith("cache")))


def coins(amount, kinds=(1, 5, 10, 25)):
    @cache
    def ways(a, i):
        if a == 0:
            return 1
        if a < 0 or i == len(kinds):
            return 0
        return ways(a - kinds[i], i) + ways(a, i + 1)
    return ways(amount, 0)


print(coins(100), coins(150))


class Tree:
    def __init__(self, depth):
        self.depth = depth

    @lru_cache(maxsize=None)
    def leaves(self, k):
        return 1 if k == 0 else 2 * self.leaves(k - 1)


t = Tree(3)
print(t.leaves(10), Tree.leaves.cache_info())


@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)


print(fact(140) % 10**9)
sys.setrecursionlimit(250)
fact(5000)
