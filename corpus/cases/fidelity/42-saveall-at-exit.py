# with gc.DEBUG_SAVEALL still on at exit, gc.garbage keeps __main__'s globals alive (through a saved
# function's __globals__): a cycle they hold is not finalized while print and the modules still work, and
# nothing is reported after sys is wiped
import gc, sys
gc.set_debug(gc.DEBUG_SAVEALL)
class A:
    def __del__(self):
        print("del", self.n, A, sys)
def mk(n):
    a = A()
    a.n = n
    a.self = a
    return a
mk(1)
gc.collect()
print(len(gc.garbage), [type(o).__name__ for o in gc.garbage])
kept = mk(2)
def g():
    try:
        yield 1
    finally:
        print("gen finally", A)
x = g()
next(x)
l = [x]
l.append(l)
del x, l
print(gc.collect(), len(gc.garbage))
class Loud:
    def __del__(self):
        raise ValueError("late")
loud = Loud()
loud.self = loud
