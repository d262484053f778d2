# statistics' median_grouped, covariance, correlation, linear_regression and NormalDist, against python3
import random
import statistics as st
from fractions import Fraction
from statistics import NormalDist

R = random.Random(2024)


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
    else:
        print(f.__name__, type(r).__name__, repr(r))


for data in [[1], [1, 2, 2, 3, 4, 4, 4, 4, 4, 5], [52, 52, 53, 54], [1.5, 2.5], [Fraction(1, 3), Fraction(2, 3)], [True, False, True], [], ["a"], ["a", "b"], (x for x in [3, 1, 2])]:
    for interval in [1, 2, 0.5, 10, Fraction(1, 2), "3", None]:
        show(st.median_grouped, list(data) if not isinstance(data, list) else data, interval)
for n in range(1, 40):
    data = [R.randrange(10) * 5 for i in range(n)]
    show(st.median_grouped, data, 5)

pairs = [([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]), ([1, 2, 3, 4, 5, 6, 7, 8, 9], [9, 8, 7, 6, 5, 4, 3, 2, 1]), ([1], [2]), ([1, 2], [3]), ([1, 1, 1], [1, 2, 3]), ([1, 2, 3], [5, 5, 5]), ([0, 0], [0, 0]), ([1.5, 2.5, 3.75], [Fraction(1, 3), 2, 7]), ([1e300, -1e300, 3.0], [1, 2, 3]), ([float("inf"), 1], [1, 2]), (["a", "b"], [1, 2])]
for i in range(60):
    n = R.randrange(2, 25)
    xs = [R.uniform(-100, 100) for k in range(n)]
    pairs.append((xs, [3.5 * v - 7 + R.gauss(0, 4) for v in xs]))
    pairs.append(([R.randrange(-50, 50) for k in range(n)], [R.randrange(-50, 50) for k in range(n)]))
for x, y in pairs:
    show(st.covariance, x, y)
    show(st.correlation, x, y)
    show(st.linear_regression, x, y)
    show(st.linear_regression, x, y, proportional=True)
show(st.covariance, iter([1, 2]), [1, 2])
show(st.linear_regression, [1, 2], [1, 2], True)
print(st.LinearRegression._fields, st.linear_regression([1, 2, 3], [2, 4, 7]).slope)

dists = [NormalDist(), NormalDist(2.4, 1.6), NormalDist(3.2, 2.0), NormalDist(-5, 0.001), NormalDist(100, 30), NormalDist(1, 0), NormalDist(mu=Fraction(1, 3), sigma=True)]
for i in range(40):
    dists.append(NormalDist(R.uniform(-20, 20), R.uniform(0.05, 15)))
for d in dists:
    print(repr(d), d.mean, d.median, d.mode, d.stdev, d.variance)
    for x in [d.mean, 0, 1, -1.5, 2.75, 1e-9, 30, -200] + [R.uniform(-40, 40) for k in range(20)]:
        show(d.cdf, x)
        show(d.zscore, x)
    for x in [d.mean, 0, 1.25, -3] + [R.uniform(-10, 10) for k in range(5)]:
        show(d.pdf, x)
    for p in [0.5, 0.3, 0.7, 0.025, 0.975, 0.5 + 0.425, 0.075, 1e-10, 1 - 1e-10, 1e-20, 1e-300, 0, 1, -0.5] + [R.random() for k in range(12)] + [R.random() * 1e-15 for k in range(4)]:
        show(d.inv_cdf, p)
    for n in [1, 2, 4, 10]:
        show(d.quantiles, n)
for i in range(len(dists) - 1):
    a, b = dists[i], dists[i + 1]
    show(a.overlap, b)
    show(b.overlap, a)
    show(a.overlap, a)
    print(repr(a + b), repr(a - b), repr(a + 3), repr(3 + a), repr(a - 1.5), repr(10 - a), repr(a * -2), repr(-2 * a), repr(a / -4), repr(-a), repr(+a), a == b, a == a + 0, a == 1, hash(a) == hash((a.mean, a.stdev)))
show(NormalDist(1, 2).overlap, 5)
show(NormalDist, 0, -1)
for data in [[2.5, 3.1, 2.1, 2.4, 2.7, 3.5], [1, 2, 3, 4], (x for x in [1, 5, 7]), [Fraction(1, 3), Fraction(5, 7), 2], [1], [], [1.0, float("inf")], [1.0, float("nan")]]:
    show(NormalDist.from_samples, data)
for i in range(30):
    show(NormalDist.from_samples, [R.uniform(-1000, 1000) for k in range(R.randrange(2, 30))])
print(NormalDist(5, 2).samples(5, seed=3), len(NormalDist().samples(4)))
d = NormalDist(1, 2)
print(d.__getstate__(), sorted(NormalDist.__slots__))
d.__setstate__((3.0, 4.0))
print(d)
# python3's __all__, in its order
print(st.__all__)
