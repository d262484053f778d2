# a frame object that outlived its frame and is in a cycle through its own locals (the frame held by a
# local, or by a tuple in one) is collected: the collector clears its locals first to last, as python3's
# frame_tp_clear does; nothing is left behind at exit
import gc
import sys
FT = type(sys._getframe())
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def caller():
    x = [1]
    fr = sys._getframe()
    return 1
def g():
    def f():
        a = D("a")
        fr = sys._getframe()
        b = D("b")
        t = (fr, D("t"))
        return 1
    return f()
def frames(name):
    return sum(1 for o in gc.get_objects() if isinstance(o, FT) and o.f_code is not None and o.f_code.co_name == name)
caller()
print(frames("caller"))
print(gc.collect(), frames("caller"))
print(g())
print(gc.collect())
print(g(), caller())
print("end")
