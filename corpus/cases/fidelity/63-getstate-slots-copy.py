# object.__getstate__ with __slots__: (the __dict__ or None, {slot: value}) for the slots that are set, in
# MRO order and each class's own order; copy and deepcopy restore the slots from it
import copy
class Point:
    __slots__ = ('y', 'x')
class Point3(Point):
    __slots__ = 'z'
class Both:
    __slots__ = ('a', '__dict__', '__weakref__')
p = Point()
p.x = 1
p.y = [2]
print(p.__getstate__(), Point().__getstate__())
q = copy.copy(p)
print(q.x, q.y, q.y is p.y)
r = copy.deepcopy(p)
print(r.x, r.y, r.y is p.y)
p3 = Point3()
p3.z = 3
p3.x = 4
print(p3.__getstate__())
c = copy.deepcopy(p3)
print(c.z, c.x, hasattr(c, 'y'))
b = Both()
b.a = 'a'
b.extra = 'e'
print(b.__getstate__())
b2 = copy.copy(b)
print(b2.a, b2.extra)
b3 = Both()
print(b3.__getstate__())
class Custom(Point):
    __slots__ = ()
    def __setstate__(self, state):
        print('setstate', state)
        self.x = 'custom'
cu = Custom()
cu.y = 9
print(copy.copy(cu).x)
