/**
 * The eval loop's int fast paths at their edges, against python3: COMPARE_OP on two exact ints followed by a
 * conditional jump, BINARY_OP on two exact ints stored into a local (`c = a + b`, `i += 1`), the truth of an
 * int result (`if j & 1:`), FOR_ITER over range and list into a local, and `a % b` (the left operand itself
 * when long_rem finds |a| < |b| and the signs agree). Values around the small-int cache (256/257), the one-
 * and two-digit limits (2^30, 2^53, 2^60), 2^62/2^63, negatives, bools and int subclasses as operands; the
 * operands' refcounts after the operation and which freed blocks later objects take (ids reused). Each
 * program also runs line-traced, and at step limits that fall inside these loops an untraced run must stop
 * at the same instruction, with the same allocations, as a traced one (any fusing of instructions in the
 * untraced loop has to keep that).
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-int-edges-");
/** run()'s wall-clock limit for these programs (its default is 10 s). */
const LONG_RUN_MS = 60_000;

const EDGES = `[0, 1, -1, 255, 256, 257, -5, -6, 2**30 - 1, 2**30, -(2**30), 2**53 - 1, 2**53, 2**60, 2**62, 2**63 - 1, 2**63, -(2**63), True, False]`;

// refcounts of objects only the program holds (the cached small ints and the bools have counts from all
// over either interpreter)
const RC = `import sys
def rc(o):
    return None if type(o) is bool or (type(o) is int and -5 <= o <= 256) else sys.getrefcount(o)
`;

const cases: [string, string][] = [
  [
    "compare then jump on ints at the edges, bools and a subclass with its own __lt__",
    `${RC}
class I(int):
    def __lt__(self, other):
        return "lt"
def f(vals):
    out = []
    for a in vals:
        for b in vals:
            n = 0
            if a < b: n += 1
            if a <= b: n += 2
            if not (a == b): n += 4
            if a != b: n += 8
            if a > b: n += 16
            if not (a >= b): n += 32
            out.append(n)
        out.append(rc(a))
    k = 0
    while I(3) < 2:
        k += 1
        if k > 2:
            break
    out.append(k)
    return out
vals = ${EDGES}
print(f(vals))
`,
  ],
  [
    "a while loop counting across 256/257 and 2^30: the freed counters' blocks reused",
    `import sys
def f(start, n):
    i = start
    ids = []
    while i < start + n:
        ids.append(id(i) % 10**6)
        i += 1
    same = [ids[k] == ids[k - 2] for k in range(2, len(ids))]
    return i, sys.getrefcount(i), same
for s in (250, 2**30 - 3, -260, 2**62 - 2, 2**63 - 2):
    print(f(s, 8))
`,
  ],
  [
    "binary op then store on ints at the edges: values, refcounts of both operands, reused blocks",
    `${RC}
def f(vals):
    out = []
    for a in vals:
        for b in vals:
            c = a + b
            d = a - b
            e = a * b
            g = a & b
            h = a | b
            x = a ^ b
            r = (c, d, e, g, h, x)
            if b:
                q = a // b
                m = a % b
                r = r + (q, m)
            out.append(r)
            out.append((rc(a), rc(b), rc(c), rc(d), rc(e)))
    return out
vals = ${EDGES}
res = f(vals)
for k in range(0, len(res), 40):
    print(res[k:k + 40])
def g():
    s = 0
    t = 2**29
    ids = []
    for k in range(12):
        s = s + t
        t = t * 2
        ids.append(id(s) == id(t))
        u = s
        s = s - 1
        ids.append(id(u) == id(s))
    return s, t, ids
print(g())
`,
  ],
  [
    "in-place ops stored back: i += 1, t -= j % 5 and the id pattern of the counter",
    `import sys
def f(n):
    t = 0
    i = 250
    seen = []
    for j in range(n):
        if j & 1:
            t += j % 7
        else:
            t -= j % 5
        i += 1
        seen.append(id(i))
    return t, i, sys.getrefcount(i), [seen[k] == seen[k - 2] for k in range(2, n)]
print(f(20))
class J(int):
    pass
def g():
    a = J(5)
    b = a + 1
    a += 1
    return type(a).__name__, type(b).__name__, a, b, True + True, type(True + 0).__name__
print(g())
`,
  ],
  [
    "for over range and list straight into the local: items around 256/257 and 2^30, refcounts, the last item kept",
    `import sys
def f():
    out = []
    ids = []
    for i in range(250, 262):
        ids.append(id(i))
    out.append([ids[k] == ids[k - 2] for k in range(2, len(ids))])
    out.append((i, sys.getrefcount(i)))
    for i in range(2**30 - 2, 2**30 + 2):
        out.append((i, sys.getrefcount(i)))
    for i in range(-3, -8, -1):
        out.append(i)
    xs = [1000, 2000, str(10**5), [1, 2], 2**70]
    before = [sys.getrefcount(x) for x in xs]
    for x in xs:
        out.append(sys.getrefcount(x))
    out.append([sys.getrefcount(x) for x in xs] == before)
    last = x
    del x
    out.append((last, sys.getrefcount(xs[0])))
    for a, b in [(1, 2), (3, 4)]:
        out.append(a + b)
    for ch in "ab":
        out.append(ch)
    it = iter(range(5))
    for v in it:
        out.append((v, next(it, None)))
    return out
print(f())
`,
  ],
  [
    "a % b is a itself when |a| < |b| by long_rem's digit test and the signs agree (not when both have one digit)",
    `import sys
def f():
    out = []
    for a in [0, 5, -5, 257, -257, 2**30 - 1, 2**30, 2**31, -(2**31), 2**60, 2**61 + 5, -(2**61), 2**90]:
        for b in [7, -7, 2**30, 2**30 + 1, -(2**30), 2**31, 2**32, -(2**32), 2**61, -(2**61), 2**62, 2**91]:
            m = a % b
            out.append((m, m is a))
    class I(int): pass
    x = I(300)
    y = x % 2**40
    out.append((type(y).__name__, y is x))
    z = True % 2**40
    out.append((z, type(z).__name__))
    return out
print(f())
`,
  ],
  [
    "binary op then jump on its truth: small results, results past the cache, negatives, both jump senses",
    `import sys
def f(n):
    out = []
    for j in range(-8, n):
        k = 0
        if j & 1:
            k += 1
        if not (j % 3):
            k += 2
        if j - 256:
            k += 4
        if not (j + 5):
            k += 8
        if j * 100:
            k += 16
        if 2**40 - j:
            k += 32
        out.append(k)
    w = 300
    c = 0
    while w - 250:
        w -= 1
        c += 1
    return out, c, w
print(f(270))
`,
  ],
];

