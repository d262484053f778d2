# dict.update(d) into an empty dict clones d's table when it is clean, else resizes once up front.
import gc
import sys

d = {2: 'two'}
del d[2]
d.update({'c': 3})
print(d, sys.getsizeof(d))
d = {i: i for i in range(20)}
for i in range(20):
    del d[i]
d.update({'c': 3})
print(d, sys.getsizeof(d))
d = {}
d.update({i: i for i in range(10)})
print(sys.getsizeof(d))
src = {i: i for i in range(12)}
for i in range(8):
    del src[i]
d = {}
d.update(src)
print(d, sys.getsizeof(d))
d = {'x': 1}
d.update({i: i for i in range(10)})
print(len(d), sys.getsizeof(d))
d = {'x': 1}
d |= {'y': 2}
print(d, sys.getsizeof(d))
e = {**{'a': 1, 'b': 2}}
print(sys.getsizeof(e), sys.getsizeof(dict({'a': 1})))
big = {i: [i] for i in range(100)}
e = {}
e.update(big)
print(sys.getsizeof(e), gc.is_tracked(e))
t = {}
t.update({'a': 1})
print(gc.is_tracked(t))
