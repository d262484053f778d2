# an exception's own fields (errno, msg, name, value, code, obj...) are set and deleted in place, not in
# __dict__, and str() reads them back; the deleted ones read None
import sys
e = OSError(2, "x", "f")
e.errno = 5
print(e, e.__dict__)
e.strerror = "y"
e.filename = "g"
e.filename2 = "h"
print(e, e.__dict__, e.args)
del e.errno
print(e.errno, e)
print(str(OSError(None, None)), OSError(None, None).args, OSError(None, None).errno)
e = OSError("a")
e.errno = 3
print(e, e.errno, e.strerror)
e.strerror = "s"
print(e)
class MyOSError(OSError):
    pass
m = MyOSError(1, "a")
m.errno = 7
print(m, m.__dict__)
e = ImportError("m", name="n", path="p")
e.msg = "z"
e.name = "q"
e.path = "r"
print(e, e.msg, e.name, e.path, e.__dict__)
del e.msg
print(repr(e.msg), str(e))
s = StopIteration(1)
s.value = 2
print(s.value, s.args, s.__dict__)
del s.value
print(s.value)
x = SystemExit(1)
x.code = 3
print(x.code, x.args, x.__dict__)
del x.code
print(x.code)
n = NameError("a", name="b")
n.name = "c"
print(n.name, n.__dict__)
del n.name
print(n.name)
a = AttributeError("a", name="b", obj=1)
a.name = "c"
a.obj = 2
print(a.name, a.obj, a.__dict__)
del a.obj
print(a.obj)
v = object()
base = sys.getrefcount(v)
s.value = v
print(sys.getrefcount(v) - base)
s.value = None
print(sys.getrefcount(v) - base)
e = ValueError(1)
e.errno = 3
print(e.__dict__)
for attr in ["args", "__traceback__", "__cause__", "__context__", "__suppress_context__"]:
    try:
        exec(f"del e.{attr}")
    except TypeError as err:
        print(attr, err)
print(e.args)
