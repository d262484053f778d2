/**
 * str() of ints made in the core (str(), format(), f-strings and str.format of an exact int) and the int
 * results of BINARY_OP made together with the release of their operands, against python3: the objects'
 * sizes, refcounts and identity, and which freed blocks later objects take (their ids), around the digit
 * limits (one and two 30-bit digits, 2^53, 2^60) and for bools and int subclasses, which take other paths.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-int-str-");

const VALUES = `[0, 1, -1, 5, -5, 9, -6, 256, 257, -257, 2**29, 2**30 - 1, 2**30, -(2**30), 2**53, 2**59 - 1, 2**59,
 -(2**59), 2**60 - 1, 2**60, -(2**60), -(2**60) + 1, 2**63, -(2**63), 10**19, 10**30]`;

const cases: [string, string][] = [
  [
    "str(), format(), f-strings and str.format of ints: sizes, refcounts, fresh objects and the blocks they reuse",
    `import sys
vals = ${VALUES}
out = []
for v in vals:
    # the strs themselves are not kept in out, so that their blocks are freed by del
    s = str(v)
    t = str(v)
    out.append((s == repr(v), len(s), sys.getsizeof(s), sys.getrefcount(s), s is t, s is str(v)))
    ids = id(s)
    del s
    u = format(v)
    out.append((u == t, id(u) == ids, sys.getrefcount(u), u is t))
    del u
    w = f"{v}"
    idw = id(w)
    x = "{}".format(v)
    out.append((w == t, x == t, idw == ids, id(x) == ids, sys.getrefcount(w), w is x))
    del w, x, t
    r = str(-v)
    out.append((len(r), id(r) == ids, id(r) == idw))
    del r
print(out)
`,
  ],
  [
    "str() of bools and int subclasses (their own paths) and of ints beside them",
    `import sys
class I(int):
    pass
class J(int):
    def __str__(self):
        return "j" + int.__repr__(self)
# a bool's str is its own (bool_repr): only its text is compared here, and that it is not the int path's
bools = [(str(b), f"{b}", format(b), "{}".format(b), str(b) == str(int(b))) for b in (True, False)]
vals = [I(0), I(7), I(-2**40), I(2**60), J(3), J(2**45), 7, 2**45, -(2**59)]
out = []
for v in vals:
    s = str(v)
    t = f"{v}"
    out.append((type(v).__name__, s, t, sys.getsizeof(s), sys.getrefcount(s), s is t, s is str(v)))
    ids = id(s)
    del s, t
    n = str(3 * 2**41)
    out.append(id(n) == ids)
print(bools, out)
`,
  ],
  [
    "int results with spare digits and their operands' release: sizes, small ints shared, blocks reused in order",
    `import sys
def f():
    out = []
    big = 2**40
    zero, two_hundred = 0, 200
    edges = [2**30 - 1, 2**30, 2**30 + 1, 2**53 - 1, 2**52, 2**26, 2**27, -(2**30), -(2**53) + 1]
    for e in edges:
        for k in (-2, -1, 0, 1, 2):
            a = e + k
            b = k - e
            c = a * 3
            d = (a - b) - (a - b)
            g = (e + 300) - e
            h = (e + 200) - e
            out.append((a, sys.getsizeof(a), b, sys.getsizeof(b), c, sys.getsizeof(c), d is zero, g, sys.getsizeof(g), h is two_hundred))
            del a, b, c, d, g, h
    for k in range(8):
        x = big + k
        y = big * 2 + k
        ix, iy = id(x), id(y)
        z = x + y
        del x, y
        p = 1.5 * k
        q = 2.5 * k
        out.append((sys.getsizeof(z), id(p) == ix, id(q) == ix, id(p) == iy, id(q) == iy))
        del p, q
        s = (big + k) + (big + 1)
        t = (big * 2) * (k + 2)
        out.append((s, sys.getsizeof(s), t, sys.getsizeof(t), sys.getrefcount(s)))
        del s, t, z
    return out
print(f())
`,
  ],
];

describe("ints made in the core against python3", () => {
  for (const [name, source] of cases) {
    it(name, () => {
      expectSameAsPythonBothTraces(cpython, name.replace(/\W+/g, "-").slice(0, 60), source);
    });
  }
});
