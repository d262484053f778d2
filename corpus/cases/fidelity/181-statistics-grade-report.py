# statistics on a class's scores: mean, median, mode, stdev and the types python3 gives back (int where exact, float otherwise)
import statistics

scores = {"Ana": [88, 92, 79, 93], "Ben": [75, 64, 80, 71], "Cai": [90, 90, 85, 100], "Dee": [55, 70, 65, 60]}
for name, s in scores.items():
    print(f"{name}: mean={statistics.mean(s)!r} median={statistics.median(s)!r} stdev={statistics.stdev(s):.3f}")

everyone = [x for s in scores.values() for x in s]
print("all:", sorted(everyone))
print("mean", statistics.mean(everyone), "fmean", statistics.fmean(everyone))
print("median", statistics.median(everyone), statistics.median_low(everyone), statistics.median_high(everyone))
print("mode", statistics.mode(everyone), "multimode", statistics.multimode(everyone))
print("pstdev", statistics.pstdev(everyone), "stdev", statistics.stdev(everyone))
print("pvariance", statistics.pvariance(everyone), "variance", statistics.variance(everyone))
print(statistics.mean([1, 2, 3]), statistics.mean([1, 2, 3, 4]), statistics.mean([1, 2, 2.5]), statistics.mean([0.1] * 10))
print(statistics.median([3, 1, 2]), statistics.median([4, 1, 3, 2]), statistics.variance([2, 4, 4, 4, 5, 5, 7, 9]))
best = max(scores, key=lambda n: statistics.mean(scores[n]))
print("best:", best, round(statistics.mean(scores[best]), 2))
