# weakref reprs: ' (name)' when the target's type gives it a str __name__ (a special lookup: not the
# instance dict nor __getattr__); proxies say 'to TYPE at ADDR'. Addresses are masked.
import weakref, gc
def hide(s):
    out = []
    i = 0
    while i < len(s):
        if s.startswith("0x", i):
            out.append("ADDR")
            i += 2
            while i < len(s) and s[i] in "0123456789abcdef":
                i += 1
        else:
            out.append(s[i])
            i += 1
    return "".join(out)
def f(): pass
class C:
    def m(self): pass
    class Inner: pass
class N:
    __name__ = "custom"
class NotStr:
    __name__ = 42
class SubStr(str): pass
class WithSub:
    __name__ = SubStr("sub")
class Dyn:
    def __getattr__(self, a):
        if a == "__name__":
            return "dyn"
        raise AttributeError(a)
c = C()
objs = [f, C, c, N(), NotStr(), WithSub(), Dyn(), C.Inner, C.Inner(), c.m, C.m, lambda: 0, len, int, set(), frozenset(), weakref.ref]
for o in objs:
    try:
        print(hide(repr(weakref.ref(o))))
    except TypeError as e:
        print("TypeError", e)
print(hide(repr(weakref.proxy(f))), hide(repr(weakref.proxy(c))))
r = weakref.ref(c)
del c
gc.collect()
print(hide(repr(r)))
class W(weakref.ref): pass
print(hide(repr(W(f))))
print(hide(str(weakref.ref(f))))
class M(type): pass
class K(metaclass=M): pass
print(hide(repr(weakref.ref(K))))
class MN(type):
    __name__ = "meta-named"
class K2(metaclass=MN): pass
print(hide(repr(weakref.ref(K2))))
def gen():
    yield 1
g = gen()
print(hide(repr(weakref.ref(g))))
class Sub(C): pass
sub = Sub()
print(hide(repr(weakref.ref(sub))), hide(repr(weakref.ref(Sub))))
class P:
    @property
    def __name__(self): return "prop-" + type(self).__name__
pp = P()
print(hide(repr(weakref.ref(pp))))
class Q(P): pass
qq = Q()
print(hide(repr(weakref.ref(qq))))
obj = C()
obj.__name__ = "inst"
print(hide(repr(weakref.ref(obj))))
pr = weakref.proxy(obj)
del obj
gc.collect()
print(hide(repr(pr)))
print(hide(repr(weakref.proxy(f))), hide(repr(weakref.proxy(qq))))
