# enum in a course program: a traffic-light and an order-status state machine with Enum, IntEnum and auto
from enum import Enum, IntEnum, auto, unique


class Light(Enum):
    RED = 1
    GREEN = 2
    YELLOW = 3

    def next(self):
        return {Light.RED: Light.GREEN, Light.GREEN: Light.YELLOW, Light.YELLOW: Light.RED}[self]

    @property
    def seconds(self):
        return {"RED": 30, "GREEN": 25, "YELLOW": 5}[self.name]


state = Light.RED
for _ in range(5):
    print(f"{state} for {state.seconds}s -> {state.next()!r}")
    state = state.next()

print(repr(Light.GREEN), str(Light.GREEN), Light.GREEN.name, Light.GREEN.value)
print(list(Light), len(Light), Light(3), Light["YELLOW"], Light.RED in Light)
print(type(Light), Light, type(Light.RED), isinstance(Light.RED, Light))
print(Light.RED == Light.RED, Light.RED is Light(1), Light.RED == 1, Light.RED != Light.GREEN)


@unique
class Status(Enum):
    NEW = auto()
    PAID = auto()
    SHIPPED = auto()
    DELIVERED = auto()
    CANCELLED = auto()


ALLOWED = {
    Status.NEW: {Status.PAID, Status.CANCELLED},
    Status.PAID: {Status.SHIPPED, Status.CANCELLED},
    Status.SHIPPED: {Status.DELIVERED},
}


def advance(status, to):
    if to not in ALLOWED.get(status, set()):
        raise ValueError(f"cannot go from {status.name} to {to.name}")
    return to


order = Status.NEW
for step in [Status.PAID, Status.SHIPPED, Status.CANCELLED, Status.DELIVERED]:
    try:
        order = advance(order, step)
        print("now", order)
    except ValueError as e:
        print("error:", e)
counts = {s: 0 for s in Status}
for s in [Status.NEW, Status.PAID, Status.NEW, Status.DELIVERED]:
    counts[s] += 1
print({s.name: n for s, n in counts.items()})
print([s.value for s in Status], Status.__members__.keys() == {m.name: m for m in Status}.keys())


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


tasks = [("write report", Priority.MEDIUM), ("fix bug", Priority.HIGH), ("lunch", Priority.LOW)]
for name, p in sorted(tasks, key=lambda t: t[1], reverse=True):
    print(f"{name:<14}{p:>3} {p.name} {p!r}")
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM == 5, Priority.LOW + 1, max(Priority), Priority(10), sum(Priority))
print(str(Priority.HIGH), format(Priority.HIGH, "04d"), [0] * Priority.LOW, Priority.HIGH < 11)


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


for p in Planet:
    print(p.name, p.value, round(p.surface_gravity, 2))

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
