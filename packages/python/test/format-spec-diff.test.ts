/**
 * Format specs as CPython 3.11 parses them (differences the differential fuzzer found): a leading '0'
 * pads with zeros without forcing '=' alignment (so strs take it, and an explicit alignment keeps it),
 * ',' and '_' are checked against the presentation type (`f"{'':,}"` is a ValueError), and 'z' drops
 * the sign of a float that rounds to zero. Compared with python3 byte for byte.
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
});
