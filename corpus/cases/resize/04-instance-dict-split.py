# A materialised instance __dict__ is a split dict: it shares the class's keys and counts only its values.
import gc
import sys


class C:
    pass


c = C()
print(sys.getsizeof(c.__dict__), sys.getsizeof(c))
d = C()
d.x = 1
print(sys.getsizeof(d.__dict__), d.__dict__)
e = C()
e.y = 2
e.z = 3
print(sys.getsizeof(e.__dict__), list(e.__dict__.items()))


class K:
    def __init__(self):
        self.a = 1
        self.b = 2


k = K()
print(sys.getsizeof(k.__dict__), k.__dict__)
k2 = K()
k2.__dict__
k2.q = 5
print(sys.getsizeof(k2.__dict__), k2.__dict__)


class M:
    pass


m = M()
dd = m.__dict__
m.a = 1
m.b = 2
print(sys.getsizeof(dd), dd)
for i in range(40):
    setattr(m, 'a%d' % i, i)
print(sys.getsizeof(dd), len(dd))
n = M()
n.b = 1
n.a = 2
nd = n.__dict__
print(nd, sys.getsizeof(nd))
nd['zz'] = 3
del nd['b']
print(nd, sys.getsizeof(nd), n.a, hasattr(n, 'b'))
nd[5] = 'int key'
print(nd, sys.getsizeof(nd))
p = K()
pd = p.__dict__
print(gc.is_tracked(pd))
p.l = []
print(gc.is_tracked(pd))
q = K()
print(sys.getsizeof(q.__dict__.copy()), sys.getsizeof(dict(q.__dict__)))
t = K()
t.z = 1
td = t.__dict__
print(td.popitem(), td, sys.getsizeof(td))
u = K()
u.__dict__.clear()
print(u.__dict__, sys.getsizeof(u.__dict__))
