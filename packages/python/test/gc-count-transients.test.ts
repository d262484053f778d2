// Objects CPython makes and frees inside one instruction move gc.get_count() while they live: an automatic
// collection that starts among them leaves other counts behind. Each statement below runs with count0 at
// every value from which a collection (threshold 20) starts somewhere inside it; the counts after it must
// be python3's.
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-gc-transients-");

/** The statement after 0..20 kept lists, threshold 20, then the counts. */
function sweep(statement: string): string {
  return [
    "import gc, sys",
    "out = []",
    "for k in range(21):",
    "    gc.set_threshold(20)",
    "    gc.collect()",
    "    keep = [[] for _ in range(k)]",
    ...statement.split("\n").map((l) => `    ${l}`),
    "    c = gc.get_count()",
    "    gc.set_threshold(700)",
    "    out.append(c)",
    "    del keep",
    "sys.stdout.write(repr(out) + '\\n')",
    "",
  ].join("\n");
}

describe("gc counts around objects CPython frees within the instruction", () => {
  const cases: [string, string][] = [
    ["print() of several pieces (the bound write method of each)", "print(k, 'x', end='')\nprint()"],
    ["print() of a tuple among plain pieces (the tuple's repr makes GC objects)", "print(k, (k, 'a'), 2.5, None, end='')\nprint(True, -k, 'y' * k)"],
    ["a class statement (type.__prepare__, super and __init_subclass__ bindings)", "class A:\n    pass"],
    ["dict(iterable of pairs) (no AttributeError for keys, pairs read as sequences)", "d = dict([(1, 2), [3, 4]])"],
    ["dict.update and set.update (their arguments packed in a tuple)", "d = {}\nd.update([(1, 2)], a=1)\ns = set()\ns.update([1], (2,))"],
    ["repr of dict views (a list of the view, an items view's pairs)", "r = repr({k: [k]}.items()), repr({1: (k,)}.values()), str({}.keys())"],
    ["repr of an exception with two arguments (its args tuple's repr)", "r = repr(ValueError(k, 'a')), repr(KeyError())"],
  ];
  for (const [name, statement] of cases) it(name, () => expectSameAsPython(cpython, name, sweep(statement), 50));

  it("print() writes the pieces before one whose str() raises, and str() of an int subclass runs its __str__", () =>
    expectSameAsPython(
      cpython,
      "print-partial",
      "import sys\nclass I(int):\n    def __str__(self):\n        return 'I' + repr(gc_count())\nimport gc\ngc_count = gc.get_count\nfor big in [10**5000, -(10**5000)]:\n    try:\n        print(1, 'a', 2**40, big, 'never')\n    except ValueError as e:\n        print()\n        print(type(e).__name__)\ngc.collect()\nprint(1, I(5), 2.5, sep='|', end='!\\n')\nprint(3, 4, file=sys.stderr)\nprint('x', None, True, sep=None, end=None)\n",
    ));

  it("the first repr of a dict view or of an exception's args makes python3's repr list, and a float power's overflow has two arguments", () =>
    expectSameAsPython(
      cpython,
      "first-repr",
      [
        "import gc",
        "for make in ['{1: 2}.keys()', '{}.values()', '{1: [2]}.items()', 'ValueError(1, 2)', 'OverflowError()']:",
        "    print(make, eval(f'repr({make})'))",
        "    gc.collect()",
        "    a = gc.get_count()",
        "    b = gc.get_count()",
        "    print(a, b)",
        "for f in [lambda: 1e300 ** 2, lambda: 10 ** 400.0, lambda: (-1e200) ** 3, lambda: pow(2.0, 5000)]:",
        "    try:",
        "        f()",
        "    except OverflowError as e:",
        "        print(repr(e), e.args, e)",
        "d = {}",
        "d[1] = d.values()",
        "d[2] = d.items()",
        "e = ValueError(1)",
        "e.args = (e, [e])",
        "print(d, d.keys(), repr(e))",
      ].join("\n") + "\n",
    ));

  it("the README's automatic collection: keep.append((i, [])) and print(i, gc.get_count()) past 700", () =>
    expectSameAsPython(cpython, "auto-gc", "import gc\ngc.collect()\nkeep = []\nfor i in range(360):\n    keep.append((i, []))\n    if i > 340:\n        print(i, gc.get_count())\n"));
});
