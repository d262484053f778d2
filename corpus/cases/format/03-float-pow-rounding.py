# float ** int is the exact power rounded once, as glibc's pow() gives it (V8's Math.pow can be one unit off).
print(961.3891935753043 ** 5)
x = 961.3891935753043
print(x ** 5, x ** -5, pow(x, 7), (-x) ** 3, (-x) ** 4, 0.1 ** 3, 1.1 ** 100, 1.0000001 ** 1000, 2.0 ** -1074, 2.0 ** -1075, 3.0 ** -700)
print(2 ** -3, 7 ** -5, (-3) ** -7, 10 ** -20, 0.5 ** 1100, 1.5 ** 0, (-2.5) ** 1)
for a, b in ((1e300, 2), (10.0, 309), (-10.0, 309), (2.0, 1024), (1.7976931348623157e308, 1)):
    try:
        print(a ** b)
    except OverflowError as e:
        print('OverflowError', e)
seed = 99
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed % n
out = []
for i in range(600):
    v = (rnd(10**16) + 1) / 10 ** rnd(17) * (1 if rnd(2) else -1)
    k = rnd(12) - 4
    try:
        out.append(repr(v ** k))
    except (OverflowError, ZeroDivisionError) as e:
        out.append(type(e).__name__)
print(' '.join(out))
