# sys.getsizeof of the objects a first lesson creates, and how containers grow
import sys
print([sys.getsizeof(x) for x in (0, 1, 2**31, 1.5, "", "a", "hello", (), (1,), [], {}, set(), None, True)])
lst = []
sizes = []
for i in range(20):
    lst.append(i)
    sizes.append(sys.getsizeof(lst))
print(sizes)
d = {}
dsizes = []
for i in range(12):
    d[i] = i
    dsizes.append(sys.getsizeof(d))
print(dsizes)
def f(): pass
class C: pass
print(sys.getsizeof(f), sys.getsizeof(C()), sys.getsizeof(range(10)))
