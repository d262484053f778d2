# functools.reduce, partial, wraps, total_ordering, cmp_to_key and singledispatch as course programs use them, with python3's errors.
import functools
from functools import reduce, partial, wraps, total_ordering, cmp_to_key, singledispatch


def add(a, b):
    return a + b



nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(reduce(add, nums), reduce(lambda a, b: a * b, nums, 1), reduce(max, nums))
print(reduce(lambda acc, w: acc + len(w), ["ab", "cde", ""], 0), reduce(add, [], 7))
print(reduce(lambda a, b: a + [b * b], range(5), []))
for bad in [lambda: reduce(add, []), lambda: reduce(add, 5), lambda: reduce(len),
            lambda: reduce(1, 2, 3, 4), lambda: reduce(add, [1], initial=0), lambda: partial(),
            lambda: partial(5), lambda: functools.lru_cache(maxsize="big")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


def power(base, exp, *, mod=None):
    return pow(base, exp, mod)


square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=10)
print(square(7), cube_mod(7), cube_mod(7, mod=1000), list(map(square, range(5))))
print(type(square), square.func is power, square.args, square.keywords)
p1 = partial(power, 2)
p2 = partial(p1, 10)
print(p2(), p2.func is power, p2.args, p2.keywords, repr(partial(len, "abc")).startswith("functools.partial(<built-in function len>, 'abc')"))
print(repr(partial(int, base=2)), partial(int, base=2)("1011"))
square.note = "n"
print(vars(square))
int_base = partial(int, "ff")
try:
    partial(power, 1, 2, 3)()
except TypeError as e:
    print("TypeError:", e)


def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args)
        return fn(*args, **kwargs)
    return wrapper


@logged
def area(w, h):
    "Area of a rectangle."
    return w * h


area.units = "m2"
print(area(3, 4), area.__name__, area.__doc__, area.__qualname__, area.__wrapped__.__name__, area.units)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(t) for t in ["1.10", "1.2", "2.0", "1.2.1"]]
print(sorted(vs), max(vs), Version("1.2") <= Version("1.2"), Version("2.0") >= Version("1.10"), Version("1.0") > Version("1.0"))
print(Version.__gt__.__name__, Version.__le__.__name__, "__ge__" in vars(Version))
try:
    @total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print("ValueError:", e)


def by_length_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


words = ["pear", "fig", "apple", "kiwi", "banana", "date"]
print(sorted(words, key=cmp_to_key(by_length_then_alpha)), max(words, key=cmp_to_key(by_length_then_alpha)))
k = cmp_to_key(by_length_then_alpha)
print(type(k), type(k("x")), k("x").obj, k("ab") < k("b"), k("ab") == k("ab"))


@singledispatch
def describe(x):
    return "something"


@describe.register(int)
def _(x):
    return "an int"


@describe.register(list)
def _(x):
    return "a list of %d" % len(x)


print(describe(3), describe(True), describe([1, 2]), describe("s"), describe(2.5))
sorted([3, "a", 1], key=cmp_to_key(lambda a, b: a - b))
