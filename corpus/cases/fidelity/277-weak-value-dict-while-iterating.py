# WeakValueDictionary while it is iterated: dead entries wait until the iteration ends, new ones are an error
import weakref


class Item:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Item({self.n})"


items = [Item(i) for i in range(6)]
cache = weakref.WeakValueDictionary({i: item for i, item in enumerate(items)})
print(len(cache), sorted(cache))

it = iter(cache)
print("first key", next(it))
del items[4]
print("after one value died:", len(cache.data), "stored")
print("rest", list(it))
print("after the loop:", len(cache.data), "stored", sorted(cache))

try:
    for key in cache:
        cache[key + 100] = items[0]
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(cache))

# len() in the middle of an iteration deletes the dead entries at once
items.append(Item(50))
cache[50] = items[-1]
it = cache.keys()
print("next", next(it))
items.pop()
print("len", len(cache))
try:
    print(list(it))
except RuntimeError as e:
    print("RuntimeError:", e)

# methods the mapping has
print(cache.popitem() is not None, len(cache))
print(type(cache.copy()).__name__, len(cache.copy()), len(cache.valuerefs()))
print(len(list(cache.itervaluerefs())), type(cache.keyrefs if hasattr(cache, "keyrefs") else None))
print(cache.setdefault(1, items[0]), cache.pop(2, "gone"), cache.pop(2, "gone"))
both = cache | {"x": items[0]}
print(type(both).__name__, sorted(map(str, both)))
merged = {"y": items[1]} | cache
print(type(merged).__name__, sorted(map(str, merged)))
cache |= {"z": items[1]}
print(sorted(map(str, cache)))
print(cache == dict(cache.items()), cache == {}, cache != {})
try:
    hash(cache)
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(cache)
except TypeError as e:
    print("TypeError:", e)
try:
    cache.pop(99)
except KeyError as e:
    print("KeyError:", e)
cache.clear()
print(len(cache), list(cache.items()))
