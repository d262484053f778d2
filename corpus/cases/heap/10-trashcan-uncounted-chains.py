# Deep chains through cells, functions, bound methods, iterators, slices, staticmethods: only the tuples and instances count in the trashcan's nesting of 50, so where the __del__ order turns shows which types count
out = []

class D:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        out.append(self.i)

class K:
    def m(self):
        pass

Method = type(K().m)

def runs(seq):
    # the order as runs of consecutive numbers
    parts = []
    start = prev = seq[0]
    for v in seq[1:]:
        if v != prev + 1:
            parts.append(f"{start}-{prev}" if start != prev else str(start))
            start = v
        prev = v
    parts.append(f"{start}-{prev}" if start != prev else str(start))
    return " ".join(parts)

def closure_level(nxt, i):
    d = D(i)
    def f():
        return nxt, d
    return f

def cell_of(v):
    return (lambda: v).__closure__[0]

def fn_doc(v):
    def f():
        pass
    f.__doc__ = v
    return f

wrappers = {
    "closure": None,
    "cell": cell_of,
    "function doc": fn_doc,
    "bound method": lambda v: Method(K.m, v),
    "list iterator": lambda v: iter([v]),
    "tuple iterator": lambda v: iter((v,)),
    "enumerate": lambda v: enumerate((v,)),
    "reversed": lambda v: reversed([v]),
    "slice": lambda v: slice(v),
    "staticmethod": staticmethod,
    "classmethod": classmethod,
    "property": property,
}

def chain(kind, n):
    out.clear()
    x = ()
    w = wrappers[kind]
    for i in range(n):
        x = closure_level(x, i) if w is None else (D(i), w(x))
    del x
    return runs(out)

for n in (120, 200):
    for kind in wrappers:
        print(n, kind, "|", chain(kind, n))
