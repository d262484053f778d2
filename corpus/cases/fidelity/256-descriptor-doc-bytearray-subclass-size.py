# The __doc__ of built-in getset and member descriptors (the number types' parts, a class's __dict__ and
# __weakref__, None for the others), and sys.getsizeof / __sizeof__ of bytearray subclasses: the subclass's
# basicsize, its GC header and managed dict.

import sys
class P:
    __slots__ = ('a',)
class Q: pass
class R(Q): pass
for d in (int.real, int.imag, int.numerator, int.denominator, float.real, float.imag, complex.real, complex.imag,
          bool.real, range.start, slice.step, P.a, Q.__dict__['__dict__'], Q.__dict__['__weakref__'],
          property.fget, type(lambda: 0).__code__, type(lambda: 0).__globals__):
    print(type(d).__name__, d.__qualname__, repr(d.__doc__))
print(R.__dict__.get('__dict__'))
class BA(bytearray): pass
class BS(bytearray): __slots__ = ()
class BW(bytearray): __slots__ = ('a', 'b')
class BD(bytearray): __slots__ = ('__dict__',)
class BX(BA): pass
for C in (bytearray, BA, BS, BW, BD, BX):
    x = C(b'abc')
    x.extend(b'z' * 20)
    print(C.__name__, sys.getsizeof(C()), sys.getsizeof(C(b'abc')), sys.getsizeof(x), C.__basicsize__)
    del x[:10]
    print(sys.getsizeof(x), x.__sizeof__())
