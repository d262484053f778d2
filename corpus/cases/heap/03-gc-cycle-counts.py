# Reference cycles survive del and are found by gc.collect(); its return value counts tracked objects
import gc
gc.collect()
class Pair:
    pass
for n in range(1, 4):
    objs = [Pair() for _ in range(n)]
    for i, o in enumerate(objs):
        o.other = objs[(i + 1) % n]
    del objs, o
    print(n, "instances in a ring ->", gc.collect())
l = []
l.append(l)
del l
print("self-referencing list ->", gc.collect())
d = {}
d["me"] = d
del d
print("self-referencing dict ->", gc.collect())
print("nothing left ->", gc.collect())
