# Dict insertion and lookup with int keys and str keys.
N = 250000
# traced-N: 100


def work(n):
    d = {}
    for i in range(n):
        d[i] = i + 1
    s = 0
    for k in d:
        s += d[k]
    e = {}
    names = ["k" + str(i) for i in range(5000)]
    for i in range(n):
        key = names[i % 5000]
        e[key] = e.get(key, 0) + i
    return s, len(d), len(e), e["k42"]


print(work(N))
