# Graph: BFS/DFS, topological sort, connected components with collections
from collections import deque, defaultdict, OrderedDict, namedtuple, Counter, ChainMap
edges = [("a", "b"), ("b", "c"), ("c", "d"), ("a", "e"), ("e", "d"), ("f", "g")]
g = defaultdict(list)
for u, v in edges:
    g[u].append(v); g[v].append(u)
def bfs(start):
    seen = {start: 0}; q = deque([start]); order = []
    while q:
        u = q.popleft(); order.append(u)
        for v in g[u]:
            if v not in seen:
                seen[v] = seen[u] + 1; q.append(v)
    return order, seen
def dfs(u, seen=None):
    if seen is None: seen = []
    seen.append(u)
    for v in g[u]:
        if v not in seen: dfs(v, seen)
    return seen
print(bfs("a"), dfs("a"))
comps = []
done = set()
for n in sorted(g):
    if n not in done:
        c = dfs(n); done.update(c); comps.append(sorted(c))
print(comps)
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core"], "core": [], "test": ["app"]}
indeg = Counter({k: 0 for k in deps})
for k, vs in deps.items():
    for v in vs: indeg[k] += 1
rev = defaultdict(list)
for k, vs in deps.items():
    for v in vs: rev[v].append(k)
q = deque(sorted(k for k in deps if indeg[k] == 0)); topo = []
while q:
    n = q.popleft(); topo.append(n)
    for m in rev[n]:
        indeg[m] -= 1
        if indeg[m] == 0: q.append(m)
print(topo)
print(g["zz"], "zz" in g, len(g), dict(g)["a"])
print(repr(defaultdict(int, {"x": 1})), defaultdict(list).default_factory)
d = deque(range(6), maxlen=5)
d.rotate(2); print(d); d.appendleft(-1); print(d, d.maxlen, d[0], d[-1])
d.extendleft([10, 11]); print(d, d.count(1), d.index(10))
Edge = namedtuple("Edge", "src dst weight", defaults=[1])
e = Edge("a", "b")
print(e, e._replace(weight=5), e._asdict(), Edge._fields, e.weight, e[0], tuple(e))
src, dst, w = e
print(src, dst, w, Edge._make(["x", "y", 3]), Edge._field_defaults)
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b"); od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False))
defaults = {"algo": "bfs", "start": "a", "limit": 10}
cfg = ChainMap({"start": "f"}, {"limit": 3}, defaults)
print(cfg["algo"], cfg["start"], cfg["limit"], len(cfg), list(cfg), cfg.get("goal", "none"), "limit" in cfg)
run = cfg.new_child({"algo": "dfs"})
run["limit"] = 99
print(run, run.parents["algo"], run.maps[0], cfg.maps[0], dict(run))
try:
    del run["start"]
except KeyError as e:
    print("KeyError:", e)
c1, c2 = Counter("aabbbc"), Counter("abd")
print(c1 + c2, c1 - c2, c1 & c2, c1 | c2, c1["zz"], list(c1.elements()), c1.total())
c1.subtract("aaaa"); print(c1, +c1, -c1)
