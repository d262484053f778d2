/**
 * Steps against python3's sys.settrace: the kinds and lines of a line trace are python3's "call" and
 * "line" events for the program's own frames (the module's own "call" aside; pyheap ends with a "return"
 * step after the module body instead).
 */
import { describe, expect, test } from "vitest";
import { run } from "../src/index.js";
import { python3Json } from "./trace-helpers.js";

const TRACER = (src: string) => `import sys, json
src = ${JSON.stringify(src)}
ev = []
def tr(frame, event, arg):
    if frame.f_code.co_filename == 'main.py' and event in ('call', 'line'):
        if not (event == 'call' and frame.f_code.co_name == '<module>'):
            ev.append([event, frame.f_lineno, frame.f_code.co_name])
    return tr
code = compile(src, 'main.py', 'exec')
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    sys.settrace(tr)
    exec(code, {'__name__': '__main__'})
    sys.settrace(None)
print(json.dumps(ev))`;

const PROGRAMS: Record<string, string> = {
  "a function with a loop, a while loop, a class body":
    "def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\nx = f(3)\nwhile x > 0:\n    x -= 2\nclass C:\n    a = 1\nprint(x)\n",
  "a generator resumed by a for loop": "def gen(n):\n    for i in range(n):\n        yield i * 2\ntotal = 0\nfor v in gen(3):\n    total += v\nprint(total)\n",
  comprehensions: "xs = [i * i for i in range(4)]\nd = {k: v for k, v in zip('ab', xs)}\nprint(xs, d)\n",
  recursion: "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nprint(fact(4))\n",
  "try/except/finally": "try:\n    x = 1 / 0\nexcept ZeroDivisionError:\n    x = 0\nfinally:\n    y = 2\nprint(x, y)\n",
  "while True with break": "i = 0\nwhile True:\n    i += 1\n    if i > 3:\n        break\nprint(i)\n",
  // a failed filter jumps back with POP_JUMP_BACKWARD_IF_*: a line event after each such jump
  "filtered comprehensions": "xs = [x + 1 for x in [1, 2, 3, 4, 5, 6] if x % 3]\nd = {k: k * 2 for k in range(6) if k % 2 if k > 1}\nys = [x for x in range(10) if x > 2 and x < 8 or x == 0]\n",
  "a filtered generator expression": "s = sum(x for x in range(3) if x)\n",
  "continue: a line event on its own line, then on the loop's": "for i in range(3):\n    if i == 1:\n        continue\n    x = i\nn = 0\nfor i in range(3):\n    for j in range(3):\n        if i == j:\n            continue\n        n += 1\n",
  "while loops whose condition or last line jumps back": "i = 0\nwhile i < 4 and i != 9:\n    i += 1\nx = None\nk = 0\nwhile x is None:\n    k += 1\n    if k > 2:\n        x = k\ni = 0\nwhile i < 2:\n    i += 1\nelse:\n    j = 5\n",
  "one-line functions and lambdas": "def g(): return 1\nx = g()\nf = lambda: 2\ny = f()\n",
  "closures (cells made before the call event)": "def outer(a):\n    def inner():\n        return a + 1\n    return inner()\nprint(outer(2))\n",
  "yield from (SEND loops back without a line event)": "def g():\n    yield 1\n    yield 2\ndef h():\n    yield from g()\n    yield 3\nfor v in h():\n    x = v\ndef walk(n):\n    if n:\n        yield n\n        yield from walk(n - 1)\nprint(list(walk(3)))\n",
  "try/except/finally inside a loop": "for i in range(3):\n    try:\n        if i == 1:\n            raise ValueError(i)\n        x = i\n    except ValueError:\n        x = -1\n    finally:\n        y = x\n",
  "with and methods": "class CM:\n    def __enter__(self):\n        return self\n    def __exit__(self, *a):\n        return False\nwith CM() as c:\n    z = 1\nw = 2\n",
};

describe("line trace steps are sys.settrace's call and line events", () => {
  for (const [name, src] of Object.entries(PROGRAMS)) {
    test(name, () => {
      const expected = python3Json<[string, number, string][]>(TRACER(src));
      const trace = run(src, { trace: "line" }).trace!;
      const steps = trace.steps.filter((s) => s.kind !== "return");
      expect(steps.map((s) => [s.kind, s.line, s.frames[s.frames.length - 1]!.name])).toEqual(expected);
      expect(trace.steps[trace.steps.length - 1]!.kind).toBe("return");
    });
  }
});

const MODULE_RETURN = (src: string) => `import sys, json
src = ${JSON.stringify(src)}
end = []
def tr(frame, event, arg):
    if frame.f_code.co_filename == 'main.py' and frame.f_code.co_name == '<module>' and event == 'return':
        end.append(frame.f_lineno)
    return tr
code = compile(src, 'main.py', 'exec')
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    sys.settrace(tr)
    try:
        exec(code, {'__name__': '__main__'})
    except Exception:
        pass
    sys.settrace(None)
print(json.dumps(end))`;

describe("the last step is the module's return, on the line sys.settrace reports it", () => {
  const programs: Record<string, string> = {
    "a call on the last line returns without a new line event": "def f():\n    a = [1, 2]\n    return len(a)\nprint(f())\n",
    "a loop ending the module": "t = 0\nfor i in range(3):\n    t += i\n",
    "an uncaught exception in a function": "def g(x):\n    return 1 / x\ny = 1\ng(0)\nz = 2\n",
  };
  for (const [name, src] of Object.entries(programs)) {
    test(name, () => {
      const [expected] = python3Json<number[]>(MODULE_RETURN(src));
      const trace = run(src, { trace: "line", filename: "main.py" }).trace!;
      const last = trace.steps[trace.steps.length - 1]!;
      expect(last.kind).toBe("return");
      expect(last.line).toBe(expected);
      expect(last.frames.map((f) => [f.name, f.line])).toEqual([["<module>", expected]]);
    });
  }
});
