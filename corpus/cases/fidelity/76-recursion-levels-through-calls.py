# how deep recursion gets when each round goes through a class call, a comparison, hash(), sorted(), max(), __missing__ or format()
import sys
sys.setrecursionlimit(120)
def deepest(f):
    lo, hi = 0, 200
    while lo < hi:
        m = (lo + hi + 1) // 2
        try:
            f(m)
            lo = m
        except RecursionError:
            hi = m - 1
    return lo
class Node:
    def __init__(self, n):
        self.next = Node(n - 1) if n else None
class Same:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == 0 or Same(self.n - 1) == other
    def __hash__(self):
        return 0 if self.n == 0 else hash(Same(self.n - 1))
class Caller:
    def __call__(self, n):
        return n if n == 0 else self(n - 1)
class Fill(dict):
    def __missing__(self, k):
        return 0 if k == 0 else self[k - 1]
class Text:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        return "" if self.n == 0 else f"{Text(self.n - 1)}"
def by_sorted(n):
    return n if n == 0 else sorted([n], key=lambda v: by_sorted(v - 1))[0]
def by_sort(n):
    return n if n == 0 else [n - 1].sort(key=by_sort)
def by_max(n):
    return n if n == 0 else max([n - 1], key=by_max)
def by_map(n):
    return n if n == 0 else list(map(by_map, [n - 1]))[0]
def plain(n):
    return n if n == 0 else plain(n - 1)
def nested(n):
    x = []
    for _ in range(n):
        x = [x]
    return x
for name, f in [("plain", plain), ("init", Node), ("eq", lambda n: Same(n) == 1), ("hash", lambda n: hash(Same(n))),
                ("call", Caller()), ("missing", lambda n: Fill()[n]), ("str", lambda n: str(Text(n))),
                ("sorted", by_sorted), ("sort", by_sort), ("max", by_max), ("map", by_map),
                ("nested ==", lambda n: nested(n) == nested(n)), ("nested repr", lambda n: repr(nested(n)))]:
    print(f"{name:12} {deepest(f)}")
class Point:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return self == other
Point(1) == Point(1)
