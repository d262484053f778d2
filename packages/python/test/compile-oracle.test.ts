import { describe, expect, it } from "vitest";
import { compileModule, disassemble } from "../src/compile/index.js";
import { pythonCompile, summarize } from "./compile-helpers/oracle.js";

/** Programs whose code objects must match CPython 3.11's field by field (constants, names, locals…). */
const CASES: [string, string][] = [
  ["assign", "a = 1000\nb = 1000\nc = 'hello world'\n"],
  ["folding", "a = -5\nb = 2 ** 10\nc = 2 ** 64\nd = 2 ** 65\ne = 'ab' * 3\nf = 'x' * 4097\ng = (1, 2, (3, 4))\nh = (1, [2])\ni = [1, 2, 3]\nj = {1, 2, 3}\nk = x in [4, 5, 6]\nl = 'abc'[1]\nm = not True\nn = 1 < 2\no = (1,) * 300\np = 10 ** 20\n"],
  ["more folding", "a='abc'[::2]; b=(1,2,3)[1:]; c=not (a is b); d=-(2**200); e=2**-1; f=True&False; g=1+2j; h=(1,)*300; i=b'ab'[0]; j=x in [y, 1]\nk = 2**70 // 2**10\nl = 2**40 * 3\nm = 7 // 2, 7 % -3, -7 // 2, 7.5 % 2, 1 / 4\n"],
  ["function", "def f(a, b=2, *args, c, d=4, **kw):\n    x = a + b\n    y = 1000\n    return x, y\nz = 1000\n"],
  ["docstring", "'''module doc'''\ndef f():\n    '''func doc'''\n    return 1\nclass C:\n    '''class doc'''\n    x = 1\n"],
  ["closures", "def outer(n):\n    k = 1\n    def inner(m):\n        nonlocal k\n        k += m\n        return n + k\n    return inner\n"],
  ["class", "class C(object):\n    attr = 1000\n    def __init__(self, x):\n        self.x = x\n    def m(self):\n        return super().m() + __class__.attr\n    @staticmethod\n    def s(): return 2\n"],
  ["nested class", "def f():\n    x = 1\n    class K:\n        y = x\n        def g(self): return x\n    return K\n"],
  ["comprehensions", "a = [x * 2 for x in range(10) if x % 2]\nb = {x: y for x, y in pairs}\nc = {x for x in 'abc'}\nd = (i for i in range(3))\ne = [[i, j] for i in range(3) for j in range(i)]\n"],
  ["comprehension closure", "def f(n):\n    return [x + n for x in range(n)]\n"],
  ["lambda", "f = lambda x, y=2: x + y\ng = lambda: 1000\nh = lambda *a, **k: (a, k)\n"],
  ["generators", "def gen(n):\n    for i in range(n):\n        got = yield i\n        if got: yield from other(got)\n    return 'done'\n"],
  ["try", "try:\n    x = 1\nexcept ValueError as e:\n    y = 2\nexcept (TypeError, KeyError):\n    pass\nelse:\n    z = 3\nfinally:\n    w = 4\n"],
  ["try in function", "def f(a):\n    try:\n        return a[0]\n    except IndexError as err:\n        print(err)\n        return None\n    finally:\n        print('done')\n"],
  ["with", "def f(p):\n    with open(p) as fh, other() as g:\n        return fh.read()\n"],
  ["loops", "for i in range(10):\n    if i == 3:\n        continue\n    if i == 8:\n        break\nelse:\n    print('no break')\nwhile x < 10:\n    x += 1\nelse:\n    y = 0\n"],
  ["calls", "print(1, 2, sep='-', end='')\nf(*args)\nf(1, *args, k=2, **kw)\nf(**kw)\no.m(1, x=2)\nprint(*a, k=1)\n"],
  ["displays", "a = [1, 2, 3]\nb = [1, x]\nc = {'a': 1, 'b': 2}\nd = {1: x, 'a': 2}\ne = {**d, 'z': 1}\nf = (*a, 1)\ng = [*a, *b]\nh = {1, x}\ni = ()\nj = []\nk = [1000, 2000]\n"],
  ["fstrings", "x = 1\ny = f'{x!r:>{10}} and {x=} {x!s} {x!a} plain'\nz = f'{x}'\nw = f'abc'\nv = f''\n"],
  ["strings", "a = 'a' 'b'\nb = b'x' b'y'\nc = r'\\n'\nd = '\\x41\\u00e9' if 0 else 'é'\ne = '''multi\nline'''\n"],
  ["unpacking", "a, b = 1, 2\nc, *d = range(5)\n[e, f] = g = 1000, 2000\nfor (x, y) in pairs: pass\n"],
  ["augassign", "x += 1\no.a -= 2\nd['k'] *= 3\n"],
  ["globals", "g = 0\ndef f():\n    global g\n    g += 1\n    return g\ndef h():\n    return g\n"],
  ["del", "x = 1\ndel x\ndef f():\n    y = 1\n    del y\n    a = {}\n    del a['k'], a\n"],
  ["imports", "import gc\nimport sys, weakref\nfrom copy import deepcopy, copy as cp\nimport os.path\nimport os.path as osp\n"],
  ["assert raise", "def f(x):\n    assert x > 0, 'positive'\n    assert x\n    if x > 10:\n        raise ValueError('big') from None\n    raise\n"],
  ["chained compare", "a = 1 < x < 10\nif 0 <= y <= 5 != z:\n    pass\n"],
  ["boolops", "a = x and y or z\nb = not x\nif x and (y or not z):\n    pass\nc = x if y else z\n"],
  ["walrus", "if (n := len(a)) > 10:\n    print(n)\ndef f(data):\n    return [y for x in data if (y := x * 2) > 1]\n"],
  ["constants shared", "x = 123456\ndef f():\n    return 123456\nt = (123456, 'abc')\nu = [123456, 'abc', 7]\n"],
  ["dead code", "def f():\n    return 1\n    x = 99999\ndef g():\n    if 0:\n        y = 77777\n    while 0:\n        z = 66666\n    return 2\n"],
  ["annotations", "x: int = 5\ny: str\ndef f(a: int, b: 'str' = 'q') -> bool:\n    z: int = 1\n    return True\n"],
  ["decorators", "@d1\n@d2(3)\ndef g(): pass\n@dec\nclass K: pass\n"],
  ["nested functions", "def a():\n    def b():\n        def c():\n            return x\n        x = 1\n        return c\n    return b\n"],
  ["slices", "a = x[1:2]\nb = x[::2]\nc = x[1:2, 3]\nx[1:] = [1000]\ndel x[:1]\n"],
  ["posonly", "def f(a, b, /, c, *, d=1):\n    return a\n"],
  ["posonly last", "def f(a, /):\n    return a\ndef g(\n    a,\n    /,\n):\n    return a\n"],
  ["lambda posonly", "f = lambda a, /, b=2: (a, b)\ng = lambda a, b, /: a\n"],
  ["genexp in call", "s = sum(x * x for x in range(10))\nt = tuple(i for i in 'ab')\n"],
  ["return in loops", "def f(xs):\n    for x in xs:\n        with x:\n            try:\n                return x\n            finally:\n                pass\n"],
  ["class in function qualname", "def f():\n    class C:\n        def m(self):\n            return lambda: 1\n    return C\n"],
  ["global function qualname", "class A:\n    def f(self):\n        global g\n        def g(): pass\n        def h(): pass\n"],
  ["is literal", "x = 5\nprint(x is 1000, x is not 'a', x is None, x is -1)\n"],
  ["large tuple", "t = (" + Array.from({ length: 300 }, (_, i) => i).join(", ") + ")\n"],
  ["long list", "l = [" + Array.from({ length: 40 }, (_, i) => `x${i}`).join(", ") + "]\n"],
  ["private names", "class _Account:\n    __count = 0\n    def __init__(self, __v, *, __k=1):\n        self.__balance = __v\n        _Account.__count += 1\n        del self.__tmp\n    def __dunder__(self):\n        return self.__balance.__add__(1)\n    def get(self):\n        def inner(): return __count\n        return self.__balance\nclass ___:\n    __y = 1\n"],
  ["calls with many arguments", "f(" + Array.from({ length: 31 }, (_, i) => `a${i}`).join(", ") + ")\nf(" + Array.from({ length: 16 }, (_, i) => `k${i}=${i + 1000}`).join(", ") + ")\no.m(" + Array.from({ length: 29 }, (_, i) => `a${i}`).join(", ") + ")\no.m(" + Array.from({ length: 14 }, (_, i) => `k${i}=${i}`).join(", ") + ", x=1)\nf(1, 2, 3, *a, k=1, j=2, **kw)\nf(1, 2, **kw)\n"],
  ["except star", "def f():\n    try:\n        g()\n    except* ValueError as eg:\n        h(eg)\n    except* (TypeError, KeyError):\n        pass\n"],
  ["float reprs", "a = 1.5\nb = 1e100\nc = 1e-7\nd = 0.1 + 0.2\ne = 1e16\nf = 123456789012345678.0\ng = -0.0\nh = 2.5e-5\n"],
];

