# fractions.Fraction: exact arithmetic, mixing with int (exact) and float (float), comparisons, rounding and conversions
from fractions import Fraction
import math

a, b = Fraction(3, 4), Fraction(-5, 6)
print(a, b, repr(a), repr(Fraction(6, -8)), a.numerator, b.denominator)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(a ** 2, a ** -2, b ** 3, 2 ** Fraction(3), Fraction(4) ** Fraction(1, 2), a ** 0.5)
print(a + 1, 1 - a, a * 3, 3 / a, a + 0.25, 0.5 * a, a + 1j)
print(a == 0.75, a == Fraction(6, 8), a < 1, b > -1, a >= 0.75, Fraction(1, 3) < 1 / 3, sorted([a, b, 0.5, 0, Fraction(1, 8)]))
print(int(b), float(a), math.floor(b), math.ceil(b), math.trunc(b), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 2))
print(abs(b), -a, +a, bool(Fraction(0)), a.as_integer_ratio(), str(Fraction(10, 5)))
total = sum(Fraction(1, n) for n in range(1, 11))
print(total, float(total))
print(sum([Fraction(1, 10)] * 10) == 1, sum([0.1] * 10) == 1)
recipe = {"flour": Fraction(3, 4), "sugar": Fraction(1, 3), "butter": Fraction(1, 2)}
for k, v in recipe.items():
    print(f"{k}: {v} cup, doubled {v * 2}, halved {v / 2}")
