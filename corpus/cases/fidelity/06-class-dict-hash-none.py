# a class that defines __eq__ without __hash__ gets __hash__ = None; its class dict keeps CPython's order
class Q:
    def __eq__(self, other):
        return True
class R(Q):
    pass
class S:
    x = 1
class T:
    __slots__ = ("a", "b")
print(list(Q.__dict__), list(R.__dict__), list(S.__dict__), list(T.__dict__))
for c in (Q, R):
    try:
        hash(c())
    except TypeError as e:
        print(e)
print(Q.__hash__, R.__hash__, S.__hash__ is object.__hash__)
class U(Q):
    def __hash__(self):
        return 42
print(hash(U()), U() in {U()})
