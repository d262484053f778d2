# math: the functions whose results are exact or exactly rounded (square root, rounding, fmod, frexp,
# ldexp, hypot / dist / fsum on pseudo-random vectors, the int functions), their values as python3 prints them
import math
vals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, 3.0, 10.0, 1e-300, 5e-324, 1e300, 1.7976931348623157e308, 0.1, 0.7, 1.5, 2.5, -2.5, 123.456, -987.654, 1e16, 2**53 + 1.0, math.pi, math.e, float("inf"), float("-inf"), float("nan"), 7, -7, 0, 2**100, 10**400, True]
names = ["sqrt", "fabs", "degrees", "radians", "floor", "ceil", "trunc", "isfinite", "isinf", "isnan", "modf", "frexp"]
for n in names:
    f = getattr(math, n)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(type(e).__name__)
    print(n, " ".join(out))
pairs = [(2, 3), (2.0, -1), (-8, 1/3), (0, 0), (0.0, -1), (-2, 2), (1, float("nan")), (float("nan"), 0), (-1, float("inf")), (2, 1e6), (10, -400), (1.5, 2.5), (-0.0, 3), (float("inf"), -1), (3, 0.5), (7, 3), (-7, 3), (7, -3), (5.5, float("inf")), (float("inf"), 2), (1e308, 10), (2, 0.0)]
for n in ["pow", "copysign", "fmod", "hypot", "ldexp", "isclose"]:
    f = getattr(math, n)
    out = []
    for a, b in pairs:
        try:
            if n == "ldexp":
                b = int(b) if b == b and abs(b) != float("inf") else 0
            out.append(repr(f(a, b)))
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(n, " ".join(out))
seed = [12345]
def rnd():
    seed[0] = (seed[0] * 1103515245 + 12345) % 2**31
    return seed[0] / 2**31

for i in range(300):
    k = int(rnd() * 6) + 1
    xs = [(rnd() * 2e3 - 1e3) * 10 ** (int(rnd() * 41) - 20) for _ in range(k)]
    ys = [(rnd() * 2e3 - 1e3) for _ in range(k)]
    print(repr(math.hypot(*xs)), repr(math.dist(xs, ys)), repr(math.fsum(xs + ys)), repr(math.hypot(*ys)))
print(math.factorial(30), math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6, 10), math.lcm(), math.isqrt(10**40 + 12345), math.comb(50, 20), math.perm(10, 3), math.perm(6), math.comb(3, 5))
print(math.prod([1, 2, 3.5]), math.prod([]), math.prod([[1]], start=[2]) if False else 0, math.prod(range(1, 10), start=2), math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]), math.fsum([float("inf"), 1]))
print(math.pi, math.e, math.tau, math.inf, math.nan, math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], [1, 1, 1]), math.hypot(), math.hypot(-3), math.hypot(3, 4, 12))
print(math.sqrt, type(math).__name__, math.__name__, math.floor(-0.5), math.ceil(-0.5), math.log(2**2000), math.log2(2**2000), math.log10(10**500), math.log(10**500, 10))
x = 10 ** 20
print(math.floor(x) is x, math.trunc(2.7), math.ceil(True))
