import pprint, collections
data = {'name': 'Alice', 'scores': [90, 85, 77, 92, 88, 79, 95, 60, 71, 83, 99, 100, 45, 67], 'address': {'street': '123 Main Street', 'city': 'Springfield', 'zip': '12345', 'geo': (39.78, -89.65)}, 'tags': {3, 1, 2}, 'empty': [], 'e2': {}, 'ft': frozenset({5, 6, 7}), 't1': (1,)}
pprint.pprint(data)
for w in [1, 10, 20, 30, 40, 60, 80, 120]:
    print('-- width', w)
    pprint.pprint(data, width=w)
    pprint.pprint(data, width=w, compact=True)
    pprint.pprint(data, width=w, indent=4)
    pprint.pprint(data, width=w, sort_dicts=False)
    pprint.pprint(data, width=w, depth=2)
    pprint.pprint(data, width=w, depth=1, indent=3)
nested = [[i * j for j in range(12)] for i in range(8)]
pprint.pprint(nested)
pprint.pprint(nested, compact=True)
pprint.pprint(nested, width=40, compact=True, indent=2)
pprint.pprint(list(range(40)))
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(tuple(range(30)))
pprint.pprint(((1, 2, 3),) * 10, width=30)
pprint.pprint(set(range(30)))
pprint.pprint(frozenset(range(30)))
pprint.pprint({1, 2, 3}, width=5)
s = 'The quick brown fox jumps over the lazy dog. ' * 5
pprint.pprint(s)
pprint.pprint([s, s[:50]], width=40)
pprint.pprint({'text': s, 'lines': 'a\nb\nc' * 30}, width=50)
pprint.pprint('x' * 100)
print(pprint.pformat({'b': 1, 'a': [1, 2, {'c': 3}]}, width=10))
print(pprint.pformat({(1, 2): 'x', 3: 'y', 'z': 5}))
print(pprint.pformat({(1, 2): 'x' * 40, 3: 'y' * 40, 'z': 5}))
print(pprint.pformat([10**12, 123456789] * 5, underscore_numbers=True, width=40))
pprint.pp({'b': 1, 'a': 2, 'c': list(range(30))})
a = [1, 2]; a.append(a)
print(pprint.isrecursive(a), pprint.isreadable(a), pprint.isreadable([1, 'x']), pprint.isreadable([object]), pprint.saferepr({'b': 1, 'a': (2,)}))
r = pprint.pformat(a); print(r[:r.index('id=')])
d = collections.defaultdict(list, {'a': list(range(20)), 'b': list(range(20))})
pprint.pprint(d)
pprint.pprint(collections.Counter('abracadabra' * 5 + 'xyz' * 2 + 'mnopqrstuvw'), width=40)
pprint.pprint(collections.OrderedDict((str(i), i * 100) for i in range(20)))
pprint.pprint(collections.deque(range(40)))
pprint.pprint(collections.deque(range(40), maxlen=50))
pprint.pprint(collections.defaultdict(int)); pprint.pprint(collections.Counter()); pprint.pprint(collections.OrderedDict()); pprint.pprint(set())
print(pprint.pformat({'x': {'y': {'z': {'w': 1}}}}, depth=2), pprint.pformat([[[[1]]], (((2,),),)], depth=3))
class L(list): pass
class D(dict):
    def __repr__(self): return 'D!'
pprint.pprint(L(range(30)))
pprint.pprint(D(a=list(range(40))))
pprint.pprint([None, True, 1.5, 2j, b'bytes', 'str'] * 4)
for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try: pprint.PrettyPrinter(**bad)
    except ValueError as e: print(e)
pp = pprint.PrettyPrinter(indent=2, width=30)
pp.pprint(data['address'])
print(repr(pp.pformat([])), repr(pp.pformat('')))
import sys
pprint.pprint([1, 2], stream=sys.stdout)
mixed = {1: 'a', 'b': 2, None: 3, 2.5: 4, (1,): 5}
print(pprint.pformat(mixed, width=20).replace(str(id(None)), 'ID'))
pprint.pprint([{'id': i, 'name': 'user%d' % i, 'roles': ['admin', 'dev'][: i % 3]} for i in range(5)])
for ind in (1, 4):
    for w in (1, 5, 12):
        pprint.pprint({'a': {}, 'b': [], 'c': (), 'd': set(), 'e': '', 'f': [[], {}], 'g': collections.deque(), 'h': collections.Counter(), 'i': collections.OrderedDict(), 'j': collections.defaultdict(int), 'k': frozenset()}, width=w, indent=ind)
        pprint.pprint([[], {}, ()], width=w, indent=ind)
