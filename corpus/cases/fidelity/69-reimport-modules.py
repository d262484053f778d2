# del sys.modules[name]; import name: a new module, as python3 makes (sys: without argv, stdout, path...)
import sys, random, copy, weakref, gc
old = {name: sys.modules[name] for name in ("sys", "random", "copy", "weakref", "gc")}
s = sys
for name in old:
    del sys.modules[name]
import sys, random, copy, weakref, gc
new = {"sys": sys, "random": random, "copy": copy, "weakref": weakref, "gc": gc}
print([name for name in old if new[name] is old[name]], [name for name in old if sys.modules[name] is new[name]])
print(hasattr(sys, "argv"), hasattr(sys, "stdout"), hasattr(sys, "__stdout__"), sys.modules is s.modules, sys.getrefcount is s.getrefcount)
print(random.random is old["random"].random, copy.copy is old["copy"].copy, gc.collect is old["gc"].collect)
random.seed(3)
old["random"].seed(3)
print(random.random() == old["random"].random())
print("printed through the first sys's stdout")
try:
    del sys.modules["copy"]
    sys.modules["copy"] = None
    import copy
except ImportError as e:
    print(type(e).__name__, e)
