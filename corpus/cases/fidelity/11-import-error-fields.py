# ImportError keeps msg, name and path; exceptions take only the keywords their class knows
e = ImportError("m", name="n", path="p")
print(e.msg, e.name, e.path, str(e), repr(e), e.args)
e = ImportError("a", "b")
print(e.msg, e.name, str(e), repr(e))
e = ImportError()
print(e.msg, repr(str(e)), repr(e))
try:
    import no_such_module_here
except ImportError as err:
    print(type(err).__name__, err.msg, err.name, err.path, repr(err))
e = AttributeError("m", name="n", obj=5)
print(e.name, e.obj, repr(e))
for cls in (ImportError, AttributeError, NameError, ValueError, KeyError):
    try:
        cls(x=1)
    except TypeError as t:
        print(t)
class E(ValueError):
    pass
class F(ValueError):
    def __init__(self, msg, *, code):
        super().__init__(msg)
        self.code = code
try:
    E(x=1)
except TypeError as t:
    print(t)
print(repr(F("bad", code=3)), F("bad", code=3).code)
