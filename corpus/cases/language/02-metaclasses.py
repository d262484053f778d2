# Metaclasses: __prepare__, __new__, __init__ and __call__ of a metaclass, and what a class made by one weighs
import gc
import sys


class Tracked(type):
    created = []

    @classmethod
    def __prepare__(mcls, name, bases, **options):
        print(f"prepare {name} {options}")
        return {"options": options}

    def __new__(mcls, name, bases, ns, **options):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.created.append(name)
        return cls

    def __init__(cls, name, bases, ns, **options):
        super().__init__(name, bases, ns)
        cls.instances = 0

    def __call__(cls, *args, **kwargs):
        obj = super().__call__(*args, **kwargs)
        cls.instances += 1
        return obj


class Point(metaclass=Tracked, frozen=False):
    def __init__(self, x, y):
        self.x, self.y = x, y


class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


p = Point(1, 2)
q = Point3(1, 2, 3)
r = Point3(4, 5, 6)
print(Tracked.created, Point.instances, Point3.instances, Point.options)
print(type(Point) is Tracked, isinstance(Point3, Tracked), type(p) is Point)
print("metaclass size:", sys.getsizeof(Tracked), " class size:", sys.getsizeof(Point), " type:", sys.getsizeof(type))
print("tracked:", gc.is_tracked(Tracked), gc.is_tracked(Point))
print("refcounts:", sys.getrefcount(Tracked), sys.getrefcount(Point))


class Base:
    def __init_subclass__(cls, /, kind="plain", **kw):
        super().__init_subclass__(**kw)
        cls.kind = kind


class Special(Base, kind="special"):
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Special.kind, Special[int])
Dynamic = Tracked("Dynamic", (Point,), {"z": 0})
print(type(Dynamic).__name__, Dynamic.z, Tracked.created)
del p, q, r, Point3, Dynamic
print("collected:", gc.collect(), " Point refcount:", sys.getrefcount(Point))
