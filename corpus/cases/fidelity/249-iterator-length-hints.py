# __length_hint__ of the built-in iterators (the items left), and operator.length_hint over them
import operator
class Seq:
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError
        return i
class SeqLen(Seq):
    def __len__(self): return self.n
def hints(it, steps=5):
    out = []
    for _ in range(steps):
        out.append(it.__length_hint__() if hasattr(it, "__length_hint__") else None)
        out.append(operator.length_hint(it, -7))
        next(it, None)
    return out
d = {1: 2, 3: 4, 5: 6}
makers = [
    ("list", lambda: iter([1, 2, 3])), ("reversed list", lambda: reversed([1, 2, 3])),
    ("tuple", lambda: iter((1, 2, 3))), ("reversed tuple", lambda: reversed((1, 2, 3))),
    ("range", lambda: iter(range(0, 10, 4))), ("reversed range", lambda: reversed(range(3))),
    ("str", lambda: iter("abc")), ("reversed str", lambda: reversed("abc")),
    ("bytes", lambda: iter(b"abc")), ("bytearray", lambda: iter(bytearray(b"abc"))),
    ("dict", lambda: iter(d)), ("dict values", lambda: iter(d.values())), ("dict items", lambda: iter(d.items())),
    ("reversed dict", lambda: reversed(d)), ("reversed items", lambda: reversed(d.items())),
    ("set", lambda: iter({1, 2, 3})), ("frozenset", lambda: iter(frozenset({1, 2}))),
    ("seq", lambda: iter(Seq(3))), ("seq with len", lambda: iter(SeqLen(3))), ("reversed seq", lambda: reversed(SeqLen(3))),
    ("enumerate", lambda: enumerate([1, 2])), ("zip", lambda: zip([1], [2])), ("map", lambda: map(abs, [1])),
    ("filter", lambda: filter(None, [1])), ("callable", lambda: iter(list, 1)), ("generator", lambda: (x for x in [1, 2])),
]
for name, make in makers:
    it = make()
    print(name, type(it).__name__, hasattr(type(it), "__length_hint__"), hints(it))
# the hint follows the container's changes
l = [1, 2, 3]
it = iter(l)
next(it)
l.append(4)
print(it.__length_hint__(), operator.length_hint(it))
del l[:]
print(it.__length_hint__(), list(it), it.__length_hint__())
r = reversed(l := [1, 2, 3])
l.pop()
print(r.__length_hint__())
l.clear()
print(r.__length_hint__())
it = iter(d)
d[7] = 8
print(it.__length_hint__())
del d[7]
print(type(iter([])).__length_hint__)
print(repr(iter([]).__length_hint__)[:40])
try:
    type(iter([])).__length_hint__("x")
except TypeError as e:
    print(e)
print(operator.length_hint(iter(range(2 ** 40))), operator.length_hint(object(), 3), operator.length_hint([1, 2]))
