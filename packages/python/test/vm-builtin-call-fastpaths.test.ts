/**
 * Calls of builtin types and builtin functions with positional arguments through the eval loop's shorter
 * call path (a class whose metaclass is exactly type goes straight to type.__call__'s work): the same
 * results, refcounts, ids (the argument tuple str() and int() make and free), errors and tracebacks as
 * python3, untraced and traced, and the general paths for metaclasses with __call__, subclasses with
 * __new__/__init__/__str__ and keyword calls.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-builtin-call-");

describe("calls of builtin types and functions in the eval loop", () => {
  it("str(), int(), chr(), len(), abs() and other type calls: values, refcounts and ids", () => {
    expectSameAsPythonBothTraces(
      cpython,
      "builtin-type-calls",
      `import sys
parts = []
for i in range(30):
    parts.append(str(i % 7))
    parts.append(chr(97 + i % 26))
u = 0
for i in range(30):
    u += len(f"{i}:{i * 2}") + abs(-i) + int(str(i)) + len(parts[i])
print(",".join(parts), u)
print(str(), str("x"), str(2 ** 80), str(-5), str(1.5), str(b"ab", "ascii"), int("12", 8), float("2.5"))
print(list("abc"), tuple(range(3)), dict([(1, 2)]), set([1]), frozenset(), bool(0), type(3), range(2, 5))
print(bytes(3), bytearray(b"x"), complex(1, 2), slice(1, 2), object().__class__, sorted(map(abs, [-2, 1])))
x = 10 ** 30
before = sys.getrefcount(x)
for k in range(4):
    s = str(x)
    n = int(s)
print(sys.getrefcount(x) - before, n == x)
ids = []
for k in range(5):
    t = str(k + 1000)
    ids.append(id(t))
    del t
    v = (k, k)
    ids.append(id(v))
    del v
print(len(set(ids)) == len(ids), [a == b for a, b in zip(ids, ids[1:])])
class S(str):
    pass
class I(int):
    def __new__(cls, v):
        return super().__new__(cls, v + 1)
class L(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = len(a)
class Q:
    def __str__(self):
        return "Q!"
    def __len__(self):
        return 3
    def __index__(self):
        return 98
    def __abs__(self):
        return "abs!"
print(S("a") + "b", type(S(5)).__name__, I(4), L("ab"), L("ab").extra, str(Q()), len(Q()), chr(Q()), abs(Q()))
class M(type):
    def __call__(cls, *a):
        return ("M called", cls.__name__, a)
class W(metaclass=M):
    pass
class N(type):
    pass
class V(metaclass=N):
    def __init__(self, a, b=2):
        self.s = a + b
print(W(1, 2), V(1).s, V(1, b=5).s, str(object=4), int("ff", base=16))

lst = []
app = lst.append
cnt = "abcab".count
def gen():
    yield 1
    yield 2
it = gen()
y = [5, 6]
before = sys.getrefcount(y)
for k in range(3):
    app(k)
    n = len(y) + cnt("a") + round(2.5) + next(it, 0) + abs(-k) + ord(chr(65 + k)) + hash(k)
    print(n, repr(k), id(y) == id(y), callable(app), end=" ")
exec("z = 1")
print(lst, z, sys.getrefcount(y) - before, isinstance(3, int), sys.getrefcount(None) > 0)
`,
    );
  });

  it("errors: wrong argument counts and types, a raising __str__ and __len__, with tracebacks", () => {
    expectSameAsPython(
      cpython,
      "builtin-type-call-errors",
      `class B:
    def __str__(self):
        raise ValueError("no str")
    def __len__(self):
        return -1
class C:
    def __str__(self):
        return 5
class Bad:
    def __index__(self):
        raise KeyError("idx")
for f in [lambda: str(1, 2, 3, 4), lambda: str(B()), lambda: str(C()), lambda: len(B()), lambda: len(5),
          lambda: len(), lambda: len(1, 2), lambda: chr("a"), lambda: chr(-1), lambda: abs("x"), lambda: int("z"),
          lambda: int(1, 2, 3), lambda: float(1, 2), lambda: list(1, 2), lambda: type(1, 2), lambda: bool(1, 2),
          lambda: str(b"\\xff", "ascii"), lambda: chr(), lambda: abs(), lambda: chr(Bad()), lambda: hash([]),
          lambda: next(iter([])), lambda: ord("ab"), lambda: [].append()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
def deep(n):
    return len(Bad()) if n == 1 else str(B()) if n == 0 else deep(n - 1)
try:
    deep(3)
except TypeError as e:
    print("TypeError", e)
deep(2)
`,
    );
  });
});
