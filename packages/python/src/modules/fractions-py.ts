/**
 * The fractions module's Python code (compiled at `import fractions`; modules/course.ts hands it over, in the
 * page from the interpreter's on-demand chunk): Fraction from ints, other Fractions, floats (exactly), strings
 * ('3/4', '1.5', '-2e3', ' 7 ', with python3's ValueError for anything else) and two rationals; arithmetic
 * with ints, floats, complex numbers and Fractions as python3 mixes them (exact with a rational, float or
 * complex with the others), //, %, divmod, **, comparisons, python3's numeric hash (a Fraction equal to an int
 * or a float hashes as it does), limit_denominator, round, math.floor/ceil/trunc, int(), float(),
 * as_integer_ratio, from_float, and python3's ZeroDivisionError texts ("Fraction(1, 0)").
 * What differs: there is no numbers module, so a Fraction is no numbers.Rational and only ints, bools and
 * Fractions count as rationals; from_decimal is not provided (pyheap has no decimal); a string's digits are
 * ASCII digits only.
 */
export const FRACTIONS_PY = `
import math as _math

__all__ = ["Fraction"]

_MOD = 2305843009213693951
_INF_HASH = 314159


def _rational(x):
    return isinstance(x, (int, Fraction))


def _num_den(x):
    if isinstance(x, int):
        return int(x), 1
    return x._numerator, x._denominator


def _parse(s):
    # [sign] digits [/ digits] | [sign] digits [. digits] [e exp], with '_' between digits, spaces around
    t = s.strip()
    neg = t[:1] == "-"
    if t[:1] in "+-" and t:
        t = t[1:]
    num = t
    den = frac = exp = None
    if "/" in t:
        num, den = t.split("/", 1)
    else:
        k = max(t.find("e"), t.find("E"))
        if k >= 0:
            num, exp = t[:k], t[k + 1 :]
        if "." in num:
            num, frac = num.split(".", 1)
    ok = _digits(num, True) and (num or frac)
    if den is not None:
        ok = ok and num and _digits(den)
    if frac is not None:
        ok = ok and _digits(frac, True)
    if exp is not None:
        ok = ok and _digits(exp[1:] if exp[:1] in "+-" else exp)
    if not ok:
        raise ValueError("Invalid literal for Fraction: %r" % (s,))
    n = int(num or "0")
    d = int(den) if den else 1
    if frac:
        scale = 10 ** len(frac.replace("_", ""))
        n = n * scale + int(frac)
        d = scale
    if exp:
        e = int(exp)
        if e >= 0:
            n *= 10**e
        else:
            d *= 10**-e
    return (-n if neg else n), d


def _digits(t, empty=False):
    if not t:
        return empty
    for part in t.split("_"):
        if not part or not all("0" <= c <= "9" for c in part):
            return False
    return True


class Fraction:
    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if _rational(numerator):
                self._numerator, self._denominator = _num_den(numerator)
                return self
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if not isinstance(numerator, str):
                raise TypeError("argument should be a string or a Rational instance")
            n, d = _parse(numerator)
        elif _rational(numerator) and _rational(denominator):
            a, b = _num_den(numerator)
            c, e = _num_den(denominator)
            n, d = a * e, c * b
        else:
            raise TypeError("both arguments should be Rational instances")
        if d == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % n)
        g = _math.gcd(n, d)
        if d < 0:
            g = -g
        self._numerator = n // g
        self._denominator = d // g
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # walk the continued fraction's convergents p/q until q would pass the limit, then take the
        # closer of the last convergent and the best semiconvergent below the limit
        pa, qa, pb, qb = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q = qa + a * qb
            if q > max_denominator:
                break
            pa, qa, pb, qb = pb, qb, pa + a * pb, q
            n, d = d, n - a * d
        k = (max_denominator - qa) // qb
        lower = Fraction(pa + k * pb, qa + k * qb)
        upper = Fraction(pb, qb)
        return upper if abs(upper - self) <= abs(lower - self) else lower

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return "%s(%s, %s)" % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    def __format__(self, spec):
        if spec:
            raise TypeError("unsupported format string passed to %s.__format__" % type(self).__name__)
        return str(self)

    def __pow__(a, b):
        if _rational(b):
            bn, bd = _num_den(b)
            if bd != 1:
                return float(a) ** float(b)
            n, d = a._numerator, a._denominator
            if bn >= 0:
                return _raw(n**bn, d**bn)
            if n >= 0:
                return _raw(d**-bn, n**-bn)
            return _raw((-d) ** -bn, (-n) ** -bn)
        return float(a) ** b

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a**b._numerator
        if _rational(a):
            return Fraction(a) ** b
        if b._denominator == 1:
            return a**b._numerator
        return a ** float(b)

    def __pos__(a):
        return _raw(a._numerator, a._denominator)

    def __neg__(a):
        return _raw(-a._numerator, a._denominator)

    def __abs__(a):
        return _raw(abs(a._numerator), a._denominator)

    def __int__(a):
        return a.__trunc__()

    def __trunc__(a):
        n, d = a._numerator, a._denominator
        return -(-n // d) if n < 0 else n // d

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __float__(a):
        return a._numerator / a._denominator

    def __complex__(a):
        return complex(float(a))

    def __round__(self, ndigits=None):
        if ndigits is None:
            q, r = divmod(self._numerator, self._denominator)
            twice = 2 * r
            if twice > self._denominator or (twice == self._denominator and q % 2):
                q += 1
            return q
        scale = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * scale), scale)
        return Fraction(round(self / scale) * scale)

    def __hash__(self):
        # python3's hash of a rational number n/d: |n| times the inverse of d modulo 2**61 - 1
        n, d = self._numerator, self._denominator
        if d % _MOD == 0:
            h = _INF_HASH
        else:
            h = hash(hash(abs(n)) * pow(d, -1, _MOD))
        if n < 0:
            h = -h
        return -2 if h == -1 else h

    def __eq__(a, b):
        if _rational(b):
            return (a._numerator, a._denominator) == _num_den(b)
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if b != b or b in (_math.inf, -_math.inf):
                return b == 0.0
            return a == Fraction(b)
        return NotImplemented

    def __lt__(a, b):
        return _compare(a, b, 0)

    def __gt__(a, b):
        return _compare(a, b, 1)

    def __le__(a, b):
        return _compare(a, b, 2)

    def __ge__(a, b):
        return _compare(a, b, 3)

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self

    def __bool__(a):
        return a._numerator != 0

    def __reduce__(self):
        return (type(self), (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) is Fraction:
            return self
        return type(self)(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        return self.__copy__()


def _operators(op, name):
    # the forward and reflected method of an arithmetic operator
    def forward(a, b):
        return _binop(a, b, op, False)

    def reflected(a, b):
        return _binop(a, b, op, True)

    for f, n in ((forward, "__%s__"), (reflected, "__r%s__")):
        f.__name__ = n % name
        f.__qualname__ = "Fraction." + f.__name__
        setattr(Fraction, f.__name__, f)


for _op, _name in enumerate(("add", "sub", "mul", "truediv", "floordiv", "mod", "divmod")):
    _operators(_op, _name)
del _op, _name


def _raw(n, d):
    # a Fraction from a numerator and denominator already in lowest terms (d > 0), or d == 0's error
    if d == 0:
        raise ZeroDivisionError("Fraction(%s, 0)" % n)
    f = object.__new__(Fraction)
    f._numerator = n
    f._denominator = d
    return f


def _cmp(x, y, op):
    if op == 0:
        return x < y
    if op == 1:
        return x > y
    if op == 2:
        return x <= y
    return x >= y


def _compare(a, b, op):
    if _rational(b):
        bn, bd = _num_den(b)
        return _cmp(a._numerator * bd, a._denominator * bn, op)
    if isinstance(b, float):
        if b != b or b in (_math.inf, -_math.inf):
            return _cmp(0.0, b, op)
        return _cmp(a, Fraction(b), op)
    return NotImplemented


def _float_op(x, y, op):
    if op == 0:
        return x + y
    if op == 1:
        return x - y
    if op == 2:
        return x * y
    if op == 3:
        return x / y
    if op == 4:
        return x // y
    if op == 5:
        return x % y
    return divmod(x, y)


def _binop(a, b, op, swap):
    if _rational(b):
        return _exact(b, a, op) if swap else _exact(a, b, op)
    if isinstance(b, float):
        return _float_op(b, float(a), op) if swap else _float_op(float(a), b, op)
    if isinstance(b, complex):
        return _float_op(b, complex(a), op) if swap else _float_op(complex(a), b, op)
    return NotImplemented


def _exact(a, b, op):
    na, da = _num_den(a)
    nb, db = _num_den(b)
    if op < 2:
        # the sum over the smallest common denominator, reduced by what it shares with gcd(da, db)
        if op:
            nb = -nb
        g = _math.gcd(da, db)
        if g == 1:
            return _raw(na * db + da * nb, da * db)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = _math.gcd(t, g)
        return _raw(t // g2, s * (db // g2))
    if op == 2:
        g = _math.gcd(na, db)
        na, db = na // g, db // g
        g = _math.gcd(nb, da)
        nb, da = nb // g, da // g
        return _raw(na * nb, da * db)
    if op == 3:
        g = _math.gcd(na, nb)
        if g > 1:
            na, nb = na // g, nb // g
        g = _math.gcd(da, db)
        if g > 1:
            da, db = da // g, db // g
        n, d = na * db, da * nb
        if d < 0:
            n, d = -n, -d
        return _raw(n, d)
    if op == 4:
        return (na * db) // (da * nb)
    if op == 5:
        return Fraction((na * db) % (nb * da), da * db)
    q, r = divmod(na * db, da * nb)
    return (q, Fraction(r, da * db))
`;
