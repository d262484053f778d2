# a slice object comes from the one-slot slice cache when it holds one: python3's start-up leaves one there,
# and a full collection does not empty it; only a slice made while the cached one is in use counts as a
# new GC allocation in generation 0
import gc
a = list(range(10))
gc.collect()
print(gc.get_count())
b = a[2:5]
print(gc.get_count(), b)
c = a[::2]
print(gc.get_count(), c)
s = slice(1, 3)
print(gc.get_count())
d = a[s]
print(gc.get_count(), d)
t = slice(2, 4)
print(gc.get_count())
del s, t
gc.collect()
e = a[1:2]
print(gc.get_count(), e)
x = "abcdef"[1:4]
print(gc.get_count(), x)
