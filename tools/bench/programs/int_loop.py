# Loops with small-int arithmetic: a while loop and a for loop over range, in a function.
N = 500000
# traced-N: 800


def work(n):
    s = 0
    i = 0
    while i < n:
        s = (s + i * 3) % 1000003
        i += 1
    t = 0
    for j in range(n):
        if j & 1:
            t += j % 7
        else:
            t -= j % 5
    return s, t


print(work(N))
