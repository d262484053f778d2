# f(*x) and an exception's args = x make a tuple as tuple(x) does: x's own __len__ is asked first (its calls, its errors)
class L:
    def __init__(self, n): self.n = n
    def __len__(self):
        print("len", self.n)
        if isinstance(self.n, BaseException): raise self.n
        return self.n
    def __iter__(self): return iter([1, 2])
def f(*a): return a
for n in [2, 0, -1, "x", ValueError("boom"), TypeError("t")]:
    try:
        print(f(*L(n)))
    except Exception as e:
        print(type(e).__name__, e)
e = ValueError()
e.args = L(5)
print(e.args)
try:
    e.args = L(KeyError("k"))
except KeyError as x:
    print("KeyError", x)
print(e.args)
