# the main module's own names as python3's: dir(), __file__, __doc__ from the docstring, __spec__, __builtins__, their order
"""A script's __main__ has python3's names: __file__, this docstring as __doc__, __spec__ None."""
import sys

print(sorted(dir()))
print(__name__, __file__.rsplit("/", 1)[-1], __spec__, __package__, __cached__, __annotations__)
print(__doc__)
print(type(__builtins__), __builtins__ is sys.modules["builtins"])
g = globals()
print(list(g)[:5], list(g)[5:9])
main = sys.modules["__main__"]
print(main.__file__ == __file__, main.__doc__ == __doc__, main.__dict__ is g)


def f():
    return __file__ == g["__file__"], __doc__[:12]


print(f(), "__loader__" in g, "__cached__" in dir(main))
x: int = 5
print(__annotations__, sorted(n for n in dir() if n.startswith("__")))
del __doc__
print("__doc__" in g, [n for n in g if n.startswith("__")][:3])
