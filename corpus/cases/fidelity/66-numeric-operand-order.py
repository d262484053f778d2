# which side's method runs for mixed numeric operands: a builtin left operand's own slot first unless the
# right operand's type is a subclass of the left's; divmod() through __divmod__/__rdivmod__; int() of float
# subclasses through __int__/__index__/__trunc__
log = []
def mk(base):
    class R(base):
        def __radd__(s, o): log.append(('radd', type(s).__name__, repr(o))); return 'R' + base.__name__
        def __rsub__(s, o): log.append(('rsub', type(s).__name__, repr(o))); return 'R' + base.__name__
        def __rmul__(s, o): log.append(('rmul', type(s).__name__, repr(o))); return 'R' + base.__name__
        def __rtruediv__(s, o): log.append(('rtruediv', type(s).__name__, repr(o))); return 'R' + base.__name__
        def __rfloordiv__(s, o): log.append(('rfloordiv', type(s).__name__, repr(o))); return 'R' + base.__name__
        def __rmod__(s, o): log.append(('rmod', type(s).__name__, repr(o))); return 'R' + base.__name__
        def __rpow__(s, o): log.append(('rpow', type(s).__name__, repr(o))); return 'R' + base.__name__
        def __rand__(s, o): log.append(('rand', type(s).__name__, repr(o))); return 'R' + base.__name__
        def __gt__(s, o): log.append(('gt', type(s).__name__, repr(o))); return 'G' + base.__name__
        def __lt__(s, o): log.append(('lt', type(s).__name__, repr(o))); return 'L' + base.__name__
        def __eq__(s, o): log.append(('eq', type(s).__name__, repr(o))); return 'E' + base.__name__
        __hash__ = base.__hash__
    R.__name__ = 'R' + base.__name__
    class P(base):
        pass
    P.__name__ = 'P' + base.__name__
    return R, P
ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b), ('/', lambda a, b: a / b),
       ('//', lambda a, b: a // b), ('%', lambda a, b: a % b), ('**', lambda a, b: a ** b), ('&', lambda a, b: a & b),
       ('<', lambda a, b: a < b), ('>', lambda a, b: a > b), ('==', lambda a, b: a == b), ('<=', lambda a, b: a <= b)]
bases = [int, float, complex]
lefts = [2, True, 1.5, 2j]
for base in bases:
    R, P = mk(base)
    for rv in [R(3), P(3)]:
        for lv in lefts + [R(2), P(2)]:
            for name, op in ops:
                if name == '**' and complex in (type(lv).__mro__ + type(rv).__mro__):
                    continue
                del log[:]
                try:
                    r = op(lv, rv)
                except Exception as e:
                    r = type(e).__name__ + ': ' + str(e)
                print(type(lv).__name__, name, type(rv).__name__, repr(r), log)
# bool on the right, subclasses on the left with a builtin right operand
class RI(int):
    def __add__(s, o): return 'RI.add'
for lv in [RI(1), 1.5, 2j]:
    for rv in [True, 2, 2.5, 1j]:
        try:
            print(repr(lv + rv), repr(rv + lv))
        except Exception as e:
            print(type(e).__name__, e)
# divmod
class D:
    def __divmod__(s, o): return ('D.divmod', o)
    def __rdivmod__(s, o): return ('D.rdivmod', o)
class E:
    pass
class NI(int):
    def __rdivmod__(s, o): return ('NI.rdivmod', o)
class NF(float):
    def __divmod__(s, o): return ('NF.divmod', o)
print(divmod(D(), 3), divmod(3, D()), divmod(NI(5), 2), divmod(7, NI(5)), divmod(7.5, NI(2)), divmod(NF(2.5), 2), divmod(2, NF(2.5)))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2.0), divmod(True, 3), divmod(7, 2.5))
print(divmod(D(), E())[0], divmod(E(), D())[0])
for a, b in [(1.5, 0), (1.5, 0.0), (1, 0.0), (1, 0), (True, False), (E(), 1), (1, 'a'), ('a', 1), (1j, 1), (2, 1j)]:
    try:
        print(divmod(a, b))
    except Exception as e:
        print(type(e).__name__, e)
# int() of float subclasses and others (__trunc__ alone is left out: python3 warns that it is deprecated)
class FI(float):
    def __int__(s): return 42
class FX(float):
    def __index__(s): return 43
class FT(float):
    def __trunc__(s): return 44
class II(int):
    def __int__(s): return 45
class IX(int):
    def __index__(s): return 46
class A:
    def __index__(s): return 47
    def __trunc__(s): return 48
class C2:
    def __int__(s): return 50
    def __index__(s): return 51
class Bad:
    def __int__(s): return 'x'
for v in [FI(1.5), FX(2.5), FT(3.5), II(4), IX(5), A(), C2(), Bad(), 7.9, -7.9, True]:
    try:
        r = int(v)
        print(type(v).__name__, r, type(r).__name__)
    except Exception as e:
        print(type(v).__name__, type(e).__name__, e)
# augmented assignment falls back to the same order
R, P = mk(int)
x = 1.5
x += R(3)
y = True
y *= R(2)
z = 2
z -= R(1)
print(x, y, z, log)
