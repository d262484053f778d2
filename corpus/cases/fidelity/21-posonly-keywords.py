# a positional-only parameter given by keyword is refused, also when "/" ends the parameter list
def h(a, /):
    return a
try:
    print(h(a=1))
except TypeError as e:
    print(e)
print(h(1), h.__code__.co_posonlyargcount, h.__code__.co_argcount)
def k(a, /, **kw):
    return a, kw
print(k(1, a=2))
class C:
    def m(self, a, /):
        return a
try:
    print(C().m(a=1))
except TypeError as e:
    print(e)
print(C().m(3))
def g(a, b, /):
    return a + b
try:
    g(1, b=2)
except TypeError as e:
    print(e)
def d(a, /, b=2):
    return a, b
try:
    d(b=1, a=1)
except TypeError as e:
    print(e)
print(d(5), d(5, b=6))
for i in range(3):
    try:
        h(a=i)
    except TypeError as e:
        print(i, e)
