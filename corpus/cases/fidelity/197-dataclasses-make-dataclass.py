# dataclasses.make_dataclass: fields as names, (name, type) and (name, type, default or field()), bases,
# namespace and the dataclass options, with python3's generated methods, reprs and errors.
from dataclasses import make_dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
import dataclasses

Point = make_dataclass("Point", ["x", ("y", int), ("z", tuple, field(default=()))], frozen=True)
Tags = make_dataclass("Tags", [("tags", list, field(default_factory=list))])
print(Tags(), Tags().tags is not Tags().tags, Tags.__doc__)
p = Point(1, 2)
print(Point, Point.__module__, Point.__qualname__, Point.__name__, p, Point.__annotations__, [f.name for f in fields(Point)])
print(Point.__doc__, is_dataclass(Point), asdict(p), astuple(p), replace(p, x=5), p == Point(1, 2), hash(p) == hash(Point(1, 2)))
try:
    p.x = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)

Item = make_dataclass("Item", [("name", str), ("qty", int, 1)], bases=(object,), namespace={"total": lambda self: self.qty * 2, "__module__": "shop"}, order=True)
a, b = Item("a"), Item("b", 3)
print(a, b, a.total(), b.total(), a < b, sorted([b, a]), Item.__module__, repr(Item))
try:
    Item()
except TypeError as e:
    print("TypeError:", e)


class Base:
    def describe(self):
        return "%s with %s" % (type(self).__name__, ", ".join(f.name for f in fields(self)))


Pair = make_dataclass("Pair", "first second".split(), bases=(Base,), eq=False)
q = Pair(1, "two")
print(q, q.describe(), q == Pair(1, "two"), Pair.__mro__[1].__name__, Pair.__annotations__)
KW = make_dataclass("KW", [("a", int), ("b", int, 0)], kw_only=True, repr=False)
print(KW(a=1).a, KW(b=2, a=3).b, "KW object" in repr(KW(a=1)))
try:
    KW(1)
except TypeError as e:
    print("TypeError:", e)
S = make_dataclass("S", ["u", "v"], slots=True)
print(S(1, 2), S.__slots__, hasattr(S(1, 2), "__dict__"), S.__match_args__)
Empty = make_dataclass("Empty", [])
print(Empty(), Empty() == Empty(), fields(Empty))

for bad in (["1x"], ["class"], ["x", "x"], [("x",)], [("x", int, 1, 2)], [3], [("ok", int), "for"], [("x", int, 1), ("y", int)]):
    try:
        make_dataclass("B", bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    make_dataclass("B", ["x"], foo=1)
except TypeError as e:
    print("TypeError:", e)
print("make_dataclass" in dataclasses.__all__)
