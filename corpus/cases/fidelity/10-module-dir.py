# dir(module) lists the module's own names only
import sys, gc, builtins
names = dir(builtins)
print("__delattr__" in names, "__repr__" in dir(gc))
print(all(hasattr(builtins, n) for n in names), all(hasattr(gc, n) for n in dir(gc)), dir(gc) == sorted(gc.__dict__))
excs = [n for n in names if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), OSError) and "Connection" in n]
print(len(excs), excs, builtins.IOError, builtins.EnvironmentError)
