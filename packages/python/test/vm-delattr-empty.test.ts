/**
 * Attribute deletion (a __delattr__ written in Python, object.__delattr__ through super(), data
 * descriptors' __delete__, property deleters, slots, delattr()'s arguments) and the empty objects an
 * operation returns (b'ab' * 0 is a new object, '' and () are shared) against python3: the same output, no
 * leak, a consistent heap.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-delattr-");

const cases: [string, string][] = [
  [
    "__delattr__ sees del and delattr(), object.__delattr__ and super() do the deletion",
    `class A:
    def __delattr__(self, name):
        print("A.__delattr__", name)
        object.__delattr__(self, name)
a = A()
a.x = 1
del a.x
print(hasattr(a, "x"))
a.y = [2]
delattr(a, "y")
print(vars(a))
class C(A):
    def __delattr__(self, name):
        print("C.__delattr__", name)
        super().__delattr__(name)
c = C()
c.z = 3
del c.z
try:
    del c.q
except AttributeError as e:
    print("AE", e)
class Veto:
    def __delattr__(self, name):
        raise AttributeError("kept " + name)
v = Veto()
v.a = 1
try:
    del v.a
except AttributeError as e:
    print(e, v.a)
class OnlySet:
    def __setattr__(self, name, value):
        print("set", name)
        object.__setattr__(self, name, value)
o = OnlySet()
o.k = 5
del o.k
print(vars(o))
`,
  ],
  [
    "data descriptors: __delete__, property deleters, members and class attributes",
    `import sys
class D:
    def __get__(self, obj, owner=None):
        return 42
    def __set__(self, obj, value):
        print("D.__set__", value)
    def __delete__(self, obj):
        print("D.__delete__", type(obj).__name__)
class B:
    d = D()
b = B()
b.d = 5
del b.d
print(b.d)
class SetOnly:
    def __set__(self, obj, value):
        pass
class B2:
    s = SetOnly()
try:
    del B2().s
except AttributeError as e:
    print("AE", e)
class GetOnly:
    def __get__(self, obj, owner=None):
        return 1
class B3:
    g = GetOnly()
try:
    del B3().g
except AttributeError as e:
    print("AE", e)
class P:
    @property
    def v(self):
        return 1
    @v.deleter
    def v(self):
        print("deleter")
del P().v
class Q:
    @property
    def v(self):
        return 1
try:
    del Q().v
except AttributeError as e:
    print("AE", e)
class S:
    __slots__ = ("a",)
s = S()
s.a = [1]
del s.a
for f in (lambda: delattr(s, "a"), lambda: object.__delattr__(s, "a")):
    try:
        f()
    except AttributeError as e:
        print("AE", e)
class K:
    x = 1
del K.x
print(hasattr(K, "x"))
for bad in ((b, 5), (b,)):
    try:
        delattr(*bad)
    except TypeError as e:
        print("TE", e)
`,
  ],
  [
    "empty results: b'ab' * 0 is a new object, '' and () stay shared",
    `import sys
e = b""
s = ""
t = ()
n = int("0")
k = int("3")
b = b"ab"
x = b * n
print(x is e, x == e, sys.getsizeof(x), sys.getrefcount(x))
y = n * b
print(y is e, y is x, b * -1 is e, (b"ab" * 0) is e)
print(e * k is e, e * n is e, b * 1 is b)
class B(bytes):
    pass
sb = B(b"a") * 1
print(type(sb).__name__, sb is b"a"[:1], sb == b"a")
print("ab" * n is s, "ab" * -2 is s, (1, 2) * n is t, tuple() is t)
print(b"".join([]) is e, "".join([]) is s, b"x".join([]) is e, b[k:] is e, b[1:1] is e, "ab"[k:] is s)
print(bytes() is e, bytes(0) is e, bytes([]) is e, bytes(b"") is e, b"".upper() is e, e + e is e)
print("".encode() is e, b"".decode() is s, b[0:1] is b"a"[:1], bytes([65]) is bytes([65]))
print(frozenset() is frozenset(), b"ab".replace(b"ab", b"") is e, "ab".replace("ab", "") is s)
del x, y
print([bytes(i) for i in range(2)] == [b"", b"\\0"])
`,
  ],
];

describe("attribute deletion and empty results: run() against python3", () => {
  for (const [name, source] of cases) it(name, () => expectSameAsPython(cpython, name, source));
});
