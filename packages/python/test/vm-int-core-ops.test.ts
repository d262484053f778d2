/**
 * BINARY_OP and COMPARE_OP on exact ints done by one core call (int_binary_small, int_compare_small),
 * against python3: floor division and modulo of one-digit ints of every sign pairing, products up to and
 * past 2^53, + and − where an operand has two digits (the result keeps the digit x_add / x_sub allocate:
 * it shows in which freed blocks later ints take, i.e. in reused ids), accumulators crossing 2^30 both
 * ways, comparisons of two-digit ints, operands that die in the operation (their blocks reused by the
 * next result), and bools and int subclasses (which the core call leaves to the general path); and
 * BINARY_SUBSCR of an exact list by an int index, which reads the item from memory. Each program runs
 * untraced and line-traced; no leak, heap check clean.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-int-core-ops-");

/** Prints which of the ids seen before each new one reuses (index of the first equal id, or -1). */
const IDS = `def reuse(ids):
    seen = []
    out = []
    for i in ids:
        out.append(seen.index(i) if i in seen else -1)
        seen.append(i)
    return out
`;

const cases: [string, string][] = [
  [
    "floor division, modulo and the bit operators of one-digit ints of both signs",
    `def f(vals):
    out = []
    for a in vals:
        for b in vals:
            if b:
                out.append((a // b, a % b))
            out.append((a & b, a | b, a ^ b, a + b, a - b))
    return out
print(f([0, 1, -1, 7, -7, 255, 256, 257, -256, -257, 1000003, -1000003, 2**30 - 1, -(2**30 - 1)]))
`,
  ],
  [
    "products of one-digit ints up to and past 2^53, and their sizes",
    `import sys
def f():
    out = []
    for a in (3, -3, 2**26, -(2**26), 2**29 + 7, 2**30 - 1, -(2**30 - 1)):
        for b in (0, 1, -1, 2**23, 2**24, 2**30 - 1):
            p = a * b
            out.append((p, sys.getsizeof(p)))
    return out
print(f())
`,
  ],
  [
    "two-digit accumulators: + and - across 2^30 and 2^53, ids of the results reused",
    `${IDS}
def f():
    ids = []
    vals = []
    s = 2**30 - 3
    for i in range(8):
        s = s + i
        vals.append(s)
        ids.append(id(s))
    t = -(2**31)
    for i in range(8):
        t -= 2**29 + i
        vals.append(t)
        ids.append(id(t))
    u = 2**53 - 5
    for i in range(4):
        u += 1
        vals.append(u)
    v = 2**40
    ids = []
    a = 2**30 - 3
    b = -(2**31)
    for i in range(10):
        a = a + i
        z = i + 1000
        b -= 2**29 + i
        ids += [id(a), id(z), id(b)]
    w = v - 2**40 + 7
    x = v + (-(2**40))
    y = 2**31 - 2**31
    vals += [w, x, y]
    return vals, reuse(ids)
print(f())
`,
  ],
  [
    "operands dying in the operation give their blocks to the next results",
    `${IDS}
def f(n):
    ids = []
    s = 0
    k = 1000
    for i in range(n):
        s = (s + i * 3) % 1000003
        k = (k * 7) // 3 % 100000 + 1000
        ids.append(id(s))
        ids.append(id(k))
    return s, k, reuse(ids)
print(f(40))
`,
  ],
  [
    "comparisons of two-digit ints, equal values in different objects, and the bools they give",
    `import sys
def f():
    vals = [2**30, 2**30 + 1, -(2**30), 2**53 - 1, 2**59, -(2**59), 2**60, 5, -5]
    out = []
    for a in vals:
        for b in vals:
            out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
    a = 2**40 + 1
    b = 2**40 + int("1")
    out.append((a == b, a is b, a < b))
    return out
print(f())
`,
  ],
  [
    "bools and int subclasses as operands take the general path",
    `class I(int):
    def __add__(self, other):
        return "I+"
    def __lt__(self, other):
        return "I<"
def f():
    return [True + True, True * 3, 7 // True, I(2) + 3, 3 + I(2), I(2) < 5, 5 < I(2), False < 1, I(2) - 1, type(I(2) - 1)]
print(f())
`,
  ],
  [
    "list items by an int index read from memory: negatives, the ends, out of range, bools, int subclasses, a list that dies in the subscript",
    `import sys
class I(int):
    pass
def f():
    xs = [10 * k + 1000 for k in range(20)]
    out = [xs[0], xs[19], xs[-1], xs[-20], xs[True], xs[False], xs[I(3)], xs[-I(2)]]
    for bad in (20, -21, 2**30, -(2**31), 2**70):
        try:
            xs[bad]
        except IndexError as e:
            out.append(str(e))
    out.append([sys.getrefcount(xs[5]) for _ in range(2)])
    out.append([k * 2 for k in range(5)][3])
    t = xs[4]
    del xs
    out.append(t)
    return out
print(f())
`,
  ],
];

describe("int operations done in one core call, against python3", () => {
  for (const [name, source] of cases) it(name, () => expectSameAsPythonBothTraces(cpython, name, source));
});
