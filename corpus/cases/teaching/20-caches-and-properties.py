# LRU cache by hand, OrderedDict, functools.cache comparison
from collections import OrderedDict
from functools import lru_cache, cache, cached_property, total_ordering, partial, reduce, singledispatch
class LRU:
    def __init__(self, cap):
        self.cap = cap; self.data = OrderedDict(); self.hits = self.misses = 0
    def get(self, k):
        if k in self.data:
            self.data.move_to_end(k); self.hits += 1
            return self.data[k]
        self.misses += 1
        return None
    def put(self, k, v):
        self.data[k] = v; self.data.move_to_end(k)
        if len(self.data) > self.cap:
            old, _ = self.data.popitem(last=False)
            print(f"  evict {old}")
    def __repr__(self): return f"LRU({list(self.data.items())})"
c = LRU(3)
for k in "abcadeab":
    if c.get(k) is None: c.put(k, k.upper())
print(c, c.hits, c.misses)
@lru_cache(maxsize=4)
def slow_square(n):
    print(f"  computing {n}")
    return n * n
for n in [1, 2, 1, 3, 4, 5, 1, 2]:
    slow_square(n)
print(slow_square.cache_info())
slow_square.cache_clear(); print(slow_square.cache_info())
@cache
def binom(n, k):
    return 1 if k in (0, n) else binom(n - 1, k - 1) + binom(n - 1, k)
print(binom(30, 15), binom.cache_info().currsize)
class Circle:
    def __init__(self, r): self.r = r
    @cached_property
    def area(self):
        print("  computing area")
        return 3.14159 * self.r ** 2
ci = Circle(2)
print(ci.area, ci.area, "area" in vars(ci))
ci.r = 3
del ci.area
print(ci.area, type(Circle.area).__name__, Circle.area.attrname)
@singledispatch
def show(x): return f"object {x!r}"
@show.register
def _(x: int): return f"int {x}"
@show.register(list)
def _(x): return f"list of {len(x)}"
print(show(3), show([1, 2]), show("s"), show(True))
base2 = partial(int, base=2)
print(base2("1011"), base2.func, base2.keywords, reduce(lambda a, b: a + b, ["x", "y", "z"], ">"))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
