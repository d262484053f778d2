/**
 * f-strings of several pieces (BUILD_STRING) against python3: the result is built inside the heap and is
 * a new object even when its text equals a piece, a one-character str or str(int); an empty result is
 * the shared ''; an f-string of one exact str piece and nothing else is that str itself, of a str
 * subclass instance an exact str. Text, kind and size of the results, identities, reference counts and
 * errors raised while a piece is formatted. Untraced and line-traced; the heap must be leak-free and
 * consistent afterwards.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-build-string-");

const cases: [string, string][] = [
  [
    "results equal to a cached or existing str are new objects",
    `import sys
e = str()
a = chr(97)
s = "".join(["hel", "lo"])
n = 5
five = str(n)
r = f"{n}{e}"
print(r, r is five, r is str(n), r is chr(53), r == five, sys.getsizeof(r))
r = f"{a}{e}"
print(r is a, r == a)
r = f"{e}{a}"
print(r is a, id(r) == id(a))
r = f"{s}{e}"
print(r is s, r == s, sys.getrefcount(r), sys.getrefcount(s))
r = f"{e}{s}{e}"
print(r is s, r == s)
q = f"{s}{e}"
print(q is r, q == r)
k = "".join(["ab", "cd"])
r = f"{k}{e}"
print(r is k, sys.getrefcount(r), sys.getrefcount(k))
`,
  ],
  [
    "one piece and empty results",
    `import sys
e = str()
s = "".join(["wor", "ld"])
before = sys.getrefcount(s)
r = f"{s}"
print(r is s, sys.getrefcount(s) - before)
print(f"{s!s}" is s, f"{s:}" is s, f"{s:{e}}" is s)
del r
print(sys.getrefcount(s) - before)
r = f"{e}{e}"
print(r is e, f"{e}" is e, f"" is e, f"{e}{e}{e}" is e)
class S(str):
    pass
t = S("zz")
r = f"{t}"
print(type(r).__name__, r is t, r == t)
r = f"{t}{e}"
print(type(r).__name__, r is t, r == t, sys.getrefcount(r))
r = f"{e}{S()}"
print(r is e, type(r).__name__)
`,
  ],
  [
    "kinds, sizes and conversions of the joined pieces",
    `import sys
e = str()
n = 5
s = "hello"
a = "a"
eu = chr(0x20ac)
em = chr(0x1F600)
lat = chr(233)
for r in (f"{eu}x{em}{e}", f"{n:>3}{e}{s!r}{a!a}{eu!a}", f"{lat}{e}", f"{lat}{a}", f"{a}{eu}{lat}",
          f"[{em}]", f"{s * 20}|{lat * 30}", f"{1.5}/{-7}/{True}/{None}/{[1, 'x']}/{(lat,)!a}",
          f"{n:>{n}}", f"{s:^{n + 4}}|{12:{'x'}}"):
    print(repr(r), len(r), sys.getsizeof(r))
print(f"{lat}{e}" is lat, f"{em}{e}" is em)
w = 0
for i in range(3000):
    w += len(f"{i}:{i * 2}{e}")
print(w)
`,
  ],
  [
    "errors while a piece is formatted release the others",
    `import sys
class Bad:
    def __format__(self, spec):
        raise ValueError("bad " + spec)
class NotStr:
    def __format__(self, spec):
        return 42
s = "".join(["ke", "ep"])
before = sys.getrefcount(s)
for f in (lambda: f"{s}{Bad()}", lambda: f"{s}-{Bad():x}-{s}", lambda: f"{s}{NotStr()}", lambda: f"{s}{1:q}"):
    try:
        print(f())
    except (ValueError, TypeError) as err:
        print(type(err).__name__, err)
print(sys.getrefcount(s) - before)
`,
  ],
  [
    "a piece with neither conversion nor spec: exact ints, bools, int subclasses, long ints, strs",
    `import sys
class I(int):
    def __str__(self):
        return "I!"
class J(int):
    def __format__(self, spec):
        return "J" + spec
n = 7
big = 10 ** 30
neg = -(2 ** 40)
before = sys.getrefcount(big), sys.getrefcount(neg)
for v in (0, n, -n, 2 ** 31, neg, big, -big, True, False, I(3), J(4), "s", 1.25, None):
    r = f"{v}"
    print(repr(r), type(r).__name__, r is f"{v}", sys.getsizeof(r))
print(f"{n}" is str(n), f"{n}" == str(n), f"{0}" is chr(48))
print(sys.getrefcount(big) - before[0], sys.getrefcount(neg) - before[1])
t = 0
for i in range(2000):
    t += len(f"{i - 1000}") + len(f"{i * big}")
print(t, f"{n}{n}", f"{n!s}" is f"{n}")
`,
  ],
];

describe("f-strings of several pieces (BUILD_STRING) against python3", () => {
  for (const [name, source] of cases) it(name, () => expectSameAsPythonBothTraces(cpython, name, source));
});
