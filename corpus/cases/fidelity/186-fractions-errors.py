# Fraction's errors: python3's ZeroDivisionError texts, bad strings and argument types, unsupported operands
from fractions import Fraction

tries = [
    lambda: Fraction(1, 0),
    lambda: Fraction("5/0"),
    lambda: Fraction(3, 4) / 0,
    lambda: Fraction(-6, 7) / Fraction(0),
    lambda: Fraction(0) ** -1,
    lambda: 1 / Fraction(0),
    lambda: Fraction(1, 2) // 0,
    lambda: Fraction(1, 2) % 0,
    lambda: Fraction("abc"),
    lambda: Fraction("1/2.5"),
    lambda: Fraction(""),
    lambda: Fraction(1.5, 2),
    lambda: Fraction([1]),
    lambda: Fraction(float("inf")),
    lambda: Fraction(float("nan")),
    lambda: Fraction(1, 2) + "x",
    lambda: Fraction(1, 2) < "x",
    lambda: Fraction(1, 2).limit_denominator(0),
    lambda: Fraction.from_float("0.5"),
]
for t in tries:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ":", e)
