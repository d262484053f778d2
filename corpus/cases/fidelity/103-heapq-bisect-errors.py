# heapq's and bisect's errors and their messages: popping an empty heap, a heap that is not a list, unorderable items, a negative lo; an uncaught IndexError from heappop at the end.
import heapq
import bisect

heap = []
heapq.heappush(heap, (1, "a"))
print(heapq.heappop(heap), heap)
for name, call in [("heappop", lambda: heapq.heappop(heap)), ("heapreplace", lambda: heapq.heapreplace(heap, 1)),
                   ("heappush tuple", lambda: heapq.heappush((), 1)), ("heapify dict", lambda: heapq.heapify({})),
                   ("heappushpop None", lambda: heapq.heappushpop(None, 1)), ("mixed", lambda: heapq.heappush([1, 2], "x")),
                   ("dicts", lambda: heapq.heappush([{"p": 1}], {"p": 2})), ("lo", lambda: bisect.bisect_left([1], 0, -2)),
                   ("insort lo", lambda: bisect.insort_right([1], 0, -1, 1))]:
    try:
        call()
    except Exception as e:
        print(name, "->", type(e).__name__, e)
pq = [(2, "x"), (1, {"y": 1})]
heapq.heapify(pq)
print(pq)
try:
    heapq.heappush(pq, (1, {"z": 2}))
except TypeError as e:
    print("tie on unorderable items:", e, pq)
print(heapq.heappushpop(pq, (0, None)), pq)
while pq:
    print(heapq.heappop(pq))
heapq.heappop(pq)
