# itertools objects: reprs, type names, lazy versus eager argument errors, islice's and others' ValueErrors, and exhausted iterators.
import itertools

c = itertools.count(5)
print(repr(c), next(c), next(c), repr(c), repr(itertools.count()), repr(itertools.count(2.5, 0.5)), repr(itertools.count(1, 1.0)), repr(itertools.count(3, -1)))
r = itertools.repeat("x", 2)
print(repr(r), next(r), repr(r), list(r), repr(r), repr(itertools.repeat(None)), repr(itertools.repeat(1, -3)))
for name in ["chain", "count", "cycle", "groupby", "islice", "product", "pairwise", "accumulate", "zip_longest"]:
    print(getattr(itertools, name), type(getattr(itertools, name)).__name__)
print(type(itertools.chain()), type(itertools.permutations([])), type(itertools.tee([])[0]), type(next(itertools.groupby("a"))[1]))
print(repr(itertools.chain()).startswith("<itertools.chain object at 0x"), hasattr(itertools, "batched"))
print(list(itertools.product()), list(itertools.combinations([], 0)), list(itertools.permutations("ab", 3)), itertools.tee("ab", 0))
tests = [
    lambda: itertools.islice("abc", -1),
    lambda: itertools.islice("abc", 1, -1),
    lambda: itertools.islice("abc", -2, 1),
    lambda: itertools.islice("abc", "a"),
    lambda: itertools.islice("abc", 0, 3, 0),
    lambda: itertools.islice("abc"),
    lambda: itertools.count("a"),
    lambda: itertools.repeat(),
    lambda: itertools.permutations("ab", -1),
    lambda: itertools.combinations("ab", -1),
    lambda: itertools.product("ab", repeat=-1),
    lambda: itertools.tee("ab", -1),
    lambda: itertools.cycle(5),
    lambda: itertools.pairwise(3),
    lambda: itertools.compress("ab"),
    lambda: itertools.zip_longest("a", fill=0),
    lambda: itertools.accumulate(),
    lambda: itertools.starmap(len),
    lambda: itertools.batched("abc", 2),
]
for t in tests:
    try:
        t()
        print("no error")
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
lazy = itertools.chain([1], 2)
print(next(lazy))
try:
    next(lazy)
except TypeError as e:
    print("TypeError:", e)
src = iter(range(10))
print(list(itertools.islice(src, 2, 4)), next(src), list(itertools.islice(src, 0)), next(src))
g = itertools.groupby("aaabbc")
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2), [(k, list(v)) for k, v in g])
t = itertools.takewhile(lambda x: x < 2, [0, 1, 2, 0])
print(list(t), list(t))
p = itertools.pairwise("abc")
print(list(p), list(p))
print(list(itertools.accumulate([1, 2, "three"])))
