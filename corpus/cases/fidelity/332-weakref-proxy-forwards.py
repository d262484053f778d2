# A weakref.proxy acts as its referent: str/print/format, indexing, item assignment and deletion, in, iteration, truth, arithmetic; the referent's errors; ReferenceError once it dies
import weakref, sys
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"Obj({self.n})"
o = Obj(3)
p = weakref.proxy(o)
print(p, str(p), f"{p}|{p!r:.10}", type(p))
l = [5, 1, 4]
class L(list): pass
ll = L(l)
q = weakref.proxy(ll)
print(q, q[0], q[-1], q[1:], len(q), 4 in q, 7 in q, list(q), sorted(q), bool(q), q + [1], [0] + q, q * 2)
q[0] = 9; del q[1]; print(ll, sys.getrefcount(ll))
q += [7]; print(type(q).__name__, q is ll)
e = L(); pe = weakref.proxy(e); print(bool(pe), not pe)
class Num:
    def __init__(self, v): self.v = v
    def __neg__(self): return Num(-self.v)
    def __mul__(self, k): return Num(self.v * k)
    __rmul__ = __mul__
    def __repr__(self): return f"Num({self.v})"
nm = Num(2); pn = weakref.proxy(nm)
print(pn * 3, 2 * pn)
try:
    pn + 1
except TypeError as ex:
    print(ex)
try:
    pn[0]
except TypeError as ex:
    print(ex)
try:
    iter(pn)
except TypeError as ex:
    print(ex)
try:
    del pn[0]
except TypeError as ex:
    print(ex)
try:
    pn[0] = 1
except TypeError as ex:
    print(ex)
del nm
for f in (str, bool, len, iter, lambda p: p[0], lambda p: p + 1, lambda p: 1 in p):
    try:
        f(pn)
    except ReferenceError as ex:
        print("ReferenceError:", ex)
    except TypeError as ex:
        print("TypeError:", ex)
