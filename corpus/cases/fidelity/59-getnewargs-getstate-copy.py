# __getnewargs__ of int, float, str, bytes and tuple (and their subclasses), str/bytes.__rmod__, object.__getstate__,
# and copy/deepcopy rebuilding instances of builtin subclasses from them (__setstate__ when defined)
class S(str): pass
class T(tuple): pass
class I(int): pass
class B(bytes): pass
class F(float): pass
for v in [5, True, 2.5, 'ab', b'xy', (1, 2), (), S('q'), T((3,)), I(7), B(b'z'), F(1.5), '', b'']:
    a = v.__getnewargs__()
    print(repr(v), a, type(a[0]).__name__, a[0] is v)
print(str.__rmod__('x', 'a%sb'), str.__rmod__('x', 1), bytes.__rmod__(b'x', b'%s!'), bytes.__rmod__(b'x', 'a'), str.__rmod__(S('y'), '%r'))
class C:
    pass
c = C()
print(c.__getstate__(), object().__getstate__(), (1).__getstate__(), [1].__getstate__())
c.a = 1
c.b = [2]
st = c.__getstate__()
print(st, st is c.__dict__)
class D(dict): pass
d = D(x=1)
print(d.__getstate__())
d.attr = 5
print(d.__getstate__())
import copy
print(copy.copy(c).__dict__, copy.deepcopy(I(4)), type(copy.copy(T((1,)))).__name__)
class G:
    def __init__(self): self.v = [1]
    def __getstate__(self): return {'v': self.v, 'extra': 1}
    def __setstate__(self, st): print('setstate', sorted(st)); self.__dict__.update(st)
g2 = copy.deepcopy(G())
print(g2.v, g2.extra)
class L(list): pass
l = L([1, [2]])
l.tag = 't'
l2 = copy.deepcopy(l)
print(type(l2).__name__, l2, l2.tag, l2[1] is l[1], copy.copy(l)[1] is l[1])
class DD(dict): pass
dd = DD(a=[1])
print(copy.deepcopy(dd), copy.copy(dd)['a'] is dd['a'], copy.deepcopy(F(2.5)), copy.copy(S('s')), copy.deepcopy(T((1, [2]))))
