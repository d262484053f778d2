# weakref.finalize: the reference it holds, its atexit flag, what it keeps, its tracked objects, errors
import gc
import weakref


class Res:
    pass


a = Res()
f = weakref.finalize(a, print, "a done")
print(weakref.getweakrefs(a)[0].__callback__ is f, f.atexit, f.alive)
f.atexit = 0
print(f.atexit)
f.atexit = "yes"
print(f.atexit)
print(f.peek()[3], weakref.finalize(a, print, "with sep", sep="|").peek()[3])
try:
    f.extra = 1
except AttributeError as e:
    print("AttributeError:", e)
b = Res()
fb = weakref.finalize(b, print, "b done")
print(fb(), fb(), fb.alive, fb.atexit, fb.peek(), fb.detach())
fb.atexit = True
print(fb.atexit, repr(fb).endswith("; dead>"))
for bad in (lambda: weakref.finalize(1, print), lambda: weakref.finalize(a), lambda: weakref.finalize(obj=a, func=print)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(type(weakref.finalize.alive).__name__, type(weakref.finalize.atexit).__name__, f == f)

keep = [Res() for i in range(3)]
gc.collect()
gc.disable()
before = len(gc.get_objects())
f1 = weakref.finalize(keep[0], print, "keep 0")
print("finalize without arguments adds", len(gc.get_objects()) - before)
before = len(gc.get_objects())
f2 = weakref.finalize(keep[1], print, "keep 1", end="!\n")
print("with arguments", len(gc.get_objects()) - before)
gc.enable()

# dying objects run theirs at once, in the order they die
c, d = Res(), Res()
weakref.finalize(c, print, "c done")
weakref.finalize(d, print, "d done")
del d, c
del keep[1]
print("end")
