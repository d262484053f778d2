# type.__repr__ checks its self; list.__reversed__ is a method of list
print(type.__repr__(int), type.__repr__(list), repr(type))
try:
    type.__repr__(5)
except TypeError as e:
    print(e)
class Meta(type):
    pass
class K(metaclass=Meta):
    pass
print(type.__repr__(K), repr(K), repr(Meta))
r = list.__reversed__([1, 2, 3])
print(type(r).__name__, list(r), list([4, 5].__reversed__()))
class L(list):
    pass
print(list(reversed(L("abc"))), type(reversed(L("ab"))).__name__)
