# a builtin type's dunders called directly on exact instances and on subclasses that override them, through
# super() and with reflected operands; NotImplemented where the builtin does not handle the other operand
def show(*fs):
    out = []
    for f in fs:
        try:
            out.append(repr(f()))
        except Exception as e:
            out.append(type(e).__name__ + ": " + str(e))
    print(" | ".join(out))
show(lambda: int.__lt__(1, 'a'), lambda: str.__eq__('a', 1), lambda: list.__eq__([], ()), lambda: float.__eq__(1.0, 1),
     lambda: int.__eq__(1, 1.0), lambda: dict.__eq__({}, {}), lambda: dict.__ne__({1: 2}, {}), lambda: dict.__lt__({}, {}),
     lambda: dict.__ne__({}, []), lambda: set.__le__({1}, frozenset({1, 2})), lambda: frozenset.__eq__(frozenset(), set()),
     lambda: tuple.__ge__((1, 2), (1,)), lambda: bytes.__lt__(b'a', b'b'), lambda: bytes.__eq__(b'a', 'a'), lambda: float.__gt__(2.5, True))
show(lambda: int.__add__(1, 2.0), lambda: int.__radd__(1, 2), lambda: float.__radd__(1.5, 2), lambda: float.__rsub__(1.5, 2),
     lambda: str.__add__('a', 'b'), lambda: str.__mul__('ab', 3), lambda: str.__mul__('ab', 'c'), lambda: str.__rmul__('ab', 2),
     lambda: list.__add__([1], [2]), lambda: list.__mul__([1], 2), lambda: list.__rmul__([1], 2), lambda: tuple.__mul__((1,), 3),
     lambda: list.__iadd__([1], (2, 3)), lambda: str.__mod__('%d', 3), lambda: int.__pow__(2, 10), lambda: int.__rpow__(2, 3),
     lambda: int.__divmod__(7, 2), lambda: float.__divmod__(7.5, 2), lambda: int.__mul__(3, 'a'), lambda: list.__add__([], ()))
show(lambda: str.__contains__('abc', 'b'), lambda: list.__contains__([1], 1.0), lambda: dict.__contains__({1: 2}, 1),
     lambda: list(list.__iter__([1, 2])), lambda: list(dict.__iter__({'k': 1})), lambda: list(str.__iter__('hi')),
     lambda: int.__hash__(-1), lambda: str.__hash__('') == hash(''), lambda: tuple.__hash__(()) == hash(()),
     lambda: float.__hash__(1.0), lambda: list.__repr__([1, 'a']), lambda: dict.__repr__({1: [2]}), lambda: str.__repr__("it's"),
     lambda: float.__repr__(0.1), lambda: set.__repr__(set()), lambda: frozenset.__repr__(frozenset({3})), lambda: int.__repr__(True),
     lambda: str.__len__('héllo'), lambda: dict.__len__({1: 1}), lambda: bytes.__getitem__(b'xy', 1), lambda: tuple.__getitem__((1, 2, 3), slice(1, None)),
     lambda: str.__getitem__('abc', -1), lambda: list.__getitem__([1, 2], 5), lambda: list.__hash__, lambda: dict.__getitem__({}, 'k'))
class Num(int):
    def __add__(self, o): return ('add', int.__add__(self, o))
    def __radd__(self, o): return ('radd', super().__radd__(o))
    def __sub__(self, o): return ('sub', super().__sub__(o))
    def __mul__(self, o): return ('mul', int.__mul__(self, o))
    def __pow__(self, o, m=None): return ('pow', int.__pow__(self, o))
    def __rpow__(self, o, m=None): return ('rpow', int.__rpow__(self, o))
    def __divmod__(self, o): return ('divmod', super().__divmod__(o))
    def __abs__(self): return ('abs', int.__abs__(self))
    def __round__(self, n=None): return ("round", int.__round__(self) if n is None else int.__round__(self, n))
    def __lt__(self, o): return ('lt', int.__lt__(self, o))
    def __gt__(self, o): return ('gt', super().__gt__(o))
    def __eq__(self, o): return int.__eq__(self, o)
    def __hash__(self): return int.__hash__(self)
    def __repr__(self): return 'Num(' + int.__repr__(self) + ')'
    def __str__(self): return 'str:' + int.__str__(self)
    def __bool__(self): return not int.__bool__(self)
