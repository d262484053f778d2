from abc import ABC, ABCMeta, abstractmethod
import abc
import math

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return "%s with area %.2f and perimeter %.2f" % (type(self).__name__, self.area(), self.perimeter())

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
    def perimeter(self):
        return 2 * math.pi * self.r

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

class HalfDone(Shape):
    def area(self):
        return 0

for s in [Circle(1), Rect(2, 3), Square(2)]:
    print(s.describe())
print(sorted(Shape.__abstractmethods__), HalfDone.__abstractmethods__, Circle.__abstractmethods__)
print(type(Shape), type(ABC), ABC, Shape.__mro__)
print(isinstance(Square(1), Shape), isinstance(Square(1), Rect), issubclass(Circle, Shape), issubclass(Shape, Circle), isinstance(3, Shape))

for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

class Animal(metaclass=ABCMeta):
    @property
    @abstractmethod
    def sound(self):
        pass

    @staticmethod
    @abstractmethod
    def kind():
        pass

    def speak(self):
        return self.sound + "!"

class Dog(Animal):
    @property
    def sound(self):
        return "woof"
    @staticmethod
    def kind():
        return "mammal"

print(Dog().speak(), Dog.kind(), sorted(Animal.__abstractmethods__))
try:
    Animal()
except TypeError as e:
    print("TypeError:", e)

class Base(ABC):
    @abstractmethod
    def run(self, x):
        return x * 2

class Impl(Base):
    def run(self, x):
        return super().run(x) + 1

print(Impl().run(5))

class Plain(ABC):
    pass

print(Plain().__class__.__name__, Plain.__abstractmethods__)

class Sized(ABC):
    @abstractmethod
    def __len__(self): ...

Sized.register(list)
print(isinstance([], Sized), issubclass(list, Sized), isinstance((), Sized), issubclass(tuple, Sized))
try:
    Sized.register(3)
except TypeError as e:
    print("TypeError:", e)

class Later(Base):
    pass
Later.run = lambda self, x: x
try:
    Later()
except TypeError as e:
    print("TypeError:", e)

def f(): pass
print(abstractmethod(f) is f, f.__isabstractmethod__)
Rect2 = Rect
try:
    Shape.area(Rect2(1, 1))
    print("called")
except TypeError as e:
    print(e)
Shape()
