# a slot's descriptor is a wrapper_descriptor and its bound form a method-wrapper; other methods are not
def short(o):
    return repr(o).split(" at 0x")[0]
for o in [int.__add__, (1).__add__, list.__len__, [].__len__, object.__init__, object().__init__,
          list.append, [].append, list.__reversed__, [].__reversed__, str.__getitem__, "a".__getitem__]:
    print(type(o).__name__, short(o))
print((1).__add__(2), int.__add__(3, 4), [1, 2].__len__(), list.__len__([1]))
print((1).__add__.__name__, (1).__add__.__self__, int.__add__.__name__, int.__add__.__objclass__)
print((5).__add__ == (5).__add__, (5).__add__ == (6).__add__, [].__len__.__qualname__)
class Rec:
    __hash__ = object.__hash__
    def __eq__(self, other):
        return self is other
print(type(hash(Rec())), Rec.__hash__ is object.__hash__, type(Rec().__hash__).__name__)
try:
    int.__add__("a", 1)
except TypeError as e:
    print(e)
