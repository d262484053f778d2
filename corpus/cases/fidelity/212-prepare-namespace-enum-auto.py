# A metaclass's __prepare__ returning a dict subclass: the class body's assignments go through its
# __setitem__, as python3's STORE_NAME does. enum's auto() takes its value at assignment, so the body
# can combine members (WHITE = RED | GREEN | BLUE).
from enum import Enum, Flag, IntFlag, auto

seen = "global"


class Recording(dict):
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            print("set", key, repr(value))
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return Recording()

    def __new__(mcls, name, bases, ns, **kw):
        print("namespace", type(ns).__name__)
        return super().__new__(mcls, name, bases, dict(ns))


class C(metaclass=Meta):
    a = 1
    b = a + 1
    c = seen
    del a


print(C.b, C.c, hasattr(C, "a"))


class Counter(dict):
    def __setitem__(self, key, value):
        if value == "next":
            value = sum(1 for k in self if not k.startswith("__"))
        super().__setitem__(key, value)


class CountingMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return Counter()


class N(metaclass=CountingMeta):
    x = "next"
    y = "next"
    z = x + y + 10


print(N.x, N.y, N.z)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
    YELLOW = RED | GREEN


print(list(Color), repr(Color.WHITE), repr(Color.YELLOW), repr(~Color.RED), Color(3) is Color.YELLOW)


class Perm(IntFlag):
    X = auto()
    W = auto()
    R = auto()
    RW = R | W
    RWX = RW | X


print(list(Perm), repr(Perm.RWX), repr(Perm(6)), Perm.RW.value)


class Step(Enum):
    A = auto()
    B = auto()
    C = B + 10
    D = auto()


print([(m.name, m.value) for m in Step])

try:
    class Late(Enum):
        A = auto()

        def _generate_next_value_(name, start, count, last_values):
            return name
except TypeError as e:
    print("TypeError", e)
