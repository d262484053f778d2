# subclasses of builtins whose instances hold references in fields of their own (bytearray's data, property's
# functions, exceptions' args, metaclasses) release them when they die; a bytearray subclass's repr names it
import gc
class B(bytearray): pass
b = B(b"abc"); b += b"d"; print(b, len(b))
class P(property): pass
class K:
    @P
    def x(self): return [1, 2]
print(K().x)
class Z(complex): pass
print(Z(1, 2) + 1)
class E(Exception): pass
try:
    raise E("x", [1])
except E as e:
    print(e.args)
class T(type): pass
class U(metaclass=T): pass
print(type(U).__name__)
del b, K, U, T
print(gc.collect())
