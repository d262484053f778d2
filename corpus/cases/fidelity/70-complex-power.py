# complex ** and pow(): integral exponents by repeated squaring (negative ones divided as python3 divides), zero and overflow errors, the polar form for others
vals = [0j, 1j, -1j, 1 + 1j, 2 - 3j, -0.5 + 0.25j, 3.7 - 1.2j, -2 + 0j, 0.1 + 0.7j, 1e-5j]
for a in vals:
    row = []
    for b in (0, 1, 2, 3, -1, -2, 7, 100, -100, 2.0, -3.0):
        try:
            row.append(repr(a ** b))
        except ZeroDivisionError as e:
            row.append("ZeroDivisionError: " + str(e))
    print(" ".join(row))
x = 1 + 2j
x **= 2
print(x, pow(1j, 2), 1j ** 1j, 2 ** 1j, (1 + 1j) ** 0.5, (0j) ** 0, (0j) ** 2.5, (-8) ** (1 / 3))
for f in (lambda: 0j ** -1, lambda: 0j ** 1j, lambda: 0j ** -2.5, lambda: (1e200 + 1e200j) ** 2, lambda: (1e300j) ** 1000):
    try:
        print(f())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
