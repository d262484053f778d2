# An unbound super kept as a class attribute binds through the instance (super's __get__), as python3's old idiom uses it.
class A:
    def greet(self):
        return "A.greet"

    @classmethod
    def kind(cls):
        return "A.kind of " + cls.__name__


class B(A):
    def greet(self):
        return "B.greet > " + self.__super.greet()

    def kind_of(self):
        return self.__super.kind()


B._B__super = super(B)
b = B()
print(b.greet())
print(b.kind_of())
print(type(B.__dict__["_B__super"]).__name__, B._B__super is B.__dict__["_B__super"])
bound = b._B__super
print(bound.__self__ is b, bound.__thisclass__ is B, bound.__self_class__ is B)
print(bound.__get__(B()) is bound)


class C(B):
    pass


c = C()
print(c.greet(), c._B__super.__self_class__.__name__)
