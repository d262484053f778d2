/**
 * COMPARE_OP on exact ints of at most one digit runs the POP_JUMP_IF_TRUE/FALSE after it in the same case
 * when untraced, without making the bool (3.11's COMPARE_OP_INT_JUMP). What a program can see must not
 * change: which branch runs, the counts of the ints compared and of True and False, ints that die in the
 * compare, f_lineno and tracebacks from compares around them, and a step limit that stops at the same
 * instruction traced or not.
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-compare-jump-");

const BRANCHES = `import sys
class C:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("lt at", sys._getframe(1).f_lineno)
        return self.v < o.v
    def __eq__(self, o):
        return [1] if self.v == o.v else []
    def __del__(self):
        try:
            print("del", self.v, sys._getframe(1).f_lineno)
        except ValueError:
            print("del", self.v, "at exit")
def branches(n):
    out = []
    big = 2 ** 70
    m = 10 ** 6 // 10 ** 5 * 100
    m0 = sys.getrefcount(m)
    t0 = sys.getrefcount(True)
    f0 = sys.getrefcount(False)
    for i in range(n):
        if i < 3:
            out.append("lt3")
        if i >= 5:
            out.append("ge5")
        if i == 4:
            out.append("eq4")
        if not i != 6:
            out.append("eq6")
        if i * big > big:
            out.append("big")
        if i / 2 <= 1.0:
            out.append("f")
        if str(i) in "0123":
            out.append("in")
        if i not in (1, 2):
            out.append("ni")
        if i is None or i is not i:
            out.append("never")
        if i * 1000 >= 3000 and i + 0 < 7:
            out.append("tmp")
        if m > i and -i < -3 and i != -1:
            out.append("m")
        x = i < 4
        out.append(x)
    k = 0
    while k < n:
        k += 3
    while not (k >= 2 * n):
        k += 1
    out.append(k)
    out.append((sys.getrefcount(True) - t0, sys.getrefcount(False) - f0, sys.getrefcount(m) - m0))
    return out
print(branches(9))
a, b = C(1), C(2)
if a < b:
    print("a<b")
if b < a:
    print("b<a")
if a == C(1):
    print("eq list")
if a == b:
    print("never")
if C(3) is not None:
    print("is not")
for v in [C(5), C(6)]:
    if v is a:
        print("never")
class Bad:
    def __bool__(self):
        raise ValueError("no truth")
    def __eq__(self, o):
        return Bad()
    def __lt__(self, o):
        raise KeyError("lt")
def raising(x):
    try:
        if x == 1:
            return "eq"
    except ValueError as e:
        return "bool", e.__traceback__.tb_lineno
    try:
        while x < 2:
            return "lt"
    except KeyError as e:
        return "cmp", e.__traceback__.tb_lineno
print(raising(Bad()))
print(raising(Bad.__new__(Bad)))
`;

const UNCAUGHT = `def f(xs):
    n = 0
    for x in xs:
        if x > 2:
            n += 1
    return n
print(f([1, 5, 3]))
print(f([1, "a"]))
`;

// compares followed by jumps in loops, a callee and a generator: stopped by the step limit near the end
const LIMITED = `def small(x):
    return x < 5
def gen(n):
    i = 0
    while i < n:
        if i % 3 == 0 or i in (4, 5):
            yield i
        i += 1
t = 0
for v in gen(40):
    if v is not None and small(v):
        t += 1
    elif v >= 30:
        t += 2
    print(t)
`;

describe("int compares with the conditional jump after them", () => {
  it("branches, True/False counts, f_lineno, __del__ and exceptions as python3", () => {
    expectSameAsPythonBothTraces(cpython, "compare-jump-branches", BRANCHES);
  });

  it("a compare's TypeError in a loop: the traceback's line as python3", () => {
    expectSameAsPython(cpython, "compare-jump-uncaught", UNCAUGHT);
  });

  it("counts each jump's step: a step limit stops at the same instruction traced or not", () => {
    const full = runDetailed(LIMITED, {}).result;
    expect(full.stdout).toBe(cpython("compare-jump-limited.py", LIMITED).stdout);
    const traced = runDetailed(LIMITED, { trace: "line", limits: { maxTraceSteps: 1e6 } }).result;
    expect(full.stats.steps).toBe(traced.stats.steps);
    const total = full.stats.steps;
    expect(runDetailed(LIMITED, { limits: { maxSteps: total } }).result.outcome.status).toBe("ok");
    for (let k = total - 1; k > total - 120; k--) {
      const lengths: number[] = [];
      for (const trace of ["none", "line"] as const) {
        const r = runDetailed(LIMITED, { trace, limits: { maxSteps: k, maxTraceSteps: 1e6 } }).result;
        expect(r.outcome).toMatchObject({ status: "limit", limit: "steps" });
        expect(r.stats.steps).toBe(k + 1);
        expect(full.stdout.startsWith(r.stdout)).toBe(true);
        lengths.push(r.stdout.length);
      }
      expect(lengths[0]).toBe(lengths[1]);
    }
  });
});
