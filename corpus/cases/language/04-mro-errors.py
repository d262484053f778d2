# class statements whose bases give no consistent MRO, or repeat a base: the TypeError names the bases
class X: pass
class Y(X): pass

for make in (lambda: type("Z", (X, Y), {}), lambda: type("Z", (Y, X, Y), {})):
    try:
        make()
    except TypeError as e:
        print(e)

class O: pass
class P(O): pass
class R(O): pass
try:
    class S(O, P, R): pass
except TypeError as e:
    print(e)
try:
    class S(P, R, P): pass
except TypeError as e:
    print(e)

class S(P, R): pass
print([c.__name__ for c in S.__mro__])
