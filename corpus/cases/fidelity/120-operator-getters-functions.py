import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce

rows = [("bob", 3, 88), ("amy", 1, 92), ("cat", 3, 75), ("dan", 1, 92)]
print(sorted(rows, key=itemgetter(1, 0)))
print(sorted(rows, key=itemgetter(2), reverse=True))
print(max(rows, key=itemgetter(2)))
print(list(map(itemgetter(0), rows)))
print(itemgetter(1)("abc"), itemgetter(slice(1, 3))("abcdef"), itemgetter("k", "j")({"k": 1, "j": 2}))
print(itemgetter(1), itemgetter(1, 0), itemgetter("a"), repr(itemgetter(slice(None))))

class P:
    def __init__(self, name, age, home=None):
        self.name, self.age, self.home = name, age, home
    def greet(self, greeting, punct="!"):
        return greeting + ", " + self.name + punct
    def __repr__(self):
        return "P(%r)" % self.name

class Home:
    def __init__(self, city): self.city = city

people = [P("zoe", 30, Home("Oslo")), P("al", 25, Home("Bergen")), P("mo", 30, Home("Agder"))]
print(sorted(people, key=attrgetter("age", "name")))
print(sorted(people, key=attrgetter("home.city")))
print(attrgetter("name", "home.city")(people[0]))
print(attrgetter("age"), attrgetter("home.city", "name"))
mc = methodcaller("greet", "Hi", punct="?")
print(mc, methodcaller("upper"), methodcaller("split", ",", 1))
print([mc(p) for p in people], methodcaller("upper")("abc"))

xs = [1, 2, 3, 4, 5]
print(reduce(operator.mul, xs), reduce(operator.add, xs, 10), reduce(operator.sub, xs))
print(list(map(operator.mul, xs, xs)), list(map(operator.neg, xs)))
print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10))
print(operator.eq(1, 1.0), operator.ne("a", "b"), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.not_([]), operator.truth([0]), operator.truth(""), operator.abs(-4.5))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.and_({1, 2}, {2, 3}))
d = {"a": 1}
operator.setitem(d, "b", 2)
print(d, operator.getitem(d, "b"), operator.contains(d, "a"), operator.contains([1, 2], 5))
operator.delitem(d, "a")
print(d)
print(operator.concat([1], [2]), operator.concat("ab", "cd"), operator.index(7), operator.index(True))
lst = [1]
r = operator.iadd(lst, [2])
print(r, r is lst, operator.iadd(1, 2), operator.iadd((1,), (2,)))
ops = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
def calc(tokens):
    stack = []
    for t in tokens:
        if t in ops:
            b, a = stack.pop(), stack.pop()
            stack.append(ops[t](a, b))
        else:
            stack.append(float(t))
    return stack[0]
print(calc("3 4 + 2 *".split()), calc("10 4 /".split()))

def check(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__ + ":", e)

check(itemgetter(5), [1, 2])
check(itemgetter("x"), {"y": 1})
check(attrgetter("missing"), people[0])
check(attrgetter("home.zip"), people[0])
check(attrgetter, 1)
check(itemgetter)
check(attrgetter)
check(methodcaller)
check(methodcaller, 5)
check(methodcaller("nope"), 3)
check(operator.add, 1, "a")
check(operator.truediv, 1, 0)
check(operator.mod, 1, 0)
check(operator.concat, 1, 2)
check(operator.index, 2.5)
check(operator.index, "3")
check(operator.neg, "x")
check(operator.lt, 1, "a")
check(operator.getitem, [1], 3)
check(operator.delitem, {}, "k")
check(reduce, operator.add, [])
print(sorted([[3, 1], [2]], key=itemgetter(1)))
