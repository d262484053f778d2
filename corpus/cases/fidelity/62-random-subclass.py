# a Random subclass with its own random() (and no getrandbits) draws its integers from random() as python3
# does; one with its own getrandbits uses those bits; randbytes
import random
class Half(random.Random):
    def random(self):
        return 0.5
class Stepper(random.Random):
    def __init__(self):
        self.x = 0.0
    def random(self):
        self.x = (self.x + 0.37) % 1.0
        return self.x
h = Half()
print(h.randrange(10), h.randint(1, 6), h.choice('abcdefg'), h.randrange(0, 100, 7))
s = Stepper()
print([s.randrange(1000) for _ in range(5)], s.choice(range(50)))
l = list(range(10))
s.shuffle(l)
print(l, s.sample(range(15), 4))
class Bits(Stepper):
    def getrandbits(self, k):
        return k
print(Bits().randrange(10), Bits().randrange(3))
class FromHalf(Half):
    pass
print(FromHalf().randrange(10**6))
random.seed(2024)
print(random.randbytes(6), random.randbytes(0), random.Random('x').randbytes(3))
for n in [-1, 1.5]:
    try:
        random.randbytes(n)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(random.random())
