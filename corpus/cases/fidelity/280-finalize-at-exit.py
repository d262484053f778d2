# weakref.finalize at exit: newest first, atexit=False skipped (and never run later), one made at exit runs too
import weakref


class Resource:
    def __init__(self, name):
        self.name = name


keep = []
a, b, c, d = Resource("a"), Resource("b"), Resource("c"), Resource("d")
fa = weakref.finalize(a, print, "closing a", sep="-", end="!\n")
fb = weakref.finalize(b, print, "closing b")
fb.atexit = False
print(fa.atexit, fb.atexit, fa.alive, fb.alive)


def make_another():
    print("closing d, which opens e")
    e = Resource("e")
    weakref.finalize(e, print, "closing e")
    keep.append(e)


fd = weakref.finalize(d, make_another)
fc = weakref.finalize(c, print, "closing c")
print(fa.peek()[1:], fd.peek()[0].name)

x = Resource("x")
fx = weakref.finalize(x, print, "closing x")
print(fx.detach()[1:], fx.alive, fx.detach(), fx(), fx.atexit)
print(repr(fx).endswith("; dead>"), repr(fa).split(";")[1].split(" at")[0])
del x
y = Resource("y")
fy = weakref.finalize(y, lambda *a, **k: (a, k), 1, 2, key=3)
print(fy(), fy(), fy.alive, fy.peek())
fy.atexit = True
print(fy.atexit)
print(weakref.finalize(Resource("t"), print, "closing t").alive)
print("end of program")
