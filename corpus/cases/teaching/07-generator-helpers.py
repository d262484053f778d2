# Generator helpers written by hand: yield from with return values, windows, pairwise, cycle, product, combinations, throw and close
def read_all(gen):
    result = yield from gen
    print("inner returned", result)
    return result * 2
def inner():
    x = yield 1
    y = yield x + 1
    return x + y
g = read_all(inner())
print(next(g), g.send(10), end=" ")
try:
    g.send(5)
except StopIteration as e:
    print("outer returned", e.value)
def windows(seq, n):
    it = iter(seq)
    win = []
    for x in it:
        win.append(x)
        if len(win) == n:
            yield tuple(win)
            win.pop(0)
print(list(windows(range(6), 3)))
def pairwise(xs):
    it = iter(xs)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x
print(list(pairwise("abcd")), list(pairwise([])))
def cycle(xs):
    saved = list(xs)
    while saved:
        yield from saved
c = cycle("ab")
print([next(c) for _ in range(5)])
def product(*pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)
print(list(product("ab", [1, 2])))
def combinations(xs, r):
    if r == 0:
        yield ()
        return
    for i, x in enumerate(xs):
        for rest in combinations(xs[i + 1:], r - 1):
            yield (x,) + rest
print(list(combinations("abcd", 2)))
gen = (i * i for i in range(3))
print(next(gen), list(gen), list(gen))
def g2():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 2
    finally:
        print("cleanup")
x = g2()
print(next(x), x.throw(ValueError("boom")))
x.close()
def bad():
    yield 1
    raise RuntimeError("inside generator")
for v in bad():
    print(v)
