# random: a seeded Mersenne Twister draws python3's numbers through every function of the module
import random
for s in [0, 1, 42, 2**32, 2**100 + 7, -5, 3.14, "seed", b"bytes", bytearray(b"ba"), True]:
    random.seed(s)
    print(repr(s)[:20], random.random(), random.getrandbits(5), random.getrandbits(33), random.getrandbits(100), random.randint(1, 10**30))
random.seed(7)
print([random.randrange(10) for _ in range(20)])
print([random.randrange(5, 50, 3) for _ in range(10)], [random.randrange(50, 5, -7) for _ in range(10)])
print([random.choice("abcdef") for _ in range(10)], random.choice(range(10**12)))
l = list(range(30)); random.shuffle(l); print(l)
print(random.sample(range(100), 10), random.sample(range(10**6), 8), random.sample("abcdefgh", 5), random.sample(range(1000), 300)[-5:])
print(random.sample(["a", "b", "c"], k=4 - 1, counts=[2, 1, 3]))
print(random.choices("abc", k=5), random.choices(range(5), weights=[1, 0, 3, 2, 0.5], k=6), random.choices("xyz", cum_weights=[1, 2, 10], k=4))
print(random.uniform(1, 5), random.uniform(-2.5, 2.5), random.triangular(), random.triangular(1, 10, 3), random.triangular(5, 5))
st = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(st)
b = [random.random() for _ in range(3)]
print(a == b, len(st[1]))
r1 = random.Random(99); r2 = random.Random(99)
print(r1.random() == r2.random(), r1.randint(0, 100), isinstance(r1, random.Random))
class MyRandom(random.Random):
    pass
m = MyRandom(5)
print(m.random(), m.choice([1, 2, 3]))
for i in range(700):
    random.random()
print(random.random(), random.getrandbits(64))
random.seed(123)
big = [random.randint(0, 10**6) for _ in range(2000)]
print(sum(big), max(big), min(big))
print(random.randrange(10, step=1), random.randint(-10, -1))
