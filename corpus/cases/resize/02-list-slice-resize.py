# Slice assignment and deletion move a list's tail once and resize it once with list_resize's growth rule.
import sys

k = [1, 2, 7]
k[1:2] = [5, 6, 7]
print(k, sys.getsizeof(k))
for n, lo, hi in ((100, 10, 90), (20, 1, 19), (64, 3, 40), (10, 0, 10)):
    k = list(range(n))
    del k[lo:hi]
    print(n, lo, hi, len(k), sys.getsizeof(k))
    k = list(range(n))
    k[lo:hi] = (0,)
    print(n, lo, hi, len(k), sys.getsizeof(k))
    k = list(range(n))
    del k[lo:hi:3]
    print(n, lo, hi, len(k), sys.getsizeof(k))
k = [1, 2]
k[1:] = range(10)
print(k, sys.getsizeof(k))
k = [1, 2]
k[:] = k
print(k, sys.getsizeof(k))
k = [1, 2, 3]
k[::-1] = k
print(k, sys.getsizeof(k))
k = [None] * 10
k[2:3] = [0] * 30
print(len(k), sys.getsizeof(k))
for bad in (5, None):
    try:
        k[0:1] = bad
    except TypeError as e:
        print(e)
    try:
        k[::2] = bad
    except TypeError as e:
        print(e)


class D:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print('del', self.tag)


k = [D(i) for i in range(12)]
k[1:11] = [0]
print('after slice', len(k))
k = [D(i) for i in range(6)]
del k[4:0:-2]
print('after extended del', len(k))
k[::2] = ['a', 'b']
print('after extended set', len(k))
