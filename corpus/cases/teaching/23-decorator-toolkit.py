# Decorator exercises: functools.wraps, decorators with arguments, call counters, lru_cache/cache, a class as a decorator, partial, partialmethod
import functools
import time

def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        a = ", ".join([repr(x) for x in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
        print(f"-> {fn.__name__}({a})")
        r = fn(*args, **kwargs)
        print(f"<- {fn.__name__} = {r!r}")
        return r
    return wrapper

def repeat(times=2):
    def deco(fn):
        @functools.wraps(fn)
        def w(*a, **k):
            return [fn(*a, **k) for _ in range(times)]
        return w
    return deco

def count_calls(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w

@trace
def add(a, b=0, *, scale=1):
    """Add two numbers."""
    return (a + b) * scale

add(1, 2)
add(3, scale=10)
print(add.__name__, add.__doc__, add.__wrapped__.__name__, add.__qualname__)

@repeat(3)
def hello(n):
    return f"hi {n}"
print(hello("x"), hello.__name__)

@count_calls
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(15), fib.calls)

@functools.lru_cache(maxsize=None)
def fib2(n):
    return n if n < 2 else fib2(n - 1) + fib2(n - 2)
print(fib2(80), fib2.cache_info())
fib2.cache_clear()
print(fib2.cache_info())

@functools.cache
def ways(n, coins=(1, 5, 10, 25)):
    if n == 0: return 1
    if n < 0 or not coins: return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print(ways(100))

class Timer:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.fn(*a)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return functools.partial(self, obj)

class Calc:
    @Timer
    def sq(self, x):
        return x * x
c = Calc()
print(c.sq(4), c.sq(5), Calc.sq.n, Calc.sq.__name__)

def singleton(cls):
    inst = {}
    @functools.wraps(cls)
    def get(*a):
        if cls not in inst:
            inst[cls] = cls(*a)
        return inst[cls]
    return get
@singleton
class Config:
    def __init__(self, v): self.v = v
print(Config(1).v, Config(2).v, Config(1) is Config(3))
p = functools.partial(add.__wrapped__, 10, scale=2)
print(p(5), p.args, p.keywords, p.func.__name__)
print(functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(max, [3, 9, 2], 0))
double = functools.partialmethod
class Cell:
    def set(self, v): self.v = v
    reset = double(set, 0)
c2 = Cell(); c2.reset(); print(c2.v)
