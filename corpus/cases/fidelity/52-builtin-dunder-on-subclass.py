# a builtin type's own dunder called on an instance of a subclass that overrides it (dict.__setitem__(self,
# k, v), str.__eq__(self, o), super().__getitem__(k)) runs the builtin's code on the instance, not the
# override again; Python code it calls (a key's __eq__) sees the overrides as usual
class D(dict):
    def __setitem__(self, k, v):
        print("set", k)
        dict.__setitem__(self, k, v * 2)
    def __getitem__(self, k):
        return dict.__getitem__(self, k) + 1
d = D()
d["a"] = 1
print(d["a"], d)
class S(str):
    def __eq__(self, o):
        return str.__eq__(self, o)
    __hash__ = str.__hash__
print(S("x") == "x", S("x") == "y")
class L(list):
    def append(self, x):
        list.append(self, x * 10)
    def __len__(self):
        return list.__len__(self) + 100
l = L(); l.append(1); print(l, len(l))
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v + 1)
    def __getitem__(self, k):
        return super().__getitem__(k) * 10
    def __contains__(self, k):
        return dict.__contains__(self, k) or k == "any"
    def __len__(self):
        return dict.__len__(self) * 2
    def __iter__(self):
        return iter(sorted(dict.__iter__(self)))
    def __repr__(self):
        return "D" + dict.__repr__(self)
    def __delitem__(self, k):
        print("del", k)
        dict.__delitem__(self, k)
    def __eq__(self, o):
        return dict.__eq__(self, o)
d = D()
d["b"] = 1
d["a"] = 2
print(d["b"], "a" in d, "any" in d, "zz" in d, len(d), list(d), repr(d), d)
del d["a"]
print(d, d == {"b": 2}, d == {"b": 3}, dict.__eq__(d, 5))
class M(dict):
    def __missing__(self, k):
        return k * 2
    def __getitem__(self, k):
        return dict.__getitem__(self, k)
