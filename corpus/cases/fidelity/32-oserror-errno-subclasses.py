# OSError(errno, strerror, filename) picks the subclass its errno names; every OSError subclass of the builtins
import builtins
names = ["BlockingIOError", "ChildProcessError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "ProcessLookupError"]
for n in names:
    c = getattr(builtins, n)
    print(n, [k.__name__ for k in c.__mro__], issubclass(c, OSError))
for code in [11, 114, 115, 10, 4, 21, 20, 3, 2, 13, 99]:
    e = OSError(code, "message", "file.txt")
    print(code, type(e).__name__, e.errno, e.strerror, e.filename, str(e), repr(e))
print(type(OSError(21, "no file name")).__name__, type(OSError(21)).__name__, type(OSError("21", "x")).__name__)
try:
    raise IsADirectoryError(21, "Is a directory", "/tmp")
except OSError as e:
    print("caught", type(e).__name__, e, e.args)
subs = [c.__name__ for c in OSError.__subclasses__()]
print(subs[:subs.index("TimeoutError") + 1])
e = BlockingIOError(11, "would block")
print(e.args, e.errno, isinstance(e, OSError))
raise NotADirectoryError(20, "Not a directory", "a/b")
