# sys.getsizeof of the built-in iterators: their C struct plus the GC header (range_iterator has none)
import sys, gc
class Seq:
    def __getitem__(self, i):
        raise IndexError
its = [iter(range(3)), iter([1]), iter((1,)), iter({1: 2}), iter({1: 2}.values()), iter({1: 2}.items()),
       iter({1}), iter('ab'), iter(b'ab'), reversed([1]), iter(Seq()), iter(bytearray(b'a')),
       zip(), zip([1], [2]), map(len, []), filter(None, []), enumerate([]), reversed((1, 2))]
for it in its:
    print(type(it).__name__, sys.getsizeof(it), gc.is_tracked(it))
it = iter([1, 2])
next(it)
print(sys.getsizeof(it), sys.getsizeof(list(it)))
