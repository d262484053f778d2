# Shapes with inheritance, super().__init__, a class counter, __lt__ only (<= fails: object has __le__), NotImplementedError
import math
class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def perimeter(self):
        raise NotImplementedError
    def __str__(self):
        return f"{self.name} area={self.area():.3f} perim={self.perimeter():.3f}"
    def __lt__(self, other):
        return self.area() < other.area()

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def perimeter(self):
        return 2 * math.pi * self.r

class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side, "square")
    def __repr__(self):
        return f"Square({self.w})"

class Triangle(Shape):
    def __init__(self, a, b, c):
        if a + b <= c or a + c <= b or b + c <= a:
            raise ValueError(f"not a triangle: {a}, {b}, {c}")
        super().__init__("triangle")
        self.sides = (a, b, c)
    def perimeter(self):
        return sum(self.sides)
    def area(self):
        s = self.perimeter() / 2
        a, b, c = self.sides
        return math.sqrt(s * (s - a) * (s - b) * (s - c))

shapes = [Circle(1), Rect(2, 3.5), Square(2), Triangle(3, 4, 5), Circle(0.5)]
for s in sorted(shapes):
    print(s)
print(Shape.count, max(shapes), min(shapes).name)
print(Square.__mro__)
print(isinstance(shapes[2], Rect), issubclass(Square, Shape), issubclass(Circle, Rect))
try:
    Triangle(1, 2, 10)
except ValueError as e:
    print("ValueError:", e)
print(Shape.count)
try:
    Shape("blob").area()
except NotImplementedError as e:
    print("NotImplementedError:", e, repr(e))
try:
    print(Shape("x"))
except NotImplementedError as e:
    print(repr(e))
print(sum(s.area() for s in shapes if isinstance(s, Rect)))
print([type(s).__name__ for s in shapes], vars(shapes[1]))
print(Square(3) > Circle(1), hasattr(Shape, "__le__"), Shape.__le__ is object.__le__, Shape.__lt__ is object.__lt__)
try:
    print(Square(1) <= Circle(1))
except TypeError as e:
    print("TypeError:", e)
