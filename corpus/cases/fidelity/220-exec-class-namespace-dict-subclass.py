# exec() and class bodies with a namespace that is a dict subclass: LOAD_NAME, STORE_NAME, DELETE_NAME and LOAD_CLASSDEREF go through its __getitem__ / __setitem__ / __delitem__ (and dict's __missing__), a KeyError going on to the globals and builtins
log = []


class NS(dict):
    def __getitem__(self, k):
        log.append("get " + k)
        return super().__getitem__(k)

    def __setitem__(self, k, v):
        log.append("set " + k)
        super().__setitem__(k, v)

    def __delitem__(self, k):
        log.append("del " + k)
        super().__delitem__(k)

    def __missing__(self, k):
        log.append("missing " + k)
        if k == "magic":
            return 42
        if k == "broken":
            raise ValueError("broken lookup")
        raise KeyError(k)


def show(what):
    print(what, log)
    log.clear()


ns = NS(x=1)
exec("y = x + 1\nz = magic\ndel y\nw = len", ns)
show("exec")
print(sorted(k for k in ns if k != "__builtins__"), ns["z"] == 42)
log.clear()
for src in ["q", "del q", "broken", "del x; x"]:
    try:
        exec(src, ns)
    except Exception as e:
        print(type(e).__name__, e, e.__context__ is None)
    show(src)

loc = NS(v=1)
exec("v += 1\nu = v * 10", {}, loc)
show("locals")
print(eval("v * 2 + magic", {}, loc), dict(loc))
show("eval")


class Meta(type):
    @classmethod
    def __prepare__(m, name, bases):
        return NS()


def outer():
    c = "cell"

    class K(metaclass=Meta):
        a = 1
        b = a + 1
        del a
        d = c

        def f(self):
            return b

    return K


K = outer()
show("class body")
print(sorted(k for k in K.__dict__ if not k.startswith("__")), K.d)

g = NS()
g["__builtins__"] = __builtins__
log.clear()
exec("import sys\nfor i in range(2): pass\nt = [i for i in range(2)]\nglobal gg\ngg = 3\nclass C: pass", g)
show("module")
print(g["gg"], g["t"], g["C"].__module__)
log.clear()
