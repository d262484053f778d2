# A __slots__ member descriptor copied into an unrelated class applies only to instances of its own class.
class A:
    __slots__ = ('x',)


class Sub(A):
    pass


class B:
    pass


def attempt(action, b):
    try:
        if action == "set":
            b.y = 5
        elif action == "get":
            print(b.y)
        else:
            del b.y
    except TypeError as e:
        print(action, e)


B.y = A.__dict__['x']
b = B()
attempt("set", b)
attempt("get", b)
attempt("del", b)
s = Sub()
s.x = 7
print(s.x, A.x.__get__(s), A.x.__objclass__.__name__)
del s.x
print(hasattr(s, "x"), b.__dict__)
