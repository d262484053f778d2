# contextlib.ExitStack: enter_context, callback, push (a manager's __exit__ or a plain function),
# pop_all, close; callbacks run last-in first-out, see the exception in flight, can suppress it, and an
# exception raised by one becomes the next one's (python3's context chains). redirect_stdout and
# redirect_stderr with io.StringIO; io.StringIO's common methods and errors.
import io
import sys
from contextlib import ExitStack, contextmanager, redirect_stdout, redirect_stderr, suppress

log = []


class Res:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, t, v, tb):
        log.append("exit %s %s" % (self.name, t.__name__ if t else None))
        return self.swallow


@contextmanager
def gen(name):
    log.append("gen in " + name)
    try:
        yield name * 2
    finally:
        log.append("gen out " + name)


def cb(*args, **kw):
    log.append("callback %r %r" % (args, sorted(kw.items())))


with ExitStack() as stack:
    print(stack.enter_context(Res("a")), stack.enter_context(gen("b")))
    print(stack.callback(cb, 1, 2, k=3) is cb)
    f = stack.push(lambda t, v, tb: log.append("push fn %s" % (t,)))
    print(callable(f))
    stack.push(Res("c"))
    log.append("body")
print(log)

log.clear()
for swallow in (False, True):
    try:
        with ExitStack() as stack:
            stack.enter_context(Res("outer"))
            stack.enter_context(Res("mid", swallow))
            stack.callback(cb, "x")
            raise KeyError("boom")
        print("suppressed", swallow)
    except KeyError as e:
        print("propagated", repr(e), swallow)
print(log)


def raiser(e):
    def f(*a):
        raise e
    return f


def chain(e):
    out = []
    while e is not None:
        out.append(repr(e))
        e = e.__context__
    return out


for body in (False, True):
    try:
        with ExitStack() as s:
            s.callback(raiser(KeyError("k1")))
            s.callback(raiser(ValueError("v2")))
            s.callback(raiser(TypeError("t3")))
            if body:
                raise IndexError("body")
    except Exception as e:
        print(body, chain(e))

try:
    with ExitStack() as s:
        s.callback(raiser(KeyError("k1")))
        s.push(lambda *a: True)
        s.callback(raiser(TypeError("t3")))
        raise IndexError("body")
except Exception as e:
    print(chain(e))
else:
    print("nothing")


def chained():
    try:
        raise OSError("inner")
    except OSError:
        raise ValueError("chained")


try:
    with ExitStack() as s:
        s.callback(raiser(KeyError("k1")))
        s.callback(chained)
        raise IndexError("body")
except Exception as e:
    print(chain(e))

log.clear()
with ExitStack() as stack:
    stack.enter_context(Res("kept"))
    stack.callback(cb, "moved")
    moved = stack.pop_all()
    log.append("after pop_all")
print(type(moved).__name__, log)
moved.close()
moved.close()
print(log)

for bad in (3, "s", Res):
    try:
        ExitStack().enter_context(bad)
    except TypeError as e:
        print("TypeError:", e)


class OnlyEnter:
    def __enter__(self):
        return 1


try:
    ExitStack().enter_context(OnlyEnter())
except TypeError as e:
    print("TypeError:", e)

buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("into the buffer", 42)
    print("second", end="!")
    print(target is buf, sys.stdout is buf)
print(sys.stdout is sys.__stdout__, repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print(repr(err.getvalue()))
out = io.StringIO()
with suppress(ZeroDivisionError), redirect_stdout(out):
    print("before")
    1 / 0
print(repr(out.getvalue()))

s = io.StringIO("ab\ncd\nef")
print(s.read(1), s.tell(), repr(s.readline()), s.readlines(), repr(s.read()))
s.seek(0)
print(list(s), s.tell(), s.seek(0, 2), s.write("Z"), repr(s.getvalue()))
s = io.StringIO("abc")
print(s.write("X"), repr(s.getvalue()), s.tell(), s.truncate(), repr(s.getvalue()))
s.seek(5)
s.write("q")
print(repr(s.getvalue()), s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed)
s = io.StringIO("a\nbb\nccc\n")
print(repr(s.readline(1)), repr(s.readline(5)), s.readlines(2), s.readlines(), s.read(3))
s = io.StringIO()
s.writelines(["x", "y\n", "z"])
print(s.getvalue().splitlines(), io.StringIO(None).getvalue() == "", io.StringIO(initial_value="k").read())
with io.StringIO("zz") as s:
    print(s.read())
print(s.closed, type(s).__name__, type(s).__module__)
for op, args in (("read", ()), ("write", ("x",)), ("getvalue", ()), ("tell", ()), ("seek", (0,)), ("readline", ())):
    try:
        getattr(s, op)(*args)
    except ValueError as e:
        print(op, "ValueError:", e)
t = io.StringIO("x")
for call in (lambda: t.write(3), lambda: io.StringIO(3), lambda: t.seek(-1), lambda: t.seek(1, 1), lambda: t.seek(2, 2),
             lambda: t.seek(0, 3), lambda: t.truncate(-2), lambda: t.read("a")):
    try:
        print(call())
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__ + ":", e)
