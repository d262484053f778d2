# an exception leaving a generator or a callback of a builtin keeps the __context__ set where it was raised;
# a generator resumed inside an except block sees its caller's exception (sys.exc_info(), bare raise);
# throw() chains only to the generator's own handled exception; "generator raised StopIteration"
import sys
def gen():
    try:
        yield 1
        raise KeyError("k")
    except KeyError:
        raise ValueError("in gen")
def key(x):
    try:
        raise KeyError("kk")
    except KeyError:
        raise ValueError("in key")
def show(e):
    chain = []
    while e is not None:
        chain.append(repr(e))
        e = e.__context__
    print(" <- ".join(chain))
try:
    raise IndexError("outer")
except IndexError:
    g = gen()
    next(g)
    try:
        next(g)
    except ValueError as e:
        show(e)
    for f in (lambda: sorted([2, 1], key=key), lambda: list(map(key, [1])), lambda: max([1, 2], key=key)):
        try:
            f()
        except ValueError as e:
            show(e)
def peek():
    print("start", sys.exc_info()[0], sys.exception())
    yield
    print("resumed", sys.exc_info()[0])
    try:
        raise
    except KeyError as e:
        print("bare raise", repr(e))
    yield
    raise
try:
    raise KeyError("kk")
except KeyError:
    p = peek()
    next(p)
    next(p)
    try:
        next(p)
    except KeyError as e:
        print("caught", repr(e), e.__context__)
print(sys.exc_info())
def own():
    try:
        yield 1
    except KeyError:
        yield 2
    yield 3
x = own()
next(x)
x.throw(KeyError("a"))
try:
    x.throw(ValueError("b"))
except ValueError as e:
    show(e)
y = own()
next(y)
try:
    raise IndexError("i")
except IndexError:
    try:
        y.throw(ValueError("c"))
    except ValueError as e:
        show(e)
def stops():
    yield 1
    raise StopIteration("s")
try:
    raise KeyError("outer")
except KeyError:
    try:
        list(stops())
    except RuntimeError as e:
        show(e)
        print(repr(e.__cause__), e.__suppress_context__)
def inner():
    yield 1
    try:
        {}["missing"]
    except KeyError:
        raise TypeError("from inner")
def outer():
    try:
        yield from inner()
    finally:
        print("outer finally", sys.exc_info()[0])
try:
    raise IndexError("handled")
except IndexError:
    for v in outer():
        pass
