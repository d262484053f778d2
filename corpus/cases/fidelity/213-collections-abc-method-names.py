# collections.abc's one-protocol ABCs: each method is its class's own (Sized.__len__, Iterator.__iter__),
# a class's dict holds only what it adds (Collection, Reversible, Coroutine inherit the rest), and the
# abstract methods are python3's: an AsyncGenerator needs asend and athrow only.
import collections.abc as c

for name in ("Hashable", "Iterable", "Iterator", "Reversible", "Sized", "Container", "Callable",
             "Collection", "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator"):
    cls = getattr(c, name)
    own = sorted(k for k, v in vars(cls).items() if hasattr(v, "__code__"))
    print(name, sorted(cls.__abstractmethods__), [(k, vars(cls)[k].__qualname__) for k in own])


class Agen(c.AsyncGenerator):
    def asend(self, value):
        return value

    def athrow(self, typ, val=None, tb=None):
        raise typ


a = Agen()
print(type(a).__name__, isinstance(a, c.AsyncIterator), a.__aiter__() is a)


class Coro(c.Coroutine):
    def send(self, value):
        return value

    def throw(self, typ, val=None, tb=None):
        raise typ

    def __await__(self):
        yield 1


print(isinstance(Coro(), c.Awaitable), list(Coro().__await__()))


class Numbers(c.Iterator):
    def __init__(self):
        self.n = 0

    def __next__(self):
        self.n += 1
        if self.n > 3:
            return super().__next__()
        return self.n


it = Numbers()
print(iter(it) is it, list(it))


class Box(c.Sized):
    def __len__(self):
        return super().__len__() + 5


print(len(Box()), c.Sized.__len__.__name__, c.Iterable.__iter__.__qualname__)
try:
    class Half(c.AsyncGenerator):
        def asend(self, value):
            return value
    Half()
except TypeError as e:
    print("TypeError", e)
