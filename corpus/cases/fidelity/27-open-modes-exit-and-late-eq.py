# open() checks its mode and file argument as io.open does; exit() raises SystemExit(None); a class given __eq__ after it was made keeps its hash
for args in [("nofile", "q"), ("nofile", "rw"), ("nofile", "rb+t"), ("nofile", "rr"), ("nofile", 5), ([1],), (5,), ("nofile", "r"), ("nofile", ""), (None,), ("nofile", "rU"), ("nofile", "U"), ("nofile", "tb"), ("nofile", "rwtb"), ("nofile", "+"), ("nofile", "b"), ("nofile", "r+b"), (b"nofile",), ("nofile", "rt")]:
    try:
        open(*args)
    except Exception as e:
        print(args, type(e).__name__, e)
try:
    exit()
except SystemExit as e:
    print(e.args, e.code)
class K:
    pass
K.__eq__ = lambda s, o: True
print(type(hash(K())).__name__, K.__hash__ is object.__hash__)
class A:
    def __eq__(s, o):
        return True
try:
    hash(A())
except TypeError as e:
    print(e)
class B(A):
    pass
try:
    hash(B())
except TypeError as e:
    print(e)
class C(A):
    __hash__ = object.__hash__
print(type(hash(C())).__name__)
class D:
    def __eq__(s, o):
        return True
    def __hash__(s):
        return 7
class E(D):
    def __eq__(s, o):
        return False
print(hash(D()), E.__hash__, len({D(): 1}))
try:
    {E(): 1}
except TypeError as e:
    print(e)
