# a generator paused in an except block after throw() is collected at exit; a finished generator leaves its
# caller's handled exception; "Exception ignored in" prints only the exception's own traceback and "Type: str"
import sys
def gen():
    try:
        yield 1
    except KeyError:
        yield 2
    yield 3
g = gen()
next(g)
print(g.throw(KeyError("x")))
def plain():
    yield 1
try:
    raise IndexError
except IndexError:
    print(list(plain()), next(g), sys.exc_info()[0])
print(sys.exc_info()[0])
class Hook:
    def __init__(self, f):
        self.f = f
    def __repr__(self):
        return "<hook " + self.f.__name__ + ">"
    def __call__(self):
        self.f()
def chained():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("v") from e
def noted():
    try:
        1 / 0
    except ZeroDivisionError:
        e = ValueError()
        e.add_note("a note")
        raise e
def group():
    raise ExceptionGroup("eg", [NameError("nme")])
def syntax():
    raise SyntaxError("custom", ("mod.py", 1, 2, "abc\n", 1, 3))
class Bad(Exception):
    def __str__(self):
        raise TypeError
def bad_str():
    raise Bad
for f in (chained, noted, group, syntax, bad_str):
    k = type("K", (), {"__del__": Hook(f)})
    k()
for a in [("f.py", 3, 4, "t", 5), ("f.py", 3, 4, "t", None), ("f.py", 3, 4, "t", 5, 6)]:
    try:
        print(SyntaxError("m", a).end_offset)
    except TypeError as e:
        print(type(e).__name__, e)
h = gen()
next(h)
h.throw(KeyError("y"))
raise SyntaxError("custom", ("mod.py", 12, 6, "    abc def\n", 13, 1))