describe("int fast paths at their edges against python3", () => {
  // each program runs in python3 and twice here: the wall-clock limit is wide, so that a loaded machine does
  // not end a run before its output is compared
  for (const [name, source] of cases) it(name, () => expectSameAsPythonBothTraces(cpython, name, source, LONG_RUN_MS), 3 * LONG_RUN_MS);
});

describe("a step limit inside int loops stops untraced runs where traced ones stop", () => {
  const source = `def f(n):
    i = 0
    s = 0
    while i < n:
        s = s + i * 3
        i += 1
    for j in range(n):
        if j & 1:
            s += j
    for x in [7, 8, 9] * n:
        s -= x
    return s
print(f(50))
`;
  it("untraced and line-traced runs end alike at every step count over a stretch of both loops", () => {
    // the line-traced loop runs every instruction on its own: it is the reference
    for (let maxSteps = 200; maxSteps < 260; maxSteps++) {
      const plain = runDetailed(source, { filename: "lim.py", trace: "none", limits: { maxSteps } });
      const traced = runDetailed(source, { filename: "lim.py", trace: "line", limits: { maxSteps } });
      expect(plain.result.outcome).toEqual(traced.result.outcome);
      // the step it stopped at, and what was allocated and freed up to it
      expect({ ...plain.result.stats, wallMs: 0 }).toEqual({ ...traced.result.stats, wallMs: 0 });
      expect(plain.result.stdout).toBe(traced.result.stdout);
      expect(plain.result.stderr).toBe(traced.result.stderr);
      expect(plain.heap.check).toEqual({ ok: true });
    }
    for (const maxSteps of [620, 621, 622, 623, 1000, 1001, 1002, 1003]) {
      const plain = runDetailed(source, { filename: "lim.py", trace: "none", limits: { maxSteps } });
      const traced = runDetailed(source, { filename: "lim.py", trace: "line", limits: { maxSteps } });
      expect(plain.result.outcome).toEqual(traced.result.outcome);
      expect({ ...plain.result.stats, wallMs: 0 }).toEqual({ ...traced.result.stats, wallMs: 0 });
      expect(plain.result.stderr).toBe(traced.result.stderr);
    }
  });
});
