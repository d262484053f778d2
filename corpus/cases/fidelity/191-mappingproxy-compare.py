# A class's __dict__ (a mappingproxy) compares as its dict, is unhashable (as keys and items views), is no set, and | gives a new dict
class A:
    x = 1
d = A.__dict__
print(d == dict(d), dict(d) == d, d != dict(d), d == d, d == {'x': 1}, d == [])
for v in (d, {}.keys(), {}.items()):
    try:
        hash(v)
    except TypeError as e:
        print(e)
for f in (lambda: d & {'x'}, lambda: d - {'x'}, lambda: {'x'} ^ d, lambda: d < {}):
    try:
        f()
    except TypeError as e:
        print(e)
u = d | {'y': 2}
print(type(u).__name__, u['x'], u['y'], sorted(k for k in ({'z': 0} | d) if not k.startswith('__')))
e = {'w': 3}
e |= d
print(type(e).__name__, e['x'], e['w'])
vals = {}.values()
print(hash(vals) == hash(vals), {vals: 1}[vals])
