// The functools module against python3: the recursion levels a cached call takes, the LRU order of a
// bounded cache, cache keys, partial's merging of arguments, reduce's releases on an error, and tracebacks
// without the module's own frames (python3's are C code).
import { describe, expect, it } from "vitest";
import { run, runDetailed } from "../src/index.js";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-functools-");
const lines = (...l: string[]) => l.join("\n") + "\n";

describe("functools", () => {
  it("takes two recursion levels per cached call, as python3's C wrapper and the function's frame", () =>
    expectSameAsPython(
      cpython,
      "cached-depth",
      lines(
        "import sys",
        "from functools import lru_cache, cache",
        "sys.setrecursionlimit(200)",
        "@lru_cache(maxsize=None)",
        "def fib(n):",
        "    return n if n < 2 else fib(n - 1) + fib(n - 2)",
        "print(fib(99))",
        "fib.cache_clear()",
        "try:",
        "    fib(100)",
        "except RecursionError as e:",
        "    print(e, fib.cache_info())",
        "def outer():",
        "    fib.cache_clear()",
        "    return fib(100)",
        "try:",
        "    outer()",
        "except RecursionError as e:",
        "    print(e)",
        "@cache",
        "def down(n):",
        "    if n == 0:",
        "        raise ValueError('bottom')",
        "    return down(n - 1)",
        "down(3)",
      ),
    ));

  // the eval loop runs a cached function's frame itself: thousands of cached levels, where each used to
  // nest JavaScript calls and ran out of stack near 1 300 (~250 under Node's default stack)
  it("recurses through cached calls as deep as python3's recursion limit, with its errors at the limit", () => {
    const source = lines(
      "import sys",
      "from functools import lru_cache, cache",
      "sys.setrecursionlimit(6100)",
      "@lru_cache(maxsize=None)",
      "def fib(n):",
      "    return n if n < 2 else fib(n - 1) + fib(n - 2)",
      "print(fib(3000) % 1000000007, fib.cache_info())",
      "@cache",
      "def down(n):",
      "    return 0 if n == 0 else 1 + down(n - 1)",
      "def at(d, n):",
      "    if d:",
      "        return at(d - 1, n)",
      "    down.cache_clear()",
      "    try:",
      "        return down(n)",
      "    except RecursionError as e:",
      "        return str(e), down.cache_info()",
      "for d in range(3):",
      "    print(d, [at(d, n) for n in (3046, 3047, 3048)])",
      "@lru_cache(maxsize=3)",
      "def g(n, step=1):",
      "    if n % 1000 == 999:",
      "        raise ValueError(n)",
      "    return 0 if n <= 0 else g(n - step, step=step) + 1",
      "try:",
      "    g(2500, step=1)",
      "except ValueError as e:",
      "    print('ValueError', e, g.cache_info())",
      "print(g(998, step=2), g.cache_info())",
      "sys.setrecursionlimit(1000)",
      "down.cache_clear()",
      "down(2000)",
    );
    const want = cpython("cached-deep.py", source);
    // (a wall-time limit above the default 10 s: the machine may be busy)
    const { result, heap } = runDetailed(source, { filename: "cached-deep.py", limits: { timeoutMs: 300_000 } });
    expect(result.stdout).toBe(want.stdout);
    expect(result.stderr).toBe(want.stderr);
    expect(result.exitCode).toBe(want.status);
    expect(heap.leaked).toEqual([]);
    expect(heap.check).toEqual({ ok: true });
  });

  it("keeps a cached recursion's frames in a line trace, and python3's output", () =>
    expectSameAsPythonBothTraces(
      cpython,
      "cached-traced",
      lines(
        "import sys",
        "from functools import lru_cache",
        "@lru_cache(maxsize=3)",
        "def f(n):",
        "    if n == 3:",
        "        print([sys._getframe(k).f_code.co_name for k in range(4)])",
        "    return n if n < 2 else f(n - 1) + f(n - 2)",
        "print(f(12), f.cache_info())",
        "@lru_cache",
        "def bad(n):",
        "    return 1 // n if n < 1 else bad(n - 1)",
        "try:",
        "    bad(3)",
        "except ZeroDivisionError as e:",
        "    tb = e.__traceback__",
        "    names = []",
        "    while tb:",
        "        names.append(tb.tb_frame.f_code.co_name)",
        "        tb = tb.tb_next",
        "    print(names, bad.cache_info())",
      ),
    ));

  it("hashes a cached call's key once, through every dict operation of the call", () =>
    expectSameAsPython(
      cpython,
      "cached-hash-once",
      lines(
        "from functools import lru_cache, cache",
        "class K:",
        "    def __init__(self, v): self.v = v",
        "    def __hash__(self):",
        "        print(\"hash\", self.v); return hash(self.v)",
        "    def __eq__(self, o):",
        "        print(\"eq\", self.v, o.v); return self.v == o.v",
        "@cache",
        "def f(k, j=0): return k.v + j",
        "print(f(K(1))); print(f(K(1))); print(f(K(2), j=3)); print(f(K(2), j=3))",
        "@cache",
        "def t(pair): return len(pair)",
        "print(t((K(4), (K(5), 6)))); print(t((K(4), (K(5), 6))))",
        "@cache",
        "def e(k):",
        "    if k.v > 0:",
        "        return e(K(k.v - 1)) + 1",
        "    return 0",
        "print(e(K(3)), e.cache_info())",
        "class Bad:",
        "    def __hash__(self): raise ValueError(\"no hash\")",
        "try:",
        "    f(Bad())",
        "except ValueError as x:",
        "    print(\"ValueError\", x, f.cache_info())",
        "print(sorted(map(f, [K(1), K(7)])))",
        "print(f.cache_info())",
      ),
    ));

  it("evicts the least recently used entry, and leaves a key a recursion cached where it is", () =>
    expectSameAsPython(
      cpython,
      "lru-order",
      lines(
        "from functools import lru_cache",
        "log = []",
        "@lru_cache(maxsize=2)",
        "def f(x):",
        "    log.append(x)",
        "    return x",
        "for x in [1, 2, 1, 3, 2, 1, 3, 3]:",
        "    f(x)",
        "print(log, f.cache_info())",
        "@lru_cache(maxsize=3)",
        "def r(n):",
        "    return 0 if n == 0 else r(n - 1) + r(n - 1) + 1",
        "print(r(6), r.cache_info(), r(0), r(6), r.cache_info())",
        "@lru_cache",
        "def kw(a=0, b=0):",
        "    log.append((a, b))",
        "    return a",
        "log.clear()",
        "kw(a=1, b=2); kw(b=2, a=1); kw(a=1, b=2); kw(1, 2); kw(1, b=2)",
        "print(log, kw.cache_info())",
        "@lru_cache(maxsize=None, typed=True)",
        "def t(x, *, y=0):",
        "    return x",
        "t(1, y=1); t(1.0, y=1); t(1, y=1.0); t(1, y=1); t('1'); t('1')",
        "print(t.cache_info())",
        "@lru_cache(maxsize=None)",
        "def boom(x):",
        "    raise KeyError(x)",
        "for i in range(2):",
        "    try:",
        "        boom(1)",
        "    except KeyError:",
        "        pass",
        "print(boom.cache_info())",
      ),
    ));

  it("merges a partial's arguments with the call's, and nests partials flat", () =>
    expectSameAsPython(
      cpython,
      "partial",
      lines(
        "from functools import partial",
        "def f(*a, **k):",
        "    return a, k",
        "p = partial(f, 1, x=1, y=2)",
        "print(p(2, y=3, z=4), p(), partial(p, 5, z=6)(7).__repr__())",
        "q = partial(p, 5, z=6)",
        "print(q.func is f, q.args, q.keywords)",
        "class P(partial):",
        "    pass",
        "s = P(p, 9)",
        "print(type(s).__name__, s.func is p, s.args, s(10))",
        "print(repr(s).startswith('__main__.P(functools.partial(<function f at '))",
        "class C:",
        "    m = partial(f, 'unbound')",
        "print(C().m(1))",
        "def g(a, b):",
        "    return a // b",
        "partial(g, 1)(0)",
      ),
    ));

  it("reduce stops at the function's error and releases what it held", () =>
    expectSameAsPython(
      cpython,
      "reduce-error",
      lines(
        "from functools import reduce",
        "def step(acc, x):",
        "    if x == 3:",
        "        raise ValueError('three')",
        "    return acc + [x]",
        "try:",
        "    reduce(step, iter([1, 2, 3, 4]), [])",
        "except ValueError as e:",
        "    print('ValueError', e)",
        "print(reduce(step, (x for x in [1, 2]), []), reduce(lambda a, b: a, [], None), reduce(max, 'zebra'))",
        "reduce(step, [1, 3])",
      ),
    ));

  it("merges a partial's keywords in python3's order, and names, nests and dispatches as python3 does", () =>
    expectSameAsPython(
      cpython,
      "partial-order",
      lines(
        "from functools import partial, lru_cache, total_ordering, singledispatch",
        "def f(*a, **k):",
        "    return a, k",
        "print(partial(f, 1, a=1, b=2)(2, a=3, c=4), partial(f, x=1, y=2)(y=5, x=6, z=0))",
        "p = partial(f, 1)",
        "p.note = 'kept'",
        "q = partial(p, 2)",
        "print(q.func is p, q.args, partial(partial(f, 1), 2).args)",
        "class P(partial):",
        "    pass",
        "print(repr(P(len, 'ab')), P(len, 'ab')())",
        "@lru_cache",
        "def h(x):",
        "    return x",
        "h(1, **{})",
        "h(1)",
        "print(h.cache_info())",
        "@total_ordering",
        "class T:",
        "    def __init__(self, v):",
        "        self.v = v",
        "    def __le__(self, o):",
        "        return self.v <= o.v",
        "print([(m.__name__, m.__qualname__) for m in (T.__lt__, T.__gt__, T.__ge__)])",
        "@singledispatch",
        "def s(x):",
        "    return 'base'",
        "def i(x):",
        "    return 'int'",
        "i.__annotations__ = {'x': 'int'}",
        "def r(x):",
        "    return 'str'",
        "r.__annotations__ = {'return': str}",
        "s.register(i)",
        "s.register(r)",
        "print(s(1), s('a'), s(2.0))",
        "def bad(x):",
        "    pass",
        "bad.__annotations__ = {'x': 1}",
        "try:",
        "    s.register(bad)",
        "except TypeError as e:",
        "    print(e)",
      ),
    ));

  it("binds a partialmethod of a function, a classmethod, a staticmethod and a partialmethod as python3 does", () =>
    expectSameAsPython(
      cpython,
      "partialmethod",
      lines(
        "import functools",
        "class Cell:",
        "    def __init__(self): self.v = None",
        "    def set(self, v, note=\"\"): self.v = v; return note",
        "    reset = functools.partialmethod(set, 0)",
        "    mark = functools.partialmethod(set, note=\"marked\")",
        "    both = functools.partialmethod(mark, 5)",
        "    @classmethod",
        "    def make(cls, n): return (cls.__name__, n)",
        "    make7 = functools.partialmethod(make, 7)",
        "    @staticmethod",
        "    def st(a, b): return a - b",
        "    st10 = functools.partialmethod(st, 10)",
        "    lam = functools.partialmethod(lambda self, a, b: (type(self).__name__, a, b), \"A\")",
        "c = Cell()",
        "print(c.reset(), c.v, c.mark(3), c.v, c.both(), c.v, c.make7(), Cell.make7(), c.st10(4), c.lam(\"B\"))",
        "print(type(c.reset).__name__, c.reset.args, c.reset.keywords, Cell.mark.__name__)",
        "print(Cell.reset(c), c.v, Cell.both(c), c.v, Cell.lam(c, 1))",
        "print(c.mark(9, note=\"x\"), c.v)",
        "try: functools.partialmethod(3)",
        "except TypeError as e: print(e)",
        "print(repr(functools.partialmethod(max, 1, key=abs)), repr(functools.partialmethod(min)))",
        "print(Cell.__dict__[\"reset\"].__isabstractmethod__)",
      ),
    ));

  it("is made on import, only then", () => {
    expect(run("import functools\nprint(functools.reduce(max, [1, 3, 2]))\n").stdout).toBe("3\n");
    expect(run("import sys\nprint('functools' in sys.modules)\n").stdout).toBe("False\n");
  });
});
