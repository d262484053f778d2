/**
 * Table and array sizes that follow CPython 3.11's resize rules (differences the differential fuzzer
 * found): the set algebra, list slice assignment and deletion, dict.update() into an empty dict, the
 * split table of a materialised instance __dict__, list_extend's room for an iterable's length hint. Each
 * program runs in python3 and in run(); the output must be the same byte for byte, the heap leak-free.
 */
import { describe, it } from "vitest";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-resize-");

const cases: [string, string][] = [
  [
    "set |= and ^= resize once up front (set_merge) or per added key (symmetric difference)",
    `import sys
for ops in ([('|', {4}), ('|', {4})], [('^', {5}), ('|', {4})], [('^', {4, 5, 6, 7})], [('|', set(range(3, 12)))]):
    s = {1, 2, 3}
    for op, o in ops:
        if op == '|':
            s |= o
        else:
            s ^= o
    print(list(s), sys.getsizeof(s))
`,
  ],
  [
    "binary set operators: which operand is copied or iterated, which equal key is kept",
    `import sys
a = {1, 9, 17, 25, 2}
b = {17, 33, 3}
for r in (a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a, set(range(40)) - {1, 2}, {1, 2} - set(range(40))):
    print(list(r), sys.getsizeof(r))
print({1} & {1.0}, {1.0, 2} & {1}, {1} | {1.0}, {1.0} - {1}, {1} ^ {1.0, 2}, {1}.intersection([1.0]))
f = frozenset({1, 2})
g = f
f |= {3}
print(f, g, f is g)
class S(set):
    pass
print(type(S({1}) | {2}).__name__, type(S({1}).copy()).__name__, type(frozenset({1}) & {1}).__name__)
`,
  ],
  [
    "set methods with sets, dicts and iterables, and their in-place forms",
    `import sys
def show(s):
    print(sorted(s), sys.getsizeof(s))
x = set(range(30)); x -= set(range(25)); show(x)
x = set(range(30)); x.difference_update(range(25)); show(x)
x = set(range(20)); x &= {3, 4, 100}; show(x)
x = set(range(20)); x.intersection_update(range(5), [1, 2, 3]); show(x)
x = {1, 2}; x.update({3: 'a', 4: 'b', 5: 'c', 6: 'd'}); show(x)
x = {1, 2}; x.update([3, 4, 5, 6, 7]); show(x)
x = {1, 2}; x.symmetric_difference_update({2: 0, 9: 1}); show(x)
x = {1, 2}; x.symmetric_difference_update([2, 9, 9, 17]); show(x)
show(set(range(40)).difference({1: 0})); show({1, 2, 3}.difference({1: 0, 5: 1}))
show({1}.union([2, 3], {4, 5}, (9,))); show({1, 2, 3}.intersection([2, 3, 4], {3})); show({1, 2}.intersection())
show(set({1: 2, 9: 3})); show(set(range(5)).copy())
u = {1, 2}; u |= u; u &= u; show(u); u -= u; show(u)
v = {1, 2}; v ^= v; show(v)
for bad in ([[1]], 5):
    try:
        {1}.intersection(bad)
    except TypeError as e:
        print(e)
class E:
    def __hash__(self):
        return 1
    def __eq__(self, o):
        raise ValueError('eq')
for f in (lambda: {E()} | {E()}, lambda: {E()} ^ {E()}, lambda: {E()} & {E()}, lambda: {E(), 2} - {E()}):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
`,
  ],
  [
    "set.pop() resumes after the slot it last emptied",
    `s = {1, 2, 3}
print(s.pop())
s.update([1, 8])
print(s.pop())
t = {1, 2, 3}
t.update([1, 2, 8])
t ^= {5}
t ^= {5}
print(t.pop(), t.pop())
s = set(range(50))
print([s.pop() for i in range(10)])
s.update([100, 200])
print(s.pop())
try:
    set().pop()
except KeyError as e:
    print('KeyError', e)
`,
  ],
  [
    "a new set key takes the last dummy slot on its probe path, or a fresh slot (fill grows, maybe a resize)",
    `import sys
k = {1, 2, 3}
k.update([1, 2, 8])
k -= {2}
print(k.pop(), list(k), sys.getsizeof(k))
k.update([1, 2, 8])
print(list(k), sys.getsizeof(k))
k = {1, 2, 3, 8}
k.discard(2)
k.discard(8)
k.add(2)
print(list(k), sys.getsizeof(k))
s = set(range(0, 64, 8))
for x in range(0, 64, 16):
    s.discard(x)
s.update([0, 16, 100, 200])
print(list(s), sys.getsizeof(s))
`,
  ],
  [
    "list slice assignment and deletion: one move, one list_resize, release order",
    `import sys
k = [1, 2, 7]
k[1:2] = [5, 6, 7]
print(k, sys.getsizeof(k))
for n, lo, hi in ((100, 10, 90), (20, 1, 19), (9, 0, 5), (64, 3, 40), (10, 0, 10)):
    for step in (1, 2, -3):
        k = list(range(n))
        del k[lo:hi:step]
        print(n, lo, hi, step, len(k), sys.getsizeof(k))
    k = list(range(n))
    k[lo:hi] = (0,)
    print(len(k), sys.getsizeof(k))
k = [1, 2]; k[1:] = range(10); print(k, sys.getsizeof(k))
k = [1, 2]; k[:] = k; print(k, sys.getsizeof(k))
k = [1, 2, 3]; k[::-1] = k; print(k, sys.getsizeof(k))
k = [1, 2, 3]; k[5:0] = [9]; print(k)
k = [1, 2, 3]; k[-1:-3] = [8, 9]; print(k)
k = [None] * 10; k[2:3] = [0] * 30; print(len(k), sys.getsizeof(k))
for bad in (5, None):
    for f in (lambda: k.__setitem__(slice(0, 1), bad), lambda: k.__setitem__(slice(None, None, 2), bad)):
        try:
            f()
        except TypeError as e:
            print(e)
try:
    k[::2] = [1]
except ValueError as e:
    print(e)
class D:
    def __init__(self, t):
        self.t = t
    def __del__(self):
        print('del', self.t)
k = [D(i) for i in range(12)]
k[1:11] = [0]
print('after', len(k))
k = [D(i) for i in range(6)]
del k[4:0:-2]
k[::2] = ['a', 'b']
print('end', len(k))
`,
  ],
  [
    "dict.update() with a dict: the clone into an empty dict, the one resize up front",
    `import gc, sys
d = {2: 'two'}; del d[2]; d.update({'c': 3}); print(d, sys.getsizeof(d))
d = {i: i for i in range(20)}
for i in range(20):
    del d[i]
d.update({'c': 3}); print(d, sys.getsizeof(d))
d = {}; d.update({i: i for i in range(10)}); print(sys.getsizeof(d))
src = {i: i for i in range(12)}
for i in range(8):
    del src[i]
d = {}; d.update(src); print(d, sys.getsizeof(d))
d = {'x': 1}; d.update({i: i for i in range(10)}); print(len(d), sys.getsizeof(d))
d = {'x': 1}; d |= {'y': 2}; print(d, sys.getsizeof(d))
e = {**{'a': 1, 'b': 2}}; print(sys.getsizeof(e), sys.getsizeof(dict({'a': 1})))
t = {}; t.update({'a': []}); print(gc.is_tracked(t))
t = {}; t.update({'a': 1}); print(gc.is_tracked(t))
class S(dict):
    pass
s = S(a=1); s.update({'b': 2}); print(s, sys.getsizeof(s))
d = {}; d.update(S(a=1, b=2)); print(d, sys.getsizeof(d))
class M:
    def __init__(self):
        self.d = None
    def __hash__(self):
        return 5
    def __eq__(self, o):
        self.d['new'] = 1
        return False
m = M()
src = {m: 1, 'b': 2}
m.d = src
try:
    {M(): 0}.update(src)
except RuntimeError as e:
    print('RuntimeError', e)
`,
  ],
  [
    "a materialised instance __dict__ is split: shared keys, values sized by the keys' room",
    `import gc, sys
class C:
    pass
c = C(); print(sys.getsizeof(c.__dict__), sys.getsizeof(c))
d = C(); d.x = 1; print(sys.getsizeof(d.__dict__), sys.getsizeof(d), d.__dict__)
e = C(); e.y = 2; e.z = 3; print(sys.getsizeof(e.__dict__), e.__dict__, list(e.__dict__.items()))
print(sys.getsizeof(C().__dict__), sys.getsizeof(c.__dict__))
class K:
    def __init__(self):
        self.a = 1
        self.b = 2
k = K(); print(sys.getsizeof(k.__dict__), k.__dict__)
k2 = K(); k2.__dict__; k2.q = 5; print(sys.getsizeof(k2.__dict__), k2.__dict__)
class M:
    pass
m = M(); dd = m.__dict__; m.a = 1; m.b = 2; print(sys.getsizeof(dd), dd)
for i in range(40):
    setattr(m, 'a%d' % i, i)
print(sys.getsizeof(dd), sys.getsizeof(m), len(dd))
n = M(); n.b = 1; n.a = 2; nd = n.__dict__; print(nd, list(nd), sys.getsizeof(nd))
nd['zz'] = 3; print(nd, sys.getsizeof(nd)); del nd['b']; print(nd, sys.getsizeof(nd), n.a, hasattr(n, 'b'))
nd[5] = 'int key'; print(nd, sys.getsizeof(nd))
p = K(); pd = p.__dict__; print(gc.is_tracked(pd)); p.l = []; print(gc.is_tracked(pd))
q = K(); qd = q.__dict__.copy(); print(qd, sys.getsizeof(qd), gc.is_tracked(qd))
r = K(); rd = dict(r.__dict__); print(rd, sys.getsizeof(rd))
s = K(); s.__dict__.clear(); print(s.__dict__, sys.getsizeof(s.__dict__)); s.a = 9; print(s.__dict__, sys.getsizeof(s.__dict__))
t = K(); t.z = 1; td = t.__dict__; print(td.popitem(), td, sys.getsizeof(td))
try:
    M().__dict__.popitem()
except KeyError as e:
    print('KeyError', e)
u = K(); ud = u.__dict__; ud.update({'b': 5, 'c': 6}); print(ud, sys.getsizeof(ud))
print({**K().__dict__}, sorted(set(K().__dict__)), sorted(K().__dict__.values()))
class D:
    def __init__(self, t):
        self.t = t
    def __del__(self):
        print('del', self.t)
w = K(); w.x = D(1); w.y = D(2); w.__dict__; del w
w = K(); w.x = D(3); w.y = D(4); w.a = D(5); wd = w.__dict__; del w; del wd
a = K(); a.me = a; a.__dict__; del a; print(gc.collect())
`,
  ],
  [
    "a split __dict__ outlives its class (the shared keys stay while a dict uses them)",
    `import gc, sys
class C:
    pass
c = C()
c.a = 1
c.b = [2]
d = c.__dict__
e = C().__dict__
del c, C
print(gc.collect())
print(d, e, sys.getsizeof(d), sys.getsizeof(e))
d['c'] = 3
d['zz'] = 4
e['q'] = 5
print(d, e, sys.getsizeof(d), sys.getsizeof(e))
class K:
    def __init__(self):
        self.x = self
k = K()
kd = k.__dict__
del k, K
print(gc.collect(), len(kd))
del kd
print(gc.collect())
`,
  ],
  [
    "list(), extend, [*x], += and sorted() of an iterable without a len: room for its length hint or 8",
    `import sys
class H:
    def __init__(s, n): s.n = n
    def __iter__(s): return iter(range(s.n))
    def __length_hint__(s): return s.n
class N(H):
    def __length_hint__(s): return NotImplemented
class It:
    def __init__(s, n): s.n = n
    def __iter__(s): return s
    def __next__(s):
        if s.n == 0: raise StopIteration
        s.n -= 1; return s.n
def g(n):
    yield from range(n)
for n in (0, 1, 5, 9, 17, 30):
    a = [1]; a.extend(g(n)); b = []; b += map(abs, range(n)); c = [0] * 8; c.extend(It(n))
    print(n, [sys.getsizeof(x) for x in (list(g(n)), [*g(n)], a, b, c, sorted(g(n)), list(H(n)), list(N(n)), list(It(n)),
        list(zip(range(n))), list(enumerate(range(n))), list(filter(None, range(n))), list(iter(range(n))), list(set(range(n))))])
`,
  ],
  [
    "frozenset(x) and a subclass's fill as set(x): a set or dict merged whole, other iterables item by item",
    `import sys, gc
ss = set("abcdefghijklmnop")
d = dict.fromkeys(range(20))
class FS(frozenset): pass
for src in (ss, d, range(20), list(range(20)), "abcdefghijklmnopq", frozenset(ss), {1: 2}, (), [(1, 2), (3, [4])] [:1]):
    f = frozenset(src); g = FS(src)
    print(sys.getsizeof(f), sys.getsizeof(g), gc.is_tracked(f), gc.is_tracked(g), type(g).__name__, len(f) == len(g))
print(frozenset() is frozenset(), frozenset(()) is frozenset(), frozenset(frozenset([1])) == {1})
for bad in ([1, [2]], 5):
    try:
        frozenset(bad)
    except TypeError as e:
        print(e)
class Loud:
    def __init__(s, v): s.v = v
    def __hash__(s): print("hash", s.v); return hash(s.v)
    def __eq__(s, o): print("eq", s.v); return s.v == o.v
print(len(frozenset([Loud(1), Loud(2), Loud(1)])))
`,
  ],
  [
    "str.split/rsplit fill a PyList_New of maxsplit + 1 (at most 12) slots, splitlines appends; append keeps the room",
    `import sys
g = sys.getsizeof
for s in ("", " ", "a", "a b", "a,b", ",".join("x" * 12), ",".join("x" * 13), ",".join("y" * 30), " ".join("z" * 25), "éé,€,😀"):
    row = [g(s.split()), g(s.split(",")), g(s.rsplit(",")), g(s.rsplit()), g(s.split(",", 0)), g(s.split(None, 2)), g(s.rsplit(None, 3)),
           g(s.split(",", 11)), g(s.rsplit(",", 12)), g(s.split(",,,,")), g(s.rsplit("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")), g(s.splitlines()), g(s.replace(",", "\\n").splitlines(True))]
    print(row, s.split(",")[:3], s.rsplit(None, 1)[-1:])
class S(str): pass
print(g(S("a b").split()), g(S("abc").split(",")), type(S("abc").split(",")[0]).__name__)
w = "one two three"
parts = w.split()
parts.append("four")
print(g(parts))
x = "solo"
print(x.split()[0] is x, x.split(",")[0] is x, x.rsplit("toolong!")[0] is x)
`,
  ],
  [
    "bytes and bytearray split/rsplit/splitlines: the same room as str's (no shortcut for a separator longer than the bytes)",
    `import sys
g = sys.getsizeof
for b in (b"", b"a", b"a b", b"a,b", b",".join([b"x"] * 13), b" ".join([b"y"] * 25), b"l1\\nl2\\r\\nl3\\rl4\\n"):
    for t in (bytes, bytearray):
        x = t(b)
        print(g(x.split()), g(x.split(b",")), g(x.rsplit(b",")), g(x.rsplit()), g(x.split(b",", 0)), g(x.split(None, 2)), g(x.rsplit(None, 3)),
              g(x.split(b",,,,")), g(x.splitlines()), g(x.splitlines(True)), x.split(b",")[:2])
`,
  ],
  [
    "a class's __hash__ runs once per dict or set operation, its errors from that call",
    corpusCase("resize/05-hash-called-once.py"),
  ],
];

describe("container resizes as in CPython 3.11", () => {
  for (const [name, source] of cases) it(name, () => expectSameAsPython(cpython, name, source, 60));
});

describe("list(x) of a class with __length_hint__ (list_extend)", () => {
  it("gets the iterator before the hint, takes an int or bool hint, raises python3's errors for others, leaks nothing", () =>
    expectSameAsPython(cpython, "list-length-hint", String.raw`import sys
class It:
    def __init__(self, h): self.n, self.h = 0, h
    def __iter__(self):
        print('iter'); return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
    def __length_hint__(self):
        print('hint'); return self.h
for h in (3, 0, True, NotImplemented, 2.5, -1, '4', 10):
    try: l = list(It(h)); print(l, sys.getsizeof(l))
    except Exception as e: print(type(e).__name__, e)
`));
});
