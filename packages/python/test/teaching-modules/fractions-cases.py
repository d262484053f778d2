from fractions import Fraction as F
import math
print(F(3, 4), repr(F(6, -8)), F('3/4'), F('1.5'), F(' -2 '), F(0.1), F(F(1, 3)), F(F(1,2), F(1,3)), F('1e-3'), F('.5'), F('-1_000.2_5'), F('7.'), F('+3/6'), F(True), F(-0.0))
for s in ['', ' ', 'abc', '1/', '/2', '1.5/2', '1/2e3', '- 1', '1e', 'e5', '.', '1__0', '1/0', '0/0', '3/-4', '+-1', 'inf', 'nan', '1.2.3']:
    try: print(repr(s), repr(F(s)))
    except (ValueError, ZeroDivisionError) as e: print(repr(s), type(e).__name__, e)
for a in [(1.5, 2), (1, 2.0), ('1', 2), (None,), ([],), (float('inf'),), (float('nan'),), (1, 0), (0, 0), (-3, 0)]:
    try: print(F(*a))
    except Exception as e: print(type(e).__name__, e)
a, b = F(3, 4), F(-5, 6)
for x in [a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, a ** -2, b ** -3, a ** F(1, 2), 2 ** a, 4 ** F(1, 2), F(4) ** F(1, 2), 2 ** F(2), F(2) ** 0.5, a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a, 7 // a, 7 % a, divmod(7, a), a + 0.5, 0.5 + a, a * 1j, 1j + a, a / 0.25, 3.5 // a, a % 0.5, a == 0.75, a == F(3,4), 0.75 == a, a < 1, a > 0.7, a <= F(3,4), b >= -1, a < math.inf, a > math.nan, a == math.inf, a == 1 + 0j, -a, +a, abs(b), int(b), int(a), float(b), complex(a), bool(F(0)), math.floor(b), math.ceil(b), math.trunc(b), round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(22, 7), 3), round(F(1234, 1), -2), round(F(1,3), 0), a.as_integer_ratio(), b.numerator, b.denominator, F(math.pi).limit_denominator(), F(math.pi).limit_denominator(100), F(3, 7).limit_denominator(10), F(1, 3).limit_denominator(1), F.from_float(0.3), F.from_float(3), sorted([F(1,2), 0.3, 1, F(1,3)]), sum([F(1, n) for n in range(1, 10)]), max(F(1,3), 0.3), str(F(5, 1)), F(10**20, 3) + F(1, 10**15), a.real, a.imag, a.conjugate(), format(a), f"{a}", F(3, 4) != 0.75]:
    print(type(x).__name__, repr(x))
for h in [F(1,2), F(3), F(-1), F(-2), F(0), F(1, 3), F(10**30), F(-1, 3), F(7, 2**61-1), F(2**61, 3)]:
    print(hash(h), hash(h) == hash(float(h)) if h.denominator & (h.denominator - 1) == 0 else '')
print(hash(F(1,2)) == hash(0.5), hash(F(5)) == hash(5), {F(1, 2): 'x'}[0.5], len({F(2), 2, 2.0}))
for f in [lambda: F(1,2)/0, lambda: F(-3,4)/F(0), lambda: F(0) ** -1, lambda: F(0) ** -2, lambda: F(-6, 7)/0, lambda: 1/F(0), lambda: F(1,2)//0, lambda: F(1,2) % 0, lambda: divmod(F(1,2), 0), lambda: F(1,2) + 'a', lambda: 'a' * F(1,2), lambda: F(1,2) < 'a', lambda: F(1,2).limit_denominator(0), lambda: F.from_float('x'), lambda: format(F(1,2), '.2f'), lambda: F(1, 2) / 0.0]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class G(F):
    pass
g = G(1, 2)
print(repr(g), type(g + 1).__name__, type(+g).__name__, isinstance(g, F))
import copy
print(copy.copy(a) is a, copy.deepcopy(a) is a, repr(copy.copy(g)))
