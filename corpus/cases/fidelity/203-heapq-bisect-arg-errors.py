# heapq and bisect: wrong argument counts, keywords and out-of-range bounds give python3's C texts
import heapq
import bisect

calls = [
    lambda: heapq.heappush([]), lambda: heapq.heappush([], 1, 2), lambda: heapq.heappop(), lambda: heapq.heapify([], []),
    lambda: heapq.heappush([], item=1), lambda: heapq.heappop(heap=[1]), lambda: heapq.heapreplace([1]),
    lambda: bisect.bisect(), lambda: bisect.bisect([1]), lambda: bisect.bisect([1], 1, 0, 1, None), lambda: bisect.insort([1], 1, 0, 1, None, 5),
    lambda: bisect.bisect_left([1], 1, x=2), lambda: bisect.insort_left([1], 1, where=0), lambda: bisect.bisect([], 1, lo=-1),
    lambda: bisect.bisect([1], 1, 2**64), lambda: bisect.bisect([1], 1, 0, 2**64),
]
for c in calls:
    try:
        c()
    except Exception as e:
        print(type(e).__name__, e)
