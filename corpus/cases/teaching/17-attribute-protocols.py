# Descriptors, __getattr__, __setattr__, __slots__, __call__
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.owner = owner.__name__
    def __init__(self, kind): self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.owner}.{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age): self.name, self.age = name, age
p = Person("Al", 30)
print(p.name, p.age, vars(p), type(Person.name).__name__, Person.age.kind)
try:
    p.age = "old"
except TypeError as e:
    print(e)
class Config:
    def __init__(self, **kw):
        object.__setattr__(self, "_data", dict(kw))
    def __getattr__(self, k):
        try: return self._data[k]
        except KeyError: raise AttributeError(f"no setting {k!r}") from None
    def __setattr__(self, k, v):
        if k.startswith("_"): raise AttributeError("private")
        self._data[k] = v
    def __delattr__(self, k): del self._data[k]
    def __dir__(self): return sorted(self._data)
    def __len__(self): return len(self._data)
    def __contains__(self, k): return k in self._data
c = Config(debug=True, level=3)
c.mode = "fast"
print(c.debug, c.mode, len(c), "level" in c, dir(c), getattr(c, "missing", "dflt"))
del c.mode
try: c.mode
except AttributeError as e: print(e)
try: c._x = 1
except AttributeError as e: print(e)
class Slotted:
    __slots__ = ("a", "b")
class Sub(Slotted):
    __slots__ = ("c",)
class Free(Slotted):
    pass
s = Sub(); s.a = 1; s.c = 3
print(s.a, s.c, hasattr(s, "b"), Sub.__slots__, hasattr(Free(), "__dict__"))
try: s.b
except AttributeError as e: print(e)
try: s.z = 1
except AttributeError as e: print(e)
class Poly:
    def __init__(self, *coef): self.coef = coef
    def __call__(self, x): return sum(c * x ** i for i, c in enumerate(self.coef))
    def __repr__(self):
        terms = [f"{c}x^{i}" if i else str(c) for i, c in enumerate(self.coef) if c]
        return " + ".join(reversed(terms)) or "0"
sq = Poly(1, 0, 2)
print(sq, [sq(x) for x in range(4)], callable(sq), callable(3), list(map(sq, [10])))
class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 5 in Seq(), [x for x in Seq()], iter(Seq()).__class__.__name__)
class Sized:
    def __len__(self): return 0
print(bool(Sized()), not Sized(), "yes" if Sized() else "no")
class Weird:
    def __len__(self): return -1
try: len(Weird())
except ValueError as e: print(e)
class Ctx:
    def __getattribute__(self, name):
        if name == "secret": return 42
        return object.__getattribute__(self, name)
print(Ctx().secret)
try: Ctx().other
except AttributeError as e: print(e)
