# recursion that goes through builtins calling back into Python ends in RecursionError
def by_key(n):
    return sorted([2, 1], key=lambda x: by_key(n + 1))
def by_map(n):
    return list(map(by_map, [n + 1]))
class Eq:
    def __eq__(self, other):
        return [Eq()] == [Eq()]
class Attr:
    def __getattr__(self, name):
        return getattr(Attr(), name)
class It:
    def __iter__(self):
        return self
    def __next__(self):
        return next(iter(It()))
def nested(n):
    try:
        return sorted([1], key=lambda x: nested(n + 1))
    except RecursionError:
        if n % 100 == 0:
            raise
        return [n]
for name, t in [("key", lambda: by_key(0)), ("map", lambda: by_map(0)), ("eq", lambda: Eq() == Eq()), ("getattr", lambda: Attr().x), ("next", lambda: list(It())), ("nested", lambda: nested(1))]:
    try:
        print(name, type(t()).__name__)
    except RecursionError as e:
        print(name, type(e).__name__)
print(sorted([3, 1, 2], key=lambda x: -x), list(map(abs, [-1, 2])))
# the depth count is right again after each of those: a plain recursion still reaches 950
def r(n):
    return 0 if n == 0 else 1 + r(n - 1)
for i in range(3):
    try:
        by_key(0)
    except RecursionError as e:
        print(type(e).__name__, r(950))
try:
    r(2000)
except RecursionError as e:
    print(e)
# and the whole depth is there again: the deepest plain recursion is the same before and after
def deepest():
    lo = 0
    for n in range(900, 1001):
        try:
            r(n)
            lo = n
        except RecursionError:
            break
    return lo
before = deepest()
for i in range(3):
    try:
        by_key(0)
    except RecursionError:
        pass
print(before, deepest())
