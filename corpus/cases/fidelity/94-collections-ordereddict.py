# OrderedDict as an LRU cache.
from collections import OrderedDict

cache = OrderedDict()
for key in "abcde":
    cache[key] = ord(key)
print(cache)
cache.move_to_end("b")
print(list(cache))
cache.move_to_end("d", last=False)
print(list(cache), cache.popitem(), cache.popitem(last=False), cache)
print(OrderedDict([("y", 2), ("x", 1)]), OrderedDict(), OrderedDict(x=1) == {"x": 1}, OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(OrderedDict(a=1, b=2)) == {"b": 2, "a": 1})

def lru_get(store, key, limit=3):
    if key in store:
        store.move_to_end(key)
        return store[key]
    store[key] = key * 2
    if len(store) > limit:
        store.popitem(last=False)
    return store[key]

lru = OrderedDict()
for k in [1, 2, 3, 1, 4, 2, 5]:
    lru_get(lru, k)
    print(list(lru.items()))
for bad in (lambda: OrderedDict().popitem(), lambda: OrderedDict().move_to_end("q")):
    try:
        bad()
    except KeyError as e:
        print("KeyError:", e)
print(isinstance(lru, dict), type(lru).__name__, lru.copy(), lru.copy() is lru)
