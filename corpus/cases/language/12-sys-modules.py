# sys.modules holds every imported module (sys itself, the main module, builtins); what a program stores
# there is released when the interpreter shuts down, before the modules are wiped
import sys
import gc
import copy
print(sys.modules['gc'] is gc, sys.modules['copy'] is copy, sys.modules['sys'] is sys)
print('__main__' in sys.modules, sys.modules['__main__'].__name__, 'builtins' in sys.modules)
class D:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name, 'gc' in sys.modules)
sys.modules['x'] = D("x")
sys.modules['gc'] = D("gc replaced")
print(sorted(k for k in ('gc', 'copy', 'x', 'nothing') if k in sys.modules))
old = sys.modules
sys.modules = {}
import weakref
print('weakref' in old, 'weakref' in sys.modules)
sys.modules = old
