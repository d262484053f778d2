# Subclasses of staticmethod, classmethod and super: their own __get__, attributes and methods, as python3 runs them
import gc


class Counted(staticmethod):
    calls = 0

    def __get__(self, obj, cls=None):
        Counted.calls += 1
        return super().__get__(obj, cls)


class Tagged(classmethod):
    def __init__(self, f, tag="none"):
        super().__init__(f)
        self.tag = tag


def tagged(tag):
    return lambda f: Tagged(f, tag)


class Loud(super):
    def describe(self):
        return "Loud(%s)" % self.__thisclass__.__name__


class A:
    @Counted
    def double(x):
        return x * 2

    @tagged("factory")
    def make(cls):
        return cls.__name__

    def hello(self):
        return "A.hello"


class B(A):
    def hello(self):
        return "B.hello > " + Loud(B, self).hello()


print(A.double(3), A().double(4), Counted.calls)
print(A.make(), B.make(), A.__dict__["make"].tag, type(A.__dict__["make"]).__name__)
print(isinstance(A.__dict__["double"], staticmethod), A.__dict__["double"].__func__.__name__)
b = B()
print(b.hello())
s = Loud(B, b)
print(type(s).__name__, s.describe(), s.hello(), isinstance(s, super), s.__self__ is b)
print(Counted.__mro__, Loud.__mro__)
s.extra = 1
print(s.extra, A.__dict__["make"].tag)
del s, b
print(gc.collect() >= 0)
