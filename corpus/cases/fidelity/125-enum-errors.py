# enum's errors and edge cases: bad values and names, aliases, @unique, reassigning, extending, comparisons, Flag
from enum import Enum, IntEnum, Flag, StrEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


print(Color.CRIMSON, Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.__members__)
for bad in [7, "RED", None]:
    try:
        Color(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print("TypeError:", e)
try:
    class MoreColor(Color):
        PINK = 4
except TypeError as e:
    print("TypeError:", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print("ValueError:", e)
print(Color.RED.value, Color.RED._value_, Color.RED.name, hash(Color.RED) == hash(Color.CRIMSON))
print(sorted(Color, key=lambda c: c.name), list(reversed(Color)))


class Shape(Enum):
    SQUARE = "sq"
    CIRCLE = "ci"

    @classmethod
    def _missing_(cls, value):
        for m in cls:
            if m.value == str(value).lower():
                return m
        return None


print(Shape("SQ"), Shape("ci"))
try:
    Shape("tri")
except ValueError as e:
    print("ValueError:", e)


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(repr(rw), rw, Perm.W in rw, Perm.X in rw, list(Perm), bool(Perm.R & Perm.X), repr(Perm(0)), Perm(5))
try:
    Perm(8)
except ValueError as e:
    print("ValueError:", e)


class Mode(StrEnum):
    READ = auto()
    WRITE = "w"


print(repr(Mode.READ), Mode.READ, Mode.WRITE == "w", f"{Mode.WRITE}", Mode("read"))


class Level(IntEnum):
    DEBUG = 10
    INFO = 20


print(Level.INFO == 20, Level(20) is Level.INFO, Level.DEBUG < 15, {20: "info"}[Level.INFO])
try:
    Level(30)
except ValueError as e:
    print("ValueError:", e)
try:
    print(2 in Color)
except TypeError as e:
    print("TypeError:", e)
