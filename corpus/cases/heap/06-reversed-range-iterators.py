# reversed(range) is a range_iterator (longrange_iterator past a C long), 48 bytes, walking back;
# iter(range) is the same type. for loops over it take the same walk.
import sys
for r in (range(3), range(0), range(10, 0, -3), range(2**62), range(2**64), range(-2**70, 5, 7)):
    it = reversed(r)
    print(type(it).__name__, sys.getsizeof(it), next(it, None), next(it, None))
    it2 = iter(r)
    print(type(it2).__name__, sys.getsizeof(it2))
print(type(reversed([1])).__name__, sys.getsizeof(reversed([1])))
print(type(reversed((1,))).__name__, sys.getsizeof(reversed((1,))))
class S:
    def __len__(self): return 2
    def __getitem__(self, i): return i
print(type(reversed(S())).__name__, sys.getsizeof(reversed(S())), list(reversed(S())))
it = reversed(range(5)); next(it)
print(list(it))
print(type(reversed(range(3))) is type(iter(range(3))))
out = []
for x in reversed(range(-5, 20, 3)):
    out.append(x)
    if x == 10:
        out.append(next(it, "end"))
print(out)
def f(n):
    t = 0
    for i in reversed(range(n)):
        for j in reversed(range(0, i, 2)):
            t = t * 3 + j - i
    return t
print(f(40), f(1), f(0))
r = range(2**53 - 5, 2**53 - 1)
print(type(reversed(r)).__name__, list(reversed(r)))
r = range(-2**53 + 1, -2**53 + 12, 5)
print(type(reversed(r)).__name__, list(reversed(r)))
