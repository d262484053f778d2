# throw() and close() on a generator suspended in 'yield from' go to the iterator it delegates to first (a
# generator, an object with throw()/close(), one without); what that one returns or raises goes on into
# the delegating generator after its yield from
import sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def sub(tag):
    d = D(tag)
    try:
        x = yield 1
        print("sub got", x)
        yield 2
    except KeyError as e:
        print("sub caught", repr(e))
        yield "after-catch"
        return "sub-result"
    finally:
        print("sub finally", tag)
def deleg():
    try:
        r = yield from sub("s1")
        print("deleg got", r)
        yield "deleg-next"
    except ValueError as e:
        print("deleg caught", repr(e), repr(e.__context__))
        yield "deleg-handled"
    finally:
        print("deleg finally")
g = deleg()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
print(g.gi_yieldfrom)
g.close()
print("--")
g = deleg()
next(g)
print(g.throw(ValueError("v")))
g.close()
print("--")
g = deleg()
next(g)
g.close()
print("--")
class It:
    def __iter__(self): return self
    def __next__(self): return 5
    def throw(self, *a):
        print("It.throw", a[0] if len(a) == 1 else a)
        raise StopIteration("it-done")
    def close(self):
        print("It.close")
def over_it():
    r = yield from It()
    print("over_it got", r)
    yield r
o = over_it()
print(next(o))
print(o.throw(KeyError("x")))
o2 = over_it()
next(o2)
o2.close()
class NoThrow:
    def __iter__(self): return self
    def __next__(self): return 6
def over_nothrow():
    try:
        yield from NoThrow()
    except KeyError:
        print("outer caught, delegate had no throw")
        yield 7
n = over_nothrow()
next(n)
print(n.throw(KeyError))
def runner():
    yield from sub("s2")
r = runner()
next(r)
try:
    r.throw(IndexError("ix"))
except IndexError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next
print("end")
def sub2():
    try:
        yield 1
    except KeyError:
        print("sub2 sees", sys.exc_info()[0].__name__)
        raise ValueError("sub2")
def deleg2():
    yield from sub2()
d = deleg2()
next(d)
try:
    raise IndexError("outer")
except IndexError:
    try:
        d.throw(KeyError("k"))
    except ValueError as e:
        c = e
        while c is not None:
            print(repr(c))
            c = c.__context__
print("done")
