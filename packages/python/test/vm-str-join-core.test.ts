/**
 * str.join of an exact list or tuple (joined in the core from the container's own item array) and
 * f-strings whose int pieces are formatted without vm.format, against python3: text, kind and size of
 * the results, identities (one item is the item itself when it is an exact str; an empty result the
 * shared ''), reference counts of the items and the separator, the TypeError for the first item that is
 * no str (a list and a tuple, at the start, the middle and the end), str subclass items and separators,
 * which block later objects take. Untraced and line-traced; the heap must be leak-free and consistent.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-str-join-core-");

const cases: [string, string][] = [
  [
    "lists and tuples of each kind, separators, identities and counts",
    `import sys
class S(str):
    pass
e = str()
items = ["ab", "é", "Ωx", "😀", "", "c" * 30, S("sub"), chr(0x263a)]
for sep in ["", ",", "é", "--", "😀", S("|"), e]:
    for n in range(0, 6):
        xs = items[n:n + 4] if n % 2 else items[:n]
        for seq in (list(xs), tuple(xs)):
            r = sep.join(seq)
            print(repr(r), type(r).__name__, len(r), sys.getsizeof(r), r is e)
d1 = "".join(["dy", "n1"])
d2 = "".join(["dy", "n2"])
sep = "".join(["<", ">"])
for seq in ([d1, d2, d1], (d2, d1)):
    r = sep.join(seq)
    print(r, sys.getrefcount(d1), sys.getrefcount(d2), sys.getrefcount(sep), sys.getrefcount(r))
one = "".join(["x", "y"])
print(",".join([one]) is one, ",".join((one,)) is one, sys.getrefcount(one))
print(",".join([]) is e, "".join(()) is e, "".join([e, e]) is e, ",".join([e]) is e)
s = S("q")
r = "".join([s])
print(type(r).__name__, r is s, r == s)
a = ",".join([str(i) for i in range(5)])
b = ",".join([str(i) for i in range(5)])
print(a, a is b, id(a) == id(b))
del a
c = "-".join(["1", "2", "3", "4"])
print(c)
`,
  ],
  [
    "an item that is no str",
    `for seq in ([1, "a"], ["a", 2.5, "b"], ["a", "b", None], ("a", b"x"), ("a", "b", ["c"])):
    try:
        ",".join(seq)
    except TypeError as e:
        print(type(seq).__name__, e)
class S(str):
    pass
try:
    S("-").join(["a", 3])
except TypeError as e:
    print(e)
`,
  ],
  [
    "f-string int pieces",
    `import sys
n = 7
big = 2 ** 70
neg = -12345
for r in (f"{n}", f"{n}:{n}", f"{neg}{n}", f"{big}|{neg}", f"{True}{n}", f"{n!r}{n!s}", f"{n:3}"):
    print(repr(r), len(r), sys.getsizeof(r))
x = f"{n}"
print(x is str(n), x == "7", sys.getrefcount(n) > 0)
class I(int):
    def __format__(self, spec):
        return "I!"
print(f"{I(3)}", f"{I(3)}{n}")
`,
  ],
];

describe("str.join in the core, f-string int pieces", () => {
  for (const [name, src] of cases) {
    it(name, () => {
      expectSameAsPythonBothTraces(cpython, name, src);
    });
  }
});
