# dataclasses as course programs use them: inventory records with defaults and factories, __post_init__, ordering, frozen keys, asdict/astuple/replace, inheritance.
from dataclasses import dataclass, field, asdict, astuple, fields, replace


@dataclass
class Item:
    name: str
    price: float
    qty: int = 0
    tags: list = field(default_factory=list)
    note: str = field(default="", repr=False, compare=False)
    value: float = field(init=False)

    def __post_init__(self):
        self.value = round(self.price * self.qty, 2)


@dataclass(frozen=True, order=True)
class Sku:
    dept: str
    number: int


@dataclass
class Inventory:
    owner: str
    stock: dict = field(default_factory=dict)

    def add(self, sku, item):
        self.stock[sku] = item

    def total(self):
        return sum(i.value for i in self.stock.values())


inv = Inventory("shop")
inv.add(Sku("office", 12), Item("pen", 1.25, 40, ["write"]))
inv.add(Sku("office", 3), Item("stapler", 7.5, 3, note="red"))
inv.add(Sku("kitchen", 7), Item("mug", 4.0, 12))
print(inv.owner, inv.total())
for sku in sorted(inv.stock):
    print(sku, inv.stock[sku])
print(inv.stock[Sku("office", 3)] == Item("stapler", 7.5, 3, note="blue"), Item("a", 1) == Item("a", 1.0), Item("a", 1) == ("a", 1))
print(Sku("a", 1) < Sku("a", 2), Sku("b", 0) > Sku("a", 9), max(inv.stock), hash(Sku("x", 1)) == hash(Sku("x", 1)))
print(asdict(inv.stock[Sku("office", 12)]))
print(astuple(Sku("kitchen", 7)), [f.name for f in fields(Item)], [f.name for f in fields(Item) if f.init])
cheaper = replace(inv.stock[Sku("kitchen", 7)], price=3.5)
print(cheaper, cheaper.value)
print(Item.__doc__, Sku.__doc__, Item.__match_args__)
print({Sku("a", 1): "x"}, Sku("a", 1) in {Sku("a", 1)})


@dataclass
class Perishable(Item):
    days: int = 7

    def __post_init__(self):
        super().__post_init__()
        if self.days < 3:
            self.tags.append("sale")


milk = Perishable("milk", 0.99, 10, days=2)
print(milk, milk.value, [f.name for f in fields(milk)])
print(Perishable("egg", 0.2), isinstance(milk, Item))
report = sorted((i for i in inv.stock.values()), key=lambda i: -i.value)
print([(i.name, i.value) for i in report])
print(asdict(replace(inv, stock={s.number: i for s, i in inv.stock.items()})))
