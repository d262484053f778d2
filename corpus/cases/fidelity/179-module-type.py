# the module type: type(sys) and types.ModuleType are one class named module; module(name, doc) makes a module with python3's names, repr and settable attributes; a subclass
import sys, types
M = type(sys)
print(M, M.__name__, types.ModuleType is M, type(types))
m = M("m")
print(m, repr(m), m.__name__, m.__doc__, sorted(m.__dict__), m.__spec__, m.__loader__, m.__package__)
m.x = 1
print(m.x, m.__dict__["x"], isinstance(m, types.ModuleType), isinstance(sys, M))
m2 = types.ModuleType("m2", "the doc")
print(m2.__doc__, m2, dir(m2))
m2.__file__ = "f.py"
print(m2)
del m.x
try:
    m.x
except AttributeError as e:
    print(e)
try:
    M()
except TypeError as e:
    print(e)
try:
    M(1)
except TypeError as e:
    print(e)
class Sub(types.ModuleType):
    pass
s = Sub("s")
s.y = 2
print(s, type(s).__name__, s.y, vars(s)["y"])
sys.modules["m"] = m
m.z = 3
import m as mm
print(mm is m, mm.z)
from m import z
print(z)
print(sys.getsizeof(m) > 0, hash(m) == hash(m), m == m, m != m2)
class Sub2(types.ModuleType):
    def __init__(self, name, extra):
        super().__init__(name, "sub doc")
        self.extra = extra
s2 = Sub2("s2", 5)
print(s2, s2.extra, s2.__doc__, list(s2.__dict__))
try:
    M("a", "b", "c")
except TypeError as e:
    print(e)
try:
    M("a", name="b")
except TypeError as e:
    print(e)
try:
    M("a", x=1)
except TypeError as e:
    print(e)
m3 = M(name="m3", doc="d3")
print(m3, m3.__doc__, sys.modules["__main__"].__name__)
