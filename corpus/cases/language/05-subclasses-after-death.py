# A class's __subclasses__() lists only live subclasses: a dead subclass's block may be reused by
# another class or object, and that must not make it look like a subclass.
import gc


class A:
    pass


keep = []
for i in range(20):
    class B(A):
        pass
    if i % 5 == 0:
        keep.append(B)
    del B
    gc.collect()
    junk = [[j] for j in range(30)]
    class C:
        pass
    keep.append(C)
print([c.__name__ for c in A.__subclasses__()])
print(len(A.__subclasses__()), all(issubclass(c, A) for c in A.__subclasses__()))


class D(A):
    pass


class E(D):
    pass


print([c.__name__ for c in A.__subclasses__()], [c.__name__ for c in D.__subclasses__()])
del E
gc.collect()
print(D.__subclasses__())
del keep
gc.collect()
print([c.__name__ for c in A.__subclasses__()])
