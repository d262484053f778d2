# dataclasses' errors and their messages: the generated __init__'s TypeErrors, mutable defaults, frozen fields, field order, hashing, replace; a frozen assignment uncaught at the end.
from dataclasses import dataclass, field, replace, asdict, fields, FrozenInstanceError


@dataclass
class Point:
    x: int
    y: int


for args, kwargs in [((1,), {}), ((), {}), ((1, 2, 3), {}), ((1, 2), {"z": 0}), ((1,), {"x": 2})]:
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    hash(Point(1, 2))
except TypeError as e:
    print("TypeError:", e)
print(Point.__hash__, Point(1, 2) == Point(1, 2), Point(1, 2).__eq__((1, 2)))
try:
    @dataclass
    class Cart:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass
    class Cart2:
        tags: set = set()
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass
    class Order:
        total: float = 0.0
        customer: str
except TypeError as e:
    print("TypeError:", e)
try:
    field(default=0, default_factory=int)
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass(order=True, eq=False)
    class Rank:
        n: int
except ValueError as e:
    print("ValueError:", e)


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list = field(default_factory=list, init=False)

    def __post_init__(self):
        if self.balance < 0:
            raise ValueError(f"negative opening balance for {self.owner}: {self.balance}")


try:
    Account("ann", -5)
except ValueError as e:
    print("ValueError:", e)
try:
    replace(Account("bob"), history=[1])
except ValueError as e:
    print("ValueError:", e)
try:
    replace(Account("bob"), owner="cy", rate=1)
except TypeError as e:
    print("TypeError:", e)
for bad in [lambda: asdict(Account), lambda: fields(3), lambda: replace((1, 2), x=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


@dataclass(frozen=True)
class Config:
    name: str
    retries: int = 3


c = Config("db")
try:
    c.retries = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del c.name
except AttributeError as e:
    print(type(e).__name__, e)
print(c, replace(c, retries=1), hash(c) == hash(Config("db")))
c.name = "cache"
