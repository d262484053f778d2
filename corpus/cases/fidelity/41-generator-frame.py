# a generator's frame object (gi_frame): made on first use and the same one after, the line it is paused at
# and its locals while suspended, None once it finished; a frame object that outlives its generator keeps
# the locals; gi_suspended, gi_running, gi_yieldfrom
import sys, gc
def gen(a):
    b = a * 2
    yield b
    try:
        yield sys._getframe()
    finally:
        print("finally of gen")
g = gen(3)
f = g.gi_frame
print(f is g.gi_frame, f.f_back, f.f_lineno, f.f_locals, f.f_code is g.gi_code)
print(next(g), f.f_lineno, f.f_locals, g.gi_suspended, g.gi_running, g.gi_yieldfrom)
fr = next(g)
print(fr is f, fr.f_lineno, fr.f_back)
del g
print(f.f_locals, f.f_lineno)
c = gen([5])
cf = c.gi_frame
del c
junk = [[1], [2], [3]]
print(cf.f_locals, cf.f_lineno)
def sub():
    x = yield 1
    yield x
def deleg():
    r = yield from sub()
    yield r
d = deleg()
print(d.gi_yieldfrom, d.gi_suspended)
next(d)
print(d.gi_yieldfrom.gi_code.co_name, d.gi_frame.f_lineno, d.gi_yieldfrom.gi_frame.f_lineno)
d.send(7)
print(d.gi_yieldfrom.gi_frame.f_locals)
print(list(d), d.gi_yieldfrom, d.gi_frame, d.gi_suspended)
def running():
    me = yield
    print("inside", me.gi_running, me.gi_suspended, me.gi_frame is sys._getframe(), me.gi_frame.f_lineno)
    yield
s = running()
next(s)
s.send(s)
holder = [s.gi_frame]
holder.append(holder)
del s, holder
print(gc.collect() > 0)
def raiser():
    yield 1
    raise ValueError("from raiser")
r = raiser()
rf = r.gi_frame
next(r)
try:
    next(r)
except ValueError as e:
    print(e.__traceback__.tb_next.tb_frame is rf, rf.f_lineno, r.gi_frame, r.gi_suspended)
print(type(f).__name__, (x for x in "a").gi_frame.f_code.co_name)
