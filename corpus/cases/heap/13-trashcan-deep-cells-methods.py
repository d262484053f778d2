# 60 000-deep chains of cells and of bound methods of cells between instances with __del__: the instances and containers bound the nesting (50), the cells and methods nest without counting
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

def cell_of(v):
    return (lambda: v).__closure__[0]

def digest(seq):
    turns = [k for k in range(1, len(seq)) if seq[k] != seq[k - 1] + 1]
    check = sum((k + 1) * v for k, v in enumerate(seq)) % 1000003
    return len(seq), len(turns), [seq[k] for k in turns[:8]], check

wrappers = {
    "cell": cell_of,
    "cell in bound method": lambda v: Method(K.m, cell_of(v)),
}

for kind, w in wrappers.items():
    out.clear()
    x = ()
    for i in range(60000):
        x = (D(i), w(x))
    del x
    print(kind, digest(out))
