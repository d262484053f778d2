# a module's repr reads its __name__ as it is now (a module without a spec: __main__, type(sys)(...)); type.__subclasses__() lists a class under each of its bases, in the order the classes were made
import gc, sys

main = sys.modules[__name__]
print(repr(main).split(" from ")[0])
main.__name__ = "renamed"
print(repr(main).split(" from ")[0], __name__)
main.__name__ = 42
print(repr(main).split(" from ")[0])
del main.__name__
print(repr(main).split(" from ")[0])
main.__name__ = "__main__"

m = type(sys)("made")
print(repr(m), repr(m.__spec__))
m.__name__ = "other"
print(repr(m))
m.__file__ = "f.py"
print(repr(m))
m.__name__ = ("a", 1)
print(repr(m))
del m.__name__
print(repr(m))
print(repr(sys), repr(gc))
sys.__name__ = "not_sys"
print(repr(sys))
sys.__name__ = "sys"


class A: pass
class B: pass
class C(A, B): pass
class D(B, A): pass
class E(C): pass
class F(A): pass
class G(F, B): pass

names = lambda k: [c.__name__ for c in k.__subclasses__()]
print(names(A), names(B), names(C), names(D), names(E))
del F
gc.collect()
class H(D): pass
print(names(A), names(B), names(C), names(D))
del C, E, G, H
gc.collect()
print(names(A), names(B))
print(sorted(c.__name__ for c in int.__subclasses__() if c.__module__ == "builtins"))