describe("code objects match python3's compile()", () => {
  const oracle = pythonCompile(CASES.map(([, src]) => ({ src })));
  CASES.forEach(([name, src], i) => {
    it(name, () => {
      const expected = oracle[i]!;
      expect(expected.ok, "python3 compiles it").toBe(true);
      const unit = compileModule(src, "f.py", "exec");
      const got = summarize(unit.code);
      if (expected.ok) {
        const ok = JSON.stringify(got) === JSON.stringify(expected.codes);
        if (!ok) console.log(disassemble(unit.code));
        expect(got).toEqual(expected.codes);
      }
    });
  });
});

describe("eval mode matches python3's compile(..., 'eval')", () => {
  const sources = ["1000 + x", "[i * 2 for i in range(3)]", "f(a, b=2)", "'text'"];
  const oracle = pythonCompile(sources.map((src) => ({ src, mode: "eval" as const })));
  sources.forEach((src, i) => {
    it(JSON.stringify(src), () => {
      const expected = oracle[i]!;
      expect(expected.ok).toBe(true);
      if (expected.ok) expect(summarize(compileModule(src, "f.py", "eval").code)).toEqual(expected.codes);
    });
  });
  it("rejects statements", () => {
    expect(() => compileModule("x = 1", "f.py", "eval")).toThrow(/invalid syntax/);
  });
});
