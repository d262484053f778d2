# enum: dir() of a member lists its class's methods and properties, not the other members
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2

    def describe(self):
        return self.name.lower()

    @property
    def shade(self):
        return "dark"

    CRIMSON = 1


print(dir(Color.RED))
print(dir(Color.CRIMSON) == dir(Color.RED))
print(dir(Color))
c = Color.GREEN
c.note = "x"
print(dir(c))
