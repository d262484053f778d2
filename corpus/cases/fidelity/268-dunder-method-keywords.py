# built-in methods called with keywords they do not take: dunder methods, list/set/frozenset subclasses'
# constructors, list.__init__, int.to_bytes's positional limit, the exceptions' keyword fields
def show(label, f):
    try:
        print(label, "->", repr(f()))
    except TypeError as e:
        print(label, "-> TypeError:", e)


class D(dict):
    pass


class L(list):
    pass


class I(int):
    pass


class O:
    pass


show("{1: 2}.__getitem__(key=1)", lambda: {1: 2}.__getitem__(key=1))
show("D.__getitem__(key=1)", lambda: D({1: 2}).__getitem__(key=1))
getter = D({1: 2}).__getitem__
show("bound D getitem", lambda: getter(key=1))
show("[1].__getitem__(i=0)", lambda: [1].__getitem__(i=0))
show("(1,).__getitem__(i=0)", lambda: (1,).__getitem__(i=0))
show("[1].__contains__(v=1)", lambda: [1].__contains__(v=1))
show("{1}.__contains__(v=1)", lambda: {1}.__contains__(v=1))
show("frozenset().__contains__(v=1)", lambda: frozenset().__contains__(v=1))
show("{}.__contains__(v=1)", lambda: {}.__contains__(v=1))
show("(5).__round__(ndigits=1)", lambda: (5).__round__(ndigits=1))
show("(5).__round__(1)", lambda: (5).__round__(1))
show("(5.25).__round__(ndigits=1)", lambda: (5.25).__round__(ndigits=1))
show("True.__round__(ndigits=None)", lambda: True.__round__(ndigits=None))
show("I(5).__round__(ndigits=1)", lambda: I(5).__round__(ndigits=1))
rounder = (7).__round__
show("bound round", lambda: rounder(ndigits=2))
show("int.__round__(5, ndigits=2)", lambda: int.__round__(5, ndigits=2))
show("O().__format__(format_spec='')", lambda: O().__format__(format_spec=""))
show("O().__reduce_ex__(protocol=2)", lambda: O().__reduce_ex__(protocol=2))
show("O().__dir__(x=1)", lambda: O().__dir__(x=1))
show("O().__getstate__(x=1)", lambda: O().__getstate__(x=1))
show("I.__subclasses__(x=1)", lambda: I.__subclasses__(x=1))
show("L().__reversed__(x=1)", lambda: L().__reversed__(x=1))
show("'a'.__getnewargs__(x=1)", lambda: "a".__getnewargs__(x=1))
show("(1.5).__trunc__(x=1)", lambda: (1.5).__trunc__(x=1))
show("(1).__floor__(x=1)", lambda: (1).__floor__(x=1))
show("(1).__index__(x=1)", lambda: (1).__index__(x=1))
show("iter([]).__length_hint__(x=1)", lambda: iter([]).__length_hint__(x=1))
appender = L().append
show("bound L append", lambda: appender(x=1))
show("L().append(x=1)", lambda: L().append(x=1))

# constructors of subclasses: list and set refuse keywords in __init__, frozenset in __new__
for base in [list, set, frozenset, tuple, dict]:
    Sub = type("Sub" + base.__name__, (base,), {})
    show(f"{Sub.__name__}(iterable=[1])", lambda: Sub(iterable=[1]))
    show(f"{Sub.__name__}([1])", lambda: Sub([1]))


class OwnInitList(list):
    def __init__(self, *args, **kwargs):
        super().__init__(*args)


class OwnInitFrozen(frozenset):
    def __init__(self, *args, **kwargs):
        pass


show("OwnInitList([1], x=1)", lambda: OwnInitList([1], x=1))
show("OwnInitFrozen([1], x=1)", lambda: OwnInitFrozen([1], x=1))
show("[].__init__(iterable=[1])", lambda: [].__init__(iterable=[1]))
show("[].__init__([1], [2])", lambda: [].__init__([1], [2]))
show("L([1], [2])", lambda: L([1], [2]))
show("set().__init__(iterable=[1])", lambda: set().__init__(iterable=[1]))
show("list(iterable=[1])", lambda: list(iterable=[1]))

# int.to_bytes / from_bytes: signed is keyword-only
show("(1).to_bytes(1, 'big', True)", lambda: (1).to_bytes(1, "big", True))
show("(1).to_bytes(1, 'big', signed=True)", lambda: (1).to_bytes(1, "big", signed=True))
show("(-1).to_bytes(2, 'little', signed=True)", lambda: (-1).to_bytes(2, "little", signed=True))
show("int.from_bytes(b'\\x01', 'big', True)", lambda: int.from_bytes(b"\x01", "big", True))

# exceptions: NameError, AttributeError and ImportError take their fields by keyword; their subclasses'
# messages name the class whose __init__ takes them
class MyImportError(ImportError):
    pass


show("ModuleNotFoundError(x=1)", lambda: ModuleNotFoundError(x=1))
show("MyImportError(x=1)", lambda: MyImportError(x=1))
show("UnboundLocalError(x=1)", lambda: UnboundLocalError(x=1))
show("AttributeError(x=1)", lambda: AttributeError(x=1))
show("KeyError(x=1)", lambda: KeyError(x=1))
show("ModuleNotFoundError('m', name='n').name", lambda: ModuleNotFoundError("m", name="n").name)
show("MyImportError('m', path='p').path", lambda: MyImportError("m", path="p").path)
s = {1, 2}
s.__init__([3])
print(s, "__init__" in set.__dict__, "__init__" in list.__dict__)
show("set().__init__([1], [2])", lambda: set().__init__([1], [2]))
