# a generator's size is its fixed part plus one slot per local and value-stack entry of its code
import sys
def g0():
    yield 1
def g1(a):
    b = a
    yield b
def g2(a, b, c):
    d = 1
    for i in range(3):
        for j in range(i):
            yield i, j
for f in (g0, g1, g2):
    n = f.__code__.co_argcount
    print(f.__name__, f.__code__.co_stacksize, f.__code__.co_nlocals, sys.getsizeof(f(*range(n))))
gens = [(x for x in []), (x * y for x in [] for y in []), ((x, x) for x in range(3) if x)]
print([sys.getsizeof(g) for g in gens], [g.gi_code.co_stacksize for g in gens])
def deep(n):
    return (yield sum([n, n, (yield [n, {n: (n, (yield n))}])]))
d = deep(2)
print(sys.getsizeof(d), next(d), d.send(1), d.send(5), sys.getsizeof(d))
try:
    d.send(0)
except StopIteration as e:
    print(e.value, sys.getsizeof(d))
