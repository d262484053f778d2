# A namedtuple's fields are read-only descriptors: assigning or deleting one fails with python3's messages
from collections import namedtuple
import sys

Point = namedtuple("Point", "x y")
p = Point(3, 4)


def attempt(action):
    try:
        action()
    except (AttributeError, TypeError, ValueError) as e:
        print(type(e).__name__, "->", e)


def set_x():
    p.x = 10


def del_y():
    del p.y


attempt(set_x)
attempt(del_y)
print(p, p.x, p.y)
field = Point.__dict__["x"]
print(type(field).__name__, type(field).__module__)
print(repr(field))
print(field.__doc__, Point.y.__doc__)
print(field.__get__(p), field.__get__(None, Point) is field, field.__get__((7, 8)))
print(sys.getsizeof(field))
attempt(lambda: field.__get__(None, None))
attempt(lambda: field.__get__(5))


class Labelled(Point):
    def __getitem__(self, i):
        return "item %d" % i


q = Labelled(1, 2)
print(q.x, q[0])


def set_labelled():
    q.y = 0


attempt(set_labelled)
attempt(lambda: p._replace(z=1))
