/**
 * The eval loop's int and iterator fast paths against python3: BINARY_OP and COMPARE_OP on exact ints
 * releasing their operands without the export wrapper, range iteration with the range's fields kept per
 * FOR_ITER (nested loops leaving by `break` remake the iterator and range at the same addresses; next() in
 * the body advances the same iterator; one iterator shared by two loops), list iteration reading memory
 * directly (lists grown and shrunk while iterated), bools and int subclasses, results past two digits and
 * 2^53, negative floor division and modulo, division by zero, and operand refcounts after the arithmetic.
 * Frames of returned calls reused by the next call. Negation of ints. Run untraced and line-traced; the heap must be leak-free and consistent afterwards.
 */
import { describe, expect, it } from "vitest";
import { cpythonRunner } from "./cpython.js";
import { runDetailed } from "../src/index.js";

const cpython = cpythonRunner("pyheap-iter-int-");

const intsAndIterators = `import sys
out = []
for k in range(6):
    for j in range(k, 40, 3):
        if j > k + 7:
            break
        out.append(j)
print(out)
out = []
k = 0
while k < 6:
    for j in range(k * 5, 90, k + 1):
        if j > k * 5 + 7:
            break
        out.append(j)
    k += 1
print(out)
it = iter(range(20))
for a in it:
    out2 = [a]
    for b in it:
        out2.append(b)
        if b % 4 == 0:
            break
    print(out2, end=" ")
print()
it = iter(range(10, -10, -3))
for a in it:
    print(a, next(it, None), end=" ")
print()
r = range(2**31 - 2, 2**31 + 3)
print([x for x in r], [x for x in r][::-1], sum(x for x in r))
print(list(range(2**53 - 3, 2**53)), list(range(-(2**53) + 4, -(2**53) + 1, -1)))
print(list(range(0)), list(range(5, 0)), list(range(0, 100, 33)))
def gen(n):
    for i in range(n):
        yield i * i
print(sum(gen(50)), [sum(gen(m)) for m in range(8)])
def early(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print([early(m) for m in range(6)])
xs = [1, 2, 3]
for v in xs:
    if len(xs) < 8:
        xs.append(v * 10)
print(xs)
ys = list(range(10))
for v in ys:
    ys.pop()
print(ys)
zs = [[1, 2], [3, 4, 5], []]
print([a for z in zs for a in z], [[a for a in z if a != 3] for z in zs])
big = 10**12
n = sys.getrefcount(big)
for i in range(5):
    t = big + i
    t = big * i
    t = big - i
print(sys.getrefcount(big) - n, t)
class I(int):
    def __add__(self, o):
        return "I+"
    def __lt__(self, o):
        return "I<"
print(I(3) + 4, 4 + I(3), I(3) < 2, True + True, True * 7, False - 3, True < 2, True // True, -7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(2**30 * 2**30, (2**30 - 1) * (2**30 - 1), -(2**30) * 2**23, 2**52 + 2**52, (2**53 - 1) + 1, -(2**53) - 1)
for bad in ("1 // 0", "1 % 0", "(2**30) // 0", "(-5) % 0"):
    try:
        eval(bad)
    except ZeroDivisionError as e:
        print(bad, "->", e)
s = 0
for i in range(1000):
    s += i
    s -= 3
    s = s * 2 // 3 + (i & 7) - (i | 1) + (i ^ 5) + (s % 11)
print(s)
`;

// frames of returned calls are reused by the next call of the same code (untraced): recursion, defaults,
// *args/**kwargs, closures, frames kept by sys._getframe(), tracebacks of repeated failures, generators
const frames = `import sys
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(15))
kept = []
def grab(x, y=2, *rest, k=5, **kw):
    z = x + y
    kept.append(sys._getframe())
    return z, rest, k, sorted(kw)
for i in range(4):
    print(grab(i), grab(i, 3, 4, 5, k=1, q=2))
print([(f.f_lineno, f.f_code.co_name) for f in kept[:3]], len(kept))
print(kept[0] is kept[1], kept[2].f_back is None, kept[3].f_back.f_code.co_name)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
a = counter(); b = counter()
print(a(), a(), b(), a(), b())
def boom(n):
    if n == 0:
        raise ValueError("deep")
    return boom(n - 1) + 1
errs = []
for i in range(3):
    try:
        boom(i)
    except ValueError as e:
        tb = e.__traceback__
        depth = 0
        while tb:
            depth += 1
            tb = tb.tb_next
        errs.append((i, depth))
print(errs, boom.__code__.co_name)
def g(n):
    for i in range(n):
        yield i
def uses_gen(n):
    return sum(g(n)) + sum(x for x in range(n))
print([uses_gen(k) for k in range(5)])
def loc(n):
    total = 0
    for i in range(n):
        total += i
    return total
print([loc(k) for k in range(6)], loc(100))
class P:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def twice(self):
        return self.get() + self.get()
print([P(i).twice() for i in range(5)])
def rec(n):
    try:
        return rec(n + 1)
    except RecursionError:
        return n
print(rec(0) > 100)
def last():
    return sys._getframe().f_back.f_code.co_name
def mid():
    return last()
print(sys.getrefcount(P) > 1)
def t1():
    t2()
def t2():
    raise KeyError("x")
for _ in range(2):
    try:
        t1()
    except KeyError as e:
        tb = e.__traceback__
        rows = []
        while tb:
            rows.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print(rows)
`;

/** UNARY_NEGATIVE on exact ints of one digit (evalRare's fast path): small-int cache hits, new ints, -0,
 *  the largest one-digit values, bools, int subclasses and bigger ints (the general path), refcounts. */
const negation = `import sys
vals = [0, 1, 5, -5, 6, 256, 257, -256, -257, 1000, 2**30 - 1, -(2**30 - 1), 2**30, -(2**30), 2**40, True, False]
class I(int):
    def __neg__(self):
        return "I.neg"
vals.append(I(3))
for v in vals:
    r = -v
    print(type(r).__name__, r, r is -v, sys.getrefcount(v) > 1)
x = 300
rc = sys.getrefcount(x)
ys = [-x for _ in range(5)]
print(sys.getrefcount(x) - rc, len(set(map(id, ys))), ys[0] == -300)
for k in range(-6, 260, 37):
    print(-k, -k is -k, end=" ")
print()
`;

describe("int arithmetic, range/list iteration and frame reuse against python3", () => {
  for (const [name, program] of [["iter-int", intsAndIterators], ["frames", frames], ["negation", negation]] as const) for (const trace of ["none", "line"] as const) {
    it(`${name}, trace ${trace}`, () => {
      const want = cpython(`${name}.py`, program);
      expect(want.stderr).toBe("");
      // a wide wall-clock limit (run()'s default is 10 s): a loaded machine must not end the run early
      const { result, heap } = runDetailed(program, { filename: `${name}.py`, trace, limits: { timeoutMs: 60_000 } });
      expect(result.stdout).toBe(want.stdout);
      expect(result.stderr).toBe(want.stderr);
      expect(heap.leaked).toEqual([]);
      expect(heap.check).toEqual({ ok: true });
    }, 180_000);
  }
});
