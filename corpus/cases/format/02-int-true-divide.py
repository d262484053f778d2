# int / int with an operand past 2^53 is the exact quotient rounded once (ties to even), as long_true_divide does.
print(9007199254740993 / 66)
print(2**53 / 3, (2**53 + 1) / 3, (2**64 + 1) / 7, -(2**70 + 3) / 11, 10**30 / 3, 10**300 / 10**290, 1 / 10**320, 2**1023 * 3 // 2 / 1)
for a, b in ((10**400, 10**399), (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 3 * 2**1073), (2**1024, 1), (-(2**1024 - 2**970), 1), (2**1024 - 2**970, 1), (2**1024 - 2**971, 1), (0, 10**30), (-5, 10**30), (2**1075 + 1, 2**2150), (2**54 + 3, 2)):
    try:
        print(a / b)
    except OverflowError as e:
        print('OverflowError', e)
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed % n
out = []
for i in range(400):
    a = rnd(10 ** (1 + rnd(60))) - rnd(10 ** (1 + rnd(40)))
    b = (1 + rnd(10 ** (1 + rnd(60)))) * (1 if rnd(2) else -1)
    out.append(repr(a / b))
print(' '.join(out))