m = M(x=1)
print(m["x"], m["ab"], m.get("ab"))
class I(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
    def __getitem__(self, i):
        return list.__getitem__(self, i) * 2
    def __setitem__(self, i, v):
        list.__setitem__(self, i, -v)
    def __contains__(self, x):
        return list.__contains__(self, x // 2)
    def __iter__(self):
        return list.__iter__(self)
    def __eq__(self, o):
        return list.__eq__(self, o)
    def __lt__(self, o):
        return list.__lt__(self, o)
    def __repr__(self):
        return "I" + list.__repr__(self)
i = I([1, 2, 3])
i[0] = 5
print(i[0], i[1:], 4 in i, list(i), i == [-5, 2, 3], i < [0], i, i.extra)
class K(dict):
    def __init__(self, a, **kw):
        super().__init__(a, **kw)
print(K({"p": 1}, q=2))
class S(str):
    def __eq__(self, o):
        return str.__eq__(self, o)
    def __ne__(self, o):
        return super().__ne__(o)
    def __lt__(self, o):
        return str.__lt__(self, o)
    def __hash__(self):
        return str.__hash__(self)
    def __len__(self):
        return str.__len__(self) + 1
    def __getitem__(self, i):
        return str.__getitem__(self, i).upper()
    def __contains__(self, x):
        return str.__contains__(self, x)
    def __repr__(self):
        return "S(" + str.__repr__(self) + ")"
    def __iter__(self):
        return str.__iter__(self)
s = S("abc")
print(s == "abc", s != "abc", s == S("abc"), s < "b", hash(s) == hash("abc"), len(s), s[0], s[1:], "b" in s, repr(s), list(s), {s: 1}["abc"])
print(str.__eq__(s, 1), str.__lt__("a", 1))
class N(int):
    def __eq__(self, o):
        return int.__eq__(self, o)
    def __hash__(self):
        return int.__hash__(self)
    def __lt__(self, o):
        return super().__lt__(o)
    def __repr__(self):
        return "N" + int.__repr__(self)
    def __add__(self, o):
        return N(int.__add__(self, o))
n = N(5)
print(n == 5, n == 5.0, n < 6, hash(n), repr(n), n + 1, int.__eq__(n, 5.0))
class F(float):
    def __eq__(self, o):
        return float.__eq__(self, o)
    def __hash__(self):
        return float.__hash__(self)
    def __repr__(self):
        return "F" + float.__repr__(self)
f = F(1.5)
print(f == 1.5, f == 2, hash(f) == hash(1.5), repr(f))
class T(tuple):
    def __getitem__(self, i):
        return tuple.__getitem__(self, i) + 1
    def __len__(self):
        return tuple.__len__(self) - 1
    def __eq__(self, o):
        return tuple.__eq__(self, o)
    def __hash__(self):
        return tuple.__hash__(self)
    def __contains__(self, x):
        return tuple.__contains__(self, x)
    def __iter__(self):
        return tuple.__iter__(self)
    def __repr__(self):
        return "T" + tuple.__repr__(self)
t = T((1, 2))
print(t[0], len(t), t == (1, 2), hash(t) == hash((1, 2)), 2 in t, list(t), repr(t))
class B(bytes):
    def __eq__(self, o):
        return bytes.__eq__(self, o)
    def __hash__(self):
        return bytes.__hash__(self)
    def __getitem__(self, i):
        return bytes.__getitem__(self, i) + 1
    def __len__(self):
        return bytes.__len__(self) * 3
    def __repr__(self):
        return "B" + bytes.__repr__(self)
    def __contains__(self, x):
        return bytes.__contains__(self, x)
b = B(b"ab")
print(b == b"ab", hash(b) == hash(b"ab"), b[0], len(b), repr(b), 97 in b)
class Z(set):
    def __contains__(self, x):
        return set.__contains__(self, x)
    def __len__(self):
        return set.__len__(self) + 10
    def __eq__(self, o):
        return set.__eq__(self, o)
    def __iter__(self):
        return set.__iter__(self)
    def __repr__(self):
        return "Z" + set.__repr__(self)
z = Z({1})
print(1 in z, len(z), z == {1}, list(z), repr(z))
class FZ(frozenset):
    def __hash__(self):
        return frozenset.__hash__(self)
    def __eq__(self, o):
        return frozenset.__eq__(self, o)
    def __contains__(self, x):
        return frozenset.__contains__(self, x)
    def __len__(self):
        return frozenset.__len__(self) + 1
fz = FZ({2})
print(hash(fz) == hash(frozenset({2})), fz == {2}, 2 in fz, len(fz))
class O:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)
    def __getattribute__(self, k):
        return object.__getattribute__(self, k) + 1
    def __eq__(self, o):
        return object.__eq__(self, o)
    def __hash__(self):
        return object.__hash__(self) * 0 + 7
    def __repr__(self):
        return "O" + object.__repr__(self)[:9]
o = O()
o.x = 5
print(o.x, o == o, o == 1, hash(o), repr(o))
for bad in [lambda: dict.__setitem__(1, 2, 3), lambda: dict.__getitem__([], 1), lambda: str.__eq__(1, "a"), lambda: list.__len__(()), lambda: int.__hash__("x"), lambda: object.__setattr__(1, "a", 2), lambda: dict.__setitem__(D(), [], 1), lambda: set.__contains__(set(), [])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class E(str):
    def __eq__(self, o):
        print("E.__eq__")
        return super().__eq__(o)
    __hash__ = str.__hash__
    def __ne__(self, o):
        return str.__ne__(self, o)
print(E("a") != "a", E("a") == "a", E("a") != "b")
class D2(dict):
    def __getitem__(self, k):
        return dict.__getitem__(self, k) + 100
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 1
    def __eq__(self, o):
        print("Key.__eq__", inner["q"])
        return self.n == o.n
inner = D2(q=5)
outer = D2()
dict.__setitem__(outer, Key(1), 7)
print(outer[Key(1)], dict.__getitem__(outer, Key(1)))
for bad in [lambda: str.__eq__(S("a")), lambda: list.__len__(L(), 1), lambda: tuple.__contains__((1,))]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
# items of the same class inside (a nested D, an L in an L) go through the overrides again, as in python3
class DR(dict):
    def __repr__(self):
        return "DR" + dict.__repr__(self)
print(DR(a=DR(b=1)), repr(DR()), str(DR(x=[DR()])))
class LR(list):
    def __repr__(self):
        return "LR" + list.__repr__(self)
    def __eq__(self, o):
        print("LR.__eq__", len(self))
        return list.__eq__(self, o)
    def __ne__(self, o):
        print("LR.__ne__", len(self))
        return list.__ne__(self, o)
l = LR([1])
l.append(l)
print(l)
a = LR([LR([1]), 2])
print(a == [[1], 2], a != [[1], 2], a == LR([LR([1]), 2]), a != LR([LR([1]), 3]))
class TR(tuple):
    def __hash__(self):
        print("TR.__hash__", len(self))
        return tuple.__hash__(self)
print(hash(TR((TR((1,)), 2))) == hash(((1,), 2)))
