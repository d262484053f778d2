# len() of an object whose __len__ returns no int: python3 takes anything with __index__ (its errors too), in len(), bool(), list() and operator-free hints
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self):
        print("index", self.v)
        return self.v
class L:
    def __init__(self, r): self.r = r
    def __len__(self): return self.r
    def __iter__(self): return iter([1, 2])
class IntSub(int): pass
for r in [Idx(3), Idx(0), Idx(-1), Idx(True), Idx(IntSub(4)), Idx(2**63), Idx("x"), IntSub(5), 2.0, "3"]:
    for fn in (len, bool, list, tuple):
        try:
            print(fn.__name__, fn(L(r)))
        except Exception as e:
            print(fn.__name__, type(e).__name__, e)
