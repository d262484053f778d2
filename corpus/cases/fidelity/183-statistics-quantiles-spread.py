# statistics.quantiles (exclusive and inclusive cut points), variance with a given mean, Fractions in and out, non-finite data
import statistics
from fractions import Fraction

heights = [160, 165, 170, 172, 175, 178, 180, 183, 185, 190, 199]
print(statistics.quantiles(heights))
print(statistics.quantiles(heights, n=10))
print(statistics.quantiles(heights, n=4, method="inclusive"))
print(statistics.quantiles([1.5, 2.5], n=3), statistics.quantiles([1, 2], n=1))
m = statistics.mean(heights)
print(m, statistics.variance(heights), statistics.variance(heights, m), statistics.pvariance(heights, mu=m))
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.pstdev([0.1, 0.2, 0.3, 0.4]))
fr = [Fraction(1, 2), Fraction(1, 3), Fraction(3, 4)]
print(repr(statistics.mean(fr)), repr(statistics.variance(fr)), repr(statistics.median(fr)), statistics.stdev(fr))
print(repr(statistics.mean([Fraction(1, 2), 0.25])), statistics.mean([True, False, True]))
print(statistics.mean([1e50, 1, -1e50]), statistics.mean([1, float("inf")]), statistics.variance([10**20, 1, 2]))
print(statistics.harmonic_mean([40, 60]), statistics.geometric_mean([2, 8]), statistics.fmean([1, 2, 3], weights=[3, 2, 1]))
