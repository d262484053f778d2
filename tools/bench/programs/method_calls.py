# Method calls on instances: plain methods, an overriding subclass method calling super(), attribute
# reads and writes, and instance creation.
N = 150000
# traced-N: 400


class Counter:
    def __init__(self, start):
        self.value = start

    def add(self, k):
        self.value += k
        return self

    def get(self):
        return self.value


class Doubler(Counter):
    def add(self, k):
        return super().add(k * 2)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def work(n):
    c = Counter(0)
    d = Doubler(1)
    for i in range(n):
        c.add(i % 10)
        d.add(i % 3)
        if c.get() > 1000000:
            c.value = 0
    s = 0
    for i in range(n // 2):
        p = Point(i, -i)
        s += p.norm1()
    return c.get(), d.get(), s


print(work(N))
