# an exception ignored in __del__ (or a weakref callback) is written to sys.stderr as it is then: nothing
# when it is None, through its write() when it is another object
import sys
import weakref
class D:
    def __del__(self):
        raise KeyError("in del")
class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
saved = sys.stderr
sys.stderr = None
D()
sys.stderr = saved
print("after None")
w = Writer()
sys.stderr = w
D()
class T:
    pass
t = T()
r = weakref.ref(t, lambda ref: 1 / 0)
del t
sys.stderr = saved
lines = "".join(w.parts).splitlines()
print(len(lines), [l.split(" at ")[0] for l in lines if not l.startswith(" ")])
class Bad:
    def write(self, s):
        raise ValueError("no")
sys.stderr = Bad()
D()
sys.stderr = saved
print("end")
