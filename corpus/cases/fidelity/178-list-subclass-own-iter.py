# a list (tuple, str, dict, set) subclass with its own __iter__: list(), tuple(), sorted(), extend, +=, *-unpacking, join and f(*x) call it as python3 does
class L(list):
    def __iter__(self):
        print("L.__iter__")
        return iter([7, 8])
    def __contains__(self, x):
        print("L.__contains__")
        return x == 99
class M(list):
    def __iter__(self):
        print("M.__iter__")
        return iter([5])
class T(tuple):
    def __iter__(self):
        print("T.__iter__")
        return iter([6])
class S(str):
    def __iter__(self):
        print("S.__iter__")
        return iter(["z"])
class D(dict):
    def __iter__(self):
        print("D.__iter__")
        return iter(["k"])
class St(set):
    def __iter__(self):
        print("St.__iter__")
        return iter([4])
l = L([1, 2, 3])
print(list(l), tuple(l), sorted(l), set(l), frozenset(l))
x = []
x.extend(l)
print(x, [*l], (*l,), {*l})
a, b = l
print(a, b)
for i in l:
    print(i)
print(1 in l, 99 in l, 8 in M([8]), 5 in M([8]))
print(list(M([1])), sum(M([1, 2])), max(M([1, 2])), min(M([1, 2])), list(enumerate(M([1]))), list(zip(M([1]), M([2]))))
print(list(T((1, 2))), tuple(T((1, 2))), list(map(str, T((1,)))))
print("".join(S("ab")), list(S("ab")), "-".join([S("ab")]), "-".join(S("xy")))
print(list(D(a=1)), dict(D(a=1)), sorted(D(a=1)), {**D(a=1)})
print(list(St({1})), set(St({1})), sorted(St({1})))
try:
    " ".join(M(["q", "r"]))
except TypeError as e:
    print(e)
print(list(reversed(l)), len(l), l[0], l == [1, 2, 3], str(l), list(filter(None, l)), any(l), all(l))
x = [0]
x += l
print(x, x + l, l + x)
y = list(l)
y[0:1] = l
print(y)
print(dict.fromkeys(l), list(iter(l)), [v for v in l])
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        print("It.__iter__")
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return str(self.n)
def f(*a):
    return a
print(f(*l), "-".join(It()), L(l))
n = []
n.extend(T((1, 2)))
print(n, f(*T((3, 4))), T((5, 6)) + (1,), len(T((5, 6))))
try:
    raise ValueError()
except ValueError as e:
    e.args = T((7, 8))
    print(e.args, type(e.args).__name__)
