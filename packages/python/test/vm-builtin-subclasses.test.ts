/**
 * Subclasses of str, int, float, tuple and bytes against python3: their instances hold the base value in their
 * own object as CPython 3.11 lays it out (sizes, blocks, dict placement, GC tracking, release order).
 * Each snippet runs in real python3 (expected stdout/stderr/exit status) and in `run()`, and the heap must
 * be leak-free and consistent afterwards.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";

const python = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "pyheap-subclass-"));

function cpython(name: string, source: string): { stdout: string; stderr: string; status: number } {
  writeFileSync(join(dir, name), source);
  const r = spawnSync(python, [name], { cwd: dir, encoding: "utf8", env: { ...process.env, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" } });
  return { stdout: r.stdout, stderr: r.stderr.split(dir + "/").join(""), status: r.status ?? -1 };
}

const cases: [string, string][] = [
  ["sys.getsizeof, GC tracking and values of str, int, float and tuple subclass instances", "import sys, gc\nclass S(str): pass\nclass I(int): pass\nclass F(float): pass\nclass T(tuple): pass\nfor v in ['', 'a', 'abc', '\u00e9', '\u20ac\u20ac', '\ud83d\ude00', 'a' * 100]:\n    s = S(v)\n    print(len(s), sys.getsizeof(s), gc.is_tracked(s), s == v, hash(s) == hash(v), type(str(s)).__name__)\nfor v in [0, 1, -1, 2**30, 2**60, 10**100]:\n    i = I(v)\n    print(sys.getsizeof(i), gc.is_tracked(i), i == v, i + 1 == v + 1, type(i + 1).__name__, type(-i).__name__)\nf = F(1.5)\nprint(f, sys.getsizeof(f), gc.is_tracked(f), f * 2, type(f * 2).__name__)\nfor n in range(4):\n    t = T(range(n))\n    print(t, sys.getsizeof(t), gc.is_tracked(t), len(t))\nprint(S.__basicsize__, I.__basicsize__, F.__basicsize__, T.__basicsize__)\n"],
  ["instance dicts (managed, or the body's last word), weak references, __slots__ rules", "import sys, gc, weakref\nclass S(str): pass\nclass I(int): pass\nclass F(float): pass\nclass T(tuple): pass\ni = I(5); i.a = 1; print(i.__dict__, sys.getsizeof(i), i.a, i)\nz = I(0); z.b = 2; print(z, z.__dict__, z + 1)\ns = S('x'); s.q = 3; print(s.q, s.__dict__, sys.getsizeof(s))\nf = F(2.0); f.w = 'w'; print(f.__dict__, f)\nt = T((1, 2)); t.k = 'v'; print(t.__dict__, t, t[1])\nr = weakref.ref(s); print(r() is s)\ndel s\nprint(r())\nfor o in (I(3), T((1,)), F(1.0), S('w')):\n    try:\n        weakref.ref(o)\n        print(type(o).__name__, 'weakrefable')\n    except TypeError as e:\n        print(e)\nclass J(I): pass\nj = J(9); j.k = 1; print(j.__dict__, sys.getsizeof(j), J.__basicsize__)\nfor base in (int, tuple):\n    try:\n        type('X', (base,), {'__slots__': ('a',)})\n    except TypeError as e:\n        print(e)\nclass S2(str):\n    __slots__ = ('a',)\nx = S2('abc'); x.a = [1]; print(sys.getsizeof(x), S2.__basicsize__, x.a)\n"],
  ["__del__ order of str and int subclass instances, a cycle through an int subclass's dict", "import gc\nclass Piece(str):\n    def __del__(self):\n        print('freed', str(self))\nclass Num(int):\n    def __del__(self):\n        print('freed num', int(self))\na = Piece('one')\nb = Piece('two')\ndel a\nprint('after del a')\nn = Num(2**40)\nn.me = n\ndel n\nprint('collected', gc.collect())\nl = [Piece('x%d' % i) for i in range(3)]\ndel l\nc = Num(7)\nc = None\nprint('end')\n"],
  ["str.__add__ concatenates without the subclass's __add__; int arithmetic; sys.intern and setattr", "import sys\nclass S(str):\n    def __add__(self, other):\n        return S(str.__add__(self, other) + '+')\nclass P(str): pass\ns = S('ab')\nprint(s + 'c', type(s + 'c').__name__, 'c' + s, type('c' + s).__name__)\np = P('ab')\nprint(p + 'c', type(p + 'c').__name__, p * 2, p.upper(), p.split('b'), p[0], len(p), p in 'xaby')\nprint(f'{p}', '%s' % p, str(p), repr(p), p == 'ab', {p: 1}['ab'], {'ab': 2}[p])\ntry:\n    str.__add__(p, 5)\nexcept TypeError as e:\n    print(e)\nprint(str.__add__(p, ''), type(str.__add__(p, '')).__name__, str.__add__('x', P('')), type(str.__add__('x', P(''))).__name__)\nclass I(int): pass\ni = I(40)\nprint(i + 2, i * 2, i // 3, -i, abs(I(-3)), i == 40, hash(i) == hash(40), int(i), float(i), str(i), repr(i))\nprint(sys.intern('runtime' + str(len(p))) is not None)\ntry:\n    sys.intern(P('sub'))\nexcept TypeError as e:\n    print(e)\nclass O: pass\nname = ''.join(['dyn', 'amic'])\nsetattr(O, name, 1)\nprint(sys.intern(''.join(['dyn', 'amic'])) is name)\ntry:\n    setattr(O, 3, 1)\nexcept TypeError as e:\n    print(e)\n"],
  ["str subclass instances take 128-byte blocks, one after the other", "class S(str): pass\na = S('abc'); b = S('abc'); c = S('x' * 40)\nprint(id(b) - id(a), id(c) - id(b))\ndel a\nd = S('abd')\nprint(id(d) - id(b))\n"],
  ["class objects: a managed-dict class counts its shared keys, whatever its base", "import sys, weakref\nclass C: pass\nclass I(int): pass\nclass F(float): pass\nclass S(str): pass\nclass L(list): pass\nclass T(tuple): pass\nclass D(dict): pass\nclass St(set): pass\nclass E(Exception): pass\nclass W(weakref.ref): pass\nprint([sys.getsizeof(k) for k in (C, I, F, S, L, T, D, St, E, W)])\n"],
  ["__new__ and __init__ overrides: super().__new__ / int.__new__ / tuple.__new__ build the subclass's layout", "import sys, gc\nclass Up(str):\n    def __new__(cls, v):\n        return super().__new__(cls, v.upper())\nu = Up('abc'); print(u, type(u).__name__, sys.getsizeof(u))\nclass Tag(str):\n    def __init__(self, v, tag=None):\n        self.tag = tag\nt = Tag('x'); t.__init__('x', tag=5); print(t, t.tag)\nclass Money(int):\n    def __new__(cls, v, cur='EUR'):\n        o = int.__new__(cls, v)\n        o.cur = cur\n        return o\n    def __repr__(self):\n        return f'{int(self)} {self.cur}'\nm = Money(12, 'USD'); print(repr(m), m + 1, sys.getsizeof(m))\nclass Pt(tuple):\n    def __new__(cls, x, y):\n        return tuple.__new__(cls, (x, y))\n    @property\n    def x(self): return self[0]\np = Pt(1, 2); print(p, p.x, sys.getsizeof(p), isinstance(p, tuple))\nclass Temp(float):\n    def __str__(self): return f'{float(self):.1f}C'\nprint(str(Temp(21.456)), Temp(3) + 1, sys.getsizeof(Temp(1)))\nprint(isinstance(u, str), issubclass(Money, int), float.__new__(Temp, 2.5), type(float.__new__(Temp, 2.5)).__name__)\nd = {Up('k'): 1}; print(d, 'K' in d)\nprint(sorted([Up('b'), Up('a')]), max(Money(3), Money(9)))\nprint(gc.is_tracked(u), gc.is_tracked(m), gc.is_tracked(p))\n"],
  ["constructor arguments: defaults, bases, keywords and their errors, nested subclass values", "import sys\nclass S(str): pass\nclass I(int): pass\nclass F(float): pass\nclass T(tuple): pass\nprint(repr(S()), repr(I()), repr(F()), repr(T()), I('ff', 16), F('1.5'), S(b'ab', 'ascii'), T('ab'), T([1, 2]))\nprint(int.__new__(I), str.__new__(S), float.__new__(F), tuple.__new__(T))\nprint(I(True), type(I(True)).__name__, I(2.9), I(S('12')), F(I(3)), S(I(5)), S(F(1.5)), S(T((1,))))\nprint(sys.getsizeof(I(True)), sys.getsizeof(S(S('abc'))), sys.getsizeof(T(T((1, 2)))))\nx = S('abc')\nprint(x[1:], type(x[1:]).__name__, x.strip() is x, type(x.strip()).__name__, str(x) is x, S(x) is x)\ntry:\n    S('x', tag=5)\nexcept TypeError as e:\n    print(e)\ntry:\n    I('zz')\nexcept ValueError as e:\n    print(e)\nclass B(bytes): pass\ntry:\n    print(B(b'ab'))\nexcept Exception as e:\n    print(type(e).__name__)\nfor make in (lambda: float(1.0, x=1), lambda: tuple([1], x=1), lambda: int('1', x=1), lambda: T([1], x=1), lambda: F(1.0, y=2), lambda: I('7', base=10, z=1)):\n    try:\n        print(make())\n    except TypeError as e:\n        print(e)\nprint(str(object='ab'), S(object='cd'), type(S(object='cd')).__name__, I('11', base=2))\n"],
  ["bytes subclass instances: sizes, the dict word after the data, conversions", "import sys, gc, weakref\nclass B(bytes): pass\nfor v in [b'', b'a', b'abc', b'x' * 7, b'x' * 50]:\n    b = B(v)\n    print(len(b), sys.getsizeof(b), gc.is_tracked(b), b == v, hash(b) == hash(v), type(b).__name__, b[:2], type(b[:2]).__name__)\nb = B(b'abc'); b.tag = 1; print(b.__dict__, b, bytes(b), type(bytes(b)).__name__, B.__basicsize__)\nprint(B(3), B([65, 66]), bytes.__new__(B, b'q'), type(bytes.__new__(B, b'q')).__name__, b + b'd')\ntry:\n    weakref.ref(b)\nexcept TypeError as e:\n    print(e)\nx = B(b'one'); y = B(b'two'); z = B(b'x' * 20)\nprint(sys.getsizeof(B), sys.getsizeof(z), gc.is_tracked(z))\n"],
];

describe("builtin subclass instances against python3", () => {
  for (const [name, source] of cases) {
    it(name, () => {
      const fname = name.replace(/\W+/g, "-").slice(0, 40) + ".py";
      const want = cpython(fname, source);
      const { result, heap } = runDetailed(source, { filename: fname });
      expect(result.stdout).toBe(want.stdout);
      expect(result.stderr).toBe(want.stderr);
      expect(result.exitCode).toBe(want.status);
      expect(heap.leaked).toEqual([]);
      expect(heap.check).toEqual({ ok: true });
    });
  }
});
