# zero-argument super() looks for a free variable named __class__ only: a local or cell of that name in the
# method is "not found", a free __class__ that is no type or is empty raises its own RuntimeError; the
# same on every call of the method
class Base:
    def f(self):
        return "Base.f"
class Local(Base):
    def f(self):
        __class__ = 3
        return super().f()
class Cell(Base):
    def f(self):
        __class__ = Base
        def inner():
            return __class__
        return super().f()
class NotType(Base):
    def f(self):
        nonlocal __class__
        __class__ = 5
        return super().f()
class Plain(Base):
    def f(self):
        return "Plain " + super().f()
class Empty(Base):
    def f(self):
        nonlocal __class__
        del __class__
        return super().f()
for k in (Local, Cell, NotType, Plain, Local, NotType, Plain, Empty):
    for i in range(2):
        try:
            print(k.__name__, k().f())
        except (RuntimeError, TypeError) as e:
            print(k.__name__, type(e).__name__, e)
        if k is Empty:
            break
