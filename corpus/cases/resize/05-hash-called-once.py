# A class's __hash__ runs once per dict or set operation (and its errors come from that one call).
class K:
    def __init__(self, n): self.n = n
    def __hash__(self):
        print('hash', self.n)
        if self.n < 0: raise ValueError('neg')
        return self.n
    def __eq__(self, o):
        print('eq', self.n, getattr(o, 'n', o))
        return isinstance(o, K) and self.n == o.n
class U:
    def __eq__(self, o): return True
d = {K(1): 'a'}
print(d[K(1)], K(1) in d, d.get(K(2)))
s = {K(1), K(1), K(3)}
print(len(s), K(3) in s)
for bad in (K(-1), U(), (1, K(-2)), (1, U())):
    for f in (lambda: {bad: 1}, lambda: {bad}, lambda: d[bad], lambda: bad in s, lambda: hash(bad), lambda: d.pop(bad, 0), lambda: s.discard(bad)):
        try:
            f()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
t = (K(5), K(6))
print({t: 1}[t])
print(len(dict.fromkeys([K(7), K(7)])))
