# OSError(errno, strerror, filename) picks its subclass from errno and keeps its fields apart from args
import sys
for args in [(2, "nf", "f"), (2, "nf", "f", None, "g"), ("x",), (1, 2, 3, 4, 5, 6), (13, "perm"), (999, "x"), ("a", "b"), (), (2, "nf", None), (17, "exists", "d", None)]:
    e = OSError(*args)
    print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, repr(e), str(e))
e = FileNotFoundError(13, "perm")
print(type(e).__name__, e.errno, isinstance(e, OSError), IOError is OSError, EnvironmentError is OSError)
try:
    raise OSError(2, "No such file or directory", "data.txt")
except FileNotFoundError as err:
    print("caught", err, err.filename)
print(ConnectionError.__subclasses__())
class MyOSError(OSError):
    pass
print(type(MyOSError(2, "x")).__name__, str(MyOSError(2, "x", "f")))
print([sys.getsizeof(c()) for c in (BaseException, OSError, FileNotFoundError, StopIteration, SystemExit, NameError, AttributeError, ImportError, SyntaxError, KeyError)])
raise PermissionError(1, "Operation not permitted", "/root")
