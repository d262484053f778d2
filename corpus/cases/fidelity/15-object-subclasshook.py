# object.__subclasshook__ is a class method that returns NotImplemented
print(object.__subclasshook__(), type(object.__subclasshook__).__name__, int.__subclasshook__(int), object.__subclasshook__.__self__)
class A:
    pass
print(A.__subclasshook__(), A().__subclasshook__(), issubclass(A, object))
