# heapq as course programs use it: Dijkstra's shortest paths, top-k, a task queue with (priority, item) ties, merging sorted runs.
import heapq

graph = {
    "A": [("B", 4), ("C", 2)],
    "B": [("C", 5), ("D", 10)],
    "C": [("E", 3)],
    "D": [("F", 11)],
    "E": [("D", 4)],
    "F": [],
}


def dijkstra(start):
    dist = {start: 0}
    prev = {}
    pq = [(0, start)]
    while pq:
        d, node = heapq.heappop(pq)
        print("pop", d, node, "queue:", pq)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(pq, (nd, nxt))
    return dist, prev


dist, prev = dijkstra("A")
print(dist)
path, node = [], "F"
while node != "A":
    path.append(node)
    node = prev[node]
print("->".join(reversed(path + ["A"])))

scores = [("ann", 88), ("bob", 95), ("cy", 72), ("dee", 95), ("eve", 60), ("fay", 88), ("gus", 99)]
print(heapq.nlargest(3, scores, key=lambda s: s[1]))
print(heapq.nsmallest(2, scores, key=lambda s: s[1]))
print(heapq.nlargest(4, [s for _, s in scores]), heapq.nsmallest(4, (s for _, s in scores)))

top = []
for name, s in scores:
    if len(top) < 3:
        heapq.heappush(top, (s, name))
    else:
        print("pushpop", heapq.heappushpop(top, (s, name)), top)
print(sorted(top, reverse=True))

tasks = []
for prio, job in [(2, "write"), (1, "plan"), (3, "test"), (1, "design"), (2, "review"), (1, "plan")]:
    heapq.heappush(tasks, (prio, job))
    print(tasks)
print(heapq.heapreplace(tasks, (0, "urgent")), tasks)
while tasks:
    print(heapq.heappop(tasks))

nums = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(nums)
print(nums)
print([heapq.heappop(nums) for _ in range(4)], nums)
runs = [[1, 4, 9], [2, 3, 10, 11], [], [0, 5]]
print(list(heapq.merge(*runs)))
print(list(heapq.merge(["fig", "apple"], ["kiwi", "banana"], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
