# contextlib: generator-based managers, suppress, closing, nullcontext
from contextlib import contextmanager, suppress, closing, nullcontext
import contextlib


@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name.upper()
    print(f"</{name}>")


with tag("p") as t:
    print("inside", t)


@contextmanager
def opened(log):
    log.append("open")
    try:
        yield log
    finally:
        log.append("close")


log = []
try:
    with opened(log):
        log.append("work")
        raise ValueError("boom")
except ValueError as e:
    print("propagated:", e, log)


@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print("swallowed", type(e).__name__, e)


with swallow(KeyError):
    {}["missing"]
print("after swallow")

try:
    with swallow(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not swallowed:", e)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def keeps_going():
    try:
        yield
    except ValueError:
        yield


try:
    with keeps_going():
        raise ValueError
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def converts():
    try:
        yield
    except KeyError as e:
        raise LookupError("converted") from e


try:
    with converts():
        raise KeyError("k")
except LookupError as e:
    print("converted:", e, repr(e.__cause__))


@tag("div")
def decorated(x):
    print("body", x)
    return x * 2


print(decorated(21))
print(decorated(1))
print(decorated.__name__, tag.__name__)

with suppress(KeyError, IndexError):
    [][3]
print("suppressed")
try:
    with suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)


class Resource:
    def close(self):
        print("closed")


with closing(Resource()) as r:
    print(type(r).__name__)

with nullcontext(42) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)

cm = tag("b")
print(type(cm).__name__, isinstance(cm, contextlib.AbstractContextManager))
with cm:
    pass
try:
    with cm:
        pass
except AttributeError as e:
    print("reused:", type(e).__name__)
