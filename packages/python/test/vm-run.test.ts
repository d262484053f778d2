/**
 * The VM against python3: each snippet runs in real python3 (expected stdout/stderr/exit status) and in
 * `run()`, and the heap must be leak-free and consistent afterwards.
 */
import { describe, expect, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";
import { run } from "../src/index.js";


const cpython = cpythonRunner("pyheap-vm-");

const cases: [string, string][] = [
  ["arithmetic", "print(7 // 2, -7 // 2, 7 % -2, 2 ** 100, 7 / 2, divmod(-17, 5))\nprint(0.1 + 0.2, 1e16, 1e-5, -0.0, round(2.675, 2))\n"],
  ["strings", "s = 'Hello'\nprint(s.upper(), s.lower(), s[1:3], s[::-1], len(s), s.replace('l', 'L'))\nprint(f'{s!r:>10}|{3.14159:.2f}|{255:#x}|{1234567:,}')\n"],
  ["containers", "l = [3, 1, 2]\nl.append(4)\nl.sort()\nd = {'a': 1, 'b': [l]}\nprint(l, d, (1,), {1, 2} | {3}, sorted({'x': 1, 'y': 2}.items()))\n"],
  ["functions", "def f(a, b=2, *args, k=3, **kw):\n    return a, b, args, k, kw\nprint(f(1), f(1, 5, 6, 7, k=8, z=9))\nprint((lambda x: x * 2)(21))\n"],
  ["closures", "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\nc = counter()\nprint(c(), c(), c())\n"],
  ["classes", "class A:\n    x = 1\n    def __init__(self, v):\n        self.v = v\n    def __repr__(self):\n        return f'A({self.v})'\nclass B(A):\n    def __init__(self, v):\n        super().__init__(v * 2)\nprint(A(1), B(2), B.x, isinstance(B(1), A))\n"],
  ["refcounts", "import sys\nx = []\nprint(sys.getrefcount(x))\ny = x\nprint(sys.getrefcount(x))\ndef f(a):\n    return sys.getrefcount(a)\nprint(f(x))\nn = 1000\nprint(sys.getrefcount(n))\n"],
  ["del order", "class D:\n    def __init__(self, n): self.n = n\n    def __del__(self): print('del', self.n)\nl = [D(1), D(2), D(3)]\ndel l\nx = D(4)\nx = D(5)\nprint('end')\n"],
  ["exceptions", "try:\n    {}['k']\nexcept KeyError as e:\n    print('caught', repr(e))\ntry:\n    1 / 0\nfinally:\n    print('finally')\n"],
  ["traceback", "def f(x):\n    return x / 0\nprint('before')\nf(1)\n"],
  ["generators", "def g(n):\n    for i in range(n):\n        yield i * i\nprint(list(g(5)), sum(g(4)))\nit = g(2)\nprint(next(it), next(it), next(it, 'done'))\n"],
  ["comprehensions", "print([x * x for x in range(5) if x % 2], {k: v for k, v in zip('ab', [1, 2])}, {c for c in 'aa'})\n"],
  ["weakref subclasses and method()", "import weakref\nclass C:\n    def m(self): return 'm'\nclass R(weakref.ref):\n    __slots__ = ('tag',)\n    def __new__(cls, o, cb=None):\n        self = weakref.ref.__new__(cls, o, cb)\n        self.tag = 't'\n        return self\n    def __init__(self, o, cb=None):\n        super().__init__(o, cb)\nc = C()\nr = R(c, lambda w: print('dead', w.tag))\nprint(r() is c, r.tag, isinstance(r, weakref.ref))\nb = type(c.m)(C.m, c)\nprint(b(), b.__self__ is c, b == c.m)\ndel b, c\nwm = weakref.WeakMethod(C().m)\nprint(wm())\ntry:\n    type(C().m)(C.m)\nexcept TypeError as e:\n    print(e)\ntry:\n    type(C().m)(C.m, None)\nexcept TypeError as e:\n    print(e)\n"],
  ["gc cycle", "import gc\ngc.collect()\na = []\na.append(a)\ndel a\nprint(gc.collect(), gc.get_count())\n"],
];

describe("run() against python3", () => {
  for (const [name, source] of cases) {
    it(name, () => expectSameAsPython(cpython, name, source));
  }
});

describe("range bounds", () => {
  it("ranges up to ±2**53 give python3's items, lengths and slices", () =>
    expectSameAsPython(cpython, "range near 2**53", "r = range(2**53 - 4, 2**53, 2)\nprint(list(r), len(r), r[-1], r[::-1], 2**53 - 2 in r)\nprint(list(range(-2**53, -2**53 + 3)))\n"));

  // ranges past ±2**53 keep their exact bounds (the fast ranges keep doubles)
  const big: [string, string][] = [
    ["ranges past 2**53: len, items, slices, in, index/count, reversed, iterator types, equality, hash", "import sys, gc\nr = range(2**60, 2**60 + 10, 3)\nprint(r, len(r), list(r), r[1], r[-1], r[1:3], r[::-1], 2**60 + 3 in r, 2**60 + 4 in r)\nprint(type(iter(r)).__name__, type(reversed(r)).__name__, list(reversed(r)))\nR = range(-2**70, 2**70, 2**68)\nprint(R, len(R), list(R)[:3], type(iter(R)).__name__, R.index(2**68 - 2**70 + 2**68), R.count(0), 0 in R)\nprint(R.start, R.stop, R.step, bool(range(2**64)), bool(range(2**64, 0)))\ntry:\n    len(range(2**64))\nexcept OverflowError as e:\n    print(\"OverflowError:\", e)\nprint(range(2**64)[2**63:2**64:2**62], range(2**64)[-1])\ntry:\n    range(2**64)[2**64]\nexcept IndexError as e:\n    print(\"IndexError:\", e)\nprint(range(10)[2**60:], range(10)[-2**60:3], range(5)[2**100 - 2**100 + 1])\ns = 0\nfor i in range(2**53 - 2, 2**53 + 3):\n    s += i\n    print(i)\nprint(s, sum(range(2**62, 2**62 + 4)), max(range(2**62, 2**62 + 4)))\nprint(range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), hash(range(3)), hash(range(2**64, 2**64 + 1)) == hash(range(2**64, 2**64 + 2, 9)))\nprint(sys.getsizeof(R), gc.is_tracked(iter(R)), gc.is_tracked(R))\nit = iter(range(2**63 - 3, 2**63 + 2))\nprint(type(it).__name__, next(it), list(it))\nprint(range(3, 2**60)[1], range(2**60 - 1, -1, -1)[2**59], {range(2**64): 1}[range(2**64)])\nprint([x for x in reversed(range(2**64, 2**64 + 6, 2))])\n"],
    ["loops over ranges past 2**53: hot functions, nested loops, next() inside a for, builtins that iterate", "def f(n):\n    s = 0\n    for i in range(2**60, 2**60 + n):\n        s += i\n    return s\nt = 0\nfor k in range(300):\n    t += f(50)\nprint(t)\ns = 0\nfor i in range(2**64, 2**64 + 20000, 7):\n    s ^= i\nprint(s)\nfor x in range(3):\n    for y in (range(2**60, 2**60 + 2) if x % 2 else range(2)):\n        print(x, y)\nit = iter(range(2**62, 2**62 + 5))\nfor v in it:\n    print(v, next(it, None))\nprint(list(map(lambda v: v - 2**70, range(2**70, 2**70 + 3))))\nprint(sorted(range(2**60 + 3, 2**60 - 3, -2)), tuple(range(-2**60, -2**60 + 2)), set(range(2**60, 2**60 + 2)) == {2**60, 2**60 + 1})\nprint([i for i in range(2**65, 2**65 + 3)], any(x == 2**65 + 2 for x in range(2**65, 2**65 + 3)))\n"],
    ["range equality and hash as range_equals/range_hash (small ranges too): the same items are equal", "print(range(0) == range(5, 5), range(0, 3, 2) == range(0, 4, 2), range(1, 2, 5) == range(1, 2), range(3) != range(4))\nprint(hash(range(3)), hash(range(0)) == hash(range(7, 2)), {range(0, 3, 2): 'a'}[range(0, 4, 2)])\n"],
  ];
  for (const [name, source] of big) it(name, () => expectSameAsPython(cpython, name, source, 60));
});
