// The itertools module against python3: every combinatoric generator's items and order for small inputs,
// how much of a shared iterator islice, takewhile and zip_longest take, groupby's groups once the outer
// iterator moves on, tee's independent copies, what each constructor takes up at once, and tracebacks
// without the module's own frames (python3's are C code).
import { describe, expect, it } from "vitest";
import { run } from "../src/index.js";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-itertools-");
const lines = (...l: string[]) => l.join("\n") + "\n";

describe("itertools", () => {
  it("gives python3's combinatoric items in python3's order", () =>
    expectSameAsPython(
      cpython,
      "combinatorics",
      lines(
        "from itertools import permutations, combinations, combinations_with_replacement, product",
        "for n in range(4):",
        "    for r in range(5):",
        "        s = 'abcd'[:n]",
        "        print(n, r, list(permutations(s, r)), list(combinations(s, r)), list(combinations_with_replacement(s, r)))",
        "print(list(permutations([3, 1, 2])), list(permutations('ab', None)), list(product('ab', [0, 1], repeat=2)))",
        "print(list(product(iter('ab'), iter('xy'))), list(product('ab', repeat=0)), list(product('', 'ab')))",
        "print(list(combinations([1, 1, 2], 2)), list(permutations([1, 1])))",
      ),
    ));

  it("takes from a shared iterator what python3's C code takes", () =>
    expectSameAsPython(
      cpython,
      "consumption",
      lines(
        "from itertools import islice, takewhile, dropwhile, zip_longest, chain, pairwise, count",
        "s = iter(range(20))",
        "print(list(islice(s, 3, 1)), next(s), list(islice(s, 1, 6, 2)), next(s), list(islice(s, None)), next(s, 'end'))",
        "s = iter(range(10))",
        "i = islice(s, 2)",
        "print(list(i), list(i), next(s))",
        "s = iter(range(10))",
        "print(list(takewhile(lambda x: x < 3, s)), next(s))",
        "s = iter(range(10))",
        "d = dropwhile(lambda x: x < 3, s)",
        "print(next(d), next(s), list(d))",
        "a, b = iter('ab'), iter('xyz')",
        "print(list(zip_longest(a, b)), next(a, '-'), next(b, '-'))",
        "print(list(zip(count(), islice(count(1, 0.5), 3))), list(pairwise('a')), list(pairwise('')))",
        "c = chain('ab', 'c')",
        "print(next(c), list(c), list(c))",
      ),
    ));

  it("ends a groupby group once the outer iterator moves on, and copies tee's iterators independently", () =>
    expectSameAsPython(
      cpython,
      "groupby-tee",
      lines(
        "from itertools import groupby, tee",
        "groups = [(k, g) for k, g in groupby('aabbbca')]",
        "print([(k, list(g)) for k, g in groups])",
        "g = groupby([1, 1, 2, 2, 2, 3], key=lambda x: x > 1)",
        "k, first = next(g)",
        "print(k, next(first))",
        "k2, second = next(g)",
        "print(k2, list(first), list(second), list(g))",
        "class K:",
        "    def __init__(self, v): self.v = v",
        "    def __eq__(self, o):",
        "        print('eq', self.v, o.v)",
        "        return self.v == o.v",
        "print([(k.v, len(list(g))) for k, g in groupby([K(1), K(1), K(2)])])",
        "src = iter(range(5))",
        "a, b, c = tee(src, 3)",
        "print(next(a), next(a), next(b), list(c), list(a), list(b), next(src, 'done'))",
        "x, y = tee(a)",
        "print(list(x), list(y), tee([], 0), len(tee('ab', 1)))",
        "p, q = tee('abc')",
        "r, s = tee(p)",
        "print(next(p), next(r), list(s), list(q))",
      ),
    ));

  it("takes up its arguments when python3 does, and shows no frame of its own in a traceback", () =>
    expectSameAsPython(
      cpython,
      "eager-and-tracebacks",
      lines(
        "import itertools",
        "def gen(name):",
        "    print('start', name)",
        "    yield 1",
        "p = itertools.product(gen('p'), gen('q'))",
        "c = itertools.chain(gen('c1'), gen('c2'))",
        "print('made')",
        "print(list(p), list(c))",
        "for make in [lambda: itertools.cycle(None), lambda: itertools.islice(3, 1), lambda: itertools.starmap(len, 3), lambda: itertools.groupby(7), lambda: itertools.zip_longest([], 1), lambda: itertools.permutations(2)]:",
        "    try:",
        "        make()",
        "    except TypeError as e:",
        "        print(e)",
        "def key(x):",
        "    return 1 / x",
        "for k, g in itertools.groupby([2, 1, 0], key):",
        "    print(k, list(g))",
      ),
    ));

  it("goes on after an error raised while making one item, as python3's C types do", () =>
    expectSameAsPython(
      cpython,
      "errors-mid-way",
      lines(
        "import itertools as it",
        "def f(*a):",
        "    if a and a[0] == 2: raise ValueError(\"two\")",
        "    return a",
        "def pred(x):",
        "    if x == 2: raise ValueError(\"two\")",
        "    return x < 4",
        "def add(a, b):",
        "    if b == 2: raise ValueError(\"two\")",
        "    return a + b",
        "def gen():",
        "    yield 1",
        "    yield 2",
        "    yield 3",
        "def grab(g, n=7):",
        "    out = []",
        "    for _ in range(n):",
        "        try:",
        "            out.append(next(g))",
        "        except StopIteration:",
        "            out.append(\"stop\"); break",
        "        except (ValueError, TypeError) as e:",
        "            out.append(type(e).__name__ + \": \" + str(e))",
        "    return out",
        "cases = {",
        " \"starmap\": lambda: it.starmap(f, [(1,), (2,), [3], 5, (4, 5)]),",
        " \"filterfalse\": lambda: it.filterfalse(pred, [1, 2, 3, 5, 0]),",
        " \"filterfalse None\": lambda: it.filterfalse(None, [1, 0, \"\", 3, None]),",
        " \"takewhile\": lambda: it.takewhile(pred, [1, 2, 3, 5, 1]),",
        " \"dropwhile\": lambda: it.dropwhile(pred, [2, 1, 5, 2, 1]),",
        " \"accumulate\": lambda: it.accumulate([1, 2, 3, 4], add),",
        " \"accumulate initial\": lambda: it.accumulate([2, 3], add, initial=10),",
        " \"accumulate tuples\": lambda: it.accumulate([(1,), (2,), (3,)]),",
        " \"accumulate empty\": lambda: it.accumulate([], initial=5),",
        " \"accumulate type error\": lambda: it.accumulate([1, \"a\", 2]),",
        " \"chain\": lambda: it.chain(map(f, [1, 2, 3]), [7], 5, [8]),",
        " \"chain.from_iterable\": lambda: it.chain.from_iterable(map(lambda x: f(x) and [x], [1, 2, 3])),",
        " \"chain.from_iterable bad\": lambda: it.chain.from_iterable([[1], 5, [2]]),",
        " \"compress\": lambda: it.compress(map(f, [1, 2, 3, 4]), [1, 1, 0, 1]),",
        " \"cycle\": lambda: it.cycle(map(f, [1, 2, 3])),",
        " \"cycle gen\": lambda: it.cycle(gen()),",
        " \"cycle empty\": lambda: it.cycle([]),",
        "}",
        "for name, mk in cases.items():",
        "    print(name, grab(mk()))",
        "for t in (it.starmap(f, []), it.chain(), it.cycle([1]), it.accumulate([1]), it.compress([], []), it.takewhile(pred, []), it.dropwhile(pred, []), it.filterfalse(pred, [])):",
        "    print(type(t).__name__, iter(t) is t, repr(t).split(\" at \")[0])",
        "print(list(it.islice(it.cycle(\"ab\"), 5)), list(it.accumulate(range(5))), list(it.chain(\"ab\", \"cd\")))",
        "try:",
        "    it.starmap(f)",
        "except TypeError as e:",
        "    print(e)",
      ),
    ));

  it("is made on import, only then", () => {
    expect(run("import itertools\nprint(list(itertools.islice(itertools.count(3), 2)))\n").stdout).toBe("[3, 4]\n");
    expect(run("import sys\nprint('itertools' in sys.modules)\n").stdout).toBe("False\n");
  });
});
