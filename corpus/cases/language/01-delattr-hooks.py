# del obj.attr and delattr() go through a class's __delattr__; descriptors' __delete__ and property deleters
class Logged:
    def __delattr__(self, name):
        print("Logged.__delattr__", name)
        super().__delattr__(name)


class Child(Logged):
    def __delattr__(self, name):
        print("Child.__delattr__", name)
        super().__delattr__(name)


class Celsius:
    def __get__(self, obj, owner=None):
        return obj._c if obj is not None else self

    def __set__(self, obj, value):
        obj._c = value

    def __delete__(self, obj):
        print("Celsius.__delete__")
        del obj._c


class Thermo:
    temp = Celsius()

    @property
    def label(self):
        return "thermo"

    @label.deleter
    def label(self):
        print("label deleter")


a = Logged()
a.x = 1
del a.x
a.y = 2
delattr(a, "y")
print(vars(a))
c = Child()
c.z = 3
del c.z
try:
    del c.missing
except AttributeError as e:
    print("AttributeError:", e)
t = Thermo()
t.temp = 21
print(t.temp, vars(t))
del t.temp
print(vars(t))
del t.label
try:
    del t.temp
except AttributeError as e:
    print("AttributeError:", e)
