# WeakSet's in-place operators and their named forms (a subclass's operator is used by the named form),
# the set itself as the operand, membership of objects that cannot be weakly referenced or hashed.
import weakref, gc
class O:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"O{self.n}"
objs = [O(i) for i in range(6)]
a = weakref.WeakSet(objs[:4]); b = weakref.WeakSet(objs[2:])
def show(ws): return sorted(o.n for o in ws)
c = a.copy(); c -= b; print(show(c))
c = a.copy(); c &= b; print(show(c))
c = a.copy(); c ^= b; print(show(c))
c = a.copy(); c.difference_update(objs[3:]); print(show(c))
c = a.copy(); c.intersection_update(objs[1:3]); print(show(c))
c = a.copy(); c.symmetric_difference_update(objs[3:5]); print(show(c))
c = a.copy(); c -= c; print(show(c)); c = a.copy(); c &= c; print(show(c)); c = a.copy(); c ^= c; print(show(c))
print(show(a.intersection(objs[::-1])), show(a & b), show(a | b), show(a - b), show(a ^ b))
print(1 in a, objs[0] in a, objs[5] in a, [] in a if False else None)
try:
    {} in a
except TypeError as e:
    print("TypeError", e)
class H:
    __hash__ = None
try:
    H() in a
except TypeError as e:
    print("TypeError", e)
class S(weakref.WeakSet):
    def __isub__(self, other):
        print("sub isub"); return super().__isub__(other)
    def __iand__(self, other):
        print("sub iand"); return super().__iand__(other)
    def __ixor__(self, other):
        print("sub ixor"); return super().__ixor__(other)
s = S(objs); s.difference_update([objs[0]]); s.intersection_update(objs[:3]); s.symmetric_difference_update(objs[:2]); print(show(s))
c = a.copy(); c ^= [objs[5]]; del objs[5]; gc.collect(); print(show(c), len(c))
print(a.isdisjoint([objs[5-1]]), a <= b, a >= a, a < a | b)
