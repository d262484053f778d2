/**
 * The eval loop keeps the running frame's next instruction in a local and reads opcode and argument from
 * one packed word per instruction (CodeInfo.ops); the frame's `ip` is written only where the frame is left.
 * What reads a frame mid-loop must see what python3 shows: f_lineno of the running frame and of its caller
 * (also from a __del__ run by a STORE_FAST), warnings' line numbers, tracebacks from loops, handlers and
 * nested calls, generators suspended and resumed mid-loop (next, send, throw, close, yield from,
 * gi_frame.f_lineno); and a step limit that stops exactly at its count, mid-loop, in callees and generators.
 */
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner, expectSameAsPython, expectSameAsPythonBothTraces } from "./cpython.js";

const cpython = cpythonRunner("pyheap-loop-ip-");

const FRAMES = `import sys
import warnings
warnings.simplefilter("always")
def here():
    f = sys._getframe(1)
    return f.f_lineno, f.f_back.f_lineno if f.f_back else None
def loops(n):
    out = []
    for i in range(n):
        out.append(here())
        k = 0
        while k < 2:
            k += 1
            if k == 2:
                out.append(sys._getframe().f_lineno)
    return out
print(loops(3))
class D:
    def __init__(self, k):
        self.k = k
    def __del__(self):
        f = sys._getframe(1)
        print("del", self.k, f.f_code.co_name, f.f_lineno)
def stores():
    x = None
    for i in range(3):
        x = D(i)
        y = 1
    x = None
    return y
stores()
def warn_loop():
    for i in range(3):
        if i % 2:
            warnings.warn("odd %d" % i)
        else:
            warnings.warn("even %d" % i, stacklevel=2)
warn_loop()
def bad(i):
    if i == 2:
        raise ValueError(i)
    return i
def tb_loop():
    got = []
    for i in range(4):
        try:
            got.append(bad(i))
        except ValueError as e:
            tb = e.__traceback__
            lines = []
            while tb:
                lines.append(tb.tb_lineno)
                tb = tb.tb_next
            got.append(lines)
    j = 0
    while j < 10:
        j += 1
        if j == 3:
            try:
                [1][j]
            except IndexError as e:
                got.append(e.__traceback__.tb_lineno)
    return got
print(tb_loop())
def gen(n):
    for i in range(n):
        j = 0
        while j < i:
            yield i, j
            j += 1
        if i == 3:
            try:
                yield "try"
            except KeyError as e:
                yield "caught", str(e)
g = gen(5)
print(next(g), next(g), g.gi_frame.f_lineno)
print(list(zip(range(3), g)))
print(g.gi_frame.f_lineno)
rest = []
for v in g:
    rest.append(v)
    if v == "try":
        rest.append(g.throw(KeyError("k")))
        rest.append(g.gi_frame.f_lineno)
print(rest)
def sub():
    for i in range(3):
        x = yield i
        print("sent", x)
def outer():
    r = yield from sub()
    for k in range(2):
        yield k * 10
gg = outer()
print(next(gg), gg.send("a"), gg.send("b"), gg.send("c"), next(gg))
gg.close()
def counted(n):
    t = 0
    for i in range(n):
        t += i
        yield t
print(sum(counted(100)), [x for x in counted(5) if x % 2], max(counted(7)))
`;

const DEEP = `def deep(n):
    if n == 0:
        for i in range(5):
            if i == 3:
                raise RuntimeError("deep")
    return deep(n - 1) + 1
def runner():
    k = 0
    while k < 2:
        k += 1
        if k == 2:
            deep(3)
runner()
`;

// a loop with calls, a generator and a handler: stopped by the step limit at every count near the end
const LIMITED = `def sq(x):
    return x * x
def gen(n):
    for i in range(n):
        yield sq(i)
t = 0
for v in gen(30):
    try:
        t += v
        if v % 7 == 0:
            raise KeyError(v)
    except KeyError:
        t -= 1
    print(t)
`;

describe("the eval loop's instruction pointer in a local", () => {
  it("f_lineno, warnings, tracebacks and generators in loops as python3", () => {
    expectSameAsPythonBothTraces(cpython, "loop-ip-frames", FRAMES);
  });

  it("a traceback from a loop through nested calls as python3", () => {
    expectSameAsPython(cpython, "loop-ip-deep", DEEP);
  });

  it("a step limit stops exactly at its count, mid-loop, in a callee or a generator", () => {
    const full = runDetailed(LIMITED, {}).result;
    expect(full.outcome.status).toBe("ok");
    const want = cpython("loop-ip-limited.py", LIMITED);
    expect(full.stdout).toBe(want.stdout);
    const total = full.stats.steps;
    expect(runDetailed(LIMITED, { limits: { maxSteps: total } }).result.outcome.status).toBe("ok");
    let printed = -1;
    for (let k = total - 1; k > total - 80; k--) {
      for (const trace of ["none", "line"] as const) {
        const r = runDetailed(LIMITED, { trace, limits: { maxSteps: k, maxTraceSteps: 1e6 } }).result;
        expect(r.outcome).toMatchObject({ status: "limit", limit: "steps" });
        expect(r.stats.steps).toBe(k + 1);
        expect(full.stdout.startsWith(r.stdout)).toBe(true);
        if (trace === "none") printed = r.stdout.length;
        else expect(r.stdout.length).toBe(printed);
      }
    }
    // the last 80 steps print some of the lines
    expect(printed).toBeLessThan(full.stdout.length);
  });
});
