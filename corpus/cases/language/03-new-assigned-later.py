# __new__ and __init__ assigned to a class (or a base) after instances were made: the next call uses them
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

for k in range(3):
    p = Point(k, -k)
print(p.x, p.y)

made = []

def counting_new(cls, *args):
    made.append((cls.__name__, args))
    return object.__new__(cls)

Point.__new__ = counting_new
q = Point(4, 5)
print(q.x, q.y, made)

class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

r = Point3(1, 2, 3)
print(r.z, made[-1])

def init(self, x, y):
    self.x, self.y = y, x

Point.__init__ = init
print(vars(Point(6, 7)))
Point.__new__ = lambda cls, *args: "not a Point"
print(Point(8, 9), type(Point3(1, 2, 3)))
