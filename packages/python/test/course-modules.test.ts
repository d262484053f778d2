/**
 * heapq, bisect and dataclasses (modules/course.ts) against python3: the list's order after every operation, the
 * comparisons made (a class whose __lt__ prints), ties, key=, lo/hi, and the errors with their messages.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-course-");
const same = (name: string, source: string): void => expectSameAsPython(cpython, name, source);

describe("heapq", () => {
  it("keeps python3's order of the list through pushes, pops, heapify, pushpop and replace (seeded random runs)", () => {
    same(
      "heapq-random",
      `import heapq, random
random.seed(12)
for trial in range(40):
    n = random.randrange(0, 30)
    data = [random.randrange(-5, 15) for _ in range(n)]
    h = []
    for x in data:
        heapq.heappush(h, x)
    print(h)
    a = data[:]
    heapq.heapify(a)
    print(a)
    for _ in range(5):
        op = random.randrange(4)
        x = random.randrange(-5, 15)
        try:
            if op == 0:
                r = heapq.heappop(a)
            elif op == 1:
                r = heapq.heappushpop(a, x)
            elif op == 2:
                r = heapq.heapreplace(a, x)
            else:
                r = heapq._heappop_max(a) if a else None
        except IndexError as e:
            r = e
        print(op, x, r, a)
    b = data[:]
    heapq._heapify_max(b)
    print(b)
    k = random.randrange(-1, n + 2)
    print(heapq.nsmallest(k, data), heapq.nlargest(k, data), heapq.nsmallest(k, iter(data), key=lambda v: v % 4), heapq.nlargest(k, iter(data), key=lambda v: v % 4))
    parts = [sorted(data[i::3]) for i in range(3)]
    print(list(heapq.merge(*parts)), list(heapq.merge(*parts, key=lambda v: v // 3)), list(heapq.merge(*[p[::-1] for p in parts], reverse=True)))
`,
    );
  });

  it("compares in python3's order (an __lt__ that prints), with ties of (priority, item) pairs", () => {
    same(
      "heapq-compares",
      `import heapq
class T:
    def __init__(self, p, name): self.p, self.name = p, name
    def __lt__(self, other):
        print("lt", self.name, other.name)
        return self.p < other.p
    def __eq__(self, other):
        print("eq", self.name, other.name)
        return self.p == other.p
    def __repr__(self): return self.name
q = []
for i, p in enumerate([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]):
    heapq.heappush(q, T(p, "t%d" % i))
print(q)
print(heapq.heappop(q), q)
print(heapq.heapreplace(q, T(4, "r")), q)
print(heapq.heappushpop(q, T(0, "s")), q)
print(heapq.nsmallest(3, q), heapq.nlargest(2, q), heapq.nsmallest(1, q), heapq.nlargest(4, iter(q)))
print(list(heapq.merge([T(1, "a"), T(2, "b")], [T(1, "c"), T(3, "d")])))
h = []
for pair in [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (1, "y")]:
    heapq.heappush(h, pair)
print(h, [heapq.heappop(h) for _ in range(len(h))])
`,
    );
  });

  it("raises python3's errors", () => {
    same(
      "heapq-errors",
      `import heapq
for f, args in [(heapq.heappop, ([],)), (heapq.heapreplace, ([], 1)), (heapq.heappush, ((), 1)), (heapq.heappop, ("ab",)),
                (heapq.heapify, ({},)), (heapq.heappushpop, (None, 1)), (heapq.heapreplace, ((), 1)), (heapq.heappush, ([1, "a"], 2)),
                (heapq.nsmallest, (2, [1, "a", 2])), (heapq.heapify, ([3, 2, None],))]:
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(heapq.heappushpop([], 7), heapq.nsmallest(3, []), heapq.nlargest(1, []), list(heapq.merge([], [])))
class L(list): pass
s = L([5, 1, 3]); heapq.heapify(s); print(type(s).__name__, s, heapq.heappop(s))
`,
    );
  });
  it("gives python3's C texts for a wrong argument count or a keyword (heappush expected 2 arguments…)", () => {
    same(
      "heapq-arg-errors",
      `import heapq
for f in [heapq.heappush, heapq.heappop, heapq.heapify, heapq.heapreplace, heapq.heappushpop, heapq._heappop_max, heapq._heapify_max, heapq._heapreplace_max]:
    for args, kw in [((), {}), (([],), {}), (([], 1), {}), (([1], 2, 3), {}), (([],), {"x": 1}), ((), {"heap": []}), (([1], 2), {"item": 3})]:
        try:
            print(f.__name__, f(*args, **kw))
        except TypeError as e:
            print(f.__name__, e)
for f in [heapq.nsmallest, heapq.nlargest]:
    for args in [(), (1,), (1, [2], None, 4)]:
        try:
            f(*args)
        except TypeError as e:
            print(e)
`,
    );
  });
  it("leaves its frames out of a traceback, as python3's C functions have none (a raising __lt__, an empty heap)", () => {
    for (const which of [1, 2, 3]) {
      same(
        `heapq-traceback-${which}`,
        `import heapq, bisect
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        if self.v is None or other.v is None:
            raise ValueError("no order for None")
        return self.v < other.v
h = [K(1), K(2)]
if ${which} == 1:
    heapq.heappush(h, K(None))
elif ${which} == 2:
    bisect.insort(h, K(None))
else:
    heapq.heappop([])
`,
      );
    }
  });
});

describe("bisect", () => {
  it("finds python3's positions with lo, hi (None and -1 as len) and key=", () => {
    same(
      "bisect-positions",
      `import bisect
a = [1, 2, 2, 2, 4, 7, 9]
for x in [0, 1, 2, 3, 7, 9, 10]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x), bisect.bisect_left(a, x, 2),
          bisect.bisect_right(a, x, 1, 4), bisect.bisect_left(a, x, hi=3), bisect.bisect_right(a, x, 0, -1), bisect.bisect_right(a, x, 0, -2))
for lo, hi in [(5, 2), (3, 100), (True, None), (0, False)]:
    try:
        print(lo, hi, bisect.bisect_left(a, 2, lo, hi), bisect.bisect_right(a, 2, lo, hi))
    except Exception as e:
        print(type(e).__name__, e)
recs = [("ann", 60), ("bob", 70), ("cy", 70), ("dee", 85)]
for s in [50, 70, 80, 90]:
    print(s, bisect.bisect_left(recs, s, key=lambda r: r[1]), bisect.bisect_right(recs, s, key=lambda r: r[1]))
bisect.insort(recs, ("eve", 70), key=lambda r: r[1]); bisect.insort_left(recs, ("fay", 70), key=lambda r: r[1]); print(recs)
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
bisect.insort_left(b, 4); bisect.insort_right(b, 4.0); bisect.insort_left(b, 4.5, 0, 3); bisect.insort(b, 0, 5, 6); print(b)
print(bisect.bisect_left(range(0, 100, 5), 42), bisect.bisect("abcdef", "c"), bisect.bisect_right((1, 1, 2), 1))
class R:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print("lt", self.v, o.v); return self.v < o.v
    def __repr__(self): return "R%d" % self.v
rs = [R(1), R(3), R(5)]
print(bisect.bisect_left(rs, R(4)), bisect.bisect_right(rs, R(3)))
bisect.insort(rs, R(2)); print(rs)
`,
    );
  });

  it("raises python3's errors: a negative lo, a lo or hi that is not an int, a non-sequence, unorderable items", () => {
    same(
      "bisect-errors",
      `import bisect
for args in [([1], 1, -1), ([1], 1, "a"), ([1], 1, 0, "b"), ([1], 1, 1.5), ([1], 1, 0, 2.5), (5, 1), ([1, "a"], 2), ([1, 2], 1, 0, 5),
             ([1], 5, 2**63), ([1], 5, -2**63 - 1), ([1], 5, 0, 2**63), ([1], 5, 0, -2**63 - 1), ([1], 5, 2**63 - 1)]:
    for f in [bisect.bisect_left, bisect.bisect_right, bisect.insort, bisect.insort_left]:
        try:
            print(f(*args))
        except Exception as e:
            print(type(e).__name__, e)
# Argument Clinic's texts for arguments the C functions do not take
for args, kw in [((), {}), (([],), {}), (([1], 1, 0, 1, None), {}), (([1], 1, 0, 1, None, 6), {}), ((), {"a": [1], "x": 1, "lo": 0, "hi": 1, "key": None, "z": 2}),
                 (([1],), {"a": [1]}), ((), {"x": 1}), (([1], 1), {"y": 2}), (([1], 1, 0), {"lo": 1}), (([1], 1, 0, 1), {"key": None, "hi": 3}),
                 (([1], 1, 0, 1, 5), {"key": None}), (([],), {"key": len}), ((), {"a": [1], "x": 1, "lo": 0, "hi": 1, "key": None}), (([1], 1), {"lo2": 3, "y": 1})]:
    for f in [bisect.bisect_left, bisect.bisect, bisect.insort_left, bisect.insort]:
        try:
            print(f(*args, **kw))
        except TypeError as e:
            print(e)
`,
    );
  });
});

describe("dataclasses", () => {
  it("makes python3's __init__, __repr__, __eq__, order, frozen, hash, fields, asdict/astuple/replace, __post_init__, InitVar and errors", () => {
    same("dataclasses-basics", `from dataclasses import dataclass, field, asdict, astuple, fields, replace, FrozenInstanceError, is_dataclass, InitVar
import dataclasses

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, repr(p), p == Point(1, 2), p == (1, 2), p != Point(1, 3), Point.__doc__)
print(Point.__hash__, Point.__match_args__, Point.__init__.__qualname__, Point.__repr__.__qualname__)
for args in [(), (1, 2, 3)]:
    try:
        Point(*args)
    except TypeError as e:
        print(e)
try:
    Point(1, z=3)
except TypeError as e:
    print(e)
try:
    hash(p)
except TypeError as e:
    print(e)

@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()

v = Version(1, 2)
print(v, hash(v) == hash(Version(1, 2)), v < Version(1, 3), sorted([Version(2), Version(1, 5), Version(1)]))
try:
    v.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v.minor
except AttributeError as e:
    print(type(e).__name__, e)
print(replace(v, minor=9), v)

@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)
    secret: str = field(default="s", repr=False, compare=False)
    total: float = field(init=False)

    def __post_init__(self):
        self.total = self.price * self.qty

a = Item("pen", 1.5, 4)
b = Item("pen", 1.5, 4, secret="other")
a.tags.append("office")
print(a, a == b, asdict(a), astuple(a))
print([f.name for f in fields(a)], [f.type for f in fields(Item)])
try:
    replace(a, total=3)
except ValueError as e:
    print(e)

@dataclass
class Inventory:
    items: list = field(default_factory=list)
    owner: Point = field(default_factory=lambda: Point(0, 0))

inv = Inventory([a, Item("cup", 3.0)])
print(inv)
print(asdict(inv))

try:
    @dataclass
    class Bad:
        xs: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(e)

@dataclass
class P3(Point):
    z: int = 5
print(P3(1, 2), P3(1), fields(P3)[2].name, is_dataclass(P3), is_dataclass(P3(1)), is_dataclass(1))

@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)

@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default_factory=list, hash=False)
print(hash(H(1)) == hash((1,)))

@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
n = Node(1); n.children.append(n)
print(n)
@dataclass
class WithInit:
    a: int
    b: InitVar[int] = 2
    def __post_init__(self, b):
        self.c = self.a + b
w = WithInit(1, 5)
print(w, w.c, WithInit.__doc__, [(f.name, f.type, f.init, f.repr, f.compare, f.hash, f.kw_only) for f in fields(w)])
try:
    asdict(1)
except TypeError as e:
    print(e)
try:
    fields(1)
except TypeError as e:
    print(e)
print(Point.__dataclass_params__)
print(Version.__doc__, Item.__doc__)
`);
  });

  it("kw_only and KW_ONLY, slots, the overwrite and inheritance errors, string annotations, nested and recursive reprs, match", () => {
    same("dataclasses-more", `from dataclasses import dataclass, field, fields, KW_ONLY, asdict, astuple, replace, InitVar, MISSING
import dataclasses

@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1), K.__doc__, K.__match_args__)
try:
    K(1)
except TypeError as e:
    print(e)

@dataclass
class K2:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3
print(K2(1, b=2), K2.__doc__, K2.__match_args__, [f.kw_only for f in fields(K2)])

@dataclass(slots=True)
class S:
    x: int
    y: str = "a"
s = S(1)
print(s, S.__slots__, hasattr(s, "__dict__"), S.__qualname__)
try:
    s.z = 1
except AttributeError as e:
    print("AttributeError", e)

for kwargs in [dict(order=True, eq=False), dict(unsafe_hash=True)]:
    try:
        @dataclass(**kwargs)
        class E:
            a: int
            def __hash__(self): return 1
        print("made", E)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    @dataclass(order=True)
    class O:
        a: int
        def __lt__(self, o): return True
except TypeError as e:
    print(e)
try:
    @dataclass
    class NA:
        a: int
        b = field(default=1)
except TypeError as e:
    print(e)

@dataclass(frozen=True)
class F:
    a: int
try:
    @dataclass
    class G(F):
        b: int = 0
except TypeError as e:
    print(e)
@dataclass
class NF:
    a: int
try:
    @dataclass(frozen=True)
    class G2(NF):
        b: int = 0
except TypeError as e:
    print(e)

@dataclass
class Line:
    start: "Point"
    end: "Point"
    label: str = ""
@dataclass
class Point:
    x: float
    y: float
l = Line(Point(0, 0), Point(1.5, -2))
print(l, Line.__doc__, l == Line(Point(0, 0), Point(1.5, -2)), l.__eq__(3), Point(1, 2).__eq__(Line(1, 2)))
print(asdict(l), astuple(l), replace(l, label="x"))
match Point(1, 2):
    case Point(x, y):
        print("matched", x, y)

class Plain:
    pass
@dataclass
class Sub(Plain):
    a: int = 1
    def __eq__(self, other): return True
print(Sub() == 3, Sub.__hash__)

@dataclass
class Outer:
    @dataclass
    class Inner:
        v: int
    inner: "Outer.Inner" = None
print(Outer(Outer.Inner(3)))

@dataclass
class Cnt:
    n: int = 0
    log: dict = field(default_factory=dict, repr=False)
    def bump(self):
        self.n += 1
c = Cnt(); c.bump(); print(c, c.log)
@dataclass()
class Empty:
    pass
print(Empty(), Empty() == Empty(), Empty.__doc__, fields(Empty), astuple(Empty()))
@dataclass(repr=False, init=False)
class NR:
    a: int = 4
print(NR().a, NR.__init__ is object.__init__)
@dataclass
class Self:
    self: int
print(Self(3))
@dataclass
class Cv:
    x: int
    def total(self) -> int:
        return self.x
import copy
x = Cv(1); y = copy.copy(x); print(y, y == x, y is x)
`);
  });

  it("names a Field's init, repr and hash in python3's order", () => {
    same("dataclasses-field-repr", `from dataclasses import dataclass, field, fields

@dataclass
class P:
    x: int = field(default=1, repr=False, hash=True)

r = repr(fields(P)[0])
print(r[:r.index(",default=")], r[r.index(",init="):r.index(",metadata=")])
`);
  });

  it("shows python3's traceback through the generated methods (line N of <string>)", () => {
    for (const which of [1, 2, 3, 4]) same(`dataclasses-traceback-${which}`, `from dataclasses import dataclass, field

@dataclass(frozen=True)
class P:
    x: int
    y: int

@dataclass
class Item:
    name: str
    qty: int = 0
    def __post_init__(self):
        if self.qty < 0:
            raise ValueError(f"negative qty for {self.name}")

print(P(1, 2))
if WHICH == 1:
    p = P(1, 2)
    p.x = 5
elif WHICH == 2:
    Item("pen", -1)
elif WHICH == 3:
    P(1)
else:
    del P(1, 2).y
`.replaceAll("WHICH", String(which)));
  });
});
