# Queues and breadth-first search with deque.
from collections import deque

graph = {"A": ["B", "C"], "B": ["D"], "C": ["D", "E"], "D": ["F"], "E": ["F"], "F": []}

def bfs(start):
    seen = {start}
    order = []
    queue = deque([start])
    while queue:
        node = queue.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order

print(bfs("A"))
d = deque()
print(d, len(d), bool(d))
d.append(1); d.append(2); d.appendleft(0); d.extend([3, 4]); d.extendleft([-1, -2])
print(d, d[0], d[-1], len(d), 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(list(reversed(d)), [x * 2 for x in d], d.count(1), d.index(2))
d[0] = 99; del d[1]; print(d)
last3 = deque(maxlen=3)
for i in range(6):
    last3.append(i)
    print(last3)
print(last3.maxlen, deque([1, 2]).maxlen, deque("abc"), deque(range(3)) == deque([0, 1, 2]), deque([1]) == [1])
last3.appendleft(-1); print(last3)
d.remove(99); d.reverse(); print(d, d.copy(), d + deque([7]), deque([1, 2]) * 2)
d.clear(); print(d)
for bad in (lambda: deque().popleft(), lambda: deque().pop(), lambda: deque([1])[5],
            lambda: deque([], maxlen=-1), lambda: deque([], maxlen="3"), lambda: deque([1])[0:1],
            lambda: deque([1]).remove(2), lambda: deque([1], maxlen=1).insert(0, 2)):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
