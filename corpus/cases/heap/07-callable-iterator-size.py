# iter(callable, sentinel) is a callable_iterator of CPython's size; built-in iterators' __sizeof__ is their
# type's basicsize (sys.getsizeof adds the GC header where they have one).
import sys
def f():
    return 1
it = iter(f, 0)
print(type(it).__name__, sys.getsizeof(it), it.__sizeof__())
print(next(it), next(it))
n = [3, 2, 1, 0].pop
it2 = iter(n, 0)
print(list(it2), sys.getsizeof(it2), sys.getsizeof(iter(int, 1)))
import gc
print(gc.is_tracked(it2))
import sys
for o in (iter([1]), iter(range(3)), iter("ab"), iter((1,)), reversed([1]), enumerate([]), zip(), map(abs, []), iter({}), iter(set())):
    print(type(o).__name__, sys.getsizeof(o), o.__sizeof__())
