"""The main module's own names: __file__, this docstring as __doc__, __spec__ None."""
import sys

print(sorted(dir()))
print(__name__, __file__.rsplit("/", 1)[-1], __spec__, __package__, __cached__, __annotations__)
print(__doc__)
print(type(__builtins__), __builtins__ is sys.modules["builtins"])
g = globals()
print(list(g)[:5], list(g)[5:9])
print(sys.modules["__main__"].__file__ == __file__, sys.modules["__main__"].__doc__ == __doc__)
x: int = 5
print(__annotations__, sorted(n for n in dir() if n.startswith("__")))
