# Points and records as namedtuples.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p.y, p[0], p[-1], len(p))
x, y = p
print(x + y, (p.x ** 2 + p.y ** 2) ** 0.5)
print(Point, Point.__name__, Point._fields, isinstance(p, tuple))
print(p._asdict(), p._replace(y=10), Point._make([5, 6]))
print(p == (3, 4), p == Point(3, 4), hash(p) == hash((3, 4)), sorted([Point(2, 1), Point(1, 2)]))
Student = namedtuple("Student", "name grade age", defaults=[18])
s = Student("Ann", 90)
print(s, Student("Bob", grade=75, age=20), Student._field_defaults)
print(max([Student("C", 70), s], key=lambda r: r.grade).name)
R = namedtuple("R", "a, def, a", rename=True)
print(R._fields)
print(p.__class__.__doc__, list(p), tuple(p), p[:1])
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: p.z,
            lambda: p._replace(z=3), lambda: Point._make([1]), lambda: namedtuple("B", "x x"),
            lambda: namedtuple("B", "_x"), lambda: namedtuple("B", "class"), lambda: namedtuple("1B", "x"),
            lambda: namedtuple("B", "x", defaults=(1, 2))):
    try:
        bad()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
