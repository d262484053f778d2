# ** arguments: keys must be strings, the operand a mapping, each keyword given once
def v(**k):
    return k
def f(a=0):
    return a
class M:
    def keys(self):
        return ["a"]
    def __getitem__(self, key):
        return 7
class S(str):
    pass
tests = [
    lambda: v(**{1: 2}),
    lambda: print(**{1: 2}),
    lambda: dict(**{1: 2}),
    lambda: f(**[1]),
    lambda: print(**[1]),
    lambda: f(a=1, **{"a": 2}),
    lambda: v(**{"a": 1}, **{"a": 2}),
    lambda: dict(a=1, **{"a": 2}),
    lambda: f(*1),
    lambda: print(*None),
    lambda: f(**M()),
    lambda: v(**{S("x"): 1}),
    lambda: v(**{"b": 1}, **{2: 3}),
    lambda: C().m(**{1: 1}),
    lambda: C().m(**3),
]
class C:
    def m(self, **k):
        return k
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__, e)
def bad():
    yield 1
    raise TypeError("from the generator")
for t in [lambda: f(*bad(), **{"a": 1}), lambda: f(*5, **{"a": 1}), lambda: v(*[], **{"a": 1, 3: 4})]:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__, e)
class WithInit:
    def __init__(self, **k):
        self.k = k
class Plain:
    pass
class Meta(type):
    def __call__(cls, *a, **k):
        return k
class ByMeta(metaclass=Meta):
    pass
for t in [lambda: WithInit(**{1: 2}), lambda: Plain(**{1: 2}), lambda: Plain(**{"a": 1}), lambda: int(**{1: 2}), lambda: [].sort(**{1: 2}), lambda: ByMeta(**{1: 2}), lambda: ByMeta(**{"z": 2}), lambda: WithInit(**{"a": 1}).k]:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__, e)
