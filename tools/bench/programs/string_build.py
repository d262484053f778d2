# String building: str() of ints joined, '+=' concatenation, f-strings, and a few str methods.
N = 300000
# traced-N: 1600


def work(n):
    parts = []
    for i in range(n):
        parts.append(str(i % 1000))
    s = ",".join(parts)
    t = ""
    for i in range(n // 20):
        t += chr(97 + i % 26)
    u = 0
    for i in range(n // 2):
        u += len(f"{i}:{i * 2}")
    return len(s), s.count("7"), len(t), t[-5:], u, s[:20].upper()


print(work(N))
