# List building: append in a loop, a list comprehension, indexing and slicing.
N = 900000
# traced-N: 2000


def work(n):
    total = 0
    for r in range(n // 1000):
        xs = []
        for i in range(1000):
            xs.append(i * 2 + r)
        ys = [x + 1 for x in xs if x % 3]
        zs = ys[10:20]
        total += len(ys) + ys[-1] + xs[500] + zs[0]
    return total


print(work(N))