n = Num(-7)
print(n + 1, 1 + n, n - 2, n * 3, n ** 2, 2 ** Num(3), n.__divmod__(2), abs(n), round(n), n < 0, n > 0, 0 < n, n == -7, hash(n), repr(n), str(n), bool(n))
print(n + 1.5, n < 'a' if False else int.__lt__(n, 'a'), Num(3) + Num(4), Num(3) < Num(4))
class Fl(float):
    def __add__(self, o): return ('add', float.__add__(self, o))
    def __radd__(self, o): return ('radd', super().__radd__(o))
    def __round__(self, n=None): return ('round', float.__round__(self, n))
    def __trunc__(self): return ('trunc', float.__trunc__(self))
    def __int__(self): return float.__int__(self) + 1
    def __divmod__(self, o): return ('divmod', float.__divmod__(self, o))
    def __eq__(self, o): return ('eq', float.__eq__(self, o))
    def __repr__(self): return 'Fl(' + super().__repr__() + ')'
f = Fl(2.5)
print(f + 1, 1 + f, round(f), round(f, 0), f.__int__(), f.__divmod__(2), f == 2.5, f == 'x', repr(f), [f])
class St(str):
    def __add__(self, o): return ('add', str.__add__(self, o))
    def __mul__(self, o): return ('mul', super().__mul__(o))
    def __rmul__(self, o): return ('rmul', str.__rmul__(self, o))
    def __mod__(self, o): return ('mod', str.__mod__(self, o))
    def __str__(self): return 'St:' + str.__str__(self)
    def __format__(self, spec): return 'fmt:' + str.__format__(self, spec)
    def __iter__(self): return iter(list(super().__iter__())[::-1])
    def __contains__(self, x): return super().__contains__(x.lower())
    def __getitem__(self, i): return super().__getitem__(i) * 2
    def __len__(self): return 10 + super().__len__()
    def __lt__(self, o): return ('lt', str.__lt__(self, o))
    def __ne__(self, o): return ('ne', str.__ne__(self, o))
    __hash__ = str.__hash__
s = St('ab')
print(s + 'c', s * 2, 2 * s, St('%s!') % 1, str(s), f'{s:>4}', list(s), 'A' in s, s[0], s[:1], len(s), s < 'b', s != 'ab', 'a' < s)
print(type(str.__str__(s)), type(str.__getitem__(s, slice(None))), str.__mul__(s, 1), type(str.__mul__(s, 1)), str.__add__(s, ''), type(str.__add__(s, '')))
class Li(list):
    def __add__(self, o): return ('add', list.__add__(self, o))
    def __iadd__(self, o): r = super().__iadd__(o); print('iadd', r is self); return r
    def __mul__(self, o): return ('mul', list.__mul__(self, o))
    def __setitem__(self, i, v): super().__setitem__(i, v * 2)
    def __delitem__(self, i): print('del', i); list.__delitem__(self, i)
    def __getitem__(self, i): return ('get', list.__getitem__(self, i))
    def __iter__(self): return list.__iter__(self)
    def __len__(self): return list.__len__(self) * 100
    def __contains__(self, x): return not list.__contains__(self, x)
    def __eq__(self, o): return ('eq', list.__eq__(self, o))
    def __ge__(self, o): return ('ge', super().__ge__(o))
    def __repr__(self): return 'Li' + list.__repr__(self)
