# reversed() of a dict and of its views: python3's dict_reverse*iterator types, sizes, order after deletions, the size-change error
import sys
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
d["d"] = 4
r = reversed(d)
print(type(r).__name__, sys.getsizeof(r), next(r))
print(list(r), list(r))
for v in (d, d.keys(), d.values(), d.items()):
    it = reversed(v)
    print(type(it).__name__, sys.getsizeof(it), list(it), iter(it) is it)
r = reversed(d)
next(r)
d["e"] = 5
try:
    next(r)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    next(r)
except StopIteration:
    print("stop")
except RuntimeError as e:
    print("RuntimeError", e)
class O: pass
o = O(); o.x = 1; o.y = 2; o.z = 3
print(list(reversed(o.__dict__)), list(reversed(o.__dict__.items())))
r = reversed({})
dr = type(reversed({}))
try:
    dr()
except TypeError as e:
    print(e)
print(dr.__name__, type(reversed({}.values())).__name__, type(reversed({}.items())).__name__, dr)
d2 = {1: "a", 2: "b", 3: "c"}
r = reversed(d2.items())
print(next(r), sys.getrefcount(d2))
del d2[2]
d2[4] = "d"
print(list(r), d2)
del r
print(sys.getrefcount(d2))
