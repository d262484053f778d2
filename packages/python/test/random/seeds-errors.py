# random: argument errors, seeds of every kind (str and bytes through SHA-512, version 1, floats by hash),
# Random objects, the state tuple, deprecation warnings for float arguments of randrange
import random, sys
for bad in ([1], {}):
    try:
        random.seed(bad)
    except TypeError as e:
        print(repr(str(e)))
try:
    random.choice([])
except IndexError as e:
    print(e)
for args in [(0,), (5, 5), (1, 10, 0), (10, 1), (2.5,), (1, 2.5), (1, 10, 1.5), ("a",)]:
    try:
        random.randrange(*args)
    except Exception as e:
        print(args, type(e).__name__, e)
try:
    random.sample({1, 2}, 1)
except TypeError as e:
    print(e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print(e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print(e)
try:
    random.choices([1, 2], 3)
except TypeError as e:
    print(e)
print(type(random.randint).__name__, type(random.Random).__name__, random.Random.__module__, random.Random.__name__)
r = random.Random(5)
print(r.random(), r.getrandbits(70), r.randint(1, 6), r.getstate()[0], len(r.getstate()[1]), r.getstate()[1][-1], r.getstate()[2])
random.seed("hello"); print(random.random())
random.seed(b"hello"); print(random.random())
random.seed(3.5); print(random.random())
random.seed(-12345678901234567890); print(random.random())
random.seed(0); print(random.random())
random.seed("x", version=1); print(random.random())
