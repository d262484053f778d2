# A class's repr and its exceptions' tracebacks after __module__ / __qualname__ / __name__ are assigned
class C:
    pass
print(C, C.__module__, C.__qualname__)
C.__module__ = "x"
print(C, repr(C), C.__module__, C.__dict__["__module__"])
C.__qualname__ = "A.B"
print(C, C.__name__, C.__qualname__)
C.__name__ = "N"
print(C, C.__name__, C.__qualname__)
C.__module__ = "builtins"
print(C)
class D:
    pass
D.__qualname__ = "Q"
print(D, D.__name__)
for bad in ["C.__qualname__ = 5", "C.__name__ = 5", "C.__name__ = b'n'"]:
    try:
        exec(bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class E(Exception):
    pass
E.__module__ = "errs"
try:
    raise E("boom")
except E as e:
    print(repr(e), type(e))
E.__module__ = 5
print(E)
E.__module__ = "errs"
raise E("uncaught")
