# functions are descriptors: f.__get__(obj) gives a bound method; types.MethodType builds one
import types


class A:
    pass


def f(self, y=1):
    return type(self).__name__, y


a = A()
m = f.__get__(a)
print(m(), m(2), m.__self__ is a, m.__func__ is f, type(m).__name__)
print(f.__get__(None, A) is f, f.__get__(a, A)(3), (lambda s: s * 2).__get__(21)())
m2 = types.MethodType(f, a)
print(m2(3), type(m2) is types.MethodType, m2 == m, types.MethodType)
print(repr(m).startswith("<bound method f of <__main__.A object at"))
for call in (lambda: f.__get__(), lambda: f.__get__(1, 2, 3), lambda: types.MethodType(f, None), lambda: types.MethodType(5, a)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
A.g = f
print(A.__dict__["g"].__get__(a)(), type(f).__get__(f, a)(), hasattr(f, "__get__"))
