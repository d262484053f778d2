# generator.throw(type[, value]): an instance of the class as value is thrown as it is, a tuple gives the
# arguments, None or nothing none; an instance with a separate value, or something that is no exception
# class or instance, is a TypeError
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print(type(e).__name__, e.args)
g = catcher()
next(g)
g.throw(ValueError, ValueError("x"))
g.throw(ValueError, ("a", "b"))
g.throw(ValueError, None)
g.throw(ValueError, "m")
g.throw(LookupError, KeyError("k"))
g.throw(KeyError, LookupError("l"))
g.throw(KeyError("kk"))
g.throw(KeyError("kk"), None)
for bad in ((ValueError("i"), "v"), (1,), (int,), ("s", 1), (None,)):
    try:
        g.throw(*bad)
    except TypeError as e:
        print("TypeError", e)
g.close()
print("closed")
