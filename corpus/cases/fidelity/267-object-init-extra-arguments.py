# object.__init__ and object.__new__ given more than the instance or class: python3's TypeError, unless the
# class overrides the other one of the two only; super().__init__(x) in a class with no base is the usual slip
def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__ if r is not None else None)
    except TypeError as e:
        print(label, "-> TypeError:", e)


class Plain:
    pass


class OwnInit:
    def __init__(self, *args, **kwargs):
        pass


class OwnNew:
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls)


class Both:
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls)

    def __init__(self, *args, **kwargs):
        pass


for cls in [object, Plain, OwnInit, OwnNew, Both]:
    o = object.__new__(cls)
    name = cls.__name__
    show(f"{name}: object.__init__(o, 1)", lambda: object.__init__(o, 1))
    show(f"{name}: object.__init__(o, x=1)", lambda: object.__init__(o, x=1))
    show(f"{name}: object.__init__(o)", lambda: object.__init__(o))
    show(f"{name}: o.__init__(1)", lambda: o.__init__(1))
    show(f"{name}: object.__new__(cls, 1)", lambda: object.__new__(cls, 1))
    show(f"{name}: object.__new__(cls, x=1)", lambda: object.__new__(cls, x=1))
    show(f"{name}: cls(1)", lambda: cls(1))


class Point:
    def __init__(self, x, y):
        super().__init__(x, y)
        self.x, self.y = x, y


class Named:
    def __init__(self, name):
        super().__init__(name=name)


class Made:
    def __new__(cls, value):
        return super().__new__(cls, value)


class Fine(OwnInit):
    def __init__(self, v):
        super().__init__(v)
        self.v = v


show("Point(1, 2)", lambda: Point(1, 2))
show("Named('a')", lambda: Named("a"))
show("Made(3)", lambda: Made(3))
show("Fine(4)", lambda: Fine(4))
show("super(OwnInit, OwnInit()).__init__(1)", lambda: super(OwnInit, OwnInit()).__init__(1))

# built-in instances: their own __init__ or __new__ decides
for v in [[], {}, set(), 5, "a", (), 1.5, frozenset(), iter([]), ValueError()]:
    show(f"object.__init__({type(v).__name__}, 1)", lambda: object.__init__(v, 1))

# the built-in types' __new__ with keywords: each constructor's own check (list, dict, set, bytearray ignore them)
for T in [list, dict, set, bytearray, frozenset, int, str, float, tuple, bytes, complex, object, bool]:
    show(f"{T.__name__}.__new__({T.__name__}, x=1)", lambda: T.__new__(T, x=1))
print(repr(str.__new__(str, object="kw")), int.__new__(int, "11", base=2), list.__new__(list, [1, 2]))


# subclasses of built-in types with an __init__ of their own pass their arguments up
class Tagged(staticmethod):
    def __init__(self, f, tag):
        super().__init__(f)
        self.tag = tag


class Prop(property):
    def __init__(self, fget, note):
        super().__init__(fget)
        self.note = note


class Cm(classmethod):
    def __init__(self, f, n):
        super().__init__(f)
        self.n = n


print(Tagged(len, "t").tag, Prop(len, "n").note, Cm(len, 2).n)
