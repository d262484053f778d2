# types.MappingProxyType(mapping): a read-only live view of a dict; python3's argument errors.
import types, collections, sys
M = types.MappingProxyType
for a in [(), ([1],), ((1,2),), ({'a':1}, 2), (5,), (collections.OrderedDict(a=1),), (collections.Counter('aab'),)]:
    try: print(repr(M(*a)))
    except Exception as e: print(type(e).__name__, e)
for kw in ({'mapping': {}}, {'m': {}}, {'mapping': {}, 'x': 1}):
    try: print(M(**kw))
    except Exception as e: print(type(e).__name__, e)
d = {'a': 1, 'b': 2}
r = sys.getrefcount(d)
p = M(d); print(sys.getrefcount(d) - r, sys.getsizeof(p))
print(len(p), list(p), p['a'], 'a' in p, p.get('z', 0), list(p.items()), p.copy(), p | {'c': 3}, p == {'a': 1, 'b': 2})
d['c'] = 3
print(p, len(p), list(p.keys()), list(p.values()), list(reversed(p)))
try: p['a'] = 2
except TypeError as e: print(e)
try: del p['a']
except TypeError as e: print(e)
try: hash(p)
except TypeError as e: print(e)
class D(dict):
    def __missing__(self, k): return 42
print(M(D(a=1))['zz'], type(p) is type(int.__dict__), isinstance(p, M))
del p
print(sys.getrefcount(d) - r)
