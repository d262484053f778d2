# WeakSet and WeakKeyDictionary: the set and mapping methods, and their state while iterated
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


nodes = [Node(c) for c in "abcdef"]
ws = weakref.WeakSet(nodes[:4])
print(weakref.WeakSet(), len(ws), nodes[0] in ws, 1 in ws)
print(ws.pop() in nodes[:4], len(ws))
ws.clear()
ws.update(nodes[:3])
print(sorted(ws, key=repr), len(ws | weakref.WeakSet(nodes[3:])))
print(type(ws.copy()).__name__, ws == ws.copy(), ws == set(nodes[:3]), ws != ws.copy())
print(ws.issubset(nodes), ws <= set(nodes), ws < set(nodes), ws >= set(nodes[:1]), ws > set(nodes))
print(sorted(ws - {nodes[1]}, key=repr), sorted(ws & set(nodes[1:]), key=repr))
print(sorted(ws ^ set(nodes[2:4]), key=repr), sorted(ws.union(nodes[5:]), key=repr))
print(ws.isdisjoint(nodes[4:]), sorted(ws.difference(nodes[:1]), key=repr))
ws2 = ws.copy()
ws2 -= set(nodes[:1])
ws2 |= {nodes[4]}
ws2 &= set(nodes[1:])
ws2 ^= {nodes[5]}
print(sorted(ws2, key=repr))
for bad in (lambda: ws.add(3), lambda: ws.remove(Node("z")), lambda: weakref.WeakSet().pop(), lambda: hash(ws)):
    try:
        bad()
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e if not isinstance(e, KeyError) or "pop" in str(e) else "(a weakref)")

# while a WeakSet is iterated, a dead member still counts until the loop ends
seen = []
for n in ws:
    seen.append(n)
    if len(seen) == 1:
        victim = [x for x in nodes[:3] if x is not n][0]
        nodes.remove(victim)
        del victim
        print("during", len(ws), len(ws.data))
print("after", len(ws), len(ws.data))
try:
    for n in ws:
        ws.add(Node("temp"))
except RuntimeError as e:
    print("RuntimeError:", e)

nodes = [Node(c) for c in "pqrst"]
wk = weakref.WeakKeyDictionary({nodes[0]: 1, nodes[1]: 2})
print(len(wk), wk[nodes[0]], nodes[1] in wk, 1 in wk, wk.get(nodes[4], "x"))
print(wk.pop(nodes[1]), len(wk), wk.popitem(), len(wk))
wk[nodes[2]] = 3
print(len(wk.keyrefs()), type(wk.copy()).__name__, wk.setdefault(nodes[3], 4), wk.setdefault(nodes[3], 5))
print(sorted((wk | {nodes[4]: 5}).values()), sorted(({nodes[4]: 0} | wk).values()))
wk |= {nodes[0]: 0}
print(sorted(wk.items(), key=repr), wk == dict(wk.items()))
try:
    wk[1] = 2
except TypeError as e:
    print("TypeError:", e)
it = iter(wk)
first = next(it)
del nodes[3]
print("iterating", len(wk), len(wk.data))
print(sorted(it, key=repr) + [first] and len(wk), len(wk.data))
wk.clear()
print(len(wk), list(wk.items()))
