# Correctly rounded values from exact decimal arithmetic (80 significant digits), for inputs across
# magnitudes and the edge cases: subnormal results, near 1, exact powers and half-way powers.
import json, math, random, sys
from decimal import Decimal, getcontext
from fractions import Fraction
getcontext().prec = 80
getcontext().Emin = -99999
getcontext().Emax = 99999
random.seed(11)
def cr(d):
    try:
        return repr(float(d))
    except OverflowError:
        return "inf"
rows = []
def add(name, x, y, v):
    rows.append([name, repr(x), repr(y), v])
for _ in range(300):
    x = random.uniform(-745, 709.7) if random.random() < .6 else random.choice([1, -1]) * 10 ** random.uniform(-17, 2)
    add("exp", x, 0.0, cr(Decimal(x).exp()))
    x2 = random.uniform(-1075, 1023.9)
    add("exp2", x2, 0.0, cr((Decimal(2).ln() * Decimal(x2)).exp()))
    z = 10 ** random.uniform(-320, 308) if random.random() < .7 else 1 + random.choice([1, -1]) * 10 ** random.uniform(-15.5, -1)
    add("log", z, 0.0, cr(Decimal(z).ln()))
    add("log2", z, 0.0, cr(Decimal(z).ln() / Decimal(2).ln()) if z != 1 else "0.0")
    r = random.random()
    if r < .5: a, b = random.random() * 10, random.random() * 6 - 3
    elif r < .8: a, b = 10 ** random.uniform(-300, 300), random.uniform(-3, 3)
    else: a, b = 1 + 10 ** random.uniform(-15.5, -2), 10 ** random.uniform(0, 16)
    if a == 1: continue
    t = Decimal(a).ln() * Decimal(b)
    add("pow", a, b, "inf" if t > 710 else "0.0" if t < -746 else cr(t.exp()))
def dpi():
    # Machin: pi / 4 = 4 atan(1/5) - atan(1/239)
    def atan_inv(k):
        total, term, n, sign = Decimal(0), Decimal(1) / k, 1, 1
        while term > Decimal(10) ** -90:
            total += sign * term / n
            term /= k * k
            n, sign = n + 2, -sign
        return total
    return 4 * (4 * atan_inv(5) - atan_inv(239))
PI = dpi()
def dsincos(x):
    d = Decimal(x)
    k = (d / (PI / 2)).to_integral_value()
    r = d - k * PI / 2
    s, c, term, n = Decimal(0), Decimal(0), Decimal(1), 0
    while abs(term) > Decimal(10) ** -90:
        if n % 2 == 0: c += term * (1 if n % 4 == 0 else -1)
        else: s += term * (1 if n % 4 == 1 else -1)
        n += 1
        term = term * r / n
    q = int(k) % 4
    return [(s, c), (c, -s), (-s, -c), (-c, s)][q]
for _ in range(300):
    x = random.uniform(-20, 20) if random.random() < .7 else random.choice([1, -1]) * 10 ** random.uniform(-8, 5)
    s, c = dsincos(x)
    add("sin", x, 0.0, cr(s))
    add("cos", x, 0.0, cr(c))
    add("tan", x, 0.0, cr(s / c))
# exact and half-way results: x = c**2, x ** 1.5 = c**3 (54 bits for the half-way ones), and 2**k roots
for c in [3, 5, 12345, 2**17 + 1, 2**18 - 1, 2**18 - 3, 240007, 262141]:
    add("pow", float(c * c), 1.5, repr(float(Fraction(c) ** 3)))
    add("pow", float(c * c) / 64, -0.5, repr(float(Fraction(8, c))))
add("pow", 2.0 ** -1000, 1.0748, cr((Decimal(2).ln() * Decimal(-1000) * Decimal(1.0748)).exp()))
add("pow", 2.0 ** -1024, 1.0498046875, repr(float(Fraction(1, 2**1075))))
add("pow", 2.0 ** 512, 1.998046875, cr(Decimal(2) ** 1023))
add("pow", 81.0, 0.25, "3.0")
json.dump(rows, sys.stdout)
