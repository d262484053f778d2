# a frame object's repr names its file, its line (now, where it paused, or where it ended) and its code
import sys
def tail(o):
    r = repr(o)
    return r[:7], r.split(", ", 2)[2]
def gen():
    yield 1
    x = 2
    yield x
g = gen()
print(tail(g.gi_frame))
next(g)
print(tail(g.gi_frame))
next(g)
print(tail(g.gi_frame))
def here():
    return sys._getframe()
f = here()
print(tail(f), f.f_lineno)
print(tail(sys._getframe()))
def caller():
    return tail(sys._getframe()), tail(sys._getframe().f_back)
print(caller())
