/**
 * heapq and bisect (modules/course.ts) against python3: the list's order after every operation, the
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
for args in [([1], 1, -1), ([1], 1, "a"), ([1], 1, 0, "b"), ([1], 1, 1.5), ([1], 1, 0, 2.5), (5, 1), ([1, "a"], 2), ([1, 2], 1, 0, 5)]:
    for f in [bisect.bisect_left, bisect.bisect_right, bisect.insort, bisect.insort_left]:
        try:
            print(f(*args))
        except Exception as e:
            print(type(e).__name__, e)
`,
    );
  });
});
