# Fraction from strings and floats (exactly), limit_denominator's best approximations, and hashes equal to the int's and float's
from fractions import Fraction
import math

for s in ["3/4", " -2 ", "1.5", "-0.125", "1e-3", "2.5E2", ".5", "7.", "+10/4", "1_000/3"]:
    print(repr(s), Fraction(s))
for x in [0.1, 0.5, -2.75, 1e-10, 3.0]:
    print(x, Fraction(x), Fraction(x).limit_denominator(), Fraction.from_float(x) == x)
pi = Fraction(math.pi)
for d in [1, 10, 100, 1000, 10**6]:
    print(d, pi.limit_denominator(d))
print(Fraction("0.1") == Fraction(0.1), Fraction(0.1).limit_denominator(100) == Fraction("0.1"))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(6, 3)) == hash(2), hash(Fraction(1, 3)))
counts = {Fraction(1, 2): "half", 2: "two"}
print(counts[0.5], counts[Fraction(4, 2)], len({Fraction(3), 3, 3.0}))
print(Fraction(Fraction(1, 2), Fraction(1, 3)), Fraction(True), Fraction(-0.0))