l = Li([1, 2])
l[0] = 5
del l[1]
l += [7]
print(l + [0], [0] + l, l * 2, l[0], l[0:1], list(l), len(l), 5 in l, 9 in l, l == [10, 7], [10, 7] == l, l >= [1], l, sorted(l))
class Di(dict):
    def __setitem__(self, k, v): super().__setitem__(k, (v,))
    def __getitem__(self, k): return ('get', super().__getitem__(k))
    def __missing__(self, k): return 'missing ' + k
    def __delitem__(self, k): dict.__delitem__(self, k); print('deleted', k)
    def __contains__(self, k): return dict.__contains__(self, k.upper())
    def __iter__(self): return reversed(list(dict.__iter__(self)))
    def __len__(self): return -dict.__len__(self) + 50
    def __eq__(self, o): return ('eq', dict.__eq__(self, o))
    def __ne__(self, o): return ('ne', super().__ne__(o))
    def __repr__(self): return 'Di' + dict.__repr__(self)
d = Di()
d['A'] = 1
d['B'] = 2
del d['B']
d['C'] = 3
print(d['A'], d['x'], 'a' in d, 'A' in d, list(d), len(d), d == {'A': (1,)}, d != {}, {} != d, d, dict.__getitem__(d, 'zz'))
class Tu(tuple):
    def __add__(self, o): return ('add', tuple.__add__(self, o))
    def __radd__(self, o): return ('radd', o)
    def __mul__(self, o): return ('mul', super().__mul__(o))
    def __getitem__(self, i): return super().__getitem__(i)
    def __hash__(self): return tuple.__hash__(self) + 1
    def __lt__(self, o): return ('lt', tuple.__lt__(self, o))
t = Tu((1, 2))
print(t + (3,), (0,) + t, t * 2, t[:], type(t[:]), hash(t) == hash((1, 2)) + 1, t < (1, 3), (1, 3) > t, tuple.__lt__(t, [1]))
class Se(set):
    def __contains__(self, x): return set.__contains__(self, x) or x == 'all'
    def __or__(self, o): return ('or', set.__or__(self, o))
    def __ror__(self, o): return ('ror', set.__ror__(self, o))
    def __and__(self, o): return ('and', super().__and__(o))
    def __le__(self, o): return ('le', set.__le__(self, o))
    def __len__(self): return set.__len__(self) + 1000
    def __repr__(self): return 'Se' + set.__repr__(self)
z = Se({1, 2})
print('all' in z, 3 in z, z | {3}, {3} | z, z & {2}, z <= {1, 2, 3}, sorted(set.__iter__(z), reverse=True), len(z), z, set.__or__(z, [1]), sorted(set.__ror__(z, {9})))
class By(bytes):
    def __add__(self, o): return ('add', bytes.__add__(self, o))
    def __mul__(self, o): return ('mul', super().__mul__(o))
    def __iter__(self): return iter(list(bytes.__iter__(self)) * 2)
    def __hash__(self): return bytes.__hash__(self) + 1
    def __eq__(self, o): return ('eq', bytes.__eq__(self, o))
b = By(b'ab')
class Do(dict):
    def __or__(self, o): return ('or', dict.__or__(self, o))
    def __ror__(self, o): return ('ror', super().__ror__(o))
    def __ior__(self, o): print('ior'); return dict.__ior__(self, o)
do = Do(a=1)
do |= [('b', 2)]
print(do | {1: 2}, {1: 2} | do, do, dict.__or__({}, []), dict.__ror__({}, {5: 6}))
print(b + b'c', b * 2, list(b), hash(b) == hash(b'ab') + 1, b == b'ab', b == 'ab', bytes.__mod__(b'%d', 5), bytes.__getitem__(b, slice(0, 1)))
for bad in [lambda: str.__mul__('a', 2.0), lambda: list.__add__([], ()), lambda: tuple.__add__((), []), lambda: list.__iadd__([], 1), lambda: dict.__setitem__({}, [], 1),
            lambda: list.__setitem__([], 0, 1), lambda: list.__delitem__([1], 'a'), lambda: dict.__delitem__({}, 'k'), lambda: int.__round__(Num(5), 'a'),
            lambda: list.__getitem__(Li(), 0), lambda: str.__contains__('a', 1), lambda: set.__contains__(Se(), {}), lambda: str.__add__(St('a'), 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
