# a frame object that outlived its frame (held by a traceback or a variable) releases the locals first to
# last when it goes, and before its caller's frame; a generator that never started releases its arguments
# first to last
import sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def inner():
    i1 = D("i1")
    i2 = D("i2")
    i3 = D("i3")
    1 / 0
def outer():
    o1 = D("o1")
    o2 = D("o2")
    inner()
try:
    outer()
except Exception as e:
    tb = e.__traceback__
print("handled")
del tb
print("after del tb")
def held():
    x = D("x")
    y = D("y")
    return sys._getframe()
fr = held()
print("got frame", sorted(fr.f_locals))
del fr
print("after del fr")
def gen(a, b):
    c = D("c")
    yield
g = gen(D("a"), D("b"))
del g
print("created generator gone")
g = gen(D("a2"), D("b2"))
next(g)
del g
print("suspended generator gone")
