# Graph algorithms of a course: DFS/BFS, topological order, Dijkstra with paths, cycle detection, union-find Kruskal (a starred target in a generator expression)
graph = {
    "A": ["B", "C"], "B": ["D", "E"], "C": ["F"], "D": [], "E": ["F"], "F": ["G"], "G": [],
}
def dfs(g, start, seen=None):
    if seen is None: seen = []
    seen.append(start)
    for n in g[start]:
        if n not in seen:
            dfs(g, n, seen)
    return seen
def bfs(g, start):
    order, frontier, seen = [], [start], {start}
    while frontier:
        nxt = []
        for node in frontier:
            order.append(node)
            for n in g[node]:
                if n not in seen:
                    seen.add(n); nxt.append(n)
        frontier = nxt
    return order
print(dfs(graph, "A"), bfs(graph, "A"))
def topo(g):
    indeg = {n: 0 for n in g}
    for ns in g.values():
        for n in ns: indeg[n] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0); out.append(n)
        for m in g[n]:
            indeg[m] -= 1
            if indeg[m] == 0: ready.append(m); ready.sort()
    return out
print(topo(graph))
roads = {("A", "B"): 4, ("A", "C"): 2, ("B", "C"): 5, ("B", "D"): 10, ("C", "E"): 3, ("E", "D"): 4, ("D", "F"): 11}
adj = {}
for (u, v), w in roads.items():
    adj.setdefault(u, []).append((v, w)); adj.setdefault(v, []).append((u, w))
def dijkstra(adj, src):
    dist = {n: float("inf") for n in adj}
    prev = {}
    dist[src] = 0
    todo = set(adj)
    while todo:
        u = min(todo, key=lambda n: (dist[n], n))
        todo.remove(u)
        for v, w in adj[u]:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w; prev[v] = u
    return dist, prev
dist, prev = dijkstra(adj, "A")
print(dist)
def path(prev, t):
    p = [t]
    while p[-1] in prev: p.append(prev[p[-1]])
    return "->".join(reversed(p))
print(path(prev, "F"), path(prev, "A"), dist.get("Z", float("inf")), float("inf") > 10**300, -float("inf"))
def has_cycle(g):
    WHITE, GRAY, BLACK = 0, 1, 2
    color = dict.fromkeys(g, WHITE)
    def visit(n):
        color[n] = GRAY
        for m in g[n]:
            if color[m] == GRAY or (color[m] == WHITE and visit(m)): return True
        color[n] = BLACK
        return False
    return any(color[n] == WHITE and visit(n) for n in g)
print(has_cycle(graph), has_cycle({1: [2], 2: [3], 3: [1]}))
parent = {}
def find(x):
    parent.setdefault(x, x)
    if parent[x] != x: parent[x] = find(parent[x])
    return parent[x]
mst = []
for (u, v), w in sorted(roads.items(), key=lambda kv: kv[1]):
    if find(u) != find(v):
        parent[find(u)] = find(v); mst.append((u, v, w))
print(mst, sum(w for *_, w in mst))
print(float("inf") - float("inf"), float("nan") == float("nan"), 1e308 * 10, int(1e18), float(2**63))
