/**
 * Format specs as CPython 3.11 parses them (differences the differential fuzzer found): a leading '0'
 * pads with zeros without forcing '=' alignment (so strs take it, and an explicit alignment keeps it),
 * ',' and '_' are checked against the presentation type (`f"{'':,}"` is a ValueError), and 'z' drops
 * the sign of a float that rounds to zero; int / int past 2^53 and float ** int round the exact result
 * once.
 * Compared with python3 byte for byte.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-format-spec-");

describe("format specs as in CPython 3.11", () => {
  it("zero fill, grouping and 'z' with ints, floats, bools and strs", () => {
    expectSameAsPython(cpython, "format-spec-fill-grouping", `for v, spec in ((5, '<05'), (5, '^07'), (-5, '<06'), (5.5, '<07'), ('ab', '010'), ('', '010'), ('ab', '<010'), ('ab', 'x<010'), ('ab', '>010'), (5, 'x<05'), (5, '05'), (-5, '05'), ('ab', '^09'), ('ab', '0'), ('ab', '00')):
    try:
        print(repr(format(v, spec)))
    except ValueError as e:
        print('ValueError', e)
for spec in (',', '_', ',s', '_s', ',x', '_x', ',d', '10,', '_b', ',c', '010,'):
    try:
        print(repr(format('ab', spec)))
    except ValueError as e:
        print('ValueError', e)

for v in (5, -5, 5.5, 1234567, -0.0, True):
    for spec in ('<05', '>05', '^07', '=07', 'x<05', '05', '+06', ',', '_', ',n', '_n', ',c', '_x', ',x', ',b', '_o', ',e', ',%', '010,', '0=10,', ',.2f', '_g', ' 08', ',s', 'z05'):
        try:
            print(v, spec, repr(format(v, spec)))
        except (ValueError, TypeError) as e:
            print(v, spec, type(e).__name__, e)
print(f"{'':010}", f"{'ab':>010}", f"{7:,}", f"{'x':^5}")
try:
    print(f"{'':,}")
except ValueError as e:
    print(e)
for v, spec in ((-0.0001, 'z.2f'), (-0.0001, 'z.2e'), (-0.0, 'z'), (-0.0, 'zg'), (-1e-9, 'z%'), (-0.5, 'z.0f'), (-0.6, 'z.0f'), ('a', 'z'), ('a', '+z'), (float('-nan'), 'z'), (-0.0, 'z,.1f'), (-0.001, 'z=+8.1f')):
    try:
        print(v, spec, repr(format(v, spec)))
    except (ValueError, TypeError) as e:
        print(v, spec, type(e).__name__, e)
`);
  });
  it("int / int past 2^53: the exact quotient rounded once, subnormals and overflow", () => {
    expectSameAsPython(cpython, "int-true-divide", `print(9007199254740993 / 66)
print(2**53 / 3, (2**53 + 1) / 3, (2**64 + 1) / 7, -(2**70 + 3) / 11, 10**30 / 3, 10**300 / 10**290, 1 / 10**320, 2**1023 * 3 // 2 / 1)
for a, b in ((10**400, 10**399), (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 3 * 2**1073), (2**1024, 1), (-(2**1024 - 2**970), 1), (2**1024 - 2**970, 1), (2**1024 - 2**971, 1), (0, 10**30), (-5, 10**30), (2**1075 + 1, 2**2150), (2**54 + 3, 2)):
    try:
        print(a / b)
    except OverflowError as e:
        print('OverflowError', e)
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed % n
out = []
for i in range(400):
    a = rnd(10 ** (1 + rnd(60))) - rnd(10 ** (1 + rnd(40)))
    b = (1 + rnd(10 ** (1 + rnd(60)))) * (1 if rnd(2) else -1)
    out.append(repr(a / b))
print(' '.join(out))
`);
  });
  it("float ** int: the exact power rounded once (constant-folded or computed at run time)", () => {
    expectSameAsPython(cpython, "float-pow", `print(961.3891935753043 ** 5)
x = 961.3891935753043
print(x ** 5, x ** -5, pow(x, 7), (-x) ** 3, (-x) ** 4, 0.1 ** 3, 1.1 ** 100, 1.0000001 ** 1000, 2.0 ** -1074, 2.0 ** -1075, 3.0 ** -700)
print(2 ** -3, 7 ** -5, (-3) ** -7, 10 ** -20, 0.5 ** 1100, 1.5 ** 0, (-2.5) ** 1)
for a, b in ((1e300, 2), (10.0, 309), (-10.0, 309), (2.0, 1024), (1.7976931348623157e308, 1)):
    try:
        print(a ** b)
    except OverflowError as e:
        print('OverflowError', e)
seed = 99
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed % n
out = []
for i in range(600):
    v = (rnd(10**16) + 1) / 10 ** rnd(17) * (1 if rnd(2) else -1)
    k = rnd(12) - 4
    try:
        out.append(repr(v ** k))
    except (OverflowError, ZeroDivisionError) as e:
        out.append(type(e).__name__)
print(' '.join(out))
`);
  });
});
