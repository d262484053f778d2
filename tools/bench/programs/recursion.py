# Recursive calls: naive Fibonacci and a deep (but legal) recursion.
N = 28
# traced-N: 1


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def work(n):
    deep = 0
    for _ in range(n * 10):
        deep += depth(500)
    return fib(n), deep


print(work(N))
