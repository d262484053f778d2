/**
 * CALL's exact-arity path (the arguments straight into the new frame) and a class's __init__ run in the
 * eval loop are taken only when the code binds exactly its positional parameters: CodeInfo.posArgs is
 * co_argcount then and -1 for keyword-only parameters, *args, **kwargs and generators, whose calls go
 * through the general binding. Each call below passes exactly co_argcount positional arguments, in loops
 * long enough for the code to be quickened, and prints what python3 prints. Untraced, the new frame's RESUME
 * runs as CALL pushes it (its step counted there): a step limit at any step stops an untraced run where a
 * traced one (which dispatches every instruction) stops; so must it where PRECALL runs the CALL after it.
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-call-arity-");

/** A step limit at every step of src stops an untraced run where a traced run (every instruction
 *  dispatched) stops: same outcome, output and step count. */
function expectLimitsAsTraced(src: string, status: string): void {
  const full = runDetailed(src, {}).result;
  expect(full.outcome.status).toBe(status);
  const traced0 = runDetailed(src, { trace: "line", limits: { maxTraceSteps: 1e6 } }).result;
  expect(full.stats.steps).toBe(traced0.stats.steps);
  for (let maxSteps = 1; maxSteps < full.stats.steps; maxSteps += 1) {
    const plain = runDetailed(src, { limits: { maxSteps } }).result;
    const traced = runDetailed(src, { trace: "line", limits: { maxSteps, maxTraceSteps: 1e6 } }).result;
    expect(plain.outcome).toEqual(traced.outcome);
    expect(plain.stdout).toBe(traced.stdout);
    expect(plain.stats.steps).toBe(traced.stats.steps);
  }
}

describe("exact-arity calls only for codes that bind nothing else", () => {
  it("keyword-only defaults, *args, **kwargs, generators, __init__ of each kind, __code__ replaced", () => {
    expectSameAsPython(
      cpython,
      "call-arity",
      `import sys
def kwonly(a, *, k=7):
    return (a, k)
def star(a, *rest):
    return (a, rest)
def kws(a, **kw):
    return (a, kw)
def gen(a):
    yield a
    yield a + 1
def plain(a, b):
    return a - b
class KwInit:
    def __init__(self, a, *, k=3):
        self.v = (a, k)
class StarInit:
    def __init__(self, a, *more):
        self.v = (a, more)
class KwsInit:
    def __init__(self, a, **kw):
        self.v = (a, kw)
class Plain:
    def __init__(self, a):
        self.v = a
class M:
    def m(self, a, *, k=5):
        return (a, k)
    def g(self, a):
        yield a
out = []
for i in range(40):
    out.append((kwonly(i), star(i), kws(i), list(gen(i)), plain(i, 1)))
    out.append((KwInit(i).v, StarInit(i).v, KwsInit(i).v, Plain(i).v, M().m(i), list(M().g(i))))
print(out[0], out[1], out[-2], out[-1])
def two(a, b):
    return a * b
def one_kw(a, *, s=100):
    return a + s
r = []
for i in range(30):
    r.append(two(i, 2))
    if i == 20:
        two.__code__ = one_kw.__code__
        two.__kwdefaults__ = {"s": 1000}
        try:
            two(i, 2)
        except TypeError as e:
            r.append(str(e))
        r.append(two(i))
        break
print(r[-4:])
x = object()
def holds(a):
    return sys.getrefcount(a)
def holds_kw(a, *, k=None):
    return sys.getrefcount(a)
print([holds(x) for _ in range(20)][-1], [holds_kw(x) for _ in range(20)][-1])
`,
    );
  });
});

describe("a new frame's RESUME run by CALL", () => {
  it("a step limit at every step of calls stops untraced runs where traced runs stop", () => {
    const src = `def f(x):
    return x + 1
def g(a, b):
    return f(a) * b
def rec(k):
    if k == 0:
        return 0
    return 1 + rec(k - 1)
class K:
    def __init__(self, v):
        self.v = v
    def m(self):
        return self
    def __del__(self):
        print("del", self.v)
t = 0
for i in range(2):
    t += g(i, 2) + rec(3)
    f(i)
    K(i).m()
    K(-i)
    print(i, t)
`;
    expectLimitsAsTraced(src, "ok");
  });
});

describe("PRECALL and the CALL after it run in one case", () => {
  // calls of every kind the CALL case takes (Python functions, bound methods, __init__, super(), builtins,
  // str(x), list.append, dict.get, keywords, a call that raises): untraced, PRECALL runs the
  // CALL after it and counts its step, so a step limit at any step must stop where a traced run stops, and
  // an error raised by the call must name the call's line and columns
  const src = `import sys
class A:
    def m(self, x, k=1):
        return x * k
class B(A):
    def __init__(self, v):
        self.v = v
    def m(self, x, k=1):
        return super().m(x, k=k) + self.v
def bad(x):
    return x.missing
out = []
d = {1: "one"}
for i in range(2):
    b = B(i)
    out.append(b.m(i, k=3))
    out.append(str(i) + d.get(i, "?"))
    out.append(max(i, abs(-1), key=lambda v: -v))
    try:
        bad(i)
    except AttributeError as e:
        out.append(e.__traceback__.tb_next.tb_lineno)
print(out, sys.getrefcount(b))
bad(b)
`;

  it("prints and raises what python3 does", () => {
    expectSameAsPython(cpython, "precall-call", src);
  });

  it("a step limit at every step stops untraced runs where traced runs stop", () => {
    expectLimitsAsTraced(src, "exception");
  });
});
