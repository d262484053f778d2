# the interpreter's own warnings: int() through __trunc__, __int__/__index__/__float__ returning a
# strict subclass, NotImplemented's truth; once per line, DeprecationWarning only from __main__
class T:
    def __trunc__(self):
        print("trunc called")
        return 3


class I(int):
    pass


class F(float):
    pass


class A:
    def __int__(self):
        return I(3)

    def __index__(self):
        return I(4)

    def __float__(self):
        return F(2.5)


class B:
    def __int__(self):
        return True

    def __index__(self):
        return False


for i in range(2):
    print(int(T()))
print(int(T()))
print(int(A()), float(A()), [1, 2, 3, 4, 5][A()], type(float(A())).__name__)
print(int(B()), [7, 8][B()], bin(B()))
if NotImplemented:
    print("yes")
print(not NotImplemented, bool(NotImplemented))
print(sorted(__warningregistry__.items(), key=lambda kv: str(kv[0]))[:3])
print(len(__warningregistry__))


class S:
    def __float__(self):
        return "2.5"

    def __index__(self):
        return 2.5


for f in (lambda: float(S()), lambda: [1][S()], lambda: range(S())):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
