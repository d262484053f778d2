/**
 * str operations that build their result inside the heap (str.join, str + str) or read ints' digits
 * straight from memory (str(int), format of an int, f-strings), against python3: the text, the kind and
 * size of the result (sys.getsizeof), which results are fresh objects and which are shared ones (the
 * empty str, the operand itself, the one-character cache), reference counts, and the errors. Untraced and
 * line-traced; the heap must be leak-free and consistent afterwards.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-str-ops-");

const cases: [string, string][] = [
  [
    "str.join: kinds, separators, sizes",
    `import sys
texts = ["", "a", "ab", "\\xe9", "caf\\xe9", "\\u0101x", "\\U0001F600", "z" * 40, "\\xff" * 3, "\\u20ac\\u20ac"]
out = []
for sep in ["", ",", "\\xe9", "\\u20ac", "\\U0001F601", "--"]:
    for i in range(len(texts)):
        for j in range(len(texts)):
            parts = [texts[i], texts[j], texts[(i + j) % len(texts)]]
            r = sep.join(parts)
            out.append((r, len(r), sys.getsizeof(r)))
print(len(out))
print(out[::7])
print(sys.getsizeof("".join(["a" * 100, "\\xe9"])), sys.getsizeof("".join(["\\U0001F600", "a" * 50])))
`,
  ],
  [
    "str.join: which results are shared objects",
    `import sys
a = chr(97)
e = chr(233)
empty = str()
r1 = "".join([a, empty])
print(r1 is a, sys.getrefcount(r1))
r2 = "".join([a])
print(r2 is a)
r3 = "".join([])
print(r3 is empty, len(r3))
r4 = ",".join([empty, empty])
print(r4 == ",", r4 is ",".join([empty, empty]), sys.getrefcount(r4))
r5 = "".join([e, empty])
print(r5 == e, r5 is e)
r6 = "".join([empty, empty, empty])
print(r6 is empty)
t = ("x", "y")
print("-".join(t), "".join(t[:1]) is t[0])
class S(str):
    pass
s = S("q")
r7 = "".join([s])
print(type(r7).__name__, r7 is s, r7)
r8 = "+".join([s, S("w")])
print(type(r8).__name__, r8)
print(":".join(x for x in "abc"), "".join(iter(["p", "q"])), "/".join({"k": 1, "l": 2}))
`,
  ],
  [
    "str.join: errors",
    `for bad in ([1, "a"], ["a", None], ("x", b"y"), 5, None):
    try:
        print(",".join(bad))
    except TypeError as err:
        print(err)
def gen():
    yield "a"
    raise ValueError("stop")
try:
    "".join(gen())
except ValueError as err:
    print("gen", err)
`,
  ],
  [
    "str + str",
    `import sys
a = chr(97)
empty = str()
b = a + empty
print(b is a, (empty + a) is a)
c = a + chr(98)
print(c, sys.getsizeof(c), sys.getrefcount(c))
d = "\\xe9" + "\\u20ac" + "\\U0001F600" + "x"
print(d, len(d), sys.getsizeof(d))
class S(str):
    pass
s = S("zz")
for r in (s + empty, empty + s, s + "y", "y" + s, s + s):
    print(type(r).__name__, r, sys.getsizeof(r))
t = ""
for i in range(300):
    t = t + chr(65 + i % 26)
    if i % 97 == 0:
        t = t + "\\u0100"
print(len(t), sys.getsizeof(t), t[-10:])
try:
    "a" + 1
except TypeError as err:
    print(err)
`,
  ],
  [
    "str(int), format of ints, f-strings",
    `import sys
vals = [0, 1, -1, 5, 9, 10, -10, 255, 256, 1000, -1000, 2**30 - 1, 2**30, -(2**30), 2**53 - 1, 2**53, 2**53 + 1,
        -(2**53) - 3, 2**60 + 7, 2**62, -(2**62), 10**30, -(10**40)]
for v in vals:
    s = str(v)
    f = f"{v}"
    g = format(v)
    h = "{}".format(v)
    print(s, f == s, g == s, h == s, sys.getsizeof(s), sys.getrefcount(s))
one = str(5)
print(one is "5".strip(), one is str(5), sys.getrefcount(one))
k = f"{7}"
print(sys.getrefcount(k))
print(str("abc") is "abc", str(), str(b"x", "ascii"), str(object=12))
class I(int):
    def __str__(self):
        return "I!"
class J(int):
    pass
print(str(I(3)), f"{I(3)}", format(I(3)), str(J(4)), f"{J(4)}", f"{J(4):>3}")
print(f"{12:>5}|{-3:+}|{255:x}|{7:03}|{'s'}|{'t':>3}|{1.5}")
big = 10 ** 5000
try:
    str(big)
except ValueError as err:
    print(str(err)[:40])
try:
    f"{big}"
except ValueError as err:
    print(str(err)[:40])
u = 0
for i in range(2000):
    u += len(f"{i}:{i * 2}")
print(u)
`,
  ],
  [
    "len() of builtin containers and dict/set iteration",
    `d = {i: i * i for i in range(50)}
s = set(range(30))
print(len("h\\xe9llo"), len([1, 2]), len((1,)), len(d), len(s), len(frozenset(s)), len(range(3, 40, 4)), len(b"ab"))
del d[3]
s.discard(4)
print(len(d), len(s), sum(d), sum(s), sum(k for k in d.keys()), sum(d.values()))
try:
    for k in d:
        d[k + 1000] = 1
except RuntimeError as err:
    print(err)
class D(dict):
    def __len__(self):
        return 99
print(len(D(a=1)), len(dict(D(a=1))))
`,
  ],
];

describe("str operations in the heap: run() against python3", () => {
  for (const [name, source] of cases) it(name, () => expectSameAsPythonBothTraces(cpython, name, source));
});
