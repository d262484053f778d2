// The enum module against python3: reprs, str() and format() of Enum, IntEnum, StrEnum, Flag and IntFlag
// members and mixed-in types, lookups and their errors, aliases, auto and _generate_next_value_, a
// class's own __new__/__init__/_missing_, the functional API, `1 in Color`'s warning, and an uncaught
// ValueError's traceback (python3's enum.py frames left out, vm/exc-format.ts).
import { describe, expect, it } from "vitest";
import { run } from "../src/index.js";
import { cpythonRunner, expectSameAsPython, withoutFramesOf } from "./cpython.js";

const cpython = cpythonRunner("pyheap-enum-");
const lines = (...l: string[]) => l.join("\n") + "\n";

describe("enum", () => {
  it("gives python3's members, reprs, lookups and errors", () =>
    expectSameAsPython(
      cpython,
      "enum-table",
      lines(
        "from enum import Enum, IntEnum, auto, unique, Flag, IntFlag, StrEnum",
        "class Color(Enum):",
        "    RED = 1",
        "    GREEN = 2",
        "    BLUE = 3",
        "    CRIMSON = 1",
        "    def describe(self): return f\"{self.name}={self.value}\"",
        "    @property",
        "    def warm(self): return self is Color.RED",
        "    @classmethod",
        "    def default(cls): return cls.GREEN",
        "print(repr(Color.RED), str(Color.RED), f\"{Color.RED}\", format(Color.RED), \"%s\" % Color.RED)",
        "print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color(1), Color['BLUE'])",
        "print(Color.RED in Color, Color.__members__)",
        "try: print(1 in Color)",
        "except TypeError as e: print(\"TE\", e)",
        "try: Color(7)",
        "except ValueError as e: print(e, repr(e))",
        "try: Color('x')",
        "except ValueError as e: print(e)",
        "try: Color['PINK']",
        "except KeyError as e: print(\"KE\", e)",
        "print(type(Color), Color, type(Color.RED), Color.RED.describe(), Color.RED.warm, Color.default())",
        "print({Color.RED: \"r\"}[Color.CRIMSON], Color.RED == 1, Color.RED == Color.RED, Color.RED != Color.BLUE)",
        "try: Color.RED < Color.BLUE",
        "except TypeError as e: print(e)",
        "class N(IntEnum):",
        "    ONE = 1",
        "    TWO = auto()",
        "    FOUR = 4",
        "    FIVE = auto()",
        "print(repr(N.TWO), str(N.TWO), f\"{N.TWO}\", N.TWO == 2, N.TWO < 3, N.FIVE + 1, sorted([N.FOUR, N.ONE]), N(4), isinstance(N.ONE, int))",
        "class A(Enum):",
        "    X = auto()",
        "    Y = auto()",
        "print(list(A), A.X.value)",
        "try:",
        "    @unique",
        "    class U(Enum):",
        "        A = 1",
        "        B = 1",
        "        C = 2",
        "        D = 2",
        "except ValueError as e: print(e)",
        "class P(Flag):",
        "    R = 4",
        "    W = 2",
        "    X = 1",
        "print(repr(P.R | P.W), str(P.R | P.W), P.R in (P.R | P.W), list(P), bool(P(0)), repr(P(0)), P(6))",
        "class S(StrEnum):",
        "    A = auto()",
        "    B = \"bee\"",
        "print(repr(S.A), str(S.A), S.B == \"bee\", f\"{S.B}\")",
        "try: Color.RED = 5",
        "except AttributeError as e: print(e)",
        "try:",
        "    class More(Color): Z = 9",
        "except TypeError as e: print(e)",
        "print(Color.RED.name, Color.RED.value, Color.RED._name_, Color.RED.__class__.__name__, hash(Color.RED) == hash(Color.RED))",
        "class Planet(Enum):",
        "    MERCURY = (3.303e+23, 2.4397e6)",
        "    EARTH = (5.976e+24, 6.37814e6)",
        "    def __init__(self, mass, radius):",
        "        self.mass = mass",
        "        self.radius = radius",
        "print(Planet.EARTH.mass, Planet.EARTH.value, repr(Planet.EARTH))",
        "class Mix(str, Enum):",
        "    A = \"a\"",
        "print(repr(Mix.A), str(Mix.A), f\"{Mix.A}\", Mix.A == \"a\")",
        "An = Enum('An', 'ANT BEE CAT')",
        "print(list(An), An.BEE.value)",
        "print(dir(Color))",
        "print(Color.RED.__repr__)",
        "import enum; print(enum.EnumMeta is enum.EnumType)",
        "print(list(reversed(Color)), Color.__name__, N.__mro__)",
      ),
    ));

  it("handles Flag and IntFlag, _missing_, a mixed-in type's __new__, copies and IntEnum arithmetic", () =>
    expectSameAsPython(
      cpython,
      "enum-edges",
      lines(
        "import enum, copy",
        "from enum import Enum, IntEnum, Flag, IntFlag, auto",
        "class Perm(IntFlag):",
        "    R = 4",
        "    W = 2",
        "    X = 1",
        "print(repr(Perm.R | Perm.W), str(Perm.R | Perm.X), Perm.R | 8 if False else \"\", Perm.W in (Perm.R | Perm.W), int(Perm.R | Perm.W), Perm.R + 1)",
        "class Color(Flag):",
        "    RED = auto()",
        "    GREEN = auto()",
        "    BLUE = auto()",
        "print(list(Color), Color.RED | Color.BLUE, repr(~Color.RED), bool(Color.RED & Color.BLUE), len(Color.RED | Color.GREEN), list(Color.RED | Color.BLUE))",
        "try: Color(8)",
        "except ValueError as e: print(e)",
        "class Shape(Enum):",
        "    SQUARE = 2",
        "    CIRCLE = 3",
        "    @classmethod",
        "    def _missing_(cls, value):",
        "        if isinstance(value, str):",
        "            return cls[value.upper()]",
        "        return None",
        "print(Shape(\"square\"), Shape(3))",
        "try: Shape(9)",
        "except ValueError as e: print(e)",
        "class Coord(bytes, Enum):",
        "    def __new__(cls, value, label):",
        "        obj = bytes.__new__(cls, [value])",
        "        obj._value_ = value",
        "        obj.label = label",
        "        return obj",
        "    PX = (0, 'P.X')",
        "    PY = (1, 'P.Y')",
        "print(Coord.PY.label, Coord.PY.value, Coord(1))",
        "class Ordinal(Enum):",
        "    def _generate_next_value_(name, start, count, last_values):",
        "        return name.title()",
        "    NORTH = auto()",
        "    SOUTH = auto()",
        "print(list(Ordinal))",
        "print(copy.copy(Ordinal.NORTH) is Ordinal.NORTH, copy.deepcopy([Ordinal.SOUTH])[0] is Ordinal.SOUTH)",
        "print(sorted(Shape, key=lambda s: s.value, reverse=True), max(Shape, key=lambda s: s.value))",
        "class Weekday(IntEnum):",
        "    MON = 1",
        "    TUE = 2",
        "print(Weekday.MON + Weekday.TUE, Weekday(2), Weekday.TUE > Weekday.MON, [0, 10, 20][Weekday.TUE], Weekday.MON == 1, {1: \"x\"}[Weekday.MON])",
        "print(isinstance(Weekday.MON, Weekday), isinstance(Weekday.MON, Enum), issubclass(Weekday, int), type(Weekday.MON).__name__)",
        "print(Shape.SQUARE.__class__, Shape.__class__, enum.Enum, enum.IntEnum, Enum.__name__)",
        "print(hasattr(Shape, \"SQUARE\"), getattr(Shape, \"CIRCLE\"), vars(Shape.SQUARE) if False else \"\")",
        "try: del Shape.SQUARE",
        "except AttributeError as e: print(e)",
        "print(Shape.SQUARE.name.lower(), f\"{Shape.CIRCLE!r:>5}\", f\"{Weekday.TUE:03d}\", \"%d\" % Weekday.TUE)",
        "for w in Weekday: print(w, w.name, w.value, end=\"; \")",
        "print()",
        "print(auto, repr(Enum), IntEnum.__mro__)",
      ),
    ));

  it("makes Flag and IntFlag pseudo-members by the class's boundary (STRICT, KEEP, CONFORM, EJECT), named as python3's", () =>
    expectSameAsPython(
      cpython,
      "enum-flag-boundary",
      `import enum
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
for v in [Perm.R | 8, Perm(12), Perm(7), Perm(0), Perm.R | Perm.W, Perm(8), ~Perm.R, Perm.R ^ 12, Perm.R & 5, Perm(-1), Perm(15), Perm(-20), 8 | Perm.W, Perm.R | True, ~Perm(0), ~Perm(12)]:
    print(repr(v), str(v), format(v), f"{v:>5}", list(v), int(v), v.name, v.value, type(v).__name__, len(v), bool(v))
print(Perm.R in Perm(7), Perm(12) in Perm(15), list(Perm), Perm(12) is Perm(12), Perm.R | 8 is Perm(12), sorted(Perm._value2member_map_))
print(Perm.R | 2.5 if False else '', Perm._boundary_, Perm._flag_mask_, Perm._singles_mask_, Perm._all_bits_)
class Color(enum.Flag):
    RED = 1
    GREEN = 2
    BLUE = 4
    WHITE = 7
for v in [Color.RED | Color.BLUE, Color(7), Color(0), ~Color.RED, ~Color.WHITE, Color(-1), Color(-3), Color.WHITE & Color.RED]:
    print(repr(v), str(v), list(v), v.name, v.value, len(v))
for bad in [lambda: Color(8), lambda: Color(-9), lambda: Color(16), lambda: Color('x'), lambda: Color.RED | 1, lambda: Perm.R | 'a']:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class C(enum.Flag):
    N = 0
    A = 1
    B = 2
    AB = 3
    D = 8
print(C._member_names_, list(C), C._flag_mask_, C._singles_mask_, C._all_bits_, C._boundary_, repr(enum.KEEP), enum.KEEP, enum.FlagBoundary, list(enum.FlagBoundary))
for v in [4, -9, 16, 5, 20, 3, 11, 9, -1, -12]:
    try:
        print(repr(C(v)))
    except ValueError as e:
        print(e)
class K(enum.Flag, boundary=enum.CONFORM):
    A = 1
    B = 4
print(K(7), K(-1), K(2), ~K.A)
class E(enum.Flag, boundary=enum.EJECT):
    A = 1
    B = 4
print(E(7), E(5), type(E(7)), ~E.A)
class S(enum.IntFlag, boundary=enum.STRICT):
    A = 1
    B = 2
try:
    S(4)
except ValueError as e:
    print(e)
class Odd(enum.IntFlag):
    X = 8
    Y = 1
    XY = 9
print(repr(Odd(9)), repr(Odd(11)), repr(Odd(3)), list(Odd(15)), repr(~Odd.X))
`,
    ));

  it("prints an uncaught lookup error with the program's frames only", () => {
    const src = lines("from enum import Enum", "class Color(Enum):", "    RED = 1", "def pick(v):", "    return Color(v)", "pick(5)");
    const want = cpython("enum-uncaught.py", src);
    const r = run(src, { filename: "enum-uncaught.py" });
    expect(want.stderr).toContain("ValueError: 5 is not a valid Color");
    expect(r.stderr).toBe(withoutFramesOf(want.stderr, /[/\\]enum\.py"/));
    expect(r.exitCode).toBe(want.status);
  });
});
