# statistics's StatisticsError (a ValueError) and its messages for too little data, and TypeError for data it cannot add
import statistics

calls = [
    ("mean", lambda: statistics.mean([])),
    ("fmean", lambda: statistics.fmean([])),
    ("median", lambda: statistics.median([])),
    ("median_low", lambda: statistics.median_low(())),
    ("mode", lambda: statistics.mode([])),
    ("variance", lambda: statistics.variance([5])),
    ("stdev", lambda: statistics.stdev([5])),
    ("pvariance", lambda: statistics.pvariance([])),
    ("pstdev", lambda: statistics.pstdev([])),
    ("quantiles one", lambda: statistics.quantiles([1])),
    ("quantiles n", lambda: statistics.quantiles([1, 2, 3], n=0)),
    ("quantiles method", lambda: statistics.quantiles([1, 2, 3], method="middle")),
    ("mean of str", lambda: statistics.mean(["1", "2"])),
    ("weights", lambda: statistics.fmean([1, 2], weights=[1])),
]
for label, call in calls:
    try:
        print(label, "->", call())
    except statistics.StatisticsError as e:
        print(label, "StatisticsError:", e, isinstance(e, ValueError))
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)
print(statistics.StatisticsError.__mro__)
print(statistics.multimode([]), statistics.mode(["red", "blue", "red"]), statistics.multimode("aabbc"))
