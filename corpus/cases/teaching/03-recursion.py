# Recursive functions: each call has its own frame and locals; results are ordinary objects
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)
def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print([factorial(i) for i in range(10)])
print(factorial(30))
print(fib(90))
print("memo entries kept in the default argument:", len(fib.__defaults__[0]))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
