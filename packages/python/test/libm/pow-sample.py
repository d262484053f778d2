import math
seed = [2024]
def rnd():
    seed[0] = (seed[0] * 1103515245 + 12345) % 2**31
    return seed[0] / 2**31
out = []
for i in range(300):
    x = rnd() * 10
    y = rnd() * 6 - 3
    out.append(repr(x ** y))
    out.append(repr(pow(x * 1e5, y / 3)))
    out.append(repr(math.pow(x, y * 10)))
for i in range(200):
    x = (rnd() - 0.5) * 1400
    out.append(repr(math.exp(x)) + " " + repr(math.exp2(x)))
    z = 10 ** ((rnd() - 0.5) * 600)
    out.append(repr(math.log(z)) + " " + repr(math.log2(z)) + " " + repr(math.log(1 + (rnd() - 0.5) * 1e-6)))
for i in range(100):
    # a negative base: complex, python3's |x| ** y times cos and sin of pi * y
    out.append(repr((-rnd() * 10) ** (rnd() * 6 - 3)))
print("\n".join(out))
print(4.0 ** 0.5, 2.25 ** 1.5, 8.0 ** (1 / 3), 2.0 ** 0.5, 0.5 ** 1023.5, 1e-300 ** 1.02, 10.0 ** -0.5, 1.0 ** float("nan"), (-8.0) ** 3.0)
print(math.log(3), math.log(2 ** 2000), math.log(10 ** 500, 10), math.log2(2 ** 60), math.log2(3 ** 400), math.exp(1), math.exp(709.78), math.exp(-745.1), math.exp2(-1074.5))
for a, b in [(2.0, 1e6), (10.0, -400.5), (-2.0, 1e6 + 1), (1.0000001, 1e10)]:
    try:
        print(a ** b)
    except OverflowError as e:
        print("OverflowError", e)
