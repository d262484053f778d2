# Scopes and closures exam questions: class-body comprehensions, default-argument capture, nonlocal through two levels, function attributes, a local named print, currying, late binding
x = "global"
class Demo:
    x = "class"
    items = [x for _ in range(2)]
    doubled = [i * 2 for i in range(3)]
    def method(self):
        return x
    def cls_x(self):
        return self.x, type(self).x, Demo.x
print(Demo.items, Demo.doubled, Demo().method(), Demo().cls_x())
def make_counters():
    counters = []
    for i in range(3):
        def c(i=i):
            return i
        counters.append(c)
    return counters
print([c() for c in make_counters()])
def outer():
    v = 1
    def middle():
        def inner():
            nonlocal v
            v += 10
            return v
        return inner
    f = middle()
    f(); f()
    return v
print(outer())
def gen_closure():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    def get():
        return total
    return add, get
add, get = gen_closure()
add(5); add(7)
print(get(), add.__closure__ is not None, len(add.__closure__), [c.cell_contents for c in get.__closure__])
def shadow():
    print = lambda *a: None
    print("not shown")
    return "shadowed"
print(shadow())
funcs = {}
for name in ["up", "low"]:
    funcs[name] = (lambda n: lambda s: getattr(s, n + "per" if n == "up" else n + "er")())(name)
print(funcs["up"]("abc"), funcs["low"]("ABC"))
def accumulate(start):
    def step(x):
        step.total += x
        return step.total
    step.total = start
    return step
acc = accumulate(100)
acc(1); print(acc(2), acc.total, vars(acc))
y = 5
def read_then_write():
    global y
    y = y + 1
    return y
print(read_then_write(), y)
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
inc = lambda v: v + 1
dbl = lambda v: v * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def curry(f, n):
    def c(*args):
        if len(args) >= n:
            return f(*args)
        return lambda *more: c(*args, *more)
    return c
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1, 2, 3))
lst = [lambda: i for i in range(3)]
print([f() for f in lst])
print((lambda: (yield_ := 5) + 1)(), (lambda *a, **k: (a, k))(1, x=2))
def f():
    a = 1
    def g():
        return locals()
    return g(), sorted(locals())
print(f())
print(sorted(k for k in globals() if not k.startswith("__"))[:6])
