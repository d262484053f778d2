# reversed() of a sequence stops at an IndexError or StopIteration from __getitem__; other errors propagate
class Seq:
    def __init__(self, n, ok):
        self.n, self.ok = n, ok
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i < self.ok:
            return i * 10
        raise IndexError(i)
class Stop(Seq):
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
class Bad(Seq):
    def __getitem__(self, i):
        raise KeyError(i)
print(list(reversed(Seq(5, 3))), list(reversed(Seq(3, 5))), list(reversed(Stop(5, 0))))
r = reversed(Seq(4, 2))
print(r.__length_hint__(), list(r), r.__length_hint__(), list(r))
r = reversed(Bad(3, 0))
for _ in range(2):
    try:
        next(r)
    except (KeyError, StopIteration) as e:
        print(type(e).__name__, e, r.__length_hint__())
print(sorted(reversed(Seq(6, 4)), key=lambda v: -v))
