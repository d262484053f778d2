# a __repr__ that calls repr(self) ends in RecursionError, three levels of the limit per round
import sys
n = 0
class A:
    def __repr__(self):
        global n
        n += 1
        return repr(self)
for lim in (100, 200, 400, 600, 1000):
    sys.setrecursionlimit(lim)
    n = 0
    try:
        repr(A())
    except RecursionError as e:
        print(lim, n, e)
l = []
l.append(l)
d = {}
d["d"] = d
print(l, repr(l), d)
def g():
    raise ValueError("inner")
def h():
    try:
        g()
    finally:
        print("cleanup")
h()
