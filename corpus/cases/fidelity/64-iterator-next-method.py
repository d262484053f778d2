# the builtin iterators have __iter__ (themselves) and __next__ (the next item, StopIteration at the end), as
# generators do; a class's __next__ may call one
it = iter([1, 2])
print(it.__next__(), next(it))
try:
    it.__next__()
except StopIteration as e:
    print('stop', e.args)
g = (x for x in 'ab')
print(g.__next__(), g.__iter__() is g)
for it in [iter(bytearray(b'z')), iter(range(10**20, 10**20 + 1)), zip('a', 'b'), enumerate('x'), map(str, [1]), iter({1: 2}.items()), reversed((1,)), filter(None, [0, 3]), iter(''), iter(set())]:
    try:
        print(type(it).__name__, it.__iter__() is it, it.__next__())
    except StopIteration:
        print(type(it).__name__, 'empty')
class MyIter:
    def __init__(self): self.src = iter([5, 6])
    def __iter__(self): return self
    def __next__(self): return self.src.__next__() * 2
print(list(MyIter()))
m = map(int, ['1', 'x'])
print(m.__next__())
try: m.__next__()
except ValueError as e: print('VE', e)
