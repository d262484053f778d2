# statistics: median_grouped, covariance, correlation, linear_regression and NormalDist as python3 gives them (to the last digit)
import statistics as st
from statistics import NormalDist

ages = [25] * 172 + [35] * 484 + [45] * 387 + [55] * 22 + [65] * 6
print(st.median(ages), st.median_grouped(ages, interval=10), st.median_grouped([1, 3, 3, 5, 7]), st.median_grouped([52, 52, 53, 54], 2))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
z = [9.5, 8.25, 7, 6.1, 5, 4.4, 3, 2.2, 1]
print(st.covariance(x, y), st.covariance(x, z), st.correlation(x, y), st.correlation(x, z))
fit = st.linear_regression(x, z)
print(fit, fit.slope, st.linear_regression(x, z, proportional=True))
for f, a in [(st.covariance, ([1], [1])), (st.correlation, ([1, 2, 3], [1, 2])), (st.correlation, ([4, 4], [1, 2])), (st.linear_regression, ([2, 2], [1, 2])), (st.median_grouped, ([],)), (st.median_grouped, (["a"],))]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)

iq = NormalDist(100, 15)
print(iq, iq.mean, iq.stdev, iq.variance, iq.cdf(130), iq.cdf(85.5), iq.pdf(110), iq.inv_cdf(0.99), iq.inv_cdf(1e-9), iq.zscore(72))
print(iq.quantiles(), [round(v, 3) for v in iq.quantiles(10)])
m = NormalDist(2.4, 1.6)
w = NormalDist(3.2, 2.0)
print(m.overlap(w), w.overlap(m), m + w, m - w, m * 2, 3 - m, -m, m / 4, m + 1 == NormalDist(3.4, 1.6))
print(NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
for t in [0.0, 0.5, 1.0, 1.1, 2.0, 3.0, 4.5, 7.0]:
    print(t, NormalDist().cdf(t), NormalDist().cdf(-t), NormalDist().inv_cdf(0.5 + t / 16))
for bad in [lambda: NormalDist(1, -1), lambda: NormalDist(1, 0).cdf(1), lambda: iq.inv_cdf(1.0), lambda: iq.overlap(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
