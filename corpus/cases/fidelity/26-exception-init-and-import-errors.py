# an exception class's __init__ sets the fields that class keeps (SystemExit.code, StopIteration.value,
# ImportError's msg/name/path, NameError.name, AttributeError's name/obj); BaseException.__init__ sets none;
# a failed import names the module it looked in, or the first missing package of a dotted name
e = SystemExit(1)
SystemExit.__init__(e, 5)
print(e.code, e.args)
SystemExit.__init__(e)
print(e.code, e.args)
SystemExit.__init__(e, 1, 2)
print(e.code, e.args)
BaseException.__init__(e, 9)
print(e.code, e.args)
s = StopIteration(1)
StopIteration.__init__(s, 7)
print(s.value)
StopIteration.__init__(s)
print(s.value)
i = ImportError("m", name="n", path="p")
ImportError.__init__(i, "q")
print(i.msg, i.name, i.path, i)
ImportError.__init__(i, "a", "b", name="z")
print(i.msg, i.name, i.path, i)
n = NameError("a", name="b")
NameError.__init__(n, "c")
print(n.name, n.args)
NameError.__init__(n, name="d")
print(n.name)
a = AttributeError("a", name="b", obj=1)
AttributeError.__init__(a, "x", obj=3)
print(a.name, a.obj)
class Doubled(SystemExit):
    def __init__(self, v):
        super().__init__(v * 2)
print(Doubled(4).code, Doubled(4).args)
class Quiet(StopIteration):
    def __init__(self, v):
        pass
print(Quiet(3).value, Quiet(3).args)
class Named(NameError):
    def __init__(self, foo=1):
        super().__init__(foo)
print(Named(foo=2).name, Named(foo=2).args)
for call in [lambda: ValueError.__init__(ValueError(), x=1), lambda: NameError.__init__(NameError(), x=1), lambda: ImportError("a", obj=1)]:
    try:
        call()
    except TypeError as t:
        print(t)
for src in ["from sys import nosuch", "from gc import nosuch", "import nosuch.sub", "import nosuch", "from nosuch.sub import x", "import sys.nosuch", "import gc.a.b", "from . import x"]:
    try:
        exec(src)
    except ImportError as err:
        print(type(err).__name__, err, repr(err.name), repr(err.path), err.args)
import sys
try:
    from sys import nosuch
except ImportError as err:
    print(err.name is sys.__name__)
