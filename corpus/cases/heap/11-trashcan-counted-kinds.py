# Which deallocations count in the trashcan's nesting besides lists, tuples, dicts and instances: sets and frozensets, builtin methods, method-wrappers, exceptions with BaseException's deallocator (not OSError, StopIteration, NameError, AttributeError, MemoryError…), frames of started generators
out = []

class D:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        out.append(self.i)

def runs(seq):
    parts = []
    start = prev = seq[0]
    for v in seq[1:]:
        if v != prev + 1:
            parts.append(f"{start}-{prev}" if start != prev else str(start))
            start = v
        prev = v
    parts.append(f"{start}-{prev}" if start != prev else str(start))
    return " ".join(parts)

def gen(v):
    yield v

def started(v):
    g = gen(v)
    next(g)
    return g

wrappers = {
    "set of tuple": lambda v: {(0, lambda: v)},
    "frozenset": lambda v: frozenset([v]),
    "builtin method": lambda v: v.__sizeof__,
    "list.append": lambda v: [v].append,
    "method-wrapper": lambda v: v.__eq__,
    "Exception": Exception,
    "ValueError": ValueError,
    "KeyError": KeyError,
    "UnicodeError": UnicodeError,
    "OSError": OSError,
    "NameError": NameError,
    "AttributeError": AttributeError,
    "MemoryError": MemoryError,
    "started generator": started,
}

def chain(kind, n):
    out.clear()
    x = ()
    w = wrappers[kind]
    for i in range(n):
        x = (D(i), w(x))
    del x
    return runs(out)

for n in (120, 200):
    for kind in wrappers:
        print(n, kind, "|", chain(kind, n))
